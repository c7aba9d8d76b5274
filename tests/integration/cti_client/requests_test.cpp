// Requests: InvokeID correlation, negative confirmations, timeouts, link loss, stop.
#include <gtest/gtest.h>

#include <set>

#include "tests/integration/cti_client/client_harness.hpp"

namespace fgw::test {
namespace {

using cti::client::FailureSource;

cti::QueryAgentStateReq query_for(const std::string& agent_id) {
  cti::QueryAgentStateReq query;
  query.agent_id = agent_id;
  return query;
}

cti::MakeCallReq make_call_to(const std::string& number) {
  cti::MakeCallReq request;
  request.agent_instrument = "1001";
  request.dialed_number = number;
  return request;
}

TEST(CtiClientRequests, OutOfOrderConfirmationsReachTheirOwnRequests) {
  FakeCtiServer side_a;  // no responder: the test answers by hand
  ClientHarness harness(test_settings(side_a.endpoint()));
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  const std::vector<std::string> agents{"1001", "1002", "1003"};
  std::vector<std::future<cti::client::RequestResult>> futures;
  for (const auto& agent : agents) futures.push_back(harness.request(query_for(agent)));

  const auto queries = side_a.wait_for<cti::QueryAgentStateReq>(3);
  ASSERT_EQ(queries.size(), 3u);
  std::set<std::uint32_t> invoke_ids;
  for (const auto& query : queries) {
    invoke_ids.insert(query.invoke_id);
    EXPECT_EQ(query.peripheral_id, static_cast<std::uint32_t>(kTestPeripheralId));  // DECISIONS.md 16
  }
  EXPECT_EQ(invoke_ids.size(), 3u);

  for (auto it = queries.rbegin(); it != queries.rend(); ++it) {
    cti::QueryAgentStateConf conf;
    conf.invoke_id = it->invoke_id;
    conf.agent_id = it->agent_id;
    side_a.send(conf);
  }
  for (std::size_t i = 0; i < agents.size(); ++i) {
    const auto result = outcome(futures[i]);
    ASSERT_TRUE(result.ok()) << result.failure().name;
    const auto* conf = std::get_if<cti::QueryAgentStateConf>(&result.message());
    ASSERT_NE(conf, nullptr);
    EXPECT_EQ(conf->agent_id, agents[i]);
  }
  EXPECT_EQ(harness.client().stats().requests_sent, 3u);
  EXPECT_EQ(harness.client().stats().request_failures, 0u);
}

TEST(CtiClientRequests, ControlFailureConfBecomesNamedCfFailure) {
  FakeCtiServer side_a;
  side_a.respond_with([](const cti::Message& request) -> std::vector<cti::Message> {
    const auto* make_call = std::get_if<cti::MakeCallReq>(&request);
    if (!make_call) return {};
    return {cti::ControlFailureConf{make_call->invoke_id, cti::ControlFailureCode::InvalidCalledDevice, 42}};
  });
  ClientHarness harness(test_settings(side_a.endpoint()));
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  auto future = harness.request(make_call_to("99999"));
  const auto result = outcome(future);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.failure().name, "CF_INVALID_CALLED_DEVICE");
  EXPECT_EQ(result.failure().code, 6u);
  EXPECT_EQ(result.failure().source, FailureSource::ControlFailure);
  EXPECT_EQ(result.failure().peripheral_error_code, 42u);
  EXPECT_FALSE(result.failure().timed_out);
  EXPECT_TRUE(harness.client().in_service());  // a refused request is not a dead side
}

TEST(CtiClientRequests, FailureConfBecomesNamedECtiFailure) {
  FakeCtiServer side_a;
  side_a.respond_with([](const cti::Message& request) -> std::vector<cti::Message> {
    const auto* query = std::get_if<cti::QueryAgentStateReq>(&request);
    if (!query) return {};
    return {cti::FailureConf{query->invoke_id, cti::FailureStatus::AgentNotLoggedOn, std::nullopt}};
  });
  ClientHarness harness(test_settings(side_a.endpoint()));
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  auto future = harness.request(query_for("1001"));
  const auto result = outcome(future);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.failure().name, "E_CTI_AGENT_NOT_LOGGED_ON");
  EXPECT_EQ(result.failure().code, 9u);
  EXPECT_EQ(result.failure().source, FailureSource::ServerStatus);
  EXPECT_TRUE(harness.client().in_service());
}

