// Byte-exact vectors worked out by hand from GED-188.md (header 1.2, types 1.3, floating fields 1.4,
// layouts 2 and 3.2). They are written out literally, never produced by the codec under test: each
// one checks encode(struct) == bytes and decode(bytes) == struct.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "gateway/cti/codec.hpp"

namespace fgw::cti {
namespace {

using Bytes8 = std::vector<std::uint8_t>;
constexpr ProtocolVersion kV19{19};
constexpr ProtocolVersion kV24{24};
constexpr ProtocolVersion kV25{25};

void expect_golden(const Message& message, const Bytes8& bytes, ProtocolVersion version = kV24) {
  EXPECT_EQ(encode(message, version), bytes) << "encode";
  auto decoded = decode(bytes, version);
  ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
  EXPECT_TRUE(*decoded == message) << "decode";
}

TEST(CtiGolden, HeartbeatReq) {
  expect_golden(HeartbeatReq{7}, {
      0x00, 0x00, 0x00, 0x04,  // MessageLength 4
      0x00, 0x00, 0x00, 0x05,  // MessageType 5 HEARTBEAT_REQ
      0x00, 0x00, 0x00, 0x07,  // InvokeID 7
  });
}

TEST(CtiGolden, HeartbeatConf) {
  expect_golden(HeartbeatConf{7}, {
      0x00, 0x00, 0x00, 0x04,  // MessageLength 4
      0x00, 0x00, 0x00, 0x06,  // MessageType 6 HEARTBEAT_CONF
      0x00, 0x00, 0x00, 0x07,  // InvokeID 7
  });
}

TEST(CtiGolden, CloseReq) {
  expect_golden(CloseReq{9, FailureStatus::NoError}, {
      0x00, 0x00, 0x00, 0x08,  // MessageLength 8
      0x00, 0x00, 0x00, 0x07,  // MessageType 7 CLOSE_REQ
      0x00, 0x00, 0x00, 0x09,  // InvokeID 9
      0x00, 0x00, 0x00, 0x00,  // Status E_CTI_NO_ERROR
  });
}

TEST(CtiGolden, CloseConf) {
  expect_golden(CloseConf{9}, {
      0x00, 0x00, 0x00, 0x04,  // MessageLength 4
      0x00, 0x00, 0x00, 0x08,  // MessageType 8 CLOSE_CONF
      0x00, 0x00, 0x00, 0x09,  // InvokeID 9
  });
}

TEST(CtiGolden, FailureConfStatusLayout) {
  expect_golden(FailureConf{3, FailureStatus::UnspecifiedFailure, std::nullopt}, {
      0x00, 0x00, 0x00, 0x08,  // MessageLength 8
      0x00, 0x00, 0x00, 0x01,  // MessageType 1 FAILURE_CONF
      0x00, 0x00, 0x00, 0x03,  // InvokeID 3
      0x00, 0x00, 0x00, 0x11,  // Status 17 E_CTI_UNSPECIFIED_FAILURE
  });
}

TEST(CtiGolden, FailureConfV24ChapterLayout) {
  expect_golden(FailureConf{3, FailureStatus::CtiServerOffline, 0x102}, {
      0x00, 0x00, 0x00, 0x0A,  // MessageLength 10
      0x00, 0x00, 0x00, 0x01,  // MessageType 1 FAILURE_CONF
      0x00, 0x00, 0x00, 0x03,  // InvokeID 3
      0x00, 0x0F,              // FailureCode USHORT 15 E_CTI_CTI_SERVER_OFFLINE
      0x00, 0x00, 0x01, 0x02,  // PeripheralErrorCode 0x102
  });
}

TEST(CtiGolden, FailureEvent) {
  expect_golden(FailureEvent{FailureStatus::CtiServerOffline}, {
      0x00, 0x00, 0x00, 0x04,  // MessageLength 4
      0x00, 0x00, 0x00, 0x02,  // MessageType 2 FAILURE_EVENT
      0x00, 0x00, 0x00, 0x0F,  // Status 15 E_CTI_CTI_SERVER_OFFLINE
  });
}

TEST(CtiGolden, ControlFailureConf) {
  expect_golden(ControlFailureConf{0x2A, ControlFailureCode::InvalidCalledDevice, 0}, {
      0x00, 0x00, 0x00, 0x0A,  // MessageLength 10
      0x00, 0x00, 0x00, 0x23,  // MessageType 35 CONTROL_FAILURE_CONF
      0x00, 0x00, 0x00, 0x2A,  // InvokeID 42
      0x00, 0x06,              // FailureCode 6 CF_INVALID_CALLED_DEVICE
      0x00, 0x00, 0x00, 0x00,  // PeripheralErrorCode 0
  });
}

TEST(CtiGolden, OpenReqAllEventsV24) {
  OpenReq open;
  open.invoke_id = 1;
  open.version_number = 24;
  open.idle_timeout = 120;
  open.peripheral_id = 0xFFFFFFFF;
  open.services_requested = 0x02000096;
  open.call_msg_mask = 0x0000FFFF;
  open.agent_state_mask = 0x00003FFF;
  open.client_id = "FGW";
  open.client_password = Bytes{};
  expect_golden(open, {
      0x00, 0x00, 0x00, 0x38,  // MessageLength 56 = 44 fixed + 12 floating
      0x00, 0x00, 0x00, 0x03,  // MessageType 3 OPEN_REQ
      0x00, 0x00, 0x00, 0x01,  // InvokeID 1
      0x00, 0x00, 0x00, 0x18,  // VersionNumber 24
      0x00, 0x00, 0x00, 0x78,  // IdleTimeout 120
      0xFF, 0xFF, 0xFF, 0xFF,  // PeripheralID none (ALL_EVENTS)
      0x02, 0x00, 0x00, 0x96,  // ServicesRequested ACTIVE_STANDBY|SUPERVISOR|ALL_EVENTS|CLIENT_CONTROL|CALL_DATA_UPDATE
      0x00, 0x00, 0xFF, 0xFF,  // CallMsgMask
      0x00, 0x00, 0x3F, 0xFF,  // AgentStateMask
      0x00, 0x00, 0x00, 0x00,  // ConfigMsgMask
      0x00, 0x00, 0x00, 0x00,  // Reserved1
      0x00, 0x00, 0x00, 0x00,  // Reserved2
      0x00, 0x00, 0x00, 0x00,  // Reserved3
      0x00, 0x01, 0x00, 0x04,  // tag 1 ClientID, length 4
      0x46, 0x47, 0x57, 0x00,  // "FGW\0"
      0x00, 0x02, 0x00, 0x00,  // tag 2 ClientPassword, length 0 (present but empty)
  });
}

TEST(CtiGolden, OpenReqFixedPartIs44Bytes) {
  // Cross-check from GED-188.md 1.2: the C++ OpenReq class presets MessageLength 44.
  const auto frame = encode(OpenReq{}, kV24);
  ASSERT_EQ(frame.size(), 52u);
  EXPECT_EQ(frame[3], 0x2C);
}

OpenConf open_conf(std::uint16_t session_type) {
  OpenConf conf;
  conf.invoke_id = 1;
  conf.services_granted = 0x96;
  conf.icm_central_controller_time = 0x5F5E1000;
  conf.peripheral_online = true;
  conf.peripheral_type = PeripheralType::EnterpriseAgent;
  conf.agent_state = AgentState::Login;
  conf.session_type = session_type;
  conf.peripherals = {PeripheralLineControl{5000, 0}};
  return conf;
}

TEST(CtiGolden, OpenConfV24FixedPart32Bytes) {
  expect_golden(open_conf(1), {
      0x00, 0x00, 0x00, 0x34,  // MessageLength 52 = 32 fixed + 20 floating
      0x00, 0x00, 0x00, 0x04,  // MessageType 4 OPEN_CONF
      0x00, 0x00, 0x00, 0x01,  // InvokeID 1
      0x00, 0x00, 0x00, 0x96,  // ServicesGranted
      0x00, 0x00, 0x00, 0x00,  // MonitorID 0
      0x00, 0x00, 0x00, 0x00,  // PGStatus 0
      0x5F, 0x5E, 0x10, 0x00,  // ICMCentralControllerTime
      0x00, 0x01,              // PeripheralOnline BOOL true
      0x00, 0x11,              // PeripheralType 17
      0x00, 0x00,              // AgentState 0
      0x00, 0x00, 0x00, 0x00,  // DepartmentID 0 (v20+)
      0x00, 0x01,              // SessionType 1 active (v24+)
      0x00, 0xE4, 0x00, 0x02,  // tag 228 NumPeripherals, length 2
      0x00, 0x01,              // 1
      0x00, 0xD0, 0x00, 0x04,  // tag 208 FltPeripheralID, length 4
      0x00, 0x00, 0x13, 0x88,  // 5000
      0x00, 0xE0, 0x00, 0x02,  // tag 224 MultilineAgentControl, length 2
      0x00, 0x00,              // 0 single line
  });
}

TEST(CtiGolden, OpenConfV19FixedPart26Bytes) {
  expect_golden(open_conf(0), {
      0x00, 0x00, 0x00, 0x28,  // MessageLength 40 = 26 fixed + 14 floating
      0x00, 0x00, 0x00, 0x04,  // MessageType 4 OPEN_CONF
      0x00, 0x00, 0x00, 0x01,  // InvokeID 1
      0x00, 0x00, 0x00, 0x96,  // ServicesGranted
      0x00, 0x00, 0x00, 0x00,  // MonitorID 0
      0x00, 0x00, 0x00, 0x00,  // PGStatus 0
      0x5F, 0x5E, 0x10, 0x00,  // ICMCentralControllerTime
      0x00, 0x01,              // PeripheralOnline BOOL true
      0x00, 0x11,              // PeripheralType 17
      0x00, 0x00,              // AgentState 0 (no DepartmentID, no SessionType before v20)
      0xE4, 0x02, 0x00, 0x01,  // tag 228 NumPeripherals, length 2: 1
      0xD0, 0x04,              // tag 208 FltPeripheralID, length 4
      0x00, 0x00, 0x13, 0x88,  // 5000
      0xE0, 0x02, 0x00, 0x00,  // tag 224 MultilineAgentControl, length 2: 0
  }, kV19);
}

TEST(CtiGolden, SetAgentStateReqLoginV24) {
  SetAgentStateReq login;
  login.invoke_id = 0x10;
  login.peripheral_id = 5000;
  login.agent_state = AgentState::Login;
  login.forced_flag = 1;
  login.agent_instrument = "1001";
  login.agent_id = "3001";
  login.agent_password = "pw";
  expect_golden(login, {
      0x00, 0x00, 0x00, 0x2E,  // MessageLength 46 = 21 fixed + 25 floating
      0x00, 0x00, 0x00, 0x26,  // MessageType 38 SET_AGENT_STATE_REQ
      0x00, 0x00, 0x00, 0x10,  // InvokeID 16
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x00, 0x00,              // AgentState 0 LOGIN
      0x00, 0x00,              // AgentWorkMode 0
      0x00, 0x00,              // NumSkillGroups 0
      0x00, 0x00,              // EventReasonCode 0
      0x01,                    // ForcedFlag UCHAR 1
      0x00, 0x00, 0x00, 0x00,  // AgentServiceReq 0
      0x00, 0x06, 0x00, 0x05,  // tag 6 AgentInstrument, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
      0x00, 0x05, 0x00, 0x05,  // tag 5 AgentID, length 5
      0x33, 0x30, 0x30, 0x31, 0x00,  // "3001\0" (the GED-188.md 1.4 example)
      0x00, 0x31, 0x00, 0x03,  // tag 49 AgentPassword, length 3
      0x70, 0x77, 0x00,        // "pw\0"
  });
}

TEST(CtiGolden, SetAgentStateReqWithSkillGroupV19OneByteTags) {
  SetAgentStateReq ready;
  ready.invoke_id = 0x11;
  ready.peripheral_id = 5000;
  ready.agent_state = AgentState::Available;
  ready.agent_work_mode = 1;
  ready.agent_id = "3001";
  ready.skill_groups = {RequestedSkillGroup{10, 1}};
  expect_golden(ready, {
      0x00, 0x00, 0x00, 0x26,  // MessageLength 38 = 21 fixed + 17 floating
      0x00, 0x00, 0x00, 0x26,  // MessageType 38 SET_AGENT_STATE_REQ
      0x00, 0x00, 0x00, 0x11,  // InvokeID 17
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x00, 0x03,              // AgentState 3 AVAILABLE
      0x00, 0x01,              // AgentWorkMode 1 AUTO_IN
      0x00, 0x01,              // NumSkillGroups 1
      0x00, 0x00,              // EventReasonCode 0
      0x00,                    // ForcedFlag 0
      0x00, 0x00, 0x00, 0x00,  // AgentServiceReq 0
      0x05, 0x05,              // tag 5 AgentID, length 5 (1-byte tag and length before v20)
      0x33, 0x30, 0x30, 0x31, 0x00,  // "3001\0"
      0x3E, 0x04,              // tag 62 SkillGroupNumber, length 4
      0x00, 0x00, 0x00, 0x0A,  // 10
      0x40, 0x02,              // tag 64 SkillGroupPriority, length 2
      0x00, 0x01,              // 1
  }, kV19);
}

TEST(CtiGolden, SetAgentStateConf) {
  expect_golden(SetAgentStateConf{0x10}, {
      0x00, 0x00, 0x00, 0x04,  // MessageLength 4
      0x00, 0x00, 0x00, 0x27,  // MessageType 39 SET_AGENT_STATE_CONF
      0x00, 0x00, 0x00, 0x10,  // InvokeID 16
  });
}

TEST(CtiGolden, QueryAgentStateReq) {
  QueryAgentStateReq query;
  query.invoke_id = 2;
  query.peripheral_id = 5000;
  query.mrd_id = 1;
  query.icm_agent_id = -1;
  query.agent_id = "3001";
  expect_golden(query, {
      0x00, 0x00, 0x00, 0x19,  // MessageLength 25 = 16 fixed + 9 floating
      0x00, 0x00, 0x00, 0x24,  // MessageType 36 QUERY_AGENT_STATE_REQ
      0x00, 0x00, 0x00, 0x02,  // InvokeID 2
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x00, 0x00, 0x00, 0x01,  // MRDID 1
      0xFF, 0xFF, 0xFF, 0xFF,  // ICMAgentID -1 (INT)
      0x00, 0x05, 0x00, 0x05,  // tag 5 AgentID, length 5
      0x33, 0x30, 0x30, 0x31, 0x00,  // "3001\0"
  });
}

TEST(CtiGolden, AnswerCallReq) {
  AnswerCallReq answer;
  answer.invoke_id = 5;
  answer.peripheral_id = 5000;
  answer.connection_call_id = 0x01020304;
  answer.connection_device_id_type = ConnectionIdType::Dynamic;
  answer.connection_device_id = "1001";
  answer.agent_instrument = "1001";
  expect_golden(answer, {
      0x00, 0x00, 0x00, 0x20,  // MessageLength 32 = 14 fixed + 18 floating
      0x00, 0x00, 0x00, 0x2A,  // MessageType 42 ANSWER_CALL_REQ
      0x00, 0x00, 0x00, 0x05,  // InvokeID 5
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x01, 0x02, 0x03, 0x04,  // ConnectionCallID
      0x00, 0x01,              // ConnectionDeviceIDType 1 DYNAMIC
      0x00, 0x19, 0x00, 0x05,  // tag 25 ConnectionDeviceID, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
      0x00, 0x06, 0x00, 0x05,  // tag 6 AgentInstrument, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
  });
}

TEST(CtiGolden, HoldCallReq) {
  HoldCallReq hold;
  hold.invoke_id = 6;
  hold.peripheral_id = 5000;
  hold.connection_call_id = 0x01020304;
  hold.connection_device_id_type = ConnectionIdType::Dynamic;
  hold.agent_instrument = "1001";
  expect_golden(hold, {
      0x00, 0x00, 0x00, 0x19,  // MessageLength 25 = 16 fixed + 9 floating
      0x00, 0x00, 0x00, 0x36,  // MessageType 54 HOLD_CALL_REQ
      0x00, 0x00, 0x00, 0x06,  // InvokeID 6
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x01, 0x02, 0x03, 0x04,  // ConnectionCallID
      0x00, 0x01,              // ConnectionDeviceIDType 1 DYNAMIC
      0x00, 0x00,              // Reservation BOOL false
      0x00, 0x06, 0x00, 0x05,  // tag 6 AgentInstrument, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
  });
}

TEST(CtiGolden, RetrieveCallReq) {
  RetrieveCallReq retrieve;
  retrieve.invoke_id = 8;
  retrieve.peripheral_id = 5000;
  retrieve.held_connection_call_id = 0x01020304;
  retrieve.held_connection_device_id_type = ConnectionIdType::Dynamic;
  retrieve.held_connection_device_id = "1001";
  expect_golden(retrieve, {
      0x00, 0x00, 0x00, 0x17,  // MessageLength 23 = 14 fixed + 9 floating
      0x00, 0x00, 0x00, 0x3E,  // MessageType 62 RETRIEVE_CALL_REQ
      0x00, 0x00, 0x00, 0x08,  // InvokeID 8
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x01, 0x02, 0x03, 0x04,  // HeldConnectionCallID
      0x00, 0x01,              // HeldConnectionDeviceIDType 1 DYNAMIC
      0x00, 0x35, 0x00, 0x05,  // tag 53 HeldConnectionDeviceID, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
  });
}

// RequestingDeviceIDType is on the wire only from since::kClearConnectionRequestingDeviceType.
ClearConnectionReq clear_connection(DeviceIdType requesting_type) {
  ClearConnectionReq clear;
  clear.invoke_id = 9;
  clear.peripheral_id = 5000;
  clear.connection_call_id = 0x01020304;
  clear.connection_device_id_type = ConnectionIdType::Dynamic;
  clear.requesting_device_id_type = requesting_type;
  clear.connection_device_id = "1001";
  return clear;
}

TEST(CtiGolden, ClearConnectionReqV24HasNoRequestingDeviceType) {
  expect_golden(clear_connection(DeviceIdType::None), {
      0x00, 0x00, 0x00, 0x17,  // MessageLength 23 = 14 fixed + 9 floating
      0x00, 0x00, 0x00, 0x2E,  // MessageType 46 CLEAR_CONNECTION_REQ
      0x00, 0x00, 0x00, 0x09,  // InvokeID 9
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x01, 0x02, 0x03, 0x04,  // ConnectionCallID
      0x00, 0x01,              // ConnectionDeviceIDType 1 DYNAMIC
      0x00, 0x19, 0x00, 0x05,  // tag 25 ConnectionDeviceID, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
  });
}

TEST(CtiGolden, ClearConnectionReqV25HasRequestingDeviceType) {
  expect_golden(clear_connection(DeviceIdType::DeviceIdentifier), {
      0x00, 0x00, 0x00, 0x19,  // MessageLength 25 = 16 fixed + 9 floating
      0x00, 0x00, 0x00, 0x2E,  // MessageType 46 CLEAR_CONNECTION_REQ
      0x00, 0x00, 0x00, 0x09,  // InvokeID 9
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x01, 0x02, 0x03, 0x04,  // ConnectionCallID
      0x00, 0x01,              // ConnectionDeviceIDType 1 DYNAMIC
      0x00, 0x00,              // RequestingDeviceIDType 0 DEVICE_IDENTIFIER
      0x00, 0x19, 0x00, 0x05,  // tag 25 ConnectionDeviceID, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
  }, kV25);
}

CallHeader agent_call() {
  return CallHeader{0, 5000, PeripheralType::EnterpriseAgent, ConnectionIdType::Dynamic, 0x01020304};
}

TEST(CtiGolden, CallHeldEvent) {
  CallHeldEvent held;
  held.call = agent_call();
  held.device_type = DeviceIdType::DeviceIdentifier;
  held.local_connection_state = LocalConnectionState::Hold;
  held.event_cause = EventCause::None;
  held.connection_device_id = "1001";
  held.device_id = "1001";
  expect_golden(held, {
      0x00, 0x00, 0x00, 0x28,  // MessageLength 40 = 22 fixed + 18 floating
      0x00, 0x00, 0x00, 0x0B,  // MessageType 11 CALL_HELD_EVENT
      0x00, 0x00, 0x00, 0x00,  // MonitorID 0
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x00, 0x11,              // PeripheralType 17 ENTERPRISE_AGENT
      0x00, 0x01,              // ConnectionDeviceIDType 1 DYNAMIC
      0x01, 0x02, 0x03, 0x04,  // ConnectionCallID
      0x00, 0x00,              // HoldingDeviceType 0 DEVICE_IDENTIFIER
      0x00, 0x04,              // LocalConnectionState 4 LCS_HOLD
      0xFF, 0xFF,              // EventCause CEC_NONE
      0x00, 0x19, 0x00, 0x05,  // tag 25 ConnectionDeviceID, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
      0x00, 0x1F, 0x00, 0x05,  // tag 31 HoldingDeviceID, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
  });
}

TEST(CtiGolden, CallClearedEvent) {
  CallClearedEvent cleared;
  cleared.call = agent_call();
  cleared.local_connection_state = LocalConnectionState::Null;
  cleared.event_cause = EventCause::CallCancelled;
  cleared.connection_device_id = "1001";
  expect_golden(cleared, {
      0x00, 0x00, 0x00, 0x1D,  // MessageLength 29 = 20 fixed + 9 floating
      0x00, 0x00, 0x00, 0x0D,  // MessageType 13 CALL_CLEARED_EVENT
      0x00, 0x00, 0x00, 0x00,  // MonitorID 0
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x00, 0x11,              // PeripheralType 17
      0x00, 0x01,              // ConnectionDeviceIDType 1
      0x01, 0x02, 0x03, 0x04,  // ConnectionCallID
      0x00, 0x00,              // LocalConnectionState 0 LCS_NULL
      0x00, 0x05,              // EventCause 5 CEC_CALL_CANCELLED
      0x00, 0x19, 0x00, 0x05,  // tag 25 ConnectionDeviceID, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
  });
}

TEST(CtiGolden, EndCallEvent) {
  EndCallEvent end;
  end.call = agent_call();
  end.connection_device_id = "1001";
  expect_golden(end, {
      0x00, 0x00, 0x00, 0x19,  // MessageLength 25 = 16 fixed + 9 floating
      0x00, 0x00, 0x00, 0x18,  // MessageType 24 END_CALL_EVENT
      0x00, 0x00, 0x00, 0x00,  // MonitorID 0
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x00, 0x11,              // PeripheralType 17
      0x00, 0x01,              // ConnectionDeviceIDType 1
      0x01, 0x02, 0x03, 0x04,  // ConnectionCallID
      0x00, 0x19, 0x00, 0x05,  // tag 25 ConnectionDeviceID, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
  });
}

TEST(CtiGolden, SystemEventPeripheralOnline) {
  SystemEvent event;
  event.icm_central_controller_time = 0x5F5E1000;
  event.system_event_id = SystemEventId::PeripheralOnline;
  event.system_event_arg1 = 5000;
  event.event_device_type = DeviceIdType::None;
  expect_golden(event, {
      0x00, 0x00, 0x00, 0x1A,  // MessageLength 26
      0x00, 0x00, 0x00, 0x1F,  // MessageType 31 SYSTEM_EVENT
      0x00, 0x00, 0x00, 0x00,  // PGStatus 0 (normal)
      0x5F, 0x5E, 0x10, 0x00,  // ICMCentralControllerTime
      0x00, 0x00, 0x00, 0x03,  // SystemEventID 3 SYS_PERIPHERAL_ONLINE
      0x00, 0x00, 0x13, 0x88,  // SystemEventArg1 PeripheralID 5000
      0x00, 0x00, 0x00, 0x00,  // SystemEventArg2
      0x00, 0x00, 0x00, 0x00,  // SystemEventArg3
      0xFF, 0xFF,              // EventDeviceType DEVID_NONE
  });
}

TEST(CtiGolden, SnapshotDeviceReq) {
  SnapshotDeviceReq snapshot;
  snapshot.invoke_id = 0x0B;
  snapshot.peripheral_id = 5000;
  snapshot.agent_instrument = "1001";
  expect_golden(snapshot, {
      0x00, 0x00, 0x00, 0x13,  // MessageLength 19 = 10 fixed + 9 floating
      0x00, 0x00, 0x00, 0x54,  // MessageType 84 SNAPSHOT_DEVICE_REQ
      0x00, 0x00, 0x00, 0x0B,  // InvokeID 11
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x00, 0x00,              // SnapshotDeviceType 0
      0x00, 0x06, 0x00, 0x05,  // tag 6 AgentInstrument, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
  });
}

TEST(CtiGolden, CallDeliveredEventWithCallData) {
  CallDeliveredEvent delivered;
  delivered.call = agent_call();
  delivered.line_handle = 0;
  delivered.line_type = 0;
  delivered.skill_group_number = 10;
  delivered.skill_group_id = 200;
  delivered.alerting_device_type = DeviceIdType::DeviceIdentifier;
  delivered.calling_device_type = DeviceIdType::External;
  delivered.called_device_type = DeviceIdType::DeviceIdentifier;
  delivered.last_redirect_device_type = DeviceIdType::None;
  delivered.local_connection_state = LocalConnectionState::Alerting;
  delivered.event_cause = EventCause::NewCall;
  delivered.connection_device_id = "1001";
  delivered.call_variables[0] = "x";
  delivered.named_variables = {NamedVariable{"user.a", "7"}};
  expect_golden(delivered, {
      0x00, 0x00, 0x00, 0x52,  // MessageLength 82 = 54 fixed + 28 floating
      0x00, 0x00, 0x00, 0x09,  // MessageType 9 CALL_DELIVERED_EVENT
      0x00, 0x00, 0x00, 0x00,  // MonitorID 0
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x00, 0x11,              // PeripheralType 17
      0x00, 0x01,              // ConnectionDeviceIDType 1
      0x01, 0x02, 0x03, 0x04,  // ConnectionCallID
      0x00, 0x00,              // LineHandle 0
      0x00, 0x00,              // LineType 0 INBOUND_ACD
      0x00, 0x00, 0x00, 0x00,  // ServiceNumber 0
      0x00, 0x00, 0x00, 0x00,  // ServiceID 0
      0x00, 0x00, 0x00, 0x0A,  // SkillGroupNumber 10
      0x00, 0x00, 0x00, 0xC8,  // SkillGroupID 200
      0x00, 0x00,              // SkillGroupPriority 0
      0x00, 0x00,              // AlertingDeviceType 0 DEVICE_IDENTIFIER
      0x00, 0x4B,              // CallingDeviceType 75 EXTERNAL
      0x00, 0x00,              // CalledDeviceType 0
      0xFF, 0xFF,              // LastRedirectDeviceType DEVID_NONE
      0x00, 0x02,              // LocalConnectionState 2 LCS_ALERTING
      0x00, 0x16,              // EventCause 22 CEC_NEW_CALL
      0x00, 0x01,              // NumNamedVariables 1
      0x00, 0x00,              // NumNamedArrays 0
      0x00, 0x19, 0x00, 0x05,  // tag 25 ConnectionDeviceID, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
      0x00, 0x0D, 0x00, 0x02,  // tag 13 CallVariable1, length 2
      0x78, 0x00,              // "x\0"
      0x00, 0x52, 0x00, 0x09,  // tag 82 NamedVariable, length 9
      0x75, 0x73, 0x65, 0x72, 0x2E, 0x61, 0x00,  // name "user.a\0"
      0x37, 0x00,              // value "7\0"
  });
}

TEST(CtiGolden, AgentStateEventNotReady) {
  AgentStateEvent state;
  state.peripheral_id = 5000;
  state.session_id = 0x12;
  state.peripheral_type = PeripheralType::EnterpriseAgent;
  state.skill_group_state = AgentState::NotReady;
  state.agent_state = AgentState::NotReady;
  state.event_reason_code = 32;
  state.mrd_id = 1;
  state.agent_mode = 1;
  state.max_task_limit = 1;
  state.icm_agent_id = 5001;
  state.agent_id = "3001";
  state.agent_extension = "1001";
  expect_golden(state, {
      0x00, 0x00, 0x00, 0x50,  // MessageLength 80 = 62 fixed + 18 floating
      0x00, 0x00, 0x00, 0x1E,  // MessageType 30 AGENT_STATE_EVENT
      0x00, 0x00, 0x00, 0x00,  // MonitorID 0
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x00, 0x00, 0x00, 0x12,  // SessionID 18
      0x00, 0x11,              // PeripheralType 17
      0x00, 0x02,              // SkillGroupState 2 NOT_READY
      0x00, 0x00, 0x00, 0x00,  // StateDuration 0
      0x00, 0x00, 0x00, 0x00,  // SkillGroupNumber 0
      0x00, 0x00, 0x00, 0x00,  // SkillGroupID 0
      0x00, 0x00,              // SkillGroupPriority 0
      0x00, 0x02,              // AgentState 2 NOT_READY
      0x00, 0x20,              // EventReasonCode 32
      0x00, 0x00, 0x00, 0x01,  // MRDID 1
      0x00, 0x00, 0x00, 0x00,  // NumTasks 0
      0x00, 0x01,              // AgentMode 1 routable
      0x00, 0x00, 0x00, 0x01,  // MaxTaskLimit 1
      0x00, 0x00, 0x13, 0x89,  // ICMAgentID 5001
      0x00, 0x00, 0x00, 0x00,  // AgentAvailabilityStatus 0
      0x00, 0x00,              // NumFltSkillGroups 0
      0x00, 0x00, 0x00, 0x00,  // DepartmentID 0
      0x00, 0x05, 0x00, 0x05,  // tag 5 AgentID, length 5
      0x33, 0x30, 0x30, 0x31, 0x00,  // "3001\0"
      0x00, 0x04, 0x00, 0x05,  // tag 4 AgentExtension, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
  });
}

TEST(CtiGolden, FloatingFieldsInAnyOrderAndUnknownTagsSkipped) {
  // The same HOLD as above with its floating field after an unknown tag 999 (skipped by length).
  const Bytes8 bytes{
      0x00, 0x00, 0x00, 0x20,  // MessageLength 32 = 16 fixed + 7 unknown + 9 known
      0x00, 0x00, 0x00, 0x36,  // MessageType 54 HOLD_CALL_REQ
      0x00, 0x00, 0x00, 0x06,  // InvokeID 6
      0x00, 0x00, 0x13, 0x88,  // PeripheralID 5000
      0x01, 0x02, 0x03, 0x04,  // ConnectionCallID
      0x00, 0x01,              // ConnectionDeviceIDType 1
      0x00, 0x01,              // Reservation BOOL true
      0x03, 0xE7, 0x00, 0x03,  // tag 999 (unknown), length 3
      0xAA, 0xBB, 0xCC,        // skipped
      0x00, 0x06, 0x00, 0x05,  // tag 6 AgentInstrument, length 5
      0x31, 0x30, 0x30, 0x31, 0x00,  // "1001\0"
  };
  auto decoded = decode(bytes, kV24);
  ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
  const auto& hold = std::get<HoldCallReq>(*decoded);
  EXPECT_TRUE(hold.reservation);
  EXPECT_EQ(hold.agent_instrument, "1001");
  EXPECT_FALSE(hold.connection_device_id.has_value());
}

TEST(CtiGolden, UnknownMessageTypeKeepsItsBody) {
  const Bytes8 bytes{
      0x00, 0x00, 0x00, 0x02,  // MessageLength 2
      0x00, 0x00, 0x01, 0x15,  // MessageType 277 STANDBY_ACTIVE_EVENT_MSG (layout not typed)
      0xAB, 0xCD,              // body
  };
  auto decoded = decode(bytes, kV24);
  ASSERT_TRUE(decoded.ok());
  EXPECT_TRUE((*decoded == Message{UnknownMessage{277, {0xAB, 0xCD}}}));
  EXPECT_EQ(encode(*decoded, kV24), bytes);
}

}  // namespace
}  // namespace fgw::cti
