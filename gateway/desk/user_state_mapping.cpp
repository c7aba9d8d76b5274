#include "gateway/desk/user_state_mapping.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace fgw::desk {

namespace {

using cti::AgentState;

// BUSY_OTHER (GED-188: busy with a task of another media routing domain or skill group) has no
// Finesse state. The user can take no voice call and is on no dialog of this desk: NOT_READY.
// TALKING would announce a call that no Dialog shows. Active, Paused, Interrupted and NotActive
// are task states of non-voice MRDs, which 8.5 does not handle: UNKNOWN.
constexpr std::array<std::pair<AgentState, const char*>, 15> kUserStates{{
    {AgentState::Login, "NOT_READY"},  // 3.1.4: a signed-in user starts NOT_READY
    {AgentState::Logout, "LOGOUT"},
    {AgentState::NotReady, "NOT_READY"},
    {AgentState::Available, "READY"},
    {AgentState::Talking, "TALKING"},
    {AgentState::WorkNotReady, "WORK"},  // 5.4.5: NOT_READY when wrap-up ends
    {AgentState::WorkReady, "WORK_READY"},
    {AgentState::BusyOther, "NOT_READY"},
    {AgentState::Reserved, "RESERVED"},  // DECISIONS.md 9
    {AgentState::Unknown, "UNKNOWN"},
    {AgentState::Hold, "HOLD"},  // DECISIONS.md 10
    {AgentState::Active, "UNKNOWN"},
    {AgentState::Paused, "UNKNOWN"},
    {AgentState::Interrupted, "UNKNOWN"},
    {AgentState::NotActive, "UNKNOWN"},
}};

// NextAgentState names the state after wrap-up too: WORK_NOT_READY ends in NOT_READY and
// WORK_READY in READY (5.4.5), which is what the user asked for.
constexpr std::array<std::pair<AgentState, const char*>, 5> kPendingStates{{
    {AgentState::NotReady, "NOT_READY"},
    {AgentState::WorkNotReady, "NOT_READY"},
    {AgentState::Available, "READY"},
    {AgentState::WorkReady, "READY"},
    {AgentState::Logout, "LOGOUT"},
}};

std::string lookup(const auto& table, AgentState state) {
  for (const auto& [cti_state, name] : table)
    if (cti_state == state) return name;
  return {};
}

}  // namespace

std::string finesse_user_state(AgentState state) {
  auto name = lookup(kUserStates, state);
  return name.empty() ? "UNKNOWN" : name;
}

std::vector<std::string> finesse_user_states() {
  std::vector<std::string> states;
  for (const auto& [cti_state, name] : kUserStates)
    if (std::find(states.begin(), states.end(), name) == states.end()) states.emplace_back(name);
  return states;
}

bool holds_pending_state(const std::string& user_state) {
  return user_state == "TALKING" || user_state == "HOLD" || user_state == "RESERVED";
}

std::string pending_state(const std::string& user_state, std::optional<AgentState> next_agent_state) {
  if (!next_agent_state || !holds_pending_state(user_state)) return {};
  return lookup(kPendingStates, *next_agent_state);
}

}  // namespace fgw::desk
