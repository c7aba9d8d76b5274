#pragma once
// CTI agent states to Finesse User states (guide 5.4 "state (user)", 3.1.4, 5.4.5).
#include <optional>
#include <string>
#include <vector>

#include "gateway/cti/enums.hpp"

namespace fgw::desk {

// The User state for an AGENT_STATE_EVENT / QUERY_AGENT_STATE_CONF AgentState.
std::string finesse_user_state(cti::AgentState state);

// Every User state finesse_user_state() can return, each once, in table order (metrics report
// each one, zero included, so that a series does not vanish when nobody is in that state).
std::vector<std::string> finesse_user_states();

// True for the states during which a requested READY / NOT_READY waits (DECISIONS.md 11).
bool holds_pending_state(const std::string& user_state);

// The pendingState for NextAgentState, or empty when the user is not on a call or nothing waits.
std::string pending_state(const std::string& user_state, std::optional<cti::AgentState> next_agent_state);

}  // namespace fgw::desk
