// A primary/secondary pair (issue 7, docs/operations.md "Failover between nodes"): two real
// finesse-gw processes against one CTI simulator (real GED-188 over TCP) and one real ejabberd,
// each with its own component domain and 'finesse' entity. The primary is stopped in the middle
// of a call. The agent's client must see the primary's 'finesse' go unavailable, the secondary
// must serve the agent's REST calls, the events must keep coming on the same nodes with nothing
// missing and nothing twice, and the secondary's /metrics must show it publishing.
#include <gtest/gtest.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <future>
#include <map>
#include <regex>

#include "integration/support/daemon_process.hpp"
#include "integration/support/xmpp_harness.hpp"
#include "tools/ctisim/simulator.hpp"

namespace fgw::testing {
namespace {

using namespace std::chrono_literals;
using xmpp::AgentClient;
using xmpp::Event;
using xmpp::ServerKind;
using xmpp::Transport;
using xmpp::XmppServer;
using xmpp::update_on;

const std::string kPrimaryComponent = "finesse.localhost";
const std::string kSecondaryComponent = "finesse2.localhost";
const std::string kUserNode = "/finesse/api/User/1001";
const std::string kDialogsNode = "/finesse/api/User/1001/Dialogs";
const std::string kAgent = "agent1:agent1pw";
// How long the standby keeps what it derived without seeing the peer publish it. A node that has
// stood by for less than this republishes the whole state when it takes over; the test stands by
// longer, so that the takeover replays only what the primary did not publish.
constexpr std::chrono::milliseconds kRetention = 3s;

// The CTI Server both gateways connect to: the simulator library on its own thread, spoken to
// over TCP like the real one.
class SharedCtiServer {
 public:
  explicit SharedCtiServer(const std::filesystem::path& directory_file) : work_(io_.get_executor()) {
    ctisim::SimulatorOptions options;
    options.side_a = {"127.0.0.1", 0};
    options.control = config::Endpoint{"127.0.0.1", 0};
    options.directory_path = directory_file.string();
    options.wrap_up_time = std::chrono::seconds(0);
    simulator_ = std::make_unique<ctisim::Simulator>(io_, std::move(options));
    simulator_->start();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~SharedCtiServer() {
    simulator_->stop();
    work_.reset();
    io_.stop();
    thread_.join();
  }
  std::string cti_toml() const {
    return "[cti]\nside_a = \"127.0.0.1:" + std::to_string(simulator_->side_port('a')) + "\"\n";
  }
  HttpReply control(const std::string& target, const std::string& body = "") const {
    return raw_http(simulator_->control_port(),
                    "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
                        body);
  }

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::unique_ptr<ctisim::Simulator> simulator_;
  std::thread thread_;
};

struct Node {
  std::string name;
  std::string component;
  uint16_t component_port;
  std::string peer;
  uint16_t metrics_port = free_port();
};

std::string node_toml(const Node& node, const XmppServer& server) {
  return "[xmpp]\nenabled = true\nserver = \"127.0.0.1:" + std::to_string(node.component_port) + "\"\n"
         "component = \"" + node.component + "\"\nsecret = \"" + server.secret() + "\"\n"
         "domain = \"" + server.domain() + "\"\npubsub = \"" + server.pubsub() + "\"\n"
         "[node]\nname = \"" + node.name + "\"\nhost = \"gw-" + node.name + "\"\n"
         "peer_host = \"gw-" + (node.name == "primary" ? "secondary" : "primary") + "\"\n"
         "peer_component = \"" + node.peer + "\"\npeer_ping_interval_ms = 200\nstandby_retention_ms = " +
         std::to_string(kRetention.count()) + "\n"
         "[metrics]\nlisten = \"127.0.0.1:" + std::to_string(node.metrics_port) + "\"\n";
}

std::string first_match(const std::string& text, const std::string& pattern) {
  std::smatch match;
  return std::regex_search(text, match, std::regex(pattern)) ? match[1].str() : std::string();
}

// "<event>/<dialog state>" of every Dialogs event, "<state>" of every User event, in arrival order.
std::vector<std::string> dialog_history(const AgentClient& client) {
  std::vector<std::string> out;
  for (const auto& e : client.events())
    if (xmpp::field(e, "event") == "pubsub" && xmpp::field(e, "node") == kDialogsNode) {
      const auto text = xmpp::field(e, "text");
      out.push_back(first_match(text, "<event>(\\w+)</event>") + "/" + first_match(text, "<Dialog>.*?<state>(\\w+)</state>"));
    }
  return out;
}

std::vector<std::string> user_history(const AgentClient& client) {
  std::vector<std::string> out;
  for (const auto& e : client.events())
    if (xmpp::field(e, "event") == "pubsub" && xmpp::field(e, "node") == kUserNode)
      out.push_back(first_match(xmpp::field(e, "text"), "<state>(\\w+)</state>"));
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

// One sample of /metrics, by series ("name{labels}" as exposed).
std::map<std::string, double> scrape(uint16_t port) {
  std::map<std::string, double> samples;
  std::istringstream body(http_call(port, "GET", "/metrics").body);
  for (std::string line; std::getline(body, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.rfind(' ');
    if (space == std::string::npos) continue;
    samples[line.substr(0, space)] = std::atof(line.c_str() + space + 1);
  }
  return samples;
}

double metric(uint16_t port, const std::string& series) {
  const auto samples = scrape(port);
  const auto it = samples.find(series);
  return it == samples.end() ? -1 : it->second;
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds patience = 20s) {
  const auto deadline = std::chrono::steady_clock::now() + patience;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return condition();
}

class PairFailover : public ::testing::Test {
 protected:
  PairFailover()
      : server_(ServerKind::ejabberd, xmpp::ServerOptions{"localhost", kPrimaryComponent, kSecondaryComponent}),
        dir_(std::filesystem::temp_directory_path() / ("fgw-pair-" + std::to_string(::getpid()))),
        cti_(write_directory()),
        primary_node_{"primary", kPrimaryComponent, server_.component_port(), kSecondaryComponent},
        secondary_node_{"secondary", kSecondaryComponent, server_.component2_port(), kPrimaryComponent},
        primary_(dir_ / "primary", node_toml(primary_node_, server_), kDefaultDirectoryToml, cti_.cti_toml()),
        secondary_(dir_ / "secondary", node_toml(secondary_node_, server_), kDefaultDirectoryToml, cti_.cti_toml()) {}
  ~PairFailover() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  std::filesystem::path write_directory() {
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "directory.toml") << kDefaultDirectoryToml;
    return dir_ / "directory.toml";
  }

  void provision(const DaemonProcess& daemon) {
    const auto command = std::string(FGW_DAEMON_BINARY) + " provision --config " + daemon.config_path().string() +
                         " --apply ejabberd --api " + server_.api_url();
    const auto result = run_command(command);
    ASSERT_EQ(result.exit_code, 0) << command << "\n" << result.output;
  }

  HttpReply put_state(uint16_t port, const std::string& state, const std::string& request_id = "") {
    std::string body = "<User><state>" + state + "</state>";
    if (state == "LOGIN") body += "<extension>1001</extension>";
    return http_call(port, "PUT", kUserNode, kAgent, body + "</User>", request_id);
  }

  XmppServer server_;
  std::filesystem::path dir_;
  SharedCtiServer cti_;
  Node primary_node_;
  Node secondary_node_;
  DaemonProcess primary_;
  DaemonProcess secondary_;
};

TEST_F(PairFailover, StoppingThePrimaryMidCallHandsOverWithoutAGapOrADuplicate) {
  provision(primary_);
  provision(secondary_);
  primary_.start();
  ASSERT_TRUE(eventually([&] { return metric(primary_node_.metrics_port, "finesse_gw_pair_publishing") == 1; }))
      << primary_.log();
  secondary_.start();
  ASSERT_TRUE(eventually([&] { return metric(secondary_node_.metrics_port, "finesse_gw_pair_peer_serving") == 1; }))
      << secondary_.log();
  EXPECT_EQ(metric(secondary_node_.metrics_port, "finesse_gw_pair_publishing"), 0);
  const auto standby_since = std::chrono::steady_clock::now();

  auto agent = std::make_unique<AgentClient>(Transport::tcp, server_, "1001", "agent1pw");
  ASSERT_TRUE(agent->wait_for_event("online")) << agent->transcript();
  ASSERT_TRUE(agent->wait_for(xmpp::presence_from("finesse@" + kPrimaryComponent, "available"))) << agent->transcript();

  // Signed in and on a call, through the primary.
  ASSERT_EQ(put_state(primary_.port(), "LOGIN").status, 202);
  ASSERT_TRUE(agent->wait_for(update_on(kUserNode, {"<state>NOT_READY</state>"}))) << agent->transcript();
  ASSERT_EQ(put_state(primary_.port(), "READY").status, 202);
  ASSERT_TRUE(agent->wait_for(update_on(kUserNode, {"<state>READY</state>"}))) << agent->transcript();
  // The call starts after the secondary has stood by for longer than its retention, and the
  // failover follows within the retention: the secondary must not replay the call's first events,
  // which only the primary's items tell it were published.
  std::this_thread::sleep_until(standby_since + kRetention + 500ms);
  const auto placed = cti_.control("/calls", R"({"from":"5551000","to":"1001"})");
  ASSERT_EQ(placed.status, 200) << placed.body;
  const auto call_id = first_match(placed.body, "\"id\"\\s*:\\s*\"([^\"]+)\"");
  const auto alerting = agent->wait_for(update_on(kDialogsNode, {"<event>POST</event>", "5551000"}));
  ASSERT_TRUE(alerting) << agent->transcript();
  const auto dialog_id = first_match(xmpp::field(*alerting, "text"), "<uri>/finesse/api/Dialog/(\\w+)</uri>");
  ASSERT_FALSE(dialog_id.empty()) << xmpp::field(*alerting, "text");
  ASSERT_EQ(http_call(primary_.port(), "PUT", "/finesse/api/Dialog/" + dialog_id, kAgent,
                      "<Dialog><requestedAction>ANSWER</requestedAction><targetMediaAddress>1001</targetMediaAddress>"
                      "</Dialog>")
                .status,
            202);
  ASSERT_TRUE(agent->wait_for(update_on(kDialogsNode, {"<event>PUT</event>", "<state>ACTIVE</state>"})))
      << agent->transcript();
  ASSERT_TRUE(agent->wait_for(update_on(kUserNode, {"<state>TALKING</state>"}))) << agent->transcript();

  // The primary stops. Its 'finesse' goes away for the clients that use it (guide 8)...
  auto stopped = std::async(std::launch::async, [&] { return primary_.stop(); });
  const auto gone = agent->wait_for(xmpp::presence_from("finesse@" + kPrimaryComponent, "unavailable"));
  EXPECT_TRUE(gone) << agent->transcript();
  const auto gone_at = std::chrono::steady_clock::now();

  // ...and at that moment the caller hangs up. The secondary needs three failed pings (600 ms) to
  // take over, so it derives the Dialog DELETE and the User change from CTI while standing by, and
  // must publish them once it has taken over.
  ASSERT_EQ(cti_.control("/calls/" + call_id + "/hangup").status, 200);
  EXPECT_EQ(stopped.get(), 0);
  const auto deleted = agent->wait_for(update_on(kDialogsNode, {"<event>DELETE</event>"}));
  ASSERT_TRUE(deleted) << agent->transcript();
  std::printf("[ measure  ] primary's 'finesse' unavailable -> DELETE replayed by the secondary: %lld ms\n",
              static_cast<long long>(
                  std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - gone_at)
                      .count()));
  EXPECT_TRUE(eventually([&] { return metric(secondary_node_.metrics_port, "finesse_gw_pair_publishing") == 1; }))
      << secondary_.log();

  // The secondary serves the agent's REST calls, and its requestId comes back in the event.
  ASSERT_EQ(put_state(secondary_.port(), "NOT_READY", "after-failover").status, 202);
  EXPECT_TRUE(agent->wait_for(update_on(kUserNode, {"<state>NOT_READY</state>", "<requestId>after-failover</requestId>"})))
      << agent->transcript();
  const auto system_info = http_call(secondary_.port(), "GET", "/finesse/api/SystemInfo", kAgent);
  EXPECT_NE(system_info.body.find("<primaryNode><host>gw-primary</host></primaryNode>"), std::string::npos)
      << system_info.body;
  EXPECT_NE(system_info.body.find("<secondaryNode><host>gw-secondary</host></secondaryNode>"), std::string::npos)
      << system_info.body;

  // Every change exactly once, on the same nodes the client subscribed to at the start.
  std::this_thread::sleep_for(500ms);  // anything duplicated would arrive by now
  // Exactly what one node publishes for this call (tests/integration/daemon/scenarios_test.cpp,
  // inbound call, caller hangs up): the first two from the primary, the other four from the
  // secondary.
  EXPECT_EQ(join(dialog_history(*agent)),
            "POST/ALERTING PUT/ACTIVE PUT/ACTIVE PUT/DROPPED PUT/DROPPED DELETE/DROPPED")
      << agent->transcript();
  EXPECT_EQ(join(user_history(*agent)), "NOT_READY READY RESERVED TALKING READY NOT_READY") << agent->transcript();

  // The failover is visible in the secondary's metrics.
  const auto samples = scrape(secondary_node_.metrics_port);
  EXPECT_EQ(samples.at("finesse_gw_pair_publishing"), 1);
  EXPECT_EQ(samples.at("finesse_gw_pair_takeovers_total"), 1);
  EXPECT_EQ(samples.at("finesse_gw_pair_peer_serving"), 0);
  EXPECT_GE(samples.at("finesse_gw_pair_replayed_total"), 1);  // the DELETE, derived while standing by
}

}  // namespace
}  // namespace fgw::testing
