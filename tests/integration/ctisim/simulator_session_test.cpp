// The simulator over real TCP and HTTP: sessions, an agent and a call, failover between sides.
#include <gtest/gtest.h>

#include <thread>

#include "integration/ctisim/cti_test_client.hpp"
#include "integration/ctisim/http_json_client.hpp"
#include "integration/ctisim/running_simulator.hpp"

namespace fgw::ctisim::test {
namespace {

using cti::AgentState;
using cti::FailureStatus;
namespace json = boost::json;

constexpr std::uint32_t kPeripheral = 5000;

// Opens a gateway-like session and checks OPEN_CONF and the SYSTEM_EVENT that follows it.
void open_session(CtiTestClient& client, std::uint32_t invoke_id = 1) {
  client.send(gateway_open_request(invoke_id));
  const auto conf = client.expect<cti::OpenConf>();
  EXPECT_EQ(conf.invoke_id, invoke_id);
  EXPECT_EQ(conf.services_granted, 0x10u | 0x4u | 0x2u | 0x80u);
  EXPECT_TRUE(conf.peripheral_online);
  const auto system = client.expect<cti::SystemEvent>();
  EXPECT_EQ(system.system_event_id, cti::SystemEventId::PeripheralOnline);
  EXPECT_EQ(system.system_event_arg1, kPeripheral);
}

cti::SetAgentStateReq agent_state_request(std::uint32_t invoke_id, const std::string& agent,
                                          AgentState state) {
  cti::SetAgentStateReq req;
  req.invoke_id = invoke_id;
  req.peripheral_id = kPeripheral;
  req.agent_state = state;
  req.agent_id = agent;
  req.agent_instrument = agent;  // the test directory gives each agent its id as extension
  return req;
}

void sign_in_ready(CtiTestClient& client, const std::string& agent) {
  client.send(agent_state_request(10, agent, AgentState::Login));
  EXPECT_EQ(client.expect<cti::SetAgentStateConf>().invoke_id, 10u);
  EXPECT_EQ(client.expect<cti::AgentStateEvent>().agent_state, AgentState::Login);
  EXPECT_EQ(client.expect<cti::AgentStateEvent>().agent_state, AgentState::NotReady);
  client.send(agent_state_request(11, agent, AgentState::Available));
  EXPECT_EQ(client.expect<cti::SetAgentStateConf>().invoke_id, 11u);
  EXPECT_EQ(client.expect<cti::AgentStateEvent>().agent_state, AgentState::Available);
}

std::string place_call(std::uint16_t control, const std::string& to) {
  const auto reply = http_post(
      control, "/calls",
      R"({"from":"5551000","to":")" + to +
          R"(","dnis":"2000","variables":{"callVariable1":"x","user.acct":"7"}})");
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.content_type, "application/json");
  return std::string(reply.json().as_object().at("id").as_string());
}

std::string agent_state_json(std::uint16_t control, const std::string& agent) {
  const auto agents = http_get(control, "/agents").json();
  for (const auto& entry : agents.as_array()) {
    if (entry.as_object().at("id").as_string() == agent) {
      return std::string(entry.as_object().at("state").as_string());
    }
  }
  return "absent";
}

