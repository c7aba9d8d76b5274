// Guide 5.4.4 outbound, hold/retrieve and consult/transfer tables; conference, call data,
// snapshots and supervision.
#include "unit/ctisim/world_fixture.hpp"

namespace fgw::ctisim::test {
namespace {

using cti::ControlFailureCode;
using cti::FailureStatus;
using cti::LocalConnectionState;

class CallControlTest : public WorldTest {
 protected:
  // Alice (1001) talking with an outside caller; returns the call id.
  std::uint32_t alice_talking() {
    login("1001", "1001");
    ready("1001");
    const auto id = place("6000");
    answer(id, "1001");
    return id;
  }

  Outcome make_call(const std::string& from, const std::string& to) {
    cti::MakeCallReq req;
    req.invoke_id = ++invoke_;
    req.peripheral_id = kPeripheral;
    req.agent_instrument = from;
    req.dialed_number = to;
    return request(req);
  }

  Outcome consult(std::uint32_t call_id, const std::string& from, const std::string& to) {
    cti::ConsultationCallReq req;
    req.invoke_id = ++invoke_;
    req.peripheral_id = kPeripheral;
    req.active_connection_call_id = call_id;
    req.active_connection_device_id = from;
    req.agent_instrument = from;
    req.dialed_number = to;
    req.consult_type = 1;
    return request(req);
  }

  template <class Request>
  Outcome join(std::uint32_t active, std::uint32_t held, const std::string& agent) {
    Request req;
    req.invoke_id = ++invoke_;
    req.peripheral_id = kPeripheral;
    req.active_connection_call_id = active;
    req.held_connection_call_id = held;
    req.agent_instrument = agent;
    return request(req);
  }
};

TEST_F(CallControlTest, HoldAndRetrieve) {
  const auto id = alice_talking();
  auto out = request(call_request<cti::HoldCallReq>(id, "1001"));
  EXPECT_TRUE(replied<cti::HoldCallConf>(out));
  EXPECT_EQ(types(out.events), (std::vector{MessageType::CallHeldEvent, MessageType::AgentStateEvent}));
  EXPECT_EQ(only<cti::CallHeldEvent>(out.events).device_id, "1001");
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::Hold}));
  EXPECT_TRUE(control_failed(request(call_request<cti::HoldCallReq>(id, "1001")),
                             ControlFailureCode::NoActiveCall));

  cti::RetrieveCallReq retrieve;
  retrieve.invoke_id = ++invoke_;
  retrieve.peripheral_id = kPeripheral;
  retrieve.held_connection_call_id = id;
  retrieve.held_connection_device_id = "1001";
  out = request(retrieve);
  EXPECT_TRUE(replied<cti::RetrieveCallConf>(out));
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallRetrievedEvent, MessageType::AgentStateEvent}));
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::Talking}));
  EXPECT_TRUE(control_failed(request(retrieve), ControlFailureCode::NoHeldCall));
}

TEST_F(CallControlTest, OutboundCallToOutsideNumberRingsUntilTheControlApiAnswers) {
  login("1001", "1001");
  auto out = make_call("1001", "5559876");
  ASSERT_TRUE(replied<cti::MakeCallConf>(out));
  const auto id = std::get<cti::MakeCallConf>(*out.reply).new_connection_call_id;
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::BeginCallEvent, MessageType::CallServiceInitiatedEvent,
                         MessageType::CallOriginatedEvent, MessageType::CallDeliveredEvent,
                         MessageType::AgentStateEvent}));
  EXPECT_EQ(only<cti::BeginCallEvent>(out.events).connection_call_id, id);
  EXPECT_EQ(only<cti::BeginCallEvent>(out.events).call_type, cti::CallType::AgentOut);
  EXPECT_EQ(only<cti::CallDeliveredEvent>(out.events).alerting_device_id, "5559876");
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::Talking}));

  const auto answered = world_.answer_outside(id);
  ASSERT_EQ(answered.error, ControlError::None);
  EXPECT_EQ(types(answered.outcome.events), (std::vector{MessageType::CallEstablishedEvent}));
  EXPECT_EQ(world_.answer_outside(id).error, ControlError::Conflict);

  // Guide outbound table: caller drops, then the recipient, CLEARED, END_CALL.
  out = drop(id, "1001");
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallConnectionClearedEvent,
                         MessageType::CallConnectionClearedEvent, MessageType::CallClearedEvent,
                         MessageType::EndCallEvent, MessageType::AgentStateEvent}));
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::WorkNotReady}));
}

