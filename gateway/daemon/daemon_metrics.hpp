#pragma once
// The daemon's metrics: the exported families (metrics::GatewayMetrics), the request hooks that
// feed them, and the /metrics listener on `[metrics] listen`.
//
// Lifetime: the snapshot sources reach into the daemon's parts, so stop() must run before those
// parts are destroyed; after it no scrape runs.
#include <atomic>
#include <cstdint>
#include <memory>

#include "config/daemon_config.hpp"
#include "gateway/daemon/metrics_hooks.hpp"
#include "metrics/gateway_metrics.hpp"
#include "metrics/metrics_server.hpp"

namespace fgw::daemon {

class DaemonMetrics {
 public:
  DaemonMetrics(config::Endpoint listen, metrics::SnapshotSources sources);
  ~DaemonMetrics();

  http::RequestObserver& http_hook() { return http_hook_; }
  cti::client::RequestObserver& cti_hook() { return cti_hook_; }

  // Binds the listener. Throws std::runtime_error naming the address when it cannot.
  void start();
  // Stops the listener; a scrape in progress finishes first. Idempotent.
  void stop();
  // The bound port while started (the chosen one for port 0), else 0. From any thread.
  std::uint16_t port() const { return port_.load(); }

 private:
  const config::Endpoint listen_;
  std::shared_ptr<metrics::GatewayMetrics> metrics_;
  HttpMetricsHook http_hook_;
  CtiMetricsHook cti_hook_;
  std::unique_ptr<metrics::MetricsServer> server_;
  std::atomic<std::uint16_t> port_{0};
};

}  // namespace fgw::daemon
