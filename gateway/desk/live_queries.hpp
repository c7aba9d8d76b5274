#pragma once
// Reads over a copy of the live state, for REST GETs: they never touch the model itself.
#include <optional>
#include <string>
#include <vector>

#include "config/directory.hpp"
#include "gateway/desk/live_state.hpp"

namespace fgw::desk {

// A user CTI has not reported is LOGOUT, with the directory's team.
LiveUser live_user(const LiveState& state, const config::Directory& directory, const std::string& user_id);
// The dialogs whose notifications the user receives (User/{id}/Dialogs), oldest call first.
std::vector<Dialog> dialogs_of(const LiveState& state, const std::string& user_id);
std::optional<Dialog> find_dialog(const LiveState& state, const std::string& dialog_id);
// The team's members as the directory lists them, with their live state.
std::vector<LiveUser> team_members(const LiveState& state, const config::Directory& directory,
                                   const std::string& team_id);

}  // namespace fgw::desk
