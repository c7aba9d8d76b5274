// Guide 5.4.4 inbound table, routing to the longest-READY agent, and 5.4.5 wrap-up.
#include "unit/ctisim/world_fixture.hpp"

namespace fgw::ctisim::test {
namespace {

using cti::ControlFailureCode;
using cti::LocalConnectionState;
using namespace std::chrono_literals;

TEST_F(WorldTest, InboundCallThroughRoutePointFollowsTheGuideSequence) {
  login("1001", "1001");
  ready("1001");
  const auto id = place("6000");
  // GED-188.md 5.2: BEGIN_CALL, then the RESERVED agent state just before the delivery.
  EXPECT_EQ(types(last_.outcome.events),
            (std::vector{MessageType::BeginCallEvent, MessageType::AgentStateEvent,
                         MessageType::CallDeliveredEvent}));
  EXPECT_EQ(agent_states(last_.outcome.events, "1001"), (std::vector{AgentState::Reserved}));
  const auto& begin = only<cti::BeginCallEvent>(last_.outcome.events);
  EXPECT_EQ(begin.connection_call_id, id);
  EXPECT_EQ(begin.call_type, cti::CallType::AcdIn);
  EXPECT_EQ(begin.call_variables[0], "v1");
  ASSERT_EQ(begin.named_variables.size(), 1u);
  EXPECT_EQ(begin.named_variables[0].name, "user.acct");
  const auto& delivered = only<cti::CallDeliveredEvent>(last_.outcome.events);
  EXPECT_EQ(delivered.local_connection_state, LocalConnectionState::Alerting);
  EXPECT_EQ(delivered.alerting_device_id, "1001");
  EXPECT_EQ(delivered.calling_device_id, "5551000");
  EXPECT_EQ(delivered.called_device_id, "6000");
  EXPECT_EQ(delivered.dnis, "6000");

  auto out = answer(id, "1001");
  EXPECT_TRUE(replied<cti::AnswerCallConf>(out));
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallEstablishedEvent, MessageType::AgentStateEvent}));
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::Talking}));
  EXPECT_EQ(only<cti::CallEstablishedEvent>(out.events).answering_device_id, "1001");

  // Caller drops: CONNECTION_CLEARED (caller), CONNECTION_CLEARED (agent), CLEARED, END_CALL.
  const auto hangup = world_.hang_up_outside(id);
  ASSERT_EQ(hangup.error, ControlError::None);
  EXPECT_EQ(types(hangup.outcome.events),
            (std::vector{MessageType::CallConnectionClearedEvent,
                         MessageType::CallConnectionClearedEvent, MessageType::CallClearedEvent,
                         MessageType::EndCallEvent, MessageType::AgentStateEvent}));
  EXPECT_EQ(std::get<cti::CallConnectionClearedEvent>(hangup.outcome.events[0]).device_id,
            "5551000");
  EXPECT_EQ(std::get<cti::CallConnectionClearedEvent>(hangup.outcome.events[1]).device_id, "1001");
  EXPECT_EQ(agent_states(hangup.outcome.events, "1001"), (std::vector{AgentState::WorkReady}));
  EXPECT_TRUE(world_.calls().empty());
}

TEST_F(WorldTest, RoutePointPicksTheLongestReadyAgent) {
  login("1001", "1001");
  login("1002", "1002");
  ready("1002");
  ready("1001");
  place("6000");
  EXPECT_EQ(only<cti::CallDeliveredEvent>(last_.outcome.events).alerting_device_id, "1002");
  EXPECT_EQ(state_of("1002"), AgentState::Reserved);
  place("6000");
  EXPECT_EQ(only<cti::CallDeliveredEvent>(last_.outcome.events).alerting_device_id, "1001");
}

TEST_F(WorldTest, CallWaitsInQueueUntilAnAgentIsReady) {
  login("1001", "1001");
  const auto id = place("6000");
  EXPECT_TRUE(last_.outcome.events.empty());  // the queue is outside the PG's view
  ASSERT_TRUE(world_.calls().at(id).queued_at.has_value());

  auto out = set_state("1001", AgentState::Available);
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::AgentStateEvent, MessageType::BeginCallEvent,
                         MessageType::AgentStateEvent, MessageType::CallDeliveredEvent}));
  EXPECT_EQ(agent_states(out.events, "1001"),
            (std::vector{AgentState::Available, AgentState::Reserved}));
  EXPECT_FALSE(world_.calls().at(id).queued_at.has_value());
}

