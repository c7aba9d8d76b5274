// finesse_gw_build_info and finesse_gw_node_info: "info" gauges that are always 1 and carry their
// facts as labels, so that a query can join them onto any other series.
#include "metrics/snapshot_families.hpp"

namespace fgw::metrics {

void append_info_families(const GatewayInfo& info, Families& out) {
  auto build = make_family(kBuildInfo);
  add_value(build, 1, {{"version", info.version}});
  out.push_back(std::move(build));

  auto node = make_family(kNodeInfo);
  add_value(node, 1, {{"component", info.component}, {"node", info.node}});
  out.push_back(std::move(node));
}

}  // namespace fgw::metrics
