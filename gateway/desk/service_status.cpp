#include "gateway/desk/service_status.hpp"

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

}  // namespace fgw::desk
