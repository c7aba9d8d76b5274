#pragma once
// Client-control requests and their confirmations (GED-188.md 3.2): answer, clear, hold, retrieve,
// consult, transfer, conference, make call, DTMF, and the call/device snapshots used to resync.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gateway/cti/common.hpp"
#include "gateway/cti/enums.hpp"
#include "gateway/cti/invoke_only.hpp"
#include "gateway/cti/message_type.hpp"
#include "gateway/cti/protocol_version.hpp"

namespace fgw::cti {

// ANSWER_CALL_REQ 42 and CLEAR_CALL_REQ 44 (ConnectionCallID 0xFFFFFFFF lets ANSWER pick the alerting
// call); HOLD_CALL_REQ 54 adds Reservation BOOL.
template <MessageType Type, bool WithReservation>
struct ConnectionRequest {
  static constexpr MessageType kType = Type;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  std::uint32_t connection_call_id = 0;
  ConnectionIdType connection_device_id_type = ConnectionIdType::None;
  bool reservation = false;  // HOLD_CALL_REQ only
  std::optional<std::string> connection_device_id;
  std::optional<std::string> agent_instrument;
  bool operator==(const ConnectionRequest&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.connection_call_id);
    a.fixed(m.connection_device_id_type);
    if constexpr (WithReservation) a.fixed(m.reservation);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
  }
};
using AnswerCallReq = ConnectionRequest<MessageType::AnswerCallReq, false>;
using ClearCallReq = ConnectionRequest<MessageType::ClearCallReq, false>;
using HoldCallReq = ConnectionRequest<MessageType::HoldCallReq, true>;
using AnswerCallConf = InvokeIdOnly<MessageType::AnswerCallConf>;
using ClearCallConf = InvokeIdOnly<MessageType::ClearCallConf>;
using HoldCallConf = InvokeIdOnly<MessageType::HoldCallConf>;

// CLEAR_CONNECTION_REQ 46: drops one leg (the agent's own).
struct ClearConnectionReq {
  static constexpr MessageType kType = MessageType::ClearConnectionReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  std::uint32_t connection_call_id = 0;
  ConnectionIdType connection_device_id_type = ConnectionIdType::None;
  DeviceIdType requesting_device_id_type = DeviceIdType::None;  // since::kClearConnectionRequestingDeviceType
  std::optional<std::string> connection_device_id;
  std::optional<std::string> agent_instrument;
  std::optional<std::string> requesting_device_id;
  bool operator==(const ClearConnectionReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.connection_call_id);
    a.fixed(m.connection_device_id_type);
    if (a.version() >= since::kClearConnectionRequestingDeviceType) a.fixed(m.requesting_device_id_type);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
    a.text(Tag::RequestingDeviceId, m.requesting_device_id, max_len::kDeviceId);
  }
};
using ClearConnectionConf = InvokeIdOnly<MessageType::ClearConnectionConf>;

// RETRIEVE_CALL_REQ 62.
struct RetrieveCallReq {
  static constexpr MessageType kType = MessageType::RetrieveCallReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  std::uint32_t held_connection_call_id = 0;
  ConnectionIdType held_connection_device_id_type = ConnectionIdType::None;
  std::optional<std::string> held_connection_device_id;
  std::optional<std::string> agent_instrument;
  bool operator==(const RetrieveCallReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.held_connection_call_id);
    a.fixed(m.held_connection_device_id_type);
    a.text(Tag::HeldConnectionDeviceId, m.held_connection_device_id, max_len::kDeviceId);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
  }
};
using RetrieveCallConf = InvokeIdOnly<MessageType::RetrieveCallConf>;

