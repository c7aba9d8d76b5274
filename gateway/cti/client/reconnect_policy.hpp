#pragma once
// Which side to try next and how long to wait first (GED-188.md 2.1: alternate A and B until a
// connection is established; after any failure, back to alternating). Time-free: the caller owns
// the timer.
#include <chrono>
#include <cstdint>

#include "gateway/cti/client/cti_observer.hpp"

namespace fgw::cti::client {

class ReconnectPolicy {
 public:
  struct Attempt {
    Side side = Side::A;
    std::chrono::milliseconds delay{0};
  };

  // A session that lasted at least `stable_session` counts as healthy: its loss starts a fresh sweep
  // with no delay. A shorter one counts as a failed attempt, so a side that accepts and at once
  // drops the session is retried with back-off instead of in a tight loop.
  ReconnectPolicy(bool has_side_b, std::chrono::milliseconds backoff_initial,
                  std::chrono::milliseconds backoff_max, std::chrono::milliseconds stable_session);

  // The next attempt: each side once without delay, then alternating with initial, 2x, 4x ... capped
  // at backoff_max.
  Attempt next() const;

  void attempt_failed();
  void session_opened(Side side);
  void session_lost(std::chrono::milliseconds uptime);

  unsigned consecutive_failures() const { return consecutive_failures_; }

 private:
  unsigned side_count() const { return has_side_b_ ? 2 : 1; }
  Side other(Side side) const;
  std::chrono::milliseconds backoff_delay() const;

  bool has_side_b_;
  std::chrono::milliseconds backoff_initial_;
  std::chrono::milliseconds backoff_max_;
  std::chrono::milliseconds stable_session_;
  Side next_side_ = Side::A;
  unsigned consecutive_failures_ = 0;
};

}  // namespace fgw::cti::client
