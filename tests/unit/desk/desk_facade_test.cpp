// The Desk façade: changes go through the model to the sink; readers see copies.
#include "desk_support.hpp"
#include "gateway/desk/capturing_sink.hpp"
#include "gateway/desk/desk.hpp"

namespace fgw::desk::test {
namespace {

TEST(DeskFacade, PublishesNotificationsAndAnswersReads) {
  CapturingSink sink;
  Desk desk(directory(), sink);
  desk.apply(agent_state("1001", cti::AgentState::Available));
  EXPECT_EQ(sink.take().size(), 2u);
  EXPECT_EQ(desk.agent_state("1001"), (AgentState{"READY", "1001", ""}));

  desk.apply(begin_call(700, kCaller, cti::CallType::AcdIn));
  desk.apply(delivered(700, kCaller, "1001"));
  EXPECT_EQ(sink.take().size(), 1u);
  ASSERT_EQ(desk.dialogs_of("1001").size(), 1u);
  EXPECT_EQ(desk.dialogs_of("1001")[0].state, "ALERTING");
  EXPECT_TRUE(desk.dialogs_of("1002").empty());
  ASSERT_TRUE(desk.dialog("700"));
  EXPECT_EQ(desk.dialog("700")->participants.size(), 2u);
  EXPECT_FALSE(desk.dialog("70x"));
  EXPECT_FALSE(desk.dialog("701"));
}

TEST(DeskFacade, AReaderKeepsItsCopyWhileTheDeskMovesOn) {
  CapturingSink sink;
  Desk desk(directory(), sink);
  desk.apply(agent_state("1001", cti::AgentState::Available));
  const auto before = desk.snapshot();
  desk.apply(agent_state("1001", cti::AgentState::NotReady));
  EXPECT_EQ(before->users.at("1001").status.state, "READY");
  EXPECT_EQ(desk.agent_state("1001").state, "NOT_READY");
}

TEST(DeskFacade, TeamMembersCarryTheirLiveStates) {
  CapturingSink sink;
  Desk desk(directory(), sink);
  desk.apply(agent_state("1002", cti::AgentState::Talking));
  const auto members = desk.team_members("1");
  ASSERT_EQ(members.size(), 3u);
  EXPECT_EQ(members[0].status.state, "LOGOUT");
  EXPECT_EQ(members[1].status.state, "TALKING");
  EXPECT_EQ(members[1].team_id, "1");
}

TEST(DeskFacade, ReportsCtiErrorsToTheSink) {
  CapturingSink sink;
  Desk desk(directory(), sink);
  desk.report_cti_error("1001", "700", 5, "CF_INVALID_CALLING_DEVICE", "r1");
  const auto published = sink.take();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].node, "/finesse/api/User/1001/Dialogs");
  EXPECT_NE(published[0].payload_xml.find("<errorData>5</errorData>"), std::string::npos);
}

TEST(DeskFacade, AStandaloneDeskKeepsStatesItIsGiven) {
  Desk desk;
  desk.set_agent_state("1001", {"NOT_READY", "1001"});
  EXPECT_EQ(desk.agent_state("1001").state, "NOT_READY");
  EXPECT_EQ(desk.agent_state("1002").state, "LOGOUT");
}

}  // namespace
}  // namespace fgw::desk::test
