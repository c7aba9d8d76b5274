#include "component/node_plan.hpp"

#include <algorithm>
#include <set>

namespace fgw::component {

std::string user_jid(const std::string& user_id, const std::string& domain) { return user_id + "@" + domain; }
std::string user_node(const std::string& user_id) { return "/finesse/api/User/" + user_id; }
std::string dialogs_node(const std::string& user_id) { return user_node(user_id) + "/Dialogs"; }
std::string team_users_node(const std::string& team_id) { return "/finesse/api/Team/" + team_id + "/Users"; }

namespace {

NodeSpec self_subscribed(std::string node, const std::string& jid) {
  return NodeSpec{std::move(node), {jid}, {jid}, {}};
}

// Team members, supervisors of the team and administrators (DECISIONS.md 19), each once, in
// directory order.
std::vector<std::string> team_readers(const config::Directory& directory, const std::string& team_id,
                                      const std::string& domain) {
  std::vector<std::string> jids;
  std::set<std::string> seen;
  auto add = [&](const config::User& user) {
    if (seen.insert(user.id).second) jids.push_back(user_jid(user.id, domain));
  };
  for (const auto& user : directory.users()) {
    const bool supervises = std::find(user.supervises.begin(), user.supervises.end(), team_id) != user.supervises.end();
    if (user.team_id == team_id || supervises || user.administrator) add(user);
  }
  return jids;
}

}  // namespace

NodePlan plan_nodes(const config::Directory& directory, const std::string& domain) {
  NodePlan plan;
  NodeSpec system_info{kSystemInfoNode, {}, {}, {}, true};
  for (const auto& user : directory.users()) {
    const auto jid = user_jid(user.id, domain);
    plan.user_jids.push_back(jid);
    plan.nodes.push_back(self_subscribed(user_node(user.id), jid));
    plan.nodes.push_back(self_subscribed(dialogs_node(user.id), jid));
    system_info.subscribers.push_back(jid);
  }
  for (const auto& team : directory.teams())
    plan.nodes.push_back(NodeSpec{team_users_node(team.id), team_readers(directory, team.id, domain), {}, {}});
  plan.nodes.push_back(std::move(system_info));
  return plan;
}

void add_pair(NodePlan& plan, const std::string& own_component, const std::string& peer_component) {
  for (auto& spec : plan.nodes) {
    spec.owners.push_back(peer_component);
    if (spec.node != kSystemInfoNode) spec.subscribers.push_back(own_component);
  }
}

}  // namespace fgw::component
