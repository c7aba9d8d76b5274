#pragma once
// What the Dialog handlers share (3.1.3, 3.2.1-3.2.7): reading the <Dialog> request body, the
// checks of their Security Constraints against the desk's live state, and sending a call
// operation whose CTI refusal becomes a Dialog CTI Error notification (7.2.3).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gateway/api/api_context.hpp"
#include "gateway/api/call_control_requests.hpp"
#include "gateway/http/api_error.hpp"
#include "gateway/xml/dialog_xml.hpp"

namespace fgw::api {

// 6.2 "Dialog Not Found"; the message is 3.2.1's failure example.
http::ApiError dialog_not_found(const std::string& id);
// The failure example of 3.2.2.
http::ApiError invalid_action(const std::string& text);

// The fields a <Dialog> request body may carry; the root element is kept for UPDATE_CALL_DATA.
struct DialogRequestBody {
  pugi::xml_document document;
  std::optional<std::string> requested_action;
  std::optional<std::string> target_media_address;
  std::optional<std::string> from_address;
  std::optional<std::string> to_address;
  pugi::xml_node root() const { return document.document_element(); }
};
DialogRequestBody read_dialog_body(const std::string& body);

// A required element that is absent or empty is 400 Parameter Missing (6.2).
const std::string& required(const std::optional<std::string>& value, const char* parameter);

// True if the desk tells `user_id` about the dialog: they take part in it, and it is not a silent
// monitor call on which they are the monitored agent (docs/decisions.md 24).
bool receives_dialog(const desk::Desk& desk, const std::string& user_id, const std::string& dialog_id);

// True if `caller` supervises the team of `user`.
bool supervises(const http::Principal& caller, const config::User& user);

// 6.2: an address "that does not belong to that user" is 401 Invalid Authorization User
// Specified. A user's address is the extension they are signed in on; a signed-out user has none.
void require_own_address(const ApiContext& ctx, const std::string& user_id, const std::string& address);

// The participant of `dialog` at `media_address`, or null.
const xml::Participant* participant_on(const xml::Dialog& dialog, const std::string& media_address);

// 5.4.3: what a participant may do follows its state, and the desk keeps <actions> up to date.
// An action it does not list now is 400 Invalid State, before CTI is asked.
void require_listed_action(const xml::Participant& participant, std::string_view action);

// The desk names dialogs by CTI call id; any other id names no dialog.
std::uint32_t call_id_of(const std::string& dialog_id);

// Sends `request` for the caller of `api_request`, after registering its requestId with the desk.
// A refusal after the 202 is the Dialog CTI Error notification on the caller's Dialogs node;
// `dialog_id` is empty when the dialog does not exist yet (MAKE_CALL, SILENT_MONITOR).
void send_call_operation(ApiContext& ctx, CtiRequests& cti, cti::Message request, const http::ApiRequest& api_request,
                         const std::string& dialog_id, std::string_view what);

}  // namespace fgw::api
