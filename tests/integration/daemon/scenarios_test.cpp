// One story per table of guide 5.4.4 (incoming call, outgoing call, hold, consult and transfer),
// plus conference and silent monitor, through the whole gateway: REST over HTTP for the agents,
// the simulator's control API for the outside caller, real GED-188 between them. Each asserts
// the exact sequence of Dialog notifications (whom, event method, source, dialog state, every
// participant's state and actions), the User states, and the requestId of each REST request in
// the notification it causes.
#include "scenario_rig.hpp"

namespace fgw::testing {
namespace {

using desk::test::active;
using desk::test::alerting;
using desk::test::dropped;
using desk::test::expect;
using desk::test::held_leg;
using desk::test::held_with_active;
using desk::test::initiated;
using desk::test::initiating;
using desk::test::kCaller;
using desk::test::monitoring;
using desk::test::wrapping_up;
using V = std::vector<desk::test::Seen>;
using U = std::vector<SeenUser>;

std::uint32_t id_of(const std::string& text) { return static_cast<std::uint32_t>(std::stoul(text)); }

std::string action(const std::string& name, const std::string& target) {
  return "<requestedAction>" + name + "</requestedAction><targetMediaAddress>" + target + "</targetMediaAddress>";
}

std::string request_id_of(const desk::Notification& n) {
  pugi::xml_document doc;
  doc.load_string(n.payload_xml.c_str());
  return doc.child("Update").child("requestId").text().get();
}

// 1001 signs in, goes READY, and answers a call from outside over REST (its two Dialog
// notifications consumed). Returns the call's dialog id.
std::uint32_t call_answered_by_1001(ScenarioRig& rig) {
  rig.sign_in("1001", kCredentials1001);
  rig.make_ready("1001", kCredentials1001);
  const auto call = id_of(rig.call_from_outside("1001"));
  rig.next_dialogs(1);
  rig.put_dialog(std::to_string(call), kCredentials1001, action("ANSWER", "1001"));
  rig.next_dialogs(1);
  return call;
}

// 1001 READY takes a call from outside, answers it over REST, and the caller hangs up.
TEST(Scenarios, IncomingCallFollowsTheInboundTable) {
  ScenarioRig rig;
  rig.sign_in("1001", kCredentials1001);
  rig.make_ready("1001", kCredentials1001);
  const auto call = id_of(rig.call_from_outside("1001"));

  EXPECT_EQ(rig.next_dialogs(1), (V{expect("1001", "POST", call, "ALERTING", {initiated(kCaller), alerting("1001")})}));
  EXPECT_EQ(rig.next_users(1), (U{{"1001", "RESERVED", ""}}));

  rig.put_dialog(std::to_string(call), kCredentials1001, action("ANSWER", "1001"), "answer-1");
  const auto answered = rig.next_dialog_notifications(1);
  ASSERT_EQ(answered.size(), 1u);
  EXPECT_EQ(desk::test::read_dialog_notification(answered[0]),
            expect("1001", "PUT", call, "ACTIVE", {active(kCaller), active("1001")}));
  EXPECT_EQ(request_id_of(answered[0]), "answer-1");
  EXPECT_EQ(rig.next_users(1), (U{{"1001", "TALKING", ""}}));

  ASSERT_EQ(rig.control("/calls/" + std::to_string(call) + "/hangup").status, 200);
  EXPECT_EQ(rig.next_dialogs(4),
            (V{expect("1001", "PUT", call, "ACTIVE", {dropped(kCaller), active("1001")}),
               expect("1001", "PUT", call, "DROPPED", {dropped(kCaller), dropped("1001")}),
               expect("1001", "PUT", call, "DROPPED", {dropped(kCaller), dropped("1001")}),
               expect("1001", "DELETE", call, "DROPPED", {dropped(kCaller), dropped("1001")})}));
  EXPECT_EQ(rig.next_users(1), (U{{"1001", "READY", ""}}));
}

// 1001 (NOT_READY) calls 1002 over REST; 1002 answers; 1001 drops.
TEST(Scenarios, OutgoingCallFollowsTheOutboundTable) {
  ScenarioRig rig;
  rig.sign_in("1001", kCredentials1001);
  rig.sign_in("1002", kCredentials1002);
  const auto r = rig.rest("POST", "/finesse/api/User/1001/Dialogs", kCredentials1001,
                          "<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>1001</fromAddress>"
                          "<toAddress>1002</toAddress></Dialog>",
                          "dial-1");
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.header("requestId"), "dial-1");

