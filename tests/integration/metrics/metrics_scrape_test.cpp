// GET /metrics on a running gateway (in-process simulator, real sockets): what Prometheus scrapes
// after a REST request, a CTI request and a CTI failover, plus --list-metrics on the command line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <sstream>
#include <thread>

#include "config/daemon_config.hpp"
#include "gateway/daemon/daemon.hpp"
#include "integration/support/daemon_process.hpp"
#include "metrics/catalog.hpp"

namespace fgw::testing {
namespace {

using namespace std::chrono_literals;

// Long enough for a loaded two-core machine and an ASan build; an honest pass takes milliseconds.
constexpr auto kPatience = 15s;
const std::string kBinary = FGW_DAEMON_BINARY;
const std::string kAgent = "agent1:agent1pw";  // DaemonProcess's default directory

std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("fgw-it-metrics-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The value of the series written exactly as `series` ("name{label=\"v\"}"), if it is exported.
std::optional<double> value_of(const std::string& exposition, const std::string& series) {
  for (const auto& line : lines_of(exposition))
    if (line.size() > series.size() && line.compare(0, series.size(), series) == 0 && line[series.size()] == ' ')
      return std::stod(line.substr(series.size() + 1));
  return std::nullopt;
}

HttpReply scrape(std::uint16_t port) { return http_call(port, "GET", "/metrics"); }

// Scrapes until `series` has `expected` (events reach the desk asynchronously), then returns the
// last exposition either way, for the assertion's message.
// The first scrape in which every series has its expected value (or the last one, at the deadline).
// Several at once: one scrape is a point in time, and related series change a few ms apart.
std::string scrape_until(std::uint16_t port, const std::vector<std::pair<std::string, double>>& expected) {
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  std::string body;
  do {
    body = scrape(port).body;
    if (std::all_of(expected.begin(), expected.end(),
                    [&](const auto& e) { return value_of(body, e.first) == e.second; }))
      break;
    std::this_thread::sleep_for(50ms);
  } while (std::chrono::steady_clock::now() < deadline);
  return body;
}

std::string scrape_until(std::uint16_t port, const std::string& series, double expected) {
  return scrape_until(port, {{series, expected}});
}

// The real binary, black-box: [metrics] listen on a port chosen beforehand.
class ScrapedDaemon : public ::testing::Test {
 protected:
  ScrapedDaemon()
      : dir(temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name())),
        metrics_port(free_port()),
        daemon(dir, "[metrics]\nlisten = \"127.0.0.1:" + std::to_string(metrics_port) + "\"\n") {
    daemon.start();
  }
  ~ScrapedDaemon() override {
    daemon.stop();
    std::filesystem::remove_all(dir);
  }

  std::filesystem::path dir;
  std::uint16_t metrics_port;
  DaemonProcess daemon;
};

TEST_F(ScrapedDaemon, ExportsTheRestRequestByRouteTemplateAndTheCtiLink) {
  ASSERT_EQ(http_call(daemon.port(), "GET", "/finesse/api/User/1001", kAgent).status, 200);

  const auto reply = scrape(metrics_port);
  ASSERT_EQ(reply.status, 200) << daemon.log();
  EXPECT_EQ(reply.header("Content-Type").rfind("text/plain", 0), 0u) << reply.head;
  const auto& text = reply.body;
  EXPECT_EQ(value_of(text, R"(finesse_gw_http_requests_total{method="GET",route="/finesse/api/User/{}",status="200"})"),
            1.0) << text;
  EXPECT_EQ(text.find("User/1001"), std::string::npos) << "raw paths must not become labels:\n" << text;
  EXPECT_EQ(value_of(text, R"(finesse_gw_service_status{status="IN_SERVICE"})"), 1.0) << text;
  EXPECT_EQ(value_of(text, R"(finesse_gw_service_status{status="OUT_OF_SERVICE"})"), 0.0) << text;
  EXPECT_EQ(value_of(text, R"(finesse_gw_cti_side_connected{side="a"})"), 1.0) << text;
  EXPECT_EQ(value_of(text, R"(finesse_gw_cti_side_active{side="a"})"), 1.0) << text;
  EXPECT_EQ(value_of(text, R"(finesse_gw_cti_side_connected{side="b"})"), 0.0) << text;
  EXPECT_EQ(value_of(text, R"(finesse_gw_node_info{component="",node="primary"})"), 1.0) << text;
  // No [xmpp] in this config: the XMPP and pair families are absent, not zero.
  EXPECT_EQ(text.find("finesse_gw_xmpp_"), std::string::npos) << text;
  EXPECT_EQ(text.find("finesse_gw_pair_"), std::string::npos) << text;
}

TEST_F(ScrapedDaemon, SignInShowsAsACtiRequestAndAnAgentState) {
  const auto login = http_call(daemon.port(), "PUT", "/finesse/api/User/1001", kAgent,
                               "<User><state>LOGIN</state><extension>1001</extension></User>");
  ASSERT_EQ(login.status, 202) << login.body;

  const auto text = scrape_until(metrics_port, R"(finesse_gw_agents{state="NOT_READY"})", 1);
  EXPECT_EQ(value_of(text, R"(finesse_gw_agents{state="NOT_READY"})"), 1.0) << text;
  EXPECT_EQ(value_of(text, R"(finesse_gw_agents{state="READY"})"), 0.0) << text;
  EXPECT_GE(value_of(text, R"(finesse_gw_cti_request_duration_seconds_count{request="SET_AGENT_STATE_REQ"})")
                .value_or(0), 1.0) << text;
  EXPECT_GE(value_of(text, "finesse_gw_cti_events_total").value_or(0), 1.0) << text;
  EXPECT_EQ(value_of(text, R"(finesse_gw_http_requests_total{method="PUT",route="/finesse/api/User/{}",status="202"})"),
            1.0) << text;
}

// A listening socket on 127.0.0.1, closed on destruction.
class HeldPort {
 public:
  HeldPort() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd_, 1) != 0)
      throw std::runtime_error("cannot hold a port");
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~HeldPort() { ::close(fd_); }
  std::uint16_t port() const { return port_; }

