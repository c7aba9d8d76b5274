#include "gateway/api/call_control_requests.hpp"

#include <array>

#include "gateway/api/request_body.hpp"

namespace fgw::api {

namespace {

struct ActionRow {
  DialogAction action;
  std::string_view name;
};

// MAKE_CALL and SILENT_MONITOR are not here: they are POSTs to the user's Dialogs (3.2.4, 3.2.6).
constexpr std::array<ActionRow, 8> kActions{{
    {DialogAction::Answer, "ANSWER"},
    {DialogAction::Hold, "HOLD"},
    {DialogAction::Retrieve, "RETRIEVE"},
    {DialogAction::Drop, "DROP"},
    {DialogAction::Transfer, "TRANSFER"},
    {DialogAction::Conference, "CONFERENCE"},
    {DialogAction::ConsultCall, "CONSULT_CALL"},
    {DialogAction::UpdateCallData, "UPDATE_CALL_DATA"},
}};

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

template <class JoinReq>
JoinReq joining(std::uint32_t held_call_id, std::uint32_t active_call_id, const std::string& device) {
  JoinReq request;
  request.active_connection_call_id = active_call_id;
  request.held_connection_call_id = held_call_id;
  request.active_connection_device_id_type = cti::ConnectionIdType::Static;
  request.held_connection_device_id_type = cti::ConnectionIdType::Static;
  request.active_connection_device_id = device;
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

std::optional<DialogAction> parse_dialog_action(std::string_view text) {
  for (const auto& row : kActions)
    if (iequals(text, row.name)) return row.action;
  return std::nullopt;
}

std::string_view action_name(DialogAction action) {
  for (const auto& row : kActions)
    if (row.action == action) return row.name;
  return {};  // unreachable: every enumerator has a row
}

cti::Message connection_request(DialogAction action, std::uint32_t call_id, const std::string& device) {
  switch (action) {
    case DialogAction::Answer:
      return as_message(on_connection<cti::AnswerCallReq>(call_id, device));
    case DialogAction::Hold:
      return as_message(on_connection<cti::HoldCallReq>(call_id, device));
    case DialogAction::Retrieve:
      return as_message(retrieve_request(call_id, device));
    default:
      break;
  }
  // DROP leaves the call through the agent's own connection; the other parties stay on it.
  return as_message(on_connection<cti::ClearConnectionReq>(call_id, device));
}

cti::Message consultation_request(std::uint32_t active_call_id, const std::string& device, const std::string& to) {
  constexpr std::uint16_t kConsultUnspecified = 0;
  cti::ConsultationCallReq request;
  request.active_connection_call_id = active_call_id;
  request.active_connection_device_id_type = cti::ConnectionIdType::Static;
  request.active_connection_device_id = device;
  request.consult_type = kConsultUnspecified;
  request.dialed_number = to;
  request.agent_instrument = device;
  return as_message(std::move(request));
}

cti::Message join_request(DialogAction action, std::uint32_t held_call_id, std::uint32_t active_call_id,
                          const std::string& device) {
  if (action == DialogAction::Conference)
    return as_message(joining<cti::ConferenceCallReq>(held_call_id, active_call_id, device));
  return as_message(joining<cti::TransferCallReq>(held_call_id, active_call_id, device));
}

cti::Message set_call_data_request(std::uint32_t call_id, const std::string& device, const CallDataUpdate& update) {
  cti::SetCallDataReq request;
  request.connection_call_id = call_id;
  request.connection_device_id_type = cti::ConnectionIdType::Static;
  request.connection_device_id = device;
  request.call_variables = update.call_variables;
  request.call_wrapup_data = update.wrap_up_reason;
  request.named_variables = update.named_variables;
  request.named_arrays = update.named_arrays;
  return as_message(std::move(request));
}

cti::Message make_call_request(const std::string& from, const std::string& to) {
  cti::MakeCallReq request;
  request.agent_instrument = from;
  request.dialed_number = to;
  return as_message(std::move(request));
}

cti::Message silent_monitor_request(const std::string& supervisor_device, const std::string& agent_extension) {
  cti::SuperviseCallReq request;
  request.supervisory_action = cti::SupervisoryAction::Monitor;
  request.supervisor_instrument = supervisor_device;
  request.agent_extension = agent_extension;
  return as_message(std::move(request));
}

cti::Message end_silent_monitor_request(const std::string& supervisor_device, std::uint32_t monitor_call_id) {
  cti::SuperviseCallReq request;
  request.supervisory_action = cti::SupervisoryAction::Clear;
  request.supervisor_instrument = supervisor_device;
  request.supervisor_connection_call_id = monitor_call_id;
  request.supervisor_connection_device_id_type = cti::ConnectionIdType::Static;
  request.supervisor_connection_device_id = supervisor_device;
  return as_message(std::move(request));
}

}  // namespace fgw::api
