#include "gateway/cti/client/heartbeat_monitor.hpp"

namespace fgw::cti::client {

HeartbeatMonitor::Tick HeartbeatMonitor::tick(bool idle) {
  Tick result;
  if (outstanding_) {
    outstanding_ = false;
    ++consecutive_missed_;
    result.missed = true;
    if (consecutive_missed_ >= missed_allowed_) {
      result.action = Action::DeclareDead;
      return result;
    }
  }
  if (idle || consecutive_missed_ > 0) {
    outstanding_ = true;
    result.action = Action::SendHeartbeat;
  }
  return result;
}

void HeartbeatMonitor::answered() {
  outstanding_ = false;
  consecutive_missed_ = 0;
}

}  // namespace fgw::cti::client