TEST_F(CallControlTest, AgentToAgentCallReservesAReadyRecipient) {
  login("1001", "1001");
  login("1002", "1002");
  ready("1002");
  auto out = make_call("1001", "1002");
  EXPECT_EQ(only<cti::BeginCallEvent>(out.events).call_type, cti::CallType::AgentInside);
  EXPECT_EQ(agent_states(out.events, "1002"), (std::vector{AgentState::Reserved}));
  const auto id = std::get<cti::MakeCallConf>(*out.reply).new_connection_call_id;
  out = answer(id, "1002");
  EXPECT_EQ(agent_states(out.events, "1002"), (std::vector{AgentState::Talking}));
}

TEST_F(CallControlTest, MakeCallFailures) {
  login("1001", "1001");
  EXPECT_TRUE(control_failed(make_call("1002", "5551234"), ControlFailureCode::InvalidCallingDevice));
  EXPECT_TRUE(control_failed(make_call("5550000", "1001"), ControlFailureCode::InvalidCallingDevice));
  EXPECT_TRUE(control_failed(make_call("1001", "12ab"), ControlFailureCode::InvalidCalledDevice));
  EXPECT_TRUE(control_failed(make_call("1001", "1001"), ControlFailureCode::InvalidCalledDevice));
  EXPECT_TRUE(control_failed(make_call("1001", ""), ControlFailureCode::InvalidCalledDevice));
  EXPECT_TRUE(world_.calls().empty());
}

TEST_F(CallControlTest, UnassignedInternalNumberFailsWithCallFailed) {
  login("1001", "1001");
  auto out = make_call("1001", "1999");  // four digits like the extensions, owned by nobody
  ASSERT_TRUE(replied<cti::MakeCallConf>(out));
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::BeginCallEvent, MessageType::CallServiceInitiatedEvent,
                         MessageType::CallOriginatedEvent, MessageType::CallFailedEvent,
                         MessageType::AgentStateEvent}));
  EXPECT_EQ(only<cti::CallFailedEvent>(out.events).event_cause, cti::EventCause::DestNotObtainable);
  // The failed call stays until the agent drops it (guide 5.4.3: FAILED allows DROP).
  const auto id = std::get<cti::MakeCallConf>(*out.reply).new_connection_call_id;
  out = drop(id, "1001");
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallConnectionClearedEvent, MessageType::CallClearedEvent,
                         MessageType::EndCallEvent, MessageType::AgentStateEvent}));
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::NotReady}));  // no wrap-up
}

TEST_F(CallControlTest, ConsultThenTransferFollowsTheGuideTable) {
  const auto original = alice_talking();
  login("1002", "1002");
  ready("1002");
  auto out = consult(original, "1001", "1002");
  ASSERT_TRUE(replied<cti::ConsultationCallConf>(out));
  const auto consult_id = std::get<cti::ConsultationCallConf>(*out.reply).new_connection_call_id;
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallHeldEvent, MessageType::BeginCallEvent,
                         MessageType::CallServiceInitiatedEvent, MessageType::CallOriginatedEvent,
                         MessageType::AgentStateEvent, MessageType::CallDeliveredEvent}));
  EXPECT_EQ(only<cti::CallHeldEvent>(out.events).call.connection_call_id, original);
  EXPECT_EQ(only<cti::BeginCallEvent>(out.events).call_type, cti::CallType::Consult);
  EXPECT_EQ(only<cti::BeginCallEvent>(out.events).call_variables[0], "v1");  // data follows
  EXPECT_EQ(agent_states(out.events, "1002"), (std::vector{AgentState::Reserved}));
  EXPECT_EQ(state_of("1001"), AgentState::Talking);

  out = answer(consult_id, "1002");
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallEstablishedEvent, MessageType::AgentStateEvent}));

  out = join<cti::TransferCallReq>(consult_id, original, "1001");
  ASSERT_TRUE(replied<cti::TransferCallConf>(out));
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallTransferredEvent, MessageType::EndCallEvent,
                         MessageType::AgentStateEvent}));
  const auto& transferred = only<cti::CallTransferredEvent>(out.events);
  EXPECT_EQ(transferred.primary_call_id, original);
  EXPECT_EQ(transferred.secondary_call_id, consult_id);
  EXPECT_EQ(transferred.first_device_id, "1001");
  EXPECT_EQ(transferred.second_device_id, "1002");
  ASSERT_EQ(transferred.parties.size(), 2u);
  EXPECT_EQ(transferred.parties[0].device_id, "5551000");
  EXPECT_EQ(transferred.parties[1].device_id, "1002");
  EXPECT_EQ(only<cti::EndCallEvent>(out.events).call.connection_call_id, consult_id);
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::WorkReady}));
  EXPECT_EQ(state_of("1002"), AgentState::Talking);
  ASSERT_EQ(world_.calls().size(), 1u);
  EXPECT_EQ(world_.calls().begin()->first, original);
}

