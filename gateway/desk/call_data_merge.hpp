#pragma once
// Call data from CTI (BEGIN_CALL, CALL_DELIVERED, CALL_DATA_UPDATE, SNAPSHOT_CALL_CONF) into a
// Dialog's mediaProperties. A field CTI leaves out (NULL) keeps its value; an empty string is a
// value (guide 3.2.5 "Note on call variables"; DECISIONS.md 15).
#include <optional>
#include <string>
#include <vector>

#include "gateway/cti/common.hpp"
#include "gateway/xml/dialog_xml.hpp"

namespace fgw::desk {

// callVariable1..10, all empty: a Dialog always lists the ten, as the guide's samples do.
std::vector<xml::CallVariable> empty_call_variables();

void merge_variables(std::vector<xml::CallVariable>& variables, const cti::CallVariables& call_variables,
                     const std::vector<cti::NamedVariable>& named_variables,
                     const std::vector<cti::NamedArray>& named_arrays);

inline void assign_if_present(std::string& target, const std::optional<std::string>& value) {
  if (value) target = *value;
}

// Every message passed here carries the same call data fields.
template <class CtiCallData>
void merge_call_data(xml::MediaProperties& properties, const CtiCallData& data) {
  assign_if_present(properties.dnis, data.dnis);
  assign_if_present(properties.dialed_number, data.dialed_number);
  assign_if_present(properties.wrap_up_reason, data.call_wrapup_data);
  merge_variables(properties.call_variables, data.call_variables, data.named_variables, data.named_arrays);
}

}  // namespace fgw::desk
