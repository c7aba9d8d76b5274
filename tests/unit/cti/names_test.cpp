// The gateway reports CTI errors by code and exact constant name, so the names are part of the
// contract (GED-188.md section 4).
#include <gtest/gtest.h>

#include "gateway/cti/enums.hpp"
#include "gateway/cti/failure_codes.hpp"
#include "gateway/cti/message_type.hpp"
#include "gateway/cti/protocol_version.hpp"

namespace fgw::cti {
namespace {

TEST(CtiNames, FailureStatus) {
  EXPECT_EQ(name(FailureStatus::NoError), "E_CTI_NO_ERROR");
  EXPECT_EQ(name(FailureStatus::CtiServerOffline), "E_CTI_CTI_SERVER_OFFLINE");
  EXPECT_EQ(name(static_cast<FailureStatus>(15)), "E_CTI_CTI_SERVER_OFFLINE");
  EXPECT_EQ(name(static_cast<FailureStatus>(73)), "E_CTI_TOO_MUCH_DATA");
  EXPECT_EQ(name(static_cast<FailureStatus>(95)), "E_INVALID_CONFIG_MSG_MASK");
  EXPECT_EQ(name(static_cast<FailureStatus>(107)), "E_CTI_INVALID_CLIENT_FOR_STANDBY");
  EXPECT_EQ(name(static_cast<FailureStatus>(110)), "E_CTI_SERVER_IN_MAINTENANCE_MODE");
  EXPECT_EQ(name(static_cast<FailureStatus>(100)), "");  // 99-106 are not listed
}

TEST(CtiNames, ControlFailureCode) {
  EXPECT_EQ(name(static_cast<ControlFailureCode>(5)), "CF_INVALID_CALLING_DEVICE");
  EXPECT_EQ(name(static_cast<ControlFailureCode>(6)), "CF_INVALID_CALLED_DEVICE");
  EXPECT_EQ(name(static_cast<ControlFailureCode>(9)), "CF_PRIVILEGE_VIOLATION_ON_CALLED_DEVICE");
  EXPECT_EQ(name(static_cast<ControlFailureCode>(23)), "CF_INVALID_CONNECTION_ID_FOR_ACTIVE_CALL");
  EXPECT_EQ(name(static_cast<ControlFailureCode>(34)), "CF_RESOURCE_OUT_OF_SERVICE");
  EXPECT_EQ(name(static_cast<ControlFailureCode>(273)), "CF_INVALID_CONSULT_TYPE");
  EXPECT_EQ(name(static_cast<ControlFailureCode>(293)), "CF_EXTENSION_NOT_UNIQUE");
  EXPECT_EQ(name(static_cast<ControlFailureCode>(1016)), "CF_AGENT_GREETING_CONTROL_OPERATION_FAILURE");
  EXPECT_EQ(name(static_cast<ControlFailureCode>(20)), "");
}

TEST(CtiNames, MessageTypes) {
  EXPECT_EQ(name(MessageType::OpenReq), "OPEN_REQ");
  EXPECT_EQ(name(static_cast<MessageType>(9)), "CALL_DELIVERED_EVENT");
  EXPECT_EQ(name(static_cast<MessageType>(86)), "CALL_DEQUEUED_EVENT");
  EXPECT_EQ(name(static_cast<MessageType>(124)), "SUPERVISE_CALL_REQ");
  EXPECT_EQ(name(static_cast<MessageType>(277)), "STANDBY_ACTIVE_EVENT_MSG");
  EXPECT_EQ(name(static_cast<MessageType>(70)), "");  // reserved
}

TEST(CtiNames, AgentStatesCausesAndStates) {
  EXPECT_EQ(name(static_cast<AgentState>(0)), "AGENT_STATE_LOGIN");
  EXPECT_EQ(name(static_cast<AgentState>(3)), "AGENT_STATE_AVAILABLE");
  EXPECT_EQ(name(static_cast<AgentState>(14)), "AGENT_STATE_NOT_ACTIVE");
  EXPECT_EQ(name(static_cast<EventCause>(22)), "CEC_NEW_CALL");
  EXPECT_EQ(name(static_cast<EventCause>(0xFFFF)), "CEC_NONE");
  EXPECT_EQ(name(static_cast<EventCause>(1028)), "CECX_BLIND_TRANSFER");
  EXPECT_EQ(name(static_cast<LocalConnectionState>(2)), "LCS_ALERTING");
  EXPECT_EQ(name(static_cast<DeviceIdType>(0xFFFF)), "DEVID_NONE");
  EXPECT_EQ(name(static_cast<CallType>(27)), "CALLTYPE_RESERVATION_PREVIEW");
  EXPECT_EQ(name(static_cast<CallType>(38)), "CALLTYPE_NON_ACD");
  EXPECT_EQ(name(static_cast<SystemEventId>(2)), "SYS_CENTRAL_CONTROLLER_OFFLINE");
  EXPECT_EQ(name(static_cast<PeripheralType>(17)), "PT_ENTERPRISE_AGENT");
}

TEST(CtiProtocolVersion, FloatingFieldWidthSwitchesAtVersion20) {
  EXPECT_EQ(floating_field_width(ProtocolVersion{19}), FloatingFieldWidth::OneByte);
  EXPECT_EQ(floating_field_width(ProtocolVersion{20}), FloatingFieldWidth::TwoBytes);
  EXPECT_EQ(floating_field_width(kDefaultProtocolVersion), FloatingFieldWidth::TwoBytes);
}

}  // namespace
}  // namespace fgw::cti
