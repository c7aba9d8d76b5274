// The "Security Constraints" row of every desktop API in guide sections 3.1-3.3, in one table: for
// each row the caller it allows and the callers it refuses, with the exact status and <ApiError>.
// A refused request sends nothing to CTI; an allowed PUT or POST sends exactly one request and
// answers 202 (the request's contents are checked in the api_agent_state and api_dialog tests).
//
// Statuses and error types follow guide 6.2: a caller whose role may not use the API is 401
// Authorization Failure (ErrorData: the login name); a caller naming another user, or an address or
// participant that is not theirs, is 401 Invalid Authorization User Specified (ErrorData: what they
// named). Where the guide is silent or ambiguous the row cites docs/decisions.md.
//
// Related rows kept where they are (not repeated here): the order of the checks and the other
// validations of PUT User (api_agent_state/user_state_test.cpp), of PUT Dialog
// (api_dialog/put_dialog_test.cpp), MAKE_CALL and SILENT_MONITOR (make_call_test.cpp,
// silent_monitor_test.cpp); authentication itself (auth/authenticator_test.cpp, and the
// unauthenticated rows of desktop_api_test.cpp).
#include <map>

#include "unit/api_dialog/dialog_action_fixture.hpp"

namespace fgw::testing {
namespace {

using cti::AgentState;
using http::Method;

// ---- the situations a row needs (live state from CTI events, as a PG sends them) ----

const Setup kNothing = [](DialogActionFixture&) {};
const Setup kNotReady = [](DialogActionFixture& f) { f.signed_in(AgentState::NotReady); };
const Setup kReady = [](DialogActionFixture& f) { f.signed_in(AgentState::Available); };
// Call 700 rings at 1001; 1002 is signed in too, so that its refusals are about ownership only.
const Setup kRinging = [](DialogActionFixture& f) {
  f.ring();
  f.signed_in(AgentState::NotReady, "1002");
};
const Setup kRingingAt1003 = [](DialogActionFixture& f) { f.ring("1003"); };
// 1001 talks on call 700; 1002 is signed in NOT_READY.
const Setup kTalking = [](DialogActionFixture& f) {
  f.talk();
  f.signed_in(AgentState::NotReady, "1002");
};
// 1001 talks; supervisor 2001 is signed in NOT_READY on extension 2001.
const Setup kMonitorable = [](DialogActionFixture& f) { f.talk_with_supervisor_free(); };
// 1001 talks; 2001 has not signed in.
const Setup kSupervisorSignedOut = [](DialogActionFixture& f) { f.talk(); };
// 1003 (team 2, which 2001 does not supervise) talks; 2001 is signed in.
const Setup kOtherTeamTalking = [](DialogActionFixture& f) {
  f.signed_in(AgentState::NotReady, "2001");
  f.talk("1003");
};
// 2001 silently monitors 1001 on call 702 (1001 talks to the caller on call 700); 1002 is signed in.
const Setup kMonitored = [](DialogActionFixture& f) {
  f.monitored();
  f.signed_in(AgentState::NotReady, "1002");
};

// ---- requests ----

struct Request {
  Method method;
  std::string path;
  std::string body;
  std::map<std::string, std::string> query;
};

Request get(std::string path, std::map<std::string, std::string> query = {}) {
  return {Method::Get, std::move(path), "", std::move(query)};
}
Request put(std::string path, std::string body) { return {Method::Put, std::move(path), std::move(body), {}}; }
Request post(std::string path, std::string body) { return {Method::Post, std::move(path), std::move(body), {}}; }

std::string user_body(const std::string& inner) { return "<User>" + inner + "</User>"; }
Request put_state(const std::string& id, const std::string& inner) {
  return put("/finesse/api/User/" + id, user_body(inner));
}
Request act(const std::string& dialog, const std::string& action, const std::string& target) {
  return put("/finesse/api/Dialog/" + dialog,
             dialog_body("<requestedAction>" + action + "</requestedAction><targetMediaAddress>" + target +
                         "</targetMediaAddress>"));
}
const std::string kCallData =
    "<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><callvariables><CallVariable>"
    "<name>callVariable1</name><value>gold</value></CallVariable></callvariables></mediaProperties>";
Request update_call_data(const std::string& dialog) { return put("/finesse/api/Dialog/" + dialog, dialog_body(kCallData)); }
Request consult(const std::string& target, const std::string& to) {
  return put("/finesse/api/Dialog/700", dialog_body("<requestedAction>CONSULT_CALL</requestedAction><toAddress>" + to +
                                                    "</toAddress><targetMediaAddress>" + target +
                                                    "</targetMediaAddress>"));
}
Request create(const std::string& user, const std::string& action, const std::string& from, const std::string& to) {
  return post("/finesse/api/User/" + user + "/Dialogs",
              dialog_body("<requestedAction>" + action + "</requestedAction><fromAddress>" + from +
                          "</fromAddress><toAddress>" + to + "</toAddress>"));
}

// ---- expected answers ----

struct Expected {
  int status;
  std::string type;     // <ErrorType>; empty when the request is allowed
  std::string message;  // <ErrorMessage>
  std::string data;     // <ErrorData>
  std::string root;     // for a 200: the element the body is
};

Expected ok(const std::string& root) { return {200, "", "", "", root}; }
Expected accepted() { return {202, "", "", "", ""}; }
// 6.2 "Authorization Failure": the role may not use the API.
Expected authorization_failure(const std::string& login) {
  return {401, "Authorization Failure", "UNAUTHORIZED", login, ""};
}
// 6.2 "Invalid Authorization User Specified": another user's id, address or participant.
Expected invalid_user(const std::string& named) {
  return {401, "Invalid Authorization User Specified",
          "The user specified in the authentication credentials and the uri don't match", named, ""};
}
Expected invalid_state(const std::string& message) {
  return {400, "Invalid State", message, "requestedAction", ""};
}

struct Row {
  std::string name;
  std::string credentials;
  Setup setup;
  Request request;
  Expected expected;
};

// gtest names a failing row by this instead of dumping its bytes.
void PrintTo(const Row& row, std::ostream* os) { *os << row.name; }

const std::string kAgent2 = "agent2:pw2";
const std::string kAgent3 = "agent3:pw3";
const std::string kSuper = "super:pws";
const std::string kAdmin = "admin:pwa";

class SecurityConstraints : public DialogActionFixture, public ::testing::WithParamInterface<Row> {
 protected:
  // The store's first wrap-up reason is id 1; the fixture's reason codes are Lunch (1, NOT_READY)
  // and End of shift (2, LOGOUT).
  SecurityConstraints() : sold(store->create_wrap_up_reason({0, "Sold", true})) {}
  config::WrapUpReason sold;
};

TEST_P(SecurityConstraints, AllowTheOwnerAndRefuseEveryoneElse) {
  ASSERT_EQ(lunch.id, 1);
  ASSERT_EQ(sold.id, 1);
  const auto& row = GetParam();
  row.setup(*this);
  const auto& request = row.request;
  const auto r = call(request.method, request.path, row.credentials, request.body, "", request.query);
  const auto& want = row.expected;
  ASSERT_EQ(r.status, want.status) << r.body;
  if (!want.type.empty()) {
    EXPECT_EQ(error_type(r), want.type) << r.body;
    EXPECT_EQ(error_message(r), want.message) << r.body;
    EXPECT_EQ(error_data(r), want.data) << r.body;
    EXPECT_TRUE(cti.sent.empty()) << "a refused request must not reach CTI";
  } else if (want.status == 202) {
    EXPECT_EQ(r.body, "");
    EXPECT_EQ(cti.sent.size(), 1u) << "an accepted request sends exactly one CTI request";
  } else {
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(r.body.c_str())) << r.body;
    EXPECT_STREQ(doc.document_element().name(), want.root.c_str()) << r.body;
    EXPECT_TRUE(cti.sent.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Guide, SecurityConstraints,
    ::testing::Values(
        // 3.1.1 Get User: "Agents can only act on their own User object. Administrators can get any
        // User object." Supervisors also read their teams' users (docs/decisions.md 2); an agent
        // naming an unknown id is refused before 404, so ids cannot be probed.
        Row{"GetUser_AgentOwn", kAgent1, kNothing, get("/finesse/api/User/1001"), ok("User")},
        Row{"GetUser_AgentOther", kAgent1, kNothing, get("/finesse/api/User/1002"), invalid_user("1002")},
        Row{"GetUser_AgentUnknownId", kAgent1, kNothing, get("/finesse/api/User/4242"), invalid_user("4242")},
        Row{"GetUser_AdministratorAny", kAdmin, kNothing, get("/finesse/api/User/1003"), ok("User")},
        Row{"GetUser_SupervisorTeamMember", kSuper, kNothing, get("/finesse/api/User/1002"), ok("User")},
        Row{"GetUser_SupervisorOtherTeam", kSuper, kNothing, get("/finesse/api/User/1003"), invalid_user("1003")},

        // 3.1.2 Get List of Users: "Role—Administrator". An agent or supervisor is refused with 6.2's
        // Authorization Failure (docs/decisions.md 52).
        Row{"GetUsers_Administrator", kAdmin, kNothing, get("/finesse/api/Users"), ok("Users")},
        Row{"GetUsers_Agent", kAgent1, kNothing, get("/finesse/api/Users"), authorization_failure("agent1")},
        Row{"GetUsers_Supervisor", kSuper, kNothing, get("/finesse/api/Users"), authorization_failure("super")},

        // 3.1.3 Get List of Dialogs: "Administrators can get a list of dialogs associated with any
        // user. Agents can only get a list of their own dialogs." (A supervisor too: the list is not
        // extended to team members.)
        Row{"GetUserDialogs_AgentOwn", kAgent1, kRinging, get("/finesse/api/User/1001/Dialogs"), ok("Dialogs")},
        Row{"GetUserDialogs_AgentOther", kAgent2, kRinging, get("/finesse/api/User/1001/Dialogs"),
            invalid_user("1001")},
        Row{"GetUserDialogs_SupervisorTeamMember", kSuper, kRinging, get("/finesse/api/User/1001/Dialogs"),
            invalid_user("1001")},
        Row{"GetUserDialogs_AdministratorAny", kAdmin, kRinging, get("/finesse/api/User/1001/Dialogs"),
            ok("Dialogs")},

        // 3.1.4 Sign In: "Users can only act on their own User objects." Role Agent or Supervisor,
        // so an administrator-only account is refused for its role (docs/decisions.md 27).
        Row{"SignIn_Own", kAgent1, kNothing, put_state("1001", "<state>LOGIN</state><extension>1001</extension>"),
            accepted()},
        Row{"SignIn_AnotherAgent", kAgent2, kNothing,
            put_state("1001", "<state>LOGIN</state><extension>1001</extension>"), invalid_user("1001")},
        Row{"SignIn_SupervisorForTeamMember", kSuper, kNothing,
            put_state("1001", "<state>LOGIN</state><extension>1001</extension>"), invalid_user("1001")},
        Row{"SignIn_Administrator", kAdmin, kNothing,
            put_state("1001", "<state>LOGIN</state><extension>1001</extension>"), authorization_failure("admin")},

        // 3.1.5 Sign Out: own User only.
        Row{"SignOut_Own", kAgent1, kNotReady, put_state("1001", "<state>LOGOUT</state>"), accepted()},
        Row{"SignOut_AnotherAgent", kAgent2, kNotReady, put_state("1001", "<state>LOGOUT</state>"),
            invalid_user("1001")},
        Row{"SignOut_Administrator", kAdmin, kNotReady, put_state("1001", "<state>LOGOUT</state>"),
            authorization_failure("admin")},

        // 3.1.6 Change Agent State: own User only.
        Row{"ChangeState_Own", kAgent1, kNotReady, put_state("1001", "<state>READY</state>"), accepted()},
        Row{"ChangeState_AnotherAgent", kAgent2, kNotReady, put_state("1001", "<state>READY</state>"),
            invalid_user("1001")},
        Row{"ChangeState_SupervisorForTeamMember", kSuper, kNotReady, put_state("1001", "<state>READY</state>"),
            invalid_user("1001")},

        // 3.1.11 Change Agent State with a reason code: own User only.
        Row{"ChangeStateWithReason_Own", kAgent1, kReady,
            put_state("1001", "<state>NOT_READY</state><ReasonCodeId>1</ReasonCodeId>"), accepted()},
        Row{"ChangeStateWithReason_AnotherAgent", kAgent2, kReady,
            put_state("1001", "<state>NOT_READY</state><ReasonCodeId>1</ReasonCodeId>"), invalid_user("1001")},

        // 3.1.7 Get ReasonCode: "A user must be signed in to get a reason code" (authenticated,
        // DECISIONS.md 3: a user in LOGOUT reads it). "A user cannot retrieve reason codes that
        // belong to another user." Role Agent or Supervisor (docs/decisions.md 14).
        Row{"GetReasonCode_OwnWhileLoggedOut", kAgent1, kNothing, get("/finesse/api/User/1001/ReasonCode/1"),
            ok("ReasonCode")},
        Row{"GetReasonCode_Unauthenticated", "agent1:wrong", kNothing, get("/finesse/api/User/1001/ReasonCode/1"),
            authorization_failure("agent1")},
        Row{"GetReasonCode_AnotherUsers", kAgent2, kNothing, get("/finesse/api/User/1001/ReasonCode/1"),
            invalid_user("1001")},
        Row{"GetReasonCode_SupervisorForTeamMember", kSuper, kNothing, get("/finesse/api/User/1001/ReasonCode/1"),
            invalid_user("1001")},
        Row{"GetReasonCode_Administrator", kAdmin, kNothing, get("/finesse/api/User/1001/ReasonCode/1"),
            authorization_failure("admin")},

        // 3.1.8 Get ReasonCode List: the same constraint.
        Row{"GetReasonCodes_Own", kAgent1, kNotReady,
            get("/finesse/api/User/1001/ReasonCodes", {{"category", "NOT_READY"}}), ok("ReasonCodes")},
        Row{"GetReasonCodes_Unauthenticated", "agent1:wrong", kNothing,
            get("/finesse/api/User/1001/ReasonCodes", {{"category", "NOT_READY"}}), authorization_failure("agent1")},
        Row{"GetReasonCodes_AnotherUsers", kAgent2, kNotReady,
            get("/finesse/api/User/1001/ReasonCodes", {{"category", "NOT_READY"}}), invalid_user("1001")},
        Row{"GetReasonCodes_Administrator", kAdmin, kNotReady,
            get("/finesse/api/User/1001/ReasonCodes", {{"category", "LOGOUT"}}), authorization_failure("admin")},

        // 3.1.9 Get WrapUpReason: "Role—Agent, Supervisor, or Administrator": a user for their own
        // id, an administrator for anyone's.
        Row{"GetWrapUpReason_Own", kAgent1, kNothing, get("/finesse/api/User/1001/WrapUpReason/1"),
            ok("WrapUpReason")},
        Row{"GetWrapUpReason_AnotherUsers", kAgent2, kNothing, get("/finesse/api/User/1001/WrapUpReason/1"),
            invalid_user("1001")},
        Row{"GetWrapUpReason_SupervisorOwn", kSuper, kNothing, get("/finesse/api/User/2001/WrapUpReason/1"),
            ok("WrapUpReason")},
        Row{"GetWrapUpReason_AdministratorAny", kAdmin, kNothing, get("/finesse/api/User/1001/WrapUpReason/1"),
            ok("WrapUpReason")},

        // 3.1.10 Get WrapUpReason List: the same constraint.
        Row{"GetWrapUpReasons_Own", kAgent1, kNothing, get("/finesse/api/User/1001/WrapUpReasons"),
            ok("WrapUpReasons")},
        Row{"GetWrapUpReasons_AnotherUsers", kAgent2, kNothing, get("/finesse/api/User/1001/WrapUpReasons"),
            invalid_user("1001")},
        Row{"GetWrapUpReasons_AdministratorAny", kAdmin, kNothing, get("/finesse/api/User/1001/WrapUpReasons"),
            ok("WrapUpReasons")},

        // 3.1.12 Get MediaPropertiesLayout names no constraint: a user reads it for their own id, any
        // role (docs/decisions.md 14).
        Row{"GetMediaPropertiesLayout_Own", kAgent1, kNothing,
            get("/finesse/api/User/1001/MediaPropertiesLayout/default"), ok("MediaPropertiesLayout")},
        Row{"GetMediaPropertiesLayout_AnotherUsers", kAgent2, kNothing,
            get("/finesse/api/User/1001/MediaPropertiesLayout/default"), invalid_user("1001")},
        Row{"GetMediaPropertiesLayout_AdministratorForAnAgent", kAdmin, kNothing,
            get("/finesse/api/User/1001/MediaPropertiesLayout/default"), invalid_user("1001")},

        // 3.2.1 Get Dialog: "Agents can only act on their own Dialog object. Administrators can get
        // any Dialog object." Supervisors of a participant's team too (docs/decisions.md 32). The
        // ErrorData names the caller.
        Row{"GetDialog_Participant", kAgent1, kRinging, get("/finesse/api/Dialog/700"), ok("Dialog")},
        Row{"GetDialog_OtherAgent", kAgent2, kRinging, get("/finesse/api/Dialog/700"), invalid_user("1002")},
        Row{"GetDialog_SupervisorOfTheParticipant", kSuper, kRinging, get("/finesse/api/Dialog/700"), ok("Dialog")},
        Row{"GetDialog_SupervisorOfAnotherTeam", kSuper, kRingingAt1003, get("/finesse/api/Dialog/700"),
            invalid_user("2001")},
        Row{"GetDialog_AdministratorAny", kAdmin, kRingingAt1003, get("/finesse/api/Dialog/700"), ok("Dialog")},
        // The monitored agent is not told of the silent monitor call (docs/decisions.md 24).
        Row{"GetDialog_MonitoredAgentOnTheMonitorCall", kAgent1, kMonitored, get("/finesse/api/Dialog/702"),
            invalid_user("1001")},

        // 3.2.2 Take Action on a Participant: "Agents can only act on a participant of a dialog when
        // they are that participant" (docs/decisions.md 33). Role Agent: an administrator is refused.
        Row{"ParticipantAction_ThemselvesAsParticipant", kAgent1, kRinging, act("700", "ANSWER", "1001"),
            accepted()},
        Row{"ParticipantAction_AnotherAgentsParticipant", kAgent2, kRinging, act("700", "ANSWER", "1001"),
            invalid_user("1001")},
        Row{"ParticipantAction_OwnPhoneNotAParticipant", kAgent2, kRinging, act("700", "ANSWER", "1002"),
            invalid_user("1002")},
        Row{"ParticipantAction_Administrator", kAdmin, kRinging, act("700", "ANSWER", "1001"),
            authorization_failure("admin")},
        // The monitored agent's leg of the silent monitor call is not theirs to act on: they are not
        // told of that call, and only its supervisor or an administrator ends it (3.2.7,
        // docs/decisions.md 53).
        Row{"ParticipantAction_MonitoredAgentOnTheMonitorCall", kAgent1, kMonitored, act("702", "DROP", "1001"),
            invalid_user("1001")},
        Row{"ParticipantAction_MonitoredAgentHoldsTheMonitorCall", kAgent1, kMonitored, act("702", "HOLD", "1001"),
            invalid_user("1001")},

        // 3.2.3 Update Call Variable Data: the same constraint; the participant is the caller's
        // signed-in extension (docs/decisions.md 39).
        Row{"UpdateCallData_Participant", kAgent1, kTalking, update_call_data("700"), accepted()},
        Row{"UpdateCallData_NotAParticipant", kAgent2, kTalking, update_call_data("700"), invalid_user("1002")},
        Row{"UpdateCallData_Administrator", kAdmin, kTalking, update_call_data("700"),
            authorization_failure("admin")},
        Row{"UpdateCallData_MonitoredAgentOnTheMonitorCall", kAgent1, kMonitored, update_call_data("702"),
            invalid_user("1001")},

        // 3.2.4 Make a Call: "Users can only create dialogs with a fromAddress that they are
        // currently signed in to", in their own Dialogs collection. Role Agent.
        Row{"MakeCall_FromOwnExtension", kAgent1, kNotReady, create("1001", "MAKE_CALL", "1001", "1002"),
            accepted()},
        Row{"MakeCall_FromAnotherExtension", kAgent1, kNotReady, create("1001", "MAKE_CALL", "1002", "1003"),
            invalid_user("1002")},
        Row{"MakeCall_InAnotherUsersCollection", kAgent2, kNotReady, create("1001", "MAKE_CALL", "1001", "1003"),
            invalid_user("1001")},
        Row{"MakeCall_Administrator", kAdmin, kNotReady, create("9000", "MAKE_CALL", "1001", "1003"),
            authorization_failure("admin")},

        // 3.2.5 Make a Consult Call: "Role—Agent", acting as their own participant of the active
        // call ("401—Invalid authorization" for an address that is not theirs).
        Row{"Consult_FromOwnParticipant", kAgent1, kTalking, consult("1001", "1002"), accepted()},
        Row{"Consult_FromAnotherAgentsParticipant", kAgent2, kTalking, consult("1001", "1003"),
            invalid_user("1001")},
        Row{"Consult_Administrator", kAdmin, kTalking, consult("1001", "1003"), authorization_failure("admin")},

        // 3.2.6 Make a Silent Monitoring Call: Role Supervisor or Administrator; the supervisor is
        // signed in on fromAddress ("401—Unauthorized") and the agent is on a team they supervise
        // ("401—Invalid authorization user specified"); an administrator monitors any call "except
        // a 'silent monitored' call" (docs/decisions.md 40, 54).
        Row{"SilentMonitor_SupervisorOfTheAgentsTeam", kSuper, kMonitorable,
            create("2001", "SILENT_MONITOR", "2001", "1001"), accepted()},
        Row{"SilentMonitor_Agent", kAgent2, kMonitorable, create("1002", "SILENT_MONITOR", "1002", "1001"),
            authorization_failure("agent2")},
        Row{"SilentMonitor_SupervisorFromAnotherAddress", kSuper, kMonitorable,
            create("2001", "SILENT_MONITOR", "1002", "1001"), authorization_failure("super")},
        Row{"SilentMonitor_SupervisorNotSignedIn", kSuper, kSupervisorSignedOut,
            create("2001", "SILENT_MONITOR", "2001", "1001"), authorization_failure("super")},
        Row{"SilentMonitor_SupervisorInAnotherUsersCollection", kSuper, kMonitorable,
            create("1001", "SILENT_MONITOR", "2001", "1001"), invalid_user("1001")},
        Row{"SilentMonitor_AgentOfAnotherTeam", kSuper, kOtherTeamTalking,
            create("2001", "SILENT_MONITOR", "2001", "1003"), invalid_user("1003")},
        Row{"SilentMonitor_AdministratorAnyTeam", kAdmin, kOtherTeamTalking,
            create("9000", "SILENT_MONITOR", "2001", "1003"), accepted()},
        Row{"SilentMonitor_AdministratorOnAMonitoredCall", kAdmin, kMonitored,
            create("9000", "SILENT_MONITOR", "1002", "1001"),
            invalid_state("The call at 1001 is already silently monitored")},
        Row{"SilentMonitor_AdministratorOnTheMonitorCallItself", kAdmin, kMonitored,
            create("9000", "SILENT_MONITOR", "1002", "2001"),
            invalid_state("The call at 2001 is a silent monitoring call")},

        // 3.2.7 End a Silent Monitoring Call: "A supervisor can only end a silent monitoring call
        // that was initiated by that supervisor. An administrator can end any silent monitoring
        // call." Anyone else naming the supervisor's extension is refused (401 Invalid
        // authorization user specified).
        Row{"EndSilentMonitor_TheMonitoringSupervisor", kSuper, kMonitored, act("702", "DROP", "2001"), accepted()},
        Row{"EndSilentMonitor_AdministratorAny", kAdmin, kMonitored, act("702", "DROP", "2001"), accepted()},
        Row{"EndSilentMonitor_TheMonitoredAgent", kAgent1, kMonitored, act("702", "DROP", "2001"),
            invalid_user("2001")},
        Row{"EndSilentMonitor_AnotherAgent", kAgent2, kMonitored, act("702", "DROP", "2001"), invalid_user("2001")},
        // An administrator may end a silent monitor only: not drop the agent's call.
        Row{"EndSilentMonitor_AdministratorDropsTheAgentsCall", kAdmin, kMonitored, act("700", "DROP", "1001"),
            authorization_failure("admin")},

        // 3.3.1 Team—Get Object names no constraint: its members, its supervisors and
        // administrators read it (docs/decisions.md 3, DECISIONS.md 19).
        Row{"GetTeam_Member", kAgent1, kNothing, get("/finesse/api/Team/1"), ok("Team")},
        Row{"GetTeam_Supervisor", kSuper, kNothing, get("/finesse/api/Team/1"), ok("Team")},
        Row{"GetTeam_Administrator", kAdmin, kNothing, get("/finesse/api/Team/2"), ok("Team")},
        Row{"GetTeam_AgentOfAnotherTeam", kAgent3, kNothing, get("/finesse/api/Team/1"),
            authorization_failure("agent3")},
        Row{"GetTeam_SupervisorOfAnotherTeam", kSuper, kNothing, get("/finesse/api/Team/2"),
            authorization_failure("super")}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace fgw::testing
