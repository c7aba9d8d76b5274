#include "gateway/cti/framing.hpp"

#include <string>

#include "gateway/cti/byte_reader.hpp"

namespace fgw::cti {

Result<FrameHeader> read_frame_header(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < kHeaderBytes) {
    return DecodeFailure{DecodeErrorCode::TruncatedHeader,
                         "header needs 8 bytes, have " + std::to_string(bytes.size())};
  }
  ByteReader reader(bytes.first(kHeaderBytes), DecodeErrorCode::TruncatedHeader);
  FrameHeader header{reader.read<std::uint32_t>(), reader.read<std::uint32_t>()};
  if (header.message_length > kMaxBodyBytes) {
    return DecodeFailure{DecodeErrorCode::MessageTooLong,
                         "MessageLength " + std::to_string(header.message_length) + " exceeds " +
                             std::to_string(kMaxBodyBytes)};
  }
  return header;
}

void FrameSplitter::feed(std::span<const std::uint8_t> bytes) {
  compact();
  buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
}

Result<std::optional<std::vector<std::uint8_t>>> FrameSplitter::next() {
  if (failure_) {
    return *failure_;
  }
  std::span<const std::uint8_t> pending(buffer_.data() + start_, buffered_bytes());
  if (pending.size() < kHeaderBytes) {
    return std::optional<std::vector<std::uint8_t>>{};
  }
  auto header = read_frame_header(pending);
  if (!header) {
    failure_ = header.error();
    return *failure_;
  }
  const std::size_t frame_bytes = kHeaderBytes + header->message_length;
  if (pending.size() < frame_bytes) {
    return std::optional<std::vector<std::uint8_t>>{};
  }
  std::vector<std::uint8_t> frame(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(frame_bytes));
  start_ += frame_bytes;
  return std::optional<std::vector<std::uint8_t>>{std::move(frame)};
}

// Drops consumed bytes once they are at least half the buffer, so feeding stays amortised linear.
void FrameSplitter::compact() {
  if (start_ > 0 && start_ * 2 >= buffer_.size()) {
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(start_));
    start_ = 0;
  }
}

}  // namespace fgw::cti
