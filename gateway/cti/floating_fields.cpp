#include "gateway/cti/floating_fields.hpp"

#include <algorithm>

#include "gateway/cti/byte_reader.hpp"
#include "gateway/cti/common.hpp"

namespace fgw::cti {
namespace {

std::string tag_text(Tag tag) { return "tag " + std::to_string(static_cast<unsigned>(tag)); }

// Splits "name\0rest": the name must be NUL-terminated within max_len::kVariableName bytes.
std::span<const std::uint8_t> split_variable_name(std::span<const std::uint8_t> data, Tag tag,
                                                  std::string& name) {
  const auto limit = std::min(data.size(), max_len::kVariableName);
  const auto nul = std::find(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(limit), 0);
  if (nul == data.begin() + static_cast<std::ptrdiff_t>(limit)) {
    throw DecodeError(limit == max_len::kVariableName ? DecodeErrorCode::FieldTooLong
                                                      : DecodeErrorCode::MissingTerminator,
                      tag_text(tag) + ": variable name not NUL-terminated within 33 bytes");
  }
  name.assign(data.begin(), nul);
  return data.subspan(static_cast<std::size_t>(nul - data.begin()) + 1);
}

}  // namespace

std::vector<FloatingEntry> parse_floating_part(std::span<const std::uint8_t> bytes,
                                               FloatingFieldWidth width) {
  const auto field_width = static_cast<std::size_t>(width);
  ByteReader reader(bytes, DecodeErrorCode::TruncatedFloatingField);
  std::vector<FloatingEntry> entries;
  entries.reserve(bytes.size() / 8);
  while (!reader.at_end()) {
    const auto tag = static_cast<std::uint16_t>(reader.unsigned_big_endian(field_width));
    const auto length = static_cast<std::size_t>(reader.unsigned_big_endian(field_width));
    entries.push_back({tag, reader.bytes(length)});
  }
  return entries;
}

void write_floating_header(ByteWriter& out, FloatingFieldWidth width, Tag tag, std::size_t length) {
  const auto field_width = static_cast<std::size_t>(width);
  out.unsigned_big_endian(static_cast<std::uint16_t>(tag), field_width);
  out.unsigned_big_endian(length, field_width);
}

void write_floating_field(ByteWriter& out, FloatingFieldWidth width, Tag tag,
                          std::span<const std::uint8_t> data) {
  if (!tag_fits(tag, width)) {
    return;
  }
  write_floating_header(out, width, tag, data.size());
  out.bytes(data);
}

void write_text_field(ByteWriter& out, FloatingFieldWidth width, Tag tag, std::string_view text,
                      std::size_t max) {
  if (!tag_fits(tag, width)) {
    return;
  }
  const auto kept = text.substr(0, std::min(text.find('\0'), max - 1));
  write_floating_header(out, width, tag, kept.size() + 1);
  for (char c : kept) {
    out.byte(static_cast<std::uint8_t>(c));
  }
  out.byte(0);
}

std::string decode_text(std::span<const std::uint8_t> data, std::size_t max, Tag tag) {
  if (data.size() > max) {
    throw DecodeError(DecodeErrorCode::FieldTooLong, tag_text(tag) + ": " +
                                                         std::to_string(data.size()) +
                                                         " bytes, max " + std::to_string(max));
  }
  if (data.empty() || data.back() != 0) {
    throw DecodeError(DecodeErrorCode::MissingTerminator, tag_text(tag) + ": STRING without NUL");
  }
  return std::string(data.begin(), std::find(data.begin(), data.end(), 0));
}

void encode_text(std::vector<std::uint8_t>& out, std::string_view text, std::size_t max) {
  const auto kept = text.substr(0, std::min(text.find('\0'), max - 1));
  out.insert(out.end(), kept.begin(), kept.end());
  out.push_back(0);
}

NamedVariable decode_named_variable(std::span<const std::uint8_t> data) {
  NamedVariable variable;
  auto rest = split_variable_name(data, Tag::NamedVariable, variable.name);
  variable.value = decode_text(rest, max_len::kVariableValue, Tag::NamedVariable);
  return variable;
}

NamedArray decode_named_array(std::span<const std::uint8_t> data) {
  NamedArray array;
  ByteReader reader(data, DecodeErrorCode::TruncatedFloatingField);
  array.index = reader.read<std::uint8_t>();
  auto rest = split_variable_name(data.subspan(1), Tag::NamedArray, array.name);
  array.value = decode_text(rest, max_len::kVariableValue, Tag::NamedArray);
  return array;
}

std::vector<std::uint8_t> encode_named_variable(const NamedVariable& variable) {
  std::vector<std::uint8_t> data;
  encode_text(data, variable.name, max_len::kVariableName);
  encode_text(data, variable.value, max_len::kVariableValue);
  return data;
}

std::vector<std::uint8_t> encode_named_array(const NamedArray& array) {
  std::vector<std::uint8_t> data{array.index};
  encode_text(data, array.name, max_len::kVariableName);
  encode_text(data, array.value, max_len::kVariableValue);
  return data;
}

}  // namespace fgw::cti
