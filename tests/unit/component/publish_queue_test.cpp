// The queue between the desk and the gloox thread: per-node order, coalescing only while not
// draining, the capacity with counted drops, snapshots, and a concurrent producer.
#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "component/publish_queue.hpp"

namespace fgw::component {
namespace {

desk::Notification note(const std::string& node, const std::string& payload, std::string source = "") {
  if (source.empty()) source = node;
  return desk::Notification{node, source, "PUT", payload, ""};
}

const std::string kUser = "/finesse/api/User/1001";
const std::string kDialogs = "/finesse/api/User/1001/Dialogs";
const std::string kTeam = "/finesse/api/Team/1/Users";

// Pops everything, completing each entry at once; returns payloads in pop order.
std::vector<std::string> drain(PublishQueue& queue) {
  std::vector<std::string> out;
  while (auto u = queue.pop()) {
    out.push_back(u->payload_xml);
    queue.complete(u->node);
  }
  return out;
}

TEST(NodeKinds, UserTeamAndSystemInfoAreLatestStateDialogsAndMediaAreOrdered) {
  EXPECT_EQ(classify_node("/finesse/api/User/1001"), NodeKind::LatestState);
  EXPECT_EQ(classify_node("/finesse/api/Team/7/Users"), NodeKind::LatestState);
  EXPECT_EQ(classify_node("/finesse/api/SystemInfo"), NodeKind::LatestState);
  EXPECT_EQ(classify_node("/finesse/api/User/1001/Dialogs"), NodeKind::Ordered);
  EXPECT_EQ(classify_node("/finesse/api/User/1001/Media"), NodeKind::Ordered);
  EXPECT_EQ(classify_node("/something/else"), NodeKind::Ordered);
}

TEST(PublishQueue, KeepsEveryUpdateInOrderWhileDraining) {
  PublishQueue queue;
  queue.push({note(kUser, "u1"), note(kUser, "u2"), note(kDialogs, "d1"), note(kUser, "u3")});
  std::vector<std::string> user, dialogs;
  for (const auto& p : drain(queue)) (p[0] == 'u' ? user : dialogs).push_back(p);
  EXPECT_EQ(user, (std::vector<std::string>{"u1", "u2", "u3"}));  // intermediate states kept
  EXPECT_EQ(dialogs, (std::vector<std::string>{"d1"}));
  EXPECT_EQ(queue.counters().coalesced, 0u);
}

TEST(PublishQueue, NeverPopsANodeThatIsInFlight) {
  PublishQueue queue;
  queue.push({note(kUser, "u1"), note(kUser, "u2"), note(kDialogs, "d1")});
  auto first = queue.pop();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->payload_xml, "u1");
  auto second = queue.pop();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->payload_xml, "d1");  // the other node goes ahead
  EXPECT_FALSE(queue.pop());             // u2 waits for u1
  EXPECT_EQ(queue.in_flight(), 2u);
  queue.complete(kUser);
  auto third = queue.pop();
  ASSERT_TRUE(third);
  EXPECT_EQ(third->payload_xml, "u2");
}

TEST(PublishQueue, GivenBackEntryGoesBeforeLaterOnesOfItsNode) {
  PublishQueue queue;
  queue.push({note(kDialogs, "d1"), note(kDialogs, "d2")});
  auto d1 = queue.pop();
  ASSERT_TRUE(d1);
  queue.give_back(std::move(*d1));
  EXPECT_EQ(drain(queue), (std::vector<std::string>{"d1", "d2"}));
}

TEST(PublishQueue, AGivenBackStateThatANewerOneSupersedesIsNotSentAgain) {
  PublishQueue queue;
  queue.push_one(note(kUser, "u1"));
  auto u1 = queue.pop();
  ASSERT_TRUE(u1);
  queue.set_coalescing(true);  // the link went down with u1 unacked
  queue.push_one(note(kUser, "u2"));
  queue.give_back(std::move(*u1));
  queue.set_coalescing(false);
  EXPECT_EQ(drain(queue), (std::vector<std::string>{"u2"}));
  EXPECT_EQ(queue.counters().coalesced, 1u);
}

TEST(PublishQueue, WhileCoalescingAUserNodeKeepsOnlyItsLatestAndDialogsKeepAll) {
  PublishQueue queue;
  queue.set_coalescing(true);
  queue.push({note(kUser, "u1"), note(kDialogs, "d1"), note(kUser, "u2"), note(kDialogs, "d2"), note(kUser, "u3")});
  EXPECT_EQ(queue.depth(), 3u);
  EXPECT_EQ(queue.counters().coalesced, 2u);
  queue.set_coalescing(false);
  auto popped = drain(queue);
  std::vector<std::string> user, dialogs;
  for (const auto& p : popped) (p[0] == 'u' ? user : dialogs).push_back(p);
  EXPECT_EQ(user, (std::vector<std::string>{"u3"}));
  EXPECT_EQ(dialogs, (std::vector<std::string>{"d1", "d2"}));
}

