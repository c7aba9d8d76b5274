#pragma once
// Test helper: an archive that walks a message's layout and gives every field, optional and repeated
// ones included, a distinct non-default value. Round-trip tests use it so that no field of any
// message type is left at its default (a default would hide a field the codec drops).
#include <algorithm>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "gateway/cti/common.hpp"
#include "gateway/cti/floating_fields.hpp"
#include "gateway/cti/layout_traits.hpp"
#include "gateway/cti/protocol_version.hpp"

namespace fgw::cti::test {

class MessageFiller {
 public:
  static constexpr bool kDecoding = false;  // take the encoder's branch where a layout has one
  static constexpr std::size_t kItems = 2;  // items per repeated group

  explicit MessageFiller(ProtocolVersion version) : version_(version) {}
  ProtocolVersion version() const { return version_; }

  template <class T>
  void fixed(T& value) {
    value = next<T>();
  }
  template <class Item>
  void count(std::vector<Item>& items) {
    items.resize(kItems);
  }
  template <class Field>
  void text(Tag tag, Field& field, std::size_t max) {
    if (!on_the_wire(tag)) return;
    std::string value = "v" + std::to_string(++counter_);
    value.resize(std::min(value.size(), max - 1));
    field = value;
  }
  template <class Field>
  void bytes(Tag tag, Field& field, std::size_t max) {
    if (!on_the_wire(tag)) return;
    Bytes value{static_cast<std::uint8_t>(++counter_), 0x00, 0xFF};
    value.resize(std::min(value.size(), max));
    field = value;
  }
  template <class Field>
  void number(Tag tag, Field& field) {
    if (!on_the_wire(tag)) return;
    field = next<detail::ValueOf<Field>>();
  }
  template <class Item>
  void group(std::vector<Item>& items) {
    items.resize(kItems);
    for (auto& item : items) Item::layout(*this, item);
  }
  template <class Item>
  void counted_group(Tag, std::vector<Item>& items) {
    group(items);
  }
  void named_variables(std::vector<NamedVariable>& variables) {
    variables.resize(kItems);
    for (auto& v : variables) v = {"user.n" + std::to_string(++counter_), "val" + std::to_string(counter_)};
  }
  void named_arrays(std::vector<NamedArray>& arrays) {
    arrays.resize(kItems);
    for (auto& a : arrays) {
      a = {static_cast<std::uint8_t>(++counter_), "user.arr", "item" + std::to_string(counter_)};
    }
  }

 private:
  // Fields the version cannot carry stay unset, as a decoder would leave them.
  bool on_the_wire(Tag tag) const { return tag_fits(tag, floating_field_width(version_)); }

  template <class T>
  T next() {
    ++counter_;
    if constexpr (std::is_same_v<T, bool>) {
      return true;
    } else if constexpr (std::is_enum_v<T>) {
      return static_cast<T>(static_cast<std::underlying_type_t<T>>(counter_));
    } else {
      return static_cast<T>(counter_ * 0x01010101u);
    }
  }

  ProtocolVersion version_;
  std::uint32_t counter_ = 0;
};

template <class T>
T filled(ProtocolVersion version) {
  T message{};
  MessageFiller filler(version);
  T::layout(filler, message);
  return message;
}

}  // namespace fgw::cti::test
