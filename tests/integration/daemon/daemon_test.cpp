// The finesse-gw binary as a black box: the command line of the contract, a real socket, a real
// store on disk, and signals.

#include <gtest/gtest.h>

#include "integration/support/daemon_process.hpp"

namespace fgw::testing {
namespace {

std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("fgw-it-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

const std::string kBinary = FGW_DAEMON_BINARY;

const std::string kReasonCode =
    "<ReasonCode><category>NOT_READY</category><code>24</code><label>Lunch Break</label><forAll>true</forAll></ReasonCode>";

TEST(DaemonCommandLine, VersionPrintsAndExitsZero) {
  auto r = run_command(kBinary + " --version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output.rfind("finesse-gw ", 0), 0u) << r.output;
}

TEST(DaemonCommandLine, CheckConfigAcceptsAValidFile) {
  DaemonProcess daemon(temp_dir("check-ok"));
  auto r = run_command(kBinary + " --check-config --config " + daemon.config_path().string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST(DaemonCommandLine, CheckConfigNamesTheBadKey) {
  DaemonProcess daemon(temp_dir("check-bad"), "[node]\nname = \"tertiary\"\n");
  auto r = run_command(kBinary + " --check-config --config " + daemon.config_path().string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("node.name"), std::string::npos) << r.output;
}

TEST(DaemonCommandLine, CheckConfigNamesABadDirectoryKey) {
  auto dir = temp_dir("check-baddir");
  DaemonProcess daemon(dir);
  std::ofstream(dir / "directory.toml") << "[[user]]\nid = \"1\"\n";
  auto r = run_command(kBinary + " --check-config --config " + daemon.config_path().string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("user[0].password"), std::string::npos) << r.output;
}

TEST(DaemonCommandLine, UnknownFlagIsAUsageError) {
  EXPECT_EQ(run_command(kBinary + " --frobnicate").exit_code, 2);
}

class RunningDaemon : public ::testing::Test {
 protected:
  RunningDaemon() : dir(temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name())), daemon(dir) {
    daemon.start();
  }
  ~RunningDaemon() override { std::filesystem::remove_all(dir); }
  HttpReply call(const std::string& method, const std::string& target, const std::string& credentials = "",
                 const std::string& body = "") {
    return http_call(daemon.port(), method, target, credentials, body);
  }
  std::filesystem::path dir;
  DaemonProcess daemon;
};

TEST_F(RunningDaemon, ServesHealthAndTheApiWithDemoCredentials) {
  EXPECT_EQ(call("GET", "/health").body, "IN_SERVICE");
  auto user = call("GET", "/finesse/api/User/1001", "agent1:agent1pw");
  EXPECT_EQ(user.status, 200);
  EXPECT_NE(user.body.find("<state>LOGOUT</state>"), std::string::npos) << user.body;
  EXPECT_EQ(user.header("Content-Type").rfind("application/xml", 0), 0u);
  EXPECT_EQ(call("GET", "/finesseconfig/api/ReasonCodes?category=NOT_READY", "admin:adminpw").status, 200);
}

TEST_F(RunningDaemon, AgentOnAConfigApiGetsAuthorizationFailure) {
  auto r = call("GET", "/finesseconfig/api/SystemConfig", "agent1:agent1pw");
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("<ErrorType>Authorization Failure</ErrorType>"), std::string::npos) << r.body;
}

TEST_F(RunningDaemon, BadInputGetsItsStatusAndLeavesTheStoreUnchanged) {
  ASSERT_EQ(call("POST", "/finesseconfig/api/ReasonCode/", "admin:adminpw", kReasonCode).status, 200);
  const auto before = call("GET", "/finesseconfig/api/ReasonCodes?category=NOT_READY", "admin:adminpw").body;

  struct Case {
    std::string name, method, target, credentials, body;
    int status;
  };
  const std::vector<Case> cases = {
      {"malformed xml", "POST", "/finesseconfig/api/ReasonCode", "admin:adminpw", "<ReasonCode><code>1</ReasonCode>", 400},
      {"wrong root", "POST", "/finesseconfig/api/ReasonCode", "admin:adminpw", "<WrapUpReason><label>x</label></WrapUpReason>", 400},
      {"duplicate", "POST", "/finesseconfig/api/ReasonCode", "admin:adminpw", kReasonCode, 400},
      {"oversize body", "POST", "/finesseconfig/api/ReasonCode", "admin:adminpw",
       "<ReasonCode><label>" + std::string(70 * 1024, 'x') + "</label></ReasonCode>", 413},
      {"wrong password", "POST", "/finesseconfig/api/ReasonCode", "admin:nope", kReasonCode, 401},
      {"unknown user", "POST", "/finesseconfig/api/ReasonCode", "ghost:adminpw", kReasonCode, 401},
      {"agent", "POST", "/finesseconfig/api/ReasonCode", "agent1:agent1pw", kReasonCode, 401},
  };
  for (const auto& c : cases) {
    auto r = call(c.method, c.target, c.credentials, c.body);
    EXPECT_EQ(r.status, c.status) << c.name << ": " << r.body;
    EXPECT_NE(r.body.find("<ApiErrors>"), std::string::npos) << c.name << ": " << r.body;
  }
  EXPECT_EQ(call("GET", "/finesseconfig/api/ReasonCodes?category=NOT_READY", "admin:adminpw").body, before);
}

TEST_F(RunningDaemon, BadBase64IsAuthorizationFailure) {
  auto r = raw_http(daemon.port(),
                    "GET /finesse/api/User/1001 HTTP/1.1\r\nHost: x\r\nAuthorization: Basic ***\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("Authorization Failure"), std::string::npos);
}

TEST_F(RunningDaemon, UnknownResourceIs404WithApiErrors) {
  auto r = call("GET", "/finesse/api/Nothing", "agent1:agent1pw");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("<ApiErrors>"), std::string::npos);
}

TEST_F(RunningDaemon, SigtermExitsCleanlyAndWritesSurviveRestart) {
  auto created = call("POST", "/finesseconfig/api/ReasonCode", "admin:adminpw", kReasonCode);
  ASSERT_EQ(created.status, 200) << created.body;
  const auto location = created.header("Location");
  ASSERT_NE(location.find("/finesseconfig/api/ReasonCode/"), std::string::npos) << created.head;
  EXPECT_EQ(daemon.stop(SIGTERM), 0) << daemon.log();
  daemon.start();
  const auto path = location.substr(location.find("/finesseconfig/"));
  auto r = call("GET", path, "admin:adminpw");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<label>Lunch Break</label>"), std::string::npos) << r.body;
}

TEST_F(RunningDaemon, AcknowledgedWriteSurvivesSigkill) {
  ASSERT_EQ(call("POST", "/finesseconfig/api/ReasonCode", "admin:adminpw", kReasonCode).status, 200);
  daemon.stop(SIGKILL);  // no chance to close the store
  daemon.start();
  auto r = call("GET", "/finesseconfig/api/ReasonCodes?category=NOT_READY", "admin:adminpw");
  EXPECT_NE(r.body.find("<label>Lunch Break</label>"), std::string::npos) << r.body;
}

TEST_F(RunningDaemon, SecretsDoNotReachTheLog) {
  const std::string body =
      "<EnterpriseDatabaseConfig><host>db1</host><port>1433</port><databaseName>awdb</databaseName>"
      "<domain>example.com</domain><username>sa</username><password>TopSecret42</password></EnterpriseDatabaseConfig>";
  ASSERT_EQ(call("PUT", "/finesseconfig/api/EnterpriseDatabaseConfig", "admin:adminpw", body).status, 200);
  call("GET", "/finesse/api/User/1001", "agent1:wrongpassword");
  daemon.stop(SIGTERM);
  const auto log = daemon.log();
  EXPECT_EQ(log.find("TopSecret42"), std::string::npos);
  EXPECT_EQ(log.find("wrongpassword"), std::string::npos);
  EXPECT_EQ(log.find("agent1pw"), std::string::npos);
}

}  // namespace
}  // namespace fgw::testing

namespace fgw::testing {
namespace {

// The in-process simulator drives the service status over real GED-188: both sides down is
// OUT_OF_SERVICE (503 on the desktop API and /health), one side back is IN_SERVICE again.
TEST_F(RunningDaemon, ServiceStatusFollowsTheCtiSides) {
  const auto control = daemon.simulator_control_port();
  auto wait_for_health = [&](int status) {
    for (int i = 0; i < 100; ++i) {
      if (call("GET", "/health").status == status) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  };
  ASSERT_EQ(http_call(control, "POST", "/sides/a/down").status, 200);
  EXPECT_TRUE(wait_for_health(200)) << "side B should serve";
  ASSERT_EQ(http_call(control, "POST", "/sides/b/down").status, 200);
  ASSERT_TRUE(wait_for_health(503));
  EXPECT_EQ(call("GET", "/health").body, "OUT_OF_SERVICE: CTI side A and side B down");
  auto user = call("GET", "/finesse/api/User/1001", "agent1:agent1pw");
  EXPECT_EQ(user.status, 503);
  EXPECT_NE(user.body.find("SERVER_OUT_OF_SERVICE"), std::string::npos);
  EXPECT_EQ(call("GET", "/finesseconfig/api/SystemConfig", "admin:adminpw").status, 200);
  auto info = call("GET", "/finesse/api/SystemInfo", "agent1:agent1pw");
  EXPECT_NE(info.body.find("<status>OUT_OF_SERVICE</status>"), std::string::npos) << info.body;
  ASSERT_EQ(http_call(control, "POST", "/sides/b/up").status, 200);
  EXPECT_TRUE(wait_for_health(200));
}

}  // namespace
}  // namespace fgw::testing
