#include "metrics/http_request_metrics.hpp"

#include <string>

namespace fgw::metrics {

namespace {

// Seconds. Most answers come from memory in well under a millisecond; Basic auth with the
// interactive password hash costs tens of milliseconds, a throttled client longer.
const prometheus::Histogram::BucketBoundaries kDurationBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                               0.05,   0.1,   0.25,   0.5,   1,    2.5};

}  // namespace

HttpRequestMetrics::HttpRequestMetrics(prometheus::Registry& registry)
    : requests_(label_names(kHttpRequests),
                [&family = register_counter(registry, kHttpRequests)](const prometheus::Labels& labels)
                    -> prometheus::Counter& { return family.Add(labels); }),
      durations_(label_names(kHttpRequestDuration),
                 [&family = register_histogram(registry, kHttpRequestDuration)](const prometheus::Labels& labels)
                     -> prometheus::Histogram& { return family.Add(labels, kDurationBuckets); }) {}

void HttpRequestMetrics::observe(std::string_view route, std::string_view method, int status, double seconds) {
  if (route.empty()) route = kUnmatched;
  requests_.get({route, method, std::to_string(status)}).Increment();
  durations_.get({route, method}).Observe(seconds);
}

}  // namespace fgw::metrics
