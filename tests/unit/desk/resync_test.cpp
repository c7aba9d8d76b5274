// Resync after a side switch (DECISIONS.md 18): the query answers replace the agent's picture;
// only what changed is notified.
#include "desk_support.hpp"

namespace fgw::desk::test {
namespace {

using cti::LocalConnectionState;

cti::QueryAgentStateConf query(cti::AgentState state, const std::string& extension) {
  cti::QueryAgentStateConf conf;
  conf.agent_state = state;
  conf.agent_id = "1001";
  conf.agent_extension = extension;
  conf.agent_instrument = extension;
  return conf;
}

cti::SnapshotCallConf snapshot(std::uint32_t id, std::vector<std::pair<std::string, LocalConnectionState>> legs) {
  cti::SnapshotCallConf conf;
  conf.call_type = cti::CallType::AcdIn;
  conf.ani = kCaller;
  for (const auto& [device, state] : legs)
    conf.devices.push_back({id, cti::ConnectionIdType::Static, device, cti::DeviceIdType::DeviceIdentifier, device, state});
  return conf;
}

LiveModel talking_on(std::uint32_t id) {
  auto model = model_with_signed_in({"1001"});
  model.apply(agent_state("1001", cti::AgentState::Talking));
  model.apply(begin_call(id, kCaller, cti::CallType::AcdIn));
  model.apply(delivered(id, kCaller, "1001"));
  model.apply(established(id, kCaller, "1001"));
  return model;
}

TEST(Resync, NothingChangedNothingPublished) {
  auto model = talking_on(700);
  const auto out = model.apply_resync(
      "1001", query(cti::AgentState::Talking, "1001"),
      {snapshot(700, {{kCaller, LocalConnectionState::Connect}, {"1001", LocalConnectionState::Connect}})});
  EXPECT_TRUE(out.empty());
}

TEST(Resync, AStateChangedWhileTheLinkWasDownIsPublished) {
  auto model = talking_on(700);
  const auto out = model.apply_resync(
      "1001", query(cti::AgentState::Talking, "1001"),
      {snapshot(700, {{kCaller, LocalConnectionState::Connect}, {"1001", LocalConnectionState::Hold}})});
  EXPECT_EQ(read_dialogs(out), (std::vector<Seen>{expect("1001", "PUT", 700, "ACTIVE", {active(kCaller), held_leg("1001")})}));
}

TEST(Resync, ACallThatEndedIsDeletedAndANewOneIsAdded) {
  auto model = talking_on(700);
  const auto out = model.apply_resync(
      "1001", query(cti::AgentState::Reserved, "1001"),
      {snapshot(705, {{kCaller, LocalConnectionState::Initiate}, {"1001", LocalConnectionState::Alerting}})});
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].node, "/finesse/api/User/1001");  // TALKING -> RESERVED
  EXPECT_EQ(out[1].node, "/finesse/api/Team/1/Users");
  std::vector<Notification> dialogs(out.begin() + 2, out.end());
  EXPECT_EQ(read_dialogs(dialogs),
            (std::vector<Seen>{expect("1001", "DELETE", 700, "DROPPED", {dropped(kCaller), dropped("1001")}),
                               expect("1001", "POST", 705, "ALERTING", {initiated(kCaller), alerting("1001")})}));
  EXPECT_FALSE(model.state().calls.count(700));
}

TEST(Resync, AnAgentOutsideTheDirectoryIsIgnored) {
  LiveModel model(directory());
  auto conf = query(cti::AgentState::Available, "1009");
  EXPECT_TRUE(model.apply_resync("9999", conf, {}).empty());
}

}  // namespace
}  // namespace fgw::desk::test
