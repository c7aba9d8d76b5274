#pragma once
// Call events (GED-188.md 3.2, messages 9-21, 34, 86). All but CONFERENCED/TRANSFERRED start with
// CommonCallHdr; device types are DeviceIdType, states LocalConnectionState, causes EventCause.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gateway/cti/common.hpp"
#include "gateway/cti/enums.hpp"
#include "gateway/cti/message_type.hpp"

namespace fgw::cti {

// CALL_DELIVERED_EVENT 9 (54-byte fixed part).
struct CallDeliveredEvent {
  static constexpr MessageType kType = MessageType::CallDeliveredEvent;
  CallHeader call;
  std::uint16_t line_handle = 0xFFFF;
  std::uint16_t line_type = 0xFFFF;
  std::uint32_t service_number = 0;
  std::uint32_t service_id = 0;
  std::uint32_t skill_group_number = 0;
  std::uint32_t skill_group_id = 0;
  std::uint16_t skill_group_priority = 0;
  DeviceIdType alerting_device_type = DeviceIdType::None;
  DeviceIdType calling_device_type = DeviceIdType::None;
  DeviceIdType called_device_type = DeviceIdType::None;
  DeviceIdType last_redirect_device_type = DeviceIdType::None;
  LocalConnectionState local_connection_state = LocalConnectionState::None;
  EventCause event_cause = EventCause::None;
  std::optional<std::string> connection_device_id;
  std::optional<std::string> alerting_device_id;
  std::optional<std::string> calling_device_id;
  std::optional<std::string> called_device_id;
  std::optional<std::string> last_redirect_device_id;
  std::optional<std::uint32_t> trunk_number;
  std::optional<std::uint32_t> trunk_group_number;
  std::optional<std::uint32_t> secondary_connection_call_id;
  std::optional<std::string> ani;
  std::optional<std::string> ani_ii;
  std::optional<Bytes> user_to_user_info;
  std::optional<std::string> dnis;
  std::optional<std::string> dialed_number;
  std::optional<std::string> caller_entered_digits;
  CallVariables call_variables;
  std::optional<std::string> call_wrapup_data;
  std::vector<NamedVariable> named_variables;
  std::vector<NamedArray> named_arrays;
  bool operator==(const CallDeliveredEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    CallHeader::layout(a, m.call);
    a.fixed(m.line_handle);
    a.fixed(m.line_type);
    a.fixed(m.service_number);
    a.fixed(m.service_id);
    a.fixed(m.skill_group_number);
    a.fixed(m.skill_group_id);
    a.fixed(m.skill_group_priority);
    a.fixed(m.alerting_device_type);
    a.fixed(m.calling_device_type);
    a.fixed(m.called_device_type);
    a.fixed(m.last_redirect_device_type);
    a.fixed(m.local_connection_state);
    a.fixed(m.event_cause);
    a.count(m.named_variables);
    a.count(m.named_arrays);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::AlertingDeviceId, m.alerting_device_id, max_len::kDeviceId);
    a.text(Tag::CallingDeviceId, m.calling_device_id, max_len::kDeviceId);
    a.text(Tag::CalledDeviceId, m.called_device_id, max_len::kDeviceId);
    a.text(Tag::LastRedirectDeviceId, m.last_redirect_device_id, max_len::kDeviceId);
    a.number(Tag::TrunkNumber, m.trunk_number);
    a.number(Tag::TrunkGroupNumber, m.trunk_group_number);
    a.number(Tag::SecondaryConnectionCallId, m.secondary_connection_call_id);
    a.text(Tag::Ani, m.ani, max_len::kAni);
    a.text(Tag::AniIi, m.ani_ii, max_len::kAniIi);
    a.bytes(Tag::UserToUserInfo, m.user_to_user_info, max_len::kUserToUserInfo);
    a.text(Tag::Dnis, m.dnis, max_len::kDnis);
    a.text(Tag::DialedNumber, m.dialed_number, max_len::kDialedNumber);
    a.text(Tag::CallerEnteredDigits, m.caller_entered_digits, max_len::kCallerEnteredDigits);
    call_variable_fields(a, m.call_variables);
    a.text(Tag::CallWrapupData, m.call_wrapup_data, max_len::kCallWrapupData);
    a.named_variables(m.named_variables);
    a.named_arrays(m.named_arrays);
  }
};

