#include <gtest/gtest.h>

#include "tests/unit/api_config/config_api_fixture.hpp"

namespace fgw::test {
namespace {

using http::error_type::kFinesseApiError;
using http::error_type::kInvalidInput;
using http::error_type::kNotFound;
using http::error_type::kParameterMissing;

std::string reason_code(const std::string& fields) { return "<ReasonCode>" + fields + "</ReasonCode>"; }

class ReasonCodeApi : public ConfigApiTest {
 protected:
  // Creates through the API and returns the new id, read from the Location header.
  int64_t create(const std::string& category, int code, const std::string& label, bool for_all = true) {
    const auto response = post("/finesseconfig/api/ReasonCode/",
                               reason_code("<category>" + category + "</category><code>" + std::to_string(code) +
                                           "</code><label>" + label + "</label><forAll>" +
                                           (for_all ? "true" : "false") + "</forAll>"));
    EXPECT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.headers.size(), 1u);
    const auto& location = response.headers.at(0).second;
    return std::stoll(location.substr(location.rfind('/') + 1));
  }
};

TEST_F(ReasonCodeApi, CreateAnswersEmptyBodyAndAbsoluteLocation) {
  const auto response = post("/finesseconfig/api/ReasonCode/",
                             reason_code("<category>NOT_READY</category><code>24</code><label>Lunch Break</label><forAll>true</forAll>"),
                             "finesse.example.com:8082");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_TRUE(response.body.empty());
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "Location");
  const auto id = store_->reason_codes(config::ReasonCategory::NotReady).at(0).id;
  EXPECT_EQ(response.headers[0].second, "http://finesse.example.com:8082/finesseconfig/api/ReasonCode/" + std::to_string(id));
}

TEST_F(ReasonCodeApi, LocationFallsBackToPathWhenHostIsUnusable) {
  const auto response = post("/finesseconfig/api/ReasonCode",
                             reason_code("<category>LOGOUT</category><code>1</code><label>Home</label><forAll>true</forAll>"),
                             "evil\r\nSet-Cookie: x");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.at(0).second.rfind("/finesseconfig/api/ReasonCode/", 0), 0u);
}

TEST_F(ReasonCodeApi, GetRendersTheGuideShape) {
  const auto id = create("NOT_READY", 10, "Team Meeting");
  const auto response = get("/finesseconfig/api/ReasonCode/" + std::to_string(id), admin());
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"(<?xml version="1.0" encoding="UTF-8"?><ReasonCode><uri>/finesseconfig/api/ReasonCode/)" +
                               std::to_string(id) +
                               "</uri><category>NOT_READY</category><code>10</code><label>Team Meeting</label>"
                               "<forAll>true</forAll></ReasonCode>");
}

TEST_F(ReasonCodeApi, ListFiltersByCategoryAndCarriesItAsAttribute) {
  create("NOT_READY", 1, "Break");
  create("LOGOUT", 2, "Home");
  create("NOT_READY", 3, "Hidden", false);  // administrators see non-global ones too
  const auto response = get("/finesseconfig/api/ReasonCodes?category=NOT_READY", admin());
  ASSERT_EQ(response.status, 200);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(response.body.c_str()));
  const auto list = doc.child("ReasonCodes");
  EXPECT_STREQ(list.attribute("category").value(), "NOT_READY");
  std::vector<std::string> labels;
  for (auto rc : list.children("ReasonCode")) labels.emplace_back(rc.child_value("label"));
  EXPECT_EQ(labels, (std::vector<std::string>{"Break", "Hidden"}));
}

TEST_F(ReasonCodeApi, ListNeedsAValidCategory) {
  auto response = get("/finesseconfig/api/ReasonCodes", admin());
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(parse_error(response.body)->type, kParameterMissing);
  EXPECT_EQ(parse_error(response.body)->data, "category");
  response = get("/finesseconfig/api/ReasonCodes?category=READY", admin());
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(parse_error(response.body)->type, kInvalidInput);
  EXPECT_EQ(parse_error(response.body)->data, "READY");
}

