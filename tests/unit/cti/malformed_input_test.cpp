// Malformed frames: each is a decode error with the expected code, never a crash or a wrong message.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "gateway/cti/codec.hpp"
#include "gateway/cti/framing.hpp"

namespace fgw::cti {
namespace {

using Bytes8 = std::vector<std::uint8_t>;

struct MalformedCase {
  std::string what;
  Bytes8 frame;
  DecodeErrorCode expected;
  ProtocolVersion version = ProtocolVersion{24};
};

// Builds a v20+ floating field by hand: tag USHORT, length USHORT, data.
Bytes8 field(std::uint16_t tag, const Bytes8& data) {
  Bytes8 out{static_cast<std::uint8_t>(tag >> 8), static_cast<std::uint8_t>(tag),
             static_cast<std::uint8_t>(data.size() >> 8), static_cast<std::uint8_t>(data.size())};
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

// A frame with a correct header around `body`.
Bytes8 frame(std::uint32_t type, const Bytes8& body) {
  const auto length = static_cast<std::uint32_t>(body.size());
  Bytes8 out{static_cast<std::uint8_t>(length >> 24), static_cast<std::uint8_t>(length >> 16),
             static_cast<std::uint8_t>(length >> 8),  static_cast<std::uint8_t>(length),
             static_cast<std::uint8_t>(type >> 24),   static_cast<std::uint8_t>(type >> 16),
             static_cast<std::uint8_t>(type >> 8),    static_cast<std::uint8_t>(type)};
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

Bytes8 concat(std::initializer_list<Bytes8> parts) {
  Bytes8 out;
  for (const auto& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

Bytes8 text_bytes(const std::string& text, bool with_nul = true) {
  Bytes8 out(text.begin(), text.end());
  if (with_nul) out.push_back(0);
  return out;
}

// The 14-byte fixed part of SNAPSHOT_CALL_REQ 82 / RELEASE-like requests: InvokeID, PeripheralID,
// ConnectionCallID, ConnectionDeviceIDType.
const Bytes8 kSnapshotCallFixed{0, 0, 0, 1, 0, 0, 0x13, 0x88, 1, 2, 3, 4, 0, 1};
constexpr std::uint32_t kSnapshotCallReq = 82;
// BEGIN_CALL_EVENT 23 fixed part (26 bytes) with NumNamedVariables = `named`, NumNamedArrays = `arrays`.
Bytes8 begin_call_fixed(std::uint8_t named, std::uint8_t arrays = 0) {
  return {0, 0, 0, 0, 0, 0, 0x13, 0x88, 0, 17, 0, 0, 0, named, 0, arrays, 0, 1, 0, 1, 1, 2, 3, 4, 0, 0};
}

std::vector<MalformedCase> cases() {
  return {
      {"empty frame", {}, DecodeErrorCode::TruncatedHeader},
      {"truncated header", {0, 0, 0, 4, 0, 0}, DecodeErrorCode::TruncatedHeader},
      {"MessageLength beyond the maximum",
       {0x00, 0x00, 0x30, 0xD5, 0, 0, 0, 5}, DecodeErrorCode::MessageTooLong},  // 12501
      {"MessageLength larger than the bytes present", {0, 0, 0, 4, 0, 0, 0, 5, 0, 0},
       DecodeErrorCode::FrameSizeMismatch},
      {"zero-length body of a message with a fixed part", frame(5, {}),
       DecodeErrorCode::TruncatedFixedPart},
      {"truncated fixed part", frame(7, {0, 0, 0, 1, 0, 0}), DecodeErrorCode::TruncatedFixedPart},
      {"truncated fixed part of a long message", frame(30, Bytes8(40, 0)),
       DecodeErrorCode::TruncatedFixedPart},
      {"floating field header cut short", frame(kSnapshotCallReq, concat({kSnapshotCallFixed, {0, 25, 0}})),
       DecodeErrorCode::TruncatedFloatingField},
      {"floating field length beyond the frame",
       frame(kSnapshotCallReq, concat({kSnapshotCallFixed, {0, 25, 0, 9, '1', '0', 0}})),
       DecodeErrorCode::TruncatedFloatingField},
      {"string without NUL",
       frame(kSnapshotCallReq, concat({kSnapshotCallFixed, field(25, text_bytes("1001", false))})),
       DecodeErrorCode::MissingTerminator},
      {"empty string field (no room for the NUL)",
       frame(kSnapshotCallReq, concat({kSnapshotCallFixed, field(25, {})})),
       DecodeErrorCode::MissingTerminator},
      {"string over its max (ConnectionDeviceID 64)",
       frame(kSnapshotCallReq, concat({kSnapshotCallFixed, field(25, text_bytes(std::string(64, '9')))})),
       DecodeErrorCode::FieldTooLong},
      {"single-valued field sent twice",
       frame(kSnapshotCallReq, concat({kSnapshotCallFixed, field(25, text_bytes("1")), field(25, text_bytes("2"))})),
       DecodeErrorCode::DuplicateField},
      {"numeric field of the wrong length (TrunkNumber UINT in 2 bytes)",
       frame(34, concat({Bytes8(28, 0), field(121, {0, 1})})), DecodeErrorCode::BadFieldLength},
      {"NAMEDVAR value over its max (211)",
       frame(23, concat({begin_call_fixed(1), field(82, concat({text_bytes("user.a"), text_bytes(std::string(211, 'v'))}))})),
       DecodeErrorCode::FieldTooLong},
      {"NAMEDVAR name over its max (33)",
       frame(23, concat({begin_call_fixed(1), field(82, concat({text_bytes(std::string(33, 'n')), text_bytes("1")}))})),
       DecodeErrorCode::FieldTooLong},
      {"NAMEDVAR without the value's NUL",
       frame(23, concat({begin_call_fixed(1), field(82, concat({text_bytes("user.a"), text_bytes("1", false)}))})),
       DecodeErrorCode::MissingTerminator},
      {"NamedArray with no room for its index", frame(23, concat({begin_call_fixed(0, 1), field(83, {})})),
       DecodeErrorCode::TruncatedFloatingField},
      {"NamedArray name over its max (33)",
       frame(23, concat({begin_call_fixed(0, 1), field(83, concat({{4}, text_bytes(std::string(40, 'n')), text_bytes("1")}))})),
       DecodeErrorCode::FieldTooLong},
      {"count bigger than the fields present (NumNamedVariables 2, one sent)",
       frame(23, concat({begin_call_fixed(2), field(82, concat({text_bytes("user.a"), text_bytes("1")}))})),
       DecodeErrorCode::CountMismatch},
      {"count smaller than the fields present (NumNamedVariables 0, one sent)",
       frame(23, concat({begin_call_fixed(0), field(82, concat({text_bytes("user.a"), text_bytes("1")}))})),
       DecodeErrorCode::CountMismatch},
      {"count no frame could hold (NumCalls 65535)", frame(85, {0, 0, 0, 1, 0xFF, 0xFF}),
       DecodeErrorCode::CountMismatch},
      {"count with no items (SNAPSHOT_DEVICE_CONF NumCalls 1)", frame(85, {0, 0, 0, 1, 0, 1}),
       DecodeErrorCode::CountMismatch},
      {"v19 floating field length beyond the frame",
       frame(kSnapshotCallReq, concat({kSnapshotCallFixed, {25, 200, '1', 0}})),
       DecodeErrorCode::TruncatedFloatingField, ProtocolVersion{19}},
  };
}

TEST(CtiMalformed, EachCaseIsADecodeErrorWithItsCode) {
  for (const auto& c : cases()) {
    auto result = decode(c.frame, c.version);
    ASSERT_FALSE(result.ok()) << c.what;
    EXPECT_EQ(result.error().code, c.expected)
        << c.what << ": got " << name(result.error().code) << " (" << result.error().detail << ")";
  }
}

TEST(CtiMalformed, EveryPrefixOfAValidFrameIsRejectedNotMisread) {
  SnapshotCallConf conf;
  conf.invoke_id = 3;
  conf.ani = "5551000";
  conf.named_variables = {{"user.a", "1"}};
  conf.devices = {SnapshotCallDevice{1, ConnectionIdType::Dynamic, "1001", DeviceIdType::DeviceIdentifier,
                                     "1001", LocalConnectionState::Connect}};
  const auto full = encode(conf, kDefaultProtocolVersion);
  for (std::size_t size = 0; size < full.size(); ++size) {
    Bytes8 prefix(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(size));
    EXPECT_FALSE(decode(prefix, kDefaultProtocolVersion).ok()) << "prefix of " << size << " bytes";
  }
}

TEST(CtiMalformed, GroupItemMayOmitNonLeadMembers) {
  // A SNAPSHOT_DEVICE_CONF call with only its lead field: the others take their defaults.
  auto result = decode(frame(85, concat({{0, 0, 0, 1, 0, 1}, field(56, {0, 0, 0, 9})})), kDefaultProtocolVersion);
  ASSERT_TRUE(result.ok()) << result.error().detail;
  const auto& conf = std::get<SnapshotDeviceConf>(*result);
  ASSERT_EQ(conf.calls.size(), 1u);
  EXPECT_EQ(conf.calls[0].connection_call_id, 9u);
  EXPECT_EQ(conf.calls[0].connection_device_id, "");
}

TEST(CtiMalformed, TextAfterAnEmbeddedNulIsDropped) {
  auto result = decode(
      frame(kSnapshotCallReq, concat({kSnapshotCallFixed, field(25, {'1', 0, '2', 0})})), kDefaultProtocolVersion);
  ASSERT_TRUE(result.ok()) << result.error().detail;
  EXPECT_EQ(std::get<SnapshotCallReq>(*result).connection_device_id, "1");
}

}  // namespace
}  // namespace fgw::cti
