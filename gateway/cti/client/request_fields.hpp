#pragma once
// Reading and setting the fields the client manages in any Message: InvokeID and PeripheralID.
#include <cstdint>
#include <optional>

#include "gateway/cti/message.hpp"

namespace fgw::cti::client {

// The InvokeID of a message that has one (requests and confirmations), else nothing (events).
std::optional<std::uint32_t> invoke_id_of(const Message& message);

// Precondition: the message has an InvokeID (invoke_id_of is not empty).
void set_invoke_id(Message& message, std::uint32_t invoke_id);

// Sets PeripheralID where the message has one (DECISIONS.md 16); no effect otherwise.
void stamp_peripheral_id(Message& message, std::uint32_t peripheral_id);

// A *_REQ message that callers may send. OPEN_REQ, HEARTBEAT_REQ and CLOSE_REQ belong to the
// session, which the client runs itself.
bool is_caller_request(const Message& message);

}  // namespace fgw::cti::client
