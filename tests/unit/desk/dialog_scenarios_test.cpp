// One scenario per table of guide 5.4.4, plus conference and silent monitor: the CTI events of
// the scenario in, the exact Dialog notifications out (whom, method, source, dialog state, every
// participant's state and actions).
#include "desk_support.hpp"

namespace fgw::desk::test {
namespace {

using cti::CallType;
using cti::EventCause;
using V = std::vector<Seen>;

constexpr std::uint32_t kCall = 700;
constexpr std::uint32_t kConsult = 701;
constexpr std::uint32_t kMonitor = 702;

V step(LiveModel& model, const cti::Message& message) { return read_dialogs(model.apply(message)); }

// Inbound table: an outside caller, agent 1001. The caller is no user and hears nothing.
TEST(InboundCall, FollowsTheInboundTable) {
  auto model = model_with_signed_in({"1001"});
  EXPECT_EQ(step(model, begin_call(kCall, kCaller, CallType::AcdIn)), V{});
  EXPECT_EQ(step(model, delivered(kCall, kCaller, "1001")),
            (V{expect("1001", "POST", kCall, "ALERTING", {initiated(kCaller), alerting("1001")})}));
  EXPECT_EQ(step(model, established(kCall, kCaller, "1001")),
            (V{expect("1001", "PUT", kCall, "ACTIVE", {active(kCaller), active("1001")})}));
  EXPECT_EQ(step(model, connection_cleared(kCall, kCaller)),
            (V{expect("1001", "PUT", kCall, "ACTIVE", {dropped(kCaller), active("1001")})}));
  EXPECT_EQ(step(model, connection_cleared(kCall, "1001")),
            (V{expect("1001", "PUT", kCall, "DROPPED", {dropped(kCaller), dropped("1001")})}));
  EXPECT_EQ(step(model, cleared(kCall)),
            (V{expect("1001", "PUT", kCall, "DROPPED", {dropped(kCaller), dropped("1001")})}));
  EXPECT_EQ(step(model, end_call(kCall)),
            (V{expect("1001", "DELETE", kCall, "DROPPED", {dropped(kCaller), dropped("1001")})}));
  EXPECT_TRUE(model.state().calls.empty());
}

// Inbound table note: a caller who is an agent gets the events too.
TEST(InboundCall, ACallerWhoIsAnAgentIsTold) {
  auto model = model_with_signed_in({"1001", "1002"});
  EXPECT_EQ(step(model, begin_call(kCall, "1002", CallType::AgentInside)),
            (V{expect("1002", "POST", kCall, "INITIATING", {initiating("1002")})}));
  EXPECT_EQ(step(model, delivered(kCall, "1002", "1001")),
            (V{expect("1002", "PUT", kCall, "ALERTING", {initiated("1002"), alerting("1001")}),
               expect("1001", "POST", kCall, "ALERTING", {initiated("1002"), alerting("1001")})}));
}

// Outbound table: agent 1001 calls agent 1002.
TEST(OutboundCall, FollowsTheOutboundTable) {
  auto model = model_with_signed_in({"1001", "1002"});
  EXPECT_EQ(step(model, begin_call(kCall, "1001", CallType::AgentInside)),
            (V{expect("1001", "POST", kCall, "INITIATING", {initiating("1001")})}));
  // The table says POST for the off-hook as well; the dialog was already added, so it is a PUT.
  EXPECT_EQ(step(model, service_initiated(kCall, "1001")),
            (V{expect("1001", "PUT", kCall, "INITIATING", {initiating("1001")})}));
  EXPECT_EQ(step(model, originated(kCall, "1001", "1002")),
            (V{expect("1001", "PUT", kCall, "INITIATED", {initiated("1001")})}));
  EXPECT_EQ(step(model, delivered(kCall, "1001", "1002")),
            (V{expect("1001", "PUT", kCall, "ALERTING", {initiated("1001"), alerting("1002")}),
               expect("1002", "POST", kCall, "ALERTING", {initiated("1001"), alerting("1002")})}));
  EXPECT_EQ(step(model, established(kCall, "1001", "1002")),
            (V{expect("1001", "PUT", kCall, "ACTIVE", {active("1001"), active("1002")}),
               expect("1002", "PUT", kCall, "ACTIVE", {active("1001"), active("1002")})}));
  EXPECT_EQ(step(model, connection_cleared(kCall, "1001")),
            (V{expect("1001", "PUT", kCall, "ACTIVE", {dropped("1001"), active("1002")}),
               expect("1002", "PUT", kCall, "ACTIVE", {dropped("1001"), active("1002")})}));
  EXPECT_EQ(step(model, connection_cleared(kCall, "1002")),
            (V{expect("1001", "PUT", kCall, "DROPPED", {dropped("1001"), dropped("1002")}),
               expect("1002", "PUT", kCall, "DROPPED", {dropped("1001"), dropped("1002")})}));
  EXPECT_EQ(step(model, cleared(kCall)).size(), 2u);
  EXPECT_EQ(step(model, end_call(kCall)),
            (V{expect("1001", "DELETE", kCall, "DROPPED", {dropped("1001"), dropped("1002")}),
               expect("1002", "DELETE", kCall, "DROPPED", {dropped("1001"), dropped("1002")})}));
}

// An outside recipient is a participant but hears nothing.
TEST(OutboundCall, AnOutsideRecipientIsAParticipantOnly) {
  auto model = model_with_signed_in({"1001"});
  step(model, begin_call(kCall, "1001", CallType::Out));
  step(model, originated(kCall, "1001", kCaller));
  EXPECT_EQ(step(model, delivered(kCall, "1001", kCaller)),
            (V{expect("1001", "PUT", kCall, "ALERTING", {initiated("1001"), alerting(kCaller)})}));
}

struct FailureCase {
  const char* name;
  EventCause cause;
  const char* state_cause;
};

class OutboundFailure : public testing::TestWithParam<FailureCase> {};

TEST_P(OutboundFailure, TheCallerFailsWithTheCause) {
  auto model = model_with_signed_in({"1001"});
  step(model, begin_call(kCall, "1001", CallType::Out));
  step(model, service_initiated(kCall, "1001"));
  step(model, originated(kCall, "1001", "9999"));
  EXPECT_EQ(step(model, failed(kCall, "1001", "9999", GetParam().cause)),
            (V{expect("1001", "PUT", kCall, "FAILED", {failed_leg("1001", GetParam().state_cause)})}));
}

INSTANTIATE_TEST_SUITE_P(Causes, OutboundFailure,
                         testing::Values(FailureCase{"Busy", EventCause::Busy, "BUSY"},
                                         FailureCase{"BadDestination", EventCause::DestNotObtainable, "BAD_DESTINATION"},
                                         FailureCase{"Other", EventCause::NetworkCongestion, "OTHER"}),
                         [](const auto& info) { return std::string(info.param.name); });

// Hold table: outside caller and agent 1001 on an answered call.
TEST(HoldCall, FollowsTheHoldTable) {
  auto model = model_with_signed_in({"1001"});
  step(model, begin_call(kCall, kCaller, CallType::AcdIn));
  step(model, delivered(kCall, kCaller, "1001"));
  step(model, established(kCall, kCaller, "1001"));
  EXPECT_EQ(step(model, held(kCall, "1001")),
            (V{expect("1001", "PUT", kCall, "ACTIVE", {active(kCaller), held_leg("1001")})}));
  EXPECT_EQ(step(model, held(kCall, kCaller)),
            (V{expect("1001", "PUT", kCall, "ACTIVE", {held_leg(kCaller), held_leg("1001")})}));
  EXPECT_EQ(step(model, retrieved(kCall, "1001")),
            (V{expect("1001", "PUT", kCall, "ACTIVE", {held_leg(kCaller), active("1001")})}));
  EXPECT_EQ(step(model, retrieved(kCall, kCaller)),
            (V{expect("1001", "PUT", kCall, "ACTIVE", {active(kCaller), active("1001")})}));
}

TEST(HoldCall, AnEventForADeviceNotOnTheCallChangesNothing) {
  auto model = model_with_signed_in({"1001"});
  step(model, begin_call(kCall, kCaller, CallType::AcdIn));
  step(model, delivered(kCall, kCaller, "1001"));
  EXPECT_EQ(step(model, held(kCall, "1003")), V{});
  EXPECT_EQ(step(model, held(kCall + 5, "1001")), V{});
}

// Caller, agent A (1001) on kCall; A consults agent B (1002) on kConsult.
void start_consult(LiveModel& model) {
  step(model, begin_call(kCall, kCaller, CallType::AcdIn));
  step(model, delivered(kCall, kCaller, "1001"));
  step(model, established(kCall, kCaller, "1001"));
  EXPECT_EQ(step(model, held(kCall, "1001")),
            (V{expect("1001", "PUT", kCall, "ACTIVE", {active(kCaller), held_leg("1001")})}));
  EXPECT_EQ(step(model, begin_call(kConsult, "1001", CallType::Consult)),
            (V{expect("1001", "POST", kConsult, "INITIATING", {initiating("1001")})}));
  EXPECT_EQ(step(model, service_initiated(kConsult, "1001")),
            (V{expect("1001", "PUT", kConsult, "INITIATING", {initiating("1001")})}));
  EXPECT_EQ(step(model, originated(kConsult, "1001", "1002")),
            (V{expect("1001", "PUT", kConsult, "INITIATED", {initiated("1001")})}));
  EXPECT_EQ(step(model, delivered(kConsult, "1001", "1002")),
            (V{expect("1001", "PUT", kConsult, "ALERTING", {initiated("1001"), alerting("1002")}),
               expect("1002", "POST", kConsult, "ALERTING", {initiated("1001"), alerting("1002")})}));
  // The table PUTs the consult call; A's held leg of the original gains TRANSFER and CONFERENCE
  // now that A is ACTIVE elsewhere, which a PUT of the original tells (7.2.2 "actions").
  EXPECT_EQ(step(model, established(kConsult, "1001", "1002")),
            (V{expect("1001", "PUT", kConsult, "ACTIVE", {active("1001"), active("1002")}),
               expect("1002", "PUT", kConsult, "ACTIVE", {active("1001"), active("1002")}),
               expect("1001", "PUT", kCall, "ACTIVE", {active(kCaller), held_with_active("1001")})}));
}

TEST(ConsultTransfer, FollowsTheTransferTable) {
  auto model = model_with_signed_in({"1001", "1002"});
  start_consult(model);
  const auto transfer =
      join<cti::CallTransferredEvent>(kCall, kConsult, "1001", "1002", {kCaller, "1002"});
  EXPECT_EQ(step(model, transfer),
            (V{expect("1001", "DELETE", kCall, "DROPPED", {active(kCaller), dropped("1001")}),
               expect("1001", "DELETE", kConsult, "DROPPED", {dropped("1001"), dropped("1002")}),
               expect("1002", "DELETE", kConsult, "DROPPED", {dropped("1001"), dropped("1002")}),
               expect("1002", "POST", kCall, "ACTIVE", {active(kCaller), active("1002")})}));
  EXPECT_EQ(step(model, end_call(kConsult)), V{});  // already gone with the transfer
}

TEST(ConsultTransfer, TheReceivingAgentGetsTheOriginalCallData) {
  auto model = model_with_signed_in({"1001", "1002"});
  auto begin = begin_call(kCall, kCaller, CallType::AcdIn);
  begin.call_variables[0] = "account 42";
  model.apply(begin);
  start_consult(model);
  model.apply(join<cti::CallTransferredEvent>(kCall, kConsult, "1001", "1002", {kCaller, "1002"}));
  const auto dialog = model.state().calls.at(kCall).dialog;
  EXPECT_EQ(dialog.media_properties.call_variables.at(0).value, "account 42");
  EXPECT_EQ(dialog.media_properties.call_type, "ACD_IN");
}

TEST(ConsultTransfer, ACallerWhoIsAnAgentGetsTheNewParticipantList) {
  auto model = model_with_signed_in({"1001", "1002", "1003"});
  step(model, begin_call(kCall, "1003", CallType::AgentInside));
  step(model, delivered(kCall, "1003", "1001"));
  step(model, established(kCall, "1003", "1001"));
  step(model, held(kCall, "1001"));
  step(model, begin_call(kConsult, "1001", CallType::Consult));
  step(model, delivered(kConsult, "1001", "1002"));
  step(model, established(kConsult, "1001", "1002"));
  const auto seen = step(model, join<cti::CallTransferredEvent>(kCall, kConsult, "1001", "1002", {"1003", "1002"}));
  EXPECT_EQ(seen.at(3), expect("1003", "PUT", kCall, "ACTIVE", {active("1003"), active("1002")}));
}

// Conference, read like the transfer: the consult call merges into the original.
TEST(ConsultConference, MergesTheConsultIntoTheOriginal) {
  auto model = model_with_signed_in({"1001", "1002"});
  start_consult(model);
  const auto conference =
      join<cti::CallConferencedEvent>(kCall, kConsult, "1001", "1002", {kCaller, "1001", "1002"});
  const std::vector<Leg> everyone{active(kCaller), active("1001"), active("1002")};
  EXPECT_EQ(step(model, conference),
            (V{expect("1001", "DELETE", kConsult, "DROPPED", {dropped("1001"), dropped("1002")}),
               expect("1002", "DELETE", kConsult, "DROPPED", {dropped("1001"), dropped("1002")}),
               expect("1001", "PUT", kCall, "ACTIVE", everyone),
               expect("1002", "POST", kCall, "ACTIVE", everyone)}));
  // A leaves the conference; B and the caller stay.
  EXPECT_EQ(step(model, connection_cleared(kCall, "1001")),
            (V{expect("1001", "PUT", kCall, "ACTIVE", {active(kCaller), dropped("1001"), active("1002")}),
               expect("1002", "PUT", kCall, "ACTIVE", {active(kCaller), dropped("1001"), active("1002")})}));
}

// Supervisor 2001 silently monitors agent 1001, who is on a call with an outside caller.
TEST(SilentMonitor, OnlyTheSupervisorSeesTheMonitorCall) {
  auto model = model_with_signed_in({"1001", "2001"});
  step(model, begin_call(kCall, kCaller, CallType::AcdIn));
  step(model, delivered(kCall, kCaller, "1001"));
  step(model, established(kCall, kCaller, "1001"));
  EXPECT_EQ(step(model, begin_call(kMonitor, "2001", CallType::SupervisorMonitor)),
            (V{expect("2001", "POST", kMonitor, "INITIATING", {initiating("2001")})}));
  EXPECT_EQ(step(model, service_initiated(kMonitor, "2001", EventCause::SupervisorMonitor)),
            (V{expect("2001", "PUT", kMonitor, "INITIATING", {initiating("2001")})}));
  EXPECT_EQ(step(model, originated(kMonitor, "2001", "1001", EventCause::SupervisorMonitor)),
            (V{expect("2001", "PUT", kMonitor, "INITIATED", {initiated("2001")})}));
  EXPECT_EQ(step(model, established(kMonitor, "2001", "1001", EventCause::SupervisorMonitor)),
            (V{expect("2001", "PUT", kMonitor, "ACTIVE", {monitoring("2001"), active("1001")})}));
  EXPECT_EQ(model.state().calls.at(kMonitor).dialog.media_properties.call_type, "SUPERVISOR_MONITOR");
  EXPECT_EQ(step(model, connection_cleared(kMonitor, "2001")),
            (V{expect("2001", "PUT", kMonitor, "ACTIVE", {dropped("2001"), active("1001")})}));
  EXPECT_EQ(step(model, end_call(kMonitor)),
            (V{expect("2001", "DELETE", kMonitor, "DROPPED", {dropped("2001"), dropped("1001")})}));
}

// The Dialog notifications among a step's, which for an agent state event also has User and Team ones.
V dialog_step(LiveModel& model, const cti::Message& message) {
  std::vector<Notification> dialogs;
  for (auto& n : model.apply(message))
    if (n.node.ends_with("/Dialogs")) dialogs.push_back(std::move(n));
  return read_dialogs(dialogs);
}

// The inbound table up to "Agent answers call": 1001 talks to the outside caller on kCall.
void talking_to_outside_caller(LiveModel& model) {
  step(model, begin_call(kCall, kCaller, CallType::AcdIn));
  step(model, delivered(kCall, kCaller, "1001"));
  step(model, established(kCall, kCaller, "1001"));
}

// Then "Caller drops call" up to "Call is cleared", without END_CALL.
void caller_hung_up(LiveModel& model) {
  talking_to_outside_caller(model);
  step(model, connection_cleared(kCall, kCaller));
  step(model, connection_cleared(kCall, "1001"));
  step(model, cleared(kCall));
}

// 5.4.3 WRAP_UP, under a CTI Server that keeps the call until the agent's wrap-up ends
// (finesse-ctisim --wrap-up-keeps-call): after CALL_CLEARED the agent goes to WORK_READY and is a
// WRAP_UP participant who may still set call data; END_CALL then deletes the dialog.
TEST(WrapUp, TheAgentWrapsUpOnACallThatCtiKeeps) {
  auto model = model_with_signed_in({"1001"});
  caller_hung_up(model);
  EXPECT_EQ(dialog_step(model, agent_state("1001", cti::AgentState::WorkReady)),
            (V{expect("1001", "PUT", kCall, "DROPPED", {dropped(kCaller), wrapping_up("1001")})}));
  EXPECT_EQ(model.state().users.at("1001").status.state, "WORK_READY");

  cti::CallDataUpdateEvent update;
  update.connection_call_id = kCall;
  update.call_wrapup_data = "Sold";
  EXPECT_EQ(step(model, update),
            (V{expect("1001", "PUT", kCall, "DROPPED", {dropped(kCaller), wrapping_up("1001")})}));
  EXPECT_EQ(model.state().calls.at(kCall).dialog.media_properties.wrap_up_reason, "Sold");

  EXPECT_EQ(step(model, end_call(kCall)),
            (V{expect("1001", "DELETE", kCall, "DROPPED", {dropped(kCaller), dropped("1001")})}));
  EXPECT_EQ(dialog_step(model, agent_state("1001", cti::AgentState::Available)), V{});
}

// Under a CTI Server that ends the call before the agent's WORK state (the GED-188.md order)
// there is no call left to wrap up on: the 5.4.4 inbound sequence is unchanged.
TEST(WrapUp, NothingToWrapUpWhenTheCallHasEnded) {
  auto model = model_with_signed_in({"1001"});
  caller_hung_up(model);
  step(model, end_call(kCall));
  EXPECT_EQ(dialog_step(model, agent_state("1001", cti::AgentState::WorkNotReady)), V{});
}

// A leg that clears while its agent is already in WORK goes straight to WRAP_UP.
TEST(WrapUp, ALegClearingDuringWorkIsWrapUpAtOnce) {
  auto model = model_with_signed_in({"1001"});
  talking_to_outside_caller(model);
  model.apply(agent_state("1001", cti::AgentState::WorkNotReady));
  EXPECT_EQ(step(model, connection_cleared(kCall, "1001")),
            (V{expect("1001", "PUT", kCall, "ACTIVE", {active(kCaller), wrapping_up("1001")})}));
  EXPECT_EQ(step(model, cleared(kCall)),
            (V{expect("1001", "PUT", kCall, "DROPPED", {dropped(kCaller), wrapping_up("1001")})}));
}

TEST(CallData, AnUpdateKeepsVariablesItDoesNotName) {
  auto model = model_with_signed_in({"1001"});
  auto begin = begin_call(kCall, kCaller, CallType::AcdIn);
  begin.call_variables[0] = "one";
  begin.call_variables[1] = "two";
  begin.named_variables = {{"user.acct", "7"}};
  model.apply(begin);
  model.apply(delivered(kCall, kCaller, "1001"));

  cti::CallDataUpdateEvent update;
  update.connection_call_id = kCall;
  update.call_type = cti::CallType::AcdIn;
  update.call_variables[1] = "";  // an empty string is a value
  update.named_arrays = {{2, "user.years", "2005"}};
  update.call_wrapup_data = "sold";
  const auto seen = step(model, update);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].method, "PUT");

  const auto& properties = model.state().calls.at(kCall).dialog.media_properties;
  ASSERT_EQ(properties.call_variables.size(), 12u);
  EXPECT_EQ(properties.call_variables[0], (xml::CallVariable{"callVariable1", "one"}));
  EXPECT_EQ(properties.call_variables[1], (xml::CallVariable{"callVariable2", ""}));
  EXPECT_EQ(properties.call_variables[9], (xml::CallVariable{"callVariable10", ""}));
  EXPECT_EQ(properties.call_variables[10], (xml::CallVariable{"user.acct", "7"}));
  EXPECT_EQ(properties.call_variables[11], (xml::CallVariable{"user.years[2]", "2005"}));
  EXPECT_EQ(properties.wrap_up_reason, "sold");

  EXPECT_EQ(step(model, update), V{}) << "3.2.3: nothing is published when no value changed";
}

}  // namespace
}  // namespace fgw::desk::test
