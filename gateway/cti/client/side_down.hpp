#pragma once
// Messages from the server that mean the side we talk to is down (GED-188.md 2.10-2.12).
#include <cstdint>
#include <optional>
#include <string>

#include "gateway/cti/message.hpp"

namespace fgw::cti::client {

// The reason to abandon the side, or nothing for an ordinary message:
//  * FAILURE_CONF or FAILURE_EVENT with E_CTI_CTI_SERVER_OFFLINE (GED-188.md 2.8, 2.11 item 2);
//  * SYSTEM_EVENT SYS_PERIPHERAL_OFFLINE whose SystemEventArg1 is our peripheral (2.11 item 4).
// Deliberately not here (they reach the observer as events): PGStatus bits, SYS_CTI_SERVER_OFFLINE
// and SYS_PERIPHERAL_GATEWAY_OFFLINE, whose meaning for the *other* side GED-188.md does not settle.
std::optional<std::string> side_down_reason(const Message& message, std::uint32_t peripheral_id);

}  // namespace fgw::cti::client
