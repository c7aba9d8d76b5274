// Whose call it is when users share a device: the first signed-in user by loginId, else the
// user whose directory extension it is (LiveModel::user_at, kept as an index of signed-in users).
#include "desk_support.hpp"
#include "gateway/desk/live_queries.hpp"

namespace fgw::desk::test {
namespace {

cti::AgentStateEvent signed_in_on(const std::string& agent, const std::string& device, cti::AgentState state) {
  auto event = agent_state(agent, state);
  event.agent_extension = device;
  event.agent_instrument = device;
  return event;
}

std::vector<std::string> receivers_of_a_call_to(LiveModel& model, std::uint32_t call, const std::string& device) {
  model.apply(begin_call(call, kCaller, cti::CallType::AcdIn));
  model.apply(delivered(call, kCaller, device));
  std::vector<std::string> receivers;
  for (const auto& recipient : model.state().calls.at(call).recipients) receivers.push_back(recipient.user_id);
  return receivers;
}

TEST(SharedDevice, TheFirstSignedInUserByLoginIdReceivesTheCall) {
  auto model = model_with_signed_in({"1001"});
  model.apply(signed_in_on("1002", "1001", cti::AgentState::Available));
  EXPECT_EQ(receivers_of_a_call_to(model, 700, "1001"), std::vector<std::string>{"1001"});

  model.apply(signed_in_on("1001", "1001", cti::AgentState::Logout));
  EXPECT_EQ(receivers_of_a_call_to(model, 701, "1001"), std::vector<std::string>{"1002"});

  // Nobody signed in there any more: the device is its directory user's again.
  model.apply(signed_in_on("1002", "1001", cti::AgentState::Logout));
  EXPECT_EQ(receivers_of_a_call_to(model, 702, "1001"), std::vector<std::string>{"1001"});
}

TEST(SharedDevice, AUserWhoMovesLeavesTheOldDevice) {
  auto model = model_with_signed_in({"1002"});
  model.apply(signed_in_on("1001", "1002", cti::AgentState::Available));
  EXPECT_EQ(receivers_of_a_call_to(model, 700, "1002"), std::vector<std::string>{"1001"});
  model.apply(signed_in_on("1001", "1003", cti::AgentState::Available));
  EXPECT_EQ(receivers_of_a_call_to(model, 701, "1002"), std::vector<std::string>{"1002"});
  EXPECT_EQ(receivers_of_a_call_to(model, 702, "1003"), std::vector<std::string>{"1001"});
}

// dialogs_of promises the oldest call first, whatever order the calls map iterates in.
TEST(SharedDevice, DialogsOfListsTheOldestCallFirst) {
  auto model = model_with_signed_in({"1001"});
  const std::vector<std::uint32_t> ids{900, 5, 70000, 64, 128, 1};
  for (const auto id : ids) receivers_of_a_call_to(model, id, "1001");
  std::vector<std::string> listed;
  for (const auto& dialog : dialogs_of(model.state(), "1001")) listed.push_back(dialog.id);
  EXPECT_EQ(listed, (std::vector<std::string>{"1", "5", "64", "128", "900", "70000"}));
}

}  // namespace
}  // namespace fgw::desk::test
