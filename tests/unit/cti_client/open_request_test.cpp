#include "gateway/cti/client/open_request.hpp"

#include <gtest/gtest.h>

#include "gateway/cti/codec.hpp"

namespace fgw::cti::client {
namespace {

using namespace std::chrono_literals;

TEST(OpenRequest, IdleTimeoutIsFourHeartbeatsRoundedUpAndAtLeastTwentySeconds) {
  EXPECT_EQ(idle_timeout_seconds(5s), 20u);
  EXPECT_EQ(idle_timeout_seconds(100ms), 20u);
  EXPECT_EQ(idle_timeout_seconds(30s), 120u);
  EXPECT_EQ(idle_timeout_seconds(5250ms), 21u);  // 21 s, rounded up from 21.0
  EXPECT_EQ(idle_timeout_seconds(5300ms), 22u);  // 21.2 s rounded up
  EXPECT_EQ(idle_timeout_seconds(0ms), 0xFFFFFFFFu);
}

TEST(OpenRequest, PeripheralIdOnlyWithClientEvents) {
  CtiClientSettings settings;
  settings.peripheral_id = 5000;
  EXPECT_EQ(open_peripheral_id(settings), kNullPeripheralId);
  settings.services_requested |= cti::service::kClientEvents;
  EXPECT_EQ(open_peripheral_id(settings), 5000u);
}

TEST(OpenRequest, SurvivesTheWireWithEveryField) {
  CtiClientSettings settings;
  settings.client_id = "gw-node-1";
  settings.client_password = "pw";
  const auto open = make_open_req(settings, 41);
  const auto frame = encode(open, settings.version);
  // 8-byte header + 44-byte fixed part + ClientID TLV (4 + 10) + ClientPassword TLV (4 + 2).
  EXPECT_EQ(frame.size(), 8u + 44u + 14u + 6u);
  const auto decoded = decode(frame, settings.version);
  ASSERT_TRUE(decoded.ok());
  const auto& back = std::get<OpenReq>(*decoded);
  EXPECT_EQ(back, open);
  EXPECT_EQ(back.invoke_id, 41u);
  EXPECT_EQ(back.version_number, 24u);
  EXPECT_EQ(back.services_requested, kDefaultServices);
  EXPECT_EQ(back.services_requested & cti::service::kActiveStandby, 0u);
  EXPECT_EQ(back.client_password, (Bytes{'p', 'w'}));
}

}  // namespace
}  // namespace fgw::cti::client
