#pragma once
// The allowable actions of a participant (guide 5.4.3), in the table's order.
#include <string>
#include <vector>

namespace fgw::desk {

// `other_active_dialog`: the participant's agent is ACTIVE on another dialog, which is what lets
// a HELD participant TRANSFER or CONFERENCE (DECISIONS.md 13). Always false for outside parties.
std::vector<std::string> participant_actions(const std::string& participant_state, bool other_active_dialog);

}  // namespace fgw::desk
