#pragma once
// The agent-state fixture (whole dispatcher, live desk, recording fake CTI) plus the call
// situations the dialog routes are validated against, built from CTI events as a PG sends them.

#include <functional>

#include "unit/api_agent_state/agent_state_fixture.hpp"

namespace fgw::testing {

inline constexpr std::uint32_t kCall = 700;

class DialogActionFixture : public AgentStateFixture {
 public:
  // Public, so that a table row can name the situation it needs (see Setup).
  void signed_in(cti::AgentState state, const std::string& agent = "1001") { cti_reports(agent, state); }
  // 1001 is signed in NOT_READY on extension 1001 and an outside caller rings `agent`.
  void ring(const std::string& agent = "1001") {
    cti_reports(agent, cti::AgentState::NotReady);
    desk.apply(desk::test::begin_call(kCall, desk::test::kCaller, cti::CallType::AcdIn));
    desk.apply(desk::test::delivered(kCall, desk::test::kCaller, agent));
  }
  void talk(const std::string& agent = "1001") {
    ring(agent);
    desk.apply(desk::test::established(kCall, desk::test::kCaller, agent));
    cti_reports(agent, cti::AgentState::Talking);
  }
  void hold(const std::string& agent = "1001") {
    talk(agent);
    desk.apply(desk::test::held(kCall, agent));
    cti_reports(agent, cti::AgentState::Hold);
  }

 protected:

  http::ApiResponse put_dialog(const std::string& credentials, const std::string& id, const std::string& body) {
    return call(http::Method::Put, "/finesse/api/Dialog/" + id, credentials, body);
  }
  http::ApiResponse post_dialog(const std::string& credentials, const std::string& user, const std::string& body) {
    return call(http::Method::Post, "/finesse/api/User/" + user + "/Dialogs", credentials, body);
  }
  static std::string error_message(const http::ApiResponse& r) {
    return text_at(r.body, "/ApiErrors/ApiError/ErrorMessage");
  }
};

// A situation to set up before a row's request runs.
using Setup = std::function<void(DialogActionFixture&)>;

inline const std::string kAgent1 = "agent1:pw1";

inline std::string dialog_body(const std::string& inner) { return "<Dialog>" + inner + "</Dialog>"; }

}  // namespace fgw::testing
