// Resynchronisation after a side switch: queries only, never a sign-in (DECISIONS.md 18).
#include <gtest/gtest.h>

#include "tests/integration/cti_client/client_harness.hpp"

namespace fgw::test {
namespace {

using cti::client::AgentToResync;
using cti::client::Side;

constexpr std::uint32_t kCallAt1001 = 77;

// Side B's view: 1001 talks on one call, 1002 is NOT_READY with no call.
std::vector<cti::Message> side_b_state(const cti::Message& request) {
  if (const auto* query = std::get_if<cti::QueryAgentStateReq>(&request)) {
    cti::QueryAgentStateConf conf;
    conf.invoke_id = query->invoke_id;
    conf.agent_id = query->agent_id;
    conf.agent_state = query->agent_id == "1001" ? cti::AgentState::Talking : cti::AgentState::NotReady;
    return {conf};
  }
  if (const auto* device = std::get_if<cti::SnapshotDeviceReq>(&request)) {
    cti::SnapshotDeviceConf conf;
    conf.invoke_id = device->invoke_id;
    if (device->agent_instrument == "1001") {
      conf.calls.push_back({kCallAt1001, cti::ConnectionIdType::Dynamic, "1001", cti::LocalConnectionState::Connect, 0});
    }
    return {conf};
  }
  if (const auto* call = std::get_if<cti::SnapshotCallReq>(&request)) {
    cti::SnapshotCallConf conf;
    conf.invoke_id = call->invoke_id;
    conf.call_type = cti::CallType::AcdIn;
    conf.ani = "5551000";
    return {conf};
  }
  return {};
}

TEST(CtiClientResync, AfterFailoverQueriesEachAgentAndItsCallsWithoutSigningIn) {
  FakeCtiServer side_a;
  FakeCtiServer side_b;
  side_b.respond_with(side_b_state);
  ClientHarness harness(test_settings(side_a.endpoint(), side_b.endpoint()));
  harness.observer().set_agents_to_resync({{"1001", "1001"}, {"1002", "1002"}});
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));
  EXPECT_EQ(harness.observer().snapshot().resync_asks, 0u);  // the first session has nothing to resync

  side_a.drop_connections();
  ASSERT_TRUE(harness.observer().wait_until([](const Observed& o) { return o.resyncs.size() == 2; }));
  const auto observed = harness.observer().snapshot();
  EXPECT_EQ(observed.opens.back().side, Side::B);
  EXPECT_EQ(observed.resync_asks, 1u);

  const auto& first = observed.resyncs[0];
  EXPECT_EQ(first.agent, (AgentToResync{"1001", "1001"}));
  ASSERT_TRUE(first.agent_state.has_value());
  EXPECT_EQ(first.agent_state->agent_state, cti::AgentState::Talking);
  ASSERT_TRUE(first.device.has_value());
  ASSERT_EQ(first.device->calls.size(), 1u);
  ASSERT_EQ(first.calls.size(), 1u);
  EXPECT_EQ(first.calls[0].ani, "5551000");
  EXPECT_FALSE(first.failure.has_value());

  const auto& second = observed.resyncs[1];
  EXPECT_EQ(second.agent.agent_id, "1002");
  ASSERT_TRUE(second.agent_state.has_value());
  EXPECT_EQ(second.agent_state->agent_state, cti::AgentState::NotReady);
  ASSERT_TRUE(second.device.has_value());
  EXPECT_TRUE(second.device->calls.empty());
  EXPECT_TRUE(second.calls.empty());

  // On the wire: two agent queries, two device snapshots, one call snapshot; no SET_AGENT_STATE_REQ.
  EXPECT_TRUE(side_b.received_of<cti::SetAgentStateReq>().empty());
  EXPECT_TRUE(side_a.received_of<cti::SetAgentStateReq>().empty());
  const auto queries = side_b.received_of<cti::QueryAgentStateReq>();
  ASSERT_EQ(queries.size(), 2u);
  EXPECT_EQ(queries[0].agent_id, "1001");
  EXPECT_EQ(queries[1].agent_id, "1002");
  const auto devices = side_b.received_of<cti::SnapshotDeviceReq>();
  ASSERT_EQ(devices.size(), 2u);
  EXPECT_EQ(devices[0].agent_instrument, "1001");
  const auto calls = side_b.received_of<cti::SnapshotCallReq>();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].connection_call_id, kCallAt1001);
  EXPECT_EQ(calls[0].connection_device_id, "1001");
  for (const auto& query : queries) EXPECT_EQ(query.peripheral_id, static_cast<std::uint32_t>(kTestPeripheralId));
  for (const auto& device : devices) EXPECT_EQ(device.peripheral_id, static_cast<std::uint32_t>(kTestPeripheralId));
}

TEST(CtiClientResync, RefusedAgentQueryIsReportedAndTheNextAgentStillResyncs) {
  FakeCtiServer side_a;
  FakeCtiServer side_b;
  side_b.respond_with([](const cti::Message& request) -> std::vector<cti::Message> {
    if (const auto* query = std::get_if<cti::QueryAgentStateReq>(&request); query && query->agent_id == "1001") {
      return {cti::FailureConf{query->invoke_id, cti::FailureStatus::AgentNotLoggedOn, std::nullopt}};
    }
    return side_b_state(request);
  });
  ClientHarness harness(test_settings(side_a.endpoint(), side_b.endpoint()));
  harness.observer().set_agents_to_resync({{"1001", "1001"}, {"1002", "1002"}});
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  side_a.drop_connections();
  ASSERT_TRUE(harness.observer().wait_until([](const Observed& o) { return o.resyncs.size() == 2; }));
  const auto observed = harness.observer().snapshot();
  ASSERT_TRUE(observed.resyncs[0].failure.has_value());
  EXPECT_EQ(observed.resyncs[0].failure->name, "E_CTI_AGENT_NOT_LOGGED_ON");
  EXPECT_FALSE(observed.resyncs[0].device.has_value());  // steps after a refusal are not run
  EXPECT_FALSE(observed.resyncs[1].failure.has_value());
  EXPECT_TRUE(observed.resyncs[1].agent_state.has_value());
  EXPECT_EQ(side_b.received_of<cti::SnapshotDeviceReq>().size(), 1u);
}

}  // namespace
}  // namespace fgw::test
