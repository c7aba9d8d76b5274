// StandbyMirror: a standby replays exactly what the publishing peer did not publish.
#include "component/standby_mirror.hpp"

#include <gtest/gtest.h>

#include "component/node_plan.hpp"

namespace fgw::component {
namespace {

using namespace std::chrono_literals;
using Clock = StandbyMirror::Clock;

desk::Notification update(const std::string& node, const std::string& payload) {
  return {node, node, "PUT", payload, "", false};
}

std::vector<std::string> payloads(const std::vector<desk::Notification>& notifications) {
  std::vector<std::string> out;
  for (const auto& n : notifications) out.push_back(n.payload_xml);
  return out;
}

const std::string kDialogs = "/finesse/api/User/1001/Dialogs";
const std::string kUser = "/finesse/api/User/1001";

TEST(StandbyMirrorTest, ReplaysOnlyWhatThePeerDidNotPublishInComputedOrder) {
  StandbyMirror mirror(10s);
  const auto t = Clock::now();
  mirror.record(update(kDialogs, "POST dialog"), t);
  mirror.record(update(kUser, "TALKING"), t);
  mirror.record(update(kDialogs, "PUT held"), t);
  mirror.observe(kDialogs, t);  // the peer published the POST, then died
  EXPECT_EQ(payloads(mirror.take_unmatched(t)), (std::vector<std::string>{"TALKING", "PUT held"}));
  EXPECT_EQ(mirror.pending(), 0u);
}

TEST(StandbyMirrorTest, AnObservationBeforeTheComputationSettlesIt) {
  StandbyMirror mirror(10s);
  const auto t = Clock::now();
  mirror.observe(kDialogs, t);
  mirror.record(update(kDialogs, "POST dialog"), t + 1ms);
  mirror.record(update(kDialogs, "PUT active"), t + 2ms);
  EXPECT_EQ(payloads(mirror.take_unmatched(t + 3ms)), (std::vector<std::string>{"PUT active"}));
}

TEST(StandbyMirrorTest, RecordsOlderThanTheRetentionAreTakenAsPublished) {
  StandbyMirror mirror(10s);
  const auto t = Clock::now();
  mirror.record(update(kUser, "old"), t);
  mirror.record(update(kUser, "recent"), t + 9s);
  mirror.expire(t + 11s);
  EXPECT_EQ(mirror.pending(), 1u);
  EXPECT_EQ(mirror.expired(), 1u);
  EXPECT_EQ(payloads(mirror.take_unmatched(t + 11s)), (std::vector<std::string>{"recent"}));
}

TEST(StandbyMirrorTest, StaleObservationsDoNotSwallowLaterRecords) {
  StandbyMirror mirror(10s);
  const auto t = Clock::now();
  mirror.observe(kUser, t);  // e.g. published while this node missed the CTI event
  mirror.record(update(kUser, "much later"), t + 20s);
  EXPECT_EQ(payloads(mirror.take_unmatched(t + 20s)), (std::vector<std::string>{"much later"}));
}

TEST(StandbyMirrorTest, SystemInfoAndLocalNotificationsAreNotMirrored) {
  StandbyMirror mirror(10s);
  const auto t = Clock::now();
  mirror.record(update(kSystemInfoNode, "IN_SERVICE"), t);
  auto error = update(kUser, "error for a request made here");
  error.local = true;
  mirror.record(error, t);
  EXPECT_EQ(mirror.pending(), 0u);
  EXPECT_FALSE(StandbyMirror::mirrored(error));
}

TEST(StandbyMirrorTest, CapacityDropsTheOldest) {
  StandbyMirror mirror(10s, 2);
  const auto t = Clock::now();
  mirror.record(update(kUser, "1"), t);
  mirror.record(update(kDialogs, "2"), t);
  mirror.record(update(kUser, "3"), t);
  EXPECT_EQ(payloads(mirror.take_unmatched(t)), (std::vector<std::string>{"2", "3"}));
}

}  // namespace
}  // namespace fgw::component
