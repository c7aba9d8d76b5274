// Agent sign-in, READY / NOT_READY / LOGOUT, QUERY_AGENT_STATE and their failures.
#include "unit/ctisim/world_fixture.hpp"

namespace fgw::ctisim::test {
namespace {

using cti::ControlFailureCode;
using cti::FailureStatus;

TEST_F(WorldTest, LoginReportsLoginThenNotReady) {
  auto out = set_state("1001", AgentState::Login, 0, "1001");
  EXPECT_TRUE(replied<cti::SetAgentStateConf>(out));
  EXPECT_EQ(std::get<cti::SetAgentStateConf>(*out.reply).invoke_id, invoke_);
  EXPECT_EQ(agent_states(out.events, "1001"),
            (std::vector{AgentState::Login, AgentState::NotReady}));
  const auto& event = std::get<cti::AgentStateEvent>(out.events.back());
  EXPECT_EQ(event.agent_extension, "1001");
  EXPECT_EQ(event.peripheral_id, kPeripheral);
  EXPECT_EQ(event.client_signature, "gateway");
}

TEST_F(WorldTest, LoginOnUnknownExtensionIsInvalidLogonDevice) {
  EXPECT_TRUE(control_failed(set_state("1001", AgentState::Login, 0, "9999"),
                             ControlFailureCode::InvalidLogonDeviceSpecified));
  EXPECT_TRUE(control_failed(set_state("1001", AgentState::Login, 0, "6000"),
                             ControlFailureCode::InvalidLogonDeviceSpecified));
  EXPECT_EQ(state_of("1001"), AgentState::Logout);
}

TEST_F(WorldTest, LoginOfUnknownAgentIsInvalidAgentId) {
  EXPECT_TRUE(control_failed(set_state("4242", AgentState::Login, 0, "1001"),
                             ControlFailureCode::InvalidAgentIdSpecified));
}

TEST_F(WorldTest, LoginWithoutInstrumentIsRequiredDataMissing) {
  EXPECT_TRUE(failed(set_state("1001", AgentState::Login), FailureStatus::RequiredDataMissing));
}

TEST_F(WorldTest, ExtensionOfAnotherSignedInAgentIsInUse) {
  login("1001", "1001");
  EXPECT_TRUE(control_failed(set_state("1002", AgentState::Login, 0, "1001"),
                             ControlFailureCode::SpecifiedExtensionAlreadyInUse));
}

TEST_F(WorldTest, AgentSignedInElsewhereIsAlreadySignedOn) {
  login("1001", "1001");
  EXPECT_TRUE(control_failed(set_state("1001", AgentState::Login, 0, "1002"),
                             ControlFailureCode::SpecifiedAgentAlreadySignedOn));
}

TEST_F(WorldTest, RepeatedLoginOnSameExtensionRepeatsTheState) {
  login("1001", "1001");
  auto out = set_state("1001", AgentState::Login, 0, "1001");
  EXPECT_TRUE(replied<cti::SetAgentStateConf>(out));
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::NotReady}));
}

TEST_F(WorldTest, ReadyAndNotReadyWithReasonCode) {
  login("1001", "1001");
  auto out = set_state("1001", AgentState::Available);
  EXPECT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::Available}));
  out = set_state("1001", AgentState::NotReady, 12);
  ASSERT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::NotReady}));
  EXPECT_EQ(std::get<cti::AgentStateEvent>(out.events.back()).event_reason_code, 12);
  // A new reason code while NOT_READY is a change too.
  out = set_state("1001", AgentState::NotReady, 13);
  ASSERT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::NotReady}));
  EXPECT_EQ(std::get<cti::AgentStateEvent>(out.events.back()).event_reason_code, 13);
  // The same state again: confirmed, no change, no event.
  out = set_state("1001", AgentState::NotReady, 13);
  EXPECT_TRUE(replied<cti::SetAgentStateConf>(out));
  EXPECT_TRUE(out.events.empty());
}

