#pragma once
// finesse_gw_cti_request_duration_seconds and finesse_gw_cti_errors_total, counted as the CTI
// client completes requests. Thread-safe.
#include <prometheus/registry.h>

#include <optional>
#include <string_view>

#include "metrics/labelled_children.hpp"
#include "metrics/live_families.hpp"

namespace fgw::metrics {

class CtiRequestMetrics {
 public:
  // The request label of a message type outside the GED-188 names table.
  static constexpr std::string_view kUnknownRequest = "UNKNOWN";

  explicit CtiRequestMetrics(prometheus::Registry& registry);

  // `request`: the GED-188 request name ("SET_AGENT_STATE_REQ"). `round_trip_seconds`: empty for
  // a request that failed before it was sent (it has no latency to report). `failure`: the failure
  // name ("CF_INVALID_CALLED_DEVICE", "CTI_REQUEST_TIMEOUT"), empty on success.
  void observe(std::string_view request, std::optional<double> round_trip_seconds, std::string_view failure);

 private:
  LabelledChildren<prometheus::Histogram> durations_;
  LabelledChildren<prometheus::Counter> errors_;
};

}  // namespace fgw::metrics
