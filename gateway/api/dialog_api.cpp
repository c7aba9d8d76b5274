// User—Get List of Dialogs (3.1.3) and Dialog—Get Dialog (3.2.1), answered from the desk's live
// state; Dialog—Take Action on a Participant (3.2.2) and Dialog—Create a New Dialog (3.2.4), which
// validate against that state, send the CTI request and answer 202. The dialog changes arrive as
// Dialog notifications when CTI reports them; a CTI refusal after the 202 becomes a Dialog CTI
// Error notification (7.2.3) on the caller's Dialogs node.

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>

#include "gateway/api/api_context.hpp"
#include "gateway/api/call_control_requests.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/api/request_body.hpp"
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

// --- PUT Dialog/{id} and POST User/{id}/Dialogs ---

struct ActionBody {
  std::optional<std::string> requested_action;
  std::optional<std::string> target_media_address;
  std::optional<std::string> from_address;
  std::optional<std::string> to_address;
};

ActionBody read_action_body(const std::string& body) {
  const auto doc = parse_body(body, "Dialog");
  const auto root = root_of(doc);
  return {last_child_text(root, "requestedAction"), last_child_text(root, "targetMediaAddress"),
          last_child_text(root, "fromAddress"), last_child_text(root, "toAddress")};
}

// A required element that is absent or empty is 400 Parameter Missing (6.2).
const std::string& required(const std::optional<std::string>& value, const char* parameter) {
  if (!value || value->empty()) throw http::parameter_missing(parameter);
  return *value;
}

// The failure example of 3.2.2.
http::ApiError invalid_action(const std::string& text) {
  return {400, http::error_type::kInvalidInput, "Invalid 'requestedAction' specified for dialog", text};
}

DialogAction requested_action(const std::optional<std::string>& text) {
  const auto& name = required(text, "requestedAction");
  const auto parsed = parse_dialog_action(name);
  if (parsed.kind == ParsedAction::Kind::NotSupported)
    throw http::ApiError(400, http::error_type::kInvalidInput, "requestedAction not supported by this gateway yet",
                         name);
  if (parsed.kind == ParsedAction::Kind::Unknown) throw invalid_action(name);
  return parsed.action;
}

// 6.2: an address "that does not belong to that user" is 401 Invalid Authorization User
// Specified. A user's address is the extension they are signed in on; a signed-out user has none.
void require_own_address(const ApiContext& ctx, const std::string& user_id, const std::string& address) {
  if (ctx.desk.user(user_id).status.extension != address) throw http::invalid_authorization_user(address);
}

const xml::Participant* participant_on(const xml::Dialog& dialog, const std::string& media_address) {
  for (const auto& participant : dialog.participants)
    if (participant.media_address == media_address) return &participant;
  return nullptr;
}

// 5.4.3: what a participant may do follows its state, and the desk keeps <actions> up to date.
// An action it does not list now is refused before CTI is asked.
void require_listed_action(const xml::Participant& participant, DialogAction action) {
  const auto name = action_name(action);
  const auto& actions = participant.actions;
  if (std::find(actions.begin(), actions.end(), name) != actions.end()) return;
  throw http::ApiError(400, http::error_type::kInvalidState,
                       "Cannot " + std::string(name) + " a participant in state " + participant.state,
                       "requestedAction");
}

std::uint32_t call_id_of(const std::string& dialog_id) {
  const auto id = parse_integer(dialog_id, 0, std::numeric_limits<std::uint32_t>::max());
  if (!id) throw dialog_not_found(dialog_id);  // the desk names dialogs by CTI call id only
  return static_cast<std::uint32_t>(*id);
}

