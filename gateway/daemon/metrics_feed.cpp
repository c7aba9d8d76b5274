#include "gateway/daemon/metrics_feed.hpp"

#include <map>

#include "gateway/desk/user_state_mapping.hpp"

namespace fgw::daemon {

namespace {

constexpr const char* kSignedOut = "LOGOUT";

// Every state the desk can report starts at zero, so that a state nobody is in still has a series.
std::map<std::string, std::uint64_t> zero_per_signed_in_state() {
  std::map<std::string, std::uint64_t> counts;
  for (auto& state : desk::finesse_user_states())
    if (state != kSignedOut) counts.emplace(std::move(state), 0);
  return counts;
}

metrics::CtiSideSample side_sample(cti::client::Side side, const cti::client::CtiClientStats& stats) {
  // Initialised, not assigned: g++ 12 warns falsely (-Wrestrict) on assigning a short literal.
  return metrics::CtiSideSample{side == cti::client::Side::A ? std::string("a") : std::string("b"),
                                stats.connected_side == side, stats.in_service && stats.active_side == side};
}

// metrics/ may not depend on component/ (DESIGN.md "Layout"), hence the copy.
metrics::PairSample pair_sample(const component::PairStats& stats) {
  metrics::PairSample pair;
  pair.publishing = stats.publishing;
  pair.peer_serving = stats.peer_serving;
  pair.takeovers = stats.takeovers;
  pair.stand_downs = stats.stand_downs;
  pair.peer_ping_failures = stats.ping_failures;
  pair.replayed = stats.replayed;
  pair.standby_pending = stats.pending;
  return pair;
}

}  // namespace

metrics::DeskSample desk_sample(const desk::Desk& desk) {
  metrics::DeskSample sample;
  sample.status = desk.service().snapshot().status;
  const auto state = desk.snapshot();
  auto counts = zero_per_signed_in_state();
  for (const auto& [id, user] : state->users)
    if (user.status.state != kSignedOut) ++counts[user.status.state];
  sample.agents_by_state.assign(counts.begin(), counts.end());
  sample.dialogs_active = state->calls.size();
  return sample;
}

metrics::CtiSample cti_sample(const cti::client::CtiClientStats& stats, bool has_side_b) {
  metrics::CtiSample sample;
  sample.sides.push_back(side_sample(cti::client::Side::A, stats));
  if (has_side_b) sample.sides.push_back(side_sample(cti::client::Side::B, stats));
  sample.failovers = stats.failovers;
  sample.reconnects = stats.reconnect_attempts;
  sample.sessions_lost = stats.sessions_lost;
  sample.heartbeat_misses = stats.heartbeats_missed;
  sample.request_timeouts = stats.request_timeouts;
  sample.events = stats.events_received;
  return sample;
}

metrics::HistogramSample histogram_sample(const component::LatencyHistogram& histogram) {
  metrics::HistogramSample sample;
  for (std::size_t i = 0; i < component::LatencyHistogram::kBuckets; ++i) {
    sample.upper_bounds.push_back(component::LatencyHistogram::kBounds[i]);
    sample.cumulative_counts.push_back(histogram.cumulative[i]);
  }
  sample.count = histogram.count;
  sample.sum = histogram.sum_seconds;
  return sample;
}

metrics::XmppSample xmpp_sample(const component::ComponentStats& stats) {
  metrics::XmppSample sample;
  sample.link_up = stats.link_up;
  sample.reconnects = stats.reconnects;
  sample.publishes = stats.published;
  sample.publish_failures = stats.publish_failures;
  sample.publish_retries = stats.publish_retries;
  sample.publish_dropped = stats.dropped;
  sample.publish_coalesced = stats.coalesced;
  sample.bootstrap_failures = stats.bootstrap_failures;
  sample.node_repairs = stats.node_repairs;
  sample.queue_depth = stats.queue_depth;
  sample.queue_high_water = stats.queue_high_water;
  sample.last_bootstrap_seconds = stats.last_bootstrap_seconds;
  sample.presence_sessions = stats.presence_sessions;
  sample.publish_duration = histogram_sample(stats.publish_ack_latency);
  sample.pair = pair_sample(stats.pair);
  return sample;
}

}  // namespace fgw::daemon
