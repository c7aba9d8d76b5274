#pragma once
// The desk's notification sink until the XMPP component lands: each notification is counted and
// logged at debug level (node, event method, source), so an operator can see what would be
// published. Nothing claims to deliver them.

#include <atomic>
#include <cstdint>

#include "gateway/desk/notification.hpp"

namespace fgw::daemon {

class NotificationLog : public desk::NotificationSink {
 public:
  void publish(std::vector<desk::Notification> notifications) override;
  std::uint64_t count() const { return count_.load(); }

 private:
  std::atomic<std::uint64_t> count_{0};
};

}  // namespace fgw::daemon
