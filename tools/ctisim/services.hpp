#pragma once
// What the simulator grants of the ServicesRequested bits (GED-188.md 2.3), and the event mask
// bits (2.4, 2.5) that select which events a session receives.
#include <cstdint>

#include "gateway/cti/enums.hpp"
#include "gateway/cti/message.hpp"
#include "gateway/cti/service_bits.hpp"

namespace fgw::ctisim::service {

// The bits themselves are protocol facts, named once in the codec.
using namespace fgw::cti::service;

// What the simulator serves; OPEN_CONF grants requested & kServed. ACTIVE_STANDBY is not served:
// the simulator implements the pre-v24 duplex behaviour (only the active side serves).
inline constexpr std::uint32_t kServed = kAllEvents | kClientControl | kCallDataUpdate | kSupervisor;

// The CallMsgMask bit (GED-188.md 2.4) that selects `message`, or 0 when no call mask applies.
std::uint32_t call_mask_bit(const cti::Message& message);

// The AgentStateMask bit (GED-188.md 2.5) for an agent state: 1 << state up to RESERVED (8), and
// 1 << (state - 1) from HOLD (10) on, since UNKNOWN (9) has no bit.
std::uint32_t agent_state_mask_bit(cti::AgentState state);

}  // namespace fgw::ctisim::service
