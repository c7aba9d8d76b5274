// Every typed message, every field populated, survives encode then decode at each protocol version
// whose layout differs (v19 1-byte tags; v20 DepartmentID; v24 SessionType; v25 RequestingDeviceIDType).
#include <gtest/gtest.h>

#include <utility>
#include <variant>

#include "gateway/cti/codec.hpp"
#include "gateway/cti/framing.hpp"
#include "tests/unit/cti/message_filler.hpp"

namespace fgw::cti {
namespace {

constexpr ProtocolVersion kVersions[] = {{19}, {20}, {24}, {25}};

template <class T>
void expect_round_trip(ProtocolVersion version) {
  const Message original = test::filled<T>(version);
  // Named values, not Message{T{}}: g++ 12 at -O2 crashes (ICE) folding that temporary.
  const T defaults{};
  const Message default_message{defaults};
  ASSERT_FALSE(original == default_message) << "filler left the message at its defaults";
  const auto frame = encode(original, version);
  EXPECT_LE(frame.size(), kMaxFrameBytes);
  auto decoded = decode(frame, version);
  ASSERT_TRUE(decoded.ok()) << name(static_cast<MessageType>(message_type_number(original))) << " v"
                            << version.number << ": " << decoded.error().detail;
  EXPECT_TRUE(*decoded == original) << name(T::kType) << " v" << version.number;
  EXPECT_EQ(encode(*decoded, version), frame);
}

template <std::size_t... I>
void round_trip_all(ProtocolVersion version, std::index_sequence<I...>) {
  (expect_round_trip<std::variant_alternative_t<I, Message>>(version), ...);
}

TEST(CtiRoundTrip, EveryMessageTypeEveryFieldEveryLayoutVersion) {
  for (auto version : kVersions) {
    round_trip_all(version, std::make_index_sequence<std::variant_size_v<Message> - 1>{});
  }
}

template <std::size_t... I>
void expect_names(std::index_sequence<I...>) {
  const MessageType types[] = {std::variant_alternative_t<I, Message>::kType...};
  for (auto type : types) {
    EXPECT_FALSE(name(type).empty()) << static_cast<unsigned>(type);
  }
}

TEST(CtiRoundTrip, EveryTypedMessageHasAName) {
  expect_names(std::make_index_sequence<std::variant_size_v<Message> - 1>{});
}

TEST(CtiRoundTrip, OverlongStringsAreCutToTheirMaximumOnEncode) {
  SetAgentStateReq request;
  request.agent_id = "1234567890123456";  // AgentID max 12 including the NUL
  auto decoded = decode(encode(request, kDefaultProtocolVersion), kDefaultProtocolVersion);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(std::get<SetAgentStateReq>(*decoded).agent_id, "12345678901");
}

TEST(CtiRoundTrip, FailureConfAlternateLayoutRoundTrips) {
  const Message original = FailureConf{1, FailureStatus::InvalidVersion, 77};
  auto decoded = decode(encode(original, kDefaultProtocolVersion), kDefaultProtocolVersion);
  ASSERT_TRUE(decoded.ok());
  EXPECT_TRUE(*decoded == original);
}

}  // namespace
}  // namespace fgw::cti
