#pragma once
// Big-endian appends to a byte vector, plus patching of a length written before its data.
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

namespace fgw::cti {

class ByteWriter {
 public:
  explicit ByteWriter(std::vector<std::uint8_t>& out) : out_(out) {}

  std::size_t size() const { return out_.size(); }

  void unsigned_big_endian(std::uint64_t value, std::size_t width) {
    for (std::size_t shift = width; shift-- > 0;) {
      out_.push_back(static_cast<std::uint8_t>(value >> (8 * shift)));
    }
  }

  void patch_big_endian(std::size_t offset, std::uint64_t value, std::size_t width) {
    for (std::size_t i = 0; i < width; ++i) {
      out_.at(offset + i) = static_cast<std::uint8_t>(value >> (8 * (width - 1 - i)));
    }
  }

  void bytes(std::span<const std::uint8_t> data) { out_.insert(out_.end(), data.begin(), data.end()); }

  void byte(std::uint8_t value) { out_.push_back(value); }

  // Integers and enums at their own width; bool as the protocol's 2-byte BOOL.
  template <class T>
  void write(T value) {
    if constexpr (std::is_same_v<T, bool>) {
      unsigned_big_endian(value ? 1 : 0, 2);
    } else if constexpr (std::is_enum_v<T>) {
      write(static_cast<std::underlying_type_t<T>>(value));
    } else {
      static_assert(std::is_integral_v<T>);
      unsigned_big_endian(static_cast<std::make_unsigned_t<T>>(value), sizeof(T));
    }
  }

 private:
  std::vector<std::uint8_t>& out_;
};

}  // namespace fgw::cti
