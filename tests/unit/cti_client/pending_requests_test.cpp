#include "gateway/cti/client/pending_requests.hpp"

#include <gtest/gtest.h>

namespace fgw::cti::client {
namespace {

using namespace std::chrono_literals;
using Clock = PendingRequests::Clock;

PendingRequests::Entry entry(std::uint32_t invoke_id, Clock::time_point deadline, std::vector<std::uint32_t>* done_log) {
  return {invoke_id, MessageType::QueryAgentStateReq, deadline,
          [done_log, invoke_id](RequestResult) { done_log->push_back(invoke_id); }};
}

TEST(PendingRequests, TakeFindsByInvokeIdOnce) {
  PendingRequests pending;
  std::vector<std::uint32_t> log;
  const auto now = Clock::now();
  pending.add(entry(7, now + 1s, &log));
  pending.add(entry(8, now + 2s, &log));
  ASSERT_TRUE(pending.contains(7));
  auto taken = pending.take(7);
  ASSERT_TRUE(taken.has_value());
  EXPECT_EQ(taken->invoke_id, 7u);
  EXPECT_FALSE(pending.take(7).has_value());
  EXPECT_EQ(pending.earliest_deadline(), now + 2s);
}

TEST(PendingRequests, ExpiredComeOutOldestFirstAndOnlyThose) {
  PendingRequests pending;
  std::vector<std::uint32_t> log;
  const auto now = Clock::now();
  pending.add(entry(1, now + 3s, &log));
  pending.add(entry(2, now + 1s, &log));
  pending.add(entry(3, now + 2s, &log));
  const auto expired = pending.take_expired(now + 2s);
  ASSERT_EQ(expired.size(), 2u);
  EXPECT_EQ(expired[0].invoke_id, 2u);
  EXPECT_EQ(expired[1].invoke_id, 3u);
  EXPECT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending.earliest_deadline(), now + 3s);
}

TEST(PendingRequests, TakenRequestDoesNotExpireLater) {
  PendingRequests pending;
  std::vector<std::uint32_t> log;
  const auto now = Clock::now();
  pending.add(entry(1, now + 1s, &log));
  pending.add(entry(2, now + 1s, &log));  // same deadline
  ASSERT_TRUE(pending.take(1).has_value());
  const auto expired = pending.take_expired(now + 5s);
  ASSERT_EQ(expired.size(), 1u);
  EXPECT_EQ(expired[0].invoke_id, 2u);
  EXPECT_TRUE(pending.empty());
  EXPECT_FALSE(pending.earliest_deadline().has_value());
}

TEST(PendingRequests, TakeAllEmptiesTheTable) {
  PendingRequests pending;
  std::vector<std::uint32_t> log;
  const auto now = Clock::now();
  pending.add(entry(5, now + 1s, &log));
  pending.add(entry(4, now + 1s, &log));
  auto all = pending.take_all();
  ASSERT_EQ(all.size(), 2u);
  for (auto& e : all) e.done(CtiFailure{});
  EXPECT_EQ(log, (std::vector<std::uint32_t>{4, 5}));
  EXPECT_TRUE(pending.empty());
  EXPECT_TRUE(pending.take_expired(now + 10s).empty());
}

}  // namespace
}  // namespace fgw::cti::client
