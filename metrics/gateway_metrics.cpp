#include "metrics/gateway_metrics.hpp"

#include <prometheus/text_serializer.h>

#include <algorithm>
#include <sstream>

namespace fgw::metrics {

GatewayMetrics::GatewayMetrics(SnapshotSources sources)
    : http_(registry_), cti_(registry_), snapshots_(std::move(sources)) {}

std::vector<prometheus::MetricFamily> GatewayMetrics::Collect() const {
  auto families = registry_.Collect();
  auto snapshots = snapshots_.Collect();
  families.insert(families.end(), std::make_move_iterator(snapshots.begin()), std::make_move_iterator(snapshots.end()));
  // A stable order, so that two scrapes diff cleanly and a reader finds a family by name.
  std::sort(families.begin(), families.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return families;
}

std::string to_text(const prometheus::Collectable& collectable) {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, collectable.Collect());
  return out.str();
}

}  // namespace fgw::metrics
