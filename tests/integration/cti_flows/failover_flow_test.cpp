// A side failover in the middle of a call loses nothing (GED-188.md 2.1, 5.12 d; DECISIONS.md 17,
// 18): the client opens on side B, resynchronises the signed-in agent, the desk (fed through the
// daemon's CtiDeskBridge) still shows the call, and the call goes on through side B.
#include "tests/integration/cti_flows/flow_rig.hpp"

namespace fgw::flows {
namespace {

using cti::AgentState;
using cti::LocalConnectionState;

std::vector<std::string> devices_of(const cti::SnapshotCallConf& snapshot) {
  std::vector<std::string> devices;
  for (const auto& device : snapshot.devices) {
    devices.push_back(device.device_id + ":" + std::string(cti::name(device.connection_state)));
  }
  return devices;
}

TEST(CtiFlows, SideFailoverMidCallKeepsTheCallAndTheDesk) {
  FlowRig rig({.wrap_up = std::chrono::seconds(60), .feed_desk = true});
  rig.open_session();
  EXPECT_TRUE((rig.desk().service().snapshot().status == desk::SystemStatus::InService)) << "the bridge saw OPEN_CONF";
  sign_in(rig, "1001");
  make_ready(rig, "1001");
  const auto call = answered_inbound_call(rig, "1001", R"("variables":{"callVariable1":"x","user.acct":"7"})");
  const auto dialog_id = std::to_string(call);

  // The desk's picture before the failover: 1001 TALKING on one ACTIVE dialog with the caller.
  ASSERT_EQ(rig.desk().user("1001").status.state, "TALKING");
  const auto before = rig.desk().dialog(dialog_id);
  ASSERT_TRUE(before.has_value());
  EXPECT_EQ(before->state, "ACTIVE");
  EXPECT_THAT(legs_of(*before), ::testing::UnorderedElementsAre("5551000:ACTIVE", "1001:ACTIVE"));

  // Side A goes down: its sessions are reset, side B becomes active.
  const auto down = rig.control("POST", "/sides/a/down");
  ASSERT_EQ(down.status, 200) << down.body;
  ASSERT_TRUE(rig.observer().wait_until([](const Observed& o) { return !o.losses.empty(); }))
      << "the client did not notice side A going down";
  EXPECT_EQ(rig.observer().snapshot().losses.front().first, Side::A);
  ASSERT_TRUE(rig.observer().wait_until([](const Observed& o) { return o.opens.size() >= 2; }))
      << "no session opened after side A went down";
  EXPECT_EQ(rig.observer().snapshot().opens[1], Side::B);
  EXPECT_EQ(rig.client().active_side(), Side::B);

  // The resync after the switch: the desk named 1001, whose state and one call side B reports.
  ASSERT_TRUE(rig.observer().wait_until([](const Observed& o) { return !o.resyncs.empty(); }))
      << "no resync after the session on side B opened";
  const auto observed = rig.observer().snapshot();
  ASSERT_EQ(observed.resync_asks.size(), 1u);
  EXPECT_THAT(observed.resync_asks[0],
              ::testing::ElementsAre(cti::client::AgentToResync{"1001", "1001"}));
  ASSERT_EQ(observed.resyncs.size(), 1u);
  const auto& resync = observed.resyncs[0];
  EXPECT_EQ(resync.agent.agent_id, "1001");
  EXPECT_FALSE(resync.failure.has_value()) << resync.failure->name;
  ASSERT_TRUE(resync.agent_state.has_value());
  EXPECT_EQ(resync.agent_state->agent_state, AgentState::Talking);
  EXPECT_EQ(resync.agent_state->agent_instrument, "1001");
  ASSERT_TRUE(resync.device.has_value());
  ASSERT_EQ(resync.device->calls.size(), 1u);
  EXPECT_EQ(resync.device->calls[0].connection_call_id, call);
  ASSERT_EQ(resync.calls.size(), 1u);
  EXPECT_THAT(devices_of(resync.calls[0]), ::testing::UnorderedElementsAre("5551000:LCS_CONNECT", "1001:LCS_CONNECT"));
  EXPECT_EQ(resync.calls[0].call_variables[0], "x");
  // Side B greets its new session like side A did; no call event was lost or invented.
  rig.expect_events({"SYSTEM_EVENT SYS_PERIPHERAL_ONLINE"});

  // The desk after the resync: the same user state and the same dialog.
  EXPECT_TRUE((rig.desk().service().snapshot().status == desk::SystemStatus::InService));
  EXPECT_EQ(rig.desk().user("1001").status.state, "TALKING");
  EXPECT_EQ(rig.desk().user("1001").status.extension, "1001");
  const auto dialogs = rig.desk().dialogs_of("1001");
  ASSERT_EQ(dialogs.size(), 1u);
  EXPECT_EQ(dialogs[0].id, dialog_id);
  EXPECT_EQ(dialogs[0].state, "ACTIVE");
  EXPECT_EQ(legs_of(dialogs[0]), legs_of(*before));
  EXPECT_EQ(dialogs[0].participants, before->participants);
  EXPECT_EQ(dialogs[0].media_properties, before->media_properties);

  // The call goes on through side B: hold, then the agent hangs up.
  const auto c = call_ref(call);
  rig.confirm<cti::HoldCallConf>(hold_req(call, "1001"));
  rig.expect_events({"CALL_HELD " + c + " holding=1001", "AGENT_STATE 1001 HOLD"});
  EXPECT_EQ(rig.desk().user("1001").status.state, "HOLD");
  rig.confirm<cti::ClearConnectionConf>(clear_connection_req(call, "1001"));
  rig.expect_events({"CALL_CONNECTION_CLEARED " + c + " releasing=1001",
                     "CALL_CONNECTION_CLEARED " + c + " releasing=5551000", "CALL_CLEARED " + c, "END_CALL " + c,
                     "AGENT_STATE 1001 WORK_READY"});
  EXPECT_TRUE(rig.desk().dialogs_of("1001").empty());
  EXPECT_EQ(rig.desk().user("1001").status.state, "WORK_READY");
}

TEST(CtiFlows, BothSidesDownMeansOutOfServiceUntilOneReturns) {
  FlowRig rig({.wrap_up = std::chrono::seconds(60), .feed_desk = true});
  rig.open_session();
  sign_in(rig, "1001");

  ASSERT_EQ(rig.control("POST", "/sides/a/down").status, 200);
  ASSERT_TRUE(rig.observer().wait_until([](const Observed& o) { return o.opens.size() >= 2; }));
  EXPECT_EQ(rig.observer().snapshot().opens[1], Side::B);
  rig.expect_events({"SYSTEM_EVENT SYS_PERIPHERAL_ONLINE"});

  // Side B goes down too: no side serves.
  ASSERT_EQ(rig.control("POST", "/sides/b/down").status, 200);
  ASSERT_TRUE(rig.observer().wait_until([](const Observed& o) { return o.losses.size() >= 2; }));
  EXPECT_EQ(rig.observer().snapshot().losses[1].first, Side::B);
  EXPECT_FALSE(rig.client().in_service());
  EXPECT_FALSE(rig.client().active_side().has_value());
  EXPECT_FALSE((rig.desk().service().snapshot().status == desk::SystemStatus::InService));
  cti::QueryAgentStateReq query;
  query.agent_id = "1001";
  const auto refused = rig.refuse(query);
  EXPECT_EQ(refused.name, "CTI_LINK_DOWN");
  EXPECT_EQ(refused.source, cti::client::FailureSource::Client);

  // Side A comes back: with both down, the first to return becomes active.
  ASSERT_EQ(rig.control("POST", "/sides/a/up").status, 200);
  ASSERT_TRUE(rig.observer().wait_until([](const Observed& o) { return o.opens.size() >= 3; }))
      << "no session opened after side A came back";
  EXPECT_EQ(rig.observer().snapshot().opens[2], Side::A);
  EXPECT_TRUE(rig.client().in_service());
  EXPECT_EQ(rig.client().active_side(), Side::A);
  EXPECT_TRUE((rig.desk().service().snapshot().status == desk::SystemStatus::InService));
  rig.expect_events({"SYSTEM_EVENT SYS_PERIPHERAL_ONLINE"});

  // The agent survived both switches, and requests work again.
  const auto state = rig.confirm<cti::QueryAgentStateConf>(query);
  EXPECT_EQ(state.agent_state, AgentState::NotReady);
  make_ready(rig, "1001");
  EXPECT_EQ(rig.desk().user("1001").status.state, "READY");
}

}  // namespace
}  // namespace fgw::flows
