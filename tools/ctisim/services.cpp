#include "tools/ctisim/services.hpp"

#include <type_traits>

namespace fgw::ctisim::service {

std::uint32_t call_mask_bit(const cti::Message& message) {
  return std::visit(
      [](const auto& m) -> std::uint32_t {
        using T = std::decay_t<decltype(m)>;
        using namespace fgw::cti;
        if constexpr (std::is_same_v<T, CallDeliveredEvent>) return 0x1;
        else if constexpr (std::is_same_v<T, CallQueuedEvent>) return 0x2;
        else if constexpr (std::is_same_v<T, CallEstablishedEvent>) return 0x4;
        else if constexpr (std::is_same_v<T, CallHeldEvent>) return 0x8;
        else if constexpr (std::is_same_v<T, CallRetrievedEvent>) return 0x10;
        else if constexpr (std::is_same_v<T, CallClearedEvent>) return 0x20;
        else if constexpr (std::is_same_v<T, CallConnectionClearedEvent>) return 0x40;
        else if constexpr (std::is_same_v<T, CallOriginatedEvent>) return 0x80;
        else if constexpr (std::is_same_v<T, CallConferencedEvent>) return 0x100;
        else if constexpr (std::is_same_v<T, CallTransferredEvent>) return 0x200;
        else if constexpr (std::is_same_v<T, CallDivertedEvent>) return 0x400;
        else if constexpr (std::is_same_v<T, CallServiceInitiatedEvent>) return 0x800;
        else if constexpr (std::is_same_v<T, BeginCallEvent>) return 0x2000;
        else if constexpr (std::is_same_v<T, EndCallEvent>) return 0x4000;
        else if constexpr (std::is_same_v<T, CallDataUpdateEvent>) return 0x8000;
        else if constexpr (std::is_same_v<T, CallFailedEvent>) return 0x10000;
        else if constexpr (std::is_same_v<T, CallReachedNetworkEvent>) return 0x20000;
        else if constexpr (std::is_same_v<T, CallDequeuedEvent>) return 0x40000;
        else return 0;
      },
      message);
}

std::uint32_t agent_state_mask_bit(cti::AgentState state) {
  const auto value = static_cast<std::uint32_t>(state);
  constexpr auto kUnknown = static_cast<std::uint32_t>(cti::AgentState::Unknown);
  if (value == kUnknown) return 0;
  return value < kUnknown ? (1u << value) : (1u << (value - 1));
}

}  // namespace fgw::ctisim::service
