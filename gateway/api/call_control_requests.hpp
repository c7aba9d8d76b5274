#pragma once
// Dialog actions (guide 3.2.2-3.2.7; 5.4.2) as the CTI requests that carry them out (GED-188.md
// 5). Pure translation, no I/O: the handler validates, this file builds the message, the CTI link
// sends it and stamps InvokeID and PeripheralID (DECISIONS.md 16).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gateway/api/call_data_body.hpp"
#include "gateway/cti/message.hpp"

namespace fgw::api {

// The requestedAction values a PUT Dialog carries out.
enum class DialogAction { Answer, Hold, Retrieve, Drop, Transfer, Conference, ConsultCall, UpdateCallData };

// Case-insensitive (DECISIONS.md 6); nullopt for anything a PUT Dialog does not carry.
std::optional<DialogAction> parse_dialog_action(std::string_view text);
// "ANSWER", "HOLD", ...: the name a participant's <actions> lists.
std::string_view action_name(DialogAction action);

// Connections are named by their device (CONNECTION_ID_STATIC), which is the participant's
// mediaAddress; the device is also the AgentInstrument, the phone the agent is signed in on.

// ANSWER, HOLD, RETRIEVE or DROP on the connection of `device` to call `call_id`.
cti::Message connection_request(DialogAction action, std::uint32_t call_id, const std::string& device);

// CONSULT_CALL from the agent's active call. 8.5 decides between transfer and conference only
// when the agent completes the consult, so the ConsultType is UNSPECIFIED (GED-188.md 5); a CTI
// Server that insists on knowing would need the choice made here.
cti::Message consultation_request(std::uint32_t active_call_id, const std::string& device, const std::string& to);

// TRANSFER or CONFERENCE of the agent's held call `held_call_id` with its active call
// `active_call_id` (DECISIONS.md 13: the action is taken on the held, original dialog).
cti::Message join_request(DialogAction action, std::uint32_t held_call_id, std::uint32_t active_call_id,
                          const std::string& device);

// UPDATE_CALL_DATA: SET_CALL_DATA_REQ with only the named variables set.
cti::Message set_call_data_request(std::uint32_t call_id, const std::string& device, const CallDataUpdate& update);

// MAKE_CALL_REQ from the agent's phone `from` to `to`, with the default dial options.
cti::Message make_call_request(const std::string& from, const std::string& to);

// 3.2.6 / 3.2.7: SUPERVISE_CALL_REQ, monitoring the agent on extension `agent_extension` from
// the supervisor's phone, or clearing the supervisor's monitor call `monitor_call_id`.
cti::Message silent_monitor_request(const std::string& supervisor_device, const std::string& agent_extension);
cti::Message end_silent_monitor_request(const std::string& supervisor_device, std::uint32_t monitor_call_id);

}  // namespace fgw::api
