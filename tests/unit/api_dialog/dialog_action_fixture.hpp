#pragma once
// The agent-state fixture (whole dispatcher, live desk, recording fake CTI) plus the call
// situations the dialog routes are validated against, built from CTI events as a PG sends them.

#include <functional>

#include "unit/api_agent_state/agent_state_fixture.hpp"

namespace fgw::testing {

inline constexpr std::uint32_t kCall = 700;
inline constexpr std::uint32_t kConsult = 701;
inline constexpr std::uint32_t kMonitor = 702;

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
  // 1001 holds the caller's call 700 and talks to 1002 on the consult call 701.
  void consult() {
    cti_reports("1002", cti::AgentState::NotReady);
    hold("1001");
    desk.apply(desk::test::begin_call(kConsult, "1001", cti::CallType::Consult));
    desk.apply(desk::test::service_initiated(kConsult, "1001"));
    desk.apply(desk::test::originated(kConsult, "1001", "1002"));
    desk.apply(desk::test::delivered(kConsult, "1001", "1002"));
    desk.apply(desk::test::established(kConsult, "1001", "1002"));
    cti_reports("1001", cti::AgentState::Talking);
    cti_reports("1002", cti::AgentState::Talking);
  }
  // 1001 talks to the caller; supervisor 2001 is signed in NOT_READY.
  void talk_with_supervisor_free() {
    cti_reports("2001", cti::AgentState::NotReady);
    talk("1001");
  }
  // ... and 2001 silently monitors 1001 on the monitor call 702.
  void monitored() {
    talk_with_supervisor_free();
    using cti::EventCause;
    desk.apply(desk::test::begin_call(kMonitor, "2001", cti::CallType::SupervisorMonitor));
    desk.apply(desk::test::service_initiated(kMonitor, "2001", EventCause::SupervisorMonitor));
    desk.apply(desk::test::originated(kMonitor, "2001", "1001", EventCause::SupervisorMonitor));
    desk.apply(desk::test::established(kMonitor, "2001", "1001", EventCause::SupervisorMonitor));
    cti_reports("2001", cti::AgentState::Talking);
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
