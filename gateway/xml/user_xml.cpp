#include "gateway/xml/user_xml.hpp"

#include "gateway/xml/xml_writer.hpp"

namespace fgw::xml {

namespace {

void append_roles(pugi::xml_node user_node, const config::User& user) {
  auto roles = user_node.append_child("roles");
  if (user.agent) append_text(roles, "role", "Agent");
  if (user.supervisor) append_text(roles, "role", "Supervisor");
}

// "teams: A list of teams that a user supervises (applies to users who have a role of supervisor
// only)" (guide 5.4): agents get an empty list.
void append_supervised_teams(pugi::xml_node user_node, const config::User& user, const config::Directory& directory) {
  auto teams = user_node.append_child("teams");
  if (!user.supervisor) return;
  for (const auto& team_id : user.supervises) {
    const auto* team = directory.find_team(team_id);
    auto team_node = teams.append_child("Team");
    append_text(team_node, "id", team_id);
    append_text(team_node, "name", team ? team->name : team_id);
  }
}

}  // namespace

void append_user_fields(pugi::xml_node node, const UserView& view, const config::Directory& directory) {
  const auto& user = *view.user;
  const std::string uri = "/finesse/api/User/" + user.id;
  append_text(node, "uri", uri);
  append_roles(node, user);
  append_text(node, "loginId", user.id);
  append_text(node, "loginName", user.login_name);
  append_text(node, "state", view.live.state);
  // Not in the 8.5 sample; later releases always carry it, empty when nothing is pending.
  append_text(node, "pendingState", view.live.pending_state);
  append_text(node, "extension", view.live.extension);
  append_text(node, "firstName", user.first_name);
  append_text(node, "lastName", user.last_name);
  const auto* team = user.team_id.empty() ? nullptr : directory.find_team(user.team_id);
  append_text(node, "teamId", user.team_id);
  append_text(node, "teamName", team ? team->name : "");
  append_text(node, "dialogs", uri + "/Dialogs");
  append_supervised_teams(node, user, directory);
}

void append_user(pugi::xml_node parent, const UserView& view, const config::Directory& directory) {
  append_user_fields(parent.append_child("User"), view, directory);
}

std::string render_user(const UserView& view, const config::Directory& directory) {
  pugi::xml_document doc;
  append_user(doc, view, directory);
  return serialize(doc);
}

std::string render_users(const std::vector<UserView>& views, const config::Directory& directory) {
  pugi::xml_document doc;
  auto users = doc.append_child("Users");
  for (const auto& view : views) append_user(users, view, directory);
  return serialize(doc);
}

}  // namespace fgw::xml
