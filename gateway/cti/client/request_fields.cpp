#include "gateway/cti/client/request_fields.hpp"

#include <string_view>
#include <variant>

namespace fgw::cti::client {

std::optional<std::uint32_t> invoke_id_of(const Message& message) {
  return std::visit(
      [](const auto& m) -> std::optional<std::uint32_t> {
        if constexpr (requires { m.invoke_id; }) {
          return m.invoke_id;
        } else {
          return std::nullopt;
        }
      },
      message);
}

void set_invoke_id(Message& message, std::uint32_t invoke_id) {
  std::visit(
      [invoke_id](auto& m) {
        if constexpr (requires { m.invoke_id; }) m.invoke_id = invoke_id;
      },
      message);
}

void stamp_peripheral_id(Message& message, std::uint32_t peripheral_id) {
  std::visit(
      [peripheral_id](auto& m) {
        if constexpr (requires { m.peripheral_id; }) m.peripheral_id = peripheral_id;
      },
      message);
}

bool is_caller_request(const Message& message) {
  if (std::holds_alternative<OpenReq>(message) || std::holds_alternative<HeartbeatReq>(message) ||
      std::holds_alternative<CloseReq>(message) || std::holds_alternative<UnknownMessage>(message)) {
    return false;
  }
  const std::string_view type_name = name(static_cast<MessageType>(message_type_number(message)));
  return type_name.ends_with("_REQ") && invoke_id_of(message).has_value();
}

}  // namespace fgw::cti::client
