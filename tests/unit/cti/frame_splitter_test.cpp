// FrameSplitter: the same frames however the stream is cut, and a sticky error on a bad length.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "gateway/cti/codec.hpp"
#include "gateway/cti/framing.hpp"

namespace fgw::cti {
namespace {

using Bytes8 = std::vector<std::uint8_t>;
using Frames = std::vector<Bytes8>;

Frames sample_frames() {
  CallDeliveredEvent delivered;
  delivered.connection_device_id = "1001";
  delivered.ani = "5551000";
  delivered.named_variables = {{"user.acct", "7"}};
  AgentStateEvent state;
  state.agent_id = "1001";
  const auto v = kDefaultProtocolVersion;
  return {encode(HeartbeatReq{1}, v), encode(delivered, v), encode(state, v),
          encode(UnknownMessage{999, {}}, v), encode(CloseConf{2}, v)};
}

Bytes8 joined(const Frames& frames) {
  Bytes8 stream;
  for (const auto& f : frames) stream.insert(stream.end(), f.begin(), f.end());
  return stream;
}

void drain(FrameSplitter& splitter, Frames& out) {
  for (;;) {
    auto next = splitter.next();
    ASSERT_TRUE(next.ok()) << next.error().detail;
    if (!next->has_value()) return;
    out.push_back(std::move(**next));
  }
}

TEST(CtiFrameSplitter, WholeStreamAtOnce) {
  const auto frames = sample_frames();
  FrameSplitter splitter;
  splitter.feed(joined(frames));
  Frames got;
  drain(splitter, got);
  EXPECT_EQ(got, frames);
  EXPECT_EQ(splitter.buffered_bytes(), 0u);
}

TEST(CtiFrameSplitter, ByteByByte) {
  const auto frames = sample_frames();
  const auto stream = joined(frames);
  FrameSplitter splitter;
  Frames got;
  for (std::uint8_t byte : stream) {
    splitter.feed(std::span<const std::uint8_t>(&byte, 1));
    drain(splitter, got);
  }
  EXPECT_EQ(got, frames);
}

TEST(CtiFrameSplitter, RandomChunkSizes) {
  const auto frames = sample_frames();
  Bytes8 stream;
  for (int repeat = 0; repeat < 20; ++repeat) {
    const auto once = joined(frames);
    stream.insert(stream.end(), once.begin(), once.end());
  }
  std::mt19937 random(12345);
  for (int trial = 0; trial < 50; ++trial) {
    FrameSplitter splitter;
    Frames got;
    std::size_t offset = 0;
    while (offset < stream.size()) {
      const std::size_t chunk = std::uniform_int_distribution<std::size_t>(1, 97)(random);
      const std::size_t size = std::min(chunk, stream.size() - offset);
      splitter.feed(std::span<const std::uint8_t>(stream.data() + offset, size));
      offset += size;
      drain(splitter, got);
    }
    ASSERT_EQ(got.size(), frames.size() * 20);
    for (std::size_t i = 0; i < got.size(); ++i) ASSERT_EQ(got[i], frames[i % frames.size()]);
  }
}

TEST(CtiFrameSplitter, PartialFrameWaitsForMoreBytes) {
  const auto frame = encode(HeartbeatReq{1}, kDefaultProtocolVersion);
  FrameSplitter splitter;
  splitter.feed(std::span<const std::uint8_t>(frame).first(frame.size() - 1));
  auto next = splitter.next();
  ASSERT_TRUE(next.ok());
  EXPECT_FALSE(next->has_value());
}

TEST(CtiFrameSplitter, OverlongMessageLengthIsAStickyError) {
  const Bytes8 bad{0x00, 0x00, 0x30, 0xD5, 0, 0, 0, 5};  // MessageLength 12501 > 12492
  FrameSplitter splitter;
  splitter.feed(bad);
  auto first = splitter.next();
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(first.error().code, DecodeErrorCode::MessageTooLong);
  splitter.feed(encode(HeartbeatReq{1}, kDefaultProtocolVersion));
  EXPECT_FALSE(splitter.next().ok());
}

TEST(CtiFrameSplitter, LargestLegalFrameIsAccepted) {
  Bytes8 frame{0x00, 0x00, 0x30, 0xCC, 0, 0, 0x03, 0xE7};  // MessageLength 12492, type 999
  frame.resize(kMaxFrameBytes, 0);
  FrameSplitter splitter;
  splitter.feed(frame);
  auto next = splitter.next();
  ASSERT_TRUE(next.ok());
  ASSERT_TRUE(next->has_value());
  EXPECT_EQ((*next)->size(), kMaxFrameBytes);
}

}  // namespace
}  // namespace fgw::cti