TEST_F(WorldTest, QueuedCallsAreServedInArrivalOrder) {
  login("1001", "1001");
  const auto first = place("6000");
  place("6000");
  auto out = set_state("1001", AgentState::Available);
  EXPECT_EQ(only<cti::CallDeliveredEvent>(out.events).call.connection_call_id, first);
}

TEST_F(WorldTest, AbandonedInQueueLeavesNoTrace) {
  login("1001", "1001");
  const auto id = place("6000");
  const auto hangup = world_.hang_up_outside(id);
  EXPECT_EQ(hangup.error, ControlError::None);
  EXPECT_TRUE(hangup.outcome.events.empty());
  EXPECT_TRUE(world_.calls().empty());
}

TEST_F(WorldTest, CallerHangsUpWhileRingingReturnsAgentToReadyWithoutWrapUp) {
  login("1001", "1001");
  ready("1001");
  const auto id = place("6000");
  const auto hangup = world_.hang_up_outside(id);
  EXPECT_EQ(agent_states(hangup.outcome.events, "1001"), (std::vector{AgentState::Available}));
  EXPECT_TRUE(hangup.outcome.timers.empty());
}

TEST_F(WorldTest, DirectCallToNotReadyAgentRingsWithoutReservation) {
  login("1001", "1001");
  place("1001");
  EXPECT_EQ(types(last_.outcome.events),
            (std::vector{MessageType::BeginCallEvent, MessageType::CallDeliveredEvent}));
  EXPECT_EQ(only<cti::BeginCallEvent>(last_.outcome.events).call_type, cti::CallType::OtherIn);
}

TEST_F(WorldTest, ControlApiRejectsBadCalls) {
  InboundCall call;
  call.from = "5551000";
  call.to = "1001";
  EXPECT_EQ(world_.place_call(call).error, ControlError::Conflict);  // nobody signed in
  call.to = "777";
  EXPECT_EQ(world_.place_call(call).error, ControlError::NotFound);
  call.to = "6000";
  call.from = "not a number";
  EXPECT_EQ(world_.place_call(call).error, ControlError::BadRequest);
  EXPECT_EQ(world_.answer_outside(4242).error, ControlError::NotFound);
  EXPECT_EQ(world_.hang_up_outside(4242).error, ControlError::NotFound);
}

TEST_F(WorldTest, WrapUpAfterReadyEndsInReady) {
  login("1001", "1001");
  ready("1001");
  const auto id = place("6000");
  answer(id, "1001");
  auto out = drop(id, "1001");
  EXPECT_TRUE(replied<cti::ClearConnectionConf>(out));
  // Agent drops: its own leg, then the caller's, then the call (guide 5.4.4, GED-188.md 5.7).
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallConnectionClearedEvent,
                         MessageType::CallConnectionClearedEvent, MessageType::CallClearedEvent,
                         MessageType::EndCallEvent, MessageType::AgentStateEvent}));
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::WorkReady}));
  ASSERT_EQ(out.timers.size(), 1u);
  const auto ended = world_.end_wrap_up("1001", out.timers[0].token);
  EXPECT_EQ(agent_states(ended.events, "1001"), (std::vector{AgentState::Available}));
}

TEST_F(WorldTest, WrapUpAfterNotReadyEndsInNotReadyWithItsReason) {
  login("1001", "1001");
  set_state("1001", AgentState::NotReady, 21);
  const auto id = place("1001");
  answer(id, "1001");
  auto out = world_.hang_up_outside(id).outcome;
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::WorkNotReady}));
  const auto ended = world_.end_wrap_up("1001", out.timers.at(0).token);
  ASSERT_EQ(agent_states(ended.events, "1001"), (std::vector{AgentState::NotReady}));
  EXPECT_EQ(std::get<cti::AgentStateEvent>(ended.events.back()).event_reason_code, 21);
}

TEST_F(WorldTest, StateChosenWhileTalkingDecidesTheWrapUp) {
  login("1001", "1001");
  ready("1001");
  const auto id = place("6000");
  answer(id, "1001");
  auto out = set_state("1001", AgentState::NotReady, 5);
  EXPECT_TRUE(replied<cti::SetAgentStateConf>(out));
  ASSERT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::Talking}));
  EXPECT_EQ(std::get<cti::AgentStateEvent>(out.events.back()).next_agent_state,
            AgentState::NotReady);
  out = world_.hang_up_outside(id).outcome;
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::WorkNotReady}));
  out = world_.end_wrap_up("1001", out.timers.at(0).token);
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::NotReady}));
}

