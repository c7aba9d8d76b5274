// User—Get User (3.1.1) and User—Get List of Users (3.1.2). Sign-in, sign-out and state changes
// (3.1.4-3.1.6, 3.1.11) live in user_state_api.cpp; User/{id}/Dialogs (3.1.3) with the other
// dialog routes in dialog_api.cpp; routes.cpp registers all three.

#include "gateway/api/api_context.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/http/api_error.hpp"
#include "gateway/xml/user_xml.hpp"

namespace fgw::api {

namespace {

// A Finesse User is an agent or a supervisor; an administrator-only account is an application
// user (guide 4: "application user ID and password") and has no User object.
bool has_user_object(const config::User& user) { return user.agent || user.supervisor; }

// 8.5 lets agents read only their own User; supervisors also read the members of the teams they
// supervise, which the team gadgets of every later release rely on.
bool may_read_user(const http::Principal& caller, const config::User& target) {
  if (caller.is_administrator || caller.user_id == target.id) return true;
  if (!caller.is_supervisor) return false;
  for (const auto& team : caller.supervised_teams)
    if (team == target.team_id) return true;
  return false;
}

http::ApiResponse get_user(ApiContext& ctx, const http::ApiRequest& request) {
  const std::string& id = request.path_params.at(0);
  const auto& caller = principal_of(request);
  const auto* user = ctx.directory.find_by_id(id);
  if (!caller.is_administrator && !caller.is_supervisor && caller.user_id != id)
    throw http::invalid_authorization_user(id);  // checked first, so an agent cannot probe which ids exist
  if (!user || !has_user_object(*user)) throw http::user_not_found(id);
  if (!may_read_user(caller, *user)) throw http::invalid_authorization_user(id);
  return http::xml_response(xml::render_user({user, ctx.desk.agent_state(id)}, ctx.directory));
}

http::ApiResponse get_users(ApiContext& ctx, const http::ApiRequest& request) {
  require_administrator(request);
  std::vector<xml::UserView> views;
  for (const auto& user : ctx.directory.users())
    if (has_user_object(user)) views.push_back({&user, ctx.desk.agent_state(user.id)});
  return http::xml_response(xml::render_users(views, ctx.directory));
}

}  // namespace

void register_user_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  using http::Surface;
  router.add(Method::Get, "/finesse/api/User/{}", Surface::Desktop,
             [&ctx](const http::ApiRequest& r) { return get_user(ctx, r); });
  router.add(Method::Get, "/finesse/api/Users", Surface::Desktop,
             [&ctx](const http::ApiRequest& r) { return get_users(ctx, r); });
}

}  // namespace fgw::api
