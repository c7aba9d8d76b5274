// User—Get List of Dialogs (3.1.3) and Dialog—Get Dialog (3.2.1), answered from the desk's live
// state. The actions on dialogs are in dialog_action_api.cpp (PUT Dialog/{id}) and
// dialog_create_api.cpp (POST User/{id}/Dialogs).

#include "gateway/api/api_context.hpp"
#include "gateway/api/dialog_support.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/xml/dialog_xml.hpp"

namespace fgw::api {

namespace {

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
  register_dialog_action_routes(router, ctx);
  register_dialog_create_routes(router, ctx);
}

}  // namespace fgw::api
