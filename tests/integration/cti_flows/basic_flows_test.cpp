// The guide's 5.4.4 call flows over real TCP between the gateway's CtiClient and finesse-ctisim:
// sign-in and agent states, the inbound and routed call, the outbound call and its failures,
// hold / retrieve, and call data.
#include "tests/integration/cti_flows/flow_rig.hpp"

namespace fgw::flows {
namespace {

using cti::AgentState;
using cti::client::FailureSource;
using ::testing::Contains;
using ::testing::Field;

const cti::NamedVariable* named(const std::vector<cti::NamedVariable>& variables, const std::string& name) {
  for (const auto& variable : variables)
    if (variable.name == name) return &variable;
  return nullptr;
}

// ---- 1. sign-in and agent states --------------------------------------------------------------

TEST(CtiFlows, SignInReadyNotReadyLogoutAndRefusedSignIns) {
  FlowRig rig;
  rig.open_session();

  // LOGIN on the agent's extension: CONF, then LOGIN and NOT_READY (guide 3.1.4).
  const auto login = rig.request(agent_state_req("1001", AgentState::Login));
  ASSERT_TRUE(login.ok()) << describe_failure(login.failure());
  EXPECT_TRUE(std::holds_alternative<cti::SetAgentStateConf>(login.message()));
  const auto events = rig.expect_events({"AGENT_STATE 1001 LOGIN", "AGENT_STATE 1001 NOT_READY"});
  const auto& not_ready = std::get<cti::AgentStateEvent>(events[1]);
  EXPECT_EQ(not_ready.peripheral_id, static_cast<std::uint32_t>(kPeripheralId));
  EXPECT_EQ(not_ready.agent_extension, "1001");
  EXPECT_EQ(not_ready.agent_instrument, "1001");

  rig.confirm<cti::SetAgentStateConf>(agent_state_req("1001", AgentState::Available));
  const auto ready = rig.expect_events({"AGENT_STATE 1001 AVAILABLE"});
  EXPECT_EQ(std::get<cti::AgentStateEvent>(ready[0]).agent_mode, 1u);  // routable

  rig.confirm<cti::SetAgentStateConf>(agent_state_req("1001", AgentState::NotReady, 12));
  rig.expect_events({"AGENT_STATE 1001 NOT_READY reason=12"});

  rig.confirm<cti::SetAgentStateConf>(agent_state_req("1001", AgentState::Logout, 7));
  rig.expect_events({"AGENT_STATE 1001 LOGOUT reason=7"});

  // A signed-out agent cannot change state.
  const auto signed_out = rig.refuse(agent_state_req("1001", AgentState::Available));
  EXPECT_EQ(signed_out.name, "E_CTI_AGENT_NOT_LOGGED_ON");
  EXPECT_EQ(signed_out.source, FailureSource::ServerStatus);

  // An instrument that is no extension of the directory is not a logon device.
  auto on_bad_extension = agent_state_req("1002", AgentState::Login);
  on_bad_extension.agent_instrument = "9999";
  const auto bad_device = rig.refuse(on_bad_extension);
  EXPECT_EQ(bad_device.name, "CF_INVALID_LOGON_DEVICE_SPECIFIED");
  EXPECT_EQ(bad_device.code, 260u);
  EXPECT_EQ(bad_device.source, FailureSource::ControlFailure);

  auto unknown_agent = agent_state_req("4242", AgentState::Login);
  unknown_agent.agent_instrument = "1002";
  EXPECT_EQ(rig.refuse(unknown_agent).name, "CF_INVALID_AGENT_ID_SPECIFIED");

  // The refusals produced no events: the next events are those of 1002's real sign-in.
  sign_in(rig, "1002");
}

// ---- 2. inbound call (guide 5.4.4 table 1) and wrap-up (5.4.5) ---------------------------------

TEST(CtiFlows, InboundCallAnsweredThenCallerHangsUpThenWrapUp) {
  FlowRig rig({.feed_desk = true});  // wrap-up 1 s
  rig.open_session();
  sign_in(rig, "1001");
  make_ready(rig, "1001");

  // Start the call / call arrives at the agent: BEGIN_CALL, RESERVED (the agent was READY),
  // CALL_DELIVERED alerting at 1001.
  const auto call = rig.place_call(kCaller, "1001", R"("dnis":"2000")");
  const auto c = call_ref(call);
  const auto offered = rig.expect_events({"BEGIN_CALL " + c + " OTHER_IN from=5551000",
                                          "AGENT_STATE 1001 RESERVED",
                                          "CALL_DELIVERED " + c + " alerting=1001 calling=5551000 cause=CEC_NEW_CALL"});
  const auto& begin = std::get<cti::BeginCallEvent>(offered[0]);
  EXPECT_EQ(begin.ani, kCaller);
  EXPECT_EQ(begin.dnis, "2000");
  const auto& delivered = std::get<cti::CallDeliveredEvent>(offered[2]);
  EXPECT_EQ(delivered.local_connection_state, cti::LocalConnectionState::Alerting);
  EXPECT_EQ(delivered.called_device_id, "1001");
  EXPECT_EQ(delivered.alerting_device_type, cti::DeviceIdType::DeviceIdentifier);
  EXPECT_EQ(delivered.calling_device_type, cti::DeviceIdType::External);
  // Table 1, "Call arrives at Agent": dialog ALERTING, agent ALERTING, caller INITIATED.
  const auto alerting = rig.desk().dialog(std::to_string(call));
  ASSERT_TRUE(alerting.has_value());
  EXPECT_EQ(alerting->state, "ALERTING");
  EXPECT_THAT(legs_of(*alerting), ::testing::UnorderedElementsAre("5551000:INITIATED", "1001:ALERTING"));

  // Agent answers: CALL_ESTABLISHED, TALKING.
  rig.confirm<cti::AnswerCallConf>(answer_req(call, "1001"));
  const auto answered = rig.expect_events({"CALL_ESTABLISHED " + c + " answering=1001", "AGENT_STATE 1001 TALKING"});
  EXPECT_EQ(std::get<cti::CallEstablishedEvent>(answered[0]).local_connection_state,
            cti::LocalConnectionState::Connect);
  const auto active = rig.desk().dialog(std::to_string(call));
  ASSERT_TRUE(active.has_value());
  EXPECT_EQ(active->state, "ACTIVE");
  EXPECT_THAT(legs_of(*active), ::testing::UnorderedElementsAre("5551000:ACTIVE", "1001:ACTIVE"));
  EXPECT_EQ(rig.desk().user("1001").status.state, "TALKING");

  // Caller drops, the agent is dropped, the call is cleared and removed; the agent was READY
  // before the call, so it wraps up in WORK_READY and becomes READY when the wrap-up time ends.
  const auto hangup = rig.control("POST", "/calls/" + std::to_string(call) + "/hangup");
  EXPECT_EQ(hangup.status, 200) << hangup.body;
  rig.expect_events({"CALL_CONNECTION_CLEARED " + c + " releasing=5551000",
                     "CALL_CONNECTION_CLEARED " + c + " releasing=1001",
                     "CALL_CLEARED " + c,
                     "END_CALL " + c,
                     "AGENT_STATE 1001 WORK_READY"});
  EXPECT_FALSE(rig.desk().dialog(std::to_string(call)).has_value()) << "END_CALL removes the dialog";
  EXPECT_EQ(rig.desk().user("1001").status.state, "WORK_READY");
  rig.expect_events({"AGENT_STATE 1001 AVAILABLE"});
  EXPECT_EQ(rig.desk().user("1001").status.state, "READY");
}

// ---- 3. routed call -------------------------------------------------------------------------------

TEST(CtiFlows, RoutedCallGoesToTheLongestReadyAgentWithItsCallVariables) {
  FlowRig rig;
  rig.open_session();
  sign_in(rig, "1001");
  sign_in(rig, "1002");
  make_ready(rig, "1002");  // READY first: the longest READY
  make_ready(rig, "1001");

  const auto call = rig.place_call(kCaller, "6000",
                                   R"("dnis":"2000","variables":{"callVariable1":"x","user.acct":"7"})");
  const auto c = call_ref(call);
  const auto offered = rig.expect_events({"BEGIN_CALL " + c + " ACD_IN from=5551000",
                                          "AGENT_STATE 1002 RESERVED",
                                          "CALL_DELIVERED " + c + " alerting=1002 calling=5551000 cause=CEC_NEW_CALL"});
  for (const auto& event : offered) {
    const cti::CallVariables* variables = nullptr;
    const std::vector<cti::NamedVariable>* ecc = nullptr;
    if (const auto* begin = std::get_if<cti::BeginCallEvent>(&event)) {
      variables = &begin->call_variables;
      ecc = &begin->named_variables;
    } else if (const auto* delivered = std::get_if<cti::CallDeliveredEvent>(&event)) {
      variables = &delivered->call_variables;
      ecc = &delivered->named_variables;
      EXPECT_EQ(delivered->called_device_id, "6000");
      EXPECT_EQ(delivered->last_redirect_device_id, "6000");
      EXPECT_EQ(delivered->dnis, "2000");
    } else {
      continue;
    }
    EXPECT_EQ((*variables)[0], "x") << describe(event);
    ASSERT_NE(named(*ecc, "user.acct"), nullptr) << describe(event);
    EXPECT_EQ(named(*ecc, "user.acct")->value, "7");
  }

  // 1001 is now the only READY agent: the next routed call is its.
  const auto second = rig.place_call("5552000", "6000");
  const auto s = call_ref(second);
  rig.expect_events({"BEGIN_CALL " + s + " ACD_IN from=5552000", "AGENT_STATE 1001 RESERVED",
                     "CALL_DELIVERED " + s + " alerting=1001 calling=5552000 cause=CEC_NEW_CALL"});
}

// ---- 4. outbound call (guide 5.4.4 table 2) and its failures -------------------------------------

TEST(CtiFlows, OutboundCallToAnotherAgentAnsweredAndCleared) {
  FlowRig rig({.wrap_up = std::chrono::seconds(0)});  // straight back to NOT_READY
  rig.open_session();
  sign_in(rig, "1001");
  sign_in(rig, "1002");

  // Start, off-hook, dialled, delivered at the recipient; the caller is TALKING while it dials.
  const auto made = rig.confirm<cti::MakeCallConf>(make_call_req("1001", "1002"));
  const auto c = call_ref(made.new_connection_call_id);
  EXPECT_EQ(made.new_connection_device_id, "1001");
  const auto dialling = rig.expect_events({"BEGIN_CALL " + c + " AGENT_INSIDE from=1001",
                                           "CALL_SERVICE_INITIATED " + c + " calling=1001",
                                           "CALL_ORIGINATED " + c + " calling=1001 called=1002",
                                           "CALL_DELIVERED " + c + " alerting=1002 calling=1001",
                                           "AGENT_STATE 1001 TALKING"});
  EXPECT_EQ(std::get<cti::CallServiceInitiatedEvent>(dialling[1]).local_connection_state,
            cti::LocalConnectionState::Initiate);

  // Recipient answers.
  rig.confirm<cti::AnswerCallConf>(answer_req(made.new_connection_call_id, "1002"));
  rig.expect_events({"CALL_ESTABLISHED " + c + " answering=1002", "AGENT_STATE 1002 TALKING"});

  // Caller drops, the recipient is dropped, cleared, removed.
  rig.confirm<cti::ClearConnectionConf>(clear_connection_req(made.new_connection_call_id, "1001"));
  rig.expect_events({"CALL_CONNECTION_CLEARED " + c + " releasing=1001",
                     "CALL_CONNECTION_CLEARED " + c + " releasing=1002",
                     "CALL_CLEARED " + c,
                     "END_CALL " + c,
                     "AGENT_STATE 1001 NOT_READY",
                     "AGENT_STATE 1002 NOT_READY"});
}

TEST(CtiFlows, OutboundCallToABadDestinationFailsAndBadDevicesAreRefused) {
  FlowRig rig({.wrap_up = std::chrono::seconds(0), .feed_desk = true});
  rig.open_session();
  sign_in(rig, "1001");

  // 1999 looks internal (extension length) but nobody owns it: CALL_FAILED, BAD_DESTINATION
  // for Finesse (CEC_DEST_NOT_OBTAINABLE).
  const auto made = rig.confirm<cti::MakeCallConf>(make_call_req("1001", "1999"));
  const auto c = call_ref(made.new_connection_call_id);
  const auto failed = rig.expect_events({"BEGIN_CALL " + c + " AGENT_OUT from=1001",
                                         "CALL_SERVICE_INITIATED " + c + " calling=1001",
                                         "CALL_ORIGINATED " + c + " calling=1001 called=1999",
                                         "CALL_FAILED " + c + " failing=1999 cause=CEC_DEST_NOT_OBTAINABLE",
                                         "AGENT_STATE 1001 TALKING"});
  EXPECT_EQ(std::get<cti::CallFailedEvent>(failed[3]).local_connection_state, cti::LocalConnectionState::Fail);
  // Table 2, "Destination is Bad": dialog FAILED, caller FAILED (BAD_DESTINATION).
  const auto dialog = rig.desk().dialog(std::to_string(made.new_connection_call_id));
  ASSERT_TRUE(dialog.has_value());
  EXPECT_EQ(dialog->state, "FAILED");
  ASSERT_FALSE(dialog->participants.empty());
  EXPECT_EQ(dialog->participants[0].media_address, "1001");
  EXPECT_EQ(dialog->participants[0].state, "FAILED");
  EXPECT_EQ(dialog->participants[0].state_cause, "BAD_DESTINATION");

  // The agent drops the failed call; it never connected, so there is no wrap-up.
  rig.confirm<cti::ClearConnectionConf>(clear_connection_req(made.new_connection_call_id, "1001"));
  rig.expect_events({"CALL_CONNECTION_CLEARED " + c + " releasing=1001", "CALL_CLEARED " + c, "END_CALL " + c,
                     "AGENT_STATE 1001 NOT_READY"});

  // Undialable numbers and dialling oneself: CF_INVALID_CALLED_DEVICE, no call.
  const auto undialable = rig.refuse(make_call_req("1001", "12ab"));
  EXPECT_EQ(undialable.name, "CF_INVALID_CALLED_DEVICE");
  EXPECT_EQ(undialable.source, FailureSource::ControlFailure);
  EXPECT_EQ(rig.refuse(make_call_req("1001", "1001")).name, "CF_INVALID_CALLED_DEVICE");
  // A device no signed-in agent is on (1002 is not signed in): CF_INVALID_CALLING_DEVICE.
  EXPECT_EQ(rig.refuse(make_call_req("1002", "1001")).name, "CF_INVALID_CALLING_DEVICE");
  EXPECT_EQ(rig.refuse(make_call_req("3000", "1001")).name, "CF_INVALID_CALLING_DEVICE");

  // None of the refusals made an event: the next ones are this call to an outside number.
  const auto outside = rig.confirm<cti::MakeCallConf>(make_call_req("1001", "5553000"));
  const auto o = call_ref(outside.new_connection_call_id);
  rig.expect_events({"BEGIN_CALL " + o + " AGENT_OUT from=1001", "CALL_SERVICE_INITIATED " + o + " calling=1001",
                     "CALL_ORIGINATED " + o + " calling=1001 called=5553000",
                     "CALL_DELIVERED " + o + " alerting=5553000 calling=1001", "AGENT_STATE 1001 TALKING"});
  // The outside party answers through the control API.
  EXPECT_EQ(rig.control("POST", "/calls/" + std::to_string(outside.new_connection_call_id) + "/answer").status, 200);
  rig.expect_events({"CALL_ESTABLISHED " + o + " answering=5553000"});
}

// ---- 5. hold / retrieve (guide 5.4.4 table 3) -----------------------------------------------------

TEST(CtiFlows, HoldAndRetrieve) {
  FlowRig rig;
  rig.open_session();
  sign_in(rig, "1001");
  make_ready(rig, "1001");
  const auto call = answered_inbound_call(rig, "1001");
  const auto c = call_ref(call);

  // Retrieving a call that is not held is refused, without events.
  EXPECT_EQ(rig.refuse(retrieve_req(call, "1001")).name, "CF_NO_HELD_CALL");

  rig.confirm<cti::HoldCallConf>(hold_req(call, "1001"));
  const auto held = rig.expect_events({"CALL_HELD " + c + " holding=1001", "AGENT_STATE 1001 HOLD"});
  EXPECT_EQ(std::get<cti::CallHeldEvent>(held[0]).local_connection_state, cti::LocalConnectionState::Hold);

  // Holding it again is refused: it is not active.
  EXPECT_EQ(rig.refuse(hold_req(call, "1001")).name, "CF_NO_ACTIVE_CALL");

  rig.confirm<cti::RetrieveCallConf>(retrieve_req(call, "1001"));
  const auto retrieved = rig.expect_events({"CALL_RETRIEVED " + c + " retrieving=1001", "AGENT_STATE 1001 TALKING"});
  EXPECT_EQ(std::get<cti::CallRetrievedEvent>(retrieved[0]).local_connection_state,
            cti::LocalConnectionState::Connect);

  // A call id that does not exist.
  EXPECT_EQ(rig.refuse(hold_req(call + 1000, "1001")).name, "CF_INVALID_CSTA_CALL_IDENTIFIER");
}

// ---- 8. call data -----------------------------------------------------------------------------------

TEST(CtiFlows, SetCallDataAnswersWithTheCallsWholeDataInCallDataUpdate) {
  FlowRig rig;
  rig.open_session();
  sign_in(rig, "1001");
  make_ready(rig, "1001");
  const auto call =
      answered_inbound_call(rig, "1001", R"("variables":{"callVariable1":"x","user.acct":"7"})");

  cti::SetCallDataReq update;
  update.connection_call_id = call;
  update.connection_device_id_type = cti::ConnectionIdType::Static;
  update.connection_device_id = kCaller;
  update.call_variables[1] = "second";
  update.named_variables = {{"user.acct", "8"}, {"user.note", "vip"}};
  rig.confirm<cti::SetCallDataConf>(update);
  const auto events = rig.expect_events({"CALL_DATA_UPDATE " + call_ref(call)});
  const auto& data = std::get<cti::CallDataUpdateEvent>(events[0]);
  EXPECT_EQ(data.call_variables[0], "x");  // untouched variables are kept
  EXPECT_EQ(data.call_variables[1], "second");
  EXPECT_EQ(data.ani, kCaller);
  ASSERT_NE(named(data.named_variables, "user.acct"), nullptr);
  EXPECT_EQ(named(data.named_variables, "user.acct")->value, "8");
  ASSERT_NE(named(data.named_variables, "user.note"), nullptr);
  EXPECT_EQ(named(data.named_variables, "user.note")->value, "vip");

  // An ECC name the server does not know fails the whole request, and no event is sent.
  cti::SetCallDataReq bad_name = update;
  bad_name.call_variables[1] = "never";
  bad_name.named_variables = {{"acct", "9"}};
  EXPECT_EQ(rig.refuse(bad_name).name, "E_CTI_NAMED_VARIABLE_NOT_CONFIGURED");
  cti::SetCallDataReq unknown_call = update;
  unknown_call.connection_call_id = call + 1000;
  EXPECT_EQ(rig.refuse(unknown_call).name, "E_CTI_INVALID_CALLID");

  // The refused update changed nothing: the next update still shows "second".
  cti::SetCallDataReq third;
  third.connection_call_id = call;
  third.connection_device_id_type = cti::ConnectionIdType::Static;
  third.connection_device_id = kCaller;
  third.call_variables[2] = "third";
  rig.confirm<cti::SetCallDataConf>(third);
  const auto after = rig.expect_events({"CALL_DATA_UPDATE " + call_ref(call)});
  const auto& whole = std::get<cti::CallDataUpdateEvent>(after[0]);
  EXPECT_EQ(whole.call_variables[1], "second");
  EXPECT_EQ(whole.call_variables[2], "third");
  EXPECT_THAT(whole.named_variables, Contains(Field(&cti::NamedVariable::name, "user.note")));
  EXPECT_EQ(named(whole.named_variables, "acct"), nullptr);
}

}  // namespace
}  // namespace fgw::flows

