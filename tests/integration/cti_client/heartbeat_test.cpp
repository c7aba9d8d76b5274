// Heartbeats (GED-188.md 2.8): cadence, and failover when they go unanswered.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "tests/integration/cti_client/client_harness.hpp"

namespace fgw::test {
namespace {

using cti::client::Side;

TEST(CtiClientHeartbeat, SentEveryIntervalWhileIdleAndAnswered) {
  FakeCtiServer side_a;
  ClientHarness harness(test_settings(side_a.endpoint()));
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  const auto heartbeats = side_a.wait_for<cti::HeartbeatReq>(4);
  ASSERT_GE(heartbeats.size(), 4u);
  // The n-th heartbeat cannot leave before n intervals after OPEN_CONF (timers never fire early).
  const auto opened_at = side_a.last_open_conf_at();
  ASSERT_TRUE(opened_at.has_value());
  const auto times = side_a.arrival_times<cti::HeartbeatReq>();
  EXPECT_GE(times[3] - *opened_at, 4 * 100ms);

  std::set<std::uint32_t> invoke_ids;
  for (const auto& heartbeat : heartbeats) invoke_ids.insert(heartbeat.invoke_id);
  EXPECT_EQ(invoke_ids.size(), heartbeats.size());

  // The client counts a heartbeat once its write has completed, which may be just after the
  // server has read it.
  auto stats = harness.client().stats();
  for (const auto deadline = std::chrono::steady_clock::now() + 2s;
       stats.heartbeats_sent < 4 && std::chrono::steady_clock::now() < deadline;
       stats = harness.client().stats())
    std::this_thread::sleep_for(5ms);
  EXPECT_GE(stats.heartbeats_sent, 4u);
  EXPECT_EQ(stats.heartbeats_missed, 0u);
  EXPECT_TRUE(harness.client().in_service());
  EXPECT_TRUE(harness.observer().snapshot().losses.empty());
}

TEST(CtiClientHeartbeat, UnansweredHeartbeatsFailOverToSideB) {
  FakeCtiServer side_a;
  FakeCtiServer side_b;
  side_a.answer_heartbeats(false);
  ClientHarness harness(test_settings(side_a.endpoint(), side_b.endpoint()));
  harness.start();

  ASSERT_TRUE(harness.observer().wait_for_opens(2));
  const auto observed = harness.observer().snapshot();
  EXPECT_EQ(observed.opens[0].side, Side::A);
  EXPECT_EQ(observed.opens[1].side, Side::B);
  ASSERT_EQ(observed.losses.size(), 1u);
  EXPECT_EQ(observed.losses[0].side, Side::A);
  EXPECT_NE(observed.losses[0].reason.find("3 heartbeats unanswered"), std::string::npos);
  // Three heartbeats went out, and only the fourth tick declared the side dead.
  EXPECT_EQ(side_a.received_of<cti::HeartbeatReq>().size(), 3u);
  const auto stats = harness.client().stats();
  EXPECT_EQ(stats.heartbeats_missed, 3u);
  EXPECT_EQ(stats.failovers, 1u);
  EXPECT_EQ(stats.sessions_lost, 1u);
  EXPECT_EQ(harness.client().active_side(), Side::B);
}

TEST(CtiClientHeartbeat, SilentServerIsDeclaredDeadAfterExactlyTheAllowedMisses) {
  FakeCtiServer side_a;
  ClientHarness harness(test_settings(side_a.endpoint()));
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));
  ASSERT_GE(side_a.wait_for<cti::HeartbeatReq>(1).size(), 1u);  // heartbeats run and are answered
  const auto answered_before = side_a.go_silent();

  ASSERT_TRUE(harness.observer().wait_until([](const Observed& o) { return !o.losses.empty(); }));
  EXPECT_FALSE(harness.client().in_service());
  const auto received = side_a.received();
  std::size_t unanswered = 0;
  for (std::size_t i = answered_before; i < received.size(); ++i) {
    if (std::holds_alternative<cti::HeartbeatReq>(received[i].message)) ++unanswered;
  }
  EXPECT_EQ(unanswered, 3u);
  EXPECT_EQ(harness.client().stats().heartbeats_missed, 3u);
}

}  // namespace
}  // namespace fgw::test
