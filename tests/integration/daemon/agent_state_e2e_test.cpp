// Agent state and dialogs end to end: the real finesse-gw binary with its in-process simulator,
// driven over HTTP only. Sign in -> READY -> a call from the simulator's control API -> the User
// is RESERVED and its Dialogs list shows the ringing dialog -> the caller hangs up -> sign out.
// CTI answers asynchronously, so every read after a change polls until it holds (or times out).

#include <gtest/gtest.h>

#include <functional>

#include "integration/support/daemon_process.hpp"

namespace fgw::testing {
namespace {

const std::string kAgent = "agent1:agent1pw";

std::string element(const std::string& xml, const std::string& name) {
  const auto open = xml.find("<" + name + ">");
  if (open == std::string::npos) return "<none>";
  const auto start = open + name.size() + 2;
  return xml.substr(start, xml.find("</" + name + ">", start) - start);
}

// Polls `read` until `holds` accepts it, for up to five seconds; returns the last reply.
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
             ("fgw-it-agent-state-" + std::string(test->name()) + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

class AgentStateEndToEnd : public ::testing::Test {
 protected:
  AgentStateEndToEnd()
      : dir(fresh_dir()), daemon(dir) {
    daemon.start();
  }
  ~AgentStateEndToEnd() override { std::filesystem::remove_all(dir); }

  HttpReply put_state(const std::string& inner) {
    return http_call(daemon.port(), "PUT", "/finesse/api/User/1001", kAgent, "<User>" + inner + "</User>");
  }
  HttpReply user() { return http_call(daemon.port(), "GET", "/finesse/api/User/1001", kAgent); }
  HttpReply dialogs() { return http_call(daemon.port(), "GET", "/finesse/api/User/1001/Dialogs", kAgent); }
  HttpReply user_in(const std::string& state) {
    return poll([&] { return user(); }, [&](const HttpReply& r) { return element(r.body, "state") == state; });
  }
  HttpReply simulator(const std::string& method, const std::string& target, const std::string& body = "") {
    return http_call(daemon.simulator_control_port(), method, target, "", body);
  }

  std::filesystem::path dir;
  DaemonProcess daemon;
};

TEST_F(AgentStateEndToEnd, SignInTakeARingingCallAndSignOut) {
  // Nothing to sign out of yet: refused before CTI is asked.
  auto refused = put_state("<state>LOGOUT</state>");
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(element(refused.body, "ErrorType"), "Invalid State");

  ASSERT_EQ(put_state("<state>LOGIN</state><extension>1001</extension>").status, 202);
  auto signed_in = user_in("NOT_READY");
  ASSERT_EQ(element(signed_in.body, "state"), "NOT_READY") << signed_in.body;
  EXPECT_EQ(element(signed_in.body, "extension"), "1001");

  ASSERT_EQ(put_state("<state>READY</state>").status, 202);
  ASSERT_EQ(element(user_in("READY").body, "state"), "READY");

  auto placed = simulator("POST", "/calls", R"({"from":"5551000","to":"1001","dnis":"2000"})");
  ASSERT_EQ(placed.status, 200) << placed.body;
  const auto id_at = placed.body.find("\"id\":\"");
  ASSERT_NE(id_at, std::string::npos) << placed.body;
  const auto call_id = placed.body.substr(id_at + 6, placed.body.find('"', id_at + 6) - id_at - 6);

  auto reserved = user_in("RESERVED");
  EXPECT_EQ(element(reserved.body, "state"), "RESERVED") << reserved.body;
  auto ringing = poll([&] { return dialogs(); },
                      [](const HttpReply& r) { return element(r.body, "state") == "ALERTING"; });
  ASSERT_EQ(ringing.status, 200);
  EXPECT_EQ(element(ringing.body, "state"), "ALERTING") << ringing.body;
  EXPECT_EQ(element(ringing.body, "fromAddress"), "5551000");
  const auto uri = element(ringing.body, "uri");
  ASSERT_EQ(uri.rfind("/finesse/api/Dialog/", 0), 0u) << ringing.body;
  auto dialog = http_call(daemon.port(), "GET", uri, kAgent);
  EXPECT_EQ(dialog.status, 200);
  EXPECT_EQ(element(dialog.body, "uri"), uri);

  // The caller gives up while it rings: no wrap-up, back to READY, and the dialog is gone.
  ASSERT_EQ(simulator("POST", "/calls/" + call_id + "/hangup").status, 200);
  EXPECT_EQ(element(user_in("READY").body, "state"), "READY");
  auto gone = poll([&] { return dialogs(); }, [](const HttpReply& r) { return r.body.find("<Dialog>") == std::string::npos; });
  EXPECT_EQ(gone.body.find("<Dialog>"), std::string::npos) << gone.body;
  EXPECT_EQ(http_call(daemon.port(), "GET", uri, kAgent).status, 404);

  ASSERT_EQ(put_state("<state>LOGOUT</state>").status, 202);
  EXPECT_EQ(element(user_in("LOGOUT").body, "state"), "LOGOUT");
}

TEST_F(AgentStateEndToEnd, ASecondSignInIsForcedAndKeepsTheUserSignedIn) {
  // A LOGIN while signed in is accepted and signs in again (DECISIONS.md 7): the User stays
  // NOT_READY on the same phone.
  ASSERT_EQ(put_state("<state>LOGIN</state><extension>1001</extension>").status, 202);
  ASSERT_EQ(element(user_in("NOT_READY").body, "state"), "NOT_READY");
  ASSERT_EQ(put_state("<state>LOGIN</state><extension>1001</extension>").status, 202);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(element(user().body, "state"), "NOT_READY");
  EXPECT_EQ(element(user().body, "extension"), "1001");
}

}  // namespace
}  // namespace fgw::testing
