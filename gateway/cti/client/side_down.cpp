#include "gateway/cti/client/side_down.hpp"

#include <string>

namespace fgw::cti::client {
namespace {

std::optional<std::string> offline_status(const char* message_name, FailureStatus status) {
  if (status != FailureStatus::CtiServerOffline) return std::nullopt;
  return std::string(message_name) + " " + std::string(name(status));
}

}  // namespace

std::optional<std::string> side_down_reason(const Message& message, std::uint32_t peripheral_id) {
  if (const auto* conf = std::get_if<FailureConf>(&message)) {
    return offline_status("FAILURE_CONF", conf->status);
  }
  if (const auto* event = std::get_if<FailureEvent>(&message)) {
    return offline_status("FAILURE_EVENT", event->status);
  }
  if (const auto* system = std::get_if<SystemEvent>(&message)) {
    if (system->system_event_id == SystemEventId::PeripheralOffline &&
        system->system_event_arg1 == peripheral_id) {
      return "SYSTEM_EVENT SYS_PERIPHERAL_OFFLINE for peripheral " + std::to_string(peripheral_id);
    }
  }
  return std::nullopt;
}

}  // namespace fgw::cti::client