TEST_F(WorldTest, ReadyDuringWrapUpEndsItAndStalesTheTimer) {
  login("1001", "1001");
  const auto id = place("1001");
  answer(id, "1001");
  const auto timers = world_.hang_up_outside(id).outcome.timers;
  ASSERT_EQ(state_of("1001"), AgentState::WorkNotReady);
  auto out = set_state("1001", AgentState::Available);
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::Available}));
  EXPECT_TRUE(world_.end_wrap_up("1001", timers.at(0).token).events.empty());
  EXPECT_EQ(state_of("1001"), AgentState::Available);
}

TEST_F(WorldTest, WrapUpEndingInReadyServesTheQueue) {
  login("1001", "1001");
  ready("1001");
  const auto first = place("6000");
  answer(first, "1001");
  place("6000");  // waits: the only agent is talking
  const auto timers = world_.hang_up_outside(first).outcome.timers;
  const auto out = world_.end_wrap_up("1001", timers.at(0).token);
  EXPECT_EQ(agent_states(out.events, "1001"),
            (std::vector{AgentState::Available, AgentState::Reserved}));
  EXPECT_EQ(only<cti::CallDeliveredEvent>(out.events).alerting_device_id, "1001");
}

class NoWrapUpTest : public WorldTest {
 protected:
  NoWrapUpTest() : WorldTest(0s) {}
};

TEST_F(NoWrapUpTest, AgentReturnsStraightToReady) {
  login("1001", "1001");
  ready("1001");
  const auto id = place("6000");
  answer(id, "1001");
  const auto out = world_.hang_up_outside(id).outcome;
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::Available}));
  EXPECT_TRUE(out.timers.empty());
}

TEST_F(WorldTest, AnswerFailures) {
  login("1001", "1001");
  const auto id = place("1001");
  EXPECT_TRUE(control_failed(answer(id + 50, "1001"), ControlFailureCode::InvalidCstaCallIdentifier));
  EXPECT_TRUE(control_failed(answer(id, "1002"),
                             ControlFailureCode::InvalidCstaConnectionIdentifier));
  answer(id, "1001");
  EXPECT_TRUE(control_failed(answer(id, "1001"), ControlFailureCode::NoCallToAnswer));
}

TEST_F(WorldTest, AnswerWithUnknownCallIdPicksTheAlertingCall) {
  login("1001", "1001");
  const auto id = place("1001");
  auto out = answer(0xFFFFFFFF, "1001");
  EXPECT_TRUE(replied<cti::AnswerCallConf>(out));
  EXPECT_EQ(only<cti::CallEstablishedEvent>(out.events).call.connection_call_id, id);
}

TEST_F(WorldTest, LogoutWhileOnACallIsRefused) {
  login("1001", "1001");
  const auto id = place("1001");
  answer(id, "1001");
  EXPECT_TRUE(control_failed(set_state("1001", AgentState::Logout),
                             ControlFailureCode::InvalidObjectState));
}

}  // namespace
}  // namespace fgw::ctisim::test

namespace fgw::ctisim::test {
namespace {

TEST_F(WorldTest, AgentCallToRoutePointWaitsAnnouncedAndClearsNormally) {
  login("1001", "1001");
  cti::MakeCallReq req;
  req.invoke_id = 1;
  req.peripheral_id = kPeripheral;
  req.agent_instrument = "1001";
  req.dialed_number = "6000";
  auto out = request(req);
  const auto id = std::get<cti::MakeCallConf>(*out.reply).new_connection_call_id;
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::BeginCallEvent, MessageType::CallServiceInitiatedEvent,
                         MessageType::CallOriginatedEvent, MessageType::AgentStateEvent}));
  // No outside party to hang up: the control API refuses, the call stays.
  EXPECT_EQ(world_.hang_up_outside(id).error, ControlError::Conflict);
  ASSERT_EQ(world_.calls().count(id), 1u);
  out = drop(id, "1001");
  EXPECT_EQ(types(out.events),
            (std::vector{MessageType::CallConnectionClearedEvent, MessageType::CallClearedEvent,
                         MessageType::EndCallEvent, MessageType::AgentStateEvent}));
  EXPECT_TRUE(world_.calls().empty());
}

TEST_F(WorldTest, AnswerWithNoRingingCallIsNoCallToAnswer) {
  login("1001", "1001");
  EXPECT_TRUE(control_failed(answer(0xFFFFFFFF, "1001"), cti::ControlFailureCode::NoCallToAnswer));
}

}  // namespace
}  // namespace fgw::ctisim::test

// WorldOptions::wrap_up_keeps_call: the PG keeps a cleared call through its agent's wrap-up.
namespace fgw::ctisim::test {
namespace {

class WrapUpKeepsCallTest : public WorldTest {
 protected:
  WrapUpKeepsCallTest() : WorldTest(std::chrono::seconds(30), true) {}