TEST(CtiClientRequests, UnansweredRequestTimesOut) {
  FakeCtiServer side_a;
  auto settings = test_settings(side_a.endpoint());
  settings.request_timeout = 250ms;
  ClientHarness harness(settings);
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  const auto sent_at = Clock::now();
  auto future = harness.request(query_for("1001"));
  const auto result = outcome(future);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.failure().timed_out);
  EXPECT_EQ(result.failure().name, "CTI_REQUEST_TIMEOUT");
  EXPECT_GE(Clock::now() - sent_at, 250ms);
  const auto stats = harness.client().stats();
  EXPECT_EQ(stats.request_timeouts, 1u);
  EXPECT_EQ(stats.request_failures, 1u);
  EXPECT_TRUE(harness.client().in_service());  // heartbeats still answered: the side is alive

  // A confirmation arriving after the timeout is dropped, not reported as an event.
  const auto queries = side_a.received_of<cti::QueryAgentStateReq>();
  ASSERT_EQ(queries.size(), 1u);
  cti::QueryAgentStateConf late;
  late.invoke_id = queries[0].invoke_id;
  side_a.send(late);
  cti::AgentStateEvent marker;
  side_a.send(marker);
  ASSERT_TRUE(harness.observer().wait_until([](const Observed& o) { return !o.events.empty(); }));
  const auto events = harness.observer().snapshot().events;
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<cti::AgentStateEvent>(events[0]));
}

TEST(CtiClientRequests, PendingRequestsFailWhenTheLinkIsLost) {
  FakeCtiServer side_a;
  auto settings = test_settings(side_a.endpoint());
  settings.request_timeout = 30s;  // so a failure here cannot be the timeout
  ClientHarness harness(settings);
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  auto first = harness.request(query_for("1001"));
  auto second = harness.request(make_call_to("5551000"));
  ASSERT_EQ(side_a.wait_for<cti::MakeCallReq>().size(), 1u);
  side_a.drop_connections();

  for (auto* future : {&first, &second}) {
    const auto result = outcome(*future);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.failure().name, "CTI_LINK_LOST");
    EXPECT_FALSE(result.failure().timed_out);
  }
  ASSERT_TRUE(harness.observer().wait_until([](const Observed& o) { return !o.losses.empty(); }));
}

TEST(CtiClientRequests, SessionMessagesAreNotCallerRequests) {
  FakeCtiServer side_a;
  ClientHarness harness(test_settings(side_a.endpoint()));
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  auto heartbeat = harness.request(cti::HeartbeatReq{});
  auto event = harness.request(cti::AgentStateEvent{});
  for (auto* future : {&heartbeat, &event}) {
    const auto result = outcome(*future);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.failure().name, "CTI_NOT_A_CLIENT_REQUEST");
  }
  EXPECT_TRUE(side_a.received_of<cti::AgentStateEvent>().empty());
}

TEST(CtiClientRequests, StopClosesTheSessionAndFailsPendingRequests) {
  FakeCtiServer side_a;
  auto settings = test_settings(side_a.endpoint());
  settings.request_timeout = 30s;
  ClientHarness harness(settings);
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  auto pending = harness.request(query_for("1001"));
  ASSERT_EQ(side_a.wait_for<cti::QueryAgentStateReq>().size(), 1u);
  harness.client().stop();

  const auto result = outcome(pending);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.failure().name, "CTI_CLIENT_STOPPED");
  const auto closes = side_a.wait_for<cti::CloseReq>();
  ASSERT_EQ(closes.size(), 1u);
  EXPECT_EQ(closes[0].status, cti::FailureStatus::NoError);
  EXPECT_FALSE(harness.client().in_service());
  EXPECT_TRUE(harness.observer().snapshot().losses.empty());  // a stop is not a lost session

  auto after = harness.request(query_for("1001"));
  EXPECT_EQ(outcome(after).failure().name, "CTI_CLIENT_STOPPED");
}

}  // namespace
}  // namespace fgw::test
