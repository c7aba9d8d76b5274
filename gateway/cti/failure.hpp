#pragma once
// Negative answers and failure notices (GED-188.md 2.10).
#include <cstdint>
#include <optional>

#include "gateway/cti/failure_codes.hpp"
#include "gateway/cti/message_type.hpp"

namespace fgw::cti {

// FAILURE_CONF 1. The sources disagree on its layout (GED-188.md 2.10): InvokeID + Status UINT
// (8 bytes; v9-v17 guides, both driver vectors) or, in the v24 chapter, InvokeID + FailureCode USHORT
// + PeripheralErrorCode UINT (10 bytes). A 10-byte body decodes as the second form and sets
// peripheral_error_code; every other length as the first. Encoding follows peripheral_error_code.
struct FailureConf {
  static constexpr MessageType kType = MessageType::FailureConf;
  // The one switch point between the two layouts.
  static constexpr std::size_t kAlternateLayoutBodyBytes = 10;

  std::uint32_t invoke_id = 0;
  FailureStatus status = FailureStatus::NoError;
  std::optional<std::uint32_t> peripheral_error_code;
  bool operator==(const FailureConf&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    bool alternate = false;
    if constexpr (A::kDecoding) {
      alternate = a.body_size() == kAlternateLayoutBodyBytes;
    } else {
      alternate = m.peripheral_error_code.has_value();
    }
    if (!alternate) {
      a.fixed(m.status);
      return;
    }
    auto code = static_cast<std::uint16_t>(m.status);
    a.fixed(code);
    std::uint32_t peripheral_error = m.peripheral_error_code.value_or(0);
    a.fixed(peripheral_error);
    if constexpr (A::kDecoding) {
      m.status = static_cast<FailureStatus>(code);
      m.peripheral_error_code = peripheral_error;
    }
  }
};

// FAILURE_EVENT 2: unsolicited; E_CTI_CTI_SERVER_OFFLINE means close and fail over.
struct FailureEvent {
  static constexpr MessageType kType = MessageType::FailureEvent;
  FailureStatus status = FailureStatus::NoError;
  bool operator==(const FailureEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.status);
  }
};

// CONTROL_FAILURE_CONF 35: the negative answer to a CLIENT_CONTROL request.
struct ControlFailureConf {
  static constexpr MessageType kType = MessageType::ControlFailureConf;
  std::uint32_t invoke_id = 0;
  ControlFailureCode failure_code = ControlFailureCode::GenericUnspecified;
  std::uint32_t peripheral_error_code = 0;
  bool operator==(const ControlFailureConf&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.failure_code);
    a.fixed(m.peripheral_error_code);
  }
};

}  // namespace fgw::cti
