#include "gateway/api/call_control_requests.hpp"

#include <array>

#include "gateway/api/request_body.hpp"

namespace fgw::api {

namespace {

struct ActionRow {
  DialogAction action;
  std::string_view name;
};

constexpr std::array<ActionRow, 4> kActions{{
    {DialogAction::Answer, "ANSWER"},
    {DialogAction::Hold, "HOLD"},
    {DialogAction::Retrieve, "RETRIEVE"},
    {DialogAction::Drop, "DROP"},
}};

// Participant actions of 5.4.2 that a PUT Dialog may name but this gateway does not carry out.
// MAKE_CALL is not among them: it is a POST to the user's Dialogs (3.2.4), not a PUT.
constexpr std::array<std::string_view, 4> kNotSupported{"CONSULT_CALL", "TRANSFER", "CONFERENCE",
                                                        "UPDATE_CALL_DATA"};

// The fields of the connection-addressed requests (ANSWER_CALL, HOLD_CALL, CLEAR_CONNECTION).
template <class Request>
Request on_connection(std::uint32_t call_id, const std::string& device) {
  Request request;
  request.connection_call_id = call_id;
  request.connection_device_id_type = cti::ConnectionIdType::Static;
  request.connection_device_id = device;
  request.agent_instrument = device;
  return request;
}

// RETRIEVE_CALL names the same connection as the held one.
cti::RetrieveCallReq retrieve_request(std::uint32_t call_id, const std::string& device) {
  cti::RetrieveCallReq request;
  request.held_connection_call_id = call_id;
  request.held_connection_device_id_type = cti::ConnectionIdType::Static;
  request.held_connection_device_id = device;
  request.agent_instrument = device;
  return request;
}

// Every request is built as a named value before it becomes a Message: g++ 12 fails on a
// temporary converted in place.
template <class Request>
cti::Message as_message(Request request) {
  cti::Message message(std::move(request));
  return message;
}

}  // namespace

ParsedAction parse_dialog_action(std::string_view text) {
  for (const auto& row : kActions)
    if (iequals(text, row.name)) return {ParsedAction::Kind::Supported, row.action};
  for (auto name : kNotSupported)
    if (iequals(text, name)) return {ParsedAction::Kind::NotSupported, DialogAction::Answer};
  return {};
}

std::string_view action_name(DialogAction action) {
  for (const auto& row : kActions)
    if (row.action == action) return row.name;
  return {};  // unreachable: every enumerator has a row
}

cti::Message call_control_request(DialogAction action, std::uint32_t call_id, const std::string& device) {
  switch (action) {
    case DialogAction::Answer:
      return as_message(on_connection<cti::AnswerCallReq>(call_id, device));
    case DialogAction::Hold:
      return as_message(on_connection<cti::HoldCallReq>(call_id, device));
    case DialogAction::Retrieve:
      return as_message(retrieve_request(call_id, device));
    case DialogAction::Drop:
      break;
  }
  // DROP leaves the call through the agent's own connection; the other parties stay on it.
  return as_message(on_connection<cti::ClearConnectionReq>(call_id, device));
}

cti::MakeCallReq make_call_request(const std::string& from, const std::string& to) {
  cti::MakeCallReq request;
  request.agent_instrument = from;
  request.dialed_number = to;
  return request;
}

}  // namespace fgw::api
