#pragma once
// Requests written to the session and waiting for their confirmation, keyed by InvokeID, each
// with its deadline. Time-free: the session owns the one timer that wakes at earliest_deadline().
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "gateway/cti/client/request_result.hpp"

namespace fgw::cti::client {

class PendingRequests {
 public:
  using Clock = std::chrono::steady_clock;
  using Done = std::function<void(RequestResult)>;

  struct Entry {
    std::uint32_t invoke_id = 0;
    MessageType type{};
    Clock::time_point deadline;
    Done done;
    Clock::time_point sent_at{};  // when it was written: the round trip metrics report
  };

  // Precondition: !contains(entry.invoke_id).
  void add(Entry entry);
  bool contains(std::uint32_t invoke_id) const { return by_invoke_id_.contains(invoke_id); }
  // Removes and returns the request with this InvokeID, if it is pending.
  std::optional<Entry> take(std::uint32_t invoke_id);
  // Removes and returns the requests whose deadline is at or before `now`, oldest deadline first.
  std::vector<Entry> take_expired(Clock::time_point now);
  // Removes and returns every request, in InvokeID order.
  std::vector<Entry> take_all();

  std::optional<Clock::time_point> earliest_deadline() const;
  bool empty() const { return by_invoke_id_.empty(); }
  std::size_t size() const { return by_invoke_id_.size(); }

 private:
  std::map<std::uint32_t, Entry> by_invoke_id_;
  std::multimap<Clock::time_point, std::uint32_t> by_deadline_;
};

}  // namespace fgw::cti::client