  std::uint32_t talked_and_hung_up(Outcome& hangup) {
    login("1001", "1001");
    ready("1001");
    const auto id = place("6000");
    answer(id, "1001");
    hangup = world_.hang_up_outside(id).outcome;
    return id;
  }

  Outcome set_wrap_up_reason(std::uint32_t id, const std::string& reason) {
    cti::SetCallDataReq req;
    req.invoke_id = 90;
    req.peripheral_id = kPeripheral;
    req.connection_call_id = id;
    req.call_wrapup_data = reason;
    return request(req);
  }
};

TEST_F(WrapUpKeepsCallTest, EndCallWaitsForTheEndOfWrapUp) {
  Outcome hangup;
  const auto id = talked_and_hung_up(hangup);
  EXPECT_EQ(types(hangup.events),
            (std::vector{MessageType::CallConnectionClearedEvent, MessageType::CallConnectionClearedEvent,
                         MessageType::CallClearedEvent, MessageType::AgentStateEvent}));
  EXPECT_EQ(agent_states(hangup.events, "1001"), (std::vector{AgentState::WorkReady}));
  ASSERT_TRUE(world_.calls().count(id));
  EXPECT_TRUE(world_.calls().at(id).parties.empty());  // on no device: the agent's state is its own

  const auto ended = world_.end_wrap_up("1001", hangup.timers.at(0).token);
  EXPECT_EQ(types(ended.events), (std::vector{MessageType::EndCallEvent, MessageType::AgentStateEvent}));
  EXPECT_EQ(only<cti::EndCallEvent>(ended.events).call.connection_call_id, id);
  EXPECT_EQ(agent_states(ended.events, "1001"), (std::vector{AgentState::Available}));
  EXPECT_TRUE(world_.calls().empty());
}

TEST_F(WrapUpKeepsCallTest, WrapUpReasonCanBeSetOnTheHeldCall) {
  Outcome hangup;
  const auto id = talked_and_hung_up(hangup);
  const auto out = set_wrap_up_reason(id, "Sold");
  EXPECT_TRUE(replied<cti::SetCallDataConf>(out));
  EXPECT_EQ(only<cti::CallDataUpdateEvent>(out.events).call_wrapup_data, "Sold");
}

TEST_F(WrapUpKeepsCallTest, ReadyDuringWrapUpEndsTheCallFirst) {
  Outcome hangup;
  const auto id = talked_and_hung_up(hangup);
  const auto out = set_state("1001", AgentState::NotReady, 3);
  EXPECT_EQ(types(out.events), (std::vector{MessageType::EndCallEvent, MessageType::AgentStateEvent}));
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::NotReady}));
  EXPECT_FALSE(world_.calls().count(id));
  EXPECT_TRUE(failed(set_wrap_up_reason(id, "late"), cti::FailureStatus::InvalidCallid));
}

TEST_F(WrapUpKeepsCallTest, SignOutDuringWrapUpEndsTheCall) {
  Outcome hangup;
  const auto id = talked_and_hung_up(hangup);
  const auto out = set_state("1001", AgentState::Logout);
  EXPECT_TRUE(replied<cti::SetAgentStateConf>(out));
  EXPECT_EQ(only<cti::EndCallEvent>(out.events).call.connection_call_id, id);
  EXPECT_TRUE(world_.calls().empty());
}

TEST_F(WrapUpKeepsCallTest, ACallNobodyTalkedOnEndsAtOnce) {
  login("1001", "1001");
  ready("1001");
  const auto id = place("6000");
  const auto hangup = world_.hang_up_outside(id).outcome;  // still ringing: no wrap-up
  EXPECT_EQ(types(hangup.events).back(), MessageType::AgentStateEvent);
  EXPECT_EQ(only<cti::EndCallEvent>(hangup.events).call.connection_call_id, id);
  EXPECT_TRUE(world_.calls().empty());
}

class WrapUpKeepsCallWithoutWrapUpTest : public WorldTest {
 protected:
  WrapUpKeepsCallWithoutWrapUpTest() : WorldTest(std::chrono::seconds(0), true) {}
};

TEST_F(WrapUpKeepsCallWithoutWrapUpTest, NoWrapUpTimeMeansNoHeldCall) {
  login("1001", "1001");
  const auto id = place("1001");
  answer(id, "1001");
  const auto hangup = world_.hang_up_outside(id).outcome;
  EXPECT_EQ(only<cti::EndCallEvent>(hangup.events).call.connection_call_id, id);
  EXPECT_TRUE(world_.calls().empty());
}

}  // namespace
}  // namespace fgw::ctisim::test
