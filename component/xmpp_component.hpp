#pragma once
// The XMPP side of the gateway as the daemon sees it: a NotificationSink that publishes every desk
// Notification to pubsub, plus the HA presence of the 'finesse' entity.
//
// Threads: publish(), set_service_available() and stats() may be called from any thread and never
// block (a short mutex section and an eventfd write). Everything else - gloox, the publisher, the
// presence logic, and the current_state and on_link_state callbacks - runs on the component's
// own thread. current_state must therefore be safe to call from that thread (e.g. a copy taken on
// the desk's strand or under its lock); on_link_state must return quickly.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "component/component_link.hpp"
#include "component/ha_presence.hpp"
#include "component/node_plan.hpp"
#include "component/pair_coordinator.hpp"
#include "component/pair_role.hpp"
#include "component/publish_queue.hpp"
#include "component/pubsub_publisher.hpp"
#include "component/standby_mirror.hpp"
#include "config/daemon_config.hpp"
#include "gateway/desk/notification.hpp"

namespace fgw::component {

struct ComponentOptions {
  config::XmppSettings xmpp;
  std::size_t queue_capacity = PublishQueue::kDefaultCapacity;
  std::size_t window = 64;  // outstanding IQs; NOTES.md: 50-100 gives the throughput, more only adds latency
  std::chrono::milliseconds iq_timeout{5000};             // publish IQs
  std::chrono::milliseconds bootstrap_timeout{30'000};  // node create/affiliation/subscription IQs
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds backoff_initial{100};
  std::chrono::milliseconds backoff_max{5000};
  std::chrono::milliseconds stop_drain{1000};  // stop(): how long to let the queue drain
  int max_publish_attempts = 4;
  std::chrono::milliseconds retry_backoff{200};
  // Primary/secondary pair (PairRole, StandbyMirror). Empty peer_component: a single node.
  std::string peer_component;
  bool primary = true;
  std::chrono::milliseconds peer_ping_interval{500};
  std::chrono::milliseconds standby_retention{10'000};
};

struct ComponentStats {
  bool link_up = false;
  bool bootstrapped = false;  // nodes (re)established since the last connect; the queue drains
  std::uint64_t connects = 0;
  std::uint64_t reconnects = 0;
  std::uint64_t published = 0;         // publish IQs acked
  std::uint64_t publish_failures = 0;  // given up after retries
  std::uint64_t publish_retries = 0;
  std::uint64_t dropped = 0;    // lost to the queue capacity
  std::uint64_t coalesced = 0;  // superseded by a newer state of the same User/Team member/SystemInfo
  std::uint64_t bootstrap_failures = 0;
  std::uint64_t node_repairs = 0;  // nodes created again after a publish found them gone
  double last_bootstrap_seconds = 0;
  std::size_t queue_depth = 0;
  std::size_t queue_high_water = 0;
  std::size_t presence_sessions = 0;
  LatencyHistogram publish_ack_latency;  // seconds from publish IQ sent to its result
  // Primary/secondary pair (docs/operations.md). Without `[node] peer_component` the node is
  // alone: publishing follows the link, peer_serving stays false.
  PairStats pair;
};

class XmppComponent : public desk::NotificationSink {
 public:
  // Throws std::invalid_argument when xmpp.server, component or pubsub is missing.
  XmppComponent(ComponentOptions options, NodePlan plan, std::function<std::vector<desk::Notification>()> current_state,
                std::function<void(bool up, std::string reason)> on_link_state);
  ~XmppComponent() override;

  void start();
  // Unavailable presence to every target, drain for up to stop_drain, disconnect, join.
  void stop();
  void publish(std::vector<desk::Notification> notifications) override;
  void set_service_available(bool available);
  ComponentStats stats() const;

 private:
  class Bridge;  // LinkListener + IqSender + PresenceOut over the link
  std::unique_ptr<Bridge> bridge_;
};

}  // namespace fgw::component
