#pragma once
// Dialog actions (guide 3.2.2, 3.2.4; 5.4.2) as the CTI requests that carry them out (GED-188.md
// 5). Pure translation, no I/O: the handler validates, this file builds the message, the CTI link
// sends it and stamps InvokeID and PeripheralID (DECISIONS.md 16).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gateway/cti/message.hpp"

namespace fgw::api {

// The requestedAction values a PUT Dialog carries out.
enum class DialogAction { Answer, Hold, Retrieve, Drop };

// How a `<requestedAction>` of a PUT Dialog reads.
struct ParsedAction {
  enum class Kind { Supported, NotSupported, Unknown };
  Kind kind = Kind::Unknown;
  DialogAction action = DialogAction::Answer;  // meaningful when Supported
};

// Case-insensitive (DECISIONS.md 6). NotSupported: a participant action of 5.4.2 that this gateway
// does not carry out yet (CONSULT_CALL, TRANSFER, CONFERENCE, UPDATE_CALL_DATA).
ParsedAction parse_dialog_action(std::string_view text);
// "ANSWER", "HOLD", "RETRIEVE", "DROP": the name the participant's <actions> lists.
std::string_view action_name(DialogAction action);

// The request for `action` on the connection of `device` to call `call_id`. Connections are named
// by their device (CONNECTION_ID_STATIC), which is the participant's mediaAddress; the device is
// also the AgentInstrument, the phone the agent is signed in on.
cti::Message call_control_request(DialogAction action, std::uint32_t call_id, const std::string& device);

// MAKE_CALL_REQ from the agent's phone `from` to `to`, with the default dial options.
cti::MakeCallReq make_call_request(const std::string& from, const std::string& to);

}  // namespace fgw::api
