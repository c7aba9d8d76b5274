#pragma once
// The daemon's TOML configuration (DESIGN.md "Contract"). Every limit has an explicit default here,
// so that an operator can read what the gateway enforces without reading the code.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fgw::config {

struct Endpoint {
  std::string host;
  uint16_t port = 0;
  std::string to_string() const;
};

// "HOST:PORT" -> Endpoint; throws std::invalid_argument with the reason.
Endpoint parse_endpoint(const std::string& text);

struct HttpLimits {
  size_t max_body_bytes = 64 * 1024;       // 413 beyond this
  size_t max_header_bytes = 8 * 1024;      // 431 beyond this
  std::chrono::milliseconds read_timeout{10'000};  // a request must arrive in full within this
  std::chrono::milliseconds idle_timeout{60'000};  // keep-alive connection with no request
  size_t max_connections = 1024;           // further connections get 503 and are closed
  // No pipelining limit is needed: the server reads a request only after answering the one before,
  // so a connection buffers at most one header block plus one read ahead.
};

struct TlsSettings {
  bool enabled = false;
  std::string cert_path;
  std::string key_path;
};

struct HttpSettings {
  Endpoint listen{"127.0.0.1", 8082};
  HttpLimits limits;
  TlsSettings tls;
  unsigned threads = 2;  // the io_context pool (DESIGN.md "Threads")
};

struct AuthSettings {
  std::chrono::seconds credential_cache_ttl{300};
  size_t credential_cache_size = 10'000;
  unsigned failures_before_throttle = 10;  // per source address, within failure_window
  std::chrono::seconds failure_window{60};
  // "interactive" (libsodium's default for logins) or "minimal" (tests only: fast to derive).
  std::string password_hash_cost = "interactive";
};

struct StoreSettings {
  std::string path = "var/finesse.db";
  std::string key_path;  // secret-box key for secrets at rest; default: <path>.key
};

struct DirectorySettings {
  std::string path = "deploy/sandbox/directory.toml";
};

struct CtiSettings {
  bool simulator = false;
  std::optional<Endpoint> simulator_control;
  Endpoint side_a{"127.0.0.1", 42027};
  std::optional<Endpoint> side_b;
  int peripheral_id = 5000;
  int simulator_wrap_up_s = 10;  // the in-process simulator's wrap-up after a call; 0: none
  bool simulator_wrap_up_keeps_call = false;  // ctisim::WorldOptions::wrap_up_keeps_call
  // REST requests awaiting CTI confirmation; beyond it a state-changing request is 503 at once.
  std::size_t max_requests_in_flight = 2000;
};

struct XmppSettings {
  bool enabled = false;
  std::optional<Endpoint> server;
  std::string component;
  std::string secret;
  std::string domain = "localhost";
  std::string pubsub = "pubsub.localhost";
};

struct NodeSettings {
  std::string name = "primary";  // "primary" or "secondary"
  std::string host;              // this node's host as SystemInfo reports it; default: hostname
  std::string primary_host;      // on a secondary node: the primary's host, for SystemInfo
  // The other node of a primary/secondary pair (docs/operations.md). Empty: this node is alone.
  std::string peer_component;    // the peer's XMPP component domain, pinged (XEP-0199)
  std::string peer_host;         // the peer's host, for SystemInfo and ClusterConfig
  std::chrono::milliseconds peer_ping_interval{500};
  std::chrono::milliseconds standby_retention{10'000};  // how long a standby keeps unconfirmed updates
};

struct MetricsSettings {
  std::optional<Endpoint> listen;
};

struct DaemonConfig {
  HttpSettings http;
  MetricsSettings metrics;
  StoreSettings store;
  DirectorySettings directory;
  CtiSettings cti;
  XmppSettings xmpp;
  NodeSettings node;
  AuthSettings auth;
  std::string log_level = "info";
  std::vector<std::string> warnings;  // unknown keys and the like: logged, not fatal
};

// Names the key and the reason, e.g. "http.listen: expected HOST:PORT".
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Relative paths in the file are taken relative to the current working directory, as an operator
// running the daemon from the checkout expects.
DaemonConfig load_daemon_config(const std::string& path);
DaemonConfig parse_daemon_config(std::string_view toml_text, const std::string& source_name);

}  // namespace fgw::config
