// PUT /finesse/api/User/{id} (guide 3.1.4-3.1.6, 3.1.11): every refusal with its error and no CTI
// request, every accepted change with the exact SET_AGENT_STATE_REQ it sends.
#include "agent_state_fixture.hpp"

namespace fgw::testing {
namespace {

using cti::AgentState;

struct Refusal {
  std::string name;
  std::string credentials;
  std::string id;
  std::optional<AgentState> current;  // what CTI last reported for 1001; none = never signed in
  std::string body;
  int status;
  std::string type;
  std::string data;  // the ErrorData; "*" = not checked
};

class UserStateRefusals : public AgentStateFixture, public ::testing::WithParamInterface<Refusal> {};

TEST_P(UserStateRefusals, AnswerTheErrorAndSendNothing) {
  const auto& row = GetParam();
  if (row.current) cti_reports("1001", *row.current);
  auto r = put_user(row.credentials, row.id, row.body);
  EXPECT_EQ(r.status, row.status) << r.body;
  EXPECT_EQ(error_type(r), row.type) << r.body;
  if (row.data != "*") {
    EXPECT_EQ(error_data(r), row.data) << r.body;
  }
  EXPECT_TRUE(cti.sent.empty());
}

const std::string kA1 = "agent1:pw1";
std::string user(const std::string& inner) { return "<User>" + inner + "</User>"; }
const std::string kReady = user("<state>READY</state>");

INSTANTIATE_TEST_SUITE_P(
    Table, UserStateRefusals,
    ::testing::Values(
        Refusal{"StateMissing", kA1, "1001", {}, user("<extension>1001</extension>"), 400, "Parameter Missing", "state"},
        Refusal{"StateEmpty", kA1, "1001", {}, user("<state></state>"), 400, "Parameter Missing", "state"},
        Refusal{"StateOnlyCtiSets", kA1, "1001", AgentState::NotReady, user("<state>TALKING</state>"), 400,
                "Invalid Input", "state"},
        Refusal{"StateUnknown", kA1, "1001", {}, user("<state>ASLEEP</state>"), 400, "Invalid Input", "state"},
        Refusal{"BodyNotXml", kA1, "1001", {}, "<User><state>READY", 400, "Invalid Input", "*"},
        Refusal{"BodyWrongRoot", kA1, "1001", {}, "<Dialog><state>READY</state></Dialog>", 400, "Invalid Input", "*"},
        Refusal{"LoginWithoutExtension", kA1, "1001", {}, user("<state>LOGIN</state>"), 400, "Parameter Missing",
                "extension"},
        Refusal{"LoginEmptyExtension", kA1, "1001", {}, user("<state>LOGIN</state><extension/>"), 400,
                "Parameter Missing", "extension"},
        Refusal{"LoginUnknownExtension", kA1, "1001", {}, user("<state>LOGIN</state><extension>5559999</extension>"),
                400, "Invalid Device", "5559999"},
        Refusal{"LogoutWhileLoggedOut", kA1, "1001", {}, user("<state>LOGOUT</state>"), 400, "Invalid State", "state"},
        Refusal{"LogoutAfterCtiLogout", kA1, "1001", AgentState::Logout, user("<state>LOGOUT</state>"), 400,
                "Invalid State", "state"},
        Refusal{"LogoutWhileTalking", kA1, "1001", AgentState::Talking, user("<state>LOGOUT</state>"), 400,
                "Invalid State", "state"},
        Refusal{"LogoutWhileReserved", kA1, "1001", AgentState::Reserved, user("<state>LOGOUT</state>"), 400,
                "Invalid State", "state"},
        Refusal{"ReadyWhileLoggedOut", kA1, "1001", {}, kReady, 400, "Invalid State", "state"},
        Refusal{"NotReadyWhileLoggedOut", kA1, "1001", {}, user("<state>NOT_READY</state>"), 400, "Invalid State",
                "state"},
        Refusal{"NotReadyWithLogoutReasonCode", kA1, "1001", AgentState::Available,
                user("<state>NOT_READY</state><ReasonCodeId>2</ReasonCodeId>"), 400, "Invalid Input", "2"},
        Refusal{"NotReadyWithUnknownReasonCode", kA1, "1001", AgentState::Available,
                user("<state>NOT_READY</state><ReasonCodeId>999</ReasonCodeId>"), 400, "Invalid Input", "999"},
        Refusal{"NotReadyWithNonNumericReasonCode", kA1, "1001", AgentState::Available,
                user("<state>NOT_READY</state><ReasonCodeId>lunch</ReasonCodeId>"), 400, "Invalid Input", "lunch"},
        Refusal{"AnotherAgent", kA1, "1002", {}, kReady, 401, "Invalid Authorization User Specified", "1002"},
        Refusal{"SupervisorForAnAgent", "super:pws", "1001", AgentState::NotReady, kReady, 401,
                "Invalid Authorization User Specified", "1001"},
        Refusal{"UnknownIdIsNotProbed", kA1, "4242", {}, kReady, 401, "Invalid Authorization User Specified", "4242"},
        Refusal{"AdministratorOnly", "admin:pwa", "9000", {}, kReady, 401, "Authorization Failure", "admin"}),
    [](const auto& info) { return info.param.name; });

struct Accepted {
  std::string name;
  std::string credentials;
  std::string id;
  std::optional<AgentState> current;  // reported for `id`
  std::string body;
  cti::SetAgentStateReq expected;
};

cti::SetAgentStateReq expect(AgentState state, const std::string& agent, std::optional<std::string> instrument,
                             std::uint16_t reason = 0) {
  cti::SetAgentStateReq r;
  r.agent_state = state;
  r.agent_id = agent;
  r.agent_instrument = std::move(instrument);
  r.event_reason_code = reason;
  r.forced_flag = state == AgentState::Login ? 1 : 0;
  return r;
}

class UserStateChanges : public AgentStateFixture, public ::testing::WithParamInterface<Accepted> {};

// The reason code ids are the store's: the fixture creates Lunch (NOT_READY, code 24) as id 1 and
// End of shift (LOGOUT, code 7) as id 2; the test checks that assumption first.
TEST_P(UserStateChanges, SendTheExactRequestAndAnswer202) {
  ASSERT_EQ(lunch.id, 1);
  ASSERT_EQ(end_of_shift.id, 2);
  const auto& row = GetParam();
  if (row.current) cti_reports(row.id, *row.current);
  auto r = put_user(row.credentials, row.id, row.body);
  EXPECT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.body, "");
  ASSERT_EQ(cti.sent.size(), 1u);
  EXPECT_EQ(cti.request<cti::SetAgentStateReq>(), row.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, UserStateChanges,
    ::testing::Values(
        Accepted{"Login", kA1, "1001", {}, user("<state>LOGIN</state><extension>1001</extension>"),
                 expect(AgentState::Login, "1001", "1001")},
        Accepted{"LoginIsForcedWhenSignedIn", kA1, "1001", AgentState::NotReady,
                 user("<state>LOGIN</state><extension>1001</extension>"), expect(AgentState::Login, "1001", "1001")},
        Accepted{"LoginOnAnotherDirectoryPhone", kA1, "1001", {},
                 user("<state>LOGIN</state><extension>1003</extension>"), expect(AgentState::Login, "1001", "1003")},
        Accepted{"LoginIgnoresAReasonCode", kA1, "1001", {},
                 user("<state>LOGIN</state><extension>1001</extension><ReasonCodeId>1</ReasonCodeId>"),
                 expect(AgentState::Login, "1001", "1001")},
        Accepted{"Ready", kA1, "1001", AgentState::NotReady, kReady, expect(AgentState::Available, "1001", "1001")},
        Accepted{"ReadyLowerCase", kA1, "1001", AgentState::NotReady, user("<state>ready</state>"),
                 expect(AgentState::Available, "1001", "1001")},
        Accepted{"ReadyIgnoresAReasonCode", kA1, "1001", AgentState::NotReady,
                 user("<state>READY</state><ReasonCodeId>1</ReasonCodeId>"),
                 expect(AgentState::Available, "1001", "1001")},
        Accepted{"LastStateWins", kA1, "1001", AgentState::Available,
                 user("<state>READY</state><state>NOT_READY</state>"), expect(AgentState::NotReady, "1001", "1001")},
        Accepted{"NotReadyWithoutReason", kA1, "1001", AgentState::Available, user("<state>NOT_READY</state>"),
                 expect(AgentState::NotReady, "1001", "1001")},
        Accepted{"NotReadyWithEmptyReason", kA1, "1001", AgentState::Available,
                 user("<state>NOT_READY</state><ReasonCodeId></ReasonCodeId>"),
                 expect(AgentState::NotReady, "1001", "1001")},
        Accepted{"NotReadySendsTheCodeValue", kA1, "1001", AgentState::Available,
                 user("<state>NOT_READY</state><ReasonCodeId>1</ReasonCodeId>"),
                 expect(AgentState::NotReady, "1001", "1001", 24)},
        Accepted{"NotReadyDuringWrapUp", kA1, "1001", AgentState::WorkReady, user("<state>NOT_READY</state>"),
                 expect(AgentState::NotReady, "1001", "1001")},
        Accepted{"ReadyWhileTalkingIsPending", kA1, "1001", AgentState::Talking, kReady,
                 expect(AgentState::Available, "1001", "1001")},
        Accepted{"NotReadyWhileHeldIsPending", kA1, "1001", AgentState::Hold,
                 user("<state>NOT_READY</state><ReasonCodeId>1</ReasonCodeId>"),
                 expect(AgentState::NotReady, "1001", "1001", 24)},
        Accepted{"ReadyWhileReservedIsPending", kA1, "1001", AgentState::Reserved, kReady,
                 expect(AgentState::Available, "1001", "1001")},
        Accepted{"LogoutSendsTheCodeValue", kA1, "1001", AgentState::NotReady,
                 user("<state>LOGOUT</state><ReasonCodeId>2</ReasonCodeId>"),
                 expect(AgentState::Logout, "1001", "1001", 7)},
        Accepted{"LogoutWithUnknownReasonStillSignsOut", kA1, "1001", AgentState::NotReady,
                 user("<state>LOGOUT</state><ReasonCodeId>999</ReasonCodeId>"),
                 expect(AgentState::Logout, "1001", "1001")},
        Accepted{"LogoutWithNotReadyReasonStillSignsOut", kA1, "1001", AgentState::Available,
                 user("<state>LOGOUT</state><ReasonCodeId>1</ReasonCodeId>"),
                 expect(AgentState::Logout, "1001", "1001")},
        Accepted{"SupervisorOwnState", "super:pws", "2001", AgentState::NotReady, kReady,
                 expect(AgentState::Available, "2001", "2001")},
        Accepted{"CredentialsByUserId", "1001:pw1", "1001", AgentState::Available,
                 user("<state>NOT_READY</state>"), expect(AgentState::NotReady, "1001", "1001")}),
    [](const auto& info) { return info.param.name; });

TEST_F(AgentStateFixture, NoCtiLinkIs503) {
  context.cti = nullptr;
  auto r = put_own(user("<state>LOGIN</state><extension>1001</extension>"));
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_EQ(error_type(r), "Service Unavailable");
  EXPECT_EQ(text_at(r.body, "/ApiErrors/ApiError/ErrorMessage"), "SERVER_OUT_OF_SERVICE");
}

TEST_F(AgentStateFixture, CtiOutOfServiceIs503AndSendsNothing) {
  cti.up = false;
  auto r = put_own(user("<state>LOGIN</state><extension>1001</extension>"));
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_TRUE(cti.sent.empty());
}

// An explicit bound on requests awaiting CTI (decisions.md 55): beyond it the caller hears 503
// with Retry-After at once, instead of a 202 whose request times out in a backed-up CTI Server.
TEST_F(AgentStateFixture, SaturatedCtiLinkIs503WithRetryAfterAndSendsNothing) {
  cti.full = true;
  auto r = put_own(user("<state>LOGIN</state><extension>1001</extension>"));
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_EQ(error_type(r), "Service Unavailable");
  EXPECT_EQ(text_at(r.body, "/ApiErrors/ApiError/ErrorMessage"), "CTI_REQUESTS_IN_FLIGHT_LIMIT");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Retry-After", "1"}));
  EXPECT_TRUE(cti.sent.empty());
  cti.full = false;
  EXPECT_EQ(put_own(user("<state>LOGIN</state><extension>1001</extension>")).status, 202);
}

// A refused state change after the 202 is an error notification on the User node, in the shape
// of 7.2.3, carrying the requestId; the User keeps the state CTI last reported.
TEST_F(AgentStateFixture, ACtiRefusalAfterThe202IsAUserErrorNotificationAndKeepsTheState) {
  cti_reports("1001", AgentState::Reserved);
  sink.take();
  ASSERT_EQ(call(http::Method::Put, "/finesse/api/User/1001", kA1, kReady, "rq-1").status, 202);
  cti.fail(0, 22, "CF_INVALID_OBJECT_STATE");
  const auto published = sink.take();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].node, "/finesse/api/User/1001");
  EXPECT_EQ(text_at(published[0].payload_xml, "/Update/source"), "/finesse/api/User/1001");
  EXPECT_EQ(text_at(published[0].payload_xml, "/Update/requestId"), "rq-1");
  EXPECT_EQ(text_at(published[0].payload_xml, "/Update/data/apiErrors/apiError/errorData"), "22");
  EXPECT_EQ(text_at(published[0].payload_xml, "/Update/data/apiErrors/apiError/errorMessage"),
            "CF_INVALID_OBJECT_STATE");
  EXPECT_EQ(text_at(published[0].payload_xml, "/Update/data/apiErrors/apiError/errorType"),
            "Agent State Change Failure");
  EXPECT_EQ(desk.agent_state("1001").state, "RESERVED");
}

