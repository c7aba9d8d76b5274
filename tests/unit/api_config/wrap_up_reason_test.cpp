#include <gtest/gtest.h>
#include <sqlite3.h>

#include "tests/unit/api_config/config_api_fixture.hpp"

namespace fgw::test {
namespace {

using http::error_type::kFinesseApiError;
using http::error_type::kInvalidInput;
using http::error_type::kParameterMissing;

std::string wrap_up(const std::string& fields) { return "<WrapUpReason>" + fields + "</WrapUpReason>"; }

class WrapUpReasonApi : public ConfigApiTest {
 protected:
  int64_t create(const std::string& label, bool for_all = true) {
    const auto response = post("/finesseconfig/api/WrapUpReason/",
                               wrap_up("<label>" + label + "</label><forAll>" + (for_all ? "true" : "false") + "</forAll>"));
    EXPECT_EQ(response.status, 200) << response.body;
    const auto& location = response.headers.at(0).second;
    return std::stoll(location.substr(location.rfind('/') + 1));
  }
};

TEST_F(WrapUpReasonApi, CreateGetAndList) {
  const auto id = create("Product Question");
  create("Hidden", false);
  const auto one = get("/finesseconfig/api/WrapUpReason/" + std::to_string(id), admin());
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.body, R"(<?xml version="1.0" encoding="UTF-8"?><WrapUpReason><uri>/finesseconfig/api/WrapUpReason/)" +
                          std::to_string(id) + "</uri><label>Product Question</label><forAll>true</forAll></WrapUpReason>");
  const auto list = get("/finesseconfig/api/WrapUpReasons", admin());
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(list.body.c_str()));
  size_t count = 0;
  for ([[maybe_unused]] auto w : doc.child("WrapUpReasons").children("WrapUpReason")) ++count;
  EXPECT_EQ(count, 2u);  // administrators also see non-global ones
}

TEST_F(WrapUpReasonApi, LocationIsAbsoluteWithHost) {
  const auto response = post("/finesseconfig/api/WrapUpReason", wrap_up("<label>Sale</label><forAll>true</forAll>"), "host");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.at(0).second,
            "http://host/finesseconfig/api/WrapUpReason/" + std::to_string(store_->wrap_up_reasons().at(0).id));
}

TEST_F(WrapUpReasonApi, CreateRejections) {
  create("Taken");
  const auto before = dump_store();
  const std::string thirty_nine(39, 'a');
  const std::string twenty_two_byte_pairs = [] {
    std::string s;
    for (int i = 0; i < 20; ++i) s += "\xC3\xA9";  // 20 characters but 40 bytes
    return s;
  }();
  const std::vector<Rejection> table = {
      {"empty body", "", 400, kParameterMissing, missing("WrapUpReason"), "WrapUpReason"},
      {"no label", wrap_up("<forAll>true</forAll>"), 400, kParameterMissing, missing("label"), "label"},
      {"no forAll", wrap_up("<label>x</label>"), 400, kParameterMissing, missing("forAll"), "forAll"},
      {"empty label", wrap_up("<label></label><forAll>true</forAll>"), 400, kInvalidInput, "label", ""},
      {"40 bytes", wrap_up("<label>" + thirty_nine + "b</label><forAll>true</forAll>"), 400, kInvalidInput, "label", thirty_nine + "b"},
      {"40 bytes in 20 characters", wrap_up("<label>" + twenty_two_byte_pairs + "</label><forAll>true</forAll>"), 400, kInvalidInput, "label", twenty_two_byte_pairs},
      {"bad forAll", wrap_up("<label>x</label><forAll>maybe</forAll>"), 400, kInvalidInput, "forAll", "maybe"},
      {"duplicate", wrap_up("<label>Taken</label><forAll>false</forAll>"), 400, kFinesseApiError, "WrapUpReason already exists", "violation of DB constraint"},
  };
  for (const auto& row : table) EXPECT_REJECTED(post("/finesseconfig/api/WrapUpReason", row.body), row, before);
  create(thirty_nine);  // exactly 39 bytes is allowed
}

TEST_F(WrapUpReasonApi, UpdateIsPartialAndChecksUniqueness) {
  const auto id = create("Wrong Number");
  create("Sales call");
  const auto path = "/finesseconfig/api/WrapUpReason/" + std::to_string(id);
  ASSERT_EQ(put(path, wrap_up("<label>Wrong Department</label>")).status, 200);
  EXPECT_EQ(store_->wrap_up_reason(id)->label, "Wrong Department");
  EXPECT_TRUE(store_->wrap_up_reason(id)->for_all);
  ASSERT_EQ(put(path, wrap_up("<forAll>false</forAll>")).status, 200);
  EXPECT_EQ(store_->wrap_up_reason(id)->label, "Wrong Department");
  EXPECT_FALSE(store_->wrap_up_reason(id)->for_all);
  const auto before = dump_store();
  const Rejection duplicate{"duplicate", wrap_up("<label>Sales call</label>"), 400, kFinesseApiError,
                            "WrapUpReason already exists", "violation of DB constraint"};
  EXPECT_REJECTED(put(path, duplicate.body), duplicate, before);
  EXPECT_EQ(put("/finesseconfig/api/WrapUpReason/777", wrap_up("<label>x</label>")).status, 404);
}

TEST_F(WrapUpReasonApi, Delete) {
  const auto id = create("Bye");
  const auto path = "/finesseconfig/api/WrapUpReason/" + std::to_string(id);
  EXPECT_EQ(call(http::Method::Delete, path, admin()).status, 200);
  EXPECT_EQ(call(http::Method::Delete, path, admin()).status, 404);
  EXPECT_EQ(call(http::Method::Delete, "/finesseconfig/api/WrapUpReason/x", admin()).status, 404);
}

// A write the database refuses (here a trigger added behind the store's back) is a 500 Datastore
// Error, and neither the database nor the cache keeps any part of it.
TEST_F(WrapUpReasonApi, DatastoreFailureIs500AndChangesNothing) {
  create("Before");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(temp_.file("finesse.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TRIGGER refuse BEFORE INSERT ON wrap_up_reason BEGIN SELECT RAISE(ABORT, 'disk says no'); END;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  const auto before = dump_store();
  const auto response = post("/finesseconfig/api/WrapUpReason", wrap_up("<label>After</label><forAll>true</forAll>"));
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(parse_error(response.body)->type, http::error_type::kDatastoreError);
  EXPECT_EQ(dump_store(), before);
  EXPECT_EQ(config::ConfigStore::open(temp_.file("finesse.db"), temp_.file("finesse.key"))->wrap_up_reasons().size(), 1u);
}

}  // namespace
}  // namespace fgw::test
