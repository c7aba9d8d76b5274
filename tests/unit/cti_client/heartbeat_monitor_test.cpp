#include "gateway/cti/client/heartbeat_monitor.hpp"

#include <gtest/gtest.h>

namespace fgw::cti::client {
namespace {

using Action = HeartbeatMonitor::Action;

TEST(HeartbeatMonitor, SendsOnlyWhenIdle) {
  HeartbeatMonitor monitor(3);
  EXPECT_EQ(monitor.tick(false).action, Action::None);
  EXPECT_EQ(monitor.tick(true).action, Action::SendHeartbeat);
  monitor.answered();
  EXPECT_EQ(monitor.tick(false).action, Action::None);
}

TEST(HeartbeatMonitor, DeclaresDeadAfterTheAllowedNumberOfUnansweredHeartbeats) {
  HeartbeatMonitor monitor(3);
  EXPECT_EQ(monitor.tick(true).action, Action::SendHeartbeat);
  auto tick = monitor.tick(true);
  EXPECT_TRUE(tick.missed);
  EXPECT_EQ(tick.action, Action::SendHeartbeat);
  // Busy traffic does not stop the heartbeats once one went unanswered.
  tick = monitor.tick(false);
  EXPECT_TRUE(tick.missed);
  EXPECT_EQ(tick.action, Action::SendHeartbeat);
  tick = monitor.tick(false);
  EXPECT_TRUE(tick.missed);
  EXPECT_EQ(tick.action, Action::DeclareDead);
  EXPECT_EQ(monitor.consecutive_missed(), 3u);
}

TEST(HeartbeatMonitor, AnAnswerResetsTheMissCount) {
  HeartbeatMonitor monitor(2);
  monitor.tick(true);
  EXPECT_TRUE(monitor.tick(true).missed);
  monitor.answered();
  EXPECT_EQ(monitor.consecutive_missed(), 0u);
  const auto tick = monitor.tick(true);
  EXPECT_FALSE(tick.missed);
  EXPECT_EQ(tick.action, Action::SendHeartbeat);
}

TEST(HeartbeatMonitor, ZeroAllowedMissesBehavesAsOne) {
  HeartbeatMonitor monitor(0);
  EXPECT_EQ(monitor.tick(true).action, Action::SendHeartbeat);
  EXPECT_EQ(monitor.tick(true).action, Action::DeclareDead);
}

}  // namespace
}  // namespace fgw::cti::client
