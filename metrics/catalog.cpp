#include "metrics/catalog.hpp"

#include <array>

namespace fgw::metrics {

namespace {

constexpr std::array kCatalog{
    &kBuildInfo,          &kNodeInfo,

    &kServiceStatus,      &kAgents,
    &kDialogsActive,

    &kCtiSideConnected,   &kCtiSideActive,
    &kCtiFailovers,       &kCtiReconnects,
    &kCtiSessionsLost,    &kCtiHeartbeatMisses,
    &kCtiRequestTimeouts, &kCtiEvents,
    &kCtiRequestDuration, &kCtiErrors,

    &kXmppLinkUp,         &kXmppReconnects,
    &kXmppPublishes,      &kXmppPublishFailures,
    &kXmppPublishRetries, &kXmppPublishDropped,
    &kXmppPublishCoalesced, &kXmppBootstrapFailures, &kXmppNodeRepairs,
    &kXmppQueueDepth,     &kXmppQueueHighWater,
    &kXmppBootstrapDuration, &kXmppPresenceSessions,
    &kXmppPublishDuration,

    &kPairPublishing,     &kPairPeerServing,
    &kPairTakeovers,      &kPairStandDowns,
    &kPairPeerPingFailures, &kPairReplayed,
    &kPairStandbyPending,

    &kHttpRequests,       &kHttpRequestDuration,
};

// The contract's prefix (DESIGN.md "Contract"), checked where the table is written.
constexpr bool all_prefixed() {
  for (const auto* def : kCatalog)
    if (!def->name.starts_with("finesse_gw_")) return false;
  return true;
}
static_assert(all_prefixed(), "every metric name starts with finesse_gw_");

// Prometheus naming: a counter's name ends in _total, and nothing else's does.
constexpr bool counters_end_in_total() {
  for (const auto* def : kCatalog)
    if ((def->kind == Kind::Counter) != def->name.ends_with("_total")) return false;
  return true;
}
static_assert(counters_end_in_total(), "counters, and only counters, end in _total");

}  // namespace

std::string_view to_string(Kind kind) {
  switch (kind) {
    case Kind::Counter: return "counter";
    case Kind::Gauge: return "gauge";
    case Kind::Histogram: return "histogram";
  }
  return "untyped";
}

std::vector<std::string> label_names(const MetricDef& def) {
  std::vector<std::string> names;
  std::string_view rest = def.labels;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    names.emplace_back(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return names;
}

std::span<const MetricDef* const> catalog() { return kCatalog; }

}  // namespace fgw::metrics
