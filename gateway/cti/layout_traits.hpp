#pragma once
// Helpers shared by the two layout archives (BodyEncoder, BodyDecoder).
#include <optional>
#include <type_traits>

namespace fgw::cti::detail {

template <class T>
struct OptionalTraits {
  static constexpr bool kIsOptional = false;
  using Value = T;
};
template <class T>
struct OptionalTraits<std::optional<T>> {
  static constexpr bool kIsOptional = true;
  using Value = T;
};

// A field declared as std::optional<T> is sent only when set; a plain T is always sent.
template <class Field>
inline constexpr bool kIsOptional = OptionalTraits<std::remove_const_t<Field>>::kIsOptional;
template <class Field>
using ValueOf = typename OptionalTraits<std::remove_const_t<Field>>::Value;

}  // namespace fgw::cti::detail