// The dialling options shared by CONSULTATION, TRANSFER, CONFERENCE and MAKE_CALL (fixed part, all
// USHORT but the two BOOLs). Enumerations in GED-188.md 4.13.
struct DialOptions {
  std::uint16_t call_placement_type = 0;
  std::uint16_t call_manner_type = 0;
  std::uint16_t alert_rings = 0;
  std::uint16_t call_option = 0;
  std::uint16_t facility_type = 0;
  std::uint16_t answering_machine = 0;
  bool priority = false;
  bool post_route = false;
  bool operator==(const DialOptions&) const = default;
};

// The call data a dialling request may attach (floating part).
struct DialData {
  std::optional<Bytes> user_to_user_info;
  CallVariables call_variables;
  std::optional<std::string> call_wrapup_data;
  std::vector<NamedVariable> named_variables;
  std::vector<NamedArray> named_arrays;
  std::optional<std::string> facility_code;
  std::optional<std::string> authorization_code;
  std::optional<std::string> account_code;
  bool operator==(const DialData&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.bytes(Tag::UserToUserInfo, m.user_to_user_info, max_len::kUserToUserInfo);
    call_variable_fields(a, m.call_variables);
    a.text(Tag::CallWrapupData, m.call_wrapup_data, max_len::kCallWrapupData);
    a.named_variables(m.named_variables);
    a.named_arrays(m.named_arrays);
    a.text(Tag::FacilityCode, m.facility_code, max_len::kDialCode);
    a.text(Tag::AuthorizationCode, m.authorization_code, max_len::kDialCode);
    a.text(Tag::AccountCode, m.account_code, max_len::kDialCode);
  }
};

// CONSULTATION_CALL_REQ 50. ConsultType sits between CallMannerType and AlertRings.
struct ConsultationCallReq {
  static constexpr MessageType kType = MessageType::ConsultationCallReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  std::uint32_t active_connection_call_id = 0;
  ConnectionIdType active_connection_device_id_type = ConnectionIdType::None;
  std::uint16_t consult_type = 0;  // 0 unspecified, 1 transfer, 2 conference
  DialOptions options;
  std::optional<std::string> active_connection_device_id;
  std::optional<std::string> dialed_number;
  std::optional<std::string> agent_instrument;
  DialData data;
  bool operator==(const ConsultationCallReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.active_connection_call_id);
    a.fixed(m.active_connection_device_id_type);
    a.fixed(m.options.call_placement_type);
    a.fixed(m.options.call_manner_type);
    a.fixed(m.consult_type);
    a.fixed(m.options.alert_rings);
    a.fixed(m.options.call_option);
    a.fixed(m.options.facility_type);
    a.fixed(m.options.answering_machine);
    a.fixed(m.options.priority);
    a.fixed(m.options.post_route);
    a.count(m.data.named_variables);
    a.count(m.data.named_arrays);
    a.text(Tag::ActiveConnectionDeviceId, m.active_connection_device_id, max_len::kDeviceId);
    a.text(Tag::DialedNumber, m.dialed_number, max_len::kDialedNumber);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
    DialData::layout(a, m.data);
  }
};

// CONSULTATION_CALL_CONF 51 and MAKE_CALL_CONF 57: the new call's connection.
template <MessageType Type>
struct NewCallConf {
  static constexpr MessageType kType = Type;
  std::uint32_t invoke_id = 0;
  std::uint32_t new_connection_call_id = 0;
  ConnectionIdType new_connection_device_id_type = ConnectionIdType::None;
  std::uint16_t line_handle = 0xFFFF;
  std::uint16_t line_type = 0xFFFF;
  std::optional<std::string> new_connection_device_id;
  bool operator==(const NewCallConf&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.new_connection_call_id);
    a.fixed(m.new_connection_device_id_type);
    a.fixed(m.line_handle);
    a.fixed(m.line_type);
    a.text(Tag::NewConnectionDeviceId, m.new_connection_device_id, max_len::kDeviceId);
  }
};
using ConsultationCallConf = NewCallConf<MessageType::ConsultationCallConf>;
using MakeCallConf = NewCallConf<MessageType::MakeCallConf>;