TEST_F(ReasonCodeApi, CreateRejections) {
  create("NOT_READY", 10, "Team Meeting");
  const auto before = dump_store();
  const std::string forty = std::string(40, 'x');
  const std::string forty_two_byte_chars = [] {
    std::string s;
    for (int i = 0; i < 41; ++i) s += "\xC3\xA9";  // 41 x 'é': 41 characters, 82 bytes
    return s;
  }();
  const std::vector<Rejection> table = {
      {"empty body", "", 400, kParameterMissing, missing("ReasonCode"), "ReasonCode"},
      {"wrong root", "<WrapUpReason/>", 400, kInvalidInput, "Invalid root element", "WrapUpReason"},
      {"no category", reason_code("<code>1</code><label>a</label><forAll>true</forAll>"), 400, kParameterMissing, missing("category"), "category"},
      {"no code", reason_code("<category>LOGOUT</category><label>a</label><forAll>true</forAll>"), 400, kParameterMissing, missing("code"), "code"},
      {"no label", reason_code("<category>LOGOUT</category><code>1</code><forAll>true</forAll>"), 400, kParameterMissing, missing("label"), "label"},
      {"no forAll", reason_code("<category>LOGOUT</category><code>1</code><label>a</label>"), 400, kParameterMissing, missing("forAll"), "forAll"},
      {"bad category", reason_code("<category>READY</category><code>1</code><label>a</label><forAll>true</forAll>"), 400, kInvalidInput, "category", "READY"},
      {"code -1", reason_code("<category>LOGOUT</category><code>-1</code><label>a</label><forAll>true</forAll>"), 400, kInvalidInput, "code", "-1"},
      {"code 65536", reason_code("<category>LOGOUT</category><code>65536</code><label>a</label><forAll>true</forAll>"), 400, kInvalidInput, "code", "65536"},
      {"code text", reason_code("<category>LOGOUT</category><code>ten</code><label>a</label><forAll>true</forAll>"), 400, kInvalidInput, "code", "ten"},
      {"empty label", reason_code("<category>LOGOUT</category><code>1</code><label></label><forAll>true</forAll>"), 400, kInvalidInput, "label", ""},
      {"41 char label", reason_code("<category>LOGOUT</category><code>1</code><label>" + forty + "y</label><forAll>true</forAll>"), 400, kInvalidInput, "label", forty + "y"},
      {"41 multibyte chars", reason_code("<category>LOGOUT</category><code>1</code><label>" + forty_two_byte_chars + "</label><forAll>true</forAll>"), 400, kInvalidInput, "label", forty_two_byte_chars},
      {"forAll yes", reason_code("<category>LOGOUT</category><code>1</code><label>a</label><forAll>yes</forAll>"), 400, kInvalidInput, "forAll", "yes"},
      {"duplicate", reason_code("<category>NOT_READY</category><code>10</code><label>Team Meeting</label><forAll>false</forAll>"), 400, kFinesseApiError, "ReasonCode already exists", "violation of DB constraint"},
  };
  for (const auto& row : table) EXPECT_REJECTED(post("/finesseconfig/api/ReasonCode", row.body), row, before);
}

TEST_F(ReasonCodeApi, FortyCharacterLabelsOfMultibyteCharactersAreAccepted) {
  std::string label;
  for (int i = 0; i < 40; ++i) label += "\xC3\xA9";
  create("LOGOUT", 5, label);
  EXPECT_EQ(store_->reason_codes(config::ReasonCategory::Logout).at(0).label, label);
}

TEST_F(ReasonCodeApi, UniquenessIsOnTheTriple) {
  create("NOT_READY", 10, "Meeting");
  create("LOGOUT", 10, "Meeting");
  create("NOT_READY", 11, "Meeting");
  create("NOT_READY", 10, "Other");
  EXPECT_EQ(store_->reason_codes(config::ReasonCategory::NotReady).size(), 3u);
}

