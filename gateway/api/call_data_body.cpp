#include "gateway/api/call_data_body.hpp"

#include <limits>
#include <set>
#include <string_view>

#include "gateway/api/request_body.hpp"
#include "gateway/http/api_error.hpp"

namespace fgw::api {

namespace {

constexpr std::string_view kEccPrefix = "user.";
constexpr long long kMaxArrayIndex = 255;  // NamedArray's index is one byte on the wire

http::ApiError invalid(const std::string& message, const std::string& data) {
  return {400, http::error_type::kInvalidInput, message, data};
}

// "callVariable7" -> 6; nullopt for any other name (case-insensitive, DECISIONS.md 6).
std::optional<std::size_t> call_variable_slot(const std::string& name) {
  constexpr std::string_view kPrefix = "callVariable";
  if (name.size() <= kPrefix.size() || !iequals(std::string_view(name).substr(0, kPrefix.size()), kPrefix))
    return std::nullopt;
  const auto number = parse_integer(std::string_view(name).substr(kPrefix.size()), 1, 10);
  if (!number) return std::nullopt;
  return static_cast<std::size_t>(*number - 1);
}

// 5.3: "user.name[N]" is an array element only when it ends in '[' digits ']'; any other
// bracket placement is a scalar name that CTI judges.
struct EccName {
  std::string base;
  std::optional<long long> index;
};

EccName split_ecc_name(const std::string& name) {
  const auto open = name.rfind('[');
  if (name.empty() || name.back() != ']' || open == std::string::npos) return {name, std::nullopt};
  const auto digits = std::string_view(name).substr(open + 1, name.size() - open - 2);
  const bool all_digits = !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos;
  if (!all_digits) return {name, std::nullopt};
  const auto index = parse_integer(digits, 0, std::numeric_limits<int>::max());
  return {name.substr(0, open), index};
}

class CallDataReader {
 public:
  void add(const std::string& name, const std::string& value) {
    if (!names_.insert(name).second) throw invalid("Duplicate call variable name", name);
    if (const auto slot = call_variable_slot(name)) return add_call_variable(*slot, name, value);
    add_ecc(name, value);
  }

  CallDataUpdate take() { return std::move(update_); }
  CallDataUpdate& update() { return update_; }

 private:
  void add_call_variable(std::size_t slot, const std::string& name, const std::string& value) {
    if (value.size() > kMaxCallVariableBytes)
      throw invalid("Call variable longer than " + std::to_string(kMaxCallVariableBytes) + " bytes", name);
    update_.call_variables[slot] = value;
  }

  void add_ecc(const std::string& name, const std::string& value) {
    if (name.size() <= kEccPrefix.size() || name.compare(0, kEccPrefix.size(), kEccPrefix) != 0)
      throw invalid("Invalid call variable name", name);
    auto ecc = split_ecc_name(name);
    ecc_bytes_ += ecc.base.size() + value.size();
    if (ecc.index) {
      if (*ecc.index > kMaxArrayIndex) throw invalid("ECC array index out of range", name);
      ecc_bytes_ += std::to_string(*ecc.index).size();
      update_.named_arrays.push_back({static_cast<std::uint8_t>(*ecc.index), ecc.base, value});
    } else {
      update_.named_variables.push_back({name, value});
    }
    if (ecc_bytes_ > kMaxEccBytes)
      throw invalid("ECC variables longer than " + std::to_string(kMaxEccBytes) + " bytes in total", name);
  }

  CallDataUpdate update_;
  std::set<std::string> names_;
  std::size_t ecc_bytes_ = 0;
};

void read_call_variables(pugi::xml_node list, CallDataReader& reader) {
  bool any = false;
  for (auto variable : list.children()) {
    if (variable.type() != pugi::node_element || !iequals(variable.name(), "CallVariable")) continue;
    any = true;
    const auto name = last_child_text(variable, "name");
    if (!name || name->empty()) throw http::parameter_missing("name");
    const auto value = last_child_text(variable, "value");
    if (!value) throw http::parameter_missing("value");
    reader.add(*name, *value);
  }
  if (!any) throw http::parameter_missing("CallVariable");
}

}  // namespace

CallDataUpdate read_call_data_update(const pugi::xml_node& dialog) {
  const auto properties = last_child(dialog, "mediaProperties");
  if (!properties || !properties.first_child()) throw http::parameter_missing("mediaProperties");
  const auto wrap_up = last_child_text(properties, "wrapUpReason");
  const auto variables = last_child(properties, "callvariables");
  if (!wrap_up && !variables) throw http::parameter_missing("callvariables");

  CallDataReader reader;
  if (variables) read_call_variables(variables, reader);
  if (wrap_up) {
    if (wrap_up->size() > kMaxWrapUpReasonBytes)
      throw invalid("wrapUpReason longer than " + std::to_string(kMaxWrapUpReasonBytes) + " bytes", "wrapUpReason");
    reader.update().wrap_up_reason = *wrap_up;
  }
  return reader.take();
}

}  // namespace fgw::api
