#pragma once
// Whole-frame encode and decode of GED-188 messages.
#include <cstdint>
#include <span>
#include <vector>

#include "gateway/cti/message.hpp"
#include "gateway/cti/protocol_version.hpp"
#include "gateway/cti/result.hpp"

namespace fgw::cti {

// The complete frame, header included. The encoder cuts over-long strings to their maximum, so
// only a message with a great many repeated fields can exceed kMaxFrameBytes; a sender should
// check the size before writing (the peer would reject it).
std::vector<std::uint8_t> encode(const Message& message, ProtocolVersion version);

// `frame` is one complete frame (as FrameSplitter yields). A MessageType the codec does not type
// decodes to UnknownMessage; malformed bytes give a DecodeFailure, never undefined behaviour.
Result<Message> decode(std::span<const std::uint8_t> frame, ProtocolVersion version);

}  // namespace fgw::cti
