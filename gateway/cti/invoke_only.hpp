#pragma once
// Messages whose whole body is InvokeID UINT: most confirmations (GED-188.md 3.2), HEARTBEAT_REQ/CONF
// and CLOSE_CONF. One template, one distinct type per MessageType.
#include <cstdint>

#include "gateway/cti/message_type.hpp"

namespace fgw::cti {

template <MessageType Type>
struct InvokeIdOnly {
  static constexpr MessageType kType = Type;
  std::uint32_t invoke_id = 0;
  bool operator==(const InvokeIdOnly&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
  }
};

}  // namespace fgw::cti
