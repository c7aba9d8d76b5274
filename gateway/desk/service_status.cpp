#include "gateway/desk/service_status.hpp"

namespace fgw::desk {

const char* to_string(SystemStatus s) { return s == SystemStatus::InService ? "IN_SERVICE" : "OUT_OF_SERVICE"; }

void ServiceStatus::report(const std::string& dependency, bool up, const std::string& reason) {
  bool changed = false;
  {
    std::lock_guard lock(mutex_);
    if (up) {
      changed = down_.erase(dependency) > 0;
    } else {
      auto& slot = down_[dependency];
      const std::string next = reason.empty() ? dependency + " down" : reason;
      changed = slot != next;
      slot = next;
    }
  }
  if (changed && listener_) listener_();
}

bool ServiceStatus::dependency_up(const std::string& dependency) const {
  std::lock_guard lock(mutex_);
  return down_.find(dependency) == down_.end();
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

}  // namespace fgw::desk
