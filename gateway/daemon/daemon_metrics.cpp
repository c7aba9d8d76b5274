#include "gateway/daemon/daemon_metrics.hpp"

#include <spdlog/spdlog.h>

namespace fgw::daemon {

DaemonMetrics::DaemonMetrics(config::Endpoint listen, metrics::SnapshotSources sources)
    : listen_(std::move(listen)),
      metrics_(std::make_shared<metrics::GatewayMetrics>(std::move(sources))),
      http_hook_(metrics_->http()),
      cti_hook_(metrics_->cti()) {}

DaemonMetrics::~DaemonMetrics() { stop(); }

void DaemonMetrics::start() {
  if (server_) return;
  server_ = std::make_unique<metrics::MetricsServer>(listen_, metrics_);
  port_ = server_->port();
  spdlog::info("metrics on http://{}:{}/metrics", listen_.host, port_.load());
}

void DaemonMetrics::stop() {
  port_ = 0;
  server_.reset();
}

}  // namespace fgw::daemon