TEST(SimulatorSession, SignInPlaceCallAnswerAndHangUp) {
  RunningSimulator sim;
  CtiTestClient client(sim.side_a());
  open_session(client);
  sign_in_ready(client, "1001");

  const std::string id = place_call(sim.control(), "6000");
  const auto begin = client.expect<cti::BeginCallEvent>();
  EXPECT_EQ(std::to_string(begin.connection_call_id), id);
  EXPECT_EQ(begin.call_variables[0], "x");
  ASSERT_EQ(begin.named_variables.size(), 1u);
  EXPECT_EQ(begin.named_variables[0].name, "user.acct");
  EXPECT_EQ(begin.dnis, "2000");
  EXPECT_EQ(client.expect<cti::AgentStateEvent>().agent_state, AgentState::Reserved);
  const auto delivered = client.expect<cti::CallDeliveredEvent>();
  EXPECT_EQ(delivered.alerting_device_id, "1001");
  EXPECT_EQ(delivered.local_connection_state, cti::LocalConnectionState::Alerting);
  EXPECT_EQ(agent_state_json(sim.control(), "1001"), "RESERVED");

  cti::AnswerCallReq answer;
  answer.invoke_id = 20;
  answer.peripheral_id = kPeripheral;
  answer.connection_call_id = delivered.call.connection_call_id;
  answer.connection_device_id_type = cti::ConnectionIdType::Static;
  answer.connection_device_id = "1001";
  client.send(answer);
  EXPECT_EQ(client.expect<cti::AnswerCallConf>().invoke_id, 20u);
  EXPECT_EQ(client.expect<cti::CallEstablishedEvent>().answering_device_id, "1001");
  EXPECT_EQ(client.expect<cti::AgentStateEvent>().agent_state, AgentState::Talking);

  const auto calls = http_get(sim.control(), "/calls").json().as_array();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].as_object().at("id").as_string(), id);
  EXPECT_EQ(calls[0].as_object().at("parties").as_array().size(), 2u);

  EXPECT_EQ(http_post(sim.control(), "/calls/" + id + "/hangup").status, 200);
  EXPECT_EQ(client.expect<cti::CallConnectionClearedEvent>().device_id, "5551000");
  EXPECT_EQ(client.expect<cti::CallConnectionClearedEvent>().device_id, "1001");
  client.expect<cti::CallClearedEvent>();
  client.expect<cti::EndCallEvent>();
  EXPECT_EQ(client.expect<cti::AgentStateEvent>().agent_state, AgentState::Available);
  EXPECT_EQ(http_post(sim.control(), "/calls/" + id + "/hangup").status, 404);
}

TEST(SimulatorSession, SideADownDropsSessionSideBServesTheSameState) {
  RunningSimulator sim;
  CtiTestClient a(sim.side_a());
  open_session(a);
  sign_in_ready(a, "1001");
  place_call(sim.control(), "6000");
  a.skip_to<cti::CallDeliveredEvent>();

  // Before the failure, side B is standby: it refuses to open a session.
  {
    CtiTestClient standby(sim.side_b());
    standby.send(gateway_open_request(3));
    const auto failure = standby.expect<cti::FailureConf>();
    EXPECT_EQ(failure.invoke_id, 3u);
    EXPECT_EQ(failure.status, FailureStatus::CtiServerOffline);
    EXPECT_TRUE(standby.closed_by_peer());
  }

  const auto down = http_post(sim.control(), "/sides/a/down");
  ASSERT_EQ(down.status, 200);
  EXPECT_EQ(down.json().as_object().at("b").as_object().at("active").as_bool(), true);
  EXPECT_TRUE(a.closed_by_peer());
  EXPECT_THROW(CtiTestClient refused(sim.side_a()), boost::system::system_error);

  CtiTestClient b(sim.side_b());
  open_session(b, 2);
  cti::QueryAgentStateReq query;
  query.invoke_id = 30;
  query.peripheral_id = kPeripheral;
  query.agent_id = "1001";
  b.send(query);
  const auto state = b.expect<cti::QueryAgentStateConf>();
  EXPECT_EQ(state.invoke_id, 30u);
  EXPECT_EQ(state.agent_state, AgentState::Reserved);  // the call still rings at 1001
  EXPECT_EQ(http_get(sim.control(), "/calls").json().as_array().size(), 1u);

  // Side A returns as standby; B stays active.
  ASSERT_EQ(http_post(sim.control(), "/sides/a/up").status, 200);
  CtiTestClient back(sim.side_a());
  back.send(gateway_open_request(4));
  EXPECT_EQ(back.expect<cti::FailureConf>().status, FailureStatus::CtiServerOffline);
}

TEST(SimulatorSession, RefusingIdleSideDoesNotListen) {
  RunningSimulator sim(std::chrono::seconds(0), IdleSideBehaviour::RefuseConnections);
  EXPECT_NE(sim.side_b(), 0);
  EXPECT_THROW(CtiTestClient refused(sim.side_b()), boost::system::system_error);
  sim.simulator().set_side_up('a', false);
  CtiTestClient b(sim.side_b());
  open_session(b);
}

