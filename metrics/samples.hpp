#pragma once
// What the exporter reads at scrape time: plain values, filled by whoever owns the state (the
// daemon, from the desk, the CTI client and the XMPP component). Plain structs keep metrics/ free
// of those modules (DESIGN.md "Layout").
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gateway/desk/service_status.hpp"

namespace fgw::metrics {

// Fixed for the process's life.
struct GatewayInfo {
  std::string version;    // the CMake project version
  std::string node;       // [node] name: "primary" / "secondary"
  std::string component;  // [xmpp] component, empty without XMPP
};

struct DeskSample {
  desk::SystemStatus status = desk::SystemStatus::OutOfService;
  // Signed-in agents per user state. Every state the desk knows appears, zero included, so that a
  // dashboard's series never vanish.
  std::vector<std::pair<std::string, std::uint64_t>> agents_by_state;
  std::uint64_t dialogs_active = 0;
};

struct CtiSideSample {
  std::string side;  // "a" / "b"
  bool connected = false;
  bool active = false;
};

struct CtiSample {
  std::vector<CtiSideSample> sides;  // side b only when it is configured
  std::uint64_t failovers = 0;
  std::uint64_t reconnects = 0;
  std::uint64_t sessions_lost = 0;
  std::uint64_t heartbeat_misses = 0;
  std::uint64_t request_timeouts = 0;
  std::uint64_t events = 0;
};

// A histogram already aggregated elsewhere, in Prometheus form: cumulative counts per upper bound
// (the +Inf bucket is `count`).
struct HistogramSample {
  std::vector<double> upper_bounds;
  std::vector<std::uint64_t> cumulative_counts;  // same size as upper_bounds
  std::uint64_t count = 0;
  double sum = 0;
};

struct PairSample {
  bool publishing = false;
  bool peer_serving = false;
  std::uint64_t takeovers = 0;
  std::uint64_t stand_downs = 0;
  std::uint64_t peer_ping_failures = 0;
  std::uint64_t replayed = 0;
  std::uint64_t standby_pending = 0;
};

struct XmppSample {
  bool link_up = false;
  std::uint64_t reconnects = 0;
  std::uint64_t publishes = 0;
  std::uint64_t publish_failures = 0;
  std::uint64_t publish_retries = 0;
  std::uint64_t publish_dropped = 0;
  std::uint64_t publish_coalesced = 0;
  std::uint64_t bootstrap_failures = 0;
  std::uint64_t node_repairs = 0;
  std::uint64_t queue_depth = 0;
  std::uint64_t queue_high_water = 0;
  double last_bootstrap_seconds = 0;
  std::uint64_t presence_sessions = 0;
  HistogramSample publish_duration;
  PairSample pair;
};

}  // namespace fgw::metrics
