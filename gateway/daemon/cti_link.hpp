#pragma once
// Connects the CTI client to the desk. The session drives the service status (in service only
// with an open session, DECISIONS.md 17), CTI events feed the live model, and a session that
// follows a lost one resynchronises the agents that were signed in (DECISIONS.md 18).

#include <string>
#include <vector>

#include "gateway/cti/client/cti_observer.hpp"
#include "gateway/desk/desk.hpp"

namespace fgw::daemon {

// The dependency name under which the CTI link reports to desk::ServiceStatus.
inline constexpr const char* kCtiDependency = "cti";

class CtiDeskBridge : public cti::client::CtiObserver {
 public:
  // `down_reason` is what /health and the logs say while no side serves, e.g.
  // "CTI side A and side B down".
  CtiDeskBridge(desk::Desk& desk, std::string down_reason);

  void on_session_open(cti::client::Side side, const cti::OpenConf& conf) override;
  void on_session_lost(cti::client::Side side, const std::string& reason) override;
  void on_event(const cti::Message& event) override;
  std::vector<cti::client::AgentToResync> agents_to_resync() override;
  void on_resync(const cti::client::ResyncResult& result) override;

 private:
  desk::Desk& desk_;
  std::string down_reason_;
};

// "CTI side A down" or "CTI side A and side B down".
std::string cti_down_reason(bool has_side_b);

}  // namespace fgw::daemon
