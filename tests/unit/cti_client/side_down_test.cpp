#include "gateway/cti/client/side_down.hpp"

#include <gtest/gtest.h>

namespace fgw::cti::client {
namespace {

constexpr std::uint32_t kOurs = 5000;

SystemEvent system_event(SystemEventId id, std::uint32_t arg1) {
  SystemEvent event;
  event.system_event_id = id;
  event.system_event_arg1 = arg1;
  return event;
}

TEST(SideDown, ServerOfflineFailuresAreFatal) {
  EXPECT_TRUE(side_down_reason(FailureEvent{FailureStatus::CtiServerOffline}, kOurs).has_value());
  EXPECT_TRUE(side_down_reason(FailureConf{3, FailureStatus::CtiServerOffline, std::nullopt}, kOurs).has_value());
}

TEST(SideDown, OtherFailuresAreNot) {
  EXPECT_FALSE(side_down_reason(FailureEvent{FailureStatus::UnspecifiedFailure}, kOurs).has_value());
  EXPECT_FALSE(side_down_reason(FailureConf{3, FailureStatus::AgentNotLoggedOn, std::nullopt}, kOurs).has_value());
}

TEST(SideDown, PeripheralOfflineOnlyForOurPeripheral) {
  const auto reason = side_down_reason(system_event(SystemEventId::PeripheralOffline, kOurs), kOurs);
  ASSERT_TRUE(reason.has_value());
  EXPECT_NE(reason->find("5000"), std::string::npos);
  EXPECT_FALSE(side_down_reason(system_event(SystemEventId::PeripheralOffline, 4999), kOurs).has_value());
  EXPECT_FALSE(side_down_reason(system_event(SystemEventId::PeripheralOnline, kOurs), kOurs).has_value());
}

TEST(SideDown, OrdinaryMessagesAreNot) {
  EXPECT_FALSE(side_down_reason(AgentStateEvent{}, kOurs).has_value());
  EXPECT_FALSE(side_down_reason(HeartbeatConf{1}, kOurs).has_value());
}

}  // namespace
}  // namespace fgw::cti::client
