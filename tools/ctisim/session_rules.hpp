#pragma once
// The session layer's decisions, kept apart from sockets so that they can be unit-tested:
// accepting or refusing an OPEN_REQ (GED-188.md 2.2), what OPEN_CONF grants, and which events a
// session has asked for.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>

#include "gateway/cti/message.hpp"
#include "gateway/cti/protocol_version.hpp"

namespace fgw::ctisim {

// SIMULATOR CHOICE: the protocol versions served. 9 is the oldest version GED-188.md has a
// source for; 25 the newest. The codec encodes each with its own floating-field width.
inline constexpr std::uint32_t kOldestVersion = 9;
inline constexpr std::uint32_t kNewestVersion = 25;
// GED-188.md 2.2: IdleTimeout must be >= 20 s, or 0xFFFFFFFF for "no heartbeats".
inline constexpr std::uint32_t kMinIdleTimeout = 20;
inline constexpr std::uint32_t kNoIdleTimeout = 0xFFFFFFFF;
inline constexpr std::uint32_t kNoPeripheral = 0xFFFFFFFF;

// What an accepted OPEN_REQ gives the session.
struct SessionGrant {
  cti::ProtocolVersion version;
  std::uint32_t services = 0;
  std::uint32_t call_msg_mask = 0;
  std::uint32_t agent_state_mask = 0;
  std::uint32_t idle_timeout = kNoIdleTimeout;
  std::string client_signature;
};

// The VersionNumber of an OPEN_REQ frame, read before decoding it: the version decides the
// floating-field width of the very frame that carries it.
std::optional<cti::ProtocolVersion> peek_open_version(std::span<const std::uint8_t> frame);
// The MessageType of a frame, and the InvokeID most requests start with (0 if the body is shorter).
std::uint32_t peek_message_type(std::span<const std::uint8_t> frame);
std::uint32_t peek_invoke_id(std::span<const std::uint8_t> frame);

std::variant<SessionGrant, cti::FailureStatus> accept_open(const cti::OpenReq& request,
                                                           std::uint32_t peripheral_id);
cti::OpenConf open_conf(const cti::OpenReq& request, const SessionGrant& grant,
                        std::uint32_t peripheral_id);
// GED-188.md 2.7: an ALL_EVENTS client then gets one SYSTEM_EVENT per peripheral.
cti::SystemEvent peripheral_online_event(std::uint32_t peripheral_id);
// Whether a broadcast event is for this session (ALL_EVENTS granted, masks allow it).
bool wants_event(const SessionGrant& grant, const cti::Message& event);

}  // namespace fgw::ctisim
