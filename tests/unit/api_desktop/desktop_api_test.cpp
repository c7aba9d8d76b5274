#include "desktop_fixture.hpp"

using fgw::http::Method;

namespace fgw::testing {
namespace {

class DesktopApi : public DispatcherFixture {};

TEST_F(DesktopApi, AgentGetsOwnUserInLogoutBeforeSigningIn) {
  auto r = get("/finesse/api/User/1001", "jsmith:agentpw");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/xml");
  EXPECT_EQ(text_at(r.body, "/User/uri"), "/finesse/api/User/1001");
  EXPECT_EQ(text_at(r.body, "/User/loginId"), "1001");
  EXPECT_EQ(text_at(r.body, "/User/loginName"), "jsmith");
  EXPECT_EQ(text_at(r.body, "/User/state"), "LOGOUT");
  EXPECT_EQ(text_at(r.body, "/User/roles/role"), "Agent");
  EXPECT_EQ(text_at(r.body, "/User/teamId"), "1");
  EXPECT_EQ(text_at(r.body, "/User/teamName"), "Sales");
  EXPECT_EQ(text_at(r.body, "/User/dialogs"), "/finesse/api/User/1001/Dialogs");
}

TEST_F(DesktopApi, UserReflectsLiveStateFromTheDesk) {
  desk.set_agent_state("1001", {"NOT_READY", "1001"});
  auto r = get("/finesse/api/User/1001", "1001:agentpw");
  EXPECT_EQ(text_at(r.body, "/User/state"), "NOT_READY");
  EXPECT_EQ(text_at(r.body, "/User/extension"), "1001");
}

TEST_F(DesktopApi, SupervisorListsSupervisedTeams) {
  auto r = get("/finesse/api/User/2001", "sup:suppw");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(text_at(r.body, "/User/teams/Team/id"), "1");
  EXPECT_EQ(text_at(r.body, "/User/teams/Team/name"), "Sales");
}

struct AccessCase {
  const char* name;
  const char* path;
  const char* credentials;
  int status;
  const char* error_type;  // empty for success
};

class DesktopAccess : public DispatcherFixture, public ::testing::WithParamInterface<AccessCase> {};

TEST_P(DesktopAccess, FollowsSecurityConstraints) {
  const auto& c = GetParam();
  auto r = get(c.path, c.credentials);
  EXPECT_EQ(r.status, c.status) << r.body;
  if (*c.error_type) {
    EXPECT_EQ(text_at(r.body, "/ApiErrors/ApiError/ErrorType"), c.error_type);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, DesktopAccess,
    ::testing::Values(
        AccessCase{"agent_other_user", "/finesse/api/User/1002", "jsmith:agentpw", 401, "Invalid Authorization User Specified"},
        AccessCase{"agent_unknown_user", "/finesse/api/User/4023", "jsmith:agentpw", 401, "Invalid Authorization User Specified"},
        AccessCase{"admin_any_user", "/finesse/api/User/1002", "admin:adminpw", 200, ""},
        AccessCase{"admin_unknown_user", "/finesse/api/User/4023", "admin:adminpw", 404, "User Not Found"},
        AccessCase{"admin_only_account_has_no_user", "/finesse/api/User/9000", "admin:adminpw", 404, "User Not Found"},
        AccessCase{"supervisor_team_member", "/finesse/api/User/1001", "sup:suppw", 200, ""},
        AccessCase{"supervisor_other_team", "/finesse/api/User/1002", "sup:suppw", 401, "Invalid Authorization User Specified"},
        AccessCase{"users_admin", "/finesse/api/Users", "admin:adminpw", 200, ""},
        AccessCase{"users_agent", "/finesse/api/Users", "jsmith:agentpw", 401, "Authorization Failure"},
        AccessCase{"team_member", "/finesse/api/Team/1", "jsmith:agentpw", 200, ""},
        AccessCase{"team_supervisor", "/finesse/api/Team/1", "sup:suppw", 200, ""},
        AccessCase{"team_other_agent", "/finesse/api/Team/1", "mjones:agentpw", 401, "Authorization Failure"},
        AccessCase{"team_unknown", "/finesse/api/Team/77", "admin:adminpw", 404, "Not Found"},
        AccessCase{"system_info_agent", "/finesse/api/SystemInfo", "jsmith:agentpw", 200, ""},
        AccessCase{"no_credentials", "/finesse/api/User/1001", "", 401, "Authorization Failure"},
        AccessCase{"wrong_password", "/finesse/api/User/1001", "jsmith:nope", 401, "Authorization Failure"},
        AccessCase{"unknown_login", "/finesse/api/User/1001", "ghost:agentpw", 401, "Authorization Failure"},
        AccessCase{"unknown_resource", "/finesse/api/Nonsense", "jsmith:agentpw", 404, "Not Found"},
        AccessCase{"unknown_resource_unauthenticated", "/finesse/api/Nonsense", "", 401, "Authorization Failure"},
        AccessCase{"outside_api", "/favicon.ico", "", 404, "Not Found"},
        AccessCase{"agent_calls_config_api", "/finesseconfig/api/SystemConfig", "jsmith:agentpw", 401, "Authorization Failure"},
        AccessCase{"supervisor_calls_config_api", "/finesseconfig/api/ReasonCodes", "sup:suppw", 401, "Authorization Failure"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(DesktopApi, UnauthenticatedGetsAChallenge) {
  auto r = get("/finesse/api/User/1001", "");
  ASSERT_EQ(r.status, 401);
  bool challenged = false;
  for (const auto& [name, value] : r.headers) challenged |= name == "WWW-Authenticate" && value.rfind("Basic", 0) == 0;
  EXPECT_TRUE(challenged);
}

TEST_F(DesktopApi, AuthorizationFailureNamesTheLogin) {
  auto r = get("/finesse/api/Users", "jsmith:agentpw");
  EXPECT_EQ(text_at(r.body, "/ApiErrors/ApiError/ErrorMessage"), "UNAUTHORIZED");
  EXPECT_EQ(text_at(r.body, "/ApiErrors/ApiError/ErrorData"), "jsmith");
}

TEST_F(DesktopApi, WrongMethodIs405WithAllow) {
  auto r = call(Method::Delete, "/finesse/api/SystemInfo", "jsmith:agentpw");
  ASSERT_EQ(r.status, 405);
  EXPECT_EQ(text_at(r.body, "/ApiErrors/ApiError/ErrorType"), "Method Not Allowed");
  ASSERT_FALSE(r.headers.empty());
  EXPECT_EQ(r.headers[0].first, "Allow");
  EXPECT_EQ(r.headers[0].second, "GET");
}

TEST_F(DesktopApi, UsersListsEveryAgentAndSupervisor) {
  auto r = get("/finesse/api/Users", "admin:adminpw");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(r.body.c_str()));
  EXPECT_EQ(doc.select_nodes("/Users/User").size(), 3u);  // the administrator-only account is not a User
}

TEST_F(DesktopApi, TeamListsMembersWithState) {
  desk.set_agent_state("2001", {"TALKING", "2001"});
  auto r = get("/finesse/api/Team/1", "sup:suppw");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(r.body.c_str()));
  EXPECT_EQ(std::string(doc.select_node("/Team/name").node().text().get()), "Sales");
  EXPECT_EQ(std::string(doc.select_node("/Team/uri").node().text().get()), "/finesse/api/Team/1");
  EXPECT_EQ(doc.select_nodes("/Team/users/User").size(), 2u);
  EXPECT_EQ(std::string(doc.select_node("/Team/users/User[loginId='2001']/state").node().text().get()), "TALKING");
}

TEST_F(DesktopApi, SystemInfoReportsDomainsAndNodes) {
  auto r = get("/finesse/api/SystemInfo", "jsmith:agentpw");
  EXPECT_EQ(text_at(r.body, "/SystemInfo/status"), "IN_SERVICE");
  EXPECT_EQ(text_at(r.body, "/SystemInfo/xmppDomain"), "xmpp.example.com");
  EXPECT_EQ(text_at(r.body, "/SystemInfo/xmppPubSubDomain"), "pubsub.xmpp.example.com");
  EXPECT_EQ(text_at(r.body, "/SystemInfo/primaryNode/host"), "finesse-a.example.com");
  store->set_cluster_config({"finesse-b.example.com"});
  r = get("/finesse/api/SystemInfo", "jsmith:agentpw");
  EXPECT_EQ(text_at(r.body, "/SystemInfo/secondaryNode/host"), "finesse-b.example.com");
}

class OutOfService : public DispatcherFixture {
 protected:
  OutOfService() { desk.service().report("cti", false, "CTI side A and side B down"); }
};

TEST_F(OutOfService, DesktopApisAnswer503ServerOutOfService) {
  for (const char* path : {"/finesse/api/User/1001", "/finesse/api/Team/1", "/finesse/api/User/1001/ReasonCodes"}) {
    auto r = get(path, "jsmith:agentpw");
    EXPECT_EQ(r.status, 503) << path;
    EXPECT_EQ(text_at(r.body, "/ApiErrors/ApiError/ErrorType"), "Service Unavailable");
    EXPECT_EQ(text_at(r.body, "/ApiErrors/ApiError/ErrorMessage"), "SERVER_OUT_OF_SERVICE");
  }
}

TEST_F(OutOfService, SystemInfoStillAnswersWithItsStatus) {
  auto r = get("/finesse/api/SystemInfo", "jsmith:agentpw");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(text_at(r.body, "/SystemInfo/status"), "OUT_OF_SERVICE");
}

TEST_F(OutOfService, ConfigApisStayAvailableToAdministrators) {
  EXPECT_EQ(get("/finesseconfig/api/SystemConfig", "admin:adminpw").status, 200);
  EXPECT_EQ(get("/finesseconfig/api/SystemConfig", "jsmith:agentpw").status, 401);
}

TEST_F(OutOfService, HealthReportsTheReason) {
  auto r = get("/health", "");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.body, "OUT_OF_SERVICE: CTI side A and side B down");
  desk.service().report("cti", true);
  r = get("/health", "");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "IN_SERVICE");
}

TEST_F(OutOfService, CredentialsAreCheckedBeforeServiceState) {
  EXPECT_EQ(get("/finesse/api/User/1001", "jsmith:wrong").status, 401);
}

}  // namespace
}  // namespace fgw::testing
