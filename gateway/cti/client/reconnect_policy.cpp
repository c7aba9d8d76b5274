#include "gateway/cti/client/reconnect_policy.hpp"

#include <algorithm>

namespace fgw::cti::client {

ReconnectPolicy::ReconnectPolicy(bool has_side_b, std::chrono::milliseconds backoff_initial,
                                 std::chrono::milliseconds backoff_max,
                                 std::chrono::milliseconds stable_session)
    : has_side_b_(has_side_b),
      backoff_initial_(backoff_initial),
      backoff_max_(std::max(backoff_max, backoff_initial)),
      stable_session_(stable_session) {}

ReconnectPolicy::Attempt ReconnectPolicy::next() const { return {next_side_, backoff_delay()}; }

void ReconnectPolicy::attempt_failed() {
  ++consecutive_failures_;
  next_side_ = other(next_side_);
}

void ReconnectPolicy::session_opened(Side side) { next_side_ = other(side); }

void ReconnectPolicy::session_lost(std::chrono::milliseconds uptime) {
  if (uptime >= stable_session_) {
    consecutive_failures_ = 0;
  } else {
    ++consecutive_failures_;
  }
}

Side ReconnectPolicy::other(Side side) const {
  if (!has_side_b_) return Side::A;
  return side == Side::A ? Side::B : Side::A;
}

std::chrono::milliseconds ReconnectPolicy::backoff_delay() const {
  if (consecutive_failures_ < side_count()) return std::chrono::milliseconds{0};
  // Doubling stops once the cap is reached, so the shift never overflows.
  auto delay = backoff_initial_;
  for (unsigned i = side_count(); i < consecutive_failures_ && delay < backoff_max_; ++i) {
    delay *= 2;
  }
  return std::min(delay, backoff_max_);
}

}  // namespace fgw::cti::client
