#include "gateway/daemon/cti_link.hpp"

#include <spdlog/spdlog.h>

namespace fgw::daemon {

std::string cti_down_reason(bool has_side_b) { return has_side_b ? "CTI side A and side B down" : "CTI side A down"; }

CtiDeskBridge::CtiDeskBridge(desk::Desk& desk, std::string down_reason)
    : desk_(desk), down_reason_(std::move(down_reason)) {
  // Until the first OPEN_CONF the gateway cannot serve a desktop (guide 6.1: "the system returns
  // 503 ... when the system is trying to connect to the CTI server").
  desk_.service().report(kCtiDependency, false, down_reason_);
}

// The client logs sessions opening and closing; the bridge only turns them into service status.
void CtiDeskBridge::on_session_open(cti::client::Side, const cti::OpenConf&) {
  desk_.service().report(kCtiDependency, true);
}

void CtiDeskBridge::on_session_lost(cti::client::Side, const std::string&) {
  desk_.service().report(kCtiDependency, false, down_reason_);
}

void CtiDeskBridge::on_event(const cti::Message& event) { desk_.apply(event); }

std::vector<cti::client::AgentToResync> CtiDeskBridge::agents_to_resync() {
  std::vector<cti::client::AgentToResync> agents;
  const auto state = desk_.snapshot();
  for (const auto& [id, user] : state->users)
    if (user.status.state != "LOGOUT") agents.push_back({id, user.status.extension});
  return agents;
}

void CtiDeskBridge::on_resync(const cti::client::ResyncResult& result) {
  if (result.failure) {
    spdlog::warn("CTI resync of agent {} stopped at {}: {}", result.agent.agent_id, result.failure->code,
                 result.failure->name);
  }
  if (!result.agent_state) return;  // nothing authoritative to apply
  desk_.apply_resync(result.agent.agent_id, *result.agent_state, result.calls);
}

}  // namespace fgw::daemon