// TRANSFER_CALL_REQ 64 (Active call id first) and CONFERENCE_CALL_REQ 48 (Held call id first).
// Single-step: HeldConnectionCallID 0xFFFFFFFF, held type CONNECTION_ID_NONE, and a DialedNumber.
template <MessageType Type, bool HeldFirst>
struct JoinCallsReq {
  static constexpr MessageType kType = Type;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  std::uint32_t active_connection_call_id = 0;
  std::uint32_t held_connection_call_id = 0xFFFFFFFF;
  ConnectionIdType active_connection_device_id_type = ConnectionIdType::None;
  ConnectionIdType held_connection_device_id_type = ConnectionIdType::None;
  DialOptions options;
  std::optional<std::string> active_connection_device_id;
  std::optional<std::string> held_connection_device_id;
  std::optional<std::string> agent_instrument;
  std::optional<std::string> dialed_number;
  DialData data;
  bool operator==(const JoinCallsReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    if constexpr (HeldFirst) {
      a.fixed(m.held_connection_call_id);
      a.fixed(m.active_connection_call_id);
      a.fixed(m.held_connection_device_id_type);
      a.fixed(m.active_connection_device_id_type);
    } else {
      a.fixed(m.active_connection_call_id);
      a.fixed(m.held_connection_call_id);
      a.fixed(m.active_connection_device_id_type);
      a.fixed(m.held_connection_device_id_type);
    }
    a.fixed(m.options.call_placement_type);
    a.fixed(m.options.call_manner_type);
    a.fixed(m.options.alert_rings);
    a.fixed(m.options.call_option);
    a.fixed(m.options.facility_type);
    a.fixed(m.options.answering_machine);
    a.fixed(m.options.priority);
    a.fixed(m.options.post_route);
    a.count(m.data.named_variables);
    a.count(m.data.named_arrays);
    a.text(Tag::ActiveConnectionDeviceId, m.active_connection_device_id, max_len::kDeviceId);
    a.text(Tag::HeldConnectionDeviceId, m.held_connection_device_id, max_len::kDeviceId);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
    a.text(Tag::DialedNumber, m.dialed_number, max_len::kDialedNumber);
    DialData::layout(a, m.data);
  }
};
using TransferCallReq = JoinCallsReq<MessageType::TransferCallReq, false>;
using ConferenceCallReq = JoinCallsReq<MessageType::ConferenceCallReq, true>;

// TRANSFER_CALL_CONF 65 and CONFERENCE_CALL_CONF 49.
template <MessageType Type>
struct JoinCallsConf {
  static constexpr MessageType kType = Type;
  std::uint32_t invoke_id = 0;
  std::uint32_t new_connection_call_id = 0;
  ConnectionIdType new_connection_device_id_type = ConnectionIdType::None;
  std::uint16_t line_handle = 0xFFFF;
  std::uint16_t line_type = 0xFFFF;
  std::optional<std::string> new_connection_device_id;
  std::vector<ConnectedParty> parties;  // NumParties
  bool operator==(const JoinCallsConf&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.new_connection_call_id);
    a.fixed(m.new_connection_device_id_type);
    a.count(m.parties);
    a.fixed(m.line_handle);
    a.fixed(m.line_type);
    a.text(Tag::NewConnectionDeviceId, m.new_connection_device_id, max_len::kDeviceId);
    a.group(m.parties);
  }
};
using TransferCallConf = JoinCallsConf<MessageType::TransferCallConf>;
using ConferenceCallConf = JoinCallsConf<MessageType::ConferenceCallConf>;

