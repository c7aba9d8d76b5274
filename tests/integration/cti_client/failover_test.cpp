// Side A / side B failover (GED-188.md 2.1, 2.11): refused connections, back-off, server-declared
// outages, broken frames.
#include <gtest/gtest.h>

#include "tests/integration/cti_client/client_harness.hpp"

namespace fgw::test {
namespace {

using cti::client::Side;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(CtiClientFailover, SideARefusingConnectionsLeadsToSideB) {
  FakeCtiServer side_a;
  FakeCtiServer side_b;
  side_a.stop_listening();
  ClientHarness harness(test_settings(side_a.endpoint(), side_b.endpoint()));
  harness.start();

  ASSERT_TRUE(harness.observer().wait_for_opens(1));
  EXPECT_EQ(harness.observer().snapshot().opens.front().side, Side::B);
  EXPECT_EQ(harness.client().active_side(), Side::B);
  const auto stats = harness.client().stats();
  EXPECT_EQ(stats.connect_attempts, 2u);
  EXPECT_EQ(stats.reconnect_attempts, 1u);
  EXPECT_EQ(stats.failovers, 0u);  // B is the first side that served
}

TEST(CtiClientFailover, BothSidesDownRetriesWithBackoffUntilSideAReturns) {
  FakeCtiServer side_a;
  FakeCtiServer side_b;
  side_a.stop_listening();
  side_b.stop_listening();
  ClientHarness harness(test_settings(side_a.endpoint(), side_b.endpoint()));
  harness.start();

  // Attempts 1 and 2 (A, B) go at once, then 50, 100, 200, 200 ms apart (capped at backoff_max).
  ASSERT_TRUE(harness.wait_for_stats([](const auto& s) { return s.connect_attempts >= 6; }));
  EXPECT_GE(Clock::now() - harness.started_at(), 50ms + 100ms + 200ms + 200ms);
  EXPECT_FALSE(harness.client().in_service());
  EXPECT_TRUE(harness.observer().snapshot().opens.empty());

  auto refused = harness.request(cti::QueryAgentStateReq{});
  const auto result = outcome(refused);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.failure().name, "CTI_LINK_DOWN");

  side_a.start_listening();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));
  EXPECT_EQ(harness.observer().snapshot().opens.front().side, Side::A);
  EXPECT_TRUE(harness.client().in_service());
  EXPECT_GE(harness.client().stats().reconnect_attempts, 5u);
}

TEST(CtiClientFailover, FailureEventServerOfflineFailsOver) {
  FakeCtiServer side_a;
  FakeCtiServer side_b;
  ClientHarness harness(test_settings(side_a.endpoint(), side_b.endpoint()));
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  side_a.send(cti::FailureEvent{cti::FailureStatus::CtiServerOffline});
  ASSERT_TRUE(harness.observer().wait_for_opens(2));
  const auto observed = harness.observer().snapshot();
  ASSERT_EQ(observed.losses.size(), 1u);
  EXPECT_EQ(observed.losses[0].side, Side::A);
  EXPECT_TRUE(contains(observed.losses[0].reason, "E_CTI_CTI_SERVER_OFFLINE"));
  EXPECT_EQ(observed.opens[1].side, Side::B);
  EXPECT_EQ(harness.client().stats().failovers, 1u);
}

TEST(CtiClientFailover, FailureConfServerOfflineFailsOver) {
  FakeCtiServer side_a;
  FakeCtiServer side_b;
  ClientHarness harness(test_settings(side_a.endpoint(), side_b.endpoint()));
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  // GED-188.md 2.8: a server may answer HEARTBEAT_REQ with FAILURE_CONF "server offline".
  side_a.send(cti::FailureConf{12345, cti::FailureStatus::CtiServerOffline, std::nullopt});
  ASSERT_TRUE(harness.observer().wait_for_opens(2));
  EXPECT_EQ(harness.observer().snapshot().opens[1].side, Side::B);
}

