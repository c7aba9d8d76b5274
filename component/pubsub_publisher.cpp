#include "component/pubsub_publisher.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <random>

#include "component/stanzas.hpp"

namespace fgw::component {

namespace {

using Clock = std::chrono::steady_clock;

std::size_t chunk_count(std::size_t items, std::size_t per_chunk) { return (items + per_chunk - 1) / per_chunk; }

std::vector<std::string> chunk_of(const std::vector<std::string>& jids, std::size_t chunk, std::size_t per_chunk) {
  const auto begin = std::min(jids.size(), chunk * per_chunk);
  const auto end = std::min(jids.size(), begin + per_chunk);
  return {jids.begin() + static_cast<std::ptrdiff_t>(begin), jids.begin() + static_cast<std::ptrdiff_t>(end)};
}

const char* step_name(int step) {
  switch (step) {
    case 0: return "create";
    case 1: return "configure";
    case 2: return "reading affiliations";
    case 3: return "reading subscriptions";
    case 4: return "member affiliations";
    default: return "owner subscriptions";
  }
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// Each JID that a pubsub#owner list reply (<affiliations> or <subscriptions>) names, lowercased as
// servers normalise them, with its `attribute` (the affiliation or the subscription state).
std::map<std::string, std::string> listed_states(const gloox::Tag* pubsub, const char* list, const char* attribute) {
  std::map<std::string, std::string> states;
  const auto* listing = pubsub ? pubsub->findChild(list) : nullptr;
  if (!listing) return states;
  for (const auto* entry : listing->children())
    states[lowercase(entry->findAttribute("jid"))] = entry->findAttribute(attribute);
  return states;
}

// Removes from `jids` those listed with one of `states`: the server has them already.
void drop_listed(std::vector<std::string>& jids, const std::map<std::string, std::string>& listed,
                 std::initializer_list<const char*> states) {
  std::erase_if(jids, [&](const std::string& jid) {
    const auto it = listed.find(lowercase(jid));
    return it != listed.end() &&
           std::any_of(states.begin(), states.end(), [&](const char* state) { return it->second == state; });
  });
}

// Item ids must not repeat across restarts of the gateway either (a server may keep the last
// item): a random per-process prefix plus a counter.
std::string random_prefix() {
  std::random_device device;
  std::uniform_int_distribution<std::uint32_t> dist;
  char text[16];
  std::snprintf(text, sizeof text, "%08x", dist(device));
  return std::string("fgw-") + text + "-";
}

}  // namespace

PubsubPublisher::PubsubPublisher(PublisherOptions options, std::string from, std::string pubsub, NodePlan plan,
                                 PublishQueue& queue, IqSender& link, CurrentState current_state)
    : options_(options),
      from_(std::move(from)),
      pubsub_(std::move(pubsub)),
      plan_(std::move(plan)),
      queue_(queue),
      link_(link),
      current_state_(std::move(current_state)),
      item_prefix_(random_prefix()) {
  for (std::size_t i = 0; i < plan_.nodes.size(); ++i) node_index_.emplace(plan_.nodes[i].node, i);
  queue_.set_coalescing(true);  // nothing drains until the first bootstrap is done
}

ItemOrigin item_origin(std::string_view item_id) {
  const auto dash = item_id.rfind('-');
  if (!item_id.starts_with("fgw-") || dash == std::string_view::npos || dash + 1 >= item_id.size())
    return ItemOrigin::Unknown;
  switch (item_id[dash + 1]) {
    case 'e': return ItemOrigin::Event;
    case 'r': return ItemOrigin::Republish;
    case 'l': return ItemOrigin::Local;
    default: return ItemOrigin::Unknown;
  }
}

std::string PubsubPublisher::next_item_id(const QueuedUpdate& update) {
  const char origin = update.local ? 'l' : update.republished() ? 'r' : 'e';
  return item_prefix_ + origin + std::to_string(++item_counter_);
}

void PubsubPublisher::on_link_up() {
  ++epoch_;
  outstanding_ = 0;
  bootstrapping_ = true;
  bootstrap_ops_.clear();
  bootstrap_outstanding_ = 0;
  affiliations_left_.assign(plan_.nodes.size(), 0);
  subscriptions_left_.assign(plan_.nodes.size(), 0);
  work_.resize(plan_.nodes.size());
  for (std::size_t i = 0; i < plan_.nodes.size(); ++i) reset_work(i);
  bootstrap_started_ = Clock::now();
  for (std::size_t i = 0; i < plan_.nodes.size(); ++i) bootstrap_ops_.push_back({i, Step::Create, 0, 1});
  pump();
}

void PubsubPublisher::on_link_down() {
  ++epoch_;
  outstanding_ = 0;
  bootstrap_ops_.clear();
  bootstrap_outstanding_ = 0;
  bootstrapping_ = true;
  queue_.set_coalescing(true);
  // Unacked publishes may or may not have reached the server: send them again after the
  // reconnect (same node, same place in the node's order; republishing a state is harmless).
  for (auto& [node, flight] : in_flight_) queue_.give_back(std::move(flight.update));
  in_flight_.clear();
  std::lock_guard lock(stats_mutex_);
  stats_.bootstrapped = false;
}

void PubsubPublisher::pump() {
  if (!link_.link_up()) return;
  send_due_retries();
  // Bootstrap steps, and after the bootstrap the steps of repairs, go before new publishes.
  while (outstanding_ < options_.window && !bootstrap_ops_.empty()) {
    auto op = bootstrap_ops_.front();
    bootstrap_ops_.pop_front();
    send_bootstrap(op);
  }
  if (bootstrapping_) {
    if (bootstrap_ops_.empty() && bootstrap_outstanding_ == 0) finish_bootstrap();
    if (bootstrapping_) return;
  }
  while (outstanding_ < options_.window) {
    auto update = queue_.pop();
    if (!update) break;
    const auto node = update->node;
    auto& flight = in_flight_[node];
    auto item_id = next_item_id(*update);
    flight = InFlight{};
    flight.update = std::move(*update);
    flight.item_id = std::move(item_id);
    send_publish(flight);
  }
}

bool PubsubPublisher::drained() const { return in_flight_.empty() && queue_.depth() == 0; }

// --- bootstrap ---------------------------------------------------------------------------

void PubsubPublisher::send_bootstrap(BootstrapOp op) {
  const auto& spec = plan_.nodes[op.node_index];
  std::unique_ptr<gloox::Tag> payload;
  switch (op.step) {
    case Step::Create: payload = create_node_payload(spec.node, spec.open_access); break;
    case Step::Configure: payload = configure_node_payload(spec.node, spec.open_access); break;
    case Step::ReadAffiliations: payload = owner_list_payload(spec.node, "affiliations"); break;
    case Step::ReadSubscriptions: payload = owner_list_payload(spec.node, "subscriptions"); break;
    case Step::Affiliate: {
      const auto& work = work_[op.node_index];
      const auto member_chunks = chunk_count(work.members.size(), options_.members_per_iq);
      payload = op.chunk < member_chunks
                    ? member_affiliations_payload(spec.node, chunk_of(work.members, op.chunk, options_.members_per_iq))
                    : affiliation_payload(spec.node, work.owners[op.chunk - member_chunks], "owner");
      break;
    }
    case Step::Subscribe:
      payload = owner_subscriptions_payload(spec.node,
                                            chunk_of(work_[op.node_index].subscribers, op.chunk, options_.members_per_iq));
      break;
  }
  const bool read = op.step == Step::ReadAffiliations || op.step == Step::ReadSubscriptions;
  ++outstanding_;
  ++bootstrap_outstanding_;
  const auto epoch = epoch_;
  link_.send_iq(
      read ? iq_get(from_, pubsub_, std::move(payload)) : pubsub_set(from_, pubsub_, std::move(payload)),
      [this, op, epoch](const IqOutcome& outcome) {
        if (epoch != epoch_) return;
        --outstanding_;
        --bootstrap_outstanding_;
        on_bootstrap_reply(op, outcome);
      },
      options_.bootstrap_timeout);
}

void PubsubPublisher::queue_chunks(std::size_t node_index, Step step) {
  const auto& work = work_[node_index];
  const auto& jids = step == Step::Affiliate ? work.members : work.subscribers;
  // Owners (a pair's peer) go one per request after the member chunks.
  const auto chunks = chunk_count(jids.size(), options_.members_per_iq) + (step == Step::Affiliate ? work.owners.size() : 0);
  (step == Step::Affiliate ? affiliations_left_ : subscriptions_left_)[node_index] = chunks;
  // Next steps go to the front: finishing nodes beats starting new ones (clients of finished
  // nodes are served sooner, and the ops list stays short).
  for (std::size_t c = chunks; c-- > 0;) bootstrap_ops_.push_front({node_index, step, c, 1});
  if (chunks > 0) return;
  if (step == Step::Affiliate) queue_chunks(node_index, Step::Subscribe);
  else on_node_established(node_index);
}

void PubsubPublisher::queue_first_step(std::size_t node_index, Step step) {
  bootstrap_ops_.push_front({node_index, step, 0, 1});
}

void PubsubPublisher::reset_work(std::size_t node_index) {
  const auto& spec = plan_.nodes[node_index];
  work_[node_index] = NodeWork{spec.members, spec.owners, spec.subscribers, 0};
}

// A list that cannot be read leaves the plan's list in place: everything is set, as before.
void PubsubPublisher::on_read_reply(const BootstrapOp& op, const IqOutcome& outcome) {
  auto& work = work_[op.node_index];
  if (outcome.ok() && op.step == Step::ReadAffiliations) {
    const auto affiliations = listed_states(outcome.payload.get(), "affiliations", "affiliation");
    drop_listed(work.members, affiliations, {"member", "publisher", "owner"});
    drop_listed(work.owners, affiliations, {"owner"});
  } else if (outcome.ok()) {
    drop_listed(work.subscribers, listed_states(outcome.payload.get(), "subscriptions", "subscription"),
                {"subscribed"});
  }
  if (--work.reads_left == 0) queue_chunks(op.node_index, Step::Affiliate);
}

void PubsubPublisher::on_bootstrap_reply(BootstrapOp op, const IqOutcome& outcome) {
  const auto& node = plan_.nodes[op.node_index].node;
  if (op.step == Step::ReadAffiliations || op.step == Step::ReadSubscriptions) return on_read_reply(op, outcome);
  const bool exists_already = op.step == Step::Create && outcome.condition == "conflict";
  if (!outcome.ok() && !exists_already) {
    if (outcome.kind == IqOutcome::Kind::Timeout && op.attempt < options_.max_attempts) {
      bootstrap_ops_.push_back({op.node_index, op.step, op.chunk, op.attempt + 1});
      return;
    }
    spdlog::warn("xmpp bootstrap: {} of {} failed: {}", step_name(static_cast<int>(op.step)), node, outcome.condition);
    std::lock_guard lock(stats_mutex_);
    ++stats_.bootstrap_failures;
  }
  // Later steps run even after a failure: the node may exist from an earlier run.
  switch (op.step) {
    case Step::Create:
      if (exists_already) queue_first_step(op.node_index, Step::Configure);
      else queue_chunks(op.node_index, Step::Affiliate);
      break;
    case Step::Configure:
      work_[op.node_index].reads_left = 2;
      queue_first_step(op.node_index, Step::ReadSubscriptions);
      queue_first_step(op.node_index, Step::ReadAffiliations);
      break;
    case Step::ReadAffiliations:
    case Step::ReadSubscriptions: break;  // on_read_reply()
    case Step::Affiliate:
      if (--affiliations_left_[op.node_index] == 0) queue_chunks(op.node_index, Step::Subscribe);
      break;
    case Step::Subscribe:
      if (--subscriptions_left_[op.node_index] == 0) on_node_established(op.node_index);
      break;
  }
}

void PubsubPublisher::on_node_established(std::size_t node_index) {
  auto it = in_flight_.find(plan_.nodes[node_index].node);
  if (it == in_flight_.end() || !it->second.waiting_repair) return;
  it->second.waiting_repair = false;
  it->second.waiting_retry = true;  // sent by send_due_retries(), within the window
  it->second.retry_at = Clock::now();
}

bool PubsubPublisher::start_repair(const std::string& node, InFlight& flight) {
  auto index = node_index_.find(node);
  if (index == node_index_.end() || flight.repaired) return false;
  flight.repaired = true;
  flight.waiting_repair = true;
  reset_work(index->second);
  spdlog::warn("xmpp publish to {}: the node is gone; creating it again", node);
  bootstrap_ops_.push_back({index->second, Step::Create, 0, 1});
  std::lock_guard lock(stats_mutex_);
  ++stats_.node_repairs;
  return true;
}

void PubsubPublisher::finish_bootstrap() {
  merge_current_state();
  queue_.set_coalescing(false);
  bootstrapping_ = false;
  const double seconds = std::chrono::duration<double>(Clock::now() - bootstrap_started_).count();
  spdlog::info("xmpp bootstrap of {} nodes done in {:.3f} s; draining {} queued updates", plan_.nodes.size(), seconds,
               queue_.depth());
  std::lock_guard lock(stats_mutex_);
  ++stats_.bootstraps;
  stats_.last_bootstrap_seconds = seconds;
  stats_.bootstrapped = true;
}

// The snapshot must be ordered against what the desk pushes meanwhile (see PublishQueue). If the
// desk pushed a state of a snapshot key while the snapshot was taken, we cannot tell which is
// newer: take it again (a few times; then the order of the push wins, which the next change fixes).
void PubsubPublisher::merge_current_state() {
  if (!current_state_) return;
  constexpr int kAttempts = 3;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    const auto mark = queue_.next_seq();
    std::vector<desk::Notification> snapshot;
    try {
      snapshot = current_state_();
    } catch (const std::exception& e) {
      spdlog::error("xmpp: current state for the republish failed: {}", e.what());
      return;
    }
    const auto after = queue_.next_seq();
    if (attempt < kAttempts && queue_.latest_pushed_between(snapshot, mark, after)) continue;
    queue_.apply_snapshot(snapshot, mark);
    return;
  }
}

// --- publishing --------------------------------------------------------------------------

void PubsubPublisher::send_publish(InFlight& flight) {
  ++flight.attempts;
  flight.waiting_retry = false;
  flight.sent = Clock::now();
  ++outstanding_;
  const auto epoch = epoch_;
  const auto node = flight.update.node;
  link_.send_iq(pubsub_set(from_, pubsub_, publish_payload(node, flight.item_id, flight.update.payload_xml)),
                [this, node, epoch](const IqOutcome& outcome) {
                  if (epoch != epoch_) return;
                  --outstanding_;
                  on_publish_reply(node, outcome);
                },
                std::chrono::milliseconds(0));
}

void PubsubPublisher::on_publish_reply(const std::string& node, const IqOutcome& outcome) {
  auto it = in_flight_.find(node);
  if (it == in_flight_.end()) return;
  auto& flight = it->second;
  if (outcome.ok()) {
    record_latency(Clock::now() - flight.sent);
    in_flight_.erase(it);
    queue_.complete(node);
    return;
  }
  if (outcome.condition == "item-not-found" && start_repair(node, flight)) return;
  if (flight.attempts < options_.max_attempts) {
    flight.waiting_retry = true;
    flight.retry_at = Clock::now() + options_.retry_backoff * (1 << (flight.attempts - 1));
    std::lock_guard lock(stats_mutex_);
    ++stats_.publish_retries;
    return;
  }
  spdlog::warn("xmpp publish to {} failed after {} attempts: {} (update dropped)", node, flight.attempts,
               outcome.condition);
  in_flight_.erase(it);
  queue_.complete(node);
  std::lock_guard lock(stats_mutex_);
  ++stats_.publish_failures;
}

void PubsubPublisher::send_due_retries() {
  const auto now = Clock::now();
  std::vector<std::string> due;  // collected first: a send may call back into in_flight_
  for (const auto& [node, flight] : in_flight_)
    if (flight.waiting_retry && flight.retry_at <= now) due.push_back(node);
  for (const auto& node : due) {
    if (outstanding_ >= options_.window) return;
    auto it = in_flight_.find(node);
    if (it != in_flight_.end() && it->second.waiting_retry) send_publish(it->second);
  }
}

void PubsubPublisher::record_latency(Clock::duration latency) {
  const double seconds = std::chrono::duration<double>(latency).count();
  std::lock_guard lock(stats_mutex_);
  ++stats_.published;
  auto& histogram = stats_.ack_latency;
  ++histogram.count;
  histogram.sum_seconds += seconds;
  for (std::size_t i = 0; i < LatencyHistogram::kBuckets; ++i)
    if (seconds <= LatencyHistogram::kBounds[i]) ++histogram.cumulative[i];
}

PublisherStats PubsubPublisher::stats() const {
  std::lock_guard lock(stats_mutex_);
  return stats_;
}

}  // namespace fgw::component
