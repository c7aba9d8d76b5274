#include "gateway/daemon/daemon.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <filesystem>
#include <functional>
#include <spdlog/spdlog.h>
#include <thread>
#include <atomic>

#include "config/config_store.hpp"
#include "config/directory.hpp"
#include "gateway/api/api_context.hpp"
#include "gateway/cti/client/cti_client.hpp"
#include "gateway/daemon/cti_client_requests.hpp"
#include "gateway/daemon/cti_link.hpp"
#include "gateway/daemon/daemon_metrics.hpp"
#include "gateway/daemon/metrics_feed.hpp"
#include "gateway/daemon/notification_fanout.hpp"
#include "gateway/daemon/notification_log.hpp"
#include "gateway/daemon/xmpp_link.hpp"
#include "gateway/api/dispatcher.hpp"
#include "gateway/desk/desk.hpp"
#include "gateway/http/authenticator.hpp"
#include "gateway/http/router.hpp"
#include "gateway/http/server.hpp"
#include "tools/ctisim/simulator.hpp"

namespace fgw::daemon {

namespace {

// How long requests in flight may take to finish after a shutdown signal.
constexpr auto kShutdownGrace = std::chrono::seconds(10);

void ensure_parent_directory(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
}

// `[cti] simulator = true`: finesse-ctisim in-process, serving side_a / side_b, still spoken to
// over real GED-188 on loopback (DESIGN.md "Contract").
std::unique_ptr<ctisim::Simulator> make_simulator(boost::asio::io_context& io, const config::DaemonConfig& config) {
  if (!config.cti.simulator) return nullptr;
  ctisim::SimulatorOptions options;
  options.side_a = config.cti.side_a;
  options.side_b = config.cti.side_b;
  options.control = config.cti.simulator_control;
  options.directory_path = config.directory.path;
  options.peripheral_id = config.cti.peripheral_id;
  options.wrap_up_time = std::chrono::seconds(config.cti.simulator_wrap_up_s);
  options.wrap_up_keeps_call = config.cti.simulator_wrap_up_keeps_call;
  return std::make_unique<ctisim::Simulator>(io, std::move(options));
}

cti::client::CtiClientSettings cti_client_settings(const config::CtiSettings& cti) {
  cti::client::CtiClientSettings settings;
  settings.side_a = cti.side_a;
  settings.side_b = cti.side_b;
  settings.peripheral_id = cti.peripheral_id;
  return settings;
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
  NotificationLog notification_log;
  NotificationFanout notifications;
  desk::Desk desk;
  // `[metrics] listen`. Before the dispatcher and the CTI client, which report to its hooks, so
  // that it outlives them.
  std::unique_ptr<DaemonMetrics> metrics;
  http::Router router;
  api::ApiContext context;
  http::Authenticator authenticator;
  api::Dispatcher dispatcher;
  boost::asio::io_context io;
  http::Server server;
  std::unique_ptr<ctisim::Simulator> simulator;
  CtiDeskBridge cti_bridge;
  cti::client::CtiClient cti_client;
  CtiClientRequests cti_requests;
  std::unique_ptr<XmppLink> xmpp;  // `[xmpp] enabled = true`
  std::function<void(const std::string& why)> shutdown;  // set while run() runs

  Parts(config::DaemonConfig c, desk::NotificationSink* observer)
      : config(std::move(c)),
        directory(config::Directory::load(config.directory.path, hash_cost_of(config.auth))),
        store(open_store(config.store)),
        desk(directory, notifications),
        metrics(make_metrics()),
        context{config, directory, *store, desk, nullptr},  // cti set below, once the client exists
        authenticator(directory, config.auth),
        dispatcher(router, authenticator, desk.service(), metrics ? &metrics->http_hook() : nullptr),
        io(static_cast<int>(config.http.threads)),
        server(io, config.http, [this](http::ApiRequest& r) { return dispatcher.handle(r); }),
        simulator(make_simulator(io, config)),
        cti_bridge(desk, cti_down_reason(config.cti.side_b.has_value())),
        cti_client(io, cti_client_settings(config.cti), cti_bridge, metrics ? &metrics->cti_hook() : nullptr),
        cti_requests(cti_client, config.cti.max_requests_in_flight) {
    notifications.add(notification_log);
    if (observer) notifications.add(*observer);
    context.cti = &cti_requests;
    if (config.xmpp.enabled) {
      xmpp = std::make_unique<XmppLink>(config, directory, context);
      notifications.add(xmpp->sink());
      desk.service().set_listener([this] { xmpp->on_service_change(); });
    }
    api::register_all_routes(router, context);
  }

  // No scrape may reach the parts below while they are destroyed.
  ~Parts() {
    if (metrics) metrics->stop();
  }

  // The samples are pulled at scrape time, on the exporter's thread, through each part's
  // thread-safe accessor; the parts the lambdas name exist by then (run() starts the exporter).
  std::unique_ptr<DaemonMetrics> make_metrics() {
    if (!config.metrics.listen) return nullptr;
    fgw::metrics::SnapshotSources sources;
    sources.info = {FGW_VERSION, config.node.name, config.xmpp.enabled ? config.xmpp.component : std::string()};
    sources.desk = [this] { return desk_sample(desk); };
    sources.cti = [this] { return cti_sample(cti_client.stats(), config.cti.side_b.has_value()); };
    if (config.xmpp.enabled) sources.xmpp = [this] { return xmpp_sample(xmpp->stats()); };
    return std::make_unique<DaemonMetrics>(*config.metrics.listen, std::move(sources));
  }

  static std::unique_ptr<config::ConfigStore> open_store(const config::StoreSettings& s) {
    ensure_parent_directory(s.path);
    ensure_parent_directory(s.key_path);
    return config::ConfigStore::open(s.path, s.key_path);
  }
};

Daemon::Daemon(config::DaemonConfig config, desk::NotificationSink* observer) {
  for (const auto& warning : config.warnings) spdlog::warn("config: {}", warning);
  parts_ = std::make_unique<Parts>(std::move(config), observer);
  spdlog::info("directory: {} users, {} teams; store schema version {}", parts_->directory.users().size(),
               parts_->directory.teams().size(), parts_->store->schema_version());
}

Daemon::~Daemon() = default;

int Daemon::run() {
  auto& p = *parts_;
  if (p.metrics) p.metrics->start();  // first: a bad metrics.listen fails before anything connects
  if (p.simulator) {
    p.simulator->start();
    spdlog::info("CTI simulator in-process: side A {}{}", p.config.cti.side_a.to_string(),
                 p.config.cti.side_b ? ", side B " + p.config.cti.side_b->to_string() : std::string());
  }
  p.cti_client.start();
  if (p.xmpp) p.xmpp->start();
  p.server.start();
  spdlog::info("finesse-gw listening on {}://{}:{} ({} threads)", p.config.http.tls.enabled ? "https" : "http",
               p.config.http.listen.host, p.server.port(), p.config.http.threads);

  boost::asio::signal_set signals(p.io, SIGINT, SIGTERM);
  boost::asio::steady_timer drain(p.io);
  std::chrono::steady_clock::time_point deadline;
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
  std::atomic<bool> stopping{false};  // a signal and stop() may race on two io threads
  p.shutdown = [&](const std::string& why) {
    if (stopping.exchange(true)) return;
    spdlog::info("{}: stopping; requests in flight finish first", why);
    deadline = std::chrono::steady_clock::now() + kShutdownGrace;
    signals.cancel();
    if (p.xmpp) p.xmpp->stop();  // 'finesse' goes unavailable first, so that clients fail over
    p.server.stop();
    p.cti_client.stop();
    if (p.simulator) p.simulator->stop();
    wait_for_drain();
  };
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (!ec) p.shutdown("signal " + std::to_string(signal));
  });

  std::vector<std::thread> pool;
  for (unsigned i = 1; i < p.config.http.threads; ++i) pool.emplace_back([&] { p.io.run(); });
  p.io.run();
  for (auto& t : pool) t.join();
  p.shutdown = nullptr;
  if (p.metrics) p.metrics->stop();
  spdlog::info("finesse-gw stopped");
  return 0;
}

void Daemon::stop() {
  auto& p = *parts_;
  boost::asio::post(p.io, [&p] {
    if (p.shutdown) p.shutdown("stop requested");
  });
}

std::uint16_t Daemon::http_port() const { return parts_->server.port(); }

std::uint16_t Daemon::metrics_port() const { return parts_->metrics ? parts_->metrics->port() : 0; }

}  // namespace fgw::daemon
