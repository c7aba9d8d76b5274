#pragma once
// A Finesse User state change (guide 3.1.4-3.1.6, 3.1.11) as the CTI request that carries it out:
// SET_AGENT_STATE_REQ (GED-188.md 3.2). Pure translation, no I/O: the handler validates, this file
// builds the message, the CTI link sends it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "config/config_store.hpp"
#include "gateway/cti/agent.hpp"

namespace fgw::api {

// The states a PUT may ask for (5.3 "state").
enum class RequestedState { Login, Logout, Ready, NotReady };

// `<state>` text to a RequestedState, case-insensitively (DECISIONS.md 6); nullopt for any other
// value, including the states only CTI sets (TALKING, RESERVED, ...).
std::optional<RequestedState> parse_requested_state(std::string_view text);
// "LOGIN", "LOGOUT", "READY", "NOT_READY".
std::string_view state_name(RequestedState state);

struct AgentStateChange {
  std::string agent_id;
  std::string instrument;         // the extension to sign in on, or the one signed in on
  RequestedState state = RequestedState::NotReady;
  std::uint16_t reason_code = 0;  // the reason code's CTI code value (DECISIONS.md 8); 0 = none
};

// The request; InvokeID and PeripheralID are left for the CTI link to stamp (DECISIONS.md 16).
cti::SetAgentStateReq set_agent_state_request(const AgentStateChange& change);

// The CTI code value for a `<ReasonCodeId>` (DECISIONS.md 8; 5.3 "ReasonCodeID"):
//  - no element, or an empty one: no reason code (0);
//  - NOT_READY: the id must name a NOT_READY reason code of the store, else 400 Invalid Input;
//  - LOGOUT: a LOGOUT reason code's value; any other id still signs out, without a reason code,
//    because 5.3 says an invalid ReasonCodeId does not prevent the sign-out;
//  - LOGIN and READY take no reason code: the element is ignored.
std::uint16_t reason_code_value(const config::ConfigStore& store, RequestedState state,
                                const std::optional<std::string>& reason_code_id);

}  // namespace fgw::api
