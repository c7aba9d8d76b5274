#include "gateway/desk/call_data_merge.hpp"

#include <algorithm>

namespace fgw::desk {

namespace {

void set_variable(std::vector<xml::CallVariable>& variables, const std::string& name, const std::string& value) {
  auto it = std::find_if(variables.begin(), variables.end(), [&](const auto& v) { return v.name == name; });
  if (it == variables.end())
    variables.push_back({name, value});  // a new ECC variable goes after those already known
  else
    it->value = value;
}

}  // namespace

std::vector<xml::CallVariable> empty_call_variables() {
  std::vector<xml::CallVariable> variables;
  for (int i = 1; i <= 10; ++i) variables.push_back({"callVariable" + std::to_string(i), ""});
  return variables;
}

void merge_variables(std::vector<xml::CallVariable>& variables, const cti::CallVariables& call_variables,
                     const std::vector<cti::NamedVariable>& named_variables,
                     const std::vector<cti::NamedArray>& named_arrays) {
  for (std::size_t i = 0; i < call_variables.size(); ++i)
    if (call_variables[i]) set_variable(variables, "callVariable" + std::to_string(i + 1), *call_variables[i]);
  // ECC names arrive with their "user." prefix (guide 5.4 CallVariable); array elements get
  // their index in square brackets.
  for (const auto& named : named_variables) set_variable(variables, named.name, named.value);
  for (const auto& element : named_arrays)
    set_variable(variables, element.name + "[" + std::to_string(element.index) + "]", element.value);
}

}  // namespace fgw::desk