TEST_F(ReasonCodeApi, UpdateIsPartial) {
  const auto id = create("NOT_READY", 10, "In Meeting");
  const auto path = "/finesseconfig/api/ReasonCode/" + std::to_string(id);
  // The guide's own example spells the opening tag <Label>: names match case-insensitively.
  ASSERT_EQ(put(path, "<ReasonCode><label>Attend Meeting</label></ReasonCode>").status, 200);
  auto rc = *store_->reason_code(id);
  EXPECT_EQ(rc.label, "Attend Meeting");
  EXPECT_EQ(rc.code, 10);
  EXPECT_EQ(rc.category, config::ReasonCategory::NotReady);
  EXPECT_TRUE(rc.for_all);
  ASSERT_EQ(put(path, "<ReasonCode><code>1001</code><forall>false</forall></ReasonCode>").status, 200);
  rc = *store_->reason_code(id);
  EXPECT_EQ(rc.code, 1001);
  EXPECT_FALSE(rc.for_all);
  EXPECT_EQ(rc.label, "Attend Meeting");
}

TEST_F(ReasonCodeApi, UpdateRejections) {
  const auto id = create("NOT_READY", 10, "Meeting");
  create("NOT_READY", 11, "Lunch");
  const auto path = "/finesseconfig/api/ReasonCode/" + std::to_string(id);
  const auto before = dump_store();
  const std::vector<Rejection> table = {
      {"bad code", reason_code("<code>70000</code>"), 400, kInvalidInput, "code", "70000"},
      {"empty label", reason_code("<label></label>"), 400, kInvalidInput, "label", ""},
      {"bad forAll", reason_code("<forAll>1</forAll>"), 400, kInvalidInput, "forAll", "1"},
      {"bad category", reason_code("<category>BUSY</category>"), 400, kInvalidInput, "category", "BUSY"},
      {"merged duplicate", reason_code("<code>11</code><label>Lunch</label>"), 400, kFinesseApiError, "ReasonCode already exists", "violation of DB constraint"},
  };
  for (const auto& row : table) EXPECT_REJECTED(put(path, row.body), row, before);
}

TEST_F(ReasonCodeApi, UnknownOrNonNumericIdsAreNotFound) {
  const auto before = dump_store();
  for (const char* id : {"999", "abc", "0", "-1", "1.5"}) {
    const std::string path = std::string("/finesseconfig/api/ReasonCode/") + id;
    for (const auto& response : {get(path, admin()), put(path, reason_code("<label>x</label>")),
                                 call(http::Method::Delete, path, admin())}) {
      EXPECT_EQ(response.status, 404) << id;
      EXPECT_EQ(parse_error(response.body)->type, kNotFound) << id;
    }
  }
  EXPECT_EQ(dump_store(), before);
}

TEST_F(ReasonCodeApi, DeleteRemovesAndSecondDeleteIsNotFound) {
  const auto id = create("LOGOUT", 3, "Done");
  const auto path = "/finesseconfig/api/ReasonCode/" + std::to_string(id);
  const auto response = call(http::Method::Delete, path, admin());
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.body.empty());
  EXPECT_FALSE(store_->reason_code(id).has_value());
  EXPECT_EQ(call(http::Method::Delete, path, admin()).status, 404);
  EXPECT_EQ(get(path, admin()).status, 404);
}

TEST_F(ReasonCodeApi, AgentsCannotUseTheConfigSurface) {
  const auto id = create("LOGOUT", 3, "Done");
  const auto path = "/finesseconfig/api/ReasonCode/" + std::to_string(id);
  const auto before = dump_store();
  EXPECT_EQ(get(path, agent()).status, 401);
  EXPECT_EQ(call(http::Method::Delete, path, agent()).status, 401);
  EXPECT_EQ(call(http::Method::Post, "/finesseconfig/api/ReasonCode", agent(),
                 reason_code("<category>LOGOUT</category><code>9</code><label>z</label><forAll>true</forAll>")).status,
            401);
  EXPECT_EQ(dump_store(), before);
}

}  // namespace
}  // namespace fgw::test
