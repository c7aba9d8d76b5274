// PairRole: which node of a pair publishes (docs/operations.md, "Failover between nodes").
#include "component/pair_role.hpp"

#include <gtest/gtest.h>

namespace fgw::component {
namespace {

using Change = PairRole::Change;

PairRole node(bool primary) { return PairRole({true, primary}); }

TEST(PairRoleTest, AlonePublishesWheneverItCanServe) {
  PairRole alone({false, true});
  EXPECT_EQ(alone.on_serviceable(true), Change::TakeOver);
  EXPECT_TRUE(alone.publishing());
  EXPECT_EQ(alone.on_serviceable(false), Change::StandDown);
}

TEST(PairRoleTest, NothingPublishesBeforeThePeerHasBeenAsked) {
  auto primary = node(true);
  EXPECT_EQ(primary.on_serviceable(true), Change::None);
  EXPECT_FALSE(primary.publishing());
}

TEST(PairRoleTest, ThePrimaryTakesOverAfterOneFailedPingTheSecondaryAfterThree) {
  auto primary = node(true);
  primary.on_serviceable(true);
  EXPECT_EQ(primary.on_peer_ping(false), Change::TakeOver);

  auto secondary = node(false);
  secondary.on_serviceable(true);
  EXPECT_EQ(secondary.on_peer_ping(false), Change::None);
  EXPECT_EQ(secondary.on_peer_ping(false), Change::None);
  EXPECT_EQ(secondary.on_peer_ping(false), Change::TakeOver);
}

TEST(PairRoleTest, AnAnsweredPingResetsTheMisses) {
  auto secondary = node(false);
  secondary.on_serviceable(true);
  secondary.on_peer_ping(false);
  secondary.on_peer_ping(false);
  secondary.on_peer_ping(true);
  EXPECT_EQ(secondary.on_peer_ping(false), Change::None);
  EXPECT_EQ(secondary.on_peer_ping(false), Change::None);
  EXPECT_FALSE(secondary.publishing());
}

TEST(PairRoleTest, ANodeThatCannotServeNeverTakesOver) {
  auto secondary = node(false);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(secondary.on_peer_ping(false), Change::None);
  EXPECT_EQ(secondary.on_serviceable(true), Change::TakeOver);  // the misses counted meanwhile
}

TEST(PairRoleTest, LosingServiceStandsDown) {
  auto primary = node(true);
  primary.on_serviceable(true);
  primary.on_peer_ping(false);
  EXPECT_EQ(primary.on_serviceable(false), Change::StandDown);
  EXPECT_FALSE(primary.publishing());
}

TEST(PairRoleTest, NoAutomaticFailbackToAPrimaryThatReturns) {
  auto primary = node(true);
  primary.on_serviceable(true);
  EXPECT_EQ(primary.on_peer_ping(true), Change::None);  // the secondary serves
  EXPECT_EQ(primary.on_peer_ping(true), Change::None);
  EXPECT_FALSE(primary.publishing());
}

TEST(PairRoleTest, WhenBothPublishTheSecondaryStandsDown) {
  auto secondary = node(false);
  secondary.on_serviceable(true);
  for (int i = 0; i < 3; ++i) secondary.on_peer_ping(false);
  ASSERT_TRUE(secondary.publishing());
  EXPECT_EQ(secondary.on_peer_ping(true), Change::StandDown);

  auto primary = node(true);
  primary.on_serviceable(true);
  primary.on_peer_ping(false);
  ASSERT_TRUE(primary.publishing());
  EXPECT_EQ(primary.on_peer_ping(true), Change::None);
  EXPECT_TRUE(primary.publishing());
}

}  // namespace
}  // namespace fgw::component