namespace fgw::flows {
namespace {

// Table 2, "Destination is Busy": the dialled agent's phone is already talking, and the
// simulator has no call waiting, so the call fails BUSY.
TEST(CtiFlows, OutboundCallToATalkingAgentFailsBusy) {
  FlowRig rig({.wrap_up = std::chrono::seconds(0), .feed_desk = true});
  rig.open_session();
  sign_in(rig, "1001");
  sign_in(rig, "1002");
  const auto busy_call = rig.confirm<cti::MakeCallConf>(make_call_req("1002", "5553000"));
  const auto b = call_ref(busy_call.new_connection_call_id);
  rig.expect_events({"BEGIN_CALL " + b + " AGENT_OUT from=1002", "CALL_SERVICE_INITIATED " + b + " calling=1002",
                     "CALL_ORIGINATED " + b + " calling=1002 called=5553000",
                     "CALL_DELIVERED " + b + " alerting=5553000 calling=1002", "AGENT_STATE 1002 TALKING"});

  const auto made = rig.confirm<cti::MakeCallConf>(make_call_req("1001", "1002"));
  const auto c = call_ref(made.new_connection_call_id);
  rig.expect_events({"BEGIN_CALL " + c + " AGENT_INSIDE from=1001", "CALL_SERVICE_INITIATED " + c + " calling=1001",
                     "CALL_ORIGINATED " + c + " calling=1001 called=1002",
                     "CALL_FAILED " + c + " failing=1002 cause=CEC_BUSY", "AGENT_STATE 1001 TALKING"});
  const auto dialog = rig.desk().dialog(std::to_string(made.new_connection_call_id));
  ASSERT_TRUE(dialog.has_value());
  EXPECT_EQ(dialog->state, "FAILED");
  ASSERT_FALSE(dialog->participants.empty());
  EXPECT_EQ(dialog->participants[0].media_address, "1001");
  EXPECT_EQ(dialog->participants[0].state, "FAILED");
  EXPECT_EQ(dialog->participants[0].state_cause, "BUSY");
}

}  // namespace
}  // namespace fgw::flows
