#pragma once
// Which pubsub nodes the gateway owns, and who may read them (guide 7.1.2, 7.2). A pure function of
// the directory, so the bootstrap after every (re)connect recreates exactly the same plan.

#include <string>
#include <vector>

#include "config/directory.hpp"

namespace fgw::component {

struct NodeSpec {
  std::string node;                      // e.g. /finesse/api/User/1001
  std::vector<std::string> members;      // bare JIDs granted the 'member' affiliation (whitelist)
  std::vector<std::string> subscribers;  // bare JIDs the gateway subscribes as owner
  std::vector<std::string> owners;       // further owners: the peer node's component of a pair
  // Open instead of whitelist: anyone on the server may read it, and nobody needs 'member'.
  bool open_access = false;
  bool operator==(const NodeSpec&) const = default;
};

struct NodePlan {
  std::vector<NodeSpec> nodes;
  std::vector<std::string> user_jids;  // every agent's bare JID, for HA presence after a reconnect
};

std::string user_jid(const std::string& user_id, const std::string& domain);
std::string user_node(const std::string& user_id);
std::string dialogs_node(const std::string& user_id);
std::string team_users_node(const std::string& team_id);
inline constexpr const char* kSystemInfoNode = "/finesse/api/SystemInfo";

// Every user: User/{id} and User/{id}/Dialogs, member+subscribed: the user.
// Every team: Team/{id}/Users, members: its users, its supervisors and administrators, nobody subscribed
//   (clients subscribe themselves, 7.1.2).
// SystemInfo: open (its content is no secret: any signed-in user reads it over REST), every user
//   subscribed. Open, because granting 'member' to every user costs Prosody 0.12 a rewrite of the
//   whole node per JID: 4 times the bootstrap time at 1,000 users (docs/decisions.md 56).
NodePlan plan_nodes(const config::Directory& directory, const std::string& domain);

// A primary/secondary pair publishes to the same nodes: the peer's component becomes an owner of
// every node (so whichever node created it, both may publish and manage subscriptions), and this
// node's component subscribes to every node but SystemInfo, so that a standby sees what the
// publishing peer sent (StandbyMirror).
void add_pair(NodePlan& plan, const std::string& own_component, const std::string& peer_component);

}  // namespace fgw::component
