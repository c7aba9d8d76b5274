#pragma once
// Reads a message body from its layout (see body_encoder.hpp). The fixed part is read in order; the
// floating part is split into entries on the first floating field and looked up by tag, so fields
// may arrive in any order and tags the layout does not name are skipped.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "gateway/cti/byte_reader.hpp"
#include "gateway/cti/common.hpp"
#include "gateway/cti/floating_fields.hpp"
#include "gateway/cti/layout_traits.hpp"
#include "gateway/cti/protocol_version.hpp"

namespace fgw::cti {

// Floating-field lookups over a run of entries: the whole floating part, or one repeated item.
class FieldDecoder {
 public:
  static constexpr bool kDecoding = true;

  FieldDecoder(std::span<const FloatingEntry> entries, ProtocolVersion version)
      : entries_(entries), version_(version) {}

  ProtocolVersion version() const { return version_; }

  template <class Field>
  void text(Tag tag, Field& field, std::size_t max) {
    if (const auto* entry = find_single(tag)) {
      field = decode_text(entry->data, max, tag);
    }
  }

  template <class Field>
  void bytes(Tag tag, Field& field, std::size_t max) {
    if (const auto* entry = find_single(tag)) {
      if (entry->data.size() > max) {
        throw DecodeError(DecodeErrorCode::FieldTooLong, describe(tag) + ": UNSPEC over its max");
      }
      field = Bytes(entry->data.begin(), entry->data.end());
    }
  }

  template <class Field>
  void number(Tag tag, Field& field) {
    using Value = detail::ValueOf<Field>;
    if (const auto* entry = find_single(tag)) {
      if (entry->data.size() != sizeof(Value)) {
        throw DecodeError(DecodeErrorCode::BadFieldLength,
                          describe(tag) + ": length " + std::to_string(entry->data.size()) +
                              ", expected " + std::to_string(sizeof(Value)));
      }
      field = ByteReader(entry->data, DecodeErrorCode::BadFieldLength).read<Value>();
    }
  }

  // `items` was sized by its count field; exactly that many items must start with Item::kLeadTag.
  // An item runs from its lead field to the next item's lead field.
  template <class Item>
  void group(std::vector<Item>& items) {
    const auto leads = positions_of(Item::kLeadTag);
    require_count(leads.size(), items.size(), Item::kLeadTag);
    for (std::size_t i = 0; i < leads.size(); ++i) {
      const auto end = i + 1 < leads.size() ? leads[i + 1] : entries_.size();
      FieldDecoder item(entries_.subspan(leads[i], end - leads[i]), version_);
      Item::layout(item, items[i]);
    }
  }

  template <class Item>
  void counted_group(Tag count_tag, std::vector<Item>& items) {
    std::uint16_t count = 0;
    number(count_tag, count);
    items.resize(std::min<std::size_t>(count, entries_.size()));
    require_count(items.size(), count, count_tag);
    group(items);
  }

  void named_variables(std::vector<NamedVariable>& variables) {
    const auto found = positions_of(Tag::NamedVariable);
    require_count(found.size(), variables.size(), Tag::NamedVariable);
    for (std::size_t i = 0; i < found.size(); ++i) {
      variables[i] = decode_named_variable(entries_[found[i]].data);
    }
  }

  void named_arrays(std::vector<NamedArray>& arrays) {
    const auto found = positions_of(Tag::NamedArray);
    require_count(found.size(), arrays.size(), Tag::NamedArray);
    for (std::size_t i = 0; i < found.size(); ++i) {
      arrays[i] = decode_named_array(entries_[found[i]].data);
    }
  }

 private:
  static std::string describe(Tag tag) { return "tag " + std::to_string(static_cast<unsigned>(tag)); }

  const FloatingEntry* find_single(Tag tag) const {
    const FloatingEntry* found = nullptr;
    for (const auto& entry : entries_) {
      if (entry.tag == static_cast<std::uint16_t>(tag)) {
        if (found) {
          throw DecodeError(DecodeErrorCode::DuplicateField, describe(tag) + " sent twice");
        }
        found = &entry;
      }
    }
    return found;
  }

  std::vector<std::size_t> positions_of(Tag tag) const {
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].tag == static_cast<std::uint16_t>(tag)) {
        positions.push_back(i);
      }
    }
    return positions;
  }

  static void require_count(std::size_t present, std::size_t expected, Tag tag) {
    if (present != expected) {
      throw DecodeError(DecodeErrorCode::CountMismatch,
                        describe(tag) + ": count says " + std::to_string(expected) + ", " +
                            std::to_string(present) + " present");
    }
  }

  std::span<const FloatingEntry> entries_;
  ProtocolVersion version_;
};

// The whole body: fixed part first, then the floating part through a FieldDecoder.
class BodyDecoder {
 public:
  static constexpr bool kDecoding = true;

  BodyDecoder(std::span<const std::uint8_t> body, ProtocolVersion version)
      : body_(body), fixed_(body, DecodeErrorCode::TruncatedFixedPart), version_(version) {}

  ProtocolVersion version() const { return version_; }
  std::size_t body_size() const { return body_.size(); }

  template <class T>
  void fixed(T& value) {
    if (floating_) {
      throw std::logic_error("layout reads a fixed field after a floating one");
    }
    value = fixed_.read<T>();
  }

  // A count cannot exceed the number of floating fields that could follow it; checking that before
  // resizing keeps a hostile count from allocating.
  template <class Item>
  void count(std::vector<Item>& items) {
    std::uint16_t count = 0;
    fixed(count);
    const auto most = fixed_.remaining() / floating_header_bytes(floating_field_width(version_));
    if (count > most) {
      throw DecodeError(DecodeErrorCode::CountMismatch,
                        "count " + std::to_string(count) + " exceeds the fields that fit");
    }
    items.resize(count);
  }

  template <class Field>
  void text(Tag tag, Field& field, std::size_t max) { fields().text(tag, field, max); }
  template <class Field>
  void bytes(Tag tag, Field& field, std::size_t max) { fields().bytes(tag, field, max); }
  template <class Field>
  void number(Tag tag, Field& field) { fields().number(tag, field); }
  template <class Item>
  void group(std::vector<Item>& items) { fields().group(items); }
  template <class Item>
  void counted_group(Tag count_tag, std::vector<Item>& items) { fields().counted_group(count_tag, items); }
  void named_variables(std::vector<NamedVariable>& variables) { fields().named_variables(variables); }
  void named_arrays(std::vector<NamedArray>& arrays) { fields().named_arrays(arrays); }

  // Validates the floating part even when the layout names no floating field.
  void finish() { fields(); }

 private:
  FieldDecoder& fields() {
    if (!floating_) {
      entries_ = parse_floating_part(fixed_.bytes(fixed_.remaining()), floating_field_width(version_));
      floating_.emplace(entries_, version_);
    }
    return *floating_;
  }

  std::span<const std::uint8_t> body_;
  ByteReader fixed_;
  ProtocolVersion version_;
  std::vector<FloatingEntry> entries_;
  std::optional<FieldDecoder> floating_;
};

}  // namespace fgw::cti
