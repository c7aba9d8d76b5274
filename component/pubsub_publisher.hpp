#pragma once
// Drains the PublishQueue into pubsub publish IQs, and (re)establishes the nodes after every
// connect. Link thread only, except stats().
//
// Ordering rule: at most one outstanding publish per node (the queue never pops a node that is in
// flight), up to `window` IQs outstanding across nodes. So per-node order holds even across
// retries, and 64 nodes progress in parallel. A single busy node (one agent's Dialogs) is limited to
// one round trip per publish: about 1-2 ms on loopback, far above any agent's event rate.
//
// Failures: a publish that errors or times out is retried (the node stays in flight meanwhile)
// up to `max_attempts` in all, with back-off retry_backoff * 2^(n-1); then it is counted in
// publish_failures and logged with its node and error condition, and the node moves on.
//
// On (re)connect, in this order, pipelined within the same window:
//   1. create+configure every node of the plan; a node that exists already (conflict) is
//      configured again, so a node changed by someone else gets the gateway's configuration back,
//      and its affiliations and subscriptions are read, so that steps 2 and 3 set only what is
//      missing (after a reconnect to a server that kept its nodes: nothing; Prosody 0.12 rewrites
//      the whole node for every JID set, so re-setting 2,000 SystemInfo subscriptions took minutes),
//   2. grant 'member' to the node's JIDs (Prosody refuses owner-set subscriptions on whitelist nodes
//      to non-members), in chunks of members_per_iq,
//   3. set the owner subscriptions, in chunks,
//   4. merge the desk's current state (current_state()) into the queue, stop coalescing, drain.
// A step that fails is logged and counted (bootstrap_failures) and the next steps still run. A
// step that times out (bootstrap_timeout) is retried up to max_attempts.
//
// Repair: a publish answered item-not-found (the node was deleted while the link was up; Prosody
// answers so) runs steps 1-3 for that node again, then sends the same publish once more; the
// node's later updates wait behind it as usual. One repair per update, counted in node_repairs.
// ejabberd instead re-creates a deleted node on publish with its default configuration, which
// this cannot see; the next reconnect's bootstrap configures it again (docs/xmpp.md).

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "component/component_link.hpp"
#include "component/node_plan.hpp"
#include "component/publish_queue.hpp"
#include "gateway/desk/notification.hpp"

namespace fgw::component {

// What the publisher needs of the link: lets unit tests and the bench substitute it.
class IqSender {
 public:
  virtual ~IqSender() = default;
  virtual bool link_up() const = 0;
  // timeout 0: the link's default.
  virtual void send_iq(std::unique_ptr<gloox::IQ> iq, IqCallback on_reply, std::chrono::milliseconds timeout) = 0;
};

struct PublisherOptions {
  std::size_t window = 64;
  int max_attempts = 4;
  std::chrono::milliseconds retry_backoff{200};
  // Prosody 0.12 stores the whole node once per JID of an affiliation or subscription request, so
  // a big request (SystemInfo: every user) blocks it for seconds; small ones keep it responsive.
  std::size_t members_per_iq = 50;
  // Bootstrap requests can be legitimately slow (Prosody's per-JID node saves); a timeout there is
  // not a lost request, and retrying it only doubles the server's work.
  std::chrono::milliseconds bootstrap_timeout{30'000};
};

// Ack latency (publish IQ sent -> result) in Prometheus histogram form.
struct LatencyHistogram {
  static constexpr std::size_t kBuckets = 12;
  static constexpr double kBounds[kBuckets] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                               0.05,   0.1,   0.25,   0.5,   1.0,  5.0};  // seconds
  std::uint64_t cumulative[kBuckets] = {};  // count of observations <= kBounds[i]
  std::uint64_t count = 0;
  double sum_seconds = 0;
};

struct PublisherStats {
  std::uint64_t published = 0;
  std::uint64_t publish_failures = 0;
  std::uint64_t publish_retries = 0;
  std::uint64_t bootstrap_failures = 0;
  std::uint64_t bootstraps = 0;
  std::uint64_t node_repairs = 0;
  double last_bootstrap_seconds = 0;
  bool bootstrapped = false;
  LatencyHistogram ack_latency;
};

using CurrentState = std::function<std::vector<desk::Notification>()>;

// Item ids ("fgw-<process prefix>-<origin letter><counter>") say where an item came from, so that
// a standby node of a pair counts only the events it computed too (StandbyMirror).
enum class ItemOrigin { Event, Republish, Local, Unknown };
ItemOrigin item_origin(std::string_view item_id);

class PubsubPublisher {
 public:
  PubsubPublisher(PublisherOptions options, std::string from, std::string pubsub, NodePlan plan, PublishQueue& queue,
                  IqSender& link, CurrentState current_state);

