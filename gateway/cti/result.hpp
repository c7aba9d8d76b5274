#pragma once
// A value or a DecodeFailure (g++ 12's libstdc++ has no std::expected).
#include <utility>
#include <variant>

#include "gateway/cti/decode_error.hpp"

namespace fgw::cti {

template <class T>
class Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(DecodeFailure failure) : state_(std::in_place_index<1>, std::move(failure)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Precondition: ok(). std::get checks it and throws std::bad_variant_access otherwise.
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // Precondition: !ok().
  const DecodeFailure& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, DecodeFailure> state_;
};

}  // namespace fgw::cti
