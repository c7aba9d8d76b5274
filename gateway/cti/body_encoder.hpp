#pragma once
// Writes a message body from its layout. Each message struct has one `layout(archive, message)`
// describing its fields in wire order; BodyEncoder and BodyDecoder are the two archives, so encoding
// and decoding cannot drift apart.
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "gateway/cti/byte_writer.hpp"
#include "gateway/cti/common.hpp"
#include "gateway/cti/floating_fields.hpp"
#include "gateway/cti/layout_traits.hpp"
#include "gateway/cti/protocol_version.hpp"

namespace fgw::cti {

class BodyEncoder {
 public:
  static constexpr bool kDecoding = false;

  BodyEncoder(std::vector<std::uint8_t>& out, ProtocolVersion version)
      : writer_(out), version_(version), width_(floating_field_width(version)) {}

  ProtocolVersion version() const { return version_; }

  template <class T>
  void fixed(const T& value) {
    writer_.write(value);
  }

  // A fixed-part USHORT count of the repeated floating items in `items`.
  template <class Item>
  void count(const std::vector<Item>& items) {
    writer_.write(static_cast<std::uint16_t>(items.size()));
  }

  template <class Field>
  void text(Tag tag, const Field& field, std::size_t max) {
    if (const auto* value = present(field)) {
      write_text_field(writer_, width_, tag, *value, max);
    }
  }

  template <class Field>
  void bytes(Tag tag, const Field& field, std::size_t max) {
    if (const auto* value = present(field)) {
      const std::span<const std::uint8_t> data(value->data(), std::min(value->size(), max));
      write_floating_field(writer_, width_, tag, data);
    }
  }

  template <class Field>
  void number(Tag tag, const Field& field) {
    using Value = detail::ValueOf<Field>;
    if (const auto* value = present(field); value && tag_fits(tag, width_)) {
      write_floating_header(writer_, width_, tag, sizeof(Value));
      writer_.write(*value);
    }
  }

  // Repeated groups: each item's fields in its own layout order, items one after the other.
  template <class Item>
  void group(const std::vector<Item>& items) {
    for (const auto& item : items) {
      Item::layout(*this, item);
    }
  }

  // A group whose count travels as a floating USHORT field (OPEN_CONF NumPeripherals).
  template <class Item>
  void counted_group(Tag count_tag, const std::vector<Item>& items) {
    if (!items.empty()) {
      number(count_tag, static_cast<std::uint16_t>(items.size()));
    }
    group(items);
  }

  void named_variables(const std::vector<NamedVariable>& variables) {
    for (const auto& variable : variables) {
      write_floating_field(writer_, width_, Tag::NamedVariable, encode_named_variable(variable));
    }
  }

  void named_arrays(const std::vector<NamedArray>& arrays) {
    for (const auto& array : arrays) {
      write_floating_field(writer_, width_, Tag::NamedArray, encode_named_array(array));
    }
  }

 private:
  template <class Field>
  static const detail::ValueOf<Field>* present(const Field& field) {
    if constexpr (detail::kIsOptional<Field>) {
      return field ? &*field : nullptr;
    } else {
      return &field;
    }
  }

  ByteWriter writer_;
  ProtocolVersion version_;
  FloatingFieldWidth width_;
};

}  // namespace fgw::cti
