#include "gateway/desk/desk.hpp"

namespace fgw::desk {

const char* to_string(SystemStatus s) { return s == SystemStatus::InService ? "IN_SERVICE" : "OUT_OF_SERVICE"; }

void ServiceStatus::report(const std::string& dependency, bool up, const std::string& reason) {
  std::lock_guard lock(mutex_);
  if (up)
    down_.erase(dependency);
  else
    down_[dependency] = reason.empty() ? dependency + " down" : reason;
}

ServiceSnapshot ServiceStatus::snapshot() const {
  std::lock_guard lock(mutex_);
  ServiceSnapshot snap;
  if (down_.empty()) return snap;
  snap.status = SystemStatus::OutOfService;
  for (const auto& [dependency, reason] : down_) {
    if (!snap.reason.empty()) snap.reason += "; ";
    snap.reason += reason;
  }
  return snap;
}

AgentState Desk::agent_state(const std::string& user_id) const {
  auto agents = agents_.load();
  auto it = agents->find(user_id);
  return it == agents->end() ? AgentState{} : it->second;
}

void Desk::set_agent_state(const std::string& user_id, AgentState state) {
  std::lock_guard lock(write_mutex_);
  auto next = std::make_shared<AgentMap>(*agents_.load());
  (*next)[user_id] = std::move(state);
  agents_.store(std::move(next));
}

}  // namespace fgw::desk
