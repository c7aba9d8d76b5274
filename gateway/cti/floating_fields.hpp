#pragma once
// The floating part of a message (GED-188.md 1.2, 1.4, 1.5): tag/length/data fields in any order.
// Parsing splits it into entries; the value codecs turn one entry's data into a typed value.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/cti/byte_writer.hpp"
#include "gateway/cti/protocol_version.hpp"
#include "gateway/cti/tags.hpp"

namespace fgw::cti {

struct FloatingEntry {
  std::uint16_t tag;
  std::span<const std::uint8_t> data;  // points into the frame being decoded
};

// Bytes of one field's tag plus length for this width.
constexpr std::size_t floating_header_bytes(FloatingFieldWidth width) {
  return 2 * static_cast<std::size_t>(width);
}

// Tags above 255 cannot be written with 1-byte tags: those fields did not exist before v20, so the
// encoder leaves them out of a v19 message instead of sending a wrong tag.
constexpr bool tag_fits(Tag tag, FloatingFieldWidth width) {
  return width == FloatingFieldWidth::TwoBytes || static_cast<std::uint16_t>(tag) <= 0xFF;
}

// Splits the floating part; throws DecodeError when a tag, length or data runs past the end.
std::vector<FloatingEntry> parse_floating_part(std::span<const std::uint8_t> bytes,
                                               FloatingFieldWidth width);

// Callers check tag_fits() first when they write the data themselves after the header.
void write_floating_header(ByteWriter& out, FloatingFieldWidth width, Tag tag, std::size_t length);
void write_floating_field(ByteWriter& out, FloatingFieldWidth width, Tag tag,
                          std::span<const std::uint8_t> data);
// A STRING field: `text` cut to max-1 characters (and at any embedded NUL) plus its NUL.
void write_text_field(ByteWriter& out, FloatingFieldWidth width, Tag tag, std::string_view text,
                      std::size_t max);

// STRING: data must end with a NUL and fit `max` (NUL included). Text after an embedded NUL is
// dropped, as a C reader of the field would.
std::string decode_text(std::span<const std::uint8_t> data, std::size_t max, Tag tag);
// Appends `text` cut to max-1 characters plus its NUL (the truncation rule of the v20 driver [S4]).
void encode_text(std::vector<std::uint8_t>& out, std::string_view text, std::size_t max);

struct NamedVariable;
struct NamedArray;
NamedVariable decode_named_variable(std::span<const std::uint8_t> data);
NamedArray decode_named_array(std::span<const std::uint8_t> data);
std::vector<std::uint8_t> encode_named_variable(const NamedVariable& variable);
std::vector<std::uint8_t> encode_named_array(const NamedArray& array);

}  // namespace fgw::cti
