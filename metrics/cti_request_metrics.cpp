#include "metrics/cti_request_metrics.hpp"

namespace fgw::metrics {

namespace {

// Seconds. A CTI Server confirms in milliseconds; the client gives up after request_timeout
// (5 s by default), so the top buckets hold the timeouts.
const prometheus::Histogram::BucketBoundaries kDurationBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                               0.25,  0.5,    1,     2.5,  5,     10};

}  // namespace

CtiRequestMetrics::CtiRequestMetrics(prometheus::Registry& registry)
    : durations_(label_names(kCtiRequestDuration),
                 [&family = register_histogram(registry, kCtiRequestDuration)](const prometheus::Labels& labels)
                     -> prometheus::Histogram& { return family.Add(labels, kDurationBuckets); }),
      errors_(label_names(kCtiErrors),
              [&family = register_counter(registry, kCtiErrors)](const prometheus::Labels& labels)
                  -> prometheus::Counter& { return family.Add(labels); }) {}

void CtiRequestMetrics::observe(std::string_view request, std::optional<double> round_trip_seconds,
                                std::string_view failure) {
  if (request.empty()) request = kUnknownRequest;
  if (round_trip_seconds) durations_.get({request}).Observe(*round_trip_seconds);
  if (!failure.empty()) errors_.get({failure}).Increment();
}

}  // namespace fgw::metrics