TEST_F(CallControlTest, ConsultThenConference) {
  const auto original = alice_talking();
  login("1002", "1002");
  auto out = consult(original, "1001", "1002");
  const auto consult_id = std::get<cti::ConsultationCallConf>(*out.reply).new_connection_call_id;
  answer(consult_id, "1002");
  out = join<cti::ConferenceCallReq>(consult_id, original, "1001");
  ASSERT_TRUE(replied<cti::ConferenceCallConf>(out));
  EXPECT_EQ(std::get<cti::ConferenceCallConf>(*out.reply).parties.size(), 3u);
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallConferencedEvent, MessageType::EndCallEvent}));
  EXPECT_EQ(only<cti::CallConferencedEvent>(out.events).parties.size(), 3u);
  // Alice leaves; Bob and the caller stay on the call.
  out = drop(original, "1001");
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallConnectionClearedEvent, MessageType::AgentStateEvent}));
  EXPECT_EQ(state_of("1002"), AgentState::Talking);
}

TEST_F(CallControlTest, ConsultAndTransferFailures) {
  const auto original = alice_talking();
  login("1002", "1002");
  EXPECT_TRUE(control_failed(consult(original + 7, "1001", "1002"),
                             ControlFailureCode::InvalidConnectionIdForActiveCall));
  EXPECT_TRUE(control_failed(consult(original, "1001", "x"), ControlFailureCode::InvalidCalledDevice));
  EXPECT_TRUE(control_failed(join<cti::TransferCallReq>(original, original + 7, "1001"),
                             ControlFailureCode::InvalidCstaCallIdentifier));
  EXPECT_TRUE(control_failed(join<cti::TransferCallReq>(original, 0xFFFFFFFF, "1001"),
                             ControlFailureCode::InvalidFeature));
  cti::ConsultationCallReq bad_type;
  bad_type.invoke_id = 1;
  bad_type.peripheral_id = kPeripheral;
  bad_type.active_connection_call_id = original;
  bad_type.agent_instrument = "1001";
  bad_type.dialed_number = "1002";
  bad_type.consult_type = 9;
  EXPECT_TRUE(control_failed(request(bad_type), ControlFailureCode::InvalidConsultType));
}

TEST_F(CallControlTest, ClearCallDropsEveryone) {
  const auto id = alice_talking();
  auto out = request(call_request<cti::ClearCallReq>(id, "1001"));
  EXPECT_TRUE(replied<cti::ClearCallConf>(out));
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallConnectionClearedEvent,
                         MessageType::CallConnectionClearedEvent, MessageType::CallClearedEvent,
                         MessageType::EndCallEvent, MessageType::AgentStateEvent}));
  EXPECT_TRUE(control_failed(request(call_request<cti::ClearCallReq>(id, "1001")),
                             ControlFailureCode::NoCallToClear));
}

