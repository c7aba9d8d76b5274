// OPEN_REQ acceptance (GED-188.md 2.2), what OPEN_CONF grants, and event masks.
#include <gtest/gtest.h>

#include "gateway/cti/codec.hpp"
#include "tools/ctisim/services.hpp"
#include "tools/ctisim/session_rules.hpp"

namespace fgw::ctisim {
namespace {

using cti::FailureStatus;

constexpr std::uint32_t kPeripheral = 5000;
constexpr std::uint32_t kGatewayServices =
    service::kAllEvents | service::kClientControl | service::kCallDataUpdate | service::kSupervisor;

cti::OpenReq gateway_open() {
  cti::OpenReq req;
  req.invoke_id = 1;
  req.version_number = 24;
  req.idle_timeout = 120;
  req.services_requested = kGatewayServices | service::kActiveStandby;
  req.call_msg_mask = 0xFFFFFFFF;
  req.agent_state_mask = 0x3FFF;
  req.client_id = "finesse-gw";
  req.client_password = cti::Bytes{};
  return req;
}

FailureStatus rejection(const cti::OpenReq& req) {
  auto result = accept_open(req, kPeripheral);
  if (!std::holds_alternative<FailureStatus>(result)) return FailureStatus::NoError;
  return std::get<FailureStatus>(result);
}

TEST(SessionRules, GatewayOpenIsGrantedWithoutActiveStandby) {
  auto result = accept_open(gateway_open(), kPeripheral);
  ASSERT_TRUE(std::holds_alternative<SessionGrant>(result));
  const auto& grant = std::get<SessionGrant>(result);
  EXPECT_EQ(grant.services, kGatewayServices);
  EXPECT_EQ(grant.client_signature, "finesse-gw");
  EXPECT_EQ(grant.version.number, 24u);
  const auto conf = open_conf(gateway_open(), grant, kPeripheral);
  EXPECT_EQ(conf.invoke_id, 1u);
  EXPECT_EQ(conf.services_granted, kGatewayServices);
  EXPECT_TRUE(conf.peripheral_online);
  EXPECT_EQ(conf.session_type, 1);
  ASSERT_EQ(conf.peripherals.size(), 1u);
  EXPECT_EQ(conf.peripherals[0].peripheral_id, kPeripheral);
}

TEST(SessionRules, InvalidOpenRequestsAreRejectedWithTheirCode) {
  auto req = gateway_open();
  req.version_number = 8;
  EXPECT_EQ(rejection(req), FailureStatus::InvalidVersion);
  req = gateway_open();
  req.version_number = 26;
  EXPECT_EQ(rejection(req), FailureStatus::InvalidVersion);
  req = gateway_open();
  req.idle_timeout = 19;
  EXPECT_EQ(rejection(req), FailureStatus::InvalidTimeout);
  req.idle_timeout = kNoIdleTimeout;
  EXPECT_EQ(rejection(req), FailureStatus::NoError);
  req = gateway_open();
  req.reserved2 = 1;
  EXPECT_EQ(rejection(req), FailureStatus::InvalidReservedField);
  req = gateway_open();
  req.services_requested |= 0x00004000;  // unused bit
  EXPECT_EQ(rejection(req), FailureStatus::InvalidServiceMask);
  req = gateway_open();
  req.client_password.reset();
  EXPECT_EQ(rejection(req), FailureStatus::RequiredDataMissing);
  req = gateway_open();
  req.client_id.reset();
  EXPECT_EQ(rejection(req), FailureStatus::RequiredDataMissing);
  req = gateway_open();
  req.peripheral_id = 4999;
  EXPECT_EQ(rejection(req), FailureStatus::InvalidPeripheralId);
  req.peripheral_id = kPeripheral;
  EXPECT_EQ(rejection(req), FailureStatus::NoError);
}

TEST(SessionRules, OpenVersionIsReadBeforeDecoding) {
  auto req = gateway_open();
  req.version_number = 15;  // one-byte floating fields
  const auto frame = cti::encode(req, cti::ProtocolVersion{15});
  const auto version = peek_open_version(frame);
  ASSERT_TRUE(version);
  EXPECT_EQ(version->number, 15u);
  EXPECT_EQ(peek_message_type(frame), 3u);
  EXPECT_EQ(peek_invoke_id(frame), 1u);
  const auto decoded = cti::decode(frame, *version);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(std::get<cti::OpenReq>(*decoded).client_id, "finesse-gw");
  EXPECT_FALSE(peek_open_version(std::vector<std::uint8_t>(10, 0)));
}

TEST(SessionRules, EventsFollowTheSessionMasks) {
  SessionGrant grant;
  grant.services = service::kAllEvents;
  grant.call_msg_mask = 0x1;  // CALL_DELIVERED only
  grant.agent_state_mask = 0x8;  // AVAILABLE only
  cti::AgentStateEvent available;
  available.agent_state = cti::AgentState::Available;
  cti::AgentStateEvent hold;
  hold.agent_state = cti::AgentState::Hold;
  EXPECT_TRUE(wants_event(grant, cti::CallDeliveredEvent{}));
  EXPECT_FALSE(wants_event(grant, cti::CallEstablishedEvent{}));
  EXPECT_TRUE(wants_event(grant, available));
  EXPECT_FALSE(wants_event(grant, hold));
  grant.agent_state_mask = 0x200;
  EXPECT_TRUE(wants_event(grant, hold));
  grant.services = service::kClientControl;  // no ALL_EVENTS: no broadcasts at all
  EXPECT_FALSE(wants_event(grant, cti::CallDeliveredEvent{}));
}

TEST(SessionRules, AgentStateMaskBitsSkipUnknown) {
  EXPECT_EQ(service::agent_state_mask_bit(cti::AgentState::Login), 0x1u);
  EXPECT_EQ(service::agent_state_mask_bit(cti::AgentState::Reserved), 0x100u);
  EXPECT_EQ(service::agent_state_mask_bit(cti::AgentState::Hold), 0x200u);
  EXPECT_EQ(service::agent_state_mask_bit(cti::AgentState::NotActive), 0x2000u);
  EXPECT_EQ(service::agent_state_mask_bit(cti::AgentState::Unknown), 0u);
}

}  // namespace
}  // namespace fgw::ctisim