// CALL_ESTABLISHED_EVENT 10.
struct CallEstablishedEvent {
  static constexpr MessageType kType = MessageType::CallEstablishedEvent;
  CallHeader call;
  std::uint16_t line_handle = 0xFFFF;
  std::uint16_t line_type = 0xFFFF;
  std::uint32_t service_number = 0;
  std::uint32_t service_id = 0;
  std::uint32_t skill_group_number = 0;
  std::uint32_t skill_group_id = 0;
  std::uint16_t skill_group_priority = 0;
  DeviceIdType answering_device_type = DeviceIdType::None;
  DeviceIdType calling_device_type = DeviceIdType::None;
  DeviceIdType called_device_type = DeviceIdType::None;
  DeviceIdType last_redirect_device_type = DeviceIdType::None;
  LocalConnectionState local_connection_state = LocalConnectionState::None;
  EventCause event_cause = EventCause::None;
  std::optional<std::string> connection_device_id;
  std::optional<std::string> answering_device_id;
  std::optional<std::string> calling_device_id;
  std::optional<std::string> called_device_id;
  std::optional<std::string> last_redirect_device_id;
  std::optional<std::uint32_t> trunk_number;
  std::optional<std::uint32_t> trunk_group_number;
  bool operator==(const CallEstablishedEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    CallHeader::layout(a, m.call);
    a.fixed(m.line_handle);
    a.fixed(m.line_type);
    a.fixed(m.service_number);
    a.fixed(m.service_id);
    a.fixed(m.skill_group_number);
    a.fixed(m.skill_group_id);
    a.fixed(m.skill_group_priority);
    a.fixed(m.answering_device_type);
    a.fixed(m.calling_device_type);
    a.fixed(m.called_device_type);
    a.fixed(m.last_redirect_device_type);
    a.fixed(m.local_connection_state);
    a.fixed(m.event_cause);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::AnsweringDeviceId, m.answering_device_id, max_len::kDeviceId);
    a.text(Tag::CallingDeviceId, m.calling_device_id, max_len::kDeviceId);
    a.text(Tag::CalledDeviceId, m.called_device_id, max_len::kDeviceId);
    a.text(Tag::LastRedirectDeviceId, m.last_redirect_device_id, max_len::kDeviceId);
    a.number(Tag::TrunkNumber, m.trunk_number);
    a.number(Tag::TrunkGroupNumber, m.trunk_group_number);
  }
};

// The small events that carry one acting device: CALL_HELD 11 (HoldingDevice), CALL_RETRIEVED 12
// (RetrievingDevice), CALL_CONNECTION_CLEARED 14 (ReleasingDevice). Fixed: CommonCallHdr, the device's
// type, LocalConnectionState, EventCause (22 bytes); floating ConnectionDeviceID and the device ID.
template <MessageType Type, Tag DeviceTag>
struct OneDeviceCallEvent {
  static constexpr MessageType kType = Type;
  CallHeader call;
  DeviceIdType device_type = DeviceIdType::None;
  LocalConnectionState local_connection_state = LocalConnectionState::None;
  EventCause event_cause = EventCause::None;
  std::optional<std::string> connection_device_id;
  std::optional<std::string> device_id;
  bool operator==(const OneDeviceCallEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    CallHeader::layout(a, m.call);
    a.fixed(m.device_type);
    a.fixed(m.local_connection_state);
    a.fixed(m.event_cause);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(DeviceTag, m.device_id, max_len::kDeviceId);
  }
};
using CallHeldEvent = OneDeviceCallEvent<MessageType::CallHeldEvent, Tag::HoldingDeviceId>;
using CallRetrievedEvent = OneDeviceCallEvent<MessageType::CallRetrievedEvent, Tag::RetrievingDeviceId>;
using CallConnectionClearedEvent =
    OneDeviceCallEvent<MessageType::CallConnectionClearedEvent, Tag::ReleasingDeviceId>;

// CALL_CLEARED_EVENT 13.
struct CallClearedEvent {
  static constexpr MessageType kType = MessageType::CallClearedEvent;
  CallHeader call;
  LocalConnectionState local_connection_state = LocalConnectionState::None;
  EventCause event_cause = EventCause::None;
  std::optional<std::string> connection_device_id;
  bool operator==(const CallClearedEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    CallHeader::layout(a, m.call);
    a.fixed(m.local_connection_state);
    a.fixed(m.event_cause);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
  }
};

