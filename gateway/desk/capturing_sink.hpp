#pragma once
// A NotificationSink that keeps everything it is given, for tests and for a gateway without XMPP.
#include <mutex>
#include <vector>

#include "gateway/desk/notification.hpp"

namespace fgw::desk {

class CapturingSink : public NotificationSink {
 public:
  void publish(std::vector<Notification> notifications) override;
  // Everything published since the last take(), oldest first.
  std::vector<Notification> take();

 private:
  std::mutex mutex_;
  std::vector<Notification> captured_;
};

}  // namespace fgw::desk
