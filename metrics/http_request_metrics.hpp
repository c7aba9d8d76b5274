#pragma once
// finesse_gw_http_requests_total and finesse_gw_http_request_duration_seconds, counted as the
// requests are answered. Thread-safe: the HTTP server answers on several io threads.
#include <prometheus/registry.h>

#include <string_view>

#include "metrics/labelled_children.hpp"
#include "metrics/live_families.hpp"

namespace fgw::metrics {

class HttpRequestMetrics {
 public:
  // The route label of a request that matched no route (404, 405): raw paths would make the
  // label set unbounded.
  static constexpr std::string_view kUnmatched = "unmatched";

  explicit HttpRequestMetrics(prometheus::Registry& registry);

  // `route` is the matched route's pattern ("/finesse/api/User/{}"); empty when none matched.
  void observe(std::string_view route, std::string_view method, int status, double seconds);

 private:
  LabelledChildren<prometheus::Counter> requests_;
  LabelledChildren<prometheus::Histogram> durations_;
};

}  // namespace fgw::metrics