// Sends `request`; a refusal after the 202 is the Dialog CTI Error notification of 3.2.2 / 3.2.4.
// `dialog_id` is empty for MAKE_CALL: the dialog does not exist until CTI creates it.
void send_call_control(ApiContext& ctx, CtiRequests& cti, cti::Message request, const std::string& user_id,
                       const std::string& dialog_id, std::string_view what) {
  cti.send(std::move(request), [&desk = ctx.desk, user_id, dialog_id, what = std::string(what)](
                                   const cti::client::RequestResult& r) {
    if (r.ok()) return;
    const auto& failure = r.failure();
    spdlog::warn("User {}: CTI refused {} on dialog '{}': {} ({})", user_id, what, dialog_id, failure.name,
                 failure.code);
    desk.report_cti_error(user_id, dialog_id, failure.code, failure.name, "");
  });
}

http::ApiResponse put_dialog(ApiContext& ctx, const http::ApiRequest& request) {
  const std::string& id = request.path_params.at(0);
  require_agent_or_supervisor(request);
  const auto& caller = principal_of(request);
  auto& cti = require_cti(ctx.cti);

  const auto body = read_action_body(request.body);
  const auto action = requested_action(body.requested_action);
  const auto& target = required(body.target_media_address, "targetMediaAddress");
  require_own_address(ctx, caller.user_id, target);
  const auto dialog = ctx.desk.dialog(id);
  if (!dialog) throw dialog_not_found(id);
  // 3.2.2: "Agents can only act on a participant of a dialog when they are that participant."
  const auto* participant = participant_on(*dialog, target);
  if (!participant) throw http::invalid_authorization_user(target);
  require_listed_action(*participant, action);

  send_call_control(ctx, cti, call_control_request(action, call_id_of(id), target), caller.user_id, id,
                    action_name(action));
  return accepted();
}

// DECISIONS.md 12: an agent dials out from NOT_READY only. 8.5 offers no MAKE_CALL while READY
// (a routed call could arrive at the same moment), on a call or in wrap-up.
constexpr std::array<std::string_view, 1> kMakeCallStates{"NOT_READY"};

void require_make_call_state(const std::string& state) {
  if (std::find(kMakeCallStates.begin(), kMakeCallStates.end(), state) != kMakeCallStates.end()) return;
  throw http::ApiError(400, http::error_type::kInvalidState, "Cannot make a call in state " + state,
                       "requestedAction");
}

http::ApiResponse post_user_dialog(ApiContext& ctx, const http::ApiRequest& request) {
  const std::string& id = request.path_params.at(0);
  require_agent_or_supervisor(request);
  require_self(request, id);
  require_user(ctx.directory, id);
  auto& cti = require_cti(ctx.cti);

  const auto body = read_action_body(request.body);
  const auto& action = required(body.requested_action, "requestedAction");
  if (!iequals(action, "MAKE_CALL")) throw invalid_action(action);
  const auto& from = required(body.from_address, "fromAddress");
  const auto& to = required(body.to_address, "toAddress");
  // The state first: a signed-out user has no extension, and "not signed in" is the truer answer.
  require_make_call_state(ctx.desk.user(id).status.state);
  require_own_address(ctx, id, from);
  if (to == from)
    throw http::ApiError(400, http::error_type::kInvalidDestination, "Cannot make a call to yourself", to);

  cti::MakeCallReq make_call = make_call_request(from, to);
  cti::Message message(std::move(make_call));
  send_call_control(ctx, cti, std::move(message), id, "", "MAKE_CALL");
  return accepted();
}

}  // namespace

void register_dialog_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  using http::Surface;
  router.add(Method::Get, "/finesse/api/User/{}/Dialogs", Surface::Desktop,
             [&ctx](const http::ApiRequest& r) { return get_user_dialogs(ctx, r); });
  router.add(Method::Get, "/finesse/api/Dialog/{}", Surface::Desktop,
             [&ctx](const http::ApiRequest& r) { return get_dialog(ctx, r); });
  router.add(Method::Put, "/finesse/api/Dialog/{}", Surface::Desktop,
             [&ctx](const http::ApiRequest& r) { return put_dialog(ctx, r); });
  router.add(Method::Post, "/finesse/api/User/{}/Dialogs", Surface::Desktop,
             [&ctx](const http::ApiRequest& r) { return post_user_dialog(ctx, r); });
}

}  // namespace fgw::api
