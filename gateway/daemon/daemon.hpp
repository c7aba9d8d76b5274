#pragma once
// Wires the parts together (config, directory, store, desk, routes, HTTP server) and runs them
// until SIGINT or SIGTERM. Shutdown is graceful: the server stops accepting, requests in flight
// are answered, and the store closes cleanly.

#include <memory>

#include "config/daemon_config.hpp"
#include "config/directory.hpp"

namespace fgw::daemon {

class Daemon {
 public:
  explicit Daemon(config::DaemonConfig config);
  ~Daemon();
  // Blocks until a shutdown signal; returns the process exit code.
  int run();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

// --check-config: loads the config and the directory without starting anything. Throws
// config::ConfigError naming the bad key.
void check_config(const config::DaemonConfig& config);

config::HashCost hash_cost_of(const config::AuthSettings& auth);

}  // namespace fgw::daemon
