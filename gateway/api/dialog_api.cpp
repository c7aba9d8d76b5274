// User—Get List of Dialogs (3.1.3) and Dialog—Get Dialog (3.2.1), answered from the desk's live
// state.

#include "gateway/api/api_context.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/http/api_error.hpp"
#include "gateway/xml/dialog_xml.hpp"

namespace fgw::api {

namespace {

// 6.2 "Dialog Not Found"; the message is 3.2.1's failure example.
http::ApiError dialog_not_found(const std::string& id) {
  return {404, http::error_type::kDialogNotFound, "Invalid dialogId specified for dialog", id};
}

bool receives_dialog(const desk::Desk& desk, const std::string& user_id, const std::string& dialog_id) {
  for (const auto& dialog : desk.dialogs_of(user_id))
    if (dialog.id == dialog_id) return true;
  return false;
}

bool supervises(const http::Principal& caller, const config::User& user) {
  if (!caller.is_supervisor || user.team_id.empty()) return false;
  for (const auto& team : caller.supervised_teams)
    if (team == user.team_id) return true;
  return false;
}

// 3.2.1 lets agents read their own dialogs and administrators any. A supervisor also reads the
// dialogs of the agents of the teams they supervise, as they read those agents' User objects.
bool may_read_dialog(const ApiContext& ctx, const http::Principal& caller, const std::string& dialog_id) {
  if (caller.is_administrator || receives_dialog(ctx.desk, caller.user_id, dialog_id)) return true;
  for (const auto& user : ctx.directory.users())
    if (supervises(caller, user) && receives_dialog(ctx.desk, user.id, dialog_id)) return true;
  return false;
}

http::ApiResponse get_user_dialogs(ApiContext& ctx, const http::ApiRequest& request) {
  const std::string& id = request.path_params.at(0);
  require_self_or_administrator(request, id);
  const auto& user = require_user(ctx.directory, id);
  if (!user.agent && !user.supervisor) throw http::user_not_found(id);  // no User object, no dialogs
  return http::xml_response(xml::render_dialogs(ctx.desk.dialogs_of(id)));
}

http::ApiResponse get_dialog(ApiContext& ctx, const http::ApiRequest& request) {
  const std::string& id = request.path_params.at(0);
  const auto& caller = principal_of(request);
  const auto dialog = ctx.desk.dialog(id);
  if (!dialog) throw dialog_not_found(id);
  if (!may_read_dialog(ctx, caller, id)) throw http::invalid_authorization_user(caller.user_id);
  return http::xml_response(xml::render_dialog(*dialog));
}

}  // namespace

void register_dialog_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  using http::Surface;
  router.add(Method::Get, "/finesse/api/User/{}/Dialogs", Surface::Desktop,
             [&ctx](const http::ApiRequest& r) { return get_user_dialogs(ctx, r); });
  router.add(Method::Get, "/finesse/api/Dialog/{}", Surface::Desktop,
             [&ctx](const http::ApiRequest& r) { return get_dialog(ctx, r); });
}

}  // namespace fgw::api
