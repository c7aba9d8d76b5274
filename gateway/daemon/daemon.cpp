#include "gateway/daemon/daemon.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <filesystem>
#include <functional>
#include <spdlog/spdlog.h>
#include <thread>

#include "config/config_store.hpp"
#include "config/directory.hpp"
#include "gateway/api/api_context.hpp"
#include "gateway/api/dispatcher.hpp"
#include "gateway/desk/desk.hpp"
#include "gateway/http/authenticator.hpp"
#include "gateway/http/router.hpp"
#include "gateway/http/server.hpp"

namespace fgw::daemon {

namespace {

// How long requests in flight may take to finish after a shutdown signal.
constexpr auto kShutdownGrace = std::chrono::seconds(10);

void ensure_parent_directory(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
}

void warn_about_unbuilt_features(const config::DaemonConfig& config) {
  if (config.cti.simulator)
    spdlog::warn("cti.simulator: the in-process CTI simulator is not built yet; no CTI link is made");
  if (config.xmpp.enabled) spdlog::warn("xmpp.enabled: the XMPP component is not built yet; nothing is published");
  if (config.metrics.listen) spdlog::warn("metrics.listen: the metrics exporter is not built yet");
}

}  // namespace

config::HashCost hash_cost_of(const config::AuthSettings& auth) {
  return auth.password_hash_cost == "minimal" ? config::HashCost::Minimal : config::HashCost::Interactive;
}

void check_config(const config::DaemonConfig& config) {
  config::Directory::load(config.directory.path, hash_cost_of(config.auth));
}

struct Daemon::Parts {
  config::DaemonConfig config;
  config::Directory directory;
  std::unique_ptr<config::ConfigStore> store;
  desk::Desk desk;
  http::Router router;
  api::ApiContext context;
  http::Authenticator authenticator;
  api::Dispatcher dispatcher;
  boost::asio::io_context io;
  http::Server server;

  explicit Parts(config::DaemonConfig c)
      : config(std::move(c)),
        directory(config::Directory::load(config.directory.path, hash_cost_of(config.auth))),
        store(open_store(config.store)),
        context{config, directory, *store, desk},
        authenticator(directory, config.auth),
        dispatcher(router, authenticator, desk.service()),
        io(static_cast<int>(config.http.threads)),
        server(io, config.http, [this](http::ApiRequest& r) { return dispatcher.handle(r); }) {
    api::register_all_routes(router, context);
  }

  static std::unique_ptr<config::ConfigStore> open_store(const config::StoreSettings& s) {
    ensure_parent_directory(s.path);
    ensure_parent_directory(s.key_path);
    return config::ConfigStore::open(s.path, s.key_path);
  }
};

Daemon::Daemon(config::DaemonConfig config) {
  for (const auto& warning : config.warnings) spdlog::warn("config: {}", warning);
  parts_ = std::make_unique<Parts>(std::move(config));
  spdlog::info("directory: {} users, {} teams; store schema version {}", parts_->directory.users().size(),
               parts_->directory.teams().size(), parts_->store->schema_version());
}

Daemon::~Daemon() = default;

int Daemon::run() {
  auto& p = *parts_;
  warn_about_unbuilt_features(p.config);
  p.server.start();
  spdlog::info("finesse-gw listening on {}://{}:{} ({} threads)", p.config.http.tls.enabled ? "https" : "http",
               p.config.http.listen.host, p.server.port(), p.config.http.threads);

  boost::asio::signal_set signals(p.io, SIGINT, SIGTERM);
  boost::asio::steady_timer drain(p.io);
  const auto deadline = std::chrono::steady_clock::now() + kShutdownGrace;
  // Polls until the last connection has closed (or the grace period ends), then lets run() return.
  std::function<void()> wait_for_drain = [&] {
    if (p.server.stats().connections_open == 0) return;
    if (std::chrono::steady_clock::now() >= deadline) {
      spdlog::warn("shutdown grace period over; closing remaining connections");
      p.io.stop();
      return;
    }
    drain.expires_after(std::chrono::milliseconds(20));
    drain.async_wait([&](const boost::system::error_code& ec) {
      if (!ec) wait_for_drain();
    });
  };
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("signal {}: stopping; requests in flight finish first", signal);
    p.server.stop();
    wait_for_drain();
  });

  std::vector<std::thread> pool;
  for (unsigned i = 1; i < p.config.http.threads; ++i) pool.emplace_back([&] { p.io.run(); });
  p.io.run();
  for (auto& t : pool) t.join();
  spdlog::info("finesse-gw stopped");
  return 0;
}

}  // namespace fgw::daemon
