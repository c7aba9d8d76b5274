#include "gateway/desk/participant_actions.hpp"

#include <array>
#include <string_view>

namespace fgw::desk {

namespace {

struct StateActions {
  std::string_view state;
  std::vector<std::string> actions;
};

const std::array<StateActions, 9>& action_table() {
  static const std::array<StateActions, 9> table{{
      {"INITIATING", {"DROP", "UPDATE_CALL_DATA"}},
      {"INITIATED", {"DROP", "UPDATE_CALL_DATA"}},
      {"ALERTING", {"ANSWER"}},
      {"ACTIVE", {"HOLD", "DROP", "UPDATE_CALL_DATA", "CONSULT_CALL"}},
      {"FAILED", {"DROP"}},
      {"HELD", {"RETRIEVE", "DROP", "UPDATE_CALL_DATA"}},
      {"DROPPED", {}},
      {"WRAP_UP", {"UPDATE_CALL_DATA"}},
      {"SILENT_MONITOR", {"DROP", "UPDATE_CALL_DATA"}},
  }};
  return table;
}

}  // namespace

std::vector<std::string> participant_actions(const std::string& participant_state, bool other_active_dialog) {
  for (const auto& row : action_table()) {
    if (row.state != participant_state) continue;
    auto actions = row.actions;
    if (participant_state == "HELD" && other_active_dialog) {
      actions.emplace_back("TRANSFER");
      actions.emplace_back("CONFERENCE");
    }
    return actions;
  }
  return {};
}

}  // namespace fgw::desk
