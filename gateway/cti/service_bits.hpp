#pragma once
// OPEN_REQ ServicesRequested / OPEN_CONF ServicesGranted bits (GED-188.md 2.3), shared by the
// client, which asks for some, and the simulator, which checks and grants them.
#include <cstdint>

namespace fgw::cti::service {

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
inline constexpr std::uint32_t kAgentStateControlOnly = 0x00002000;  // granted only
inline constexpr std::uint32_t kDeviceStateControl = 0x00008000;     // older guides; absent from v25
inline constexpr std::uint32_t kUpdateEvents = 0x00080000;
inline constexpr std::uint32_t kIgnoreDuplicateAgentEvents = 0x00100000;
inline constexpr std::uint32_t kIgnoreConf = 0x00200000;
inline constexpr std::uint32_t kAcdLineOnly = 0x00400000;
inline constexpr std::uint32_t kActiveStandby = 0x02000000;  // v24+
inline constexpr std::uint32_t kDebug = 0x80000000;

// Every bit GED-188.md 2.3 defines; a server answers any other with E_CTI_INVALID_SERVICE_MASK.
inline constexpr std::uint32_t kKnown =
    kClientEvents | kCallDataUpdate | kClientControl | kConnectionMonitor | kAllEvents |
    kPeripheralMonitor | kClientMonitor | kSupervisor | kServer | kAgentReporting | kAllTaskEvents |
    kTaskMonitor | kAgentStateControlOnly | kDeviceStateControl | kUpdateEvents |
    kIgnoreDuplicateAgentEvents | kIgnoreConf | kAcdLineOnly | kActiveStandby | kDebug;

}  // namespace fgw::cti::service
