#pragma once
// The pair side of the component: decides with PairRole whether this node publishes, routes the
// desk's notifications to the publish queue or to the StandbyMirror accordingly, pings the peer,
// and on a takeover replays what the peer did not publish.
//
// Threads: route() runs on the desk's thread; everything else on the link thread. They share the
// mutex, so that a takeover's replay lands in the queue before any notification that follows it.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "component/pair_role.hpp"
#include "component/publish_queue.hpp"
#include "component/pubsub_publisher.hpp"
#include "component/standby_mirror.hpp"

namespace fgw::component {

struct PairSettings {
  std::string own_component;
  std::string peer_component;  // empty: a single node, which always publishes
  bool primary = true;
  std::chrono::milliseconds ping_interval{500};
  std::chrono::milliseconds retention{10'000};
};

struct PairStats {
  bool publishing = false;            // this node is the one publishing to the shared nodes
  bool peer_serving = false;          // the peer answered its last ping: it serves and publishes
  std::uint64_t takeovers = 0;        // standby -> publishing
  std::uint64_t stand_downs = 0;      // publishing -> standby (the peer took over)
  std::uint64_t ping_failures = 0;
  std::uint64_t replayed = 0;         // notifications the peer had not published, sent at takeover
  std::size_t pending = 0;            // notifications computed here and not yet seen from the peer
};

class PairCoordinator {
 public:
  using Clock = std::chrono::steady_clock;

  // `current_state` is the desk's full state (users and SystemInfo), as for the publisher.
  PairCoordinator(PairSettings settings, PublishQueue& queue, CurrentState current_state);

  bool paired() const { return !settings_.peer_component.empty(); }
  // Desk thread: to the queue while publishing (or alone), to the mirror while standing by.
  void route(const std::vector<desk::Notification>& notifications);
  // What the publisher republishes after a bootstrap: nothing while standing by.
  std::vector<desk::Notification> republishable_state() const;

  // Link thread.
  void on_poll(bool serviceable, PubsubPublisher& publisher, IqSender& link);
  void on_link_down();
  void on_items(const std::string& node, const std::vector<std::string>& item_ids, const PubsubPublisher& publisher);
  bool answers_ping(bool serviceable) const { return paired() ? publishing_.load() : serviceable; }

  // `serviceable`: whether a single node (no peer) can publish right now.
  PairStats stats(bool serviceable) const;

 private:
  std::size_t replay_unmatched_locked(Clock::time_point now);
  void finish_takeover(PubsubPublisher& publisher, std::size_t replayed, Clock::time_point now);
  void stand_down_locked();
  void ping(IqSender& link);
  void on_ping_reply(bool ok);

  const PairSettings settings_;
  PublishQueue& queue_;
  const CurrentState current_state_;

  mutable std::mutex mutex_;  // role_, mirror_ and the routing decision
  PairRole role_;
  StandbyMirror mirror_;
  std::atomic<bool> publishing_{false};

  // Link thread only.
  bool ping_outstanding_ = false;
  Clock::time_point next_ping_{};
  std::optional<bool> ping_result_;  // set by the reply, consumed by the next on_poll
  bool was_serviceable_ = false;
  Clock::time_point serviceable_since_{};

  std::atomic<std::uint64_t> takeovers_{0};
  std::atomic<std::uint64_t> stand_downs_{0};
  std::atomic<std::uint64_t> ping_failures_{0};
  std::atomic<std::uint64_t> replayed_{0};
  std::atomic<bool> peer_serving_{false};
};

}  // namespace fgw::component