TEST_F(CallControlTest, SetCallDataUpdatesAndBroadcasts) {
  const auto id = alice_talking();
  cti::SetCallDataReq req;
  req.invoke_id = 77;
  req.peripheral_id = kPeripheral;
  req.connection_call_id = id;
  req.connection_device_id = "1001";
  req.call_variables[2] = "three";
  req.named_variables.push_back({"user.acct", "8"});
  req.named_variables.push_back({"user.new", "n"});
  auto out = request(req);
  EXPECT_TRUE(replied<cti::SetCallDataConf>(out));
  const auto& update = only<cti::CallDataUpdateEvent>(out.events);
  EXPECT_EQ(update.connection_call_id, id);
  EXPECT_EQ(update.call_variables[0], "v1");
  EXPECT_EQ(update.call_variables[2], "three");
  ASSERT_EQ(update.named_variables.size(), 2u);
  EXPECT_EQ(update.named_variables[0].value, "8");

  req.named_variables = {{"acct", "9"}};  // not an ECC name: the whole request fails
  req.call_variables[3] = "four";
  out = request(req);
  EXPECT_TRUE(failed(out, FailureStatus::NamedVariableNotConfigured));
  EXPECT_TRUE(out.events.empty());
  EXPECT_FALSE(world_.calls().at(id).call_variables[3].has_value());

  req.named_variables.clear();
  req.connection_call_id = id + 99;
  EXPECT_TRUE(failed(request(req), FailureStatus::InvalidCallid));
}

TEST_F(CallControlTest, SetCallDataNeedsTheCallDataService) {
  const auto id = alice_talking();
  cti::SetCallDataReq req;
  req.invoke_id = 1;
  req.peripheral_id = kPeripheral;
  req.connection_call_id = id;
  EXPECT_TRUE(failed(world_.handle_request(req, RequestContext{"x", 0x10 | 0x4}),
                     FailureStatus::FunctionNotAvailable));
}

TEST_F(CallControlTest, SnapshotCallAndDevice) {
  const auto id = alice_talking();
  cti::SnapshotCallReq call_req;
  call_req.invoke_id = 5;
  call_req.peripheral_id = kPeripheral;
  call_req.connection_call_id = id;
  auto out = request(call_req);
  ASSERT_TRUE(replied<cti::SnapshotCallConf>(out));
  const auto& snapshot = std::get<cti::SnapshotCallConf>(*out.reply);
  EXPECT_EQ(snapshot.invoke_id, 5u);
  ASSERT_EQ(snapshot.devices.size(), 2u);
  EXPECT_EQ(snapshot.devices[1].device_id, "1001");
  EXPECT_EQ(snapshot.devices[1].connection_state, LocalConnectionState::Connect);
  EXPECT_EQ(snapshot.call_variables[0], "v1");
  call_req.connection_call_id = id + 1;
  EXPECT_TRUE(control_failed(request(call_req), ControlFailureCode::InvalidCstaCallIdentifier));

  cti::SnapshotDeviceReq device_req;
  device_req.invoke_id = 6;
  device_req.peripheral_id = kPeripheral;
  device_req.agent_instrument = "1001";
  out = request(device_req);
  ASSERT_TRUE(replied<cti::SnapshotDeviceConf>(out));
  const auto& device = std::get<cti::SnapshotDeviceConf>(*out.reply);
  ASSERT_EQ(device.calls.size(), 1u);
  EXPECT_EQ(device.calls[0].connection_call_id, id);
  EXPECT_EQ(device.calls[0].call_state, LocalConnectionState::Connect);
  device_req.agent_instrument = "4444";
  EXPECT_TRUE(control_failed(request(device_req), ControlFailureCode::InvalidCstaDeviceIdentifier));
}

class SupervisionTest : public CallControlTest {
 protected:
  Outcome supervise(cti::SupervisoryAction action, const std::string& agent,
                    std::uint32_t supervisor_call = 0xFFFFFFFF) {
    cti::SuperviseCallReq req;
    req.invoke_id = ++invoke_;
    req.peripheral_id = kPeripheral;
    req.supervisory_action = action;
    req.agent_instrument = agent;
    req.supervisor_instrument = "2001";
    req.supervisor_connection_call_id = supervisor_call;
    return request(req);
  }
};

