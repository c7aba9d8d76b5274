#include "component/pair_coordinator.hpp"

#include <spdlog/spdlog.h>

#include "component/node_plan.hpp"
#include "component/stanzas.hpp"

namespace fgw::component {

PairCoordinator::PairCoordinator(PairSettings settings, PublishQueue& queue, CurrentState current_state)
    : settings_(std::move(settings)),
      queue_(queue),
      current_state_(std::move(current_state)),
      role_(PairRole::Options{!settings_.peer_component.empty(), settings_.primary}),
      mirror_(settings_.retention) {}

void PairCoordinator::route(const std::vector<desk::Notification>& notifications) {
  if (!paired()) {
    queue_.push(notifications);
    return;
  }
  std::lock_guard lock(mutex_);
  if (role_.publishing()) {
    queue_.push(notifications);
    return;
  }
  const auto now = Clock::now();
  for (const auto& notification : notifications) {
    if (notification.local)
      queue_.push_one(notification);  // only this node has it: nobody else would publish it
    else
      mirror_.record(notification, now);
  }
}

std::vector<desk::Notification> PairCoordinator::republishable_state() const {
  if (paired() && !publishing_.load()) return {};
  return current_state_ ? current_state_() : std::vector<desk::Notification>{};
}

void PairCoordinator::on_poll(bool serviceable, PubsubPublisher& publisher, IqSender& link) {
  if (!paired()) return;
  const auto now = Clock::now();
  if (serviceable && !was_serviceable_) serviceable_since_ = now;
  was_serviceable_ = serviceable;
  std::size_t replayed = 0;
  PairRole::Change change;
  {
    // The role changes and the queue is filled or emptied under one lock: a notification routed
    // meanwhile goes either to the mirror (and so into the replay) or after the replay.
    std::lock_guard lock(mutex_);
    mirror_.expire(now);
    change = role_.on_serviceable(serviceable);
    if (change == PairRole::Change::None && ping_result_) {  // else the result waits for the next turn
      change = role_.on_peer_ping(*ping_result_);
      ping_result_.reset();
    }
    if (change == PairRole::Change::TakeOver) replayed = replay_unmatched_locked(now);
    if (change == PairRole::Change::StandDown) stand_down_locked();
  }
  if (change == PairRole::Change::TakeOver) finish_takeover(publisher, replayed, now);
  if (serviceable && !ping_outstanding_ && now >= next_ping_) ping(link);
}

void PairCoordinator::on_link_down() {
  ping_outstanding_ = false;  // the link forgets outstanding IQs without calling back
  ping_result_.reset();
  std::lock_guard lock(mutex_);
  if (role_.on_serviceable(false) == PairRole::Change::StandDown) stand_down_locked();
}

void PairCoordinator::on_items(const std::string& node, const std::vector<std::string>& item_ids,
                               const PubsubPublisher& publisher) {
  if (!paired()) return;
  const auto now = Clock::now();
  std::lock_guard lock(mutex_);
  if (role_.publishing()) return;  // our own items, or the peer's in a split that resolves itself
  for (const auto& id : item_ids)
    if (!publisher.own_item(id) && item_origin(id) == ItemOrigin::Event) mirror_.observe(node, now);
}

std::size_t PairCoordinator::replay_unmatched_locked(Clock::time_point now) {
  const auto unmatched = mirror_.take_unmatched(now);
  queue_.push(unmatched);
  publishing_ = true;
  replayed_ += unmatched.size();
  ++takeovers_;
  return unmatched.size();
}

// A node that has served (and so mirrored) for a full retention only replays what the peer did
// not publish, plus its SystemInfo. One that has not - it just started or reconnected - cannot
// know what the clients have, so it republishes the whole current state too.
void PairCoordinator::finish_takeover(PubsubPublisher& publisher, std::size_t replayed, Clock::time_point now) {
  const bool mirror_complete = now - serviceable_since_ >= settings_.retention;
  if (mirror_complete) {
    for (auto& notification : current_state_ ? current_state_() : std::vector<desk::Notification>{})
      if (notification.node == kSystemInfoNode) queue_.push_one(notification);
  } else {
    publisher.republish_current_state();
  }
  spdlog::warn("pair: {} takes over publishing from {} ({} updates it had not published{})",
               settings_.own_component, settings_.peer_component, replayed,
               mirror_complete ? "" : "; current state republished");
}

void PairCoordinator::stand_down_locked() {
  publishing_ = false;
  const auto cleared = queue_.clear_pending();
  mirror_.clear();
  ++stand_downs_;
  spdlog::warn("pair: {} stands by ({} queued updates left to {})", settings_.own_component, cleared,
               settings_.peer_component);
}

void PairCoordinator::ping(IqSender& link) {
  ping_outstanding_ = true;
  next_ping_ = Clock::now() + settings_.ping_interval;
  link.send_iq(iq_get(settings_.own_component, settings_.peer_component, ping_payload()),
               [this](const IqOutcome& outcome) { on_ping_reply(outcome.ok()); },
               std::max(settings_.ping_interval * 2, std::chrono::milliseconds(1000)));
}

void PairCoordinator::on_ping_reply(bool ok) {
  ping_outstanding_ = false;
  if (!ok) ++ping_failures_;
  if (ok != peer_serving_.exchange(ok))
    spdlog::info("pair: peer {} {}", settings_.peer_component, ok ? "serves" : "does not serve");
  ping_result_ = ok;
}

PairStats PairCoordinator::stats(bool serviceable) const {
  PairStats out;
  out.publishing = paired() ? publishing_.load() : serviceable;
  out.peer_serving = peer_serving_.load();
  out.takeovers = takeovers_.load();
  out.stand_downs = stand_downs_.load();
  out.ping_failures = ping_failures_.load();
  out.replayed = replayed_.load();
  std::lock_guard lock(mutex_);
  out.pending = mirror_.pending();
  return out;
}

}  // namespace fgw::component