 private:
  int fd_;
  std::uint16_t port_ = 0;
};

TEST(MetricsListen, AnAddressInUseStopsTheDaemonWithTheKeyNamed) {
  const auto dir = temp_dir("in-use");
  HeldPort held;
  DaemonProcess daemon(dir, "[metrics]\nlisten = \"127.0.0.1:" + std::to_string(held.port()) + "\"\n");
  // `timeout`: a daemon that wrongly starts anyway must not hang the test.
  const auto r = run_command("timeout 20 " + kBinary + " --config " + daemon.config_path().string());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("metrics.listen 127.0.0.1:" + std::to_string(held.port())), std::string::npos) << r.output;
  std::filesystem::remove_all(dir);
}

TEST(ListMetrics, PrintsEveryCatalogFamilySortedWithItsType) {
  const auto r = run_command(kBinary + " --list-metrics");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto lines = lines_of(r.output);
  EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end())) << r.output;
  EXPECT_EQ(lines.size(), metrics::catalog().size()) << r.output;
  for (const auto* def : metrics::catalog()) {
    const auto expected = std::string(def->name) + " " + std::string(metrics::to_string(def->kind));
    EXPECT_THAT(lines, ::testing::Contains(expected));
  }
  EXPECT_THAT(lines, ::testing::Contains("finesse_gw_pair_publishing gauge"));
  EXPECT_THAT(lines, ::testing::Contains("finesse_gw_xmpp_publish_duration_seconds histogram"));
  EXPECT_THAT(lines, ::testing::Contains("finesse_gw_http_requests_total counter"));
}

