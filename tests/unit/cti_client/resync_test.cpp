#include "gateway/cti/client/resync.hpp"

#include <gtest/gtest.h>

#include <deque>

namespace fgw::cti::client {
namespace {

// Records the requests and lets the test answer them one at a time, in order.
class ScriptedServer {
 public:
  Resync::SendRequest sender() {
    return [this](Message request, std::function<void(RequestResult)> done) {
      requests.push_back(request);
      waiting.push_back(std::move(done));
    };
  }
  void answer(RequestResult result) {
    ASSERT_FALSE(waiting.empty());
    auto done = std::move(waiting.front());
    waiting.pop_front();
    done(std::move(result));
  }
  std::vector<Message> requests;
  std::deque<std::function<void(RequestResult)>> waiting;
};

QueryAgentStateConf agent_state(AgentState state) {
  QueryAgentStateConf conf;
  conf.agent_state = state;
  return conf;
}

SnapshotDeviceConf device_with_calls(std::vector<std::uint32_t> call_ids) {
  SnapshotDeviceConf conf;
  for (auto id : call_ids) conf.calls.push_back({id, ConnectionIdType::Dynamic, "1001", LocalConnectionState::Connect, 0});
  return conf;
}

TEST(Resync, QueriesStateThenDeviceThenEachCall) {
  ScriptedServer server;
  std::vector<ResyncResult> results;
  Resync::run({{"1001", "1001"}}, server.sender(), [&](const ResyncResult& r) { results.push_back(r); });

  server.answer(Message(agent_state(AgentState::Talking)));
  server.answer(Message(device_with_calls({5, 6})));
  server.answer(Message(SnapshotCallConf{}));
  server.answer(Message(SnapshotCallConf{}));

  ASSERT_EQ(server.requests.size(), 4u);
  EXPECT_EQ(std::get<QueryAgentStateReq>(server.requests[0]).agent_id, "1001");
  EXPECT_EQ(std::get<SnapshotDeviceReq>(server.requests[1]).agent_instrument, "1001");
  EXPECT_EQ(std::get<SnapshotCallReq>(server.requests[2]).connection_call_id, 5u);
  EXPECT_EQ(std::get<SnapshotCallReq>(server.requests[3]).connection_call_id, 6u);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].calls.size(), 2u);
  for (const auto& request : server.requests) EXPECT_FALSE(std::holds_alternative<SetAgentStateReq>(request));
}

TEST(Resync, AgentWithoutExtensionGetsNoDeviceSnapshot) {
  ScriptedServer server;
  std::vector<ResyncResult> results;
  Resync::run({{"1001", ""}, {"1002", "1002"}}, server.sender(), [&](const ResyncResult& r) { results.push_back(r); });
  server.answer(Message(agent_state(AgentState::NotReady)));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(results[0].device.has_value());
  ASSERT_EQ(server.requests.size(), 2u);
  EXPECT_EQ(std::get<QueryAgentStateReq>(server.requests[1]).agent_id, "1002");
}

TEST(Resync, RefusedCallSnapshotIsSkippedWithoutFailingTheAgent) {
  ScriptedServer server;
  std::vector<ResyncResult> results;
  Resync::run({{"1001", "1001"}}, server.sender(), [&](const ResyncResult& r) { results.push_back(r); });
  server.answer(Message(agent_state(AgentState::Talking)));
  server.answer(Message(device_with_calls({5, 6})));
  server.answer(failure_from(ControlFailureConf{0, ControlFailureCode::InvalidCstaCallIdentifier, 0}));
  server.answer(Message(SnapshotCallConf{}));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].calls.size(), 1u);
  EXPECT_FALSE(results[0].failure.has_value());
}

TEST(Resync, LinkLossEndsTheRunWithoutDelivering) {
  ScriptedServer server;
  std::vector<ResyncResult> results;
  Resync::run({{"1001", "1001"}, {"1002", "1002"}}, server.sender(), [&](const ResyncResult& r) { results.push_back(r); });
  server.answer(Message(agent_state(AgentState::Talking)));
  server.answer(client_failure(ClientFailure::LinkLost));
  EXPECT_TRUE(results.empty());
  EXPECT_EQ(server.requests.size(), 2u);  // nothing was sent for 1002
  EXPECT_TRUE(server.waiting.empty());
}

TEST(Resync, TimeoutIsReportedAsTheAgentsFailure) {
  ScriptedServer server;
  std::vector<ResyncResult> results;
  Resync::run({{"1001", "1001"}}, server.sender(), [&](const ResyncResult& r) { results.push_back(r); });
  server.answer(client_failure(ClientFailure::RequestTimeout));
  ASSERT_EQ(results.size(), 1u);
  ASSERT_TRUE(results[0].failure.has_value());
  EXPECT_TRUE(results[0].failure->timed_out);
  EXPECT_FALSE(results[0].agent_state.has_value());
}

}  // namespace
}  // namespace fgw::cti::client
