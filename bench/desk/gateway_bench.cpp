// The gateway under N signed-in agents (issue 5, item 9). Three rigs, one after the other, each in
// a child process (clean heap for its RSS) on an io_context of 2 threads as the daemon runs
// (DESIGN.md "Threads"):
//   1. reference: the in-process CTI simulator and a CtiClient whose observer only counts events
//      (no desk): the raw simulator->CtiClient event rate;
//   2. desk: the same, the observer forwarding every event to the daemon's CtiDeskBridge and a
//      desk::Desk (notifications counted, not sent): CTI events applied per second, exactly;
//   3. gateway: the whole fgw::daemon::Daemon (REST, desk, CtiClient, simulator). Agents sign in
//      through PUT /finesse/api/User/{id}; PUT->notification latency is measured next to a GET of
//      the same server at the same moment, idle and under call load; RSS per agent.
// Calls in every rig are the same: the outside caller POSTs /calls to an agent's extension (it
// rings) and hangs up after --hold-ms (the caller abandons). That needs no action from the agent,
// so the three rigs see the same CTI event sequence per call.
//   gateway_bench [--agents N] [--call-rate R] [--seconds S] [--hold-ms H] [--probe-rate P]
#include <malloc.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <spdlog/spdlog.h>

#include "config/daemon_config.hpp"
#include "config/directory.hpp"
#include "gateway/cti/client/cti_client.hpp"
#include "gateway/daemon/cti_link.hpp"
#include "gateway/daemon/daemon.hpp"
#include "gateway/desk/desk.hpp"
#include "gateway/desk/notification.hpp"
#include "tools/ctisim/simulator.hpp"

