#include "component/standby_mirror.hpp"

#include <algorithm>

#include "component/node_plan.hpp"

namespace fgw::component {

StandbyMirror::StandbyMirror(std::chrono::milliseconds retention, std::size_t capacity)
    : retention_(retention), capacity_(capacity) {}

bool StandbyMirror::mirrored(const desk::Notification& notification) {
  return !notification.local && notification.node != kSystemInfoNode;
}

void StandbyMirror::record(const desk::Notification& notification, Clock::time_point now) {
  if (!mirrored(notification)) return;
  auto& state = nodes_[notification.node];
  forget_stale_observations(state, now);
  if (!state.unmatched.empty()) {  // the peer was quicker: this one is published already
    state.unmatched.pop_front();
    return;
  }
  const auto seq = next_seq_++;
  state.records.push_back({seq, now, notification});
  order_.push_back({seq, now, notification.node});
  if (++pending_count_ > capacity_) drop_oldest();
}

void StandbyMirror::observe(const std::string& node, Clock::time_point now) {
  auto& state = nodes_[node];
  if (!state.records.empty()) {
    state.records.pop_front();
    --pending_count_;
    return;
  }
  forget_stale_observations(state, now);
  state.unmatched.push_back(now);
}

void StandbyMirror::forget_stale_observations(NodeState& state, Clock::time_point now) {
  while (!state.unmatched.empty() && now - state.unmatched.front() > retention_) state.unmatched.pop_front();
}

// Pops the oldest mark and forgets its record, unless an observation matched it already.
bool StandbyMirror::forget_oldest_mark() {
  const auto mark = std::move(order_.front());
  order_.pop_front();
  auto it = nodes_.find(mark.node);
  if (it == nodes_.end()) return false;
  auto& records = it->second.records;
  const bool forgot = !records.empty() && records.front().seq == mark.seq;
  if (forgot) {
    records.pop_front();
    --pending_count_;
    ++expired_;
  }
  if (records.empty() && it->second.unmatched.empty()) nodes_.erase(it);
  return forgot;
}

void StandbyMirror::expire(Clock::time_point now) {
  while (!order_.empty() && now - order_.front().at > retention_) forget_oldest_mark();
}

void StandbyMirror::drop_oldest() {
  while (!order_.empty() && !forget_oldest_mark()) {
  }
}

std::vector<desk::Notification> StandbyMirror::take_unmatched(Clock::time_point now) {
  expire(now);
  std::vector<Record> all;
  all.reserve(pending_count_);
  for (auto& [node, state] : nodes_)
    for (auto& record : state.records) all.push_back(std::move(record));
  std::sort(all.begin(), all.end(), [](const Record& a, const Record& b) { return a.seq < b.seq; });
  std::vector<desk::Notification> out;
  out.reserve(all.size());
  for (auto& record : all) out.push_back(std::move(record.notification));
  clear();
  return out;
}

void StandbyMirror::clear() {
  nodes_.clear();
  order_.clear();
  pending_count_ = 0;
}

}  // namespace fgw::component
