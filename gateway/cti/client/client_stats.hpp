#pragma once
// Counters for metrics (DESIGN.md: which CTI side serves, when a failover happened).
#include <cstdint>
#include <optional>

#include "gateway/cti/client/cti_observer.hpp"

namespace fgw::cti::client {

struct CtiClientStats {
  bool in_service = false;
  std::optional<Side> active_side;
  std::optional<Side> connected_side;    // TCP connected (opening or open); active_side once in service
  std::uint64_t sessions_opened = 0;
  std::uint64_t sessions_lost = 0;
  std::uint64_t failovers = 0;           // sessions opened on the other side than the previous one
  std::uint64_t connect_attempts = 0;    // every TCP connect started
  std::uint64_t reconnect_attempts = 0;  // connect attempts after the first one since start()
  std::uint64_t requests_sent = 0;       // requests written to a session (resync included)
  std::uint64_t request_failures = 0;    // requests completed with a CtiFailure, timeouts included
  std::uint64_t request_timeouts = 0;
  std::uint64_t heartbeats_sent = 0;
  std::uint64_t heartbeats_missed = 0;
  std::uint64_t events_received = 0;     // unsolicited messages handed to the observer
};

}  // namespace fgw::cti::client
