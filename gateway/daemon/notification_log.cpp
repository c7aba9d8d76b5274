#include "gateway/daemon/notification_log.hpp"

#include <spdlog/spdlog.h>

namespace fgw::daemon {

void NotificationLog::publish(std::vector<desk::Notification> notifications) {
  count_ += notifications.size();
  for (const auto& n : notifications) spdlog::debug("notification {} {} {}", n.node, n.event_method, n.source);
}

}  // namespace fgw::daemon
