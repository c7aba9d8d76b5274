#include "gateway/cti/client/open_request.hpp"

#include <algorithm>

namespace fgw::cti::client {

std::uint32_t idle_timeout_seconds(std::chrono::milliseconds heartbeat_interval) {
  if (heartbeat_interval.count() <= 0) return kNoHeartbeatsIdleTimeout;
  const auto idle = std::chrono::ceil<std::chrono::seconds>(heartbeat_interval * kIdleTimeoutHeartbeats);
  return std::max<std::uint32_t>(kMinIdleTimeoutSeconds, static_cast<std::uint32_t>(idle.count()));
}

std::uint32_t open_peripheral_id(const CtiClientSettings& settings) {
  const bool needs_peripheral = (settings.services_requested & service::kClientEvents) != 0;
  return needs_peripheral ? static_cast<std::uint32_t>(settings.peripheral_id) : kNullPeripheralId;
}

OpenReq make_open_req(const CtiClientSettings& settings, std::uint32_t invoke_id) {
  OpenReq open;
  open.invoke_id = invoke_id;
  open.version_number = settings.version.number;
  open.idle_timeout = idle_timeout_seconds(settings.heartbeat_interval);
  open.peripheral_id = open_peripheral_id(settings);
  open.services_requested = settings.services_requested;
  open.call_msg_mask = settings.call_msg_mask;
  open.agent_state_mask = settings.agent_state_mask;
  open.config_msg_mask = settings.config_msg_mask;
  open.client_id = settings.client_id;
  // Required even when empty (GED-188.md 2.2).
  open.client_password = Bytes(settings.client_password.begin(), settings.client_password.end());
  return open;
}

}  // namespace fgw::cti::client