// MAKE_CALL_REQ 56. SkillGroupNumber NULL_SKILL_GROUP (0xFFFFFFFF) means the default.
struct MakeCallReq {
  static constexpr MessageType kType = MessageType::MakeCallReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  DialOptions options;
  std::uint32_t skill_group_number = 0xFFFFFFFF;
  std::optional<std::string> agent_instrument;
  std::optional<std::string> dialed_number;
  DialData data;
  std::optional<std::string> call_control_table;  // required with CPT_OUTBOUND
  bool operator==(const MakeCallReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.options.call_placement_type);
    a.fixed(m.options.call_manner_type);
    a.fixed(m.options.alert_rings);
    a.fixed(m.options.call_option);
    a.fixed(m.options.facility_type);
    a.fixed(m.options.answering_machine);
    a.fixed(m.options.priority);
    a.fixed(m.options.post_route);
    a.count(m.data.named_variables);
    a.count(m.data.named_arrays);
    a.fixed(m.skill_group_number);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
    a.text(Tag::DialedNumber, m.dialed_number, max_len::kDialedNumber);
    DialData::layout(a, m.data);
    a.text(Tag::CallControlTable, m.call_control_table, max_len::kCallControlTable);
  }
};

// SEND_DTMF_SIGNAL_REQ 91.
struct SendDtmfSignalReq {
  static constexpr MessageType kType = MessageType::SendDtmfSignalReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  std::uint32_t connection_call_id = 0;
  ConnectionIdType connection_device_id_type = ConnectionIdType::None;
  std::uint16_t tone_duration = 0;
  std::uint32_t pause_duration = 0;
  std::optional<std::string> connection_device_id;
  std::optional<std::string> dtmf_string;
  std::optional<std::string> agent_instrument;
  bool operator==(const SendDtmfSignalReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.connection_call_id);
    a.fixed(m.connection_device_id_type);
    a.fixed(m.tone_duration);
    a.fixed(m.pause_duration);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::DtmfString, m.dtmf_string, max_len::kDtmfString);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
  }
};
using SendDtmfSignalConf = InvokeIdOnly<MessageType::SendDtmfSignalConf>;

// SNAPSHOT_CALL_REQ 82.
struct SnapshotCallReq {
  static constexpr MessageType kType = MessageType::SnapshotCallReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  std::uint32_t connection_call_id = 0;
  ConnectionIdType connection_device_id_type = ConnectionIdType::None;
  std::optional<std::string> connection_device_id;
  bool operator==(const SnapshotCallReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.connection_call_id);
    a.fixed(m.connection_device_id_type);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
  }
};

// One NumCallDevices item of SNAPSHOT_CALL_CONF: a party of the call.
struct SnapshotCallDevice {
  std::uint32_t connection_call_id = 0;
  ConnectionIdType connection_device_id_type = ConnectionIdType::None;
  std::string connection_device_id;
  DeviceIdType device_type = DeviceIdType::None;
  std::string device_id;
  LocalConnectionState connection_state = LocalConnectionState::None;
  bool operator==(const SnapshotCallDevice&) const = default;

