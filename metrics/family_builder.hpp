#pragma once
// Builds prometheus::MetricFamily values from the catalog's definitions at scrape time, for the
// families whose values are read from a snapshot rather than counted as they happen.
#include <prometheus/client_metric.h>
#include <prometheus/metric_family.h>

#include <vector>

#include "metrics/catalog.hpp"
#include "metrics/samples.hpp"

namespace fgw::metrics {

using Label = prometheus::ClientMetric::Label;
using Families = std::vector<prometheus::MetricFamily>;

// An empty family with the definition's name, help and type.
prometheus::MetricFamily make_family(const MetricDef& def);

// One sample: the counter or the gauge value, whichever the family's type is.
void add_value(prometheus::MetricFamily& family, double value, std::vector<Label> labels = {});

void add_histogram(prometheus::MetricFamily& family, const HistogramSample& sample, std::vector<Label> labels = {});

// A family with a single unlabelled sample, appended to `out`.
void append_single(Families& out, const MetricDef& def, double value);

}  // namespace fgw::metrics
