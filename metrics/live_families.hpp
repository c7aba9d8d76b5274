#pragma once
// Registers the catalog's counters and histograms that are observed as things happen (HTTP and
// CTI requests) on a prometheus-cpp registry.
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "metrics/catalog.hpp"

namespace fgw::metrics {

// Throw std::logic_error when `def` is not of that kind: a mismatch would export a family whose
// type contradicts --list-metrics.
prometheus::Family<prometheus::Counter>& register_counter(prometheus::Registry& registry, const MetricDef& def);
prometheus::Family<prometheus::Histogram>& register_histogram(prometheus::Registry& registry, const MetricDef& def);

}  // namespace fgw::metrics
