#pragma once
// Building blocks shared by several message families.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gateway/cti/enums.hpp"
#include "gateway/cti/tags.hpp"

namespace fgw::cti {

using Bytes = std::vector<std::uint8_t>;  // UNSPEC data

// CommonCallHdr (GED-188.md 3.2): the first 16 fixed bytes of most call events.
struct CallHeader {
  std::uint32_t monitor_id = 0;
  std::uint32_t peripheral_id = 0;
  PeripheralType peripheral_type = PeripheralType::None;
  ConnectionIdType connection_device_id_type = ConnectionIdType::None;
  std::uint32_t connection_call_id = 0;
  bool operator==(const CallHeader&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.monitor_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.peripheral_type);
    a.fixed(m.connection_device_id_type);
    a.fixed(m.connection_call_id);
  }
};

// NamedVariable, tag 82 (ECC scalar): name and value, each NUL-terminated.
struct NamedVariable {
  std::string name;
  std::string value;
  bool operator==(const NamedVariable&) const = default;
};

// NamedArray, tag 83 (ECC array element).
struct NamedArray {
  std::uint8_t index = 0;
  std::string name;
  std::string value;
  bool operator==(const NamedArray&) const = default;
};

// CallVariable1..10 (tags 13..22); element i is CallVariable(i+1).
using CallVariables = std::array<std::optional<std::string>, 10>;

template <class A, class Vars>
void call_variable_fields(A& a, Vars& vars) {
  for (std::size_t i = 0; i < vars.size(); ++i) {
    a.text(call_variable_tag(i), vars[i], max_len::kCallVariable);
  }
}

// One NumParties item: ConnectedPartyCallID, ConnectedPartyDeviceIDType, ConnectedPartyDeviceID.
struct ConnectedParty {
  std::uint32_t call_id = 0;
  ConnectionIdType device_id_type = ConnectionIdType::None;
  std::string device_id;
  bool operator==(const ConnectedParty&) const = default;

  static constexpr Tag kLeadTag = Tag::ConnectedPartyCallId;
  template <class A, class M>
  static void layout(A& a, M& m) {
    a.number(Tag::ConnectedPartyCallId, m.call_id);
    a.number(Tag::ConnectedPartyDeviceIdType, m.device_id_type);
    a.text(Tag::ConnectedPartyDeviceId, m.device_id, max_len::kDeviceId);
  }
};

// One NumSkillGroups item of CALL_QUEUED / CALL_DEQUEUED.
struct QueuedSkillGroup {
  std::int32_t number = 0;
  std::uint32_t id = 0;
  std::uint16_t priority = 0;
  bool operator==(const QueuedSkillGroup&) const = default;

  static constexpr Tag kLeadTag = Tag::SkillGroupNumber;
  template <class A, class M>
  static void layout(A& a, M& m) {
    a.number(Tag::SkillGroupNumber, m.number);
    a.number(Tag::SkillGroupId, m.id);
    a.number(Tag::SkillGroupPriority, m.priority);
  }
};

// One NumCTIClients item: the clients that have seen or changed a call.
struct CtiClient {
  std::string signature;
  std::uint32_t timestamp = 0;  // TIME
  bool operator==(const CtiClient&) const = default;

  static constexpr Tag kLeadTag = Tag::CtiClientSignature;
  template <class A, class M>
  static void layout(A& a, M& m) {
    a.text(Tag::CtiClientSignature, m.signature, max_len::kClientSignature);
    a.number(Tag::CtiClientTimestamp, m.timestamp);
  }
};

}  // namespace fgw::cti
