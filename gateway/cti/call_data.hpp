#pragma once
// Call data (GED-188.md 3.2): BEGIN_CALL / END_CALL / CALL_DATA_UPDATE events, SET_CALL_DATA and
// RELEASE_CALL requests.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gateway/cti/common.hpp"
#include "gateway/cti/enums.hpp"
#include "gateway/cti/invoke_only.hpp"
#include "gateway/cti/message_type.hpp"

namespace fgw::cti {

// BEGIN_CALL_EVENT 23.
struct BeginCallEvent {
  static constexpr MessageType kType = MessageType::BeginCallEvent;
  std::uint32_t monitor_id = 0;
  std::uint32_t peripheral_id = 0;
  PeripheralType peripheral_type = PeripheralType::None;
  CallType call_type = CallType::AcdIn;
  ConnectionIdType connection_device_id_type = ConnectionIdType::None;
  std::uint32_t connection_call_id = 0;
  std::uint16_t called_party_disposition = 0;
  std::optional<std::string> connection_device_id;
  std::optional<std::string> ani;
  std::optional<Bytes> user_to_user_info;
  std::optional<std::string> dnis;
  std::optional<std::string> dialed_number;
  std::optional<std::string> caller_entered_digits;
  std::optional<std::uint32_t> router_call_key_day;
  std::optional<std::uint32_t> router_call_key_call_id;
  std::optional<std::uint32_t> router_call_key_sequence_number;
  CallVariables call_variables;
  std::optional<std::string> call_wrapup_data;
  std::vector<NamedVariable> named_variables;
  std::vector<NamedArray> named_arrays;
  std::vector<CtiClient> cti_clients;  // NumCTIClients
  std::optional<Bytes> call_reference_id;
  bool operator==(const BeginCallEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.monitor_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.peripheral_type);
    a.count(m.cti_clients);
    a.count(m.named_variables);
    a.count(m.named_arrays);
    a.fixed(m.call_type);
    a.fixed(m.connection_device_id_type);
    a.fixed(m.connection_call_id);
    a.fixed(m.called_party_disposition);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::Ani, m.ani, max_len::kAni);
    a.bytes(Tag::UserToUserInfo, m.user_to_user_info, max_len::kUserToUserInfo);
    a.text(Tag::Dnis, m.dnis, max_len::kDnis);
    a.text(Tag::DialedNumber, m.dialed_number, max_len::kDialedNumber);
    a.text(Tag::CallerEnteredDigits, m.caller_entered_digits, max_len::kCallerEnteredDigits);
    a.number(Tag::RouterCallKeyDay, m.router_call_key_day);
    a.number(Tag::RouterCallKeyCallId, m.router_call_key_call_id);
    a.number(Tag::RouterCallKeySequenceNumber, m.router_call_key_sequence_number);
    call_variable_fields(a, m.call_variables);
    a.text(Tag::CallWrapupData, m.call_wrapup_data, max_len::kCallWrapupData);
    a.named_variables(m.named_variables);
    a.named_arrays(m.named_arrays);
    a.group(m.cti_clients);
    a.bytes(Tag::CallReferenceId, m.call_reference_id, max_len::kCallReferenceId);
  }
};

// END_CALL_EVENT 24.
struct EndCallEvent {
  static constexpr MessageType kType = MessageType::EndCallEvent;
  CallHeader call;
  std::optional<std::string> connection_device_id;
  bool operator==(const EndCallEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    CallHeader::layout(a, m.call);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
  }
};

// CALL_DATA_UPDATE_EVENT 25.
struct CallDataUpdateEvent {
  static constexpr MessageType kType = MessageType::CallDataUpdateEvent;
  std::uint32_t monitor_id = 0;
  std::uint32_t peripheral_id = 0;
  PeripheralType peripheral_type = PeripheralType::None;
  CallType call_type = CallType::AcdIn;
  ConnectionIdType connection_device_id_type = ConnectionIdType::None;
  std::uint32_t connection_call_id = 0;
  ConnectionIdType new_connection_device_id_type = ConnectionIdType::None;
  std::uint32_t new_connection_call_id = 0;
  std::uint16_t called_party_disposition = 0;
  std::uint32_t campaign_id = 0;
  std::uint32_t query_rule_id = 0;
  std::optional<std::string> connection_device_id;
  std::optional<std::string> new_connection_device_id;
  std::optional<std::string> ani;
  std::optional<Bytes> user_to_user_info;
  std::optional<std::string> dnis;
  std::optional<std::string> dialed_number;
  std::optional<std::string> caller_entered_digits;
  std::optional<std::uint32_t> router_call_key_day;
  std::optional<std::uint32_t> router_call_key_call_id;
  std::optional<std::uint32_t> router_call_key_sequence_number;
  CallVariables call_variables;
  std::optional<std::string> call_wrapup_data;
  std::vector<NamedVariable> named_variables;
  std::vector<NamedArray> named_arrays;
  std::optional<std::string> customer_phone_number;
  std::optional<std::string> customer_account_number;
  std::vector<CtiClient> cti_clients;
  std::optional<Bytes> call_reference_id;
  bool operator==(const CallDataUpdateEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.monitor_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.peripheral_type);
    a.count(m.cti_clients);
    a.count(m.named_variables);
    a.count(m.named_arrays);
    a.fixed(m.call_type);
    a.fixed(m.connection_device_id_type);
    a.fixed(m.connection_call_id);
    a.fixed(m.new_connection_device_id_type);
    a.fixed(m.new_connection_call_id);
    a.fixed(m.called_party_disposition);
    a.fixed(m.campaign_id);
    a.fixed(m.query_rule_id);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::NewConnectionDeviceId, m.new_connection_device_id, max_len::kDeviceId);
    a.text(Tag::Ani, m.ani, max_len::kAni);
    a.bytes(Tag::UserToUserInfo, m.user_to_user_info, max_len::kUserToUserInfo);
    a.text(Tag::Dnis, m.dnis, max_len::kDnis);
    a.text(Tag::DialedNumber, m.dialed_number, max_len::kDialedNumber);
    a.text(Tag::CallerEnteredDigits, m.caller_entered_digits, max_len::kCallerEnteredDigits);
    a.number(Tag::RouterCallKeyDay, m.router_call_key_day);
    a.number(Tag::RouterCallKeyCallId, m.router_call_key_call_id);
    a.number(Tag::RouterCallKeySequenceNumber, m.router_call_key_sequence_number);
    call_variable_fields(a, m.call_variables);
    a.text(Tag::CallWrapupData, m.call_wrapup_data, max_len::kCallWrapupData);
    a.named_variables(m.named_variables);
    a.named_arrays(m.named_arrays);
    a.text(Tag::CustomerPhoneNumber, m.customer_phone_number, max_len::kCustomerPhoneNumber);
    a.text(Tag::CustomerAccountNumber, m.customer_account_number, max_len::kCustomerAccountNumber);
    a.group(m.cti_clients);
    a.bytes(Tag::CallReferenceId, m.call_reference_id, max_len::kCallReferenceId);
  }
};

