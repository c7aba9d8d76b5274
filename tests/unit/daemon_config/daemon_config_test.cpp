#include <gtest/gtest.h>

#include "config/daemon_config.hpp"

using fgw::config::ConfigError;
using fgw::config::parse_daemon_config;

namespace {

std::string error_of(const std::string& toml) {
  try {
    parse_daemon_config(toml, "test.toml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(DaemonConfig, ContractKeysAreRead) {
  const auto config = parse_daemon_config(R"(
[http]
listen = "127.0.0.1:8082"
[metrics]
listen = "127.0.0.1:9464"
[store]
path = "var/finesse.db"
[directory]
path = "deploy/sandbox/directory.toml"
[cti]
simulator = true
simulator_control = "127.0.0.1:42100"
side_a = "127.0.0.1:42027"
side_b = "127.0.0.1:43027"
peripheral_id = 5000
[xmpp]
enabled = true
server = "127.0.0.1:5275"
component = "finesse.localhost"
secret = "s3cret"
domain = "localhost"
pubsub = "pubsub.localhost"
[node]
name = "secondary"
)",
                                          "test.toml");
  EXPECT_EQ(config.http.listen.port, 8082);
  EXPECT_EQ(config.metrics.listen->port, 9464);
  EXPECT_EQ(config.store.path, "var/finesse.db");
  EXPECT_EQ(config.store.key_path, "var/finesse.db.key");
  EXPECT_TRUE(config.cti.simulator);
  EXPECT_EQ(config.cti.side_b->port, 43027);
  EXPECT_EQ(config.cti.peripheral_id, 5000);
  EXPECT_EQ(config.xmpp.component, "finesse.localhost");
  EXPECT_EQ(config.node.name, "secondary");
  EXPECT_TRUE(config.warnings.empty());
}

TEST(DaemonConfig, DefaultsAreTheDocumentedLimits) {
  const auto config = parse_daemon_config("", "empty.toml");
  EXPECT_EQ(config.http.limits.max_body_bytes, 64u * 1024u);
  EXPECT_EQ(config.http.threads, 2u);
  EXPECT_FALSE(config.http.tls.enabled);
  EXPECT_EQ(config.cti.max_requests_in_flight, 2000u);
  EXPECT_FALSE(config.cti.simulator_wrap_up_keeps_call);
}

struct BadConfigCase {
  const char* toml;
  const char* expected_key_and_reason;
};

class BadConfig : public ::testing::TestWithParam<BadConfigCase> {};

TEST_P(BadConfig, ErrorNamesTheKeyAndTheReason) {
  const auto& c = GetParam();
  EXPECT_NE(error_of(c.toml).find(c.expected_key_and_reason), std::string::npos) << error_of(c.toml);
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadConfig,
    ::testing::Values(BadConfigCase{"[http]\nlisten = \"nohostport\"", "http.listen: expected HOST:PORT"},
                      BadConfigCase{"[http]\nlisten = \"h:99999\"", "http.listen: port must be"},
                      BadConfigCase{"[http]\nlisten = 8082", "http.listen: expected a string"},
                      BadConfigCase{"[http]\nmax_body_bytes = 0", "http.max_body_bytes: must be between"},
                      BadConfigCase{"[http.tls]\nkey = \"k.pem\"", "http.tls.cert: required"},
                      BadConfigCase{"[cti]\nperipheral_id = 40000", "cti.peripheral_id: must be between 1 and 32767"},
                      BadConfigCase{"[cti]\nsimulator = \"yes\"", "cti.simulator: expected true or false"},
                      BadConfigCase{"[cti]\nmax_requests_in_flight = 0", "cti.max_requests_in_flight: must be between"},
                      BadConfigCase{"[xmpp]\nenabled = true", "xmpp.server: required"},
                      BadConfigCase{"[node]\nname = \"tertiary\"", "node.name: must be"},
                      BadConfigCase{"[store]\npath = \"\"", "store.path: must not be empty"},
                      BadConfigCase{"[log]\nlevel = \"loud\"", "log.level: must be one of"},
                      BadConfigCase{"[http\nlisten=1", "test.toml:1"}),
    [](const auto& info) { return "case" + std::to_string(info.index); });

TEST(DaemonConfig, UnknownKeysWarnWithoutFailing) {
  // Later releases add keys; an older daemon must still start with a newer config.
  const auto config = parse_daemon_config("[http]\nlisten = \"127.0.0.1:1\"\nfuture = 1\n[future]\nx=1", "t.toml");
  ASSERT_EQ(config.warnings.size(), 2u);
  EXPECT_NE(config.warnings[0].find("http.future"), std::string::npos);
}

TEST(Endpoint, ParsesBracketedIpv6) {
  const auto e = fgw::config::parse_endpoint("[::1]:8443");
  EXPECT_EQ(e.host, "::1");
  EXPECT_EQ(e.port, 8443);
}
