#include "config/daemon_config.hpp"

#include <fstream>
#include <sstream>
#include <unistd.h>

#include "config/toml_reader.hpp"

namespace fgw::config {

std::string Endpoint::to_string() const { return host + ":" + std::to_string(port); }

Endpoint parse_endpoint(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
    throw std::invalid_argument("expected HOST:PORT, got \"" + text + "\"");
  Endpoint endpoint;
  endpoint.host = text.substr(0, colon);
  if (endpoint.host.size() > 2 && endpoint.host.front() == '[' && endpoint.host.back() == ']')
    endpoint.host = endpoint.host.substr(1, endpoint.host.size() - 2);  // [::1]:8082
  const std::string port = text.substr(colon + 1);
  if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5)
    throw std::invalid_argument("port must be a number in 0-65535, got \"" + port + "\"");
  const long value = std::stol(port);
  if (value > 65535) throw std::invalid_argument("port must be in 0-65535, got " + port);
  endpoint.port = static_cast<uint16_t>(value);
  return endpoint;
}

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

void read_http(TomlTableReader& t, HttpSettings& http) {
  if (auto v = t.endpoint("listen")) http.listen = *v;
  if (auto v = t.integer("threads", 1, 64)) http.threads = static_cast<unsigned>(*v);
  auto& limits = http.limits;
  if (auto v = t.integer("max_body_bytes", 1, 64 * 1024 * 1024)) limits.max_body_bytes = static_cast<size_t>(*v);
  if (auto v = t.integer("max_header_bytes", 512, 1024 * 1024)) limits.max_header_bytes = static_cast<size_t>(*v);
  if (auto v = t.integer("read_timeout_ms", 10, 3'600'000)) limits.read_timeout = milliseconds(*v);
  if (auto v = t.integer("idle_timeout_ms", 10, 86'400'000)) limits.idle_timeout = milliseconds(*v);
  if (auto v = t.integer("max_connections", 1, 1'000'000)) limits.max_connections = static_cast<size_t>(*v);
  if (auto tls = t.table("tls")) {
    http.tls.enabled = tls->boolean("enabled").value_or(true);
    http.tls.cert_path = tls->string("cert").value_or("");
    http.tls.key_path = tls->string("key").value_or("");
    if (http.tls.enabled && http.tls.cert_path.empty()) tls->fail("cert", "required when TLS is enabled");
    if (http.tls.enabled && http.tls.key_path.empty()) tls->fail("key", "required when TLS is enabled");
  }
}

