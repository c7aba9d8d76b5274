#include "tools/ctisim/session_rules.hpp"

#include <ctime>

#include "gateway/cti/framing.hpp"
#include "tools/ctisim/event_factory.hpp"
#include "tools/ctisim/services.hpp"

namespace fgw::ctisim {

namespace {
std::uint32_t read_uint(std::span<const std::uint8_t> bytes, std::size_t offset) {
  if (bytes.size() < offset + 4) return 0;
  return (std::uint32_t{bytes[offset]} << 24) | (std::uint32_t{bytes[offset + 1]} << 16) |
         (std::uint32_t{bytes[offset + 2]} << 8) | std::uint32_t{bytes[offset + 3]};
}
constexpr std::size_t kTypeOffset = 4;
constexpr std::size_t kInvokeIdOffset = cti::kHeaderBytes;
constexpr std::size_t kOpenVersionOffset = cti::kHeaderBytes + 4;  // after InvokeID
// OPEN_CONF SessionType (v24+): this side is the active one.
constexpr std::uint16_t kSessionTypeActive = 1;
}  // namespace

std::optional<cti::ProtocolVersion> peek_open_version(std::span<const std::uint8_t> frame) {
  if (frame.size() < kOpenVersionOffset + 4) return std::nullopt;
  return cti::ProtocolVersion{read_uint(frame, kOpenVersionOffset)};
}

std::uint32_t peek_message_type(std::span<const std::uint8_t> frame) {
  return read_uint(frame, kTypeOffset);
}

std::uint32_t peek_invoke_id(std::span<const std::uint8_t> frame) {
  return read_uint(frame, kInvokeIdOffset);
}

std::variant<SessionGrant, cti::FailureStatus> accept_open(const cti::OpenReq& request,
                                                           std::uint32_t peripheral_id) {
  using cti::FailureStatus;
  if (request.version_number < kOldestVersion || request.version_number > kNewestVersion) {
    return FailureStatus::InvalidVersion;
  }
  if (request.idle_timeout != kNoIdleTimeout && request.idle_timeout < kMinIdleTimeout) {
    return FailureStatus::InvalidTimeout;
  }
  if (request.reserved1 || request.reserved2 || request.reserved3) {
    return FailureStatus::InvalidReservedField;
  }
  if (request.services_requested & ~service::kKnown) return FailureStatus::InvalidServiceMask;
  if (!request.client_id || !request.client_password) return FailureStatus::RequiredDataMissing;
  if (request.peripheral_id != kNoPeripheral && request.peripheral_id != peripheral_id) {
    return FailureStatus::InvalidPeripheralId;
  }
  SessionGrant grant;
  grant.version = cti::ProtocolVersion{request.version_number};
  grant.services = request.services_requested & service::kServed;
  grant.call_msg_mask = request.call_msg_mask;
  grant.agent_state_mask = request.agent_state_mask;
  grant.idle_timeout = request.idle_timeout;
  grant.client_signature = request.client_signature.value_or(*request.client_id);
  return grant;
}

cti::OpenConf open_conf(const cti::OpenReq& request, const SessionGrant& grant,
                        std::uint32_t peripheral_id) {
  cti::OpenConf conf;
  conf.invoke_id = request.invoke_id;
  conf.services_granted = grant.services;
  conf.monitor_id = 0;
  conf.pg_status = 0;  // normal
  conf.icm_central_controller_time = static_cast<std::uint32_t>(std::time(nullptr));
  conf.peripheral_online = true;
  conf.peripheral_type = kPeripheralType;
  conf.agent_state = cti::AgentState::Unknown;  // only CLIENT_EVENTS sessions have an agent
  conf.session_type = kSessionTypeActive;
  conf.peripherals.push_back({peripheral_id, 0});
  return conf;
}

cti::SystemEvent peripheral_online_event(std::uint32_t peripheral_id) {
  cti::SystemEvent event;
  event.pg_status = 0;
  event.icm_central_controller_time = static_cast<std::uint32_t>(std::time(nullptr));
  event.system_event_id = cti::SystemEventId::PeripheralOnline;
  event.system_event_arg1 = peripheral_id;
  event.event_device_type = cti::DeviceIdType::None;
  return event;
}

bool wants_event(const SessionGrant& grant, const cti::Message& event) {
  if (!(grant.services & service::kAllEvents)) return false;
  if (const auto* agent = std::get_if<cti::AgentStateEvent>(&event)) {
    return grant.agent_state_mask & service::agent_state_mask_bit(agent->agent_state);
  }
  const std::uint32_t bit = service::call_mask_bit(event);
  return bit == 0 || (grant.call_msg_mask & bit);
}

}  // namespace fgw::ctisim