namespace {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr int kFirstExtension = 10000;
constexpr int kTeams = 10;
constexpr const char* kPassword = "benchpw";
constexpr const char* kCaller = "5551000";
constexpr int kSignInWindow = 64;             // sign-in requests whose effect has not arrived yet
constexpr int kSaturationCallsInFlight = 4;   // closed loop: calls placed and not yet ended
constexpr auto kDrainLimit = 60s;             // how long a backlog may take to clear
constexpr auto kNotificationPatience = 3s;    // after the last probe

struct Options {
  int agents = 1000;
  double call_rate = 20;  // calls per second while "under load"
  double seconds = 5;     // each measured window
  int hold_ms = 500;      // how long a call rings before the caller hangs up
  double probe_rate = 200;  // PUTs per second (and as many reference GETs)
};

// ---- measurements of this process ----

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

// RSS once freed heap has gone back to the kernel: what the live objects hold, not garbage.
long trimmed_rss_kib() {
  malloc_trim(0);
  return rss_kib();
}

// Every thread of the process: the rig's io threads and the bench's own (the same in each rig).
double process_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Fixed size, so that the results stay trivially copyable through in_child_process().
struct LoadText {
  char text[64]{};
};

LoadText load_average() {
  std::ifstream file("/proc/loadavg");
  std::string line;
  std::getline(file, line);
  LoadText load;
  std::snprintf(load.text, sizeof load.text, "%s", line.c_str());
  return load;
}

struct Percentiles {
  double p50 = 0, p99 = 0, max = 0;
  std::size_t count = 0;
};

Percentiles percentiles_ms(std::vector<double> ms) {
  if (ms.empty()) return {};
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
  return {at(0.50), at(0.99), ms.back(), ms.size()};
}

double ms_between(std::int64_t from_ns, std::int64_t to_ns) { return static_cast<double>(to_ns - from_ns) / 1e6; }

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

// ---- the generated contact centre ----

std::string extension_of(int agent) { return std::to_string(kFirstExtension + agent); }
std::string login_name_of(int agent) { return "agent" + extension_of(agent); }

std::string base64(const std::string& in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (unsigned char c : in) {
    bits = (bits << 8) | c;
    count += 8;
    while (count >= 6) out += kAlphabet[(bits >> (count -= 6)) & 63];
  }
  if (count > 0) out += kAlphabet[(bits << (6 - count)) & 63];
  while (out.size() % 4) out += '=';
  return out;
}

// N agents (id = extension = 10000+i) over kTeams teams. One precomputed hash for all: hashing N
// passwords would only slow the start, and the hash cost is not what this measures.
std::string directory_toml(int agents) {
  const std::string hash = fgw::config::hash_password(kPassword, fgw::config::HashCost::Minimal);
  std::string toml = "[[route_point]]\ndn = \"6000\"\n";
  for (int t = 1; t <= kTeams; ++t) toml += "[[team]]\nid = \"" + std::to_string(t) + "\"\nname = \"T" + std::to_string(t) + "\"\n";
  for (int i = 0; i < agents; ++i) {
    const std::string id = extension_of(i);
    toml += "[[user]]\nid = \"" + id + "\"\nlogin_name = \"" + login_name_of(i) + "\"\nextension = \"" + id +
            "\"\nroles = [\"Agent\"]\nteam = \"" + std::to_string(1 + i % kTeams) + "\"\npassword_hash = \"" +
            hash + "\"\n";
  }
  return toml;
}

class TempDir {
 public:
  TempDir() : path_(std::filesystem::temp_directory_path() / ("fgw-gateway-bench-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// ---- a blocking keep-alive HTTP/1.1 connection ----

// One thread may write while another reads: plain send()/recv() on the descriptor. Responses come
// back in request order, so pipelined requests need no ids to pair them.
class HttpConnection {
 public:
  explicit HttpConnection(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
      throw std::runtime_error("connect to port " + std::to_string(port) + " failed");
    const int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  ~HttpConnection() { ::close(fd_); }
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  void send(const std::string& bytes) {
    for (std::size_t done = 0; done < bytes.size();) {
      const ssize_t n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
      if (n <= 0) throw std::runtime_error("HTTP send failed");
      done += static_cast<std::size_t>(n);
    }
  }

  struct Response {
    int status = 0;
    std::string body;
  };

  // One response, by Content-Length (the server always sends one).
  Response read_response() {
    const std::size_t head_end = read_until("\r\n\r\n") + 4;
    Response response{std::atoi(buffer_.c_str() + 9), {}};  // "HTTP/1.1 200"
    const std::size_t total = head_end + content_length(head_end);
    while (buffer_.size() < total) receive();
    response.body = buffer_.substr(head_end, total - head_end);
    buffer_.erase(0, total);
    return response;
  }

  Response exchange(const std::string& request) {
    send(request);
    return read_response();
  }

 private:
  std::size_t read_until(const char* marker) {
    for (;;) {
      const auto at = buffer_.find(marker);
      if (at != std::string::npos) return at;
      receive();
    }
  }
  void receive() {
    char chunk[16384];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) throw std::runtime_error("HTTP connection closed");
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
  std::size_t content_length(std::size_t head_end) const {
    std::string head = buffer_.substr(0, head_end);
    for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto at = head.find("content-length:");
    return at == std::string::npos ? 0 : std::strtoul(head.c_str() + at + 15, nullptr, 10);
  }

  int fd_;
  std::string buffer_;
};

std::string http_request(const std::string& method, const std::string& target, const std::string& body = "",
                         const std::string& authorization = "", const std::string& request_id = "",
                         const char* content_type = "application/json") {
  std::string r = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (!authorization.empty()) r += "Authorization: Basic " + authorization + "\r\n";
  if (!request_id.empty()) r += "requestId: " + request_id + "\r\n";
  if (!body.empty()) r += std::string("Content-Type: ") + content_type + "\r\n";
  return r + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string agent_authorization(int agent) { return base64(login_name_of(agent) + ":" + kPassword); }

std::string put_user_state(int agent, const std::string& state, std::uint64_t request_id) {
  std::string body = "<User><state>" + state + "</state>";
  if (state == "LOGIN") body += "<extension>" + extension_of(agent) + "</extension>";
  body += "</User>";
  return http_request("PUT", "/finesse/api/User/" + extension_of(agent), body, agent_authorization(agent),
                      std::to_string(request_id), "application/xml");
}

std::string get_user(int agent) {
  return http_request("GET", "/finesse/api/User/" + extension_of(agent), "", agent_authorization(agent));
}

// ---- calls from the outside caller, through the simulator's control API ----

// How many calls have ended, as the rig under test has seen them (applied, not merely sent).
using EndedCalls = std::function<std::uint64_t()>;

// Places calls to the given extensions in turn and hangs each up `hold` later. Paced open-loop at
// `rate` calls/s, or, with rate 0, as fast as the rig ends them (closed loop on `ended`, at most
// kSaturationCallsInFlight open): the saturation mode that finds a rig's ceiling.
class CallDriver {
 public:
  CallDriver(std::uint16_t control_port, std::vector<int> agents, EndedCalls ended)
      : http_(control_port), agents_(std::move(agents)), ended_(std::move(ended)) {}
  ~CallDriver() { stop(); }

  void start(double rate, std::chrono::milliseconds hold) {
    stop_ = false;
    thread_ = std::thread([this, rate, hold] { rate > 0 ? run_paced(rate, hold) : run_saturated(); });
  }
  // Stops placing calls and hangs up the calls still ringing.
  void stop() {
    if (!thread_.joinable()) return;
    stop_ = true;
    thread_.join();
    while (!ringing_.empty()) hang_up(ringing_.front().id), ringing_.pop_front();
  }
  std::uint64_t placed() const { return placed_; }
  std::uint64_t errors() const { return errors_; }

 private:
  struct Ringing {
    std::string id;
    Clock::time_point hang_up_at;
  };

  void run_paced(double rate, std::chrono::milliseconds hold) {
    const auto start = Clock::now();
    for (std::uint64_t k = 0; !stop_; ++k) {
      std::this_thread::sleep_until(start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(k / rate)));
      hang_up_due(Clock::now());
      if (auto id = place(); !id.empty()) ringing_.push_back({id, Clock::now() + hold});
    }
  }

  void run_saturated() {
    while (!stop_) {
      if (placed_ - ended_() >= kSaturationCallsInFlight) {
        std::this_thread::sleep_for(50us);
        continue;
      }
      if (auto id = place(); !id.empty()) hang_up(id);
    }
  }

  void hang_up_due(Clock::time_point now) {
    while (!ringing_.empty() && ringing_.front().hang_up_at <= now) {
      hang_up(ringing_.front().id);
      ringing_.pop_front();
    }
  }

  // The call id, or empty when the simulator refused it.
  std::string place() {
    const int agent = agents_[next_agent_++ % agents_.size()];
    const auto reply = http_.exchange(http_request(
        "POST", "/calls", std::string("{\"from\":\"") + kCaller + "\",\"to\":\"" + extension_of(agent) + "\"}"));
    const auto at = reply.body.find("\"id\":\"");
    if (reply.status != 200 || at == std::string::npos) return ++errors_, std::string();
    ++placed_;
    return reply.body.substr(at + 6, reply.body.find('"', at + 6) - (at + 6));
  }

  void hang_up(const std::string& id) {
    if (http_.exchange(http_request("POST", "/calls/" + id + "/hangup")).status != 200) ++errors_;
  }

  HttpConnection http_;
  std::vector<int> agents_;
  EndedCalls ended_;
  std::size_t next_agent_ = 0;
  std::deque<Ringing> ringing_;
  std::atomic<bool> stop_{false};
  std::atomic<std::uint64_t> placed_{0}, errors_{0};
  std::thread thread_;
};

// ---- what a rig counts ----

struct Counters {
  std::atomic<std::uint64_t> cti_events{0};     // CTI events that reached the observer (rigs 1, 2)
  std::atomic<std::uint64_t> calls_ended{0};    // END_CALL_EVENTs (rigs 1, 2); Dialog DELETEs (rig 3)
  std::atomic<std::uint64_t> notifications{0};  // what the desk published (rigs 2, 3)
};

struct Snapshot {
  std::uint64_t events, ended, notifications;
  double cpu;
  Clock::time_point at;
};

Snapshot snapshot(const Counters& c) {
  return {c.cti_events.load(), c.calls_ended.load(), c.notifications.load(), process_cpu_seconds(), Clock::now()};
}

struct Rates {
  double events_per_s = 0, notifications_per_s = 0, calls_per_s = 0;
  double cpu_share = 0;           // of one core, the whole process
  double cpu_us_per_event = 0;    // rigs 1, 2
  double cpu_us_per_call = 0;
  double drain_s = 0;             // after the window, until every placed call had ended
  std::uint64_t driver_errors = 0;
  LoadText load;
};

Rates rates_between(const Snapshot& a, const Snapshot& b) {
  const double elapsed = std::chrono::duration<double>(b.at - a.at).count();
  const double cpu = b.cpu - a.cpu;
  Rates r;
  r.events_per_s = static_cast<double>(b.events - a.events) / elapsed;
  r.notifications_per_s = static_cast<double>(b.notifications - a.notifications) / elapsed;
  r.calls_per_s = static_cast<double>(b.ended - a.ended) / elapsed;
  r.cpu_share = cpu / elapsed;
  if (b.events > a.events) r.cpu_us_per_event = 1e6 * cpu / static_cast<double>(b.events - a.events);
  if (b.ended > a.ended) r.cpu_us_per_call = 1e6 * cpu / static_cast<double>(b.ended - a.ended);
  r.load = load_average();
  return r;
}

// Bounded wait until every placed call has ended in the rig (a slow desk leaves a backlog).
double drain(const Counters& counters, std::uint64_t placed) {
  const auto start = Clock::now();
  while (counters.calls_ended.load() < placed && Clock::now() - start < kDrainLimit) std::this_thread::sleep_for(5ms);
  return seconds_since(start);
}

// One measured window of calls: warm-up, then `seconds` counted, then the drain.
Rates measure_calls(CallDriver& driver, const Counters& counters, double rate, const Options& options,
                    const std::function<void()>& during = {}) {
  const auto placed_before = driver.placed();
  const auto ended_before = counters.calls_ended.load();
  const auto hold = rate > 0 ? std::chrono::milliseconds(options.hold_ms) : 0ms;
  driver.start(rate, hold);
  std::this_thread::sleep_for(hold + 300ms);  // until calls end as fast as they start
  const Snapshot first = snapshot(counters);
  if (during) during();
  else std::this_thread::sleep_for(std::chrono::duration<double>(options.seconds));
  const Snapshot last = snapshot(counters);
  driver.stop();
  Rates r = rates_between(first, last);
  r.drain_s = drain(counters, ended_before + (driver.placed() - placed_before));
  r.driver_errors = driver.errors();
  return r;
}

// ---- rigs 1 and 2: the simulator and a CtiClient, with or without the desk ----

class CountingSink : public fgw::desk::NotificationSink {
 public:
  explicit CountingSink(Counters& counters) : counters_(counters) {}
  void publish(std::vector<fgw::desk::Notification> notifications) override {
    counters_.notifications.fetch_add(notifications.size(), std::memory_order_relaxed);
  }

 private:
  Counters& counters_;
};

// Counts each event after the desk (if any) has applied it, so the count is "applied".
class CountingObserver : public fgw::cti::client::CtiObserver {
 public:
  CountingObserver(Counters& counters, fgw::cti::client::CtiObserver* desk) : counters_(counters), desk_(desk) {}
  // Before the client starts: the desk exists only in rig 2.
  void forward_to(fgw::cti::client::CtiObserver* desk) { desk_ = desk; }
  void on_session_open(fgw::cti::client::Side side, const fgw::cti::OpenConf& conf) override {
    if (desk_) desk_->on_session_open(side, conf);
    open_ = true;
  }
  void on_session_lost(fgw::cti::client::Side side, const std::string& reason) override {
    if (desk_) desk_->on_session_lost(side, reason);
    std::fprintf(stderr, "CTI session lost: %s\n", reason.c_str());
  }
  void on_event(const fgw::cti::Message& event) override {
    if (desk_) desk_->on_event(event);
    counters_.cti_events.fetch_add(1, std::memory_order_relaxed);
    if (std::holds_alternative<fgw::cti::EndCallEvent>(event)) counters_.calls_ended.fetch_add(1);
  }
  std::vector<fgw::cti::client::AgentToResync> agents_to_resync() override {
    return desk_ ? desk_->agents_to_resync() : std::vector<fgw::cti::client::AgentToResync>{};
  }
  void on_resync(const fgw::cti::client::ResyncResult& result) override {
    if (desk_) desk_->on_resync(result);
  }
  bool open() const { return open_; }

 private:
  Counters& counters_;
  fgw::cti::client::CtiObserver* desk_;
  std::atomic<bool> open_{false};
};

class CtiRig {
 public:
  CtiRig(const std::string& directory_path, bool with_desk)
      : work_(io_.get_executor()), sink_(counters), observer_(counters, nullptr) {
    if (with_desk) {
      directory_ = fgw::config::Directory::load(directory_path, fgw::config::HashCost::Minimal);
      desk_ = std::make_unique<fgw::desk::Desk>(directory_, sink_);
      bridge_ = std::make_unique<fgw::daemon::CtiDeskBridge>(*desk_, fgw::daemon::cti_down_reason(false));
      observer_.forward_to(bridge_.get());
    }
    simulator_ = std::make_unique<fgw::ctisim::Simulator>(io_, simulator_options(directory_path));
    simulator_->start();
    fgw::cti::client::CtiClientSettings settings;
    settings.side_a = {"127.0.0.1", simulator_->side_port('a')};
    client_ = std::make_unique<fgw::cti::client::CtiClient>(io_, settings, observer_);
    client_->start();
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { io_.run(); });
    wait_open();
  }
  ~CtiRig() {
    client_->stop();
    simulator_->stop();
    work_.reset();
    std::this_thread::sleep_for(300ms);  // CLOSE_REQ/CLOSE_CONF
    io_.stop();
    for (auto& t : threads_) t.join();
  }

  std::uint16_t control_port() const { return simulator_->control_port(); }

  // What one Desk::publish costs beyond the change itself: it stores a full copy of the live
  // state as the new snapshot on every mutation. Timed here on the desk's own current state.
  double state_copy_us() const {
    if (!desk_) return 0;
    constexpr int kCopies = 20;
    const auto state = desk_->snapshot();
    std::size_t users = 0;
    const auto start = Clock::now();
    for (int i = 0; i < kCopies; ++i) users += std::make_shared<const fgw::desk::LiveState>(*state)->users.size();
    const double us = 1e6 * seconds_since(start) / kCopies;
    return users > 0 ? us : 0;
  }

  // LOGIN, then READY, for agents [0, n): at most kSignInWindow requests unconfirmed. Returns the
  // refusals.
  int sign_in(int agents) {
    return set_states(agents, fgw::cti::AgentState::Login) + set_states(agents, fgw::cti::AgentState::Available);
  }

  Counters counters;

 private:
  static fgw::ctisim::SimulatorOptions simulator_options(const std::string& directory_path) {
    fgw::ctisim::SimulatorOptions options;
    options.side_a = {"127.0.0.1", 0};
    options.control = fgw::config::Endpoint{"127.0.0.1", 0};
    options.directory_path = directory_path;
    options.wrap_up_time = 0s;
    return options;
  }

  void wait_open() {
    const auto start = Clock::now();
    while (!observer_.open()) {
      if (Clock::now() - start > 10s) throw std::runtime_error("CTI session did not open");
      std::this_thread::sleep_for(5ms);
    }
  }

  int set_states(int agents, fgw::cti::AgentState state) {
    std::atomic<int> done{0}, refused{0};
    for (int i = 0; i < agents; ++i) {
      while (i - done.load() >= kSignInWindow) std::this_thread::sleep_for(50us);
      fgw::cti::SetAgentStateReq request;
      request.agent_state = state;
      request.agent_id = extension_of(i);
      request.agent_instrument = extension_of(i);
      client_->request(request, [&](const fgw::cti::client::RequestResult& r) {
        if (!r.ok()) refused.fetch_add(1);
        done.fetch_add(1);
      });
    }
    while (done.load() < agents) std::this_thread::sleep_for(1ms);
    return refused.load();
  }

  asio::io_context io_{2};
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  fgw::config::Directory directory_;
  CountingSink sink_;
  std::unique_ptr<fgw::desk::Desk> desk_;
  std::unique_ptr<fgw::daemon::CtiDeskBridge> bridge_;
  CountingObserver observer_;
  std::unique_ptr<fgw::ctisim::Simulator> simulator_;
  std::unique_ptr<fgw::cti::client::CtiClient> client_;
  std::vector<std::thread> threads_;
};

struct CtiRigResult {
  double sign_in_s = 0;
  int refused = 0;
  long rss_before = 0, rss_signed_in = 0;
  Rates steady, saturated;
  std::uint64_t notifications_at_sign_in = 0;
  double state_copy_us = 0;  // rig 2: one copy of the desk's LiveState, as Desk::publish makes
};

std::vector<int> all_agents(int n) {
  std::vector<int> agents(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) agents[static_cast<std::size_t>(i)] = i;
  return agents;
}

CtiRigResult run_cti_rig(const std::string& directory_path, bool with_desk, const Options& options) {
  CtiRigResult result;
  result.rss_before = trimmed_rss_kib();
  CtiRig rig(directory_path, with_desk);
  const auto start = Clock::now();
  result.refused = rig.sign_in(options.agents);
  result.sign_in_s = seconds_since(start);
  result.notifications_at_sign_in = rig.counters.notifications.load();
  result.rss_signed_in = trimmed_rss_kib();
  result.state_copy_us = rig.state_copy_us();
  CallDriver driver(rig.control_port(), all_agents(options.agents), [&] { return rig.counters.calls_ended.load(); });
  result.steady = measure_calls(driver, rig.counters, options.call_rate, options);
  result.saturated = measure_calls(driver, rig.counters, 0, options);
  return result;
}

// ---- rig 3: the whole daemon ----

// Timestamps, under the desk's writer lock, the first User notification of each requestId (the
// bench's requestIds are indexes into `arrivals_`), and counts the rest. Nothing else: no parsing.
class ProbeObserver : public fgw::desk::NotificationSink {
 public:
  ProbeObserver(Counters& counters, std::size_t ids) : counters_(counters), arrivals_(ids) {}

  void publish(std::vector<fgw::desk::Notification> notifications) override {
    const std::int64_t now = now_ns();
    counters_.notifications.fetch_add(notifications.size(), std::memory_order_relaxed);
    for (const auto& n : notifications) {
      if (n.node.ends_with("/Dialogs")) {
        if (n.event_method == "DELETE") counters_.calls_ended.fetch_add(1, std::memory_order_relaxed);
      } else if (!n.request_id.empty() && n.node.starts_with("/finesse/api/User/")) {
        record(std::strtoull(n.request_id.c_str(), nullptr, 10), now);
      }
    }
  }

  std::int64_t arrival_ns(std::uint64_t id) const { return arrivals_[id].load(); }
  std::uint64_t arrived() const { return arrived_.load(); }

 private:
  void record(std::uint64_t id, std::int64_t now) {
    if (id >= arrivals_.size()) return;
    std::int64_t unset = 0;
    if (arrivals_[id].compare_exchange_strong(unset, now)) arrived_.fetch_add(1, std::memory_order_relaxed);
  }

  Counters& counters_;
  std::vector<std::atomic<std::int64_t>> arrivals_;
  std::atomic<std::uint64_t> arrived_{0};
};

std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

class GatewayRig {
 public:
  GatewayRig(const TempDir& dir, const std::string& directory_path, fgw::desk::NotificationSink& observer)
      : control_port_(free_port()) {
    const std::string toml = "[http]\nlisten = \"127.0.0.1:0\"\n"
                             "[store]\npath = \"" + dir.file("finesse.db") + "\"\nkey_path = \"" + dir.file("store.key") + "\"\n"
                             "[directory]\npath = \"" + directory_path + "\"\n"
                             "[auth]\npassword_hash_cost = \"minimal\"\n"
                             "[cti]\nsimulator = true\nside_a = \"127.0.0.1:" + std::to_string(free_port()) + "\"\n"
                             "simulator_control = \"127.0.0.1:" + std::to_string(control_port_) + "\"\n"
                             "simulator_wrap_up_s = 0\n";
    daemon_ = std::make_unique<fgw::daemon::Daemon>(fgw::config::parse_daemon_config(toml, "bench"), &observer);
    runner_ = std::thread([this] { daemon_->run(); });
    wait_in_service();
  }
  ~GatewayRig() {
    daemon_->stop();
    runner_.join();
  }
  std::uint16_t http_port() const { return daemon_->http_port(); }
  std::uint16_t control_port() const { return control_port_; }

 private:
  void wait_in_service() {
    const auto start = Clock::now();
    while (Clock::now() - start < 20s) {
      if (daemon_->http_port() != 0) {
        try {
          HttpConnection health(daemon_->http_port());
          if (health.exchange(http_request("GET", "/health")).status == 200) return;
        } catch (const std::exception&) {
        }
      }
      std::this_thread::sleep_for(20ms);
    }
    throw std::runtime_error("the gateway did not come into service");
  }

  std::uint16_t control_port_;
  std::unique_ptr<fgw::daemon::Daemon> daemon_;
  std::thread runner_;
};

// PUTs `state` for agents [0, n) with requestIds first_id+i on one keep-alive connection, at most
// kSignInWindow whose notification has not arrived; a second thread reads the 202s. Returns the
// non-202 answers.
int put_states_windowed(std::uint16_t port, const ProbeObserver& observer, int agents, const std::string& state,
                        std::uint64_t first_id) {
  HttpConnection http(port);
  std::atomic<int> rejected{0};
  std::thread reader([&] {
    for (int i = 0; i < agents; ++i)
      if (http.read_response().status != 202) rejected.fetch_add(1);
  });
  const std::uint64_t arrived_before = observer.arrived();
  // A PUT is finished once its notification arrived or it was rejected (no notification comes).
  auto finished = [&] { return static_cast<int>(observer.arrived() - arrived_before) + rejected.load(); };
  for (int i = 0; i < agents; ++i) {
    while (i - finished() >= kSignInWindow) std::this_thread::sleep_for(50us);
    http.send(put_user_state(i, state, first_id + static_cast<std::uint64_t>(i)));
  }
  reader.join();
  const auto start = Clock::now();
  while (finished() < agents && Clock::now() - start < kDrainLimit) std::this_thread::sleep_for(1ms);
  return rejected.load();
}

struct ProbeResult {
  Percentiles put_to_notification, put_to_response, get_round_trip;
  std::size_t sent = 0, not_accepted = 0, missing = 0;
  double cpu_share = 0;
  LoadText load;
};

// Reads `count` responses in order, timestamping each and counting those without `expected`.
std::thread response_reader(HttpConnection& http, std::vector<std::int64_t>& done_ns, int expected,
                            std::atomic<std::size_t>& unexpected) {
  return std::thread([&http, &done_ns, expected, &unexpected] {
    for (auto& done : done_ns) {
      if (http.read_response().status != expected) unexpected.fetch_add(1);
      done = now_ns();
    }
  });
}

// Open-loop probes at `rate`: PUT k (agent k % sample, READY and NOT_READY in turn, requestId
// first_id+k) and, half a period later, the reference GET of agent k's User on a second
// connection. Timestamps are taken at send. `visits_before`: how many probes each sampled agent
// had already, so that its state keeps alternating from one call of this to the next.
ProbeResult probe_latency(std::uint16_t port, const ProbeObserver& observer, int sample, std::size_t probes,
                          double rate, std::uint64_t first_id, std::size_t visits_before) {
  HttpConnection put_http(port), get_http(port);
  std::vector<std::int64_t> put_sent(probes), put_done(probes), get_sent(probes), get_done(probes);
  std::atomic<std::size_t> put_refused{0}, get_failed{0};
  std::thread put_reader = response_reader(put_http, put_done, 202, put_refused);
  std::thread get_reader = response_reader(get_http, get_done, 200, get_failed);
  const auto start = Clock::now();
  const double cpu_before = process_cpu_seconds();
  const auto period = std::chrono::duration<double>(1.0 / rate);
  for (std::size_t k = 0; k < probes; ++k) {
    const int agent = static_cast<int>(k % static_cast<std::size_t>(sample));
    const bool to_not_ready = (visits_before + k / static_cast<std::size_t>(sample)) % 2 == 0;  // all start READY
    std::this_thread::sleep_until(start + std::chrono::duration_cast<Clock::duration>(period * static_cast<double>(k)));
    put_sent[k] = now_ns();
    put_http.send(put_user_state(agent, to_not_ready ? "NOT_READY" : "READY", first_id + k));
    std::this_thread::sleep_until(start + std::chrono::duration_cast<Clock::duration>(period * (k + 0.5)));
    get_sent[k] = now_ns();
    get_http.send(get_user(agent));
  }
  put_reader.join();
  get_reader.join();
  const double cpu_share = (process_cpu_seconds() - cpu_before) / seconds_since(start);
  const auto patience_start = Clock::now();
  while (Clock::now() - patience_start < kNotificationPatience) {
    bool all = true;
    for (std::size_t k = 0; k < probes && all; ++k) all = observer.arrival_ns(first_id + k) != 0;
    if (all) break;
    std::this_thread::sleep_for(10ms);
  }
  ProbeResult result;
  std::vector<double> to_notification, to_response, get_trip;
  for (std::size_t k = 0; k < probes; ++k) {
    const auto arrival = observer.arrival_ns(first_id + k);
    if (arrival != 0) to_notification.push_back(ms_between(put_sent[k], arrival));
    else ++result.missing;
    to_response.push_back(ms_between(put_sent[k], put_done[k]));
    get_trip.push_back(ms_between(get_sent[k], get_done[k]));
  }
  result.put_to_notification = percentiles_ms(std::move(to_notification));
  result.put_to_response = percentiles_ms(std::move(to_response));
  result.get_round_trip = percentiles_ms(std::move(get_trip));
  result.sent = probes;
  result.not_accepted = put_refused.load() + get_failed.load();
  result.cpu_share = cpu_share;
  result.load = load_average();
  return result;
}

struct GatewayResult {
  long rss_before = 0, rss_started = 0, rss_signed_in = 0, rss_after_calls = 0;
  double login_s = 0, ready_s = 0;
  int sign_in_rejected = 0;
  ProbeResult idle, loaded;
  Rates calls;
};

// Probes go to the first `sample` agents, calls to the others: a ringing agent's User notification
// would otherwise take a probe's requestId.
int probe_sample(int agents) { return std::max(1, std::min(agents / 4, 500)); }

std::size_t probes_per_window(const Options& options, int sample) {
  const auto wanted = static_cast<std::size_t>(options.probe_rate * options.seconds);
  const auto s = static_cast<std::size_t>(sample);
  return std::max<std::size_t>(s, (wanted + s - 1) / s * s);  // whole visits of the sample
}

GatewayResult run_gateway_rig(const TempDir& dir, const std::string& directory_path, const Options& options) {
  const int n = options.agents;
  const int sample = probe_sample(n);
  const std::size_t probes = probes_per_window(options, sample);
  Counters counters;
  ProbeObserver observer(counters, 2 * static_cast<std::size_t>(n) + 2 * probes);
  GatewayResult result;
  result.rss_before = trimmed_rss_kib();
  GatewayRig rig(dir, directory_path, observer);
  result.rss_started = trimmed_rss_kib();

  auto start = Clock::now();
  result.sign_in_rejected = put_states_windowed(rig.http_port(), observer, n, "LOGIN", 0);
  result.login_s = seconds_since(start);
  start = Clock::now();
  result.sign_in_rejected += put_states_windowed(rig.http_port(), observer, n, "READY", static_cast<std::uint64_t>(n));
  result.ready_s = seconds_since(start);
  result.rss_signed_in = trimmed_rss_kib();

  const std::uint64_t first_probe = 2 * static_cast<std::uint64_t>(n);
  result.idle = probe_latency(rig.http_port(), observer, sample, probes, options.probe_rate, first_probe, 0);

  std::vector<int> callees;
  for (int i = sample; i < n; ++i) callees.push_back(i);
  CallDriver driver(rig.control_port(), callees, [&] { return counters.calls_ended.load(); });
  result.calls = measure_calls(driver, counters, options.call_rate, options, [&] {
    result.loaded = probe_latency(rig.http_port(), observer, sample, probes, options.probe_rate, first_probe + probes,
                                  probes / static_cast<std::size_t>(sample));
  });
  result.rss_after_calls = trimmed_rss_kib();
  return result;
}

// ---- isolation ----

// Runs a rig in a child process: each rig's RSS then starts from the same heap (memory freed by an
// earlier rig would otherwise be reused and hide growth). The result comes back through a pipe.
template <class Result>
Result in_child_process(const std::function<Result()>& rig) {
  static_assert(std::is_trivially_copyable_v<Result>);
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
  std::fflush(stdout);
  const pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    ::close(fds[0]);
    Result result{};
    int code = 0;
    try {
      result = rig();
    } catch (const std::exception& error) {
      std::fprintf(stderr, "gateway_bench rig: %s\n", error.what());
      code = 1;
    }
    const ssize_t written = ::write(fds[1], &result, sizeof result);
    std::fflush(stdout);
    ::_exit(written == static_cast<ssize_t>(sizeof result) ? code : 1);  // no destructors: the parent owns the files
  }
  ::close(fds[1]);
  Result result{};
  std::size_t got = 0;
  for (ssize_t n; got < sizeof result && (n = ::read(fds[0], reinterpret_cast<char*>(&result) + got, sizeof result - got)) > 0;)
    got += static_cast<std::size_t>(n);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (got != sizeof result || !WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("a rig failed");
  return result;
}

// ---- report ----

double kib_per_agent(long from, long to, int agents) { return static_cast<double>(to - from) / agents; }

void print_rates(const char* what, const Rates& r, const Rates& reference) {
  std::printf("  %-34s %9.0f CTI events/s  %8.0f notif/s  %7.1f calls/s  CPU %3.0f%%  %6.1f us/event  "
              "ratio %.3f of reference  drain %.2f s  errors %llu  [load %s]\n",
              what, r.events_per_s, r.notifications_per_s, r.calls_per_s, 100 * r.cpu_share, r.cpu_us_per_event,
              reference.events_per_s > 0 ? r.events_per_s / reference.events_per_s : 0, r.drain_s,
              static_cast<unsigned long long>(r.driver_errors), r.load.text);
}

void print_cti_rig(const char* name, const CtiRigResult& r, int agents) {
  std::printf("%s: %d agents signed in over CTI in %.2f s (%.0f agents/s, %d refused, %llu notifications); "
              "RSS %ld -> %ld KiB = %.2f KiB/agent\n",
              name, agents, r.sign_in_s, agents / r.sign_in_s, r.refused,
              static_cast<unsigned long long>(r.notifications_at_sign_in), r.rss_before, r.rss_signed_in,
              kib_per_agent(r.rss_before, r.rss_signed_in, agents));
  if (r.state_copy_us > 0)
    std::printf("  one copy of the desk's LiveState (%d users), as Desk::publish makes per mutation: %.1f us\n", agents,
                r.state_copy_us);
}

void print_percentiles(const char* what, const Percentiles& p, const Percentiles& reference) {
  std::printf("    %-28s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (n=%zu)  p50 ratio %.1fx, p99 ratio %.1fx\n", what,
              p.p50, p.p99, p.max, p.count, reference.p50 > 0 ? p.p50 / reference.p50 : 0,
              reference.p99 > 0 ? p.p99 / reference.p99 : 0);
}

void print_probe(const char* name, const ProbeResult& p, const Options& options) {
  std::printf("  %s: %zu PUTs at %.0f/s (open loop), as many GETs half a period later; %zu not 202/200, %zu "
              "notifications missing; CPU %.0f%%  [load %s]\n",
              name, p.sent, options.probe_rate, p.not_accepted, p.missing, 100 * p.cpu_share, p.load.text);
  print_percentiles("reference GET User round trip", p.get_round_trip, p.get_round_trip);
  print_percentiles("PUT -> 202", p.put_to_response, p.get_round_trip);
  print_percentiles("PUT -> User notification", p.put_to_notification, p.get_round_trip);
}

void print_gateway(const GatewayResult& g, const CtiRigResult& reference, const CtiRigResult& desk_only,
                   const Options& options) {
  const int n = options.agents;
  std::printf("gateway: LOGIN of %d agents over REST in %.2f s (%.0f/s), READY in %.2f s (%.0f/s), %d rejected "
              "(window %d PUTs awaiting their notification)\n",
              n, g.login_s, n / g.login_s, g.ready_s, n / g.ready_s, g.sign_in_rejected, kSignInWindow);
  std::printf("gateway: RSS before %ld KiB, started %ld (+%.2f KiB/agent: 2 directory copies, store), signed in %ld "
              "(+%.2f KiB/agent), after calls %ld; total %.2f KiB/agent\n",
              g.rss_before, g.rss_started, kib_per_agent(g.rss_before, g.rss_started, n), g.rss_signed_in,
              kib_per_agent(g.rss_started, g.rss_signed_in, n), g.rss_after_calls,
              kib_per_agent(g.rss_before, g.rss_signed_in, n));
  std::printf("gateway: RSS per agent references: simulator+CtiClient %.2f KiB/agent, +desk %.2f KiB/agent "
              "(rigs 1, 2: directory load included)\n",
              kib_per_agent(reference.rss_before, reference.rss_signed_in, n),
              kib_per_agent(desk_only.rss_before, desk_only.rss_signed_in, n));
  print_probe("idle", g.idle, options);
  print_probe("under call load", g.loaded, options);
  std::printf("  calls during the loaded probes: %.1f calls/s ended at the desk (Dialog DELETEs), %.0f notif/s, "
              "~%.0f CTI events/s (x %.1f events/call from rig 1), CPU %.0f%%, drain %.2f s  [load %s]\n",
              g.calls.calls_per_s, g.calls.notifications_per_s,
              g.calls.calls_per_s * reference.steady.events_per_s / std::max(1e-9, reference.steady.calls_per_s),
              reference.steady.events_per_s / std::max(1e-9, reference.steady.calls_per_s), 100 * g.calls.cpu_share,
              g.calls.drain_s, g.calls.load.text);
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const double value = std::atof(argv[i + 1]);
    if (flag == "--agents") o.agents = static_cast<int>(value);
    else if (flag == "--call-rate") o.call_rate = value;
    else if (flag == "--seconds") o.seconds = value;
    else if (flag == "--hold-ms") o.hold_ms = static_cast<int>(value);
    else if (flag == "--probe-rate") o.probe_rate = value;
    else throw std::invalid_argument("unknown flag " + flag);
  }
  if (argc % 2 == 0 || o.agents < 8 || o.agents > 10000 || o.call_rate <= 0 || o.seconds <= 0 || o.hold_ms < 0 ||
      o.probe_rate <= 0)
    throw std::invalid_argument(
        "usage: gateway_bench [--agents 8..10000] [--call-rate R>0] [--seconds S] [--hold-ms H] [--probe-rate P]");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse_options(argc, argv);
    spdlog::set_level(spdlog::level::err);  // CTI refusals at shutdown are counted as missing notifications
    std::printf("gateway_bench: %d agents, %.0f calls/s (ring %d ms, then the caller hangs up), %.1f s windows, "
                "probes %.0f/s  [load %s]\n",
                options.agents, options.call_rate, options.hold_ms, options.seconds, options.probe_rate,
                load_average().text);
    TempDir dir;
    const std::string directory_path = dir.file("directory.toml");
    std::ofstream(directory_path) << directory_toml(options.agents);

    const auto reference = in_child_process<CtiRigResult>([&] { return run_cti_rig(directory_path, false, options); });
    print_cti_rig("rig 1 simulator->CtiClient (reference)", reference, options.agents);
    const auto desk = in_child_process<CtiRigResult>([&] { return run_cti_rig(directory_path, true, options); });
    print_cti_rig("rig 2 simulator->CtiClient->desk", desk, options.agents);
    std::printf("CTI event rate at %d agents:\n", options.agents);
    print_rates("reference, steady", reference.steady, reference.steady);
    print_rates("desk, steady", desk.steady, reference.steady);
    print_rates("reference, saturated", reference.saturated, reference.saturated);
    print_rates("desk, saturated", desk.saturated, reference.saturated);

    const auto gateway = in_child_process<GatewayResult>([&] { return run_gateway_rig(dir, directory_path, options); });
    print_gateway(gateway, reference, desk, options);
    std::printf("load average at the end: %s\n", load_average().text);
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "gateway_bench: %s\n", error.what());
    return 1;
  }
}
