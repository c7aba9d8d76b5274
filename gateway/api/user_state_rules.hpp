#pragma once
// Which state changes a user may ask for from the state they are in (guide 3.1.5, 3.1.6 figure 4,
// 6.2 "Invalid State"; DECISIONS.md 7 and 11).

#include <string>

#include "gateway/api/agent_state_requests.hpp"

namespace fgw::api {

// Throws 400 Invalid State when `requested` is not allowed from the User state `current`
// (guide 5.4 "state (user)").
void check_state_change(RequestedState requested, const std::string& current);

}  // namespace fgw::api