TEST(PublishQueue, ATeamNodeCoalescesPerMemberNotPerNode) {
  PublishQueue queue;
  queue.set_coalescing(true);
  queue.push({note(kTeam, "a1", "/finesse/api/User/a"), note(kTeam, "b1", "/finesse/api/User/b"),
              note(kTeam, "a2", "/finesse/api/User/a")});
  queue.set_coalescing(false);
  EXPECT_EQ(drain(queue), (std::vector<std::string>{"b1", "a2"}));  // the newest moves to the back
}

TEST(PublishQueue, ABackloggedTeamNodeKeepsOnlyEachMembersLatestWhileAUserNodeKeepsAll) {
  PublishQueue queue;  // draining, not coalescing
  queue.push({note(kTeam, "a1", "/finesse/api/User/a"), note(kUser, "u1")});
  auto sent = queue.pop();  // one publish in flight per node: the rest waits
  auto sent_user = queue.pop();
  ASSERT_TRUE(sent && sent_user);
  queue.push({note(kTeam, "a2", "/finesse/api/User/a"), note(kTeam, "b1", "/finesse/api/User/b"),
              note(kTeam, "a3", "/finesse/api/User/a"), note(kUser, "u2"), note(kUser, "u3")});
  queue.complete(sent->node);
  queue.complete(sent_user->node);
  std::vector<std::string> team, user;
  for (const auto& payload : drain(queue)) (payload[0] == 'u' ? user : team).push_back(payload);
  EXPECT_EQ(team, (std::vector<std::string>{"b1", "a3"}));  // a2 was never worth sending
  EXPECT_EQ(user, (std::vector<std::string>{"u2", "u3"}));
  EXPECT_EQ(queue.counters().coalesced, 1u);
}

TEST(PublishQueue, TurningCoalescingOnCompactsWhatIsPending) {
  PublishQueue queue;
  queue.push({note(kUser, "u1"), note(kUser, "u2"), note("/finesse/api/SystemInfo", "s1"),
              note("/finesse/api/SystemInfo", "s2"), note(kDialogs, "d1"), note(kDialogs, "d2")});
  EXPECT_EQ(queue.depth(), 6u);
  queue.set_coalescing(true);
  EXPECT_EQ(queue.depth(), 4u);
  EXPECT_EQ(queue.counters().coalesced, 2u);
  queue.set_coalescing(false);
  auto popped = drain(queue);
  EXPECT_EQ(std::count(popped.begin(), popped.end(), "u2"), 1);
  EXPECT_EQ(std::count(popped.begin(), popped.end(), "s2"), 1);
  EXPECT_EQ(std::count(popped.begin(), popped.end(), "u1"), 0);
}

TEST(PublishQueue, OverCapacityDropsTheOldestDialogsEntryAndCountsIt) {
  PublishQueue queue(4);
  queue.push({note(kDialogs, "d1"), note(kDialogs, "d2"), note("/finesse/api/User/2/Dialogs", "e1"),
              note(kUser, "u1")});
  EXPECT_EQ(queue.counters().dropped, 0u);
  queue.push_one(note(kDialogs, "d3"));
  const auto counters = queue.counters();
  EXPECT_EQ(counters.dropped, 1u);
  EXPECT_EQ(counters.depth, 4u);
  auto popped = drain(queue);
  EXPECT_EQ(std::count(popped.begin(), popped.end(), "d1"), 0);  // the oldest Dialogs entry went
  for (const char* kept : {"d2", "d3", "e1", "u1"}) EXPECT_EQ(std::count(popped.begin(), popped.end(), kept), 1) << kept;
}

TEST(PublishQueue, AtCapacityUserStatesCoalesceBeforeAnythingIsDropped) {
  PublishQueue queue(4);
  queue.push({note(kUser, "u1"), note(kUser, "u2"), note(kUser, "u3"), note(kDialogs, "d1")});
  EXPECT_TRUE(queue.coalescing());  // overloaded
  queue.push_one(note(kDialogs, "d2"));
  EXPECT_EQ(queue.counters().dropped, 0u);
  EXPECT_EQ(queue.counters().coalesced, 2u);
  EXPECT_EQ(drain(queue).size(), 3u);
  EXPECT_FALSE(queue.coalescing());  // back under half the capacity
}

TEST(PublishQueue, WithOnlyDistinctStatesPendingTheOldestIsDroppedAndCounted) {
  PublishQueue queue(2);
  queue.push({note("/finesse/api/User/1", "a"), note("/finesse/api/User/2", "b"), note("/finesse/api/User/3", "c")});
  EXPECT_EQ(queue.counters().dropped, 1u);
  EXPECT_EQ(drain(queue), (std::vector<std::string>{"b", "c"}));
}

