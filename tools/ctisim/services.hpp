#pragma once
// ServicesRequested / ServicesGranted bits (GED-188.md 2.3) and the event masks (2.4, 2.5). The
// codec does not name them, so the simulator does here.
#include <cstdint>

#include "gateway/cti/enums.hpp"
#include "gateway/cti/message.hpp"

namespace fgw::ctisim::service {

inline constexpr std::uint32_t kClientEvents = 0x00000001;
inline constexpr std::uint32_t kCallDataUpdate = 0x00000002;
inline constexpr std::uint32_t kClientControl = 0x00000004;
inline constexpr std::uint32_t kConnectionMonitor = 0x00000008;
inline constexpr std::uint32_t kAllEvents = 0x00000010;
inline constexpr std::uint32_t kPeripheralMonitor = 0x00000020;
inline constexpr std::uint32_t kClientMonitor = 0x00000040;
inline constexpr std::uint32_t kSupervisor = 0x00000080;
inline constexpr std::uint32_t kServer = 0x00000100;
inline constexpr std::uint32_t kAgentReporting = 0x00000400;
inline constexpr std::uint32_t kAllTaskEvents = 0x00000800;
inline constexpr std::uint32_t kTaskMonitor = 0x00001000;
inline constexpr std::uint32_t kAgentStateControlOnly = 0x00002000;
inline constexpr std::uint32_t kDeviceStateControl = 0x00008000;
inline constexpr std::uint32_t kUpdateEvents = 0x00080000;
inline constexpr std::uint32_t kIgnoreDuplicateAgentEvents = 0x00100000;
inline constexpr std::uint32_t kIgnoreConf = 0x00200000;
inline constexpr std::uint32_t kAcdLineOnly = 0x00400000;
inline constexpr std::uint32_t kActiveStandby = 0x02000000;
inline constexpr std::uint32_t kDebug = 0x80000000;

// Every bit GED-188.md 2.3 defines; any other bit is E_CTI_INVALID_SERVICE_MASK.
inline constexpr std::uint32_t kKnown =
    kClientEvents | kCallDataUpdate | kClientControl | kConnectionMonitor | kAllEvents |
    kPeripheralMonitor | kClientMonitor | kSupervisor | kServer | kAgentReporting | kAllTaskEvents |
    kTaskMonitor | kAgentStateControlOnly | kDeviceStateControl | kUpdateEvents |
    kIgnoreDuplicateAgentEvents | kIgnoreConf | kAcdLineOnly | kActiveStandby | kDebug;

// What the simulator serves; OPEN_CONF grants requested & kServed. ACTIVE_STANDBY is not served:
// the simulator implements the pre-v24 duplex behaviour (only the active side serves).
inline constexpr std::uint32_t kServed = kAllEvents | kClientControl | kCallDataUpdate | kSupervisor;

// The CallMsgMask bit (GED-188.md 2.4) that selects `message`, or 0 when no call mask applies.
std::uint32_t call_mask_bit(const cti::Message& message);

// The AgentStateMask bit (GED-188.md 2.5) for an agent state: 1 << state up to RESERVED (8), and
// 1 << (state - 1) from HOLD (10) on, since UNKNOWN (9) has no bit.
std::uint32_t agent_state_mask_bit(cti::AgentState state);

}  // namespace fgw::ctisim::service