  void on_link_up();
  void on_link_down();
  void pump();          // send what is due, as far as the window allows
  bool drained() const;  // nothing in flight, nothing pending
  bool bootstrapped() const { return !bootstrapping_; }
  PublisherStats stats() const;
  // Merges the desk's current state into the queue, ordered against concurrent pushes (done after
  // every bootstrap; a pair's node also when it takes over without having mirrored the peer).
  void republish_current_state() { merge_current_state(); }
  bool own_item(std::string_view item_id) const { return item_id.starts_with(item_prefix_); }

 private:
  enum class Step { Create, Configure, ReadAffiliations, ReadSubscriptions, Affiliate, Subscribe };
  // What steps 2 and 3 still have to set on a node: the plan's lists, less what the server has.
  struct NodeWork {
    std::vector<std::string> members;
    std::vector<std::string> owners;
    std::vector<std::string> subscribers;
    int reads_left = 0;
  };
  struct BootstrapOp {
    std::size_t node_index;
    Step step;
    std::size_t chunk;  // which members_per_iq slice
    int attempt;
  };
  struct InFlight {
    QueuedUpdate update;
    std::string item_id;
    int attempts = 0;
    bool waiting_retry = false;
    bool waiting_repair = false;  // its node is being created again (item-not-found)
    bool repaired = false;
    std::chrono::steady_clock::time_point sent;
    std::chrono::steady_clock::time_point retry_at;
  };

  void send_bootstrap(BootstrapOp op);
  void on_bootstrap_reply(BootstrapOp op, const IqOutcome& outcome);
  void queue_chunks(std::size_t node_index, Step step);
  void queue_first_step(std::size_t node_index, Step step);
  void reset_work(std::size_t node_index);
  void on_read_reply(const BootstrapOp& op, const IqOutcome& outcome);
  // Every step of the node has been answered: a publish waiting for the repair goes again.
  void on_node_established(std::size_t node_index);
  bool start_repair(const std::string& node, InFlight& flight);
  void finish_bootstrap();
  void merge_current_state();
  void send_due_retries();
  void send_publish(InFlight& flight);
  void on_publish_reply(const std::string& node, const IqOutcome& outcome);
  void record_latency(std::chrono::steady_clock::duration latency);
  std::string next_item_id(const QueuedUpdate& update);

  const PublisherOptions options_;
  const std::string from_;
  const std::string pubsub_;
  const NodePlan plan_;
  PublishQueue& queue_;
  IqSender& link_;
  const CurrentState current_state_;

  std::uint64_t epoch_ = 0;  // replies from an earlier connection are ignored
  std::size_t outstanding_ = 0;
  bool bootstrapping_ = true;
  std::deque<BootstrapOp> bootstrap_ops_;
  std::size_t bootstrap_outstanding_ = 0;
  std::vector<NodeWork> work_;                   // per node
  std::vector<std::size_t> affiliations_left_;   // per node: chunks not yet answered
  std::vector<std::size_t> subscriptions_left_;  // per node: chunks not yet answered
  std::unordered_map<std::string, std::size_t> node_index_;  // plan_ position by node name
  std::chrono::steady_clock::time_point bootstrap_started_;
  std::unordered_map<std::string, InFlight> in_flight_;  // by node: at most one per node
  std::uint64_t item_counter_ = 0;
  std::string item_prefix_;

  mutable std::mutex stats_mutex_;
  PublisherStats stats_;
};

}  // namespace fgw::component
