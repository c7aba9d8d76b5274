// POST /finesse/api/User/{id}/Dialogs: Create a New Dialog (3.2.4, MAKE_CALL) and Make a Silent
// Monitoring Call (3.2.6, SILENT_MONITOR). The dialog does not exist until CTI creates it: it
// arrives as a Dialog notification (POST) on the caller's Dialogs node, carrying the requestId; a
// CTI refusal arrives as a Dialog CTI Error notification with an empty dialog id.

#include <algorithm>
#include <array>
#include <string_view>

#include "gateway/api/api_context.hpp"
#include "gateway/api/dialog_support.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/api/request_body.hpp"

namespace fgw::api {

namespace {

http::ApiError invalid_destination(const std::string& message, const std::string& address) {
  return {400, http::error_type::kInvalidDestination, message, address};
}

http::ApiError invalid_state(const std::string& message) {
  return {400, http::error_type::kInvalidState, message, "requestedAction"};
}

// DECISIONS.md 12: an agent dials out from NOT_READY only. 8.5 offers no MAKE_CALL while READY
// (a routed call could arrive at the same moment), on a call or in wrap-up.
constexpr std::array<std::string_view, 1> kMakeCallStates{"NOT_READY"};

void require_make_call_state(const std::string& state) {
  if (std::find(kMakeCallStates.begin(), kMakeCallStates.end(), state) != kMakeCallStates.end()) return;
  throw invalid_state("Cannot make a call in state " + state);
}

http::ApiResponse make_call(ApiContext& ctx, CtiRequests& cti, const http::ApiRequest& request,
                            const DialogRequestBody& body) {
  const std::string& id = request.path_params.at(0);
  require_agent_or_supervisor(request);
  const auto& from = required(body.from_address, "fromAddress");
  const auto& to = required(body.to_address, "toAddress");
  // The state first: a signed-out user has no extension, and "not signed in" is the truer answer.
  require_make_call_state(ctx.desk.user(id).status.state);
  require_own_address(ctx, id, from);
  if (to == from) throw invalid_destination("Cannot make a call to yourself", to);

  send_call_operation(ctx, cti, make_call_request(from, to), request, "", "MAKE_CALL");
  return accepted(request);
}

// The signed-in user whose phone is `extension`, or null.
const config::User* user_signed_in_at(const ApiContext& ctx, const std::string& extension) {
  for (const auto& user : ctx.directory.users()) {
    const auto live = ctx.desk.user(user.id);
    if (live.status.state != "LOGOUT" && live.status.extension == extension) return &user;
  }
  return nullptr;
}

// 3.2.6 "Invalid state (the supervisor is already silent monitoring or in an active call)".
void require_supervisor_free(const ApiContext& ctx, const http::Principal& caller, const std::string& from) {
  for (const auto& dialog : ctx.desk.dialogs_of(caller.user_id)) {
    const auto* leg = participant_on(dialog, from);
    if (leg && (leg->state == "ACTIVE" || leg->state == "SILENT_MONITOR"))
      throw invalid_state("The supervisor is already on a call or monitoring one");
  }
}

// True if `device` is the supervisor's leg of the silent monitor call `call`.
bool is_monitoring_leg(const desk::CallRecord& call, const std::string& device) {
  const auto* leg = participant_on(call.dialog, device);
  return call.supervisor_monitor && leg && leg->state == "SILENT_MONITOR";
}

// 3.2.6: "An administrator can silently monitor any call, except a 'silent monitored' call": not
// the call of an agent already monitored, nor a supervisor's monitoring call itself (a monitoring
// supervisor is TALKING, so require_monitorable_agent lets them through; docs/decisions.md 54).
// Nobody else may monitor either.
void require_not_monitored(const ApiContext& ctx, const std::string& to) {
  for (const auto& [id, call] : ctx.desk.snapshot()->calls) {
    if (call.supervisor_monitor && call.monitored_device == to)
      throw invalid_state("The call at " + to + " is already silently monitored");
    if (is_monitoring_leg(call, to)) throw invalid_state("The call at " + to + " is a silent monitoring call");
  }
}

// The agent on `to`: signed in, TALKING (3.2.6), and on a team the caller supervises unless the
// caller is an administrator.
void require_monitorable_agent(const ApiContext& ctx, const http::Principal& caller, const std::string& to) {
  const auto* agent = user_signed_in_at(ctx, to);
  if (!agent) throw http::ApiError(400, http::error_type::kInvalidInput, "No agent is signed in at toAddress", to);
  if (!caller.is_administrator && !supervises(caller, *agent)) throw http::invalid_authorization_user(to);
  if (ctx.desk.user(agent->id).status.state != "TALKING")
    throw invalid_state("The agent at " + to + " is not TALKING");
}

http::ApiResponse silent_monitor(ApiContext& ctx, CtiRequests& cti, const http::ApiRequest& request,
                                 const DialogRequestBody& body) {
  const auto& caller = principal_of(request);
  if (!caller.is_supervisor && !caller.is_administrator) throw http::authorization_failure(caller.login_name);
  const auto& from = required(body.from_address, "fromAddress");
  const auto& to = required(body.to_address, "toAddress");
  if (to == from) throw invalid_destination("Cannot monitor yourself", to);
  // "401—Unauthorized (a supervisor, who is not an administrator, tried to use a fromAddress that
  // did not belong to that supervisor)".
  if (!caller.is_administrator && ctx.desk.user(caller.user_id).status.extension != from)
    throw http::authorization_failure(caller.login_name);
  require_supervisor_free(ctx, caller, from);
  require_monitorable_agent(ctx, caller, to);
  require_not_monitored(ctx, to);

  send_call_operation(ctx, cti, silent_monitor_request(from, to), request, "", "SILENT_MONITOR");
  return accepted(request);
}

http::ApiResponse post_user_dialog(ApiContext& ctx, const http::ApiRequest& request) {
  const std::string& id = request.path_params.at(0);
  const auto& caller = principal_of(request);
  if (!caller.is_agent && !caller.is_supervisor && !caller.is_administrator)
    throw http::authorization_failure(caller.login_name);
  require_self(request, id);
  require_user(ctx.directory, id);
  auto& cti = require_cti(ctx.cti);

  const auto body = read_dialog_body(request.body);
  const auto& action = required(body.requested_action, "requestedAction");
  if (iequals(action, "MAKE_CALL")) return make_call(ctx, cti, request, body);
  if (iequals(action, "SILENT_MONITOR")) return silent_monitor(ctx, cti, request, body);
  throw invalid_action(action);
}

}  // namespace

void register_dialog_create_routes(http::Router& router, ApiContext& ctx) {
  router.add(http::Method::Post, "/finesse/api/User/{}/Dialogs", http::Surface::Desktop,
             [&ctx](const http::ApiRequest& r) { return post_user_dialog(ctx, r); });
}

}  // namespace fgw::api
