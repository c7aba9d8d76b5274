#pragma once
// Everything the gateway exports, as one prometheus::Collectable for the exposer: the families
// observed as they happen (a prometheus-cpp registry: HTTP and CTI requests) and the families
// built from snapshots at scrape time (SnapshotCollector). Collect() returns them sorted by name.
#include <prometheus/collectable.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

#include "metrics/cti_request_metrics.hpp"
#include "metrics/http_request_metrics.hpp"
#include "metrics/snapshot_collector.hpp"

namespace fgw::metrics {

class GatewayMetrics : public prometheus::Collectable {
 public:
  explicit GatewayMetrics(SnapshotSources sources);

  HttpRequestMetrics& http() { return http_; }
  CtiRequestMetrics& cti() { return cti_; }

  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  prometheus::Registry registry_;  // declared first: http_ and cti_ register on it
  HttpRequestMetrics http_;
  CtiRequestMetrics cti_;
  SnapshotCollector snapshots_;
};

// Collect() in the Prometheus text exposition format (what GET /metrics answers).
std::string to_text(const prometheus::Collectable& collectable);

}  // namespace fgw::metrics
