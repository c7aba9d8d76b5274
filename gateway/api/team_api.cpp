// Team—Get Object (3.3.1).

#include "gateway/api/api_context.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/http/api_error.hpp"
#include "gateway/xml/team_xml.hpp"

namespace fgw::api {

namespace {

// The guide names no constraint for Team; the same readers as the Team pubsub node may read it
// (DECISIONS.md 19): its members, its supervisors, and administrators.
bool may_read_team(const http::Principal& caller, const config::Directory& directory, const std::string& team_id) {
  if (caller.is_administrator) return true;
  for (const auto& supervised : caller.supervised_teams)
    if (supervised == team_id) return true;
  const auto* user = directory.find_by_id(caller.user_id);
  return user && user->team_id == team_id;
}

http::ApiResponse get_team(ApiContext& ctx, const http::ApiRequest& request) {
  const std::string& id = request.path_params.at(0);
  const auto& caller = principal_of(request);
  const auto* team = ctx.directory.find_team(id);
  if (!team) throw http::not_found("Team", id);
  if (!may_read_team(caller, ctx.directory, id)) throw http::authorization_failure(caller.login_name);
  std::vector<xml::UserView> members;
  for (const auto* user : ctx.directory.team_members(id))
    if (user->agent || user->supervisor) members.push_back({user, ctx.desk.agent_state(user->id)});
  return http::xml_response(xml::render_team(*team, members));
}

}  // namespace

void register_team_routes(http::Router& router, ApiContext& ctx) {
  router.add(http::Method::Get, "/finesse/api/Team/{}", http::Surface::Desktop,
             [&ctx](const http::ApiRequest& r) { return get_team(ctx, r); });
}

}  // namespace fgw::api
