#pragma once
// The bounded queue between the desk (producer, under its writer lock) and the gloox thread
// (consumer) - DESIGN.md "Threads". push() never blocks beyond a short mutex section.
//
// Rules, precisely:
// - Per-node order: entries of one node are popped in push order, and pop() never returns an
//   entry of a node that already has one in flight (popped, not yet complete()d or given back).
//   Many nodes can be in flight at once.
// - Node kinds (classify_node): a User node, a Team node, SystemInfo and a Media node carry the
//   full latest state ("latest-state"); a Dialogs node (and any node not recognised) carries
//   events that all matter, in order ("ordered").
// - Coalescing key: (node, source). A Team/{id}/Users node carries one summary per team member
//   (guide 7.2.4: source /finesse/api/User/{id}), so the latest state is per member, not per
//   node; on a User node or SystemInfo the source is the node itself.
// - Coalescing is on while the publisher asks for it (from link loss until the bootstrap after the
//   reconnect is done: nothing is being drained) and while the queue is overloaded (it reached
//   `capacity`; until it is back under capacity/2). Then a latest-state key keeps only its newest
//   pending entry (the older one is removed, the newest goes to the node's back); turning it on
//   compacts what is pending. While the link is up, draining and not overloaded, a User node is not
//   coalesced: clients see every intermediate User state, even for entries that wait behind the
//   publish window. A Team node always is, per member: with one publish in flight per node, a
//   busy team would otherwise fall seconds behind (bench/RESULTS.md, issue 6).
// - Capacity: at most `capacity` pending entries. A push at capacity drops the oldest pending
//   entry of an ordered node or, if none is pending, the oldest pending entry overall. Every
//   drop is counted in `dropped` and logged (the first, then every 10,000th).
// - Snapshots: after a reconnect the publisher merges the desk's current state (apply_snapshot):
//   a snapshot entry supersedes its key's pending entries pushed before the snapshot was taken
//   (seq < `mark`) and is placed before those pushed after; on an ordered node it is placed
//   after the entries pushed before `mark`.

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gateway/desk/notification.hpp"

namespace fgw::component {

enum class NodeKind { LatestState, Ordered };
NodeKind classify_node(std::string_view node);

struct QueuedUpdate {
  std::uint64_t seq = 0;  // push order (odd numbers); a snapshot's entries take its mark - 1
  std::string node;
  std::string source;
  std::string payload_xml;
  bool local = false;  // desk::Notification::local
  bool republished() const { return seq % 2 == 0; }  // a snapshot entry (see seq)
};

struct QueueCounters {
  std::uint64_t pushed = 0;
  std::uint64_t coalesced = 0;  // superseded by a newer state of the same node: never sent
  std::uint64_t dropped = 0;    // lost to the capacity limit
  std::size_t depth = 0;        // pending (not popped) entries
  std::size_t high_water = 0;
};

class PublishQueue {
 public:
  static constexpr std::size_t kDefaultCapacity = 100'000;
  explicit PublishQueue(std::size_t capacity = kDefaultCapacity);

  void push(const std::vector<desk::Notification>& notifications);
  void push_one(const desk::Notification& notification);

  // The next entry of a node with nothing in flight (nodes served round-robin); marks it in flight.
  std::optional<QueuedUpdate> pop();
  // The in-flight entry of `node` is finished (acked, or failed for good): the node may pop again.
  void complete(const std::string& node);
  // The in-flight entry was not acked (link lost): it goes back to the front of its node.
  void give_back(QueuedUpdate update);

  // Forgets every pending entry (not those in flight); returns how many. A node of a pair that
  // stands down hands what it had not sent to the peer, which replays what it did not see.
  std::size_t clear_pending();

  void set_coalescing(bool on);
  bool coalescing() const;  // requested or overloaded

  std::uint64_t next_seq() const;
  void apply_snapshot(const std::vector<desk::Notification>& snapshot, std::uint64_t mark);
  // Whether an entry with the key of one of `snapshot`'s latest-state entries was pushed with
  // seq in [from, to): a snapshot taken meanwhile cannot be ordered against it.
  bool latest_pushed_between(const std::vector<desk::Notification>& snapshot, std::uint64_t from, std::uint64_t to) const;

  QueueCounters counters() const;
  std::size_t depth() const;
  std::size_t in_flight() const;
  bool has_ready() const;

 private:
  struct NodeQueue {
    std::string name;
    NodeKind kind = NodeKind::Ordered;
    bool member_summaries = false;  // a Team/{id}/Users node: one latest state per member (source)
    std::deque<QueuedUpdate> pending;
    bool in_flight = false;
    bool in_ready = false;
  };

  NodeQueue& node_for(const std::string& name);
  void push_locked(const desk::Notification& notification);
  bool coalescing_locked() const { return coalescing_requested_ || overloaded_; }
  void update_overload_locked();
  void make_room_locked();
  void compact_latest_locked();
  bool drop_oldest_ordered_locked();
  void drop_oldest_any_locked();
  void note_drop_locked(const QueuedUpdate& update);
  void mark_ready_locked(NodeQueue& node);
  // Every change to a node's pending entries is bracketed by these, to keep depth_ and the index
  // of the ordered nodes' oldest entries right.
  void before_change(NodeQueue& node);
  void after_change(NodeQueue& node);
  std::size_t collapse_to_newest_locked(NodeQueue& node);  // returns how many were superseded

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, NodeQueue> nodes_;  // node-based: NodeQueue addresses are stable
  std::deque<NodeQueue*> ready_;
  std::set<std::pair<std::uint64_t, NodeQueue*>> ordered_fronts_;  // oldest pending seq per ordered node
  std::uint64_t next_seq_ = 1;
  std::size_t depth_ = 0;
  std::size_t in_flight_ = 0;
  bool coalescing_requested_ = false;
  bool overloaded_ = false;
  QueueCounters counters_;
};

}  // namespace fgw::component
