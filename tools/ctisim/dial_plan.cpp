#include "tools/ctisim/dial_plan.hpp"

#include <algorithm>

namespace fgw::ctisim {

namespace {
bool dialable(char c) { return (c >= '0' && c <= '9') || c == '*' || c == '#' || c == '+'; }
}  // namespace

DialPlan::DialPlan(const config::Directory& directory) {
  for (const auto& user : directory.users()) {
    if (user.extension.empty()) continue;
    extensions_.insert(user.extension);
    internal_lengths_.insert(user.extension.size());
  }
  for (const auto& route_point : directory.route_points()) {
    route_points_.insert(route_point.dn);
    internal_lengths_.insert(route_point.dn.size());
  }
}

bool DialPlan::in_internal_plan(const std::string& number) const {
  return internal_lengths_.count(number.size()) > 0;
}

Destination DialPlan::classify(const std::string& number) const {
  if (number.empty() || number.size() > kMaxDigits) return Destination::Invalid;
  if (!std::all_of(number.begin(), number.end(), dialable)) return Destination::Invalid;
  if (route_points_.count(number)) return Destination::RoutePoint;
  if (extensions_.count(number)) return Destination::Extension;
  if (in_internal_plan(number)) return Destination::Unassigned;
  return Destination::Outside;
}

}  // namespace fgw::ctisim
