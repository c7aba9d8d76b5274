// Dialog actions end to end: the real finesse-gw binary with its in-process simulator, driven over
// HTTP only. A call to 1001 is answered, held, retrieved and dropped through PUT Dialog; a
// MAKE_CALL from NOT_READY rings another agent. CTI answers asynchronously, so every read after a
// change polls until it holds (or times out).

#include <gtest/gtest.h>

#include <fstream>
#include <functional>

#include "integration/support/daemon_process.hpp"

namespace fgw::testing {
namespace {

const std::string kAgent1 = "agent1:agent1pw";
const std::string kAgent2 = "agent2:agent2pw";

// The daemon's test directory plus a second agent, so that one agent can call another.
constexpr const char* kTwoAgents = R"(
[[team]]
id = "1"
name = "Sales"
[[user]]
id = "1001"
login_name = "agent1"
password = "agent1pw"
extension = "1001"
roles = ["Agent"]
team = "1"
[[user]]
id = "1002"
login_name = "agent2"
password = "agent2pw"
extension = "1002"
roles = ["Agent"]
team = "1"
[[user]]
id = "9001"
login_name = "admin"
password = "adminpw"
roles = ["Administrator"]
)";

std::string element(const std::string& xml, const std::string& name) {
  const auto open = xml.find("<" + name + ">");
  if (open == std::string::npos) return "<none>";
  const auto start = open + name.size() + 2;
  return xml.substr(start, xml.find("</" + name + ">", start) - start);
}

// The <state> of the Participant whose mediaAddress is `address`.
std::string participant_state(const std::string& xml, const std::string& address) {
  const auto at = xml.find("<mediaAddress>" + address + "</mediaAddress>");
  if (at == std::string::npos) return "<none>";
  const auto participant = xml.rfind("<Participant>", at);
  return element(xml.substr(participant, xml.find("</Participant>", at) - participant), "state");
}

HttpReply poll(const std::function<HttpReply()>& read, const std::function<bool(const HttpReply&)>& holds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  HttpReply reply = read();
  while (!holds(reply) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    reply = read();
  }
  return reply;
}

std::filesystem::path fresh_dir() {
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  auto dir = std::filesystem::temp_directory_path() /
             ("fgw-it-dialog-" + std::string(test->name()) + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

class DialogEndToEnd : public ::testing::Test {
 protected:
  DialogEndToEnd() : dir(fresh_dir()), daemon(dir) {
    std::ofstream(dir / "directory.toml") << kTwoAgents;  // replaces the one-agent directory
    daemon.start();
  }
  ~DialogEndToEnd() override { std::filesystem::remove_all(dir); }

  static std::string credentials(const std::string& user) { return user == "1001" ? kAgent1 : kAgent2; }
  HttpReply put_state(const std::string& user, const std::string& inner) {
    return http_call(daemon.port(), "PUT", "/finesse/api/User/" + user, credentials(user), "<User>" + inner + "</User>");
  }
  void sign_in(const std::string& user) {
    ASSERT_EQ(put_state(user, "<state>LOGIN</state><extension>" + user + "</extension>").status, 202);
    ASSERT_EQ(element(user_in(user, "NOT_READY").body, "state"), "NOT_READY");
  }
  HttpReply user_in(const std::string& user, const std::string& state) {
    return poll([&] { return http_call(daemon.port(), "GET", "/finesse/api/User/" + user, credentials(user)); },
                [&](const HttpReply& r) { return element(r.body, "state") == state; });
  }
  HttpReply dialogs(const std::string& user) {
    return http_call(daemon.port(), "GET", "/finesse/api/User/" + user + "/Dialogs", credentials(user));
  }
  // Polls 1001's Dialogs until 1001's participant is in `state`.
  HttpReply participant_in(const std::string& user, const std::string& state) {
    return poll([&] { return dialogs(user); },
                [&](const HttpReply& r) { return participant_state(r.body, user) == state; });
  }
  HttpReply act(const std::string& dialog_id, const std::string& action) {
    return http_call(daemon.port(), "PUT", "/finesse/api/Dialog/" + dialog_id, kAgent1,
                     "<Dialog><requestedAction>" + action +
                         "</requestedAction><targetMediaAddress>1001</targetMediaAddress></Dialog>");
  }
  HttpReply simulator(const std::string& method, const std::string& target, const std::string& body = "") {
    return http_call(daemon.simulator_control_port(), method, target, "", body);
  }

  std::filesystem::path dir;
  DaemonProcess daemon;
};

TEST_F(DialogEndToEnd, AnswerHoldRetrieveAndDropACall) {
  sign_in("1001");
  ASSERT_EQ(put_state("1001", "<state>READY</state>").status, 202);
  ASSERT_EQ(element(user_in("1001", "READY").body, "state"), "READY");

  auto placed = simulator("POST", "/calls", R"({"from":"5551000","to":"1001","dnis":"2000"})");
  ASSERT_EQ(placed.status, 200) << placed.body;
  auto ringing = participant_in("1001", "ALERTING");
  ASSERT_EQ(participant_state(ringing.body, "1001"), "ALERTING") << ringing.body;
  const auto uri = element(ringing.body, "uri");
  const auto id = uri.substr(uri.rfind('/') + 1);

  // Not offered while ringing: refused before CTI is asked.
  auto early = act(id, "HOLD");
  EXPECT_EQ(early.status, 400);
  EXPECT_EQ(element(early.body, "ErrorType"), "Invalid State");

  ASSERT_EQ(act(id, "ANSWER").status, 202);
  EXPECT_EQ(element(user_in("1001", "TALKING").body, "state"), "TALKING");
  EXPECT_EQ(participant_state(participant_in("1001", "ACTIVE").body, "1001"), "ACTIVE");

  ASSERT_EQ(act(id, "HOLD").status, 202);
  EXPECT_EQ(element(user_in("1001", "HOLD").body, "state"), "HOLD");
  EXPECT_EQ(participant_state(participant_in("1001", "HELD").body, "1001"), "HELD");

  ASSERT_EQ(act(id, "RETRIEVE").status, 202);
  EXPECT_EQ(element(user_in("1001", "TALKING").body, "state"), "TALKING");
  EXPECT_EQ(participant_state(participant_in("1001", "ACTIVE").body, "1001"), "ACTIVE");

  ASSERT_EQ(act(id, "DROP").status, 202);
  auto gone = poll([&] { return dialogs("1001"); },
                   [](const HttpReply& r) { return r.body.find("<Dialog>") == std::string::npos; });
  EXPECT_EQ(gone.body.find("<Dialog>"), std::string::npos) << gone.body;
  EXPECT_EQ(act(id, "DROP").status, 404);
}

TEST_F(DialogEndToEnd, MakeCallFromNotReadyRingsTheOtherAgent) {
  sign_in("1001");
  sign_in("1002");
  auto post = [&](const std::string& to) {
    return http_call(daemon.port(), "POST", "/finesse/api/User/1001/Dialogs", kAgent1,
                     "<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>1001</fromAddress><toAddress>" +
                         to + "</toAddress></Dialog>");
  };
  auto self = post("1001");
  EXPECT_EQ(self.status, 400);
  EXPECT_EQ(element(self.body, "ErrorType"), "Invalid Destination");

  ASSERT_EQ(post("1002").status, 202);
  auto ringing = participant_in("1002", "ALERTING");
  EXPECT_EQ(participant_state(ringing.body, "1002"), "ALERTING") << ringing.body;
  EXPECT_EQ(element(ringing.body, "fromAddress"), "1001");
  EXPECT_EQ(element(ringing.body, "toAddress"), "1002");
}

}  // namespace
}  // namespace fgw::testing
