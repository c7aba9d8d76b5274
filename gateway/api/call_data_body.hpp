#pragma once
// The body of Dialog—Update Call Variable Data (3.2.3), checked against every rule of 5.3
// ("callvariables", "CallVariable", "mediaProperties", "wrapUpReason") before CTI is asked:
//   - mediaProperties present and not empty;
//   - wrapUpReason or callvariables present; wrapUpReason at most 39 bytes;
//   - callvariables, when present, holds at least one CallVariable;
//   - each CallVariable has a non-empty name and a value tag (which may be empty);
//   - no name twice;
//   - a name is callVariable1..callVariable10 (at most 40 bytes of value), or an ECC variable
//     starting with "user." (scalar, or an array element "user.name[N]" with N in 0..255);
//   - the ECC names, values and array indexes add up to at most 2,000 bytes.
// Sizes are UTF-8 bytes (DECISIONS.md 4). A missing element is 400 Parameter Missing; a bad
// value is 400 Invalid Input naming the element or variable.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "gateway/cti/common.hpp"

namespace fgw::api {

inline constexpr std::size_t kMaxCallVariableBytes = 40;
inline constexpr std::size_t kMaxWrapUpReasonBytes = 39;
inline constexpr std::size_t kMaxEccBytes = 2000;

struct CallDataUpdate {
  std::optional<std::string> wrap_up_reason;
  cti::CallVariables call_variables;  // set entries only; the others keep their value (DECISIONS.md 15)
  std::vector<cti::NamedVariable> named_variables;
  std::vector<cti::NamedArray> named_arrays;
};

// `dialog` is the parsed <Dialog> root of the request. Throws http::ApiError.
CallDataUpdate read_call_data_update(const pugi::xml_node& dialog);

}  // namespace fgw::api