// SET_CALL_DATA_REQ 26. Unlike the event, ConnectionDeviceIDType precedes ConnectionCallID here.
struct SetCallDataReq {
  static constexpr MessageType kType = MessageType::SetCallDataReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  ConnectionIdType connection_device_id_type = ConnectionIdType::None;
  std::uint32_t connection_call_id = 0;
  CallType call_type = static_cast<CallType>(0xFFFF);  // NULL_CALLTYPE: leave unchanged
  std::uint16_t called_party_disposition = 0;
  std::uint32_t campaign_id = 0;
  std::uint32_t query_rule_id = 0;
  std::optional<std::string> connection_device_id;
  std::optional<std::string> ani;
  std::optional<Bytes> user_to_user_info;
  std::optional<std::string> caller_entered_digits;
  CallVariables call_variables;
  std::optional<std::string> call_wrapup_data;
  std::vector<NamedVariable> named_variables;
  std::vector<NamedArray> named_arrays;
  std::optional<std::string> customer_phone_number;
  std::optional<std::string> customer_account_number;
  std::optional<std::uint32_t> router_call_key_day;
  std::optional<std::uint32_t> router_call_key_call_id;
  std::optional<std::uint32_t> router_call_key_sequence_number;
  std::optional<std::uint8_t> call_originated_from;  // a dialer sets 'D'
  bool operator==(const SetCallDataReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.connection_device_id_type);
    a.fixed(m.connection_call_id);
    a.count(m.named_variables);
    a.count(m.named_arrays);
    a.fixed(m.call_type);
    a.fixed(m.called_party_disposition);
    a.fixed(m.campaign_id);
    a.fixed(m.query_rule_id);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
    a.text(Tag::Ani, m.ani, max_len::kAni);
    a.bytes(Tag::UserToUserInfo, m.user_to_user_info, max_len::kUserToUserInfo);
    a.text(Tag::CallerEnteredDigits, m.caller_entered_digits, max_len::kCallerEnteredDigits);
    call_variable_fields(a, m.call_variables);
    a.text(Tag::CallWrapupData, m.call_wrapup_data, max_len::kCallWrapupData);
    a.named_variables(m.named_variables);
    a.named_arrays(m.named_arrays);
    a.text(Tag::CustomerPhoneNumber, m.customer_phone_number, max_len::kCustomerPhoneNumber);
    a.text(Tag::CustomerAccountNumber, m.customer_account_number, max_len::kCustomerAccountNumber);
    a.number(Tag::RouterCallKeyDay, m.router_call_key_day);
    a.number(Tag::RouterCallKeyCallId, m.router_call_key_call_id);
    a.number(Tag::RouterCallKeySequenceNumber, m.router_call_key_sequence_number);
    a.number(Tag::CallOriginatedFrom, m.call_originated_from);
  }
};
using SetCallDataConf = InvokeIdOnly<MessageType::SetCallDataConf>;

// RELEASE_CALL_REQ 28: the client is done with a call's data.
struct ReleaseCallReq {
  static constexpr MessageType kType = MessageType::ReleaseCallReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  ConnectionIdType connection_device_id_type = ConnectionIdType::None;
  std::uint32_t connection_call_id = 0;
  std::optional<std::string> connection_device_id;
  bool operator==(const ReleaseCallReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.connection_device_id_type);
    a.fixed(m.connection_call_id);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
  }
};
using ReleaseCallConf = InvokeIdOnly<MessageType::ReleaseCallConf>;

}  // namespace fgw::cti