  static constexpr Tag kLeadTag = Tag::CallConnectionCallId;
  template <class A, class M>
  static void layout(A& a, M& m) {
    a.number(Tag::CallConnectionCallId, m.connection_call_id);
    a.number(Tag::CallConnectionDeviceIdType, m.connection_device_id_type);
    a.text(Tag::CallConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.number(Tag::CallDeviceType, m.device_type);
    a.text(Tag::CallDeviceId, m.device_id, max_len::kDeviceId);
    a.number(Tag::CallDeviceConnectionState, m.connection_state);
  }
};

// SNAPSHOT_CALL_CONF 83.
struct SnapshotCallConf {
  static constexpr MessageType kType = MessageType::SnapshotCallConf;
  std::uint32_t invoke_id = 0;
  CallType call_type = CallType::AcdIn;
  std::uint16_t called_party_disposition = 0;
  std::optional<std::string> ani;
  std::optional<Bytes> user_to_user_info;
  std::optional<std::string> dnis;
  std::optional<std::string> dialed_number;
  std::optional<std::string> caller_entered_digits;
  std::optional<std::uint32_t> router_call_key_day;
  std::optional<std::uint32_t> router_call_key_call_id;
  CallVariables call_variables;
  std::optional<std::string> call_wrapup_data;
  std::vector<NamedVariable> named_variables;
  std::vector<NamedArray> named_arrays;
  std::vector<CtiClient> cti_clients;
  std::vector<SnapshotCallDevice> devices;  // NumCallDevices (<= 16)
  std::optional<Bytes> call_reference_id;
  std::optional<std::uint32_t> coc_connection_call_id;
  std::optional<ConnectionIdType> coc_connection_device_id_type;
  std::optional<std::string> coc_connection_device_id;
  bool operator==(const SnapshotCallConf&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.call_type);
    a.count(m.cti_clients);
    a.count(m.devices);
    a.count(m.named_variables);
    a.count(m.named_arrays);
    a.fixed(m.called_party_disposition);
    a.text(Tag::Ani, m.ani, max_len::kAni);
    a.bytes(Tag::UserToUserInfo, m.user_to_user_info, max_len::kUserToUserInfo);
    a.text(Tag::Dnis, m.dnis, max_len::kDnis);
    a.text(Tag::DialedNumber, m.dialed_number, max_len::kDialedNumber);
    a.text(Tag::CallerEnteredDigits, m.caller_entered_digits, max_len::kCallerEnteredDigits);
    a.number(Tag::RouterCallKeyDay, m.router_call_key_day);
    a.number(Tag::RouterCallKeyCallId, m.router_call_key_call_id);
    call_variable_fields(a, m.call_variables);
    a.text(Tag::CallWrapupData, m.call_wrapup_data, max_len::kCallWrapupData);
    a.named_variables(m.named_variables);
    a.named_arrays(m.named_arrays);
    a.group(m.cti_clients);
    a.group(m.devices);
    a.bytes(Tag::CallReferenceId, m.call_reference_id, max_len::kCallReferenceId);
    a.number(Tag::CocConnectionCallId, m.coc_connection_call_id);
    a.number(Tag::CocConnectionDeviceIdType, m.coc_connection_device_id_type);
    a.text(Tag::CocConnectionDeviceId, m.coc_connection_device_id, max_len::kDeviceId);
  }
};

// SNAPSHOT_DEVICE_REQ 84.
struct SnapshotDeviceReq {
  static constexpr MessageType kType = MessageType::SnapshotDeviceReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  std::uint16_t snapshot_device_type = 0;
  std::optional<std::string> agent_instrument;
  bool operator==(const SnapshotDeviceReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.snapshot_device_type);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
  }
};

// One NumCalls item of SNAPSHOT_DEVICE_CONF: a call at the device.
struct SnapshotDeviceCall {
  std::uint32_t connection_call_id = 0;
  ConnectionIdType connection_device_id_type = ConnectionIdType::None;
  std::string connection_device_id;
  LocalConnectionState call_state = LocalConnectionState::None;
  std::uint16_t silent_monitor_status = 0;  // 0 normal, 1 monitor initiator, 2 monitor target
  bool operator==(const SnapshotDeviceCall&) const = default;

  static constexpr Tag kLeadTag = Tag::CallConnectionCallId;
  template <class A, class M>
  static void layout(A& a, M& m) {
    a.number(Tag::CallConnectionCallId, m.connection_call_id);
    a.number(Tag::CallConnectionDeviceIdType, m.connection_device_id_type);
    a.text(Tag::CallConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.number(Tag::CallState, m.call_state);
    a.number(Tag::SilentMonitorStatus, m.silent_monitor_status);
  }
};

// SNAPSHOT_DEVICE_CONF 85.
struct SnapshotDeviceConf {
  static constexpr MessageType kType = MessageType::SnapshotDeviceConf;
  std::uint32_t invoke_id = 0;
  std::vector<SnapshotDeviceCall> calls;  // NumCalls (<= 16)
  bool operator==(const SnapshotDeviceConf&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.count(m.calls);
    a.group(m.calls);
  }
};

}  // namespace fgw::cti
