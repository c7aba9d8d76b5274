#pragma once
// Wires the parts together (config, directory, store, desk, routes, HTTP server) and runs them
// until SIGINT or SIGTERM. Shutdown is graceful: the server stops accepting, requests in flight
// are answered, and the store closes cleanly.

#include <memory>

#include "config/daemon_config.hpp"
#include "config/directory.hpp"
#include "gateway/desk/notification.hpp"

namespace fgw::daemon {

class Daemon {
 public:
  // `observer`, if given, also receives every notification the desk emits, in order (for an
  // embedding program: the scenario tests and the benchmarks). It must outlive the daemon.
  explicit Daemon(config::DaemonConfig config, desk::NotificationSink* observer = nullptr);
  ~Daemon();
  // Blocks until a shutdown signal or stop(); returns the process exit code.
  int run();
  // From any thread: the same graceful shutdown as SIGTERM.
  void stop();
  // The bound HTTP port, once run() has started the server (0 before).
  std::uint16_t http_port() const;
  // The bound /metrics port while run() runs, with `[metrics] listen` (0 otherwise).
  std::uint16_t metrics_port() const;

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

// --check-config: loads the config and the directory without starting anything. Throws
// config::ConfigError naming the bad key.
void check_config(const config::DaemonConfig& config);

config::HashCost hash_cost_of(const config::AuthSettings& auth);

}  // namespace fgw::daemon
