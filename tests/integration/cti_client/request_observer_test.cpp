// The client's metrics hooks: every completed request reaches the RequestObserver with its type,
// its round trip and its failure name; stats() tells the connected side and counts events.
#include <gtest/gtest.h>

#include <mutex>

#include "tests/integration/cti_client/client_harness.hpp"

namespace fgw::test {
namespace {

struct Completed {
  cti::MessageType type;
  std::optional<std::chrono::steady_clock::duration> round_trip;
  std::string failure;  // empty: success
};

class RecordingRequestObserver : public cti::client::RequestObserver {
 public:
  void on_request_completed(const cti::client::CompletedRequest& request) override {
    std::lock_guard lock(mutex_);
    completed_.push_back({request.type, request.round_trip, request.failure ? request.failure->name : ""});
  }
  std::vector<Completed> completed() const {
    std::lock_guard lock(mutex_);
    return completed_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<Completed> completed_;
};

cti::QueryAgentStateReq query_for(const std::string& agent_id) {
  cti::QueryAgentStateReq query;
  query.agent_id = agent_id;
  return query;
}

TEST(CtiClientRequestObserver, ReportsTypeRoundTripAndFailureName) {
  FakeCtiServer side_a;
  side_a.respond_with([](const cti::Message& request) -> std::vector<cti::Message> {
    if (const auto* make_call = std::get_if<cti::MakeCallReq>(&request))
      return {cti::ControlFailureConf{make_call->invoke_id, cti::ControlFailureCode::InvalidCalledDevice, 0}};
    if (const auto* query = std::get_if<cti::QueryAgentStateReq>(&request)) {
      cti::QueryAgentStateConf conf;
      conf.invoke_id = query->invoke_id;
      return {conf};
    }
    return {};
  });
  RecordingRequestObserver recorder;
  ClientHarness harness(test_settings(side_a.endpoint()), &recorder);
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  auto query = harness.request(query_for("1001"));
  ASSERT_TRUE(outcome(query).ok());
  cti::MakeCallReq make_call;
  make_call.agent_instrument = "1001";
  make_call.dialed_number = "99999";
  auto refused = harness.request(make_call);
  ASSERT_FALSE(outcome(refused).ok());

  const auto completed = recorder.completed();
  ASSERT_EQ(completed.size(), 2u);
  EXPECT_EQ(completed[0].type, cti::MessageType::QueryAgentStateReq);
  EXPECT_TRUE(completed[0].round_trip.has_value());
  EXPECT_EQ(completed[0].failure, "");
  EXPECT_EQ(completed[1].type, cti::MessageType::MakeCallReq);
  EXPECT_TRUE(completed[1].round_trip.has_value());
  EXPECT_EQ(completed[1].failure, "CF_INVALID_CALLED_DEVICE");
}

TEST(CtiClientRequestObserver, ATimeoutHasItsRoundTripAndTheClientsName) {
  FakeCtiServer side_a;  // never answers
  auto settings = test_settings(side_a.endpoint());
  settings.request_timeout = 200ms;
  RecordingRequestObserver recorder;
  ClientHarness harness(settings, &recorder);
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));

  auto future = harness.request(query_for("1001"));
  ASSERT_FALSE(outcome(future).ok());
  const auto completed = recorder.completed();
  ASSERT_EQ(completed.size(), 1u);
  EXPECT_EQ(completed[0].failure, "CTI_REQUEST_TIMEOUT");
  ASSERT_TRUE(completed[0].round_trip.has_value());
  EXPECT_GE(*completed[0].round_trip, 200ms);
}

TEST(CtiClientRequestObserver, ARequestNeverSentHasNoRoundTrip) {
  RecordingRequestObserver recorder;
  // Nothing listens on side A: no session opens, so the request fails at once.
  ClientHarness harness(test_settings({"127.0.0.1", 1}), &recorder);
  harness.start();
  auto future = harness.request(query_for("1001"));
  const auto result = outcome(future);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.failure().name, "CTI_LINK_DOWN");
  const auto completed = recorder.completed();
  ASSERT_EQ(completed.size(), 1u);
  EXPECT_EQ(completed[0].type, cti::MessageType::QueryAgentStateReq);
  EXPECT_FALSE(completed[0].round_trip.has_value());
  EXPECT_EQ(completed[0].failure, "CTI_LINK_DOWN");
}

TEST(CtiClientRequestObserver, StatsNameTheConnectedSideAndCountEvents) {
  FakeCtiServer side_a;
  ClientHarness harness(test_settings(side_a.endpoint()));
  EXPECT_FALSE(harness.client().stats().connected_side.has_value());
  harness.start();
  ASSERT_TRUE(harness.observer().wait_for_opens(1));
  EXPECT_EQ(harness.client().stats().connected_side, cti::client::Side::A);

  cti::AgentStateEvent event;  // named: g++ 12 -O2 ICEs on Message{AgentStateEvent{}}
  side_a.send(event);
  side_a.send(event);
  EXPECT_TRUE(harness.wait_for_stats([](const auto& s) { return s.events_received == 2; }));
}

}  // namespace
}  // namespace fgw::test