TEST(CtiClientFailover, PeripheralOfflineForOurPeripheralFailsOverOtherPeripheralsDoNot) {
  FakeCtiServer side_a;
  FakeCtiServer side_b;
  ClientHarness harness(test_settings(side_a.endpoint(), side_b.endpoint()));
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  cti::SystemEvent other;
  other.system_event_id = cti::SystemEventId::PeripheralOffline;
  other.system_event_arg1 = kTestPeripheralId + 1;
  side_a.send(other);
  ASSERT_TRUE(harness.observer().wait_until([](const Observed& o) { return o.events.size() == 1; }));
  EXPECT_TRUE(std::holds_alternative<cti::SystemEvent>(harness.observer().snapshot().events[0]));
  EXPECT_TRUE(harness.observer().snapshot().losses.empty());

  cti::SystemEvent ours = other;
  ours.system_event_arg1 = kTestPeripheralId;
  side_a.send(ours);
  ASSERT_TRUE(harness.observer().wait_for_opens(2));
  const auto observed = harness.observer().snapshot();
  ASSERT_EQ(observed.losses.size(), 1u);
  EXPECT_TRUE(contains(observed.losses[0].reason, "SYS_PERIPHERAL_OFFLINE"));
  EXPECT_EQ(observed.opens[1].side, Side::B);
  EXPECT_EQ(observed.events.size(), 1u);  // the offline event for us is a failover, not an event
}

TEST(CtiClientFailover, ConnectionResetFailsOverAndBackAgain) {
  FakeCtiServer side_a;
  FakeCtiServer side_b;
  ClientHarness harness(test_settings(side_a.endpoint(), side_b.endpoint()));
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  side_a.drop_connections();
  ASSERT_TRUE(harness.observer().wait_for_opens(2));
  side_b.drop_connections();
  ASSERT_TRUE(harness.observer().wait_for_opens(3));

  const auto observed = harness.observer().snapshot();
  EXPECT_EQ(observed.opens[1].side, Side::B);
  EXPECT_EQ(observed.opens[2].side, Side::A);
  ASSERT_EQ(observed.losses.size(), 2u);
  EXPECT_EQ(observed.losses[0].side, Side::A);
  EXPECT_EQ(observed.losses[1].side, Side::B);
  EXPECT_EQ(harness.client().stats().failovers, 2u);
}

TEST(CtiClientFailover, UndecodableFrameFailsOver) {
  FakeCtiServer side_a;
  FakeCtiServer side_b;
  ClientHarness harness(test_settings(side_a.endpoint(), side_b.endpoint()));
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  // MessageLength 0x00FFFFFF: far above the 12500-byte maximum, the stream cannot be trusted.
  side_a.send_raw({0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x1E});
  ASSERT_TRUE(harness.observer().wait_for_opens(2));
  const auto observed = harness.observer().snapshot();
  ASSERT_EQ(observed.losses.size(), 1u);
  EXPECT_TRUE(contains(observed.losses[0].reason, "framing"));
  EXPECT_EQ(observed.opens[1].side, Side::B);
}

TEST(CtiClientFailover, EventsReachTheObserverInOrder) {
  FakeCtiServer side_a;
  ClientHarness harness(test_settings(side_a.endpoint()));
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  for (std::uint32_t i = 0; i < 20; ++i) {
    cti::AgentStateEvent event;
    event.peripheral_id = kTestPeripheralId;
    event.state_duration = i;
    side_a.send(event);
  }
  ASSERT_TRUE(harness.observer().wait_until([](const Observed& o) { return o.events.size() == 20; }));
  const auto events = harness.observer().snapshot().events;
  for (std::uint32_t i = 0; i < 20; ++i) {
    ASSERT_TRUE(std::holds_alternative<cti::AgentStateEvent>(events[i]));
    EXPECT_EQ(std::get<cti::AgentStateEvent>(events[i]).state_duration, i);
  }
}

}  // namespace
}  // namespace fgw::test
