#pragma once
// The notifications of one user's state (guide 7.2.1 on the User node, 7.2.4 on the team's Users
// node): what a change publishes, and what a reconnected XMPP link republishes so that clients
// converge on the current state.
#include <vector>

#include "config/directory.hpp"
#include "gateway/desk/live_state.hpp"
#include "gateway/desk/notification.hpp"

namespace fgw::desk {

std::vector<Notification> user_notifications(const config::User& user, const LiveUser& live,
                                             const config::Directory& directory);

// The current state of every directory user who has a User object (agents and supervisors).
std::vector<Notification> current_user_notifications(const LiveState& state, const config::Directory& directory);

}  // namespace fgw::desk
