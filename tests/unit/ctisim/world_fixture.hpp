#pragma once
// A World over a small directory, and helpers that send requests and name the resulting messages.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/directory.hpp"
#include "gateway/cti/message.hpp"
#include "tools/ctisim/world.hpp"

namespace fgw::ctisim::test {

using cti::AgentState;
using cti::MessageType;

inline constexpr std::uint32_t kPeripheral = 5000;

inline const char* kDirectoryToml = R"(
[[team]]
id = "1"
name = "Sales"

[[team]]
id = "2"
name = "Support"

[[route_point]]
dn = "6000"

[[user]]
id = "1001"
login_name = "alice"
password = "alicepw"
extension = "1001"
roles = ["Agent"]
team = "1"

[[user]]
id = "1002"
login_name = "bob"
password = "bobpw"
extension = "1002"
roles = ["Agent"]
team = "1"

[[user]]
id = "1003"
login_name = "carol"
password = "carolpw"
extension = "1003"
roles = ["Agent"]
team = "2"

[[user]]
id = "2001"
login_name = "sam"
password = "sampw"
extension = "2001"
roles = ["Agent", "Supervisor"]
team = "1"
supervises = ["1"]
)";

inline std::vector<MessageType> types(const std::vector<cti::Message>& messages) {
  std::vector<MessageType> result;
  for (const auto& m : messages) result.push_back(static_cast<MessageType>(cti::message_type_number(m)));
  return result;
}

// The agent states reported, in order, by the AGENT_STATE_EVENTs among `messages`.
inline std::vector<AgentState> agent_states(const std::vector<cti::Message>& messages,
                                            const std::string& agent_id) {
  std::vector<AgentState> states;
  for (const auto& m : messages) {
    if (const auto* e = std::get_if<cti::AgentStateEvent>(&m); e && e->agent_id == agent_id) {
      states.push_back(e->agent_state);
    }
  }
  return states;
}

template <class T>
const T& only(const std::vector<cti::Message>& messages) {
  const T* found = nullptr;
  for (const auto& m : messages) {
    if (const auto* t = std::get_if<T>(&m)) {
      EXPECT_EQ(found, nullptr) << "more than one of this message";
      found = t;
    }
  }
  if (!found) throw std::runtime_error("message not found");
  return *found;
}

class WorldTest : public ::testing::Test {
 protected:
  explicit WorldTest(std::chrono::seconds wrap_up = std::chrono::seconds(30), bool wrap_up_keeps_call = false)
      : directory_(config::Directory::parse(kDirectoryToml, "test", config::HashCost::Minimal)),
        world_(directory_, WorldOptions{kPeripheral, wrap_up, false, wrap_up_keeps_call}) {}

  RequestContext context() const { return {"gateway", 0x10 | 0x4 | 0x2 | 0x80}; }

  Outcome request(cti::Message message) { return world_.handle_request(message, context()); }

  Outcome set_state(const std::string& agent, AgentState state, std::uint16_t reason = 0,
                    std::optional<std::string> instrument = std::nullopt) {
    cti::SetAgentStateReq req;
    req.invoke_id = ++invoke_;
    req.peripheral_id = kPeripheral;
    req.agent_state = state;
    req.agent_id = agent;
    req.event_reason_code = reason;
    req.agent_instrument = instrument;
    return request(req);
  }

  void login(const std::string& agent, const std::string& extension) {
    auto out = set_state(agent, AgentState::Login, 0, extension);
    ASSERT_TRUE(out.reply && std::holds_alternative<cti::SetAgentStateConf>(*out.reply));
  }

  void ready(const std::string& agent) {
    auto out = set_state(agent, AgentState::Available);
    ASSERT_TRUE(out.reply && std::holds_alternative<cti::SetAgentStateConf>(*out.reply));
  }

  std::uint32_t place(const std::string& to, const std::string& from = "5551000") {
    InboundCall call;
    call.from = from;
    call.to = to;
    call.call_variables[0] = "v1";
    call.named_variables.push_back({"user.acct", "7"});
    last_ = world_.place_call(call);
    EXPECT_EQ(last_.error, ControlError::None) << last_.message;
    return last_.call_id;
  }

  template <class Request>
  Request call_request(std::uint32_t call_id, const std::string& device) {
    Request req;
    req.invoke_id = ++invoke_;
    req.peripheral_id = kPeripheral;
    req.connection_call_id = call_id;
    req.connection_device_id_type = cti::ConnectionIdType::Static;
    req.connection_device_id = device;
    req.agent_instrument = device;
    return req;
  }

  Outcome answer(std::uint32_t call_id, const std::string& device) {
    return request(call_request<cti::AnswerCallReq>(call_id, device));
  }

  Outcome drop(std::uint32_t call_id, const std::string& device) {
    return request(call_request<cti::ClearConnectionReq>(call_id, device));
  }

  AgentState state_of(const std::string& agent) const { return world_.agents().at(agent).reported; }

  config::Directory directory_;
  World world_;
  ControlResult last_;
  std::uint32_t invoke_ = 0;
};

template <class Reply>
::testing::AssertionResult replied(const Outcome& out) {
  if (!out.reply) return ::testing::AssertionFailure() << "no reply";
  if (!std::holds_alternative<Reply>(*out.reply)) {
    return ::testing::AssertionFailure()
           << "reply is message type " << cti::message_type_number(*out.reply);
  }
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult control_failed(const Outcome& out, cti::ControlFailureCode code) {
  if (!out.reply) return ::testing::AssertionFailure() << "no reply";
  const auto* failure = std::get_if<cti::ControlFailureConf>(&*out.reply);
  if (!failure) {
    return ::testing::AssertionFailure()
           << "reply is message type " << cti::message_type_number(*out.reply);
  }
  if (failure->failure_code != code) {
    return ::testing::AssertionFailure() << "CF code " << static_cast<int>(failure->failure_code);
  }
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult failed(const Outcome& out, cti::FailureStatus status) {
  if (!out.reply) return ::testing::AssertionFailure() << "no reply";
  const auto* failure = std::get_if<cti::FailureConf>(&*out.reply);
  if (!failure) {
    return ::testing::AssertionFailure()
           << "reply is message type " << cti::message_type_number(*out.reply);
  }
  if (failure->status != status) {
    return ::testing::AssertionFailure() << "status " << static_cast<int>(failure->status);
  }
  return ::testing::AssertionSuccess();
}

}  // namespace fgw::ctisim::test
