#include "gateway/desk/user_notifications.hpp"

#include "gateway/desk/live_queries.hpp"
#include "gateway/xml/notification_xml.hpp"

namespace fgw::desk {

std::vector<Notification> user_notifications(const config::User& user, const LiveUser& live,
                                             const config::Directory& directory) {
  const xml::UserView view{&user, live.status};
  const std::string source = "/finesse/api/User/" + user.id;
  std::vector<Notification> out;
  out.push_back({source, source, "PUT", xml::render_user_update(view, directory), ""});
  if (!user.team_id.empty()) {
    out.push_back(
        {"/finesse/api/Team/" + user.team_id + "/Users", source, "PUT", xml::render_team_user_update(view, ""), ""});
  }
  return out;
}

std::vector<Notification> current_user_notifications(const LiveState& state, const config::Directory& directory) {
  std::vector<Notification> out;
  for (const auto& user : directory.users()) {
    if (!user.agent && !user.supervisor) continue;
    auto batch = user_notifications(user, live_user(state, directory, user.id), directory);
    for (auto& n : batch) out.push_back(std::move(n));
  }
  return out;
}

}  // namespace fgw::desk
