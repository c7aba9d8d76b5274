#include "metrics/metrics_server.hpp"

#include <prometheus/exposer.h>

#include "metrics/listener_wake.hpp"

#include <stdexcept>
#include <string>

namespace fgw::metrics {

namespace {

// civetweb's listening_ports syntax: an IPv6 address goes in brackets.
std::string bind_address(const config::Endpoint& listen) {
  const bool ipv6 = listen.host.find(':') != std::string::npos;
  return (ipv6 ? "[" + listen.host + "]" : listen.host) + ":" + std::to_string(listen.port);
}

// Two threads: Prometheus scrapes one at a time, the second keeps a slow client from blocking it.
constexpr std::size_t kThreads = 2;

}  // namespace

MetricsServer::MetricsServer(const config::Endpoint& listen, std::shared_ptr<prometheus::Collectable> collectable)
    : host_(listen.host), collectable_(std::move(collectable)) {
  try {
    exposer_ = std::make_unique<prometheus::Exposer>(bind_address(listen), kThreads);
  } catch (const std::exception& e) {
    throw std::runtime_error("metrics.listen " + listen.to_string() + ": cannot listen: " + e.what());
  }
  exposer_->RegisterCollectable(collectable_);
}

MetricsServer::~MetricsServer() {
  stop_with_wake_ups(host_, port(), [this] { exposer_.reset(); });
}

std::uint16_t MetricsServer::port() const {
  if (!exposer_) return 0;
  const auto ports = exposer_->GetListeningPorts();
  return ports.empty() ? 0 : static_cast<std::uint16_t>(ports.front());
}

}  // namespace fgw::metrics
