#pragma once
// The outcome of a request: its positive confirmation message, or a CtiFailure.
#include <utility>
#include <variant>

#include "gateway/cti/client/cti_failure.hpp"
#include "gateway/cti/message.hpp"

namespace fgw::cti::client {

class RequestResult {
 public:
  RequestResult(Message confirmation) : state_(std::in_place_index<0>, std::move(confirmation)) {}
  RequestResult(CtiFailure failure) : state_(std::in_place_index<1>, std::move(failure)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Precondition: ok() (std::get throws std::bad_variant_access otherwise).
  const Message& message() const& { return std::get<0>(state_); }
  Message&& message() && { return std::get<0>(std::move(state_)); }
  // Precondition: !ok().
  const CtiFailure& failure() const { return std::get<1>(state_); }

 private:
  std::variant<Message, CtiFailure> state_;
};

}  // namespace fgw::cti::client