// CALL_ORIGINATED_EVENT 15.
struct CallOriginatedEvent {
  static constexpr MessageType kType = MessageType::CallOriginatedEvent;
  CallHeader call;
  std::uint16_t line_handle = 0xFFFF;
  std::uint16_t line_type = 0xFFFF;
  std::uint32_t service_number = 0;
  std::uint32_t service_id = 0;
  std::uint32_t skill_group_number = 0;
  std::uint32_t skill_group_id = 0;
  std::uint16_t skill_group_priority = 0;
  DeviceIdType calling_device_type = DeviceIdType::None;
  DeviceIdType called_device_type = DeviceIdType::None;
  LocalConnectionState local_connection_state = LocalConnectionState::None;
  EventCause event_cause = EventCause::None;
  std::optional<std::string> connection_device_id;
  std::optional<std::string> calling_device_id;
  std::optional<std::string> called_device_id;
  bool operator==(const CallOriginatedEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    CallHeader::layout(a, m.call);
    a.fixed(m.line_handle);
    a.fixed(m.line_type);
    a.fixed(m.service_number);
    a.fixed(m.service_id);
    a.fixed(m.skill_group_number);
    a.fixed(m.skill_group_id);
    a.fixed(m.skill_group_priority);
    a.fixed(m.calling_device_type);
    a.fixed(m.called_device_type);
    a.fixed(m.local_connection_state);
    a.fixed(m.event_cause);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::CallingDeviceId, m.calling_device_id, max_len::kDeviceId);
    a.text(Tag::CalledDeviceId, m.called_device_id, max_len::kDeviceId);
  }
};

// CALL_FAILED_EVENT 16 (with MonitorID, as Cisco v25 prints it; GED-188.md treats the v19 vector
// without it as a test bug).
struct CallFailedEvent {
  static constexpr MessageType kType = MessageType::CallFailedEvent;
  CallHeader call;
  DeviceIdType failing_device_type = DeviceIdType::None;
  DeviceIdType called_device_type = DeviceIdType::None;
  LocalConnectionState local_connection_state = LocalConnectionState::None;
  EventCause event_cause = EventCause::None;
  std::optional<std::string> connection_device_id;
  std::optional<std::string> failing_device_id;
  std::optional<std::string> called_device_id;
  bool operator==(const CallFailedEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    CallHeader::layout(a, m.call);
    a.fixed(m.failing_device_type);
    a.fixed(m.called_device_type);
    a.fixed(m.local_connection_state);
    a.fixed(m.event_cause);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::FailingDeviceId, m.failing_device_id, max_len::kDeviceId);
    a.text(Tag::CalledDeviceId, m.called_device_id, max_len::kDeviceId);
  }
};

// CALL_CONFERENCED_EVENT 17 and CALL_TRANSFERRED_EVENT 18 share one shape: the primary and secondary
// calls, two acting devices (controller/added party, or transferring/transferred) and the parties.
template <MessageType Type, Tag FirstDeviceTag, Tag SecondDeviceTag>
struct CallJoinEvent {
  static constexpr MessageType kType = Type;
  std::uint32_t monitor_id = 0;
  std::uint32_t peripheral_id = 0;
  PeripheralType peripheral_type = PeripheralType::None;
  ConnectionIdType primary_device_id_type = ConnectionIdType::None;
  std::uint32_t primary_call_id = 0;
  std::uint16_t line_handle = 0xFFFF;
  std::uint16_t line_type = 0xFFFF;
  std::uint32_t skill_group_number = 0;
  std::uint32_t skill_group_id = 0;
  std::uint16_t skill_group_priority = 0;
  ConnectionIdType secondary_device_id_type = ConnectionIdType::None;
  std::uint32_t secondary_call_id = 0;
  DeviceIdType first_device_type = DeviceIdType::None;   // Controller / Transferring
  DeviceIdType second_device_type = DeviceIdType::None;  // AddedParty / Transferred
  LocalConnectionState local_connection_state = LocalConnectionState::None;
  EventCause event_cause = EventCause::None;
  std::optional<std::string> primary_device_id;
  std::optional<std::string> secondary_device_id;
  std::optional<std::string> first_device_id;
  std::optional<std::string> second_device_id;
  std::vector<ConnectedParty> parties;  // NumParties (<= 16)
  bool operator==(const CallJoinEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.monitor_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.peripheral_type);
    a.fixed(m.primary_device_id_type);
    a.fixed(m.primary_call_id);
    a.fixed(m.line_handle);
    a.fixed(m.line_type);
    a.fixed(m.skill_group_number);
    a.fixed(m.skill_group_id);
    a.fixed(m.skill_group_priority);
    a.count(m.parties);
    a.fixed(m.secondary_device_id_type);
    a.fixed(m.secondary_call_id);
    a.fixed(m.first_device_type);
    a.fixed(m.second_device_type);
    a.fixed(m.local_connection_state);
    a.fixed(m.event_cause);
    a.text(Tag::PrimaryDeviceId, m.primary_device_id, max_len::kDeviceId);
    a.text(Tag::SecondaryDeviceId, m.secondary_device_id, max_len::kDeviceId);
    a.text(FirstDeviceTag, m.first_device_id, max_len::kDeviceId);
    a.text(SecondDeviceTag, m.second_device_id, max_len::kDeviceId);
    a.group(m.parties);
  }
};
using CallConferencedEvent =
    CallJoinEvent<MessageType::CallConferencedEvent, Tag::ControllerDeviceId, Tag::AddedPartyDeviceId>;