  const auto created = rig.next_dialog_notifications(1);
  ASSERT_EQ(created.size(), 1u);
  const auto call = id_of(desk::test::read_dialog_notification(created[0]).dialog_id);
  EXPECT_EQ(desk::test::read_dialog_notification(created[0]),
            expect("1001", "POST", call, "INITIATING", {initiating("1001")}));
  EXPECT_EQ(request_id_of(created[0]), "dial-1");
  EXPECT_EQ(rig.next_dialogs(4),
            (V{expect("1001", "PUT", call, "INITIATING", {initiating("1001")}),
               expect("1001", "PUT", call, "INITIATED", {initiated("1001")}),
               expect("1001", "PUT", call, "ALERTING", {initiated("1001"), alerting("1002")}),
               expect("1002", "POST", call, "ALERTING", {initiated("1001"), alerting("1002")})}));

  rig.put_dialog(std::to_string(call), kCredentials1002, action("ANSWER", "1002"));
  EXPECT_EQ(rig.next_dialogs(2), (V{expect("1001", "PUT", call, "ACTIVE", {active("1001"), active("1002")}),
                                    expect("1002", "PUT", call, "ACTIVE", {active("1001"), active("1002")})}));

  rig.put_dialog(std::to_string(call), kCredentials1001, action("DROP", "1001"));
  const auto after_drop = rig.next_dialogs(2);
  EXPECT_EQ(after_drop, (V{expect("1001", "PUT", call, "ACTIVE", {dropped("1001"), active("1002")}),
                           expect("1002", "PUT", call, "ACTIVE", {dropped("1001"), active("1002")})}));
}

// 1001 holds and retrieves an answered call over REST.
TEST(Scenarios, HoldAndRetrieveFollowTheHoldTable) {
  ScenarioRig rig;
  const auto call = call_answered_by_1001(rig);

  rig.put_dialog(std::to_string(call), kCredentials1001, action("HOLD", "1001"), "hold-1");
  const auto on_hold = rig.next_dialog_notifications(1);
  ASSERT_EQ(on_hold.size(), 1u);
  EXPECT_EQ(desk::test::read_dialog_notification(on_hold[0]),
            expect("1001", "PUT", call, "ACTIVE", {active(kCaller), held_leg("1001")}));
  EXPECT_EQ(request_id_of(on_hold[0]), "hold-1");
  rig.put_dialog(std::to_string(call), kCredentials1001, action("RETRIEVE", "1001"));
  EXPECT_EQ(rig.next_dialogs(1), (V{expect("1001", "PUT", call, "ACTIVE", {active(kCaller), active("1001")})}));
  // A call operation's requestId goes to the Dialogs node only; the User state it causes is CTI's.
  EXPECT_EQ(rig.next_users(4), (U{{"1001", "RESERVED", ""}, {"1001", "TALKING", ""}, {"1001", "HOLD", ""},
                                  {"1001", "TALKING", ""}}));
}

// Caller on 1001, who answered over REST; 1001 consults 1002 over REST and 1002 answers.
// Returns {original call, consult call}.
std::pair<std::uint32_t, std::uint32_t> consult_answered_by_1002(ScenarioRig& rig) {
  rig.sign_in("1002", kCredentials1002);
  const auto call = call_answered_by_1001(rig);

  rig.put_dialog(std::to_string(call), kCredentials1001,
                 action("CONSULT_CALL", "1001") + "<toAddress>1002</toAddress>", "consult-1");
  const auto held = rig.next_dialog_notifications(2);
  if (held.size() != 2u) {
    ADD_FAILURE() << "the consult did not start";
    return {call, 0};
  }
  EXPECT_EQ(desk::test::read_dialog_notification(held[0]),
            expect("1001", "PUT", call, "ACTIVE", {active(kCaller), held_leg("1001")}));
  EXPECT_EQ(request_id_of(held[0]), "consult-1");
  const auto consult_seen = desk::test::read_dialog_notification(held[1]);
  const auto consult = id_of(consult_seen.dialog_id);
  EXPECT_NE(consult, call);
  EXPECT_EQ(consult_seen, expect("1001", "POST", consult, "INITIATING", {initiating("1001")}));
  EXPECT_EQ(rig.next_dialogs(4),
            (V{expect("1001", "PUT", consult, "INITIATING", {initiating("1001")}),
               expect("1001", "PUT", consult, "INITIATED", {initiated("1001")}),
               expect("1001", "PUT", consult, "ALERTING", {initiated("1001"), alerting("1002")}),
               expect("1002", "POST", consult, "ALERTING", {initiated("1001"), alerting("1002")})}));

  rig.put_dialog(std::to_string(consult), kCredentials1002, action("ANSWER", "1002"));
  // 1001 is ACTIVE on the consult, so the held leg of the original may now be transferred or
  // conferenced, which a PUT of the original tells (7.2.2 "actions").
  EXPECT_EQ(rig.next_dialogs(3),
            (V{expect("1001", "PUT", consult, "ACTIVE", {active("1001"), active("1002")}),
               expect("1002", "PUT", consult, "ACTIVE", {active("1001"), active("1002")}),
               expect("1001", "PUT", call, "ACTIVE", {active(kCaller), held_with_active("1001")})}));
  return {call, consult};
}

TEST(Scenarios, ConsultAndTransferFollowTheTransferTable) {
  ScenarioRig rig;
  const auto [call, consult] = consult_answered_by_1002(rig);
  ASSERT_NE(consult, 0u);

  rig.put_dialog(std::to_string(call), kCredentials1001, action("TRANSFER", "1001"), "transfer-1");
  const auto transferred = rig.next_dialog_notifications(4);
  EXPECT_EQ(desk::test::read_dialogs(transferred),
            (V{expect("1001", "DELETE", call, "DROPPED", {active(kCaller), dropped("1001")}),
               expect("1001", "DELETE", consult, "DROPPED", {dropped("1001"), dropped("1002")}),
               expect("1002", "DELETE", consult, "DROPPED", {dropped("1001"), dropped("1002")}),
               expect("1002", "POST", call, "ACTIVE", {active(kCaller), active("1002")})}));
  ASSERT_FALSE(transferred.empty());
  EXPECT_EQ(request_id_of(transferred[0]), "transfer-1");
}

TEST(Scenarios, ConsultAndConferenceJoinEveryoneOnTheOriginalCall) {
  ScenarioRig rig;
  const auto [call, consult] = consult_answered_by_1002(rig);
  ASSERT_NE(consult, 0u);

  rig.put_dialog(std::to_string(call), kCredentials1001, action("CONFERENCE", "1001"), "conference-1");
  const std::vector<desk::test::Leg> everyone{active(kCaller), active("1001"), active("1002")};
  const auto conferenced = rig.next_dialog_notifications(4);
  EXPECT_EQ(desk::test::read_dialogs(conferenced),
            (V{expect("1001", "DELETE", consult, "DROPPED", {dropped("1001"), dropped("1002")}),
               expect("1002", "DELETE", consult, "DROPPED", {dropped("1001"), dropped("1002")}),
               expect("1001", "PUT", call, "ACTIVE", everyone), expect("1002", "POST", call, "ACTIVE", everyone)}));
  ASSERT_FALSE(conferenced.empty());
  EXPECT_EQ(request_id_of(conferenced[0]), "conference-1");
}

// Supervisor 2001 silently monitors 1001's call over REST, then ends it (3.2.6, 3.2.7). The
// monitored agent is never told.
TEST(Scenarios, SilentMonitorIsSeenByTheSupervisorOnly) {
  ScenarioRig rig;
  rig.sign_in("2001", kCredentials2001);
  const auto call = call_answered_by_1001(rig);
  // 3.2.6 checks that the agent is TALKING, which CTI reports apart from the dialog change.
  EXPECT_EQ(rig.next_users(2), (U{{"1001", "RESERVED", ""}, {"1001", "TALKING", ""}}));

  const auto r = rig.rest("POST", "/finesse/api/User/2001/Dialogs", kCredentials2001,
                          "<Dialog><requestedAction>SILENT_MONITOR</requestedAction><fromAddress>2001</fromAddress>"
                          "<toAddress>1001</toAddress></Dialog>",
                          "monitor-1");
  ASSERT_EQ(r.status, 202) << r.body;
  const auto started = rig.next_dialog_notifications(4);
  ASSERT_EQ(started.size(), 4u);
  const auto monitor = id_of(desk::test::read_dialog_notification(started[0]).dialog_id);
  EXPECT_EQ(desk::test::read_dialogs(started),
            (V{expect("2001", "POST", monitor, "INITIATING", {initiating("2001")}),
               expect("2001", "PUT", monitor, "INITIATING", {initiating("2001")}),
               expect("2001", "PUT", monitor, "INITIATED", {initiated("2001")}),
               expect("2001", "PUT", monitor, "ACTIVE", {monitoring("2001"), active("1001")})}));
  EXPECT_EQ(request_id_of(started[0]), "monitor-1");

  rig.put_dialog(std::to_string(monitor), kCredentials2001, action("DROP", "2001"), "unmonitor-1");
  const auto ended = rig.next_dialog_notifications(4);
  EXPECT_EQ(desk::test::read_dialogs(ended),
            (V{expect("2001", "PUT", monitor, "ACTIVE", {dropped("2001"), active("1001")}),
               expect("2001", "PUT", monitor, "DROPPED", {dropped("2001"), dropped("1001")}),
               expect("2001", "PUT", monitor, "DROPPED", {dropped("2001"), dropped("1001")}),
               expect("2001", "DELETE", monitor, "DROPPED", {dropped("2001"), dropped("1001")})}));
  ASSERT_FALSE(ended.empty());
  EXPECT_EQ(request_id_of(ended[0]), "unmonitor-1");
  // The monitored call goes on, untouched.
  rig.put_dialog(std::to_string(call), kCredentials1001, action("HOLD", "1001"));
  EXPECT_EQ(rig.next_dialogs(1), (V{expect("1001", "PUT", call, "ACTIVE", {active(kCaller), held_leg("1001")})}));
}

// UPDATE_CALL_DATA over REST: CTI's CALL_DATA_UPDATE comes back as a PUT of the dialog with the
// new values, the others kept (DECISIONS.md 15).
TEST(Scenarios, UpdateCallDataComesBackAsADialogPut) {
  ScenarioRig rig;
  const auto call = std::to_string(call_answered_by_1001(rig));

  rig.put_dialog(call, kCredentials1001,
                 "<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Sold"
                 "</wrapUpReason><callvariables><CallVariable><name>callVariable2</name><value>gold</value>"
                 "</CallVariable></callvariables></mediaProperties>",
                 "data-1");
  const auto updated = rig.next_dialog_notifications(1);
  ASSERT_EQ(updated.size(), 1u);
  EXPECT_EQ(updated[0].event_method, "PUT");
  EXPECT_EQ(request_id_of(updated[0]), "data-1");
  const auto dialog = rig.rest("GET", "/finesse/api/Dialog/" + call, kCredentials1001);
  EXPECT_NE(dialog.body.find("<wrapUpReason>Sold</wrapUpReason>"), std::string::npos) << dialog.body;
  EXPECT_NE(dialog.body.find("<name>callVariable2</name><value>gold</value>"), std::string::npos) << dialog.body;
}

// 5.4.3 WRAP_UP: with a CTI Server that keeps the call through the agent's wrap-up, the agent is
// a WRAP_UP participant after the caller hangs up, may still set the wrap-up reason, and the
// dialog is deleted when the agent leaves WORK_READY.
TEST(Scenarios, TheAgentWrapsUpOnTheCallAndSetsAWrapUpReason) {
  ScenarioRig rig(/*wrap_up_s=*/600, /*wrap_up_keeps_call=*/true);
  const auto call = call_answered_by_1001(rig);
  EXPECT_EQ(rig.next_users(2), (U{{"1001", "RESERVED", ""}, {"1001", "TALKING", ""}}));

  ASSERT_EQ(rig.control("/calls/" + std::to_string(call) + "/hangup").status, 200);
  EXPECT_EQ(rig.next_dialogs(4),
            (V{expect("1001", "PUT", call, "ACTIVE", {dropped(kCaller), active("1001")}),
               expect("1001", "PUT", call, "DROPPED", {dropped(kCaller), dropped("1001")}),
               expect("1001", "PUT", call, "DROPPED", {dropped(kCaller), dropped("1001")}),
               expect("1001", "PUT", call, "DROPPED", {dropped(kCaller), wrapping_up("1001")})}));
  EXPECT_EQ(rig.next_users(1), (U{{"1001", "WORK_READY", ""}}));

  rig.put_dialog(std::to_string(call), kCredentials1001,
                 "<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Sold"
                 "</wrapUpReason></mediaProperties>",
                 "wrap-1");
  const auto updated = rig.next_dialog_notifications(1);
  ASSERT_EQ(updated.size(), 1u);
  EXPECT_EQ(desk::test::read_dialog_notification(updated[0]),
            expect("1001", "PUT", call, "DROPPED", {dropped(kCaller), wrapping_up("1001")}));
  EXPECT_EQ(request_id_of(updated[0]), "wrap-1");
  const auto dialog = rig.rest("GET", "/finesse/api/Dialog/" + std::to_string(call), kCredentials1001);
  EXPECT_NE(dialog.body.find("<wrapUpReason>Sold</wrapUpReason>"), std::string::npos) << dialog.body;

  rig.put_state("1001", kCredentials1001, "READY");
  EXPECT_EQ(rig.next_dialogs(1),
            (V{expect("1001", "DELETE", call, "DROPPED", {dropped(kCaller), dropped("1001")})}));
  EXPECT_EQ(rig.next_users(1), (U{{"1001", "READY", ""}}));
  EXPECT_EQ(rig.rest("GET", "/finesse/api/Dialog/" + std::to_string(call), kCredentials1001).status, 404);
}

// A CTI refusal after the 202 reaches the client as a Dialog CTI Error with the requestId.
TEST(Scenarios, ACtiRefusalIsADialogCtiErrorNotification) {
  ScenarioRig rig;
  rig.sign_in("1001", kCredentials1001);
  // 1001 dials a number the simulator's dial plan does not know.
  const auto r = rig.rest("POST", "/finesse/api/User/1001/Dialogs", kCredentials1001,
                          "<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>1001</fromAddress>"
                          "<toAddress>1001x</toAddress></Dialog>",
                          "bad-dial");
  ASSERT_EQ(r.status, 202) << r.body;
  const auto error = rig.next_dialog_notifications(1);
  ASSERT_EQ(error.size(), 1u);
  EXPECT_EQ(request_id_of(error[0]), "bad-dial");
  EXPECT_NE(error[0].payload_xml.find("<errorType>Call Operation Failure</errorType>"), std::string::npos)
      << error[0].payload_xml;
}

}  // namespace
}  // namespace fgw::testing
