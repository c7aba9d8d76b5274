#pragma once
// Session management (GED-188.md 2): OPEN, HEARTBEAT, CLOSE, SYSTEM_EVENT, CLIENT_EVENT_REPORT.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gateway/cti/common.hpp"
#include "gateway/cti/enums.hpp"
#include "gateway/cti/failure_codes.hpp"
#include "gateway/cti/invoke_only.hpp"
#include "gateway/cti/message_type.hpp"
#include "gateway/cti/protocol_version.hpp"

namespace fgw::cti {

// OPEN_REQ 3 (44-byte fixed part). UniqueInstanceID (v25) is not supported: GED-188.md has no tag for it.
struct OpenReq {
  static constexpr MessageType kType = MessageType::OpenReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t version_number = 0;
  std::uint32_t idle_timeout = 0;
  std::uint32_t peripheral_id = 0xFFFFFFFF;
  std::uint32_t services_requested = 0;
  std::uint32_t call_msg_mask = 0;
  std::uint32_t agent_state_mask = 0;
  std::uint32_t config_msg_mask = 0;
  std::uint32_t reserved1 = 0;  // must be 0; kept so a server can reject non-zero values
  std::uint32_t reserved2 = 0;
  std::uint32_t reserved3 = 0;
  std::optional<std::string> client_id;
  std::optional<Bytes> client_password;  // required by the server but may be empty
  std::optional<std::string> client_signature;
  std::optional<std::string> agent_extension;
  std::optional<std::string> agent_id;
  std::optional<std::string> agent_instrument;
  std::optional<std::int32_t> application_path_id;
  bool operator==(const OpenReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.version_number);
    a.fixed(m.idle_timeout);
    a.fixed(m.peripheral_id);
    a.fixed(m.services_requested);
    a.fixed(m.call_msg_mask);
    a.fixed(m.agent_state_mask);
    a.fixed(m.config_msg_mask);
    a.fixed(m.reserved1);
    a.fixed(m.reserved2);
    a.fixed(m.reserved3);
    a.text(Tag::ClientId, m.client_id, max_len::kClientId);
    a.bytes(Tag::ClientPassword, m.client_password, max_len::kClientPassword);
    a.text(Tag::ClientSignature, m.client_signature, max_len::kClientSignature);
    a.text(Tag::AgentExtension, m.agent_extension, max_len::kAgentExtension);
    a.text(Tag::AgentId, m.agent_id, max_len::kAgentId);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
    a.number(Tag::ApplicationPathId, m.application_path_id);
  }
};

// One NumPeripherals item of OPEN_CONF.
struct PeripheralLineControl {
  std::uint32_t peripheral_id = 0;
  std::uint16_t multiline_agent_control = 0;  // 0 single line, 1 multiline
  bool operator==(const PeripheralLineControl&) const = default;

  static constexpr Tag kLeadTag = Tag::FltPeripheralId;
  template <class A, class M>
  static void layout(A& a, M& m) {
    a.number(Tag::FltPeripheralId, m.peripheral_id);
    a.number(Tag::MultilineAgentControl, m.multiline_agent_control);
  }
};

// OPEN_CONF 4. Fixed part 26 (v<=19), 30 (v20-23) or 32 (v24+) bytes.
struct OpenConf {
  static constexpr MessageType kType = MessageType::OpenConf;
  std::uint32_t invoke_id = 0;
  std::uint32_t services_granted = 0;
  std::uint32_t monitor_id = 0;
  std::uint32_t pg_status = 0;
  std::uint32_t icm_central_controller_time = 0;
  bool peripheral_online = false;
  PeripheralType peripheral_type = PeripheralType::None;
  AgentState agent_state = AgentState::Login;
  std::int32_t department_id = 0;   // from since::kOpenConfDepartmentId
  std::uint16_t session_type = 0;   // from since::kOpenConfSessionType: 0 unknown, 1 active, 2 standby
  std::optional<std::string> agent_extension;
  std::optional<std::string> agent_id;
  std::optional<std::string> agent_instrument;
  std::vector<PeripheralLineControl> peripherals;
  bool operator==(const OpenConf&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.services_granted);
    a.fixed(m.monitor_id);
    a.fixed(m.pg_status);
    a.fixed(m.icm_central_controller_time);
    a.fixed(m.peripheral_online);
    a.fixed(m.peripheral_type);
    a.fixed(m.agent_state);
    if (a.version() >= since::kOpenConfDepartmentId) a.fixed(m.department_id);
    if (a.version() >= since::kOpenConfSessionType) a.fixed(m.session_type);
    a.text(Tag::AgentExtension, m.agent_extension, max_len::kAgentExtension);
    a.text(Tag::AgentId, m.agent_id, max_len::kAgentId);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
    a.counted_group(Tag::NumPeripherals, m.peripherals);
  }
};

using HeartbeatReq = InvokeIdOnly<MessageType::HeartbeatReq>;
using HeartbeatConf = InvokeIdOnly<MessageType::HeartbeatConf>;
using CloseConf = InvokeIdOnly<MessageType::CloseConf>;

// CLOSE_REQ 7. Status is E_CTI_NO_ERROR for a normal close.
struct CloseReq {
  static constexpr MessageType kType = MessageType::CloseReq;
  std::uint32_t invoke_id = 0;
  FailureStatus status = FailureStatus::NoError;
  bool operator==(const CloseReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.status);
  }
};

// SYSTEM_EVENT 31.
struct SystemEvent {
  static constexpr MessageType kType = MessageType::SystemEvent;
  std::uint32_t pg_status = 0;
  std::uint32_t icm_central_controller_time = 0;
  SystemEventId system_event_id = SystemEventId::PeripheralOnline;
  std::uint32_t system_event_arg1 = 0;
  std::uint32_t system_event_arg2 = 0;
  std::uint32_t system_event_arg3 = 0;
  DeviceIdType event_device_type = DeviceIdType::None;
  std::optional<std::string> text;
  std::optional<std::string> event_device_id;
  bool operator==(const SystemEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.pg_status);
    a.fixed(m.icm_central_controller_time);
    a.fixed(m.system_event_id);
    a.fixed(m.system_event_arg1);
    a.fixed(m.system_event_arg2);
    a.fixed(m.system_event_arg3);
    a.fixed(m.event_device_type);
    a.text(Tag::Text, m.text, max_len::kText);
    a.text(Tag::EventDeviceId, m.event_device_id, max_len::kDeviceId);
  }
};

// CLIENT_EVENT_REPORT_REQ 32: State 0 normal, 1 warning, 2 error.
struct ClientEventReportReq {
  static constexpr MessageType kType = MessageType::ClientEventReportReq;
  std::uint32_t invoke_id = 0;
  std::uint16_t state = 0;
  std::optional<std::string> object_name;
  std::optional<std::string> text;
  bool operator==(const ClientEventReportReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.state);
    a.text(Tag::ObjectName, m.object_name, max_len::kObjectName);
    a.text(Tag::Text, m.text, max_len::kText);
  }
};
using ClientEventReportConf = InvokeIdOnly<MessageType::ClientEventReportConf>;

}  // namespace fgw::cti
