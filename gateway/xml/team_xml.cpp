#include "gateway/xml/team_xml.hpp"

#include "gateway/xml/xml_writer.hpp"

namespace fgw::xml {

std::string render_team(const config::Team& team, const std::vector<UserView>& members) {
  pugi::xml_document doc;
  auto node = doc.append_child("Team");
  append_text(node, "id", team.id);
  append_text(node, "name", team.name);
  append_text(node, "uri", "/finesse/api/Team/" + team.id);
  auto users = node.append_child("users");
  for (const auto& member : members) {
    auto user = users.append_child("User");
    append_text(user, "firstName", member.user->first_name);
    append_text(user, "lastName", member.user->last_name);
    append_text(user, "loginId", member.user->id);
    append_text(user, "state", member.live.state);
    append_text(user, "extension", member.live.extension);
    append_text(user, "uri", "/finesse/api/User/" + member.user->id);
  }
  return serialize(doc);
}

}  // namespace fgw::xml