TEST_F(WorldTest, LogoutCarriesReasonCodeAndFreesExtension) {
  login("1001", "1001");
  auto out = set_state("1001", AgentState::Logout, 99);
  ASSERT_EQ(agent_states(out.events, "1001"), (std::vector{AgentState::Logout}));
  EXPECT_EQ(std::get<cti::AgentStateEvent>(out.events.back()).event_reason_code, 99);
  login("1002", "1001");
}

TEST_F(WorldTest, StateRequestsForSignedOutAgentFail) {
  EXPECT_TRUE(failed(set_state("1001", AgentState::Available), FailureStatus::AgentNotLoggedOn));
  EXPECT_TRUE(failed(set_state("1001", AgentState::Logout), FailureStatus::AgentNotLoggedOn));
}

TEST_F(WorldTest, ServerOnlyStatesCannotBeSet) {
  login("1001", "1001");
  EXPECT_TRUE(control_failed(set_state("1001", AgentState::Talking),
                             ControlFailureCode::ValueOutOfRange));
  EXPECT_TRUE(control_failed(set_state("1001", AgentState::Reserved),
                             ControlFailureCode::ValueOutOfRange));
}

TEST_F(WorldTest, WrongPeripheralIsInvalidPeripheralId) {
  cti::SetAgentStateReq req;
  req.invoke_id = 7;
  req.peripheral_id = 1;
  req.agent_state = AgentState::Login;
  req.agent_id = "1001";
  req.agent_instrument = "1001";
  EXPECT_TRUE(failed(request(req), FailureStatus::InvalidPeripheralId));
}

TEST_F(WorldTest, ControlWithoutClientControlServiceIsRefused) {
  cti::SetAgentStateReq req;
  req.invoke_id = 7;
  req.peripheral_id = kPeripheral;
  req.agent_state = AgentState::Login;
  req.agent_id = "1001";
  req.agent_instrument = "1001";
  const auto out = world_.handle_request(req, RequestContext{"monitor", 0x10});
  EXPECT_TRUE(failed(out, FailureStatus::FunctionNotAvailable));
}

TEST_F(WorldTest, QueryAgentStateByIdAndByExtension) {
  login("1001", "1001");
  ready("1001");
  cti::QueryAgentStateReq req;
  req.invoke_id = 31;
  req.peripheral_id = kPeripheral;
  req.agent_id = "1001";
  auto out = request(req);
  ASSERT_TRUE(replied<cti::QueryAgentStateConf>(out));
  const auto& conf = std::get<cti::QueryAgentStateConf>(*out.reply);
  EXPECT_EQ(conf.invoke_id, 31u);
  EXPECT_EQ(conf.agent_state, AgentState::Available);
  EXPECT_EQ(conf.agent_extension, "1001");

  req.agent_id.reset();
  req.agent_extension = "1001";
  out = request(req);
  ASSERT_TRUE(replied<cti::QueryAgentStateConf>(out));
  EXPECT_EQ(std::get<cti::QueryAgentStateConf>(*out.reply).agent_id, "1001");

  req.agent_extension = "1002";  // nobody signed in there
  EXPECT_TRUE(control_failed(request(req), ControlFailureCode::InvalidAgentIdSpecified));
  req.agent_extension.reset();
  EXPECT_TRUE(failed(request(req), FailureStatus::RequiredDataMissing));
}

TEST_F(WorldTest, UnservedMessageGetsFunctionNotAvailableWithInvokeId) {
  auto out = request(cti::UnknownMessage{40, {0, 0, 0, 9, 1, 2}});  // ALTERNATE_CALL_REQ
  ASSERT_TRUE(failed(out, FailureStatus::FunctionNotAvailable));
  EXPECT_EQ(std::get<cti::FailureConf>(*out.reply).invoke_id, 9u);
  out = request(cti::OpenConf{});  // a server message sent by a client
  EXPECT_TRUE(failed(out, FailureStatus::FunctionNotAvailable));
}

}  // namespace
}  // namespace fgw::ctisim::test
