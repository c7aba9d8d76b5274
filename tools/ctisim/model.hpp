#pragma once
// The simulated contact centre's state: agents, the connections of calls, and calls. Plain data;
// the rules that change it live in World.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gateway/cti/common.hpp"
#include "gateway/cti/enums.hpp"

namespace fgw::ctisim {

// Why a party is on a call; a silent-monitor target is on the monitor call without being a talker.
enum class PartyRole : std::uint8_t { Normal, MonitorTarget };

// One connection (ConnectionCallID + ConnectionDeviceID): a device's leg of a call.
// Whether CTI requests or the control API drive it is not stored: it depends on whether an agent
// is signed in on the device now (World::kind_of).
struct Party {
  std::string device;
  PartyRole role = PartyRole::Normal;
  cti::LocalConnectionState state = cti::LocalConnectionState::Null;
  bool reserved_agent = false;  // the agent went RESERVED for this alerting connection
};

struct Call {
  std::uint32_t id = 0;
  cti::CallType type = cti::CallType::OtherIn;
  std::string calling_device;
  std::string called_device;
  std::string ani;
  std::string dnis;
  std::string dialed_number;
  cti::CallVariables call_variables;
  std::optional<std::string> wrapup_data;  // CallWrapupData, set by SET_CALL_DATA_REQ
  std::vector<cti::NamedVariable> named_variables;  // ECC scalars
  std::vector<cti::NamedArray> named_arrays;        // ECC arrays
  std::vector<Party> parties;
  std::optional<std::string> queued_at;  // route point DN while waiting for an agent
  bool announced = false;                // BEGIN_CALL_EVENT has been sent
  std::optional<std::uint32_t> monitored_call;  // for a supervisor's silent-monitor call
  std::uint64_t queued_sequence = 0;
  // After CALL_CLEARED, the agents whose wrap-up still holds the call (WorldOptions::
  // wrap_up_keeps_call): END_CALL_EVENT waits until every one of them has left WORK.
  std::set<std::string> wrapping_agents;

  Party* find_party(const std::string& device);
  const Party* find_party(const std::string& device) const;
};

// The agent's own state outside calls (NOT_READY, AVAILABLE, WORK_*); while it has connections the
// reported state is derived from them (RESERVED, TALKING, HOLD).
struct Agent {
  std::string id;
  std::string login_name;
  std::string team_id;
  std::vector<std::string> supervises;
  bool supervisor = false;

  bool signed_in = false;
  std::string extension;  // the instrument it signed in on
  cti::AgentState idle_state = cti::AgentState::Logout;
  std::uint16_t reason_code = 0;
  cti::AgentState reported = cti::AgentState::Logout;  // last AGENT_STATE_EVENT sent
  std::optional<cti::AgentState> next_state;  // READY / NOT_READY asked for while on a call
  std::uint16_t next_reason_code = 0;
  bool handled_call = false;          // a call of this agent was established since it was last idle
  std::uint64_t available_since = 0;  // order of becoming AVAILABLE: smallest = longest READY
  std::uint32_t wrap_up_token = 0;    // bumped whenever a pending wrap-up timer becomes stale
};

}  // namespace fgw::ctisim
