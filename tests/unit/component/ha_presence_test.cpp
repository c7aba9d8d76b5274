// HA presence of the 'finesse' entity (guide 8; NOTES.md "Presence").
#include <gtest/gtest.h>

#include "component/ha_presence.hpp"

namespace fgw::component {
namespace {

struct Sent {
  std::string kind;  // "available", "unavailable", "subscribed", "unsubscribed"
  std::string to;
  bool operator==(const Sent&) const = default;
};

struct RecordingOut : PresenceOut {
  std::vector<Sent> sent;
  void send_presence(bool available, const std::string& to) override {
    sent.push_back({available ? "available" : "unavailable", to});
  }
  void send_subscription_reply(bool subscribed, const std::string& to) override {
    sent.push_back({subscribed ? "subscribed" : "unsubscribed", to});
  }
};

const std::string kFinesse = "finesse@gw.finesse.test";

class HaPresenceTest : public testing::Test {
 protected:
  RecordingOut out;
  HaPresence presence{kFinesse, {"1001@finesse.test", "1002@finesse.test"}, out};
};

TEST_F(HaPresenceTest, AnswersANewSessionAndAProbeWithAvailable) {
  presence.on_presence(InboundPresence::Available, "1001@finesse.test/desk", kFinesse);
  presence.on_presence(InboundPresence::Probe, "1001@finesse.test/desk", kFinesse);
  EXPECT_EQ(out.sent, (std::vector<Sent>{{"available", "1001@finesse.test/desk"}, {"available", "1001@finesse.test/desk"}}));
  EXPECT_EQ(presence.sessions().size(), 1u);
}

TEST_F(HaPresenceTest, APresenceUpdateOfAKnownSessionNeedsNoAnswer) {
  presence.on_presence(InboundPresence::Available, "1001@finesse.test/desk", kFinesse);
  presence.on_presence(InboundPresence::Available, "1001@finesse.test/desk", kFinesse);
  EXPECT_EQ(out.sent.size(), 1u);
}

TEST_F(HaPresenceTest, IgnoresPresenceNotAddressedToFinesse) {
  presence.on_presence(InboundPresence::Available, "1001@finesse.test/desk", "other@gw.finesse.test");
  presence.on_presence(InboundPresence::Probe, "1001@finesse.test/desk", "gw.finesse.test");
  EXPECT_TRUE(out.sent.empty());
  EXPECT_TRUE(presence.sessions().empty());
}

TEST_F(HaPresenceTest, ServiceLossSendsUnavailableToEverySessionAndToUsersWithoutOne) {
  presence.on_presence(InboundPresence::Available, "1001@finesse.test/a", kFinesse);
  presence.on_presence(InboundPresence::Available, "1001@finesse.test/b", kFinesse);
  out.sent.clear();
  presence.set_service_available(false);
  EXPECT_EQ(out.sent, (std::vector<Sent>{{"unavailable", "1001@finesse.test/a"},
                                         {"unavailable", "1001@finesse.test/b"},
                                         {"unavailable", "1002@finesse.test"}}));
  out.sent.clear();
  presence.set_service_available(false);  // no change: nothing sent
  EXPECT_TRUE(out.sent.empty());
  // While unavailable, a new session and a probe hear 'unavailable'.
  presence.on_presence(InboundPresence::Available, "1002@finesse.test/x", kFinesse);
  presence.on_presence(InboundPresence::Probe, "1002@finesse.test/x", kFinesse);
  EXPECT_EQ(out.sent, (std::vector<Sent>{{"unavailable", "1002@finesse.test/x"}, {"unavailable", "1002@finesse.test/x"}}));
  out.sent.clear();
  presence.set_service_available(true);
  EXPECT_EQ(out.sent, (std::vector<Sent>{{"available", "1001@finesse.test/a"},
                                         {"available", "1001@finesse.test/b"},
                                         {"available", "1002@finesse.test/x"}}));
}

TEST_F(HaPresenceTest, UnavailableAndErrorPresenceEndASession) {
  presence.on_presence(InboundPresence::Available, "1001@finesse.test/a", kFinesse);
  presence.on_presence(InboundPresence::Available, "1002@finesse.test/b", kFinesse);
  presence.on_presence(InboundPresence::Unavailable, "1001@finesse.test/a", kFinesse);
  presence.on_presence(InboundPresence::Error, "1002@finesse.test/b", kFinesse);
  EXPECT_TRUE(presence.sessions().empty());
}

TEST_F(HaPresenceTest, AfterAReconnectEveryTargetHearsTheCurrentPresence) {
  presence.on_presence(InboundPresence::Available, "1001@finesse.test/a", kFinesse);
  out.sent.clear();
  presence.on_link_up(true);
  EXPECT_EQ(out.sent, (std::vector<Sent>{{"available", "1001@finesse.test/a"}, {"available", "1002@finesse.test"}}));
  out.sent.clear();
  presence.on_link_up(false);  // CTI was lost while the link was down
  EXPECT_EQ(out.sent, (std::vector<Sent>{{"unavailable", "1001@finesse.test/a"}, {"unavailable", "1002@finesse.test"}}));
}

TEST_F(HaPresenceTest, SubscribeIsAcceptedAndFollowedByPresence) {
  presence.on_subscription(InboundSubscription::Subscribe, "1001@finesse.test/a", kFinesse);
  presence.on_subscription(InboundSubscription::Unsubscribe, "1001@finesse.test", kFinesse);
  EXPECT_EQ(out.sent, (std::vector<Sent>{{"subscribed", "1001@finesse.test"},
                                         {"available", "1001@finesse.test"},
                                         {"unsubscribed", "1001@finesse.test"}}));
}

TEST_F(HaPresenceTest, ShutdownSendsUnavailableToAllAndNeverAvailableAfterwards) {
  presence.on_presence(InboundPresence::Available, "1001@finesse.test/a", kFinesse);
  out.sent.clear();
  presence.on_shutdown();
  EXPECT_EQ(out.sent, (std::vector<Sent>{{"unavailable", "1001@finesse.test/a"}, {"unavailable", "1002@finesse.test"}}));
  out.sent.clear();
  presence.set_service_available(false);
  presence.set_service_available(true);
  presence.on_presence(InboundPresence::Probe, "1001@finesse.test/a", kFinesse);
  EXPECT_EQ(out.sent, (std::vector<Sent>{{"unavailable", "1001@finesse.test/a"}}));
}

}  // namespace
}  // namespace fgw::component
