#include "gateway/cti/client/pending_requests.hpp"

#include <utility>

namespace fgw::cti::client {

void PendingRequests::add(Entry entry) {
  const auto invoke_id = entry.invoke_id;
  const auto deadline = entry.deadline;
  by_invoke_id_.emplace(invoke_id, std::move(entry));
  by_deadline_.emplace(deadline, invoke_id);
}

std::optional<PendingRequests::Entry> PendingRequests::take(std::uint32_t invoke_id) {
  auto found = by_invoke_id_.find(invoke_id);
  if (found == by_invoke_id_.end()) return std::nullopt;
  auto [first, last] = by_deadline_.equal_range(found->second.deadline);
  for (auto it = first; it != last; ++it) {
    if (it->second == invoke_id) {
      by_deadline_.erase(it);
      break;
    }
  }
  Entry entry = std::move(found->second);
  by_invoke_id_.erase(found);
  return entry;
}

std::vector<PendingRequests::Entry> PendingRequests::take_expired(Clock::time_point now) {
  std::vector<Entry> expired;
  while (!by_deadline_.empty() && by_deadline_.begin()->first <= now) {
    const auto invoke_id = by_deadline_.begin()->second;
    by_deadline_.erase(by_deadline_.begin());
    auto found = by_invoke_id_.find(invoke_id);
    if (found == by_invoke_id_.end()) continue;
    expired.push_back(std::move(found->second));
    by_invoke_id_.erase(found);
  }
  return expired;
}

std::vector<PendingRequests::Entry> PendingRequests::take_all() {
  std::vector<Entry> all;
  all.reserve(by_invoke_id_.size());
  for (auto& [invoke_id, entry] : by_invoke_id_) all.push_back(std::move(entry));
  by_invoke_id_.clear();
  by_deadline_.clear();
  return all;
}

std::optional<PendingRequests::Clock::time_point> PendingRequests::earliest_deadline() const {
  if (by_deadline_.empty()) return std::nullopt;
  return by_deadline_.begin()->first;
}

}  // namespace fgw::cti::client