using CallTransferredEvent = CallJoinEvent<MessageType::CallTransferredEvent,
                                           Tag::TransferringDeviceId, Tag::TransferredDeviceId>;

// CALL_DIVERTED_EVENT 19.
struct CallDivertedEvent {
  static constexpr MessageType kType = MessageType::CallDivertedEvent;
  CallHeader call;
  std::uint32_t service_number = 0;
  std::uint32_t service_id = 0;
  DeviceIdType diverting_device_type = DeviceIdType::None;
  DeviceIdType called_device_type = DeviceIdType::None;
  LocalConnectionState local_connection_state = LocalConnectionState::None;
  EventCause event_cause = EventCause::None;
  std::optional<std::string> connection_device_id;
  std::optional<std::string> diverting_device_id;
  std::optional<std::string> called_device_id;
  bool operator==(const CallDivertedEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    CallHeader::layout(a, m.call);
    a.fixed(m.service_number);
    a.fixed(m.service_id);
    a.fixed(m.diverting_device_type);
    a.fixed(m.called_device_type);
    a.fixed(m.local_connection_state);
    a.fixed(m.event_cause);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::DivertingDeviceId, m.diverting_device_id, max_len::kDeviceId);
    a.text(Tag::CalledDeviceId, m.called_device_id, max_len::kDeviceId);
  }
};

// CALL_SERVICE_INITIATED_EVENT 20. GED-188.md gives no maximum for COC device ID 231; the 64 of every
// other device ID is assumed.
struct CallServiceInitiatedEvent {
  static constexpr MessageType kType = MessageType::CallServiceInitiatedEvent;
  CallHeader call;
  std::uint16_t line_handle = 0xFFFF;
  std::uint16_t line_type = 0xFFFF;
  std::uint32_t service_number = 0;
  std::uint32_t service_id = 0;
  std::uint32_t skill_group_number = 0;
  std::uint32_t skill_group_id = 0;
  std::uint16_t skill_group_priority = 0;
  DeviceIdType calling_device_type = DeviceIdType::None;
  LocalConnectionState local_connection_state = LocalConnectionState::None;
  EventCause event_cause = EventCause::None;
  std::optional<std::string> connection_device_id;
  std::optional<std::string> calling_device_id;
  std::optional<Bytes> call_reference_id;
  std::optional<std::uint32_t> coc_connection_call_id;
  std::optional<ConnectionIdType> coc_connection_device_id_type;
  std::optional<std::string> coc_connection_device_id;
  bool operator==(const CallServiceInitiatedEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    CallHeader::layout(a, m.call);
    a.fixed(m.line_handle);
    a.fixed(m.line_type);
    a.fixed(m.service_number);
    a.fixed(m.service_id);
    a.fixed(m.skill_group_number);
    a.fixed(m.skill_group_id);
    a.fixed(m.skill_group_priority);
    a.fixed(m.calling_device_type);
    a.fixed(m.local_connection_state);
    a.fixed(m.event_cause);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::CallingDeviceId, m.calling_device_id, max_len::kDeviceId);
    a.bytes(Tag::CallReferenceId, m.call_reference_id, max_len::kCallReferenceId);
    a.number(Tag::CocConnectionCallId, m.coc_connection_call_id);
    a.number(Tag::CocConnectionDeviceIdType, m.coc_connection_device_id_type);
    a.text(Tag::CocConnectionDeviceId, m.coc_connection_device_id, max_len::kDeviceId);
  }
};

