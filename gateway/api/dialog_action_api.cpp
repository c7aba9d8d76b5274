// PUT /finesse/api/Dialog/{id}: Take Action on a Participant (3.2.2: ANSWER, HOLD, RETRIEVE,
// DROP, TRANSFER, CONFERENCE), Update Call Variable Data (3.2.3), Make a Consult Call (3.2.5) and
// End a Silent Monitoring Call (3.2.7).
//
// Each request is checked against the desk's live state: the caller must be the participant it
// targets (an administrator may end anyone's silent monitor), and the participant must list the
// action now (5.4.3). Then the CTI request goes out and the answer is 202. The dialog changes
// arrive as Dialog notifications carrying the requestId; a CTI refusal arrives as a Dialog CTI
// Error notification (7.2.3).

#include "gateway/api/api_context.hpp"
#include "gateway/api/call_data_body.hpp"
#include "gateway/api/dialog_support.hpp"
#include "gateway/api/permissions.hpp"

namespace fgw::api {

namespace {

struct ActionRequest {
  const http::Principal& caller;
  const std::string& dialog_id;
  DialogRequestBody body;
  DialogAction action;
};

DialogAction requested_action(const std::optional<std::string>& text) {
  const auto& name = required(text, "requestedAction");
  const auto action = parse_dialog_action(name);
  if (!action) throw invalid_action(name);
  return *action;
}

// 3.2.7: an administrator ends any silent monitor call, naming the supervisor's extension.
bool is_silent_monitor_drop(DialogAction action, const xml::Participant& participant) {
  return action == DialogAction::Drop && participant.state == "SILENT_MONITOR";
}

// Agents and supervisors act on the participant of the phone they are signed in on (3.2.2); an
// address that is not theirs is 401 before the dialog is even looked up. Only an administrator
// may name another user's phone, and only to end a silent monitor (3.2.7).
bool targets_own_phone(const ApiContext& ctx, const ActionRequest& r, const std::string& target) {
  if (ctx.desk.user(r.caller.user_id).status.extension == target) {
    if (!r.caller.is_agent && !r.caller.is_supervisor) throw http::authorization_failure(r.caller.login_name);
    return true;
  }
  if (!r.caller.is_administrator) throw http::invalid_authorization_user(target);
  return false;
}

// The caller acts as the participant on their phone, and only on a dialog they are told of: the
// monitored agent is a participant of the silent monitor call but never sees it, and only its
// supervisor or an administrator may end it (3.2.7, docs/decisions.md 53).
const xml::Participant& acting_participant(const ApiContext& ctx, const xml::Dialog& dialog, const ActionRequest& r,
                                           const std::string& target, bool own_phone) {
  const auto* participant = participant_on(dialog, target);
  if (!participant || (own_phone && !receives_dialog(ctx.desk, r.caller.user_id, r.dialog_id)))
    throw http::invalid_authorization_user(target);
  if (!own_phone && !is_silent_monitor_drop(r.action, *participant))
    throw http::authorization_failure(r.caller.login_name);
  require_listed_action(*participant, action_name(r.action));
  return *participant;
}

// 3.2.3 names no participant: an agent updates the call data of a call they are on.
std::string call_data_target(const ApiContext& ctx, const ActionRequest& r) {
  if (r.body.target_media_address && !r.body.target_media_address->empty()) return *r.body.target_media_address;
  return ctx.desk.user(r.caller.user_id).status.extension;
}

// The agent's other call, the one their leg is ACTIVE on: what a TRANSFER or CONFERENCE of the
// held dialog joins it with (DECISIONS.md 13).
std::uint32_t active_call_of(const ApiContext& ctx, const ActionRequest& r, const std::string& device) {
  for (const auto& other : ctx.desk.dialogs_of(r.caller.user_id)) {
    if (other.id == r.dialog_id) continue;
    const auto* leg = participant_on(other, device);
    if (leg && leg->state == "ACTIVE") return call_id_of(other.id);
  }
  throw http::ApiError(400, http::error_type::kInvalidState, "No active call to complete the consult with",
                       "requestedAction");
}

cti::Message consult_request(const ActionRequest& r, std::uint32_t call_id, const std::string& device) {
  const auto& to = required(r.body.to_address, "toAddress");
  if (to == device) throw http::ApiError(400, http::error_type::kInvalidDestination, "Cannot consult yourself", to);
  return consultation_request(call_id, device, to);
}

cti::Message cti_request_for(const ApiContext& ctx, const ActionRequest& r, const xml::Participant& participant) {
  const auto call_id = call_id_of(r.dialog_id);
  const auto& device = participant.media_address;
  switch (r.action) {
    case DialogAction::UpdateCallData:
      return set_call_data_request(call_id, device, read_call_data_update(r.body.root()));
    case DialogAction::ConsultCall:
      return consult_request(r, call_id, device);
    case DialogAction::Transfer:
    case DialogAction::Conference:
      return join_request(r.action, call_id, active_call_of(ctx, r, device), device);
    case DialogAction::Drop:
      // 3.2.7: a supervisor leaves a silent monitor call by ending the supervision.
      if (is_silent_monitor_drop(r.action, participant)) return end_silent_monitor_request(device, call_id);
      break;
    default:
      break;
  }
  return connection_request(r.action, call_id, device);
}

http::ApiResponse put_dialog(ApiContext& ctx, const http::ApiRequest& request) {
  const auto& caller = principal_of(request);
  if (!caller.is_agent && !caller.is_supervisor && !caller.is_administrator)
    throw http::authorization_failure(caller.login_name);
  auto& cti = require_cti(ctx.cti);

  auto body = read_dialog_body(request.body);
  const auto action = requested_action(body.requested_action);
  ActionRequest r{caller, request.path_params.at(0), std::move(body), action};
  const auto target = action == DialogAction::UpdateCallData ? call_data_target(ctx, r)
                                                             : required(r.body.target_media_address, "targetMediaAddress");
  const bool own_phone = targets_own_phone(ctx, r, target);
  const auto dialog = ctx.desk.dialog(r.dialog_id);
  if (!dialog) throw dialog_not_found(r.dialog_id);
  const auto& participant = acting_participant(ctx, *dialog, r, target, own_phone);

  send_call_operation(ctx, cti, cti_request_for(ctx, r, participant), request, r.dialog_id, action_name(action));
  return accepted(request);
}

}  // namespace

void register_dialog_action_routes(http::Router& router, ApiContext& ctx) {
  router.add(http::Method::Put, "/finesse/api/Dialog/{}", http::Surface::Desktop,
             [&ctx](const http::ApiRequest& r) { return put_dialog(ctx, r); });
}

}  // namespace fgw::api
