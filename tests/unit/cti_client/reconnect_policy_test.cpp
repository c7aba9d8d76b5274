#include "gateway/cti/client/reconnect_policy.hpp"

#include <gtest/gtest.h>

namespace fgw::cti::client {
namespace {

using namespace std::chrono_literals;

ReconnectPolicy two_sides() { return ReconnectPolicy(true, 100ms, 800ms, 5000ms); }

TEST(ReconnectPolicy, TriesEachSideOnceAtOnceThenBacksOffAlternating) {
  auto policy = two_sides();
  const std::vector<std::pair<Side, std::chrono::milliseconds>> expected{
      {Side::A, 0ms}, {Side::B, 0ms}, {Side::A, 100ms}, {Side::B, 200ms},
      {Side::A, 400ms}, {Side::B, 800ms}, {Side::A, 800ms}, {Side::B, 800ms}};
  for (const auto& [side, delay] : expected) {
    const auto attempt = policy.next();
    EXPECT_EQ(attempt.side, side);
    EXPECT_EQ(attempt.delay, delay);
    policy.attempt_failed();
  }
}

TEST(ReconnectPolicy, DelayStaysCappedAfterManyFailures) {
  auto policy = two_sides();
  for (int i = 0; i < 200; ++i) policy.attempt_failed();
  EXPECT_EQ(policy.next().delay, 800ms);
}

TEST(ReconnectPolicy, LossOfAHealthySessionGoesToTheOtherSideAtOnce) {
  auto policy = two_sides();
  for (int i = 0; i < 5; ++i) policy.attempt_failed();  // ... then side B opened
  policy.session_opened(Side::B);
  policy.session_lost(6000ms);
  EXPECT_EQ(policy.next().side, Side::A);
  EXPECT_EQ(policy.next().delay, 0ms);
}

TEST(ReconnectPolicy, ShortSessionsCountAsFailuresSoFlappingBacksOff) {
  auto policy = two_sides();
  for (int i = 0; i < 4; ++i) {
    policy.session_opened(policy.next().side);
    policy.session_lost(10ms);
  }
  EXPECT_EQ(policy.consecutive_failures(), 4u);
  EXPECT_EQ(policy.next().delay, 400ms);
}

TEST(ReconnectPolicy, SingleSideRetriesSideAWithBackoffAfterOneImmediateAttempt) {
  ReconnectPolicy policy(false, 100ms, 300ms, 5000ms);
  const std::vector<std::chrono::milliseconds> delays{0ms, 100ms, 200ms, 300ms, 300ms};
  for (const auto delay : delays) {
    EXPECT_EQ(policy.next().side, Side::A);
    EXPECT_EQ(policy.next().delay, delay);
    policy.attempt_failed();
  }
}

}  // namespace
}  // namespace fgw::cti::client
