#include "metrics/snapshot_collector.hpp"

#include "metrics/snapshot_families.hpp"

namespace fgw::metrics {

SnapshotCollector::SnapshotCollector(SnapshotSources sources) : sources_(std::move(sources)) {}

std::vector<prometheus::MetricFamily> SnapshotCollector::Collect() const {
  Families out;
  append_info_families(sources_.info, out);
  if (sources_.desk) append_desk_families(sources_.desk(), out);
  if (sources_.cti) append_cti_families(sources_.cti(), out);
  if (sources_.xmpp) append_xmpp_families(sources_.xmpp(), out);
  return out;
}

}  // namespace fgw::metrics
