#pragma once
// GET /metrics on `[metrics] listen` (prometheus-cpp's Exposer, which runs its own civetweb
// threads). Scrapes call the collectable on those threads.
#include <cstdint>
#include <memory>
#include <string>

#include <prometheus/collectable.h>

#include "config/daemon_config.hpp"

namespace prometheus {
class Exposer;
}

namespace fgw::metrics {

class MetricsServer {
 public:
  // Binds at once. Throws std::runtime_error naming the address when it cannot.
  MetricsServer(const config::Endpoint& listen, std::shared_ptr<prometheus::Collectable> collectable);
  // Stops serving; a scrape in progress finishes first. Takes milliseconds (listener_wake.hpp).
  ~MetricsServer();
  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  // The bound port (the one the system chose when `listen` asked for port 0).
  std::uint16_t port() const;

 private:
  std::string host_;
  std::shared_ptr<prometheus::Collectable> collectable_;  // the exposer only holds a weak_ptr
  std::unique_ptr<prometheus::Exposer> exposer_;
};

}  // namespace fgw::metrics
