#include "metrics/family_builder.hpp"

#include <limits>

namespace fgw::metrics {

namespace {

prometheus::MetricType prometheus_type(Kind kind) {
  switch (kind) {
    case Kind::Counter: return prometheus::MetricType::Counter;
    case Kind::Gauge: return prometheus::MetricType::Gauge;
    case Kind::Histogram: return prometheus::MetricType::Histogram;
  }
  return prometheus::MetricType::Untyped;
}

}  // namespace

prometheus::MetricFamily make_family(const MetricDef& def) {
  prometheus::MetricFamily family;
  family.name = std::string(def.name);
  family.help = std::string(def.help);
  family.type = prometheus_type(def.kind);
  return family;
}

void add_value(prometheus::MetricFamily& family, double value, std::vector<Label> labels) {
  prometheus::ClientMetric metric;
  metric.label = std::move(labels);
  if (family.type == prometheus::MetricType::Counter) metric.counter.value = value;
  else metric.gauge.value = value;
  family.metric.push_back(std::move(metric));
}

void add_histogram(prometheus::MetricFamily& family, const HistogramSample& sample, std::vector<Label> labels) {
  prometheus::ClientMetric metric;
  metric.label = std::move(labels);
  auto& histogram = metric.histogram;
  histogram.sample_count = sample.count;
  histogram.sample_sum = sample.sum;
  for (std::size_t i = 0; i < sample.upper_bounds.size() && i < sample.cumulative_counts.size(); ++i)
    histogram.bucket.push_back({sample.cumulative_counts[i], sample.upper_bounds[i]});
  // The exposition format requires the +Inf bucket, and it always equals the count.
  histogram.bucket.push_back({sample.count, std::numeric_limits<double>::infinity()});
  family.metric.push_back(std::move(metric));
}

void append_single(Families& out, const MetricDef& def, double value) {
  auto family = make_family(def);
  add_value(family, value);
  out.push_back(std::move(family));
}

}  // namespace fgw::metrics
