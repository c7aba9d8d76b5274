// The CTI link's families read from the client's stats: which side is connected and serving, and
// the failover counters. Request latency and errors are counted as they happen (cti_request_metrics).
#include "metrics/snapshot_families.hpp"

namespace fgw::metrics {

namespace {

void append_sides(const CtiSample& cti, Families& out) {
  auto connected = make_family(kCtiSideConnected);
  auto active = make_family(kCtiSideActive);
  for (const auto& side : cti.sides) {
    add_value(connected, side.connected ? 1 : 0, {{"side", side.side}});
    add_value(active, side.active ? 1 : 0, {{"side", side.side}});
  }
  out.push_back(std::move(connected));
  out.push_back(std::move(active));
}

}  // namespace

void append_cti_families(const CtiSample& cti, Families& out) {
  append_sides(cti, out);
  append_single(out, kCtiFailovers, static_cast<double>(cti.failovers));
  append_single(out, kCtiReconnects, static_cast<double>(cti.reconnects));
  append_single(out, kCtiSessionsLost, static_cast<double>(cti.sessions_lost));
  append_single(out, kCtiHeartbeatMisses, static_cast<double>(cti.heartbeat_misses));
  append_single(out, kCtiRequestTimeouts, static_cast<double>(cti.request_timeouts));
  append_single(out, kCtiEvents, static_cast<double>(cti.events));
}

}  // namespace fgw::metrics