void read_auth(TomlTableReader& t, AuthSettings& auth) {
  if (auto v = t.integer("credential_cache_ttl_s", 0, 86'400)) auth.credential_cache_ttl = seconds(*v);
  if (auto v = t.integer("credential_cache_size", 0, 10'000'000)) auth.credential_cache_size = static_cast<size_t>(*v);
  if (auto v = t.integer("failures_before_throttle", 1, 1'000'000)) auth.failures_before_throttle = static_cast<unsigned>(*v);
  if (auto v = t.integer("failure_window_s", 1, 86'400)) auth.failure_window = seconds(*v);
  if (auto v = t.string("password_hash_cost")) {
    if (*v != "interactive" && *v != "minimal") t.fail("password_hash_cost", "must be \"interactive\" or \"minimal\"");
    auth.password_hash_cost = *v;
  }
}

void read_cti(TomlTableReader& t, CtiSettings& cti) {
  if (auto v = t.boolean("simulator")) cti.simulator = *v;
  if (auto v = t.endpoint("simulator_control")) cti.simulator_control = *v;
  if (auto v = t.endpoint("side_a")) cti.side_a = *v;
  if (auto v = t.endpoint("side_b")) cti.side_b = *v;
  // Guide 5.3: "cti - peripheralId ... must be between 1 and 32767".
  if (auto v = t.integer("peripheral_id", 1, 32767)) cti.peripheral_id = static_cast<int>(*v);
  if (auto v = t.integer("simulator_wrap_up_s", 0, 7200)) cti.simulator_wrap_up_s = static_cast<int>(*v);
  if (auto v = t.boolean("simulator_wrap_up_keeps_call")) cti.simulator_wrap_up_keeps_call = *v;
  if (auto v = t.integer("max_requests_in_flight", 1, 1'000'000)) cti.max_requests_in_flight = static_cast<std::size_t>(*v);
}

void read_xmpp(TomlTableReader& t, XmppSettings& xmpp) {
  if (auto v = t.boolean("enabled")) xmpp.enabled = *v;
  if (auto v = t.endpoint("server")) xmpp.server = *v;
  if (auto v = t.string("component")) xmpp.component = *v;
  if (auto v = t.string("secret")) xmpp.secret = *v;
  if (auto v = t.string("domain")) xmpp.domain = *v;
  if (auto v = t.string("pubsub")) xmpp.pubsub = *v;
  if (xmpp.enabled && !xmpp.server) t.fail("server", "required when xmpp.enabled is true");
  if (xmpp.enabled && xmpp.component.empty()) t.fail("component", "required when xmpp.enabled is true");
}

void read_node(TomlTableReader& t, NodeSettings& node) {
  if (auto v = t.string("name")) {
    if (*v != "primary" && *v != "secondary") t.fail("name", "must be \"primary\" or \"secondary\"");
    node.name = *v;
  }
  if (auto v = t.string("host")) node.host = *v;
  if (auto v = t.string("primary_host")) node.primary_host = *v;
  if (auto v = t.string("peer_component")) node.peer_component = *v;
  if (auto v = t.string("peer_host")) node.peer_host = *v;
  if (auto v = t.integer("peer_ping_interval_ms", 50, 60'000)) node.peer_ping_interval = milliseconds(*v);
  if (auto v = t.integer("standby_retention_ms", 1000, 600'000)) node.standby_retention = milliseconds(*v);
}

std::string local_hostname() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "localhost";
  return name;
}

// Reads one optional [section] with `read`, then records the keys it did not know.
template <typename Settings, typename Reader>
void read_section(TomlTableReader& root, const std::string& name, Settings& settings, Reader read,
                  std::vector<std::string>& warnings) {
  auto section = root.table(name);
  if (!section) return;
  read(*section, settings);
  for (auto& key : section->unread_keys()) warnings.push_back("unknown key " + key + " (ignored)");
}

}  // namespace

DaemonConfig parse_daemon_config(std::string_view toml_text, const std::string& source_name) {
  const auto table = parse_toml(toml_text, source_name);
  TomlTableReader root(table, "");
  DaemonConfig config;
  auto& w = config.warnings;
  read_section(root, "http", config.http, read_http, w);
  read_section(root, "metrics", config.metrics, [](TomlTableReader& t, MetricsSettings& m) {
    if (auto v = t.endpoint("listen")) m.listen = *v;
  }, w);
  read_section(root, "store", config.store, [](TomlTableReader& t, StoreSettings& s) {
    if (auto v = t.string("path")) s.path = *v;
    if (auto v = t.string("key_path")) s.key_path = *v;
    if (s.path.empty()) t.fail("path", "must not be empty");
  }, w);
  read_section(root, "directory", config.directory, [](TomlTableReader& t, DirectorySettings& d) {
    if (auto v = t.string("path")) d.path = *v;
    if (d.path.empty()) t.fail("path", "must not be empty");
  }, w);
  read_section(root, "cti", config.cti, read_cti, w);
  read_section(root, "xmpp", config.xmpp, read_xmpp, w);
  read_section(root, "node", config.node, read_node, w);
  read_section(root, "auth", config.auth, read_auth, w);
  read_section(root, "log", config.log_level, [](TomlTableReader& t, std::string& level) {
    if (auto v = t.string("level")) {
      static const std::set<std::string> kLevels{"trace", "debug", "info", "warn", "error", "critical", "off"};
      if (!kLevels.count(*v)) t.fail("level", "must be one of trace, debug, info, warn, error, critical, off");
      level = *v;
    }
  }, w);
  for (auto& key : root.unread_keys()) w.push_back("unknown key " + key + " (ignored)");
  if (config.store.key_path.empty()) config.store.key_path = config.store.path + ".key";
  if (config.node.host.empty()) config.node.host = local_hostname();
  return config;
}

DaemonConfig load_daemon_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path + ": cannot open the file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_daemon_config(text.str(), path);
}

}  // namespace fgw::config