// CALL_QUEUED_EVENT 21.
struct CallQueuedEvent {
  static constexpr MessageType kType = MessageType::CallQueuedEvent;
  CallHeader call;
  std::uint32_t service_number = 0;
  std::uint32_t service_id = 0;
  DeviceIdType queue_device_type = DeviceIdType::None;
  DeviceIdType calling_device_type = DeviceIdType::None;
  DeviceIdType called_device_type = DeviceIdType::None;
  DeviceIdType last_redirect_device_type = DeviceIdType::None;
  std::uint16_t num_queued = 0;
  LocalConnectionState local_connection_state = LocalConnectionState::None;
  EventCause event_cause = EventCause::None;
  std::optional<std::string> connection_device_id;
  std::optional<std::string> queue_device_id;
  std::optional<std::string> calling_device_id;
  std::optional<std::string> called_device_id;
  std::optional<std::string> last_redirect_device_id;
  std::vector<QueuedSkillGroup> skill_groups;  // NumSkillGroups (<= 20)
  bool operator==(const CallQueuedEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    CallHeader::layout(a, m.call);
    a.fixed(m.service_number);
    a.fixed(m.service_id);
    a.fixed(m.queue_device_type);
    a.fixed(m.calling_device_type);
    a.fixed(m.called_device_type);
    a.fixed(m.last_redirect_device_type);
    a.fixed(m.num_queued);
    a.count(m.skill_groups);
    a.fixed(m.local_connection_state);
    a.fixed(m.event_cause);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::QueueDeviceId, m.queue_device_id, max_len::kDeviceId);
    a.text(Tag::CallingDeviceId, m.calling_device_id, max_len::kDeviceId);
    a.text(Tag::CalledDeviceId, m.called_device_id, max_len::kDeviceId);
    a.text(Tag::LastRedirectDeviceId, m.last_redirect_device_id, max_len::kDeviceId);
    a.group(m.skill_groups);
  }
};

// CALL_DEQUEUED_EVENT 86.
struct CallDequeuedEvent {
  static constexpr MessageType kType = MessageType::CallDequeuedEvent;
  CallHeader call;
  DeviceIdType queue_device_type = DeviceIdType::None;
  std::uint32_t service_number = 0;
  std::uint32_t service_id = 0;
  std::uint16_t num_queued = 0;
  LocalConnectionState local_connection_state = LocalConnectionState::None;
  EventCause event_cause = EventCause::None;
  std::optional<std::string> connection_device_id;
  std::vector<QueuedSkillGroup> skill_groups;  // NumSkillGroups
  bool operator==(const CallDequeuedEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    CallHeader::layout(a, m.call);
    a.fixed(m.queue_device_type);
    a.fixed(m.service_number);
    a.fixed(m.service_id);
    a.fixed(m.num_queued);
    a.count(m.skill_groups);
    a.fixed(m.local_connection_state);
    a.fixed(m.event_cause);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.group(m.skill_groups);
  }
};

// CALL_REACHED_NETWORK_EVENT 34.
struct CallReachedNetworkEvent {
  static constexpr MessageType kType = MessageType::CallReachedNetworkEvent;
  CallHeader call;
  std::uint16_t line_handle = 0xFFFF;
  std::uint16_t line_type = 0xFFFF;
  DeviceIdType trunk_used_device_type = DeviceIdType::None;
  DeviceIdType called_device_type = DeviceIdType::None;
  LocalConnectionState local_connection_state = LocalConnectionState::None;
  EventCause event_cause = EventCause::None;
  std::optional<std::string> connection_device_id;
  std::optional<std::string> trunk_used_device_id;
  std::optional<std::string> called_device_id;
  std::optional<std::uint32_t> trunk_number;
  std::optional<std::uint32_t> trunk_group_number;
  bool operator==(const CallReachedNetworkEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    CallHeader::layout(a, m.call);
    a.fixed(m.line_handle);
    a.fixed(m.line_type);
    a.fixed(m.trunk_used_device_type);
    a.fixed(m.called_device_type);
    a.fixed(m.local_connection_state);
    a.fixed(m.event_cause);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::TrunkUsedDeviceId, m.trunk_used_device_id, max_len::kDeviceId);
    a.text(Tag::CalledDeviceId, m.called_device_id, max_len::kDeviceId);
    a.number(Tag::TrunkNumber, m.trunk_number);
    a.number(Tag::TrunkGroupNumber, m.trunk_group_number);
  }
};

}  // namespace fgw::cti
