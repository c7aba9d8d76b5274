#include <gtest/gtest.h>

#include "tests/unit/api_config/config_api_fixture.hpp"

namespace fgw::test {
namespace {

using http::error_type::kInvalidAuthorizationUser;
using http::error_type::kNotFound;
using http::error_type::kUserNotFound;

class UserConfigReads : public ConfigApiTest {
 protected:
  void SetUp() override {
    global_nr_ = store_->create_reason_code({0, config::ReasonCategory::NotReady, 12, "Lunch", true}).id;
    hidden_nr_ = store_->create_reason_code({0, config::ReasonCategory::NotReady, 13, "Secret", false}).id;
    global_lo_ = store_->create_reason_code({0, config::ReasonCategory::Logout, 1, "Home", true}).id;
    global_wu_ = store_->create_wrap_up_reason({0, "Product Question", true}).id;
    hidden_wu_ = store_->create_wrap_up_reason({0, "Internal", false}).id;
  }

  static std::vector<std::string> labels(const std::string& body, const char* list, const char* item) {
    pugi::xml_document doc;
    doc.load_string(body.c_str());
    std::vector<std::string> found;
    for (auto node : doc.child(list).children(item)) found.emplace_back(node.child_value("label"));
    return found;
  }

  int64_t global_nr_ = 0, hidden_nr_ = 0, global_lo_ = 0, global_wu_ = 0, hidden_wu_ = 0;
};

TEST_F(UserConfigReads, ReasonCodeListShowsOnlyGlobalCodesOfTheCategory) {
  const auto response = get("/finesse/api/User/1001/ReasonCodes?category=NOT_READY", agent());
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(labels(response.body, "ReasonCodes", "ReasonCode"), std::vector<std::string>{"Lunch"});
  EXPECT_NE(response.body.find(R"(<ReasonCodes category="NOT_READY">)"), std::string::npos);
  EXPECT_NE(response.body.find("<uri>/finesseconfig/api/ReasonCode/" + std::to_string(global_nr_) + "</uri>"), std::string::npos);
  EXPECT_EQ(labels(get("/finesse/api/User/1001/ReasonCodes?category=LOGOUT", agent()).body, "ReasonCodes", "ReasonCode"),
            std::vector<std::string>{"Home"});
}

TEST_F(UserConfigReads, ReasonCodeListCategoryRules) {
  auto response = get("/finesse/api/User/1001/ReasonCodes", agent());
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(parse_error(response.body)->type, http::error_type::kParameterMissing);
  response = get("/finesse/api/User/1001/ReasonCodes?category=not_ready", agent());
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(parse_error(response.body)->type, http::error_type::kInvalidInput);
}

TEST_F(UserConfigReads, SingleReasonCode) {
  auto response = get("/finesse/api/User/1001/ReasonCode/" + std::to_string(global_nr_), agent());
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("<label>Lunch</label>"), std::string::npos);
  for (const auto& id : {std::to_string(hidden_nr_), std::string("424242"), std::string("abc")}) {
    response = get("/finesse/api/User/1001/ReasonCode/" + id, agent());
    EXPECT_EQ(response.status, 404) << id;
    EXPECT_EQ(parse_error(response.body)->type, kNotFound) << id;
  }
}

TEST_F(UserConfigReads, WrapUpReasonsUseUserUrisAndOnlyGlobalOnes) {
  auto response = get("/finesse/api/User/1001/WrapUpReasons", agent());
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(labels(response.body, "WrapUpReasons", "WrapUpReason"), std::vector<std::string>{"Product Question"});
  EXPECT_NE(response.body.find("<uri>/finesse/api/User/1001/WrapUpReason/" + std::to_string(global_wu_) + "</uri>"),
            std::string::npos);
  response = get("/finesse/api/User/1001/WrapUpReason/" + std::to_string(global_wu_), agent());
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("/finesse/api/User/1001/WrapUpReason/"), std::string::npos);
  EXPECT_EQ(get("/finesse/api/User/1001/WrapUpReason/" + std::to_string(hidden_wu_), agent()).status, 404);
}

TEST_F(UserConfigReads, OthersAreRefusedBeforeExistenceIsRevealed) {
  const std::vector<std::string> paths = {
      "/finesse/api/User/1002/ReasonCodes?category=NOT_READY", "/finesse/api/User/1002/ReasonCode/1",
      "/finesse/api/User/1002/WrapUpReasons", "/finesse/api/User/1002/WrapUpReason/1",
      "/finesse/api/User/1002/MediaPropertiesLayout/default",
      // An unknown id is refused the same way, so a caller cannot probe which ids exist.
      "/finesse/api/User/5555/ReasonCodes?category=NOT_READY", "/finesse/api/User/5555/WrapUpReasons"};
  for (const auto& path : paths) {
    const auto response = get(path, agent());
    EXPECT_EQ(response.status, 401) << path;
    EXPECT_EQ(parse_error(response.body)->type, kInvalidAuthorizationUser) << path;
  }
  EXPECT_EQ(get("/finesse/api/User/1001/ReasonCodes?category=NOT_READY", as("2001")).status, 401);  // supervisors too
}

TEST_F(UserConfigReads, AdministratorsReadWrapUpReasonsOfAnyone) {
  EXPECT_EQ(get("/finesse/api/User/1002/WrapUpReasons", admin()).status, 200);
  EXPECT_EQ(get("/finesse/api/User/1002/WrapUpReason/" + std::to_string(global_wu_), admin()).status, 200);
  const auto response = get("/finesse/api/User/5555/WrapUpReasons", admin());
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(parse_error(response.body)->type, kUserNotFound);
  // Reason codes are for agents and supervisors (3.1.7).
  EXPECT_EQ(get("/finesse/api/User/9001/ReasonCodes?category=NOT_READY", admin()).status, 401);
}

TEST_F(UserConfigReads, SupervisorsReadTheirOwn) {
  EXPECT_EQ(get("/finesse/api/User/2001/ReasonCodes?category=LOGOUT", as("2001")).status, 200);
  EXPECT_EQ(get("/finesse/api/User/2001/WrapUpReasons", as("2001")).status, 200);
}

TEST_F(UserConfigReads, MediaPropertiesLayoutMatchesTheConfiguredOne) {
  config::MediaPropertiesLayout layout;
  layout.header = config::MediaPropertyEntry{"Customer Name", "callVariable1"};
  layout.columns = {{{"Customer Acct#", "user.cisco.acctnum"}}, {}};
  store_->set_media_properties_layout(layout);
  const auto response = get("/finesse/api/User/1001/MediaPropertiesLayout/default", agent());
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.body, xml::render_media_properties_layout(layout));
  EXPECT_EQ(response.body, get("/finesseconfig/api/MediaPropertiesLayout/default", admin()).body);
}

}  // namespace
}  // namespace fgw::test
