// The state names a PUT may carry and their CTI translation (agent_state_requests.hpp).
#include <gtest/gtest.h>

#include "gateway/api/agent_state_requests.hpp"

namespace fgw::api {
namespace {

TEST(RequestedStates, ParseTheFourSettableStatesInAnyCase) {
  EXPECT_EQ(parse_requested_state("LOGIN"), RequestedState::Login);
  EXPECT_EQ(parse_requested_state("LOGOUT"), RequestedState::Logout);
  EXPECT_EQ(parse_requested_state("READY"), RequestedState::Ready);
  EXPECT_EQ(parse_requested_state("NOT_READY"), RequestedState::NotReady);
  EXPECT_EQ(parse_requested_state("Not_Ready"), RequestedState::NotReady);
  for (auto text : {"", "TALKING", "RESERVED", "HOLD", "WORK", "WORK_READY", "AVAILABLE", " READY"})
    EXPECT_EQ(parse_requested_state(text), std::nullopt) << text;
}

TEST(RequestedStates, NamesRoundTrip) {
  for (auto state : {RequestedState::Login, RequestedState::Logout, RequestedState::Ready, RequestedState::NotReady})
    EXPECT_EQ(parse_requested_state(state_name(state)), state);
}

TEST(SetAgentStateRequests, LeaveInvokeAndPeripheralToTheLinkAndOmitAnUnknownInstrument) {
  AgentStateChange change;
  change.agent_id = "1001";
  change.state = RequestedState::Ready;
  const auto request = set_agent_state_request(change);
  EXPECT_EQ(request.invoke_id, 0u);
  EXPECT_EQ(request.peripheral_id, 0u);
  EXPECT_EQ(request.agent_state, cti::AgentState::Available);
  EXPECT_EQ(request.agent_id, "1001");
  EXPECT_EQ(request.agent_instrument, std::nullopt);
  EXPECT_EQ(request.forced_flag, 0);
  EXPECT_TRUE(request.skill_groups.empty());
}

}  // namespace
}  // namespace fgw::api
