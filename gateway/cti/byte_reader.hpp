#pragma once
// Bounds-checked big-endian reads over a byte span. Every read checks the remaining length first and
// throws DecodeError (with the code the caller chose) instead of reading past the end.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <type_traits>

#include "gateway/cti/decode_error.hpp"

namespace fgw::cti {

class ByteReader {
 public:
  ByteReader(std::span<const std::uint8_t> data, DecodeErrorCode on_short_read)
      : data_(data), on_short_read_(on_short_read) {}

  std::size_t remaining() const { return data_.size() - position_; }
  bool at_end() const { return remaining() == 0; }

  std::span<const std::uint8_t> bytes(std::size_t count) {
    require(count);
    auto out = data_.subspan(position_, count);
    position_ += count;
    return out;
  }

  std::uint64_t unsigned_big_endian(std::size_t width) {
    std::uint64_t value = 0;
    for (std::uint8_t byte : bytes(width)) {
      value = (value << 8) | byte;
    }
    return value;
  }

  // Integers and enums read at their own width; bool is the protocol's 2-byte BOOL (GED-188.md 1.3).
  template <class T>
  T read() {
    if constexpr (std::is_same_v<T, bool>) {
      return unsigned_big_endian(2) != 0;
    } else if constexpr (std::is_enum_v<T>) {
      return static_cast<T>(read<std::underlying_type_t<T>>());
    } else {
      static_assert(std::is_integral_v<T>);
      return static_cast<T>(unsigned_big_endian(sizeof(T)));
    }
  }

 private:
  void require(std::size_t count) const {
    if (count > remaining()) {
      throw DecodeError(on_short_read_, "needs " + std::to_string(count) + " bytes, " +
                                            std::to_string(remaining()) + " left");
    }
  }

  std::span<const std::uint8_t> data_;
  std::size_t position_ = 0;
  DecodeErrorCode on_short_read_;
};

}  // namespace fgw::cti
