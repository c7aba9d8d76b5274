// The pubsub node plan (guide 7.1.2, 7.2): which nodes exist and who reads them.
#include <gtest/gtest.h>

#include <algorithm>

#include "component/node_plan.hpp"

namespace fgw::component {
namespace {

const char* kDirectory = R"(
[[team]]
id = "1"
name = "Sales"
[[team]]
id = "2"
name = "Support"
[[user]]
id = "1001"
login_name = "a1"
password = "pw"
roles = ["Agent"]
team = "1"
[[user]]
id = "1002"
login_name = "a2"
password = "pw"
roles = ["Agent"]
team = "2"
[[user]]
id = "2001"
login_name = "sup"
password = "pw"
roles = ["Agent", "Supervisor"]
team = "2"
supervises = ["1", "2"]
[[user]]
id = "9000"
login_name = "admin"
password = "pw"
roles = ["Administrator"]
)";

const NodeSpec& find(const NodePlan& plan, const std::string& node) {
  auto it = std::find_if(plan.nodes.begin(), plan.nodes.end(), [&](const NodeSpec& n) { return n.node == node; });
  if (it == plan.nodes.end()) throw std::runtime_error("no node " + node);
  return *it;
}

class NodePlanTest : public testing::Test {
 protected:
  config::Directory directory = config::Directory::parse(kDirectory, "test", config::HashCost::Minimal);
  NodePlan plan = plan_nodes(directory, "finesse.test");
};

TEST_F(NodePlanTest, EveryUserHasUserAndDialogsNodesReadAndSubscribedByThemselvesOnly) {
  for (const char* id : {"1001", "1002", "2001", "9000"}) {
    const std::string jid = std::string(id) + "@finesse.test";
    const std::vector<std::string> only_self{jid};
    EXPECT_EQ(find(plan, std::string("/finesse/api/User/") + id).members, only_self);
    EXPECT_EQ(find(plan, std::string("/finesse/api/User/") + id).subscribers, only_self);
    EXPECT_EQ(find(plan, std::string("/finesse/api/User/") + id + "/Dialogs").members, only_self);
    EXPECT_EQ(find(plan, std::string("/finesse/api/User/") + id + "/Dialogs").subscribers, only_self);
  }
}

// DECISIONS.md 19: a team's members, its supervisors and administrators may read a Team node.
TEST_F(NodePlanTest, TeamNodeIsReadableByItsUsersSupervisorsAndAdministratorsAndNobodyIsSubscribed) {
  const auto& team1 = find(plan, "/finesse/api/Team/1/Users");
  EXPECT_EQ(team1.members,
            (std::vector<std::string>{"1001@finesse.test", "2001@finesse.test", "9000@finesse.test"}));
  EXPECT_TRUE(team1.subscribers.empty());
  // 2001 is both in team 2 and its supervisor: listed once.
  const auto& team2 = find(plan, "/finesse/api/Team/2/Users");
  EXPECT_EQ(team2.members,
            (std::vector<std::string>{"1002@finesse.test", "2001@finesse.test", "9000@finesse.test"}));
  EXPECT_TRUE(team2.subscribers.empty());
}

TEST_F(NodePlanTest, SystemInfoIsOpenAndSubscribedByEveryUser) {
  const auto& info = find(plan, "/finesse/api/SystemInfo");
  const std::vector<std::string> all{"1001@finesse.test", "1002@finesse.test", "2001@finesse.test",
                                     "9000@finesse.test"};
  EXPECT_TRUE(info.open_access);
  EXPECT_TRUE(info.members.empty());  // an open node needs no 'member' grants
  EXPECT_EQ(info.subscribers, all);
  EXPECT_EQ(plan.user_jids, all);
}

TEST_F(NodePlanTest, HasExactlyTheNodesOfTheGuideAndNoDuplicates) {
  EXPECT_EQ(plan.nodes.size(), 4u * 2 + 2 + 1);
  std::vector<std::string> names;
  for (const auto& n : plan.nodes) names.push_back(n.node);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
}

TEST(NodePlan, UsesTheDomainGivenForJids) {
  auto directory = config::Directory::parse(kDirectory, "test", config::HashCost::Minimal);
  auto plan = plan_nodes(directory, "example.org");
  EXPECT_EQ(find(plan, "/finesse/api/User/1001").members.front(), "1001@example.org");
}

}  // namespace
}  // namespace fgw::component

namespace fgw::component {
namespace {

TEST_F(NodePlanTest, APairMakesThePeerAnOwnerAndSubscribesItselfToAllButSystemInfo) {
  auto paired = plan;
  add_pair(paired, "gw-a.finesse.test", "gw-b.finesse.test");
  for (const auto& spec : paired.nodes) {
    EXPECT_EQ(spec.owners, std::vector<std::string>{"gw-b.finesse.test"}) << spec.node;
    const auto& before = find(plan, spec.node).subscribers;
    auto expected = before;
    if (spec.node != kSystemInfoNode) expected.push_back("gw-a.finesse.test");
    EXPECT_EQ(spec.subscribers, expected) << spec.node;
    EXPECT_EQ(spec.members, find(plan, spec.node).members) << spec.node;
  }
}

}  // namespace
}  // namespace fgw::component
