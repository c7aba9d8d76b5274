// The XMPP kit end to end, on ejabberd and on Prosody: the launcher starts a private server,
// `finesse-gw provision` creates the directory users' accounts and roster items, and both test
// clients (slixmpp over TCP, strophe.js over BOSH) log in as a provisioned user.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "integration/support/xmpp_harness.hpp"

namespace {

using fgw::testing::xmpp::AgentClient;
using fgw::testing::xmpp::event_is;
using fgw::testing::xmpp::field;
using fgw::testing::xmpp::run_process;
using fgw::testing::xmpp::ServerKind;
using fgw::testing::xmpp::Transport;
using fgw::testing::xmpp::XmppServer;

// The second password has a quote, a double quote and a backslash: it must survive the shell,
// JSON (ejabberd's HTTP API) and Lua (Prosody's shell) unchanged.
constexpr const char* kPassword1001 = "agent1pw";
constexpr const char* kPassword1002 = R"(p'w"2\x)";

class ProvisionedServer : public ::testing::TestWithParam<ServerKind> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<XmppServer>(GetParam());
    dir_ = server_->state_dir().parent_path() / (server_->state_dir().filename().string() + "-gw");
    std::filesystem::create_directories(dir_);
    write_directory();
    write_config();
  }
  void TearDown() override {
    server_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  void write_directory() {
    std::ofstream out(dir_ / "directory.toml");
    out << "[[team]]\nid = \"1\"\nname = \"Sales\"\n\n"
           "[[user]]\nid = \"1001\"\nlogin_name = \"agent1\"\npassword = \"" << kPassword1001 << "\"\n"
           "first_name = \"Alice\"\nlast_name = \"Archer\"\nroles = [\"Agent\"]\nteam = \"1\"\n\n"
           "[[user]]\nid = \"1002\"\nlogin_name = \"agent2\"\npassword = '''" << kPassword1002 << "'''\n"
           "first_name = \"Bob\"\nlast_name = \"Baker\"\nroles = [\"Agent\"]\nteam = \"1\"\n";
  }

  void write_config() {
    std::ofstream out(dir_ / "finesse-gw.toml");
    out << "[directory]\npath = \"" << (dir_ / "directory.toml").string() << "\"\n"
        << "[store]\npath = \"" << (dir_ / "finesse.db").string() << "\"\n"
        << "[xmpp]\nenabled = false\ndomain = \"" << server_->domain() << "\"\ncomponent = \""
        << server_->component() << "\"\npubsub = \"" << server_->pubsub() << "\"\n";
  }

  // ejabberd through its HTTP API (fast) unless `use_ctl`; Prosody always through prosodyctl shell.
  fgw::testing::xmpp::ProcessResult provision(bool use_ctl = false) {
    std::vector<std::string> argv = {FGW_DAEMON_BINARY, "provision", "--config", (dir_ / "finesse-gw.toml").string(),
                                     "--apply", server_->kind_name()};
    if (GetParam() == ServerKind::ejabberd && !use_ctl) {
      argv.insert(argv.end(), {"--api", "http://127.0.0.1:" + std::to_string(server_->http_port()) + "/api"});
    } else {
      argv.insert(argv.end(), {"--ctl", server_->ctl_prefix()});
    }
    return run_process(argv);
  }

  // The roster of `user` holds finesse@<component> with subscription both, as the server stores it.
  void expect_finesse_contact(const std::string& user) {
    const std::string contact = "finesse@" + server_->component();
    if (GetParam() == ServerKind::ejabberd) {
      const auto roster = server_->ctl({"get_roster", user, server_->domain()});
      ASSERT_EQ(roster.exit_code, 0) << roster.output;
      EXPECT_NE(roster.output.find(contact + "\tFinesse\tboth"), std::string::npos) << roster.output;
    } else {
      // Prosody's internal storage: data/<host>/roster/<user>.dat, a Lua table.
      std::ifstream in(server_->state_dir() / "data" / server_->domain() / "roster" / (user + ".dat"));
      std::stringstream text;
      text << in.rdbuf();
      const std::string roster = text.str();
      const auto item = roster.find("[\"" + contact + "\"]");
      ASSERT_NE(item, std::string::npos) << roster;
      EXPECT_NE(roster.find("[\"subscription\"] = \"both\"", item), std::string::npos) << roster;
    }
  }

  std::unique_ptr<XmppServer> server_;
  std::filesystem::path dir_;
};

TEST_P(ProvisionedServer, ProvisionedUserLogsInOverTcpAndBoshWithFinesseInRoster) {
  // 1002 exists already with another password and no roster item: provisioning must fix both.
  server_->register_user("1002", "old-password");

  const auto result = provision();
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("1 created, 1 updated, 0 unchanged"), std::string::npos) << result.output;

  AgentClient tcp(Transport::tcp, *server_, "1001", kPassword1001, "tcp");
  AgentClient bosh(Transport::bosh, *server_, "1002", kPassword1002, "bosh");
  const auto tcp_online = tcp.wait_for_event("online");
  ASSERT_TRUE(tcp_online) << tcp.transcript() << server_->log_tail();
  EXPECT_EQ(field(*tcp_online, "jid"), "1001@" + server_->domain() + "/tcp");
  const auto bosh_online = bosh.wait_for_event("online");
  ASSERT_TRUE(bosh_online) << bosh.transcript() << server_->log_tail();
  EXPECT_EQ(field(*bosh_online, "jid"), "1002@" + server_->domain() + "/bosh");

  // Each client also logs in as the other user (the same account over both transports).
  AgentClient bosh_1001(Transport::bosh, *server_, "1001", kPassword1001, "bosh");
  AgentClient tcp_1002(Transport::tcp, *server_, "1002", kPassword1002, "tcp");
  EXPECT_TRUE(bosh_1001.wait_for_event("online")) << bosh_1001.transcript();
  EXPECT_TRUE(tcp_1002.wait_for_event("online")) << tcp_1002.transcript();

  expect_finesse_contact("1001");
  expect_finesse_contact("1002");
}

TEST_P(ProvisionedServer, ProvisioningTwiceChangesNothingTheSecondTime) {
  const auto first = provision();
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("2 created, 0 updated, 0 unchanged"), std::string::npos) << first.output;

  // On ejabberd the second run goes through ejabberdctl, so both command paths are exercised.
  const auto second = provision(/*use_ctl=*/true);
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("0 created, 0 updated, 2 unchanged"), std::string::npos) << second.output;

  AgentClient tcp(Transport::tcp, *server_, "1002", kPassword1002);
  EXPECT_TRUE(tcp.wait_for_event("online")) << tcp.transcript();
}

TEST_P(ProvisionedServer, WrongPasswordIsRefusedAndReported) {
  ASSERT_EQ(provision().exit_code, 0);
  AgentClient tcp(Transport::tcp, *server_, "1001", "not-the-password");
  const auto error = tcp.wait_for(event_is("error"));
  ASSERT_TRUE(error) << tcp.transcript();
  EXPECT_EQ(field(*error, "what"), "auth");
}

INSTANTIATE_TEST_SUITE_P(Servers, ProvisionedServer, ::testing::Values(ServerKind::ejabberd, ServerKind::prosody),
                         [](const auto& info) { return fgw::testing::xmpp::to_string(info.param); });

}  // namespace
