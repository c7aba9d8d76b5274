// Consult calls that end in a transfer (guide 5.4.4 table 4) or a conference, and a supervisor's
// silent monitor (guide 3.2.6, GED-188.md 5.10), between the gateway's CtiClient and
// finesse-ctisim over real TCP.
#include "tests/integration/cti_flows/flow_rig.hpp"

namespace fgw::flows {
namespace {

using cti::AgentState;
using cti::LocalConnectionState;

constexpr std::uint16_t kConsultForTransfer = 1;
constexpr std::uint16_t kConsultForConference = 2;
// Wrap-up outlasts every test: WORK_READY / WORK is seen, its end never races the story.
// The desk is fed, to check the Dialogs the tables say each agent ends up with.
constexpr RigOptions kLongWrapUp{.wrap_up = std::chrono::seconds(60), .feed_desk = true};

// The parties of GET /calls for one call: "device:STATE" in the simulator's order.
std::vector<std::string> parties_in_simulator(FlowRig& rig, std::uint32_t call) {
  const auto reply = rig.control("GET", "/calls");
  EXPECT_EQ(reply.status, 200);
  std::vector<std::string> parties;
  const auto calls = reply.json();  // kept: the loop must not iterate a destroyed temporary
  for (const auto& entry : calls.as_array()) {
    const auto& object = entry.as_object();
    if (object.at("id").as_string() != std::to_string(call)) continue;
    for (const auto& party : object.at("parties").as_array()) {
      parties.push_back(std::string(party.at("device").as_string()) + ":" +
                        std::string(party.at("state").as_string()));
    }
  }
  return parties;
}

// Caller on an answered call at 1001; 1001 holds it and consults 1002, who answers. Returns the
// consult call's id. The story of table 4 up to "Agent B answers the call".
std::uint32_t consult_answered_by_1002(FlowRig& rig, std::uint32_t original, std::uint16_t consult_type) {
  const auto o = call_ref(original);
  const auto consult = rig.confirm<cti::ConsultationCallConf>(consult_req(original, "1001", "1002", consult_type));
  const auto k = call_ref(consult.new_connection_call_id);
  EXPECT_NE(consult.new_connection_call_id, original);
  // The original call is held first, then the consult call starts carrying the caller's data.
  const auto started = rig.expect_events({"CALL_HELD " + o + " holding=1001",
                                          "BEGIN_CALL " + k + " CONSULT from=1001",
                                          "CALL_SERVICE_INITIATED " + k + " calling=1001 cause=CEC_CONSULT",
                                          "CALL_ORIGINATED " + k + " calling=1001 called=1002 cause=CEC_CONSULT",
                                          "CALL_DELIVERED " + k + " alerting=1002 calling=1001 cause=CEC_CONSULT"});
  if (started.size() == 5) {
    EXPECT_EQ(std::get<cti::BeginCallEvent>(started[1]).call_variables[0], "from-ivr");
  }
  rig.confirm<cti::AnswerCallConf>(answer_req(consult.new_connection_call_id, "1002"));
  rig.expect_events({"CALL_ESTABLISHED " + k + " answering=1002", "AGENT_STATE 1002 TALKING"});
  return consult.new_connection_call_id;
}

// ---- 6. consult and transfer (guide 5.4.4 table 4) ----------------------------------------------

TEST(CtiFlows, ConsultThenTransferLeavesTheCallerWithAgentBOnTheOriginalCall) {
  FlowRig rig(kLongWrapUp);
  rig.open_session();
  sign_in(rig, "1001");
  sign_in(rig, "1002");
  make_ready(rig, "1001");
  const auto original = answered_inbound_call(rig, "1001", R"("variables":{"callVariable1":"from-ivr"})");
  const auto consult = consult_answered_by_1002(rig, original, kConsultForTransfer);
  const auto o = call_ref(original);
  const auto k = call_ref(consult);

  // Transfer: Active = the consult call, Held = the original one.
  const auto transferred =
      rig.confirm<cti::TransferCallConf>(join_req<cti::TransferCallReq>(consult, original, "1001"));
  EXPECT_EQ(transferred.new_connection_call_id, original);
  // The original call survives with the caller and 1002; the consult call ends; 1001 was READY
  // before the call, so it wraps up in WORK_READY.
  const auto events = rig.expect_events({"CALL_TRANSFERRED " + o + " secondary=" + k +
                                             " transferring=1001 transferred=1002 parties=5551000,1002",
                                         "END_CALL " + k, "AGENT_STATE 1001 WORK_READY"});
  EXPECT_EQ(std::get<cti::CallTransferredEvent>(events[0]).event_cause, cti::EventCause::Transfer);
  EXPECT_THAT(parties_in_simulator(rig, original), ::testing::ElementsAre("5551000:CONNECT", "1002:CONNECT"));
  // Table 4, last row: agent A has no dialog left; agent B has the original call, ACTIVE.
  EXPECT_THAT(dialog_ids_of(rig, "1001"), ::testing::IsEmpty());
  EXPECT_THAT(dialog_ids_of(rig, "1002"), ::testing::ElementsAre(std::to_string(original)));
  if (const auto dialog = rig.desk().dialog(std::to_string(original))) {
    EXPECT_EQ(dialog->state, "ACTIVE");
    EXPECT_THAT(legs_of(*dialog), ::testing::UnorderedElementsAre("5551000:ACTIVE", "1002:ACTIVE"));
  }

  // The caller is connected to 1002 on the original call: hanging up clears it at 1002.
  EXPECT_EQ(rig.control("POST", "/calls/" + std::to_string(original) + "/hangup").status, 200);
  rig.expect_events({"CALL_CONNECTION_CLEARED " + o + " releasing=5551000",
                     "CALL_CONNECTION_CLEARED " + o + " releasing=1002", "CALL_CLEARED " + o, "END_CALL " + o,
                     "AGENT_STATE 1002 WORK_NOT_READY"});
}

TEST(CtiFlows, TransferWithoutAHeldCallIsRefused) {
  FlowRig rig(kLongWrapUp);
  rig.open_session();
  sign_in(rig, "1001");
  make_ready(rig, "1001");
  const auto call = answered_inbound_call(rig, "1001");
  // Consulting from a call the agent is not active on.
  EXPECT_EQ(rig.refuse(consult_req(call + 1000, "1001", "1002", kConsultForTransfer)).name,
            "CF_INVALID_CONNECTION_ID_FOR_ACTIVE_CALL");
  // Single-step transfer (no held call) is not simulated.
  auto single_step = join_req<cti::TransferCallReq>(call, 0xFFFFFFFF, "1001");
  single_step.dialed_number = "1002";
  EXPECT_EQ(rig.refuse(single_step).name, "CF_INVALID_FEATURE");
  // Nothing happened to the call: holding it still works.
  rig.confirm<cti::HoldCallConf>(hold_req(call, "1001"));
  rig.expect_events({"CALL_HELD " + call_ref(call) + " holding=1001", "AGENT_STATE 1001 HOLD"});
}

// ---- 7. consult and conference ---------------------------------------------------------------------

TEST(CtiFlows, ConsultThenConferenceJoinsThreePartiesOnTheOriginalCall) {
  FlowRig rig(kLongWrapUp);
  rig.open_session();
  sign_in(rig, "1001");
  sign_in(rig, "1002");
  make_ready(rig, "1001");
  const auto original = answered_inbound_call(rig, "1001", R"("variables":{"callVariable1":"from-ivr"})");
  const auto consult = consult_answered_by_1002(rig, original, kConsultForConference);
  const auto o = call_ref(original);
  const auto k = call_ref(consult);

  const auto conferenced =
      rig.confirm<cti::ConferenceCallConf>(join_req<cti::ConferenceCallReq>(consult, original, "1001"));
  EXPECT_EQ(conferenced.new_connection_call_id, original);
  EXPECT_EQ(conferenced.parties.size(), 3u);
  // 1001 is retrieved into the original call with the caller and 1002; the consult call ends.
  const auto events = rig.expect_events(
      {"CALL_CONFERENCED " + o + " secondary=" + k + " controller=1001 added=1002 parties=5551000,1001,1002",
       "END_CALL " + k});
  const auto& conference = std::get<cti::CallConferencedEvent>(events[0]);
  EXPECT_EQ(conference.local_connection_state, LocalConnectionState::Connect);
  for (const auto& party : conference.parties) EXPECT_EQ(party.call_id, original) << party.device_id;
  EXPECT_THAT(parties_in_simulator(rig, original),
              ::testing::ElementsAre("5551000:CONNECT", "1001:CONNECT", "1002:CONNECT"));
  EXPECT_THAT(dialog_ids_of(rig, "1001"), ::testing::ElementsAre(std::to_string(original)));
  EXPECT_THAT(dialog_ids_of(rig, "1002"), ::testing::ElementsAre(std::to_string(original)));
  if (const auto dialog = rig.desk().dialog(std::to_string(original))) {
    EXPECT_EQ(dialog->state, "ACTIVE");
    EXPECT_THAT(legs_of(*dialog),
                ::testing::UnorderedElementsAre("5551000:ACTIVE", "1001:ACTIVE", "1002:ACTIVE"));
  }

  // The controller leaves; the conference goes on between the caller and 1002.
  rig.confirm<cti::ClearConnectionConf>(clear_connection_req(original, "1001"));
  rig.expect_events({"CALL_CONNECTION_CLEARED " + o + " releasing=1001", "AGENT_STATE 1001 WORK_READY"});
  EXPECT_EQ(rig.control("POST", "/calls/" + std::to_string(original) + "/hangup").status, 200);
  rig.expect_events({"CALL_CONNECTION_CLEARED " + o + " releasing=5551000",
                     "CALL_CONNECTION_CLEARED " + o + " releasing=1002", "CALL_CLEARED " + o, "END_CALL " + o,
                     "AGENT_STATE 1002 WORK_NOT_READY"});
}

// ---- 9. silent monitor ---------------------------------------------------------------------------

cti::SuperviseCallReq supervise_req(cti::SupervisoryAction action, const std::string& supervisor_device,
                                    const std::string& agent) {
  cti::SuperviseCallReq req;
  req.supervisory_action = action;
  req.supervisor_instrument = supervisor_device;
  req.agent_id = agent;
  return req;
}

TEST(CtiFlows, SupervisorSilentlyMonitorsAnAgentsCallThenStops) {
  FlowRig rig(kLongWrapUp);
  rig.open_session();
  sign_in(rig, "2001");
  sign_in(rig, "1002");
  sign_in(rig, "1001");
  make_ready(rig, "1001");
  const auto call = answered_inbound_call(rig, "1001", R"("variables":{"callVariable1":"x"})");
  const auto c = call_ref(call);

  // An agent who is not a supervisor may not monitor.
  EXPECT_EQ(rig.refuse(supervise_req(cti::SupervisoryAction::Monitor, "1002", "1001")).name,
            "CF_PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE");
  // Nor can one monitor an agent who is not on a call.
  EXPECT_EQ(rig.refuse(supervise_req(cti::SupervisoryAction::Monitor, "2001", "1002")).name, "CF_NO_ACTIVE_CALL");

  // GED-188.md 5.10: the supervisor's own monitor call, CallType SUPERVISOR_MONITOR, cause 46;
  // the supervisor is TALKING on it, the monitored agent's state does not change.
  const auto monitor = rig.confirm<cti::SuperviseCallConf>(supervise_req(cti::SupervisoryAction::Monitor, "2001", "1001"));
  const auto m = call_ref(monitor.connection_call_id);
  EXPECT_NE(monitor.connection_call_id, call);
  EXPECT_EQ(monitor.connection_device_id, "2001");
  const auto events =
      rig.expect_events({"BEGIN_CALL " + m + " SUPERVISOR_MONITOR from=2001",
                         "CALL_SERVICE_INITIATED " + m + " calling=2001 cause=CEC_SUPERVISOR_MONITOR",
                         "CALL_ORIGINATED " + m + " calling=2001 called=1001 cause=CEC_SUPERVISOR_MONITOR",
                         "CALL_ESTABLISHED " + m + " answering=1001 cause=CEC_SUPERVISOR_MONITOR",
                         "AGENT_STATE 2001 TALKING"});
  if (!events.empty()) {
    EXPECT_EQ(std::get<cti::BeginCallEvent>(events[0]).call_variables[0], "x");
  }

  // Snapshots tell who monitors whom: 1 = initiator (the supervisor), 2 = target (the agent).
  const auto agent_device = rig.confirm<cti::SnapshotDeviceConf>(snapshot_device_req("1001"));
  ASSERT_EQ(agent_device.calls.size(), 1u);
  EXPECT_EQ(agent_device.calls[0].connection_call_id, call);
  EXPECT_EQ(agent_device.calls[0].call_state, LocalConnectionState::Connect);
  EXPECT_EQ(agent_device.calls[0].silent_monitor_status, 2u);
  const auto supervisor_device = rig.confirm<cti::SnapshotDeviceConf>(snapshot_device_req("2001"));
  ASSERT_EQ(supervisor_device.calls.size(), 1u);
  EXPECT_EQ(supervisor_device.calls[0].connection_call_id, monitor.connection_call_id);
  EXPECT_EQ(supervisor_device.calls[0].silent_monitor_status, 1u);
  // The desk: the supervisor has the monitor dialog, the monitored agent is not told of it.
  EXPECT_THAT(dialog_ids_of(rig, "2001"), ::testing::ElementsAre(std::to_string(monitor.connection_call_id)));
  EXPECT_THAT(dialog_ids_of(rig, "1001"), ::testing::ElementsAre(std::to_string(call)));

  // The supervisor stops: only the monitor call is cleared; the agent's call goes on.
  cti::SuperviseCallReq stop = supervise_req(cti::SupervisoryAction::Clear, "2001", "1001");
  const auto stopped = rig.confirm<cti::SuperviseCallConf>(stop);
  EXPECT_EQ(stopped.connection_call_id, monitor.connection_call_id);
  rig.expect_events({"CALL_CONNECTION_CLEARED " + m + " releasing=2001 cause=CEC_SUPERVISOR_CLEAR",
                     "CALL_CONNECTION_CLEARED " + m + " releasing=1001 cause=CEC_SUPERVISOR_CLEAR",
                     "CALL_CLEARED " + m + " cause=CEC_SUPERVISOR_CLEAR", "END_CALL " + m,
                     "AGENT_STATE 2001 NOT_READY"});
  EXPECT_THAT(dialog_ids_of(rig, "2001"), ::testing::IsEmpty());
  EXPECT_EQ(rig.desk().user("1001").status.state, "TALKING");
  if (const auto dialog = rig.desk().dialog(std::to_string(call))) {
    EXPECT_EQ(dialog->state, "ACTIVE");
    EXPECT_THAT(legs_of(*dialog), ::testing::UnorderedElementsAre("5551000:ACTIVE", "1001:ACTIVE"));
  } else {
    ADD_FAILURE() << "the monitored call's dialog is gone";
  }
  rig.confirm<cti::HoldCallConf>(hold_req(call, "1001"));
  rig.expect_events({"CALL_HELD " + c + " holding=1001", "AGENT_STATE 1001 HOLD"});
}

}  // namespace
}  // namespace fgw::flows
