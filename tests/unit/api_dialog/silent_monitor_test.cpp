// POST /finesse/api/User/{id}/Dialogs with SILENT_MONITOR (guide 3.2.6): every Security
// Constraint and validation with its error and no CTI request, and the exact SUPERVISE_CALL_REQ
// an accepted request sends.
#include "dialog_action_fixture.hpp"

namespace fgw::testing {
namespace {

using cti::AgentState;

const std::string kSupervisor = "super:pws";

std::string monitor(const std::string& from, const std::string& to) {
  return dialog_body("<requestedAction>SILENT_MONITOR</requestedAction><fromAddress>" + from +
                     "</fromAddress><toAddress>" + to + "</toAddress>");
}

const Setup kAgentTalking = [](DialogActionFixture& f) { f.talk_with_supervisor_free(); };
const Setup kAlreadyMonitoring = [](DialogActionFixture& f) { f.monitored(); };
// 1001 is only signed in (NOT_READY), 2001 too.
const Setup kAgentIdle = [](DialogActionFixture& f) {
  f.signed_in(AgentState::NotReady, "2001");
  f.signed_in(AgentState::NotReady, "1001");
};
// 1003 (team 2, which 2001 does not supervise) talks.
const Setup kOtherTeamTalking = [](DialogActionFixture& f) {
  f.signed_in(AgentState::NotReady, "2001");
  f.talk("1003");
};

struct Refusal {
  std::string name;
  std::string credentials;
  std::string user;
  Setup setup;
  std::string body;
  int status;
  std::string type;
  std::string data;
};

class SilentMonitorRefusals : public DialogActionFixture, public ::testing::WithParamInterface<Refusal> {};

TEST_P(SilentMonitorRefusals, AnswerTheErrorAndSendNothing) {
  const auto& row = GetParam();
  row.setup(*this);
  auto r = post_dialog(row.credentials, row.user, row.body);
  EXPECT_EQ(r.status, row.status) << r.body;
  EXPECT_EQ(error_type(r), row.type) << r.body;
  EXPECT_EQ(error_data(r), row.data) << r.body;
  EXPECT_TRUE(cti.sent.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Table, SilentMonitorRefusals,
    ::testing::Values(
        Refusal{"AgentIsNoSupervisor", kAgent1, "1001", kAgentTalking, monitor("1001", "1002"), 401,
                "Authorization Failure", "agent1"},
        Refusal{"AnotherUsersId", kSupervisor, "1001", kAgentTalking, monitor("2001", "1001"), 401,
                "Invalid Authorization User Specified", "1001"},
        Refusal{"FromMissing", kSupervisor, "2001", kAgentTalking,
                dialog_body("<requestedAction>SILENT_MONITOR</requestedAction><toAddress>1001</toAddress>"), 400,
                "Parameter Missing", "fromAddress"},
        Refusal{"ToMissing", kSupervisor, "2001", kAgentTalking,
                dialog_body("<requestedAction>SILENT_MONITOR</requestedAction><fromAddress>2001</fromAddress>"), 400,
                "Parameter Missing", "toAddress"},
        Refusal{"FromEqualsTo", kSupervisor, "2001", kAgentTalking, monitor("2001", "2001"), 400,
                "Invalid Destination", "2001"},
        Refusal{"FromNotTheSupervisorsPhone", kSupervisor, "2001", kAgentTalking, monitor("1002", "1001"), 401,
                "Authorization Failure", "super"},
        Refusal{"AgentOfAnotherTeam", kSupervisor, "2001", kOtherTeamTalking, monitor("2001", "1003"), 401,
                "Invalid Authorization User Specified", "1003"},
        Refusal{"NobodyAtTo", kSupervisor, "2001", kAgentTalking, monitor("2001", "1999"), 400, "Invalid Input",
                "1999"},
        Refusal{"AgentNotTalking", kSupervisor, "2001", kAgentIdle, monitor("2001", "1001"), 400, "Invalid State",
                "requestedAction"},
        Refusal{"AlreadyMonitoring", kSupervisor, "2001", kAlreadyMonitoring, monitor("2001", "1001"), 400,
                "Invalid State", "requestedAction"},
        // 3.2.6: an administrator may monitor any call "except a 'silent monitored' call".
        Refusal{"AdministratorOnAMonitoredCall", "admin:pwa", "9000", kAlreadyMonitoring, monitor("1002", "1001"),
                400, "Invalid State", "requestedAction"}),
    [](const auto& info) { return info.param.name; });

cti::Message supervise(const std::string& supervisor, const std::string& agent_extension) {
  cti::SuperviseCallReq request;
  request.supervisory_action = cti::SupervisoryAction::Monitor;
  request.supervisor_instrument = supervisor;
  request.agent_extension = agent_extension;
  cti::Message message(std::move(request));
  return message;
}

TEST_F(DialogActionFixture, SupervisorMonitorsAnAgentOfTheirTeam) {
  talk_with_supervisor_free();
  auto r = post_dialog(kSupervisor, "2001", monitor("2001", "1001"));
  EXPECT_EQ(r.status, 202) << r.body;
  ASSERT_EQ(cti.sent.size(), 1u);
  EXPECT_TRUE(cti.sent[0].request == supervise("2001", "1001"));
}

// 3.2.6: "An administrator can silently monitor any call": no team check.
TEST_F(DialogActionFixture, AdministratorMonitorsAnyTalkingAgent) {
  signed_in(AgentState::NotReady, "2001");
  talk("1003");
  auto r = post_dialog("admin:pwa", "9000", monitor("2001", "1003"));
  EXPECT_EQ(r.status, 202) << r.body;
  ASSERT_EQ(cti.sent.size(), 1u);
  EXPECT_TRUE(cti.sent[0].request == supervise("2001", "1003"));
}

// A CTI refusal after the 202 is a Dialog CTI Error on the supervisor's Dialogs node.
TEST_F(DialogActionFixture, CtiRefusalOfAMonitorIsADialogCtiErrorForTheSupervisor) {
  talk_with_supervisor_free();
  ASSERT_EQ(post_dialog(kSupervisor, "2001", monitor("2001", "1001")).status, 202);
  sink.take();
  cti.fail(0, 11, "CF_NO_ACTIVE_CALL");
  const auto published = sink.take();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].node, "/finesse/api/User/2001/Dialogs");
  EXPECT_EQ(text_at(published[0].payload_xml, "/Update/data/apiErrors/apiError/errorMessage"), "CF_NO_ACTIVE_CALL");
}

}  // namespace
}  // namespace fgw::testing
