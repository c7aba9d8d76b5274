#pragma once
// GED-188 framing (GED-188.md 1.2): an 8-byte header, MessageLength UINT (body bytes only, header
// excluded) then MessageType UINT, then MessageLength body bytes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "gateway/cti/result.hpp"

namespace fgw::cti {

inline constexpr std::size_t kHeaderBytes = 8;
// Largest message including its header (v24 guide [S2], one source). A longer MessageLength means the
// stream is corrupt or hostile: the connection is closed rather than resynchronised.
inline constexpr std::size_t kMaxFrameBytes = 12500;
inline constexpr std::size_t kMaxBodyBytes = kMaxFrameBytes - kHeaderBytes;

struct FrameHeader {
  std::uint32_t message_length;  // body bytes
  std::uint32_t message_type;
};

// Reads the header at the start of `bytes`; fails on fewer than 8 bytes or a MessageLength above
// kMaxBodyBytes.
Result<FrameHeader> read_frame_header(std::span<const std::uint8_t> bytes);

// Cuts a TCP byte stream into complete frames (header included). After an error the splitter stays
// failed: the caller closes the connection.
class FrameSplitter {
 public:
  void feed(std::span<const std::uint8_t> bytes);

  // The next complete frame, nothing if more bytes are needed, or the error that ended the stream.
  Result<std::optional<std::vector<std::uint8_t>>> next();

  std::size_t buffered_bytes() const { return buffer_.size() - start_; }

 private:
  void compact();

  std::vector<std::uint8_t> buffer_;
  std::size_t start_ = 0;
  std::optional<DecodeFailure> failure_;
};

}  // namespace fgw::cti
