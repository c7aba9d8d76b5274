#pragma once
// The request hooks of the HTTP dispatcher and the CTI client, forwarded to the live metrics.
// Adapters live here because http and the CTI client must not depend on metrics/, nor metrics/
// on them.
#include "gateway/cti/client/request_observer.hpp"
#include "gateway/http/request_observer.hpp"
#include "metrics/cti_request_metrics.hpp"
#include "metrics/http_request_metrics.hpp"

namespace fgw::daemon {

class HttpMetricsHook : public http::RequestObserver {
 public:
  explicit HttpMetricsHook(metrics::HttpRequestMetrics& metrics) : metrics_(metrics) {}
  void on_request_completed(const http::CompletedRequest& request) override;

 private:
  metrics::HttpRequestMetrics& metrics_;
};

class CtiMetricsHook : public cti::client::RequestObserver {
 public:
  explicit CtiMetricsHook(metrics::CtiRequestMetrics& metrics) : metrics_(metrics) {}
  void on_request_completed(const cti::client::CompletedRequest& request) override;

 private:
  metrics::CtiRequestMetrics& metrics_;
};

}  // namespace fgw::daemon