TEST_F(SupervisionTest, SilentMonitorThenBargeIn) {
  const auto id = alice_talking();
  login("2001", "2001");
  auto out = supervise(cti::SupervisoryAction::Monitor, "1001");
  ASSERT_TRUE(replied<cti::SuperviseCallConf>(out));
  const auto monitor_id = std::get<cti::SuperviseCallConf>(*out.reply).connection_call_id;
  EXPECT_NE(monitor_id, id);
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::BeginCallEvent, MessageType::CallServiceInitiatedEvent,
                         MessageType::CallOriginatedEvent, MessageType::CallEstablishedEvent,
                         MessageType::AgentStateEvent}));
  EXPECT_EQ(only<cti::BeginCallEvent>(out.events).call_type, cti::CallType::SupervisorMonitor);
  EXPECT_EQ(only<cti::CallEstablishedEvent>(out.events).event_cause,
            cti::EventCause::SupervisorMonitor);
  EXPECT_EQ(agent_states(out.events, "2001"), (std::vector{AgentState::Talking}));
  EXPECT_EQ(state_of("1001"), AgentState::Talking);

  cti::SnapshotDeviceReq device_req;
  device_req.invoke_id = 6;
  device_req.peripheral_id = kPeripheral;
  device_req.agent_instrument = "1001";
  out = request(device_req);
  ASSERT_EQ(std::get<cti::SnapshotDeviceConf>(*out.reply).calls.size(), 1u);
  EXPECT_EQ(std::get<cti::SnapshotDeviceConf>(*out.reply).calls[0].silent_monitor_status, 2);
  device_req.agent_instrument = "2001";
  out = request(device_req);
  EXPECT_EQ(std::get<cti::SnapshotDeviceConf>(*out.reply).calls.at(0).silent_monitor_status, 1);

  out = supervise(cti::SupervisoryAction::BargeIn, "1001", monitor_id);
  ASSERT_TRUE(replied<cti::SuperviseCallConf>(out));
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallConferencedEvent, MessageType::EndCallEvent}));
  const auto& conferenced = only<cti::CallConferencedEvent>(out.events);
  EXPECT_EQ(conferenced.primary_call_id, id);
  EXPECT_EQ(conferenced.event_cause, cti::EventCause::SupervisorBargeIn);
  EXPECT_EQ(conferenced.parties.size(), 3u);
  EXPECT_EQ(world_.calls().size(), 1u);
}

TEST_F(SupervisionTest, MonitorEndsWithTheMonitoredCallAndCanBeCleared) {
  auto id = alice_talking();
  login("2001", "2001");
  supervise(cti::SupervisoryAction::Monitor, "1001");
  auto out = supervise(cti::SupervisoryAction::Clear, "1001");
  EXPECT_TRUE(replied<cti::SuperviseCallConf>(out));
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallConnectionClearedEvent,
                         MessageType::CallConnectionClearedEvent, MessageType::CallClearedEvent,
                         MessageType::EndCallEvent, MessageType::AgentStateEvent}));
  EXPECT_TRUE(control_failed(supervise(cti::SupervisoryAction::Clear, "1001"),
                             ControlFailureCode::NoCallToClear));

  supervise(cti::SupervisoryAction::Monitor, "1001");
  out = world_.hang_up_outside(id).outcome;
  EXPECT_TRUE(world_.calls().empty());
  EXPECT_EQ(agent_states(out.events, "2001").back(), AgentState::NotReady);
}

TEST_F(SupervisionTest, SupervisionFailures) {
  alice_talking();
  EXPECT_TRUE(control_failed(supervise(cti::SupervisoryAction::Monitor, "1001"),
                             ControlFailureCode::InvalidCallingDevice));  // 2001 not signed in
  login("2001", "2001");
  login("1003", "1003");  // team 2: not supervised by 2001
  EXPECT_TRUE(control_failed(supervise(cti::SupervisoryAction::Monitor, "1003"),
                             ControlFailureCode::PrivilegeViolationOnSpecifiedDevice));
  login("1002", "1002");  // team 1 but not on a call
  EXPECT_TRUE(control_failed(supervise(cti::SupervisoryAction::Monitor, "1002"),
                             ControlFailureCode::NoActiveCall));
  EXPECT_TRUE(control_failed(supervise(cti::SupervisoryAction::Whisper, "1001"),
                             ControlFailureCode::InvalidFeature));
  cti::SuperviseCallReq req;
  req.invoke_id = 1;
  req.peripheral_id = kPeripheral;
  req.supervisor_instrument = "2001";
  req.agent_instrument = "1001";
  req.supervisory_action = cti::SupervisoryAction::Monitor;
  EXPECT_TRUE(failed(world_.handle_request(req, RequestContext{"x", 0x10 | 0x4}),
                     FailureStatus::FunctionNotAvailable));
}

}  // namespace
}  // namespace fgw::ctisim::test
