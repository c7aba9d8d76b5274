#pragma once
// OPEN_REQ bit masks (GED-188.md 2.3-2.5) that the client requests by default.
#include <cstdint>

#include "gateway/cti/service_bits.hpp"

namespace fgw::cti::client {

// One connection for every agent, as Finesse does (GED-188.md 2.3, a design suggestion there).
// CTI_SERVICE_ACTIVE_STANDBY is deliberately NOT requested: without it a v24+ standby side refuses
// the session (E_CTI_INVALID_CLIENT_FOR_STANDBY or E_CTI_CTI_SERVER_OFFLINE), so the A/B
// alternation lands on the active side by itself, and the client needs no standby-session handling
// (STANDBY_ACTIVE_EVENT, maintenance mode) that GED-188.md describes from one source only.
inline constexpr std::uint32_t kDefaultServices =
    service::kAllEvents | service::kClientControl | service::kCallDataUpdate | service::kSupervisor;

// CallMsgMask: every bit of GED-188.md 2.4 except CALL_TERMINATION (0x4000000), which the table
// marks "reserved" (the event is "not sent by CTI Server"); a server could reject a reserved bit
// with E_CTI_INVALID_CALL_MSG_MASK. UNCERTAIN: whether servers below v24 reject the
// NETWORK_RECORDING_* bits (0x10000000-0x80000000) is not documented.
inline constexpr std::uint32_t kCallTerminationReservedBit = 0x04000000;
inline constexpr std::uint32_t kAllCallMessages = 0xFFFFFFFFu & ~kCallTerminationReservedBit;

// AgentStateMask: LOGIN 0x1 ... NOT_ACTIVE 0x2000 (GED-188.md 2.5).
inline constexpr std::uint32_t kAllAgentStates = 0x00003FFF;

// No configuration acquisition (CONFIG_* events): the directory file is the gateway's source.
inline constexpr std::uint32_t kNoConfigMessages = 0;

}  // namespace fgw::cti::client
