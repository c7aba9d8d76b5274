// OPEN_REQ on the wire and "in service only after OPEN_CONF" (GED-188.md 2.2, DECISIONS.md 17).
#include <gtest/gtest.h>

#include "gateway/cti/client/service_masks.hpp"
#include "tests/integration/cti_client/client_harness.hpp"

namespace fgw::test {
namespace {

using cti::client::Side;

TEST(CtiClientOpen, OpenReqCarriesVersionMasksClientIdAndNullPeripheral) {
  FakeCtiServer side_a;
  ClientHarness harness(test_settings(side_a.endpoint()));
  harness.start();

  const auto opens = side_a.wait_for<cti::OpenReq>();
  ASSERT_EQ(opens.size(), 1u);
  const auto& open = opens.front();
  EXPECT_EQ(open.version_number, cti::kDefaultProtocolVersion.number);
  // 4 x 100 ms rounds up to 1 s, below the 20 s minimum of GED-188.md 2.2.
  EXPECT_EQ(open.idle_timeout, 20u);
  // ALL_EVENTS without CLIENT_EVENTS: PeripheralID is NULL_PERIPHERAL_ID (GED-188.md 2.2).
  EXPECT_EQ(open.peripheral_id, 0xFFFFFFFFu);
  EXPECT_EQ(open.services_requested, 0x10u | 0x04u | 0x02u | 0x80u);
  EXPECT_EQ(open.call_msg_mask, 0xFBFFFFFFu);
  EXPECT_EQ(open.agent_state_mask, 0x3FFFu);
  EXPECT_EQ(open.config_msg_mask, 0u);
  EXPECT_EQ(open.reserved1 | open.reserved2 | open.reserved3, 0u);
  EXPECT_EQ(open.client_id, "finesse-gw");
  ASSERT_TRUE(open.client_password.has_value());  // required, even empty
  EXPECT_TRUE(open.client_password->empty());
  EXPECT_NE(open.invoke_id, 0u);
}

TEST(CtiClientOpen, ClientEventsServiceNamesTheConfiguredPeripheral) {
  FakeCtiServer side_a;
  auto settings = test_settings(side_a.endpoint());
  settings.services_requested = cti::service::kClientEvents;
  settings.heartbeat_interval = 10s;  // IdleTimeout 40 s
  ClientHarness harness(settings);
  harness.start();

  const auto opens = side_a.wait_for<cti::OpenReq>();
  ASSERT_EQ(opens.size(), 1u);
  EXPECT_EQ(opens.front().peripheral_id, static_cast<std::uint32_t>(kTestPeripheralId));
  EXPECT_EQ(opens.front().idle_timeout, 40u);
}

TEST(CtiClientOpen, InServiceOnlyAfterOpenConf) {
  FakeCtiServer side_a;
  side_a.answer_open(FakeCtiServer::OpenAnswer::Ignore);
  auto settings = test_settings(side_a.endpoint());
  settings.open_timeout = 10s;  // the test, not the timeout, decides when OPEN_CONF comes
  ClientHarness harness(settings);
  harness.start();

  const auto opens = side_a.wait_for<cti::OpenReq>();
  ASSERT_EQ(opens.size(), 1u);
  // Connected and OPEN_REQ sent, but no OPEN_CONF: not in service, and requests fail at once.
  EXPECT_FALSE(harness.client().in_service());
  EXPECT_FALSE(harness.client().active_side().has_value());
  auto refused = harness.request(cti::QueryAgentStateReq{});
  const auto early = outcome(refused);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.failure().name, "CTI_LINK_DOWN");
  EXPECT_TRUE(side_a.received_of<cti::QueryAgentStateReq>().empty());

  cti::OpenConf conf;
  conf.invoke_id = opens.front().invoke_id;
  conf.peripheral_online = true;
  side_a.send(conf);
  ASSERT_TRUE(harness.observer().wait_for_opens(1));
  EXPECT_TRUE(harness.client().in_service());
  EXPECT_EQ(harness.client().active_side(), Side::A);
  EXPECT_EQ(harness.observer().snapshot().opens.front().side, Side::A);
}

TEST(CtiClientOpen, RefusedOpenMovesToSideB) {
  FakeCtiServer side_a;
  FakeCtiServer side_b;
  side_a.answer_open(FakeCtiServer::OpenAnswer::Refuse, cti::FailureStatus::InvalidClientForStandby);
  ClientHarness harness(test_settings(side_a.endpoint(), side_b.endpoint()));
  harness.start();

  ASSERT_TRUE(harness.observer().wait_for_opens(1));
  const auto observed = harness.observer().snapshot();
  EXPECT_EQ(observed.opens.front().side, Side::B);
  EXPECT_TRUE(observed.losses.empty());  // an attempt that never opened is not a lost session
  EXPECT_EQ(side_a.received_of<cti::OpenReq>().size(), 1u);
  EXPECT_EQ(harness.client().active_side(), Side::B);
}

TEST(CtiClientOpen, StandbySessionIsNotServiceMovesToSideB) {
  FakeCtiServer side_a;
  FakeCtiServer side_b;
  side_a.set_open_session_type(2);  // standby (GED-188.md 2.1)
  ClientHarness harness(test_settings(side_a.endpoint(), side_b.endpoint()));
  harness.start();

  ASSERT_TRUE(harness.observer().wait_for_opens(1));
  EXPECT_EQ(harness.observer().snapshot().opens.front().side, Side::B);
}

TEST(CtiClientOpen, NoOpenConfWithinOpenTimeoutMovesToSideB) {
  FakeCtiServer side_a;
  FakeCtiServer side_b;
  side_a.answer_open(FakeCtiServer::OpenAnswer::Ignore);
  auto settings = test_settings(side_a.endpoint(), side_b.endpoint());
  settings.open_timeout = 200ms;
  ClientHarness harness(settings);
  harness.start();

  ASSERT_TRUE(harness.observer().wait_for_opens(1));
  EXPECT_EQ(harness.observer().snapshot().opens.front().side, Side::B);
  EXPECT_EQ(side_a.received_of<cti::OpenReq>().size(), 1u);
  // The open timer starts after start(), so side B cannot be tried sooner than 200 ms after it.
  const auto b_opened = side_b.arrival_times<cti::OpenReq>();
  ASSERT_EQ(b_opened.size(), 1u);
  EXPECT_GE(b_opened.front() - harness.started_at(), 200ms);
}

}  // namespace
}  // namespace fgw::test
