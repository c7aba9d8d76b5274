#include "gateway/api/dialog_support.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>

#include "gateway/api/permissions.hpp"
#include "gateway/api/request_body.hpp"

namespace fgw::api {

http::ApiError dialog_not_found(const std::string& id) {
  return {404, http::error_type::kDialogNotFound, "Invalid dialogId specified for dialog", id};
}

http::ApiError invalid_action(const std::string& text) {
  return {400, http::error_type::kInvalidInput, "Invalid 'requestedAction' specified for dialog", text};
}

DialogRequestBody read_dialog_body(const std::string& body) {
  DialogRequestBody parsed;
  parsed.document = parse_body(body, "Dialog");
  const auto root = parsed.root();
  parsed.requested_action = last_child_text(root, "requestedAction");
  parsed.target_media_address = last_child_text(root, "targetMediaAddress");
  parsed.from_address = last_child_text(root, "fromAddress");
  parsed.to_address = last_child_text(root, "toAddress");
  return parsed;
}

const std::string& required(const std::optional<std::string>& value, const char* parameter) {
  if (!value || value->empty()) throw http::parameter_missing(parameter);
  return *value;
}

bool receives_dialog(const desk::Desk& desk, const std::string& user_id, const std::string& dialog_id) {
  for (const auto& dialog : desk.dialogs_of(user_id))
    if (dialog.id == dialog_id) return true;
  return false;
}

bool supervises(const http::Principal& caller, const config::User& user) {
  if (!caller.is_supervisor || user.team_id.empty()) return false;
  return std::find(caller.supervised_teams.begin(), caller.supervised_teams.end(), user.team_id) !=
         caller.supervised_teams.end();
}

void require_own_address(const ApiContext& ctx, const std::string& user_id, const std::string& address) {
  if (ctx.desk.user(user_id).status.extension != address) throw http::invalid_authorization_user(address);
}

const xml::Participant* participant_on(const xml::Dialog& dialog, const std::string& media_address) {
  for (const auto& participant : dialog.participants)
    if (participant.media_address == media_address) return &participant;
  return nullptr;
}

void require_listed_action(const xml::Participant& participant, std::string_view action) {
  const auto& actions = participant.actions;
  if (std::find(actions.begin(), actions.end(), action) != actions.end()) return;
  throw http::ApiError(400, http::error_type::kInvalidState,
                       "Cannot " + std::string(action) + " a participant in state " + participant.state,
                       "requestedAction");
}

std::uint32_t call_id_of(const std::string& dialog_id) {
  const auto id = parse_integer(dialog_id, 0, std::numeric_limits<std::uint32_t>::max());
  if (!id) throw dialog_not_found(dialog_id);
  return static_cast<std::uint32_t>(*id);
}

void send_call_operation(ApiContext& ctx, CtiRequests& cti, cti::Message request, const http::ApiRequest& api_request,
                         const std::string& dialog_id, std::string_view what) {
  const auto& user_id = principal_of(api_request).user_id;
  const auto& request_id = request_id_of(api_request);
  ctx.desk.expect_dialog_request(user_id, request_id);
  cti.send(std::move(request), [&desk = ctx.desk, user_id, dialog_id, request_id, what = std::string(what)](
                                   const cti::client::RequestResult& r) {
    if (r.ok()) return;
    const auto& failure = r.failure();
    spdlog::warn("User {}: CTI refused {} on dialog '{}': {} ({})", user_id, what, dialog_id, failure.name,
                 failure.code);
    desk.report_cti_error(user_id, dialog_id, failure.code, failure.name, request_id);
  });
}

}  // namespace fgw::api
