#pragma once
// The OPEN_REQ the client sends (GED-188.md 2.2).
#include <cstdint>

#include "gateway/cti/client/client_settings.hpp"
#include "gateway/cti/session.hpp"

namespace fgw::cti::client {

inline constexpr std::uint32_t kNullPeripheralId = 0xFFFFFFFF;
inline constexpr std::uint32_t kNoHeartbeatsIdleTimeout = 0xFFFFFFFF;
// IdleTimeout below 20 s is refused with E_CTI_INVALID_TIMEOUT (GED-188.md 2.2).
inline constexpr std::uint32_t kMinIdleTimeoutSeconds = 20;
// IdleTimeout is "typically 4x the heartbeat interval" (GED-188.md 2.2).
inline constexpr std::uint32_t kIdleTimeoutHeartbeats = 4;

// IdleTimeout in seconds for the heartbeat interval: 4x, rounded up, at least 20; "no heartbeats"
// when the interval is zero.
std::uint32_t idle_timeout_seconds(std::chrono::milliseconds heartbeat_interval);

// PeripheralID of OPEN_REQ: the configured one when CLIENT_EVENTS is requested (it is required
// then), NULL_PERIPHERAL_ID otherwise (GED-188.md 2.2; DECISIONS.md 16).
std::uint32_t open_peripheral_id(const CtiClientSettings& settings);

OpenReq make_open_req(const CtiClientSettings& settings, std::uint32_t invoke_id);

}  // namespace fgw::cti::client
