// The desk's families: service status (one-hot), agents by state, live dialogs.
#include "metrics/snapshot_families.hpp"

namespace fgw::metrics {

namespace {

// One series per status, 1 for the current one: an alert can match status="OUT_OF_SERVICE" == 1
// without knowing the encoding of an enum.
void append_service_status(desk::SystemStatus current, Families& out) {
  auto family = make_family(kServiceStatus);
  for (const auto status : desk::kAllSystemStatuses)
    add_value(family, status == current ? 1 : 0, {{"status", desk::to_string(status)}});
  out.push_back(std::move(family));
}

void append_agents(const DeskSample& desk, Families& out) {
  auto family = make_family(kAgents);
  for (const auto& [state, count] : desk.agents_by_state)
    add_value(family, static_cast<double>(count), {{"state", state}});
  out.push_back(std::move(family));
}

}  // namespace

void append_desk_families(const DeskSample& desk, Families& out) {
  append_service_status(desk.status, out);
  append_agents(desk, out);
  append_single(out, kDialogsActive, static_cast<double>(desk.dialogs_active));
}

}  // namespace fgw::metrics
