#include "component/publish_queue.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>

namespace fgw::component {

namespace {

constexpr std::string_view kUserPrefix = "/finesse/api/User/";
constexpr std::string_view kTeamPrefix = "/finesse/api/Team/";

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

NodeKind classify_node(std::string_view node) {
  if (node == "/finesse/api/SystemInfo") return NodeKind::LatestState;
  if (node.starts_with(kUserPrefix)) {
    // /finesse/api/User/{id} is the user's whole state; anything below it (Dialogs, Media with
    // one entry per media domain) is a stream of events.
    return node.substr(kUserPrefix.size()).find('/') == std::string_view::npos ? NodeKind::LatestState
                                                                                : NodeKind::Ordered;
  }
  if (node.starts_with(kTeamPrefix) && ends_with(node, "/Users")) return NodeKind::LatestState;
  return NodeKind::Ordered;
}

PublishQueue::PublishQueue(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {}

PublishQueue::NodeQueue& PublishQueue::node_for(const std::string& name) {
  auto [it, inserted] = nodes_.try_emplace(name);
  if (inserted) {
    it->second.name = name;
    it->second.kind = classify_node(name);
    it->second.member_summaries = it->second.kind == NodeKind::LatestState && name.starts_with(kTeamPrefix);
  }
  return it->second;
}

void PublishQueue::before_change(NodeQueue& node) {
  depth_ -= node.pending.size();
  if (node.kind == NodeKind::Ordered && !node.pending.empty()) ordered_fronts_.erase({node.pending.front().seq, &node});
}

void PublishQueue::after_change(NodeQueue& node) {
  depth_ += node.pending.size();
  if (node.kind == NodeKind::Ordered && !node.pending.empty()) ordered_fronts_.insert({node.pending.front().seq, &node});
  if (!node.pending.empty()) mark_ready_locked(node);
}

void PublishQueue::mark_ready_locked(NodeQueue& node) {
  if (node.in_flight || node.in_ready || node.pending.empty()) return;
  node.in_ready = true;
  ready_.push_back(&node);
}

void PublishQueue::push(const std::vector<desk::Notification>& notifications) {
  std::lock_guard lock(mutex_);
  for (const auto& notification : notifications) push_locked(notification);
}

void PublishQueue::push_one(const desk::Notification& notification) {
  std::lock_guard lock(mutex_);
  push_locked(notification);
}

void PublishQueue::push_locked(const desk::Notification& notification) {
  ++counters_.pushed;
  auto& node = node_for(notification.node);
  QueuedUpdate update{next_seq_, notification.node, notification.source, notification.payload_xml, notification.local};
  next_seq_ += 2;  // pushes take odd numbers; a snapshot at `mark` takes mark - 1, between them
  before_change(node);
  // A Team node carries every member's changes through one publish at a time, so a busy team
  // builds a backlog; a member's summary that has not been sent yet is worth nothing once a newer
  // one exists. A User node's states are kept while draining: the agent sees each of them.
  if (node.kind == NodeKind::LatestState && (coalescing_locked() || node.member_summaries)) {
    const auto erased = std::erase_if(node.pending, [&](const QueuedUpdate& q) { return q.source == update.source; });
    counters_.coalesced += erased;
  }
  node.pending.push_back(std::move(update));
  after_change(node);
  update_overload_locked();  // at capacity: coalesce first, which may free enough room
  if (depth_ > capacity_) make_room_locked();
  counters_.high_water = std::max(counters_.high_water, depth_);
}

void PublishQueue::update_overload_locked() {
  if (!overloaded_ && depth_ >= capacity_) {
    overloaded_ = true;
    spdlog::warn("xmpp publish queue reached its capacity of {} entries: coalescing User/Team states until it drains",
                 capacity_);
    compact_latest_locked();
  } else if (overloaded_ && depth_ < capacity_ / 2) {
    overloaded_ = false;
    spdlog::info("xmpp publish queue drained to {} entries: no longer overloaded", depth_);
  }
}

void PublishQueue::make_room_locked() {
  while (depth_ > capacity_) {
    if (!drop_oldest_ordered_locked()) drop_oldest_any_locked();
  }
}

bool PublishQueue::drop_oldest_ordered_locked() {
  if (ordered_fronts_.empty()) return false;
  NodeQueue& node = *ordered_fronts_.begin()->second;
  before_change(node);
  note_drop_locked(node.pending.front());
  node.pending.pop_front();
  after_change(node);
  return true;
}

// Only reached when no ordered entry is pending and more than `capacity` distinct latest-state
// keys are: a rare case, so a scan is fine.
void PublishQueue::drop_oldest_any_locked() {
  NodeQueue* oldest = nullptr;
  for (auto& [name, node] : nodes_)
    if (!node.pending.empty() && (!oldest || node.pending.front().seq < oldest->pending.front().seq)) oldest = &node;
  if (!oldest) return;
  before_change(*oldest);
  note_drop_locked(oldest->pending.front());
  oldest->pending.pop_front();
  after_change(*oldest);
}

void PublishQueue::note_drop_locked(const QueuedUpdate& update) {
  ++counters_.dropped;
  if (counters_.dropped == 1 || counters_.dropped % 10'000 == 0)
    spdlog::warn("xmpp publish queue full ({} entries): dropped the oldest update of {} ({} dropped so far)", capacity_,
                 update.node, counters_.dropped);
}

std::size_t PublishQueue::collapse_to_newest_locked(NodeQueue& node) {
  // Walk from the newest entry back; keep the first (newest) one seen per source.
  std::deque<QueuedUpdate> kept;
  std::vector<std::string_view> seen;
  std::size_t superseded = 0;
  for (auto it = node.pending.rbegin(); it != node.pending.rend(); ++it) {
    if (std::find(seen.begin(), seen.end(), it->source) != seen.end()) {
      ++superseded;
      continue;
    }
    seen.push_back(it->source);
    kept.push_front(std::move(*it));
  }
  node.pending = std::move(kept);
  return superseded;
}

void PublishQueue::compact_latest_locked() {
  for (auto& [name, node] : nodes_) {
    if (node.kind != NodeKind::LatestState || node.pending.size() < 2) continue;
    before_change(node);
    counters_.coalesced += collapse_to_newest_locked(node);
    after_change(node);
  }
}

std::size_t PublishQueue::clear_pending() {
  std::lock_guard lock(mutex_);
  std::size_t cleared = 0;
  for (auto& [name, node] : nodes_) {
    if (node.pending.empty()) continue;
    before_change(node);
    cleared += node.pending.size();
    node.pending.clear();
    after_change(node);
  }
  update_overload_locked();
  return cleared;  // ready_ keeps stale entries: pop() skips nodes with nothing pending
}

std::optional<QueuedUpdate> PublishQueue::pop() {
  std::lock_guard lock(mutex_);
  while (!ready_.empty()) {
    NodeQueue& node = *ready_.front();
    ready_.pop_front();
    node.in_ready = false;
    if (node.in_flight || node.pending.empty()) continue;  // stale: emptied by a drop or coalescing
    before_change(node);
    QueuedUpdate update = std::move(node.pending.front());
    node.pending.pop_front();
    node.in_flight = true;
    ++in_flight_;
    after_change(node);
    update_overload_locked();
    return update;
  }
  return std::nullopt;
}

void PublishQueue::complete(const std::string& node_name) {
  std::lock_guard lock(mutex_);
  auto it = nodes_.find(node_name);
  if (it == nodes_.end() || !it->second.in_flight) return;
  it->second.in_flight = false;
  --in_flight_;
  mark_ready_locked(it->second);
}

void PublishQueue::give_back(QueuedUpdate update) {
  std::lock_guard lock(mutex_);
  auto& node = node_for(update.node);
  if (node.in_flight) {
    node.in_flight = false;
    --in_flight_;
  }
  before_change(node);
  const bool superseded = node.kind == NodeKind::LatestState && coalescing_locked() &&
                          std::any_of(node.pending.begin(), node.pending.end(),
                                      [&](const QueuedUpdate& q) { return q.source == update.source; });
  if (superseded)
    ++counters_.coalesced;
  else
    node.pending.push_front(std::move(update));
  after_change(node);
  counters_.high_water = std::max(counters_.high_water, depth_);
}

void PublishQueue::set_coalescing(bool on) {
  std::lock_guard lock(mutex_);
  coalescing_requested_ = on;
  if (on) compact_latest_locked();
}

bool PublishQueue::coalescing() const {
  std::lock_guard lock(mutex_);
  return coalescing_locked();
}

std::uint64_t PublishQueue::next_seq() const {
  std::lock_guard lock(mutex_);
  return next_seq_;
}

void PublishQueue::apply_snapshot(const std::vector<desk::Notification>& snapshot, std::uint64_t mark) {
  std::lock_guard lock(mutex_);
  for (const auto& notification : snapshot) {
    auto& node = node_for(notification.node);
    before_change(node);
    if (node.kind == NodeKind::LatestState) {
      counters_.coalesced += std::erase_if(node.pending, [&](const QueuedUpdate& q) {
        return q.seq < mark && q.source == notification.source;
      });
    }
    // After everything pushed before the mark (and earlier entries of this snapshot), before the rest.
    const std::uint64_t snapshot_seq = mark - 1;
    const auto at = std::upper_bound(node.pending.begin(), node.pending.end(), snapshot_seq,
                                     [](std::uint64_t m, const QueuedUpdate& q) { return m < q.seq; });
    node.pending.insert(at, QueuedUpdate{snapshot_seq, notification.node, notification.source, notification.payload_xml});
    after_change(node);
    update_overload_locked();
    if (depth_ > capacity_) make_room_locked();
  }
  counters_.high_water = std::max(counters_.high_water, depth_);
}

bool PublishQueue::latest_pushed_between(const std::vector<desk::Notification>& snapshot, std::uint64_t from,
                                         std::uint64_t to) const {
  std::lock_guard lock(mutex_);
  for (const auto& notification : snapshot) {
    auto it = nodes_.find(notification.node);
    if (it == nodes_.end() || it->second.kind != NodeKind::LatestState) continue;
    for (const auto& q : it->second.pending)
      if (q.seq >= from && q.seq < to && q.source == notification.source) return true;
  }
  return false;
}

QueueCounters PublishQueue::counters() const {
  std::lock_guard lock(mutex_);
  QueueCounters copy = counters_;
  copy.depth = depth_;
  return copy;
}

std::size_t PublishQueue::depth() const {
  std::lock_guard lock(mutex_);
  return depth_;
}

std::size_t PublishQueue::in_flight() const {
  std::lock_guard lock(mutex_);
  return in_flight_;
}

bool PublishQueue::has_ready() const {
  std::lock_guard lock(mutex_);
  for (const auto* node : ready_)
    if (!node->in_flight && !node->pending.empty()) return true;
  return false;
}

}  // namespace fgw::component
