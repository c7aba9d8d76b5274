#pragma once
// What a standby node of a pair has computed but not yet seen the publishing peer publish.
//
// Both nodes derive the same notifications from the same CTI events, but only one publishes.
// The standby records each notification it computes, and each event item the peer publishes
// (its component is subscribed to every node) settles the oldest recorded one of that node. When
// the standby takes over, what is still recorded is what the peer never published: it is
// replayed, in the order it was computed, and nothing the clients already have is sent twice.
//
// Matching is by count per node, not by content: the two nodes stamp their own times and only the
// node that took a request carries its requestId. Where the counts cannot agree (the peer
// coalesced while its link was down, or one node missed CTI events) a record or an unmatched
// observation is forgotten after `retention`: the peer was then publishing long enough ago that
// the record is taken as published. That bounds memory and keeps a miscount from lasting.
// SystemInfo and local notifications (desk::Notification::local) are never recorded: every node
// publishes its own.
//
// Not thread-safe: the owner serialises calls.
#include <chrono>
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "gateway/desk/notification.hpp"

namespace fgw::component {

class StandbyMirror {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::size_t kDefaultCapacity = 100'000;

  explicit StandbyMirror(std::chrono::milliseconds retention, std::size_t capacity = kDefaultCapacity);

  // Whether a notification takes part in the matching at all.
  static bool mirrored(const desk::Notification& notification);

  void record(const desk::Notification& notification, Clock::time_point now);
  // The peer published an event item on `node`.
  void observe(const std::string& node, Clock::time_point now);
  // Forgets records and unmatched observations older than the retention.
  void expire(Clock::time_point now);
  // The records still unmatched, oldest first; the mirror is empty afterwards.
  std::vector<desk::Notification> take_unmatched(Clock::time_point now);
  void clear();

  std::size_t pending() const { return pending_count_; }
  std::uint64_t expired() const { return expired_; }

 private:
  struct Record {
    std::uint64_t seq;
    Clock::time_point at;
    desk::Notification notification;
  };
  struct NodeState {
    std::deque<Record> records;                 // computed here, not yet seen from the peer
    std::deque<Clock::time_point> unmatched;    // seen from the peer before computed here
  };
  struct Mark {
    std::uint64_t seq;
    Clock::time_point at;
    std::string node;
  };

  void forget_stale_observations(NodeState& state, Clock::time_point now);
  bool forget_oldest_mark();
  void drop_oldest();

  const std::chrono::milliseconds retention_;
  const std::size_t capacity_;
  std::unordered_map<std::string, NodeState> nodes_;
  std::deque<Mark> order_;  // every record in computation order; entries of matched ones are stale
  std::uint64_t next_seq_ = 0;
  std::size_t pending_count_ = 0;
  std::uint64_t expired_ = 0;
};

}  // namespace fgw::component