// The whole gateway in-process, so that a test can read the port chosen for `listen = ...:0`.
class InProcessGateway {
 public:
  InProcessGateway()
      : dir_(temp_dir("inproc-" + std::to_string(counter()++))), control_port_(free_port()) {
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "directory.toml") << "[[user]]\nid = \"1001\"\nlogin_name = \"agent1\"\n"
                                              "password = \"agent1pw\"\nextension = \"1001\"\nroles = [\"Agent\"]\n";
    const std::string toml = "[http]\nlisten = \"127.0.0.1:0\"\n"
                             "[metrics]\nlisten = \"127.0.0.1:0\"\n"
                             "[store]\npath = \"" + (dir_ / "finesse.db").string() + "\"\n"
                             "[directory]\npath = \"" + (dir_ / "directory.toml").string() + "\"\n"
                             "[auth]\npassword_hash_cost = \"minimal\"\n"
                             "[cti]\nsimulator = true\n"
                             "side_a = \"127.0.0.1:" + std::to_string(free_port()) + "\"\n"
                             "side_b = \"127.0.0.1:" + std::to_string(free_port()) + "\"\n"
                             "simulator_control = \"127.0.0.1:" + std::to_string(control_port_) + "\"\n";
    daemon_ = std::make_unique<daemon::Daemon>(config::parse_daemon_config(toml, "metrics-test"));
    runner_ = std::thread([this] { daemon_->run(); });
  }
  ~InProcessGateway() {
    daemon_->stop();
    runner_.join();
    daemon_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // 0 until run() has bound it.
  std::uint16_t metrics_port() const {
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    while (daemon_->metrics_port() == 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
    return daemon_->metrics_port();
  }
  std::uint16_t control_port() const { return control_port_; }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::filesystem::path dir_;
  std::uint16_t control_port_;
  std::unique_ptr<daemon::Daemon> daemon_;
  std::thread runner_;
};

TEST(InProcessMetrics, PortZeroBindsAChosenPort) {
  InProcessGateway gateway;
  const auto port = gateway.metrics_port();
  ASSERT_NE(port, 0);
  const auto text = scrape_until(port, R"(finesse_gw_service_status{status="IN_SERVICE"})", 1);
  EXPECT_EQ(value_of(text, R"(finesse_gw_service_status{status="IN_SERVICE"})"), 1.0) << text;
}

// What the failover dashboard shows: side A goes down, side B serves, the failover is counted.
TEST(InProcessMetrics, FailoverMovesTheActiveSideAndCountsIt) {
  InProcessGateway gateway;
  const auto port = gateway.metrics_port();
  ASSERT_NE(port, 0);
  auto text = scrape_until(port, R"(finesse_gw_cti_side_active{side="a"})", 1);
  ASSERT_EQ(value_of(text, R"(finesse_gw_cti_side_active{side="a"})"), 1.0) << text;
  EXPECT_EQ(value_of(text, "finesse_gw_cti_failovers_total"), 0.0) << text;

  ASSERT_EQ(http_call(gateway.control_port(), "POST", "/sides/a/down").status, 200);
  text = scrape_until(port, {{R"(finesse_gw_cti_side_active{side="b"})", 1},
                             {R"(finesse_gw_cti_side_active{side="a"})", 0},
                             {R"(finesse_gw_cti_side_connected{side="a"})", 0},
                             {"finesse_gw_cti_failovers_total", 1},
                             {"finesse_gw_cti_sessions_lost_total", 1},
                             {R"(finesse_gw_service_status{status="IN_SERVICE"})", 1}});
  EXPECT_EQ(value_of(text, R"(finesse_gw_cti_side_active{side="b"})"), 1.0) << text;
  EXPECT_EQ(value_of(text, R"(finesse_gw_cti_side_active{side="a"})"), 0.0) << text;
  EXPECT_EQ(value_of(text, R"(finesse_gw_cti_side_connected{side="a"})"), 0.0) << text;
  EXPECT_EQ(value_of(text, "finesse_gw_cti_failovers_total"), 1.0) << text;
  EXPECT_EQ(value_of(text, "finesse_gw_cti_sessions_lost_total"), 1.0) << text;
  EXPECT_EQ(value_of(text, R"(finesse_gw_service_status{status="IN_SERVICE"})"), 1.0) << text;
}

}  // namespace
}  // namespace fgw::testing