// 7.3: the requestId of a PUT User comes back on the 202, then in the User notification and the
// team's Users notification of the change it causes, and in no later one.
TEST_F(AgentStateFixture, RequestIdIsEchoedAndCarriedIntoTheUserAndTeamNotifications) {
  cti_reports("1001", AgentState::NotReady);
  sink.take();
  auto r = call(http::Method::Put, "/finesse/api/User/1001", kA1, kReady, "abc-1");
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_THAT(r.headers, ::testing::Contains(std::pair<std::string, std::string>("requestId", "abc-1")));
  cti_reports("1001", AgentState::Available);
  const auto published = sink.take();
  ASSERT_EQ(published.size(), 2u);
  EXPECT_EQ(published[0].node, "/finesse/api/User/1001");
  EXPECT_EQ(text_at(published[0].payload_xml, "/Update/requestId"), "abc-1");
  EXPECT_EQ(published[1].node, "/finesse/api/Team/1/Users");
  EXPECT_EQ(text_at(published[1].payload_xml, "/Update/requestId"), "abc-1");
  cti_reports("1001", AgentState::NotReady);
  for (const auto& n : sink.take()) EXPECT_EQ(text_at(n.payload_xml, "/Update/requestId"), "") << n.node;
}

// Another member's change on the shared Team node does not take this user's requestId.
TEST_F(AgentStateFixture, RequestIdStaysWithTheRequestingUserOnTheTeamNode) {
  cti_reports("1001", AgentState::NotReady);
  cti_reports("1002", AgentState::NotReady);
  sink.take();
  ASSERT_EQ(call(http::Method::Put, "/finesse/api/User/1001", kA1, kReady, "mine").status, 202);
  cti_reports("1002", AgentState::Available);
  for (const auto& n : sink.take()) EXPECT_EQ(text_at(n.payload_xml, "/Update/requestId"), "") << n.node;
}

// The state CTI reports is what GET User shows: the 202 itself changes nothing.
TEST_F(AgentStateFixture, TheAcceptedChangeWaitsForCti) {
  cti_reports("1001", AgentState::NotReady);
  ASSERT_EQ(put_own(kReady).status, 202);
  EXPECT_EQ(text_at(call(http::Method::Get, "/finesse/api/User/1001", kA1).body, "/User/state"), "NOT_READY");
  cti_reports("1001", AgentState::Available);
  EXPECT_EQ(text_at(call(http::Method::Get, "/finesse/api/User/1001", kA1).body, "/User/state"), "READY");
}

}  // namespace
}  // namespace fgw::testing