TEST(SimulatorSession, SessionProtocolErrors) {
  RunningSimulator sim;
  {
    CtiTestClient client(sim.side_a());
    client.send(cti::HeartbeatReq{5});
    const auto failure = client.expect<cti::FailureConf>();
    EXPECT_EQ(failure.invoke_id, 5u);
    EXPECT_EQ(failure.status, FailureStatus::SessionNotOpen);
    open_session(client);
    client.send(gateway_open_request(6));
    EXPECT_EQ(client.expect<cti::FailureConf>().status, FailureStatus::SessionAlreadyOpen);
    client.send(cti::HeartbeatReq{7});
    EXPECT_EQ(client.expect<cti::HeartbeatConf>().invoke_id, 7u);
    client.send(cti::CloseReq{8, FailureStatus::NoError});
    EXPECT_EQ(client.expect<cti::CloseConf>().invoke_id, 8u);
    EXPECT_TRUE(client.closed_by_peer());
  }
  {
    CtiTestClient client(sim.side_a());
    auto open = gateway_open_request(9);
    open.idle_timeout = 5;
    client.send(open);
    EXPECT_EQ(client.expect<cti::FailureConf>().status, FailureStatus::InvalidTimeout);
    EXPECT_TRUE(client.closed_by_peer());
  }
  {
    CtiTestClient client(sim.side_a());
    open_session(client);
    auto login = agent_state_request(12, "1001", AgentState::Login);
    login.agent_instrument = "9999";
    client.send(login);
    const auto failure = client.expect<cti::ControlFailureConf>();
    EXPECT_EQ(failure.invoke_id, 12u);
    EXPECT_EQ(failure.failure_code, cti::ControlFailureCode::InvalidLogonDeviceSpecified);
  }
}

TEST(SimulatorSession, OlderProtocolVersionIsServedInItsOwnFraming) {
  RunningSimulator sim;
  CtiTestClient client(sim.side_a(), cti::ProtocolVersion{15});
  auto open = gateway_open_request();
  open.version_number = 15;
  client.send(open);
  EXPECT_EQ(client.expect<cti::OpenConf>().services_granted, 0x10u | 0x4u | 0x2u | 0x80u);
  client.expect<cti::SystemEvent>();
  sign_in_ready(client, "1002");
}

TEST(SimulatorSession, WrapUpTimerEndsInReady) {
  RunningSimulator sim(std::chrono::seconds(1));
  CtiTestClient client(sim.side_a());
  open_session(client);
  sign_in_ready(client, "1001");
  const std::string id = place_call(sim.control(), "1001");
  const auto delivered = client.skip_to<cti::CallDeliveredEvent>();
  cti::AnswerCallReq answer;
  answer.invoke_id = 20;
  answer.peripheral_id = kPeripheral;
  answer.connection_call_id = delivered.call.connection_call_id;
  answer.connection_device_id = "1001";
  client.send(answer);
  client.skip_to<cti::CallEstablishedEvent>();
  http_post(sim.control(), "/calls/" + id + "/hangup");
  EXPECT_EQ(client.skip_to<cti::AgentStateEvent>().agent_state, AgentState::Talking);
  EXPECT_EQ(client.skip_to<cti::AgentStateEvent>().agent_state, AgentState::WorkReady);
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(client.expect<cti::AgentStateEvent>(3s).agent_state, AgentState::Available);
  EXPECT_GE(std::chrono::steady_clock::now() - started, 800ms);
}

TEST(SimulatorControlApi, RejectsBadRequests) {
  RunningSimulator sim;
  EXPECT_EQ(http_post(sim.control(), "/calls", "not json").status, 400);
  EXPECT_EQ(http_post(sim.control(), "/calls", R"({"from":"5551000"})").status, 400);
  EXPECT_EQ(http_post(sim.control(), "/calls",
                      R"({"from":"5551000","to":"6000","variables":{"colour":"red"}})")
                .status,
            400);
  EXPECT_EQ(http_post(sim.control(), "/calls", R"({"from":"5551000","to":"4321"})").status, 404);
  EXPECT_EQ(http_post(sim.control(), "/calls", R"({"from":"5551000","to":"1001"})").status, 409);
  EXPECT_EQ(http_post(sim.control(), "/calls/abc/answer").status, 404);
  EXPECT_EQ(http_post(sim.control(), "/nothing").status, 404);
  EXPECT_EQ(http_post(sim.control(), "/sides/c/down").status, 404);
  EXPECT_EQ(http_request(sim.control(), boost::beast::http::verb::delete_, "/agents").status, 405);
  const auto error = http_post(sim.control(), "/calls", "[]");
  EXPECT_TRUE(error.json().as_object().contains("error"));
  EXPECT_EQ(agent_state_json(sim.control(), "1001"), "LOGOUT");
}

}  // namespace
}  // namespace fgw::ctisim::test
