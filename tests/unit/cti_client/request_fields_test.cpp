#include "gateway/cti/client/request_fields.hpp"

#include <gtest/gtest.h>

namespace fgw::cti::client {
namespace {

// Messages are built from named values: g++ 12 hits an internal compiler error when a Message is
// copy-initialised from a MakeCallReq prvalue (constexpr evaluation of the variant constructor).
TEST(RequestFields, InvokeIdReadAndSet) {
  const MakeCallReq make_call;
  Message message = make_call;
  set_invoke_id(message, 99);
  EXPECT_EQ(invoke_id_of(message), 99u);
  EXPECT_FALSE(invoke_id_of(AgentStateEvent{}).has_value());
  EXPECT_EQ(invoke_id_of(ControlFailureConf{12, ControlFailureCode::GenericOperation, 0}), 12u);
}

TEST(RequestFields, PeripheralIdStampedWhereThereIsOne) {
  const SetAgentStateReq set_state;
  Message message = set_state;
  stamp_peripheral_id(message, 5000);
  EXPECT_EQ(std::get<SetAgentStateReq>(message).peripheral_id, 5000u);
  Message heartbeat = HeartbeatReq{};
  stamp_peripheral_id(heartbeat, 5000);  // no PeripheralID: untouched, no error
  EXPECT_EQ(heartbeat, Message(HeartbeatReq{}));
}

TEST(RequestFields, CallerRequestsAreClientControlAndQueryRequests) {
  const MakeCallReq make_call;
  EXPECT_TRUE(is_caller_request(make_call));
  EXPECT_TRUE(is_caller_request(SetAgentStateReq{}));
  EXPECT_TRUE(is_caller_request(SnapshotCallReq{}));
  EXPECT_FALSE(is_caller_request(OpenReq{}));
  EXPECT_FALSE(is_caller_request(HeartbeatReq{}));
  EXPECT_FALSE(is_caller_request(CloseReq{}));
  EXPECT_FALSE(is_caller_request(MakeCallConf{}));
  EXPECT_FALSE(is_caller_request(AgentStateEvent{}));
  EXPECT_FALSE(is_caller_request(UnknownMessage{999, {}}));
}

}  // namespace
}  // namespace fgw::cti::client
