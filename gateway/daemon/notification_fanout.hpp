#pragma once
// The desk has one sink; the daemon hands each notification batch to several: the log, the XMPP
// component, and an embedding program's observer (tests, benchmarks). Each target keeps its own
// promise not to block the desk.
#include <vector>

#include "gateway/desk/notification.hpp"

namespace fgw::daemon {

class NotificationFanout : public desk::NotificationSink {
 public:
  // `sink` must outlive the fan-out; add every target before the desk publishes.
  void add(desk::NotificationSink& sink) { sinks_.push_back(&sink); }

  void publish(std::vector<desk::Notification> notifications) override {
    if (sinks_.empty()) return;
    for (std::size_t i = 0; i + 1 < sinks_.size(); ++i) sinks_[i]->publish(notifications);
    sinks_.back()->publish(std::move(notifications));
  }

 private:
  std::vector<desk::NotificationSink*> sinks_;
};

}  // namespace fgw::daemon
