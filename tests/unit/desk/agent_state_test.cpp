// AGENT_STATE_EVENT to the User state (guide 5.4 "state (user)", 3.1.4, 5.4.5, DECISIONS.md 9-11)
// and the User and Team notifications it causes (7.2.1, 7.2.4).
#include "desk_support.hpp"
#include "gateway/desk/user_state_mapping.hpp"

namespace fgw::desk::test {
namespace {

using cti::AgentState;

struct StateCase {
  const char* name;
  AgentState cti;
  const char* finesse;
};

class AgentStateMapping : public testing::TestWithParam<StateCase> {};

TEST_P(AgentStateMapping, PublishesTheUserState) {
  LiveModel model(directory());
  const auto notifications = model.apply(agent_state("1001", GetParam().cti));
  ASSERT_EQ(notifications.size(), 2u);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(notifications[0].payload_xml.c_str()));
  EXPECT_STREQ(doc.select_node("/Update/data/user/state").node().text().get(), GetParam().finesse);
  EXPECT_EQ(model.state().users.at("1001").status.state, GetParam().finesse);
}

INSTANTIATE_TEST_SUITE_P(
    Table, AgentStateMapping,
    testing::Values(StateCase{"Login", AgentState::Login, "NOT_READY"},
                    StateCase{"NotReady", AgentState::NotReady, "NOT_READY"},
                    StateCase{"Available", AgentState::Available, "READY"},
                    StateCase{"Talking", AgentState::Talking, "TALKING"},
                    StateCase{"WorkNotReady", AgentState::WorkNotReady, "WORK"},
                    StateCase{"WorkReady", AgentState::WorkReady, "WORK_READY"},
                    StateCase{"Reserved", AgentState::Reserved, "RESERVED"},
                    StateCase{"Hold", AgentState::Hold, "HOLD"},
                    StateCase{"BusyOther", AgentState::BusyOther, "NOT_READY"},
                    StateCase{"Unknown", AgentState::Unknown, "UNKNOWN"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(AgentStateMapping, LogoutAfterLoginIsPublishedWithoutExtension) {
  LiveModel model(directory());
  model.apply(agent_state("1001", AgentState::NotReady));
  const auto notifications = model.apply(agent_state("1001", AgentState::Logout));
  ASSERT_EQ(notifications.size(), 2u);
  EXPECT_EQ(model.state().users.at("1001").status, (desk::AgentState{"LOGOUT", "", ""}));
}

struct PendingCase {
  const char* name;
  AgentState state;
  std::optional<AgentState> next;
  const char* pending;
};

class PendingState : public testing::TestWithParam<PendingCase> {};

TEST_P(PendingState, FollowsNextAgentStateDuringACall) {
  LiveModel model(directory());
  model.apply(agent_state("1001", GetParam().state, GetParam().next));
  EXPECT_EQ(model.state().users.at("1001").status.pending_state, GetParam().pending);
}

INSTANTIATE_TEST_SUITE_P(
    Table, PendingState,
    testing::Values(PendingCase{"TalkingToNotReady", AgentState::Talking, AgentState::NotReady, "NOT_READY"},
                    PendingCase{"TalkingToWorkNotReady", AgentState::Talking, AgentState::WorkNotReady, "NOT_READY"},
                    PendingCase{"TalkingToReady", AgentState::Talking, AgentState::Available, "READY"},
                    PendingCase{"TalkingToWorkReady", AgentState::Talking, AgentState::WorkReady, "READY"},
                    PendingCase{"HoldToLogout", AgentState::Hold, AgentState::Logout, "LOGOUT"},
                    PendingCase{"ReservedToNotReady", AgentState::Reserved, AgentState::NotReady, "NOT_READY"},
                    PendingCase{"TalkingWithNothingNext", AgentState::Talking, std::nullopt, ""},
                    PendingCase{"WrapUpEndsThePending", AgentState::WorkNotReady, AgentState::NotReady, ""},
                    PendingCase{"ReadyHasNone", AgentState::Available, AgentState::NotReady, ""}),
    [](const auto& info) { return std::string(info.param.name); });

// 5.4.5: NOT_READY asked during a call -> pending, then WORK after the call, then NOT_READY.
TEST(PendingState, WorkThenNotReadyAfterACallWithAPendingNotReady) {
  LiveModel model(directory());
  model.apply(agent_state("1001", AgentState::Available));
  model.apply(agent_state("1001", AgentState::Talking));
  model.apply(agent_state("1001", AgentState::Talking, AgentState::NotReady));
  EXPECT_EQ(model.state().users.at("1001").status.pending_state, "NOT_READY");
  model.apply(agent_state("1001", AgentState::WorkNotReady, AgentState::NotReady));
  EXPECT_EQ(model.state().users.at("1001").status, (desk::AgentState{"WORK", "1001", ""}));
  model.apply(agent_state("1001", AgentState::NotReady, std::nullopt, 12));
  EXPECT_EQ(model.state().users.at("1001").status, (desk::AgentState{"NOT_READY", "1001", ""}));
  EXPECT_EQ(model.state().users.at("1001").reason_code, 12);
}

TEST(UserNotifications, GoToTheUserAndTheTeamNodes) {
  LiveModel model(directory());
  const auto notifications = model.apply(agent_state("1001", AgentState::Available));
  ASSERT_EQ(notifications.size(), 2u);
  EXPECT_EQ(notifications[0].node, "/finesse/api/User/1001");
  EXPECT_EQ(notifications[0].source, "/finesse/api/User/1001");
  EXPECT_EQ(notifications[0].event_method, "PUT");
  EXPECT_EQ(notifications[1].node, "/finesse/api/Team/1/Users");
  EXPECT_EQ(notifications[1].source, "/finesse/api/User/1001");
  EXPECT_EQ(notifications[1].event_method, "PUT");
}

TEST(UserNotifications, NothingWhenTheStateIsTheSame) {
  LiveModel model(directory());
  model.apply(agent_state("1001", AgentState::Available));
  EXPECT_TRUE(model.apply(agent_state("1001", AgentState::Available)).empty());
}

TEST(UserNotifications, AnAgentOutsideTheDirectoryIsNoUser) {
  LiveModel model(directory());
  EXPECT_TRUE(model.apply(agent_state("9999", AgentState::Available)).empty());
  EXPECT_TRUE(model.state().users.empty());
}

}  // namespace
}  // namespace fgw::desk::test