TEST(PublishQueue, NeverHoldsMoreThanItsCapacity) {
  PublishQueue queue(100);
  for (int i = 0; i < 1000; ++i) queue.push_one(note("/finesse/api/User/" + std::to_string(i % 7) + "/Dialogs", "d"));
  const auto counters = queue.counters();
  EXPECT_EQ(counters.depth, 100u);
  EXPECT_EQ(counters.high_water, 100u);
  EXPECT_EQ(counters.dropped, 900u);
  EXPECT_EQ(counters.pushed, 1000u);
}

TEST(PublishQueue, SnapshotSupersedesOlderStatesAndGoesBeforeNewerOnes) {
  PublishQueue queue;
  queue.set_coalescing(true);
  queue.push({note(kUser, "old"), note(kDialogs, "d-before")});
  const auto mark = queue.next_seq();
  queue.push({note(kDialogs, "d-after"), note(kUser, "newer")});
  queue.apply_snapshot({note(kUser, "snap"), note(kDialogs, "d-snap")}, mark);
  queue.set_coalescing(false);
  std::map<std::string, std::vector<std::string>> by_node;
  while (auto u = queue.pop()) {
    by_node[u->node].push_back(u->payload_xml);
    queue.complete(u->node);
  }
  EXPECT_EQ(by_node[kUser], (std::vector<std::string>{"snap", "newer"}));
  EXPECT_EQ(by_node[kDialogs], (std::vector<std::string>{"d-before", "d-snap", "d-after"}));
}

TEST(PublishQueue, DetectsAStatePushedWhileTheSnapshotWasTaken) {
  PublishQueue queue;
  const auto mark = queue.next_seq();
  queue.push_one(note(kUser, "u"));
  const auto after = queue.next_seq();
  EXPECT_TRUE(queue.latest_pushed_between({note(kUser, "snap")}, mark, after));
  EXPECT_FALSE(queue.latest_pushed_between({note("/finesse/api/User/2", "snap")}, mark, after));
  EXPECT_FALSE(queue.latest_pushed_between({note(kUser, "snap")}, after, after + 5));
}

// A producer thread (the desk) pushes while this thread (gloox) pops with several in flight and
// completes out of order: every update arrives once, in order per node.
TEST(PublishQueue, ConcurrentProducerKeepsPerNodeOrderWithoutLoss) {
  constexpr int kNodes = 16;
  constexpr int kPerNode = 5000;
  PublishQueue queue(kNodes * kPerNode);
  std::thread producer([&] {
    for (int i = 0; i < kPerNode; ++i) {
      std::vector<desk::Notification> batch;
      for (int n = 0; n < kNodes; ++n)
        batch.push_back(note("/finesse/api/User/" + std::to_string(n) + (n % 2 ? "/Dialogs" : ""), std::to_string(i)));
      queue.push(batch);
    }
  });
  std::map<std::string, int> last_seen;
  std::vector<QueuedUpdate> in_flight;
  int received = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (received < kNodes * kPerNode && std::chrono::steady_clock::now() < deadline) {
    while (in_flight.size() < 8) {
      auto u = queue.pop();
      if (!u) break;
      in_flight.push_back(std::move(*u));
    }
    if (in_flight.empty()) {
      std::this_thread::yield();
      continue;
    }
    // Complete the newest first: order must still hold per node.
    auto u = std::move(in_flight.back());
    in_flight.pop_back();
    const int value = std::stoi(u.payload_xml);
    auto [it, first] = last_seen.try_emplace(u.node, -1);
    ASSERT_EQ(value, it->second + 1) << u.node;
    it->second = value;
    ++received;
    queue.complete(u.node);
  }
  producer.join();
  EXPECT_EQ(received, kNodes * kPerNode);
  EXPECT_EQ(queue.counters().dropped, 0u);
  EXPECT_EQ(queue.counters().coalesced, 0u);
  EXPECT_EQ(queue.depth(), 0u);
}

}  // namespace
}  // namespace fgw::component

namespace fgw::component {
namespace {

TEST(PublishQueue, ClearPendingForgetsWhatWaitsButNotWhatIsInFlight) {
  PublishQueue queue;
  queue.push({note(kDialogs, "a"), note(kDialogs, "b"), note(kUser, "u")});
  auto first = queue.pop();
  ASSERT_TRUE(first);
  EXPECT_EQ(queue.clear_pending(), 2u);
  EXPECT_EQ(queue.depth(), 0u);
  EXPECT_FALSE(queue.pop());
  queue.complete(first->node);
  queue.push_one(note(kDialogs, "c"));
  EXPECT_EQ(drain(queue), std::vector<std::string>{"c"});
}

TEST(PublishQueue, EntriesSayWhetherTheyAreLocalOrRepublished) {
  PublishQueue queue;
  auto local = note(kUser, "refused");
  local.local = true;
  queue.push_one(local);
  const auto popped = queue.pop();
  ASSERT_TRUE(popped);
  EXPECT_TRUE(popped->local);
  EXPECT_FALSE(popped->republished());
}

}  // namespace
}  // namespace fgw::component
