// Capacity of the in-process CTI simulator (tools/ctisim) over one CTI session:
//   1. how fast one session signs in N agents (LOGIN then READY, all requests pipelined), and the
//      RSS the simulator grows per signed-in agent;
//   2. how many call events per second it sustains to that session, calls placed through the
//      control API (HTTP keep-alive, pipelined, from a second thread: the Simulator library has no
//      in-process call API), each answered by the client (ANSWER_CALL_REQ) and hung up by it
//      (CLEAR_CONNECTION_REQ on the agent's leg);
//   3. the reference: the same loopback path with no simulator, the frames recorded in (2) pushed
//      one write per frame (as the simulator writes them) into the same frame-splitting reader.
// The client is a minimal raw codec client on a blocking socket, not CtiClient, so that the figure
// measures the simulator: it decodes only the frames it must act on.
//   ctisim_capacity_bench [AGENTS=2000] [SECONDS=5] [CALLS_IN_FLIGHT=1]
#include <malloc.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <span>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include "config/directory.hpp"
#include "gateway/cti/client/service_masks.hpp"
#include "gateway/cti/codec.hpp"
#include "gateway/cti/framing.hpp"
#include "tools/ctisim/simulator.hpp"

namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using Frame = std::vector<std::uint8_t>;
using fgw::cti::MessageType;

constexpr int kPeripheralId = 5000;
constexpr const char* kRoutePoint = "6000";
constexpr const char* kCaller = "5551000";
constexpr int kFirstExtension = 10000;  // 5-digit extensions: up to 89999 agents
constexpr std::size_t kReadChunk = 16 * 1024;  // the simulator's own read size
constexpr std::size_t kRecordedFrames = 4096;  // frames of phase 2 replayed by the reference
constexpr std::chrono::milliseconds kWarmUp{500};

struct Options {
  int agents = 2000;
  double seconds = 5.0;
  // One call at a time sustained the most calls/s: the World's work per operation grows with the
  // number of live calls (see the report in bench/RESULTS.md).
  int calls_in_flight = 1;
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// VmRSS of this process in KiB: the simulator runs in it, so its growth is the simulator's.
long rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

// CPU time a thread has used: shows which thread of a run is the one that saturates.
double thread_cpu_seconds(std::thread& thread) {
  clockid_t clock;
  if (pthread_getcpuclockid(thread.native_handle(), &clock) != 0) return 0;
  timespec time{};
  clock_gettime(clock, &time);
  return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_nsec) / 1e9;
}

// Other work on the machine skews every figure; the ratio to the same-run reference less so.
std::string load_average() {
  std::ifstream file("/proc/loadavg");
  std::string line;
  std::getline(file, line);
  return line + "\n";
}

std::string extension_of(int agent) { return std::to_string(kFirstExtension + agent); }

// ---- the simulated contact centre ----

// N agents, agent i with id and extension 10000+i, and one route point. One password hash shared
// by every user: hashing N passwords would only slow the start (passwords are not verified).
fgw::config::Directory generated_directory(int agents) {
  const std::string hash = fgw::config::hash_password("benchpw", fgw::config::HashCost::Minimal);
  std::string toml = "[[route_point]]\ndn = \"" + std::string(kRoutePoint) + "\"\n";
  for (int i = 0; i < agents; ++i) {
    const std::string id = extension_of(i);
    toml += "[[user]]\nid = \"" + id + "\"\nlogin_name = \"agent" + id + "\"\nextension = \"" + id +
            "\"\nroles = [\"Agent\"]\npassword_hash = \"" + hash + "\"\n";
  }
  return fgw::config::Directory::parse(toml, "generated", fgw::config::HashCost::Minimal);
}

// The simulator on its own io_context thread, as the gateway's sandbox runs it.
class SimulatorThread {
 public:
  explicit SimulatorThread(int agents) : work_(io_.get_executor()) {
    fgw::ctisim::SimulatorOptions options;
    options.side_a = {"127.0.0.1", 0};
    options.control = fgw::config::Endpoint{"127.0.0.1", 0};
    options.directory = generated_directory(agents);
    options.peripheral_id = kPeripheralId;
    // No wrap-up: an agent is READY again as soon as its call ends, so calls never wait on a timer.
    options.wrap_up_time = std::chrono::seconds(0);
    simulator_ = std::make_unique<fgw::ctisim::Simulator>(io_, std::move(options));
    simulator_->start();
    thread_ = std::thread([this] {
      tid_ = gettid();
      io_.run();
    });
  }
  ~SimulatorThread() {
    simulator_->stop();
    work_.reset();
    thread_.join();
  }
  std::uint16_t cti_port() const { return simulator_->side_port('a'); }
  std::uint16_t control_port() const { return simulator_->control_port(); }
  // The one thread that runs the simulator: its CTI sessions, its World and its control API.
  double cpu_seconds() { return thread_cpu_seconds(thread_); }
  // Seconds it waited on a run queue, runnable but not running (other load on the machine).
  double run_queue_wait_seconds() const {
    std::ifstream file("/proc/self/task/" + std::to_string(tid_.load()) + "/schedstat");
    unsigned long long run_ns = 0, wait_ns = 0;
    file >> run_ns >> wait_ns;
    return static_cast<double>(wait_ns) / 1e9;
  }

 private:
  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  std::unique_ptr<fgw::ctisim::Simulator> simulator_;
  std::atomic<pid_t> tid_{0};
  std::thread thread_;
};

// ---- a blocking loopback connection that yields whole GED-188 frames ----

tcp::socket connect_loopback(asio::io_context& io, std::uint16_t port) {
  tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  socket.set_option(tcp::no_delay(true));  // as the simulator does, GED-188.md 1.1
  return socket;
}

// Reads on one thread and writes on one (possibly other) thread: plain recv()/send() on the
// descriptor, which the kernel allows concurrently, unlike one Asio socket object.
class FrameConnection {
 public:
  explicit FrameConnection(tcp::socket socket) : socket_(std::move(socket)), chunk_(kReadChunk) {}

  // False at end of stream (or after shutdown_reads()).
  bool read_frames(std::vector<Frame>& frames) {
    frames.clear();
    while (frames.empty()) {
      const ssize_t n = ::recv(fd(), chunk_.data(), chunk_.size(), 0);
      if (n <= 0) return false;
      splitter_.feed(std::span(chunk_.data(), static_cast<std::size_t>(n)));
      while (true) {
        auto next = splitter_.next();
        if (!next) throw std::runtime_error("framing error: " + next.error().detail);
        if (!next->has_value()) break;
        frames.push_back(std::move(**next));
      }
    }
    return true;
  }

  void write(const std::uint8_t* data, std::size_t size) {
    while (size > 0) {
      const ssize_t n = ::send(fd(), data, size, MSG_NOSIGNAL);
      if (n <= 0) throw std::runtime_error("send failed");
      data += n;
      size -= static_cast<std::size_t>(n);
    }
  }
  void write(const std::vector<std::uint8_t>& bytes) { write(bytes.data(), bytes.size()); }

  // Wakes a blocked read_frames() (it returns false): how a reader thread is stopped.
  void shutdown_reads() { ::shutdown(fd(), SHUT_RD); }
  // The peer's read_frames() returns false once it has read everything sent before.
  void shutdown_writes() { ::shutdown(fd(), SHUT_WR); }

 private:
  int fd() { return socket_.native_handle(); }
  tcp::socket socket_;
  fgw::cti::FrameSplitter splitter_;
  std::vector<std::uint8_t> chunk_;
};

std::uint32_t type_of(const Frame& frame) {
  auto header = fgw::cti::read_frame_header(frame);
  return header ? header->message_type : 0;
}

bool is_type(const Frame& frame, MessageType type) {
  return type_of(frame) == static_cast<std::uint32_t>(type);
}

template <class T>
T decode_as(const Frame& frame) {
  auto decoded = fgw::cti::decode(frame, fgw::cti::kDefaultProtocolVersion);
  if (!decoded || !std::holds_alternative<T>(*decoded)) throw std::runtime_error("bad frame");
  return std::get<T>(*decoded);
}

std::vector<std::uint8_t> encode(const fgw::cti::Message& message) {
  return fgw::cti::encode(message, fgw::cti::kDefaultProtocolVersion);
}

void append(std::vector<std::uint8_t>& out, const fgw::cti::Message& message) {
  const auto bytes = encode(message);
  out.insert(out.end(), bytes.begin(), bytes.end());
}

// OPEN_REQ with the gateway's services and masks, no idle timeout (no heartbeats to send).
void open_session(FrameConnection& connection) {
  namespace masks = fgw::cti::client;
  fgw::cti::OpenReq open;
  open.invoke_id = 1;
  open.version_number = fgw::cti::kDefaultProtocolVersion.number;
  open.idle_timeout = 0xFFFFFFFF;
  open.peripheral_id = kPeripheralId;
  open.services_requested = masks::kDefaultServices;
  open.call_msg_mask = masks::kAllCallMessages;
  open.agent_state_mask = masks::kAllAgentStates;
  open.client_id = "ctisim-bench";
  open.client_password = fgw::cti::Bytes{};
  connection.write(encode(open));
  std::vector<Frame> frames;
  while (connection.read_frames(frames)) {
    for (const auto& frame : frames) {
      if (is_type(frame, MessageType::OpenConf)) return;
      if (!is_type(frame, MessageType::SystemEvent)) throw std::runtime_error("OPEN_REQ refused");
    }
  }
  throw std::runtime_error("session closed before OPEN_CONF");
}

// ---- 1. sign-in ----

fgw::cti::SetAgentStateReq agent_state_request(std::uint32_t invoke, int agent,
                                               fgw::cti::AgentState state) {
  fgw::cti::SetAgentStateReq request;
  request.invoke_id = invoke;
  request.peripheral_id = kPeripheralId;
  request.agent_state = state;
  request.agent_id = extension_of(agent);
  request.agent_instrument = extension_of(agent);
  return request;
}

// LOGIN of agent i has InvokeID 2i+2, its READY 2i+3: odd means READY.
std::vector<std::uint8_t> sign_in_requests(int agents) {
  std::vector<std::uint8_t> bytes;
  for (int i = 0; i < agents; ++i) {
    const auto invoke = static_cast<std::uint32_t>(2 * i + 2);
    append(bytes, agent_state_request(invoke, i, fgw::cti::AgentState::Login));
    append(bytes, agent_state_request(invoke + 1, i, fgw::cti::AgentState::Available));
  }
  return bytes;
}

struct SignInCount {
  int logins_confirmed = 0;
  int readies_confirmed = 0;
  int refused = 0;
  int available_events = 0;
  int replies() const { return logins_confirmed + readies_confirmed + refused; }
};

void count_sign_in_frame(const Frame& frame, SignInCount& count) {
  if (is_type(frame, MessageType::SetAgentStateConf)) {
    const auto conf = decode_as<fgw::cti::SetAgentStateConf>(frame);
    (conf.invoke_id % 2 ? count.readies_confirmed : count.logins_confirmed)++;
  } else if (is_type(frame, MessageType::ControlFailureConf) ||
             is_type(frame, MessageType::FailureConf)) {
    count.refused++;
  } else if (is_type(frame, MessageType::AgentStateEvent)) {
    const auto event = decode_as<fgw::cti::AgentStateEvent>(frame);
    if (event.agent_state == fgw::cti::AgentState::Available) count.available_events++;
  }
}

// Every reply, and the AVAILABLE event of every confirmed READY: only then are all agents READY.
SignInCount read_sign_in_replies(FrameConnection& connection, int agents) {
  SignInCount count;
  std::vector<Frame> frames;
  while (count.replies() < 2 * agents || count.available_events < count.readies_confirmed) {
    if (!connection.read_frames(frames)) throw std::runtime_error("session lost during sign-in");
    for (const auto& frame : frames) count_sign_in_frame(frame, count);
  }
  return count;
}

void measure_sign_in(FrameConnection& connection, int agents) {
  const auto requests = sign_in_requests(agents);  // encoded before the RSS baseline
  malloc_trim(0);  // the baseline without the garbage of the directory's parse
  const long rss_before = rss_kib();
  const auto start = Clock::now();
  SignInCount count;
  std::thread reader([&] { count = read_sign_in_replies(connection, agents); });
  connection.write(requests);
  reader.join();
  const double elapsed = seconds_since(start);
  const long rss_after = rss_kib();
  // What stays once freed heap (the drained write queues) is returned to the kernel.
  malloc_trim(0);
  const long rss_trimmed = rss_kib();
  const int signed_in = std::min(count.logins_confirmed, count.readies_confirmed);
  std::printf("simulator: %d agents signed in in %.3f s (%.0f/s), RSS +%.2f KiB/agent "
              "(%ld -> %ld KiB; +%.2f KiB/agent after malloc_trim); %d requests pipelined, "
              "%d refused\n",
              signed_in, elapsed, signed_in / elapsed,
              static_cast<double>(rss_after - rss_before) / agents, rss_before, rss_after,
              static_cast<double>(rss_trimmed - rss_before) / agents, 2 * agents, count.refused);
}

// ---- 2. calls ----

struct CallCounters {
  std::atomic<std::uint64_t> frames{0};
  std::atomic<std::uint64_t> events{0};  // unsolicited messages: everything but *_CONF
  std::atomic<std::uint64_t> bytes{0};
  std::atomic<std::uint64_t> calls_ended{0};  // END_CALL_EVENT
  std::atomic<std::uint64_t> refusals{0};     // FAILURE_CONF / CONTROL_FAILURE_CONF
  std::atomic<std::uint64_t> calls_placed{0};
  std::atomic<std::uint64_t> http_errors{0};
  // Bumped on every END_CALL and on stop: what the driver waits on for a free call slot.
  std::atomic<std::uint32_t> wakeups{0};

  void wake_driver() {
    wakeups.fetch_add(1);
    wakeups.notify_one();
  }
};

bool is_confirmation(std::uint32_t type) {
  switch (static_cast<MessageType>(type)) {
    case MessageType::AnswerCallConf:
    case MessageType::ClearConnectionConf:
    case MessageType::FailureConf:
    case MessageType::ControlFailureConf:
    case MessageType::HeartbeatConf:
      return true;
    default:
      return false;
  }
}

fgw::cti::AnswerCallReq answer_request(std::uint32_t invoke, const fgw::cti::CallDeliveredEvent& e) {
  fgw::cti::AnswerCallReq request;
  request.invoke_id = invoke;
  request.peripheral_id = kPeripheralId;
  request.connection_call_id = e.call.connection_call_id;
  request.connection_device_id_type = e.call.connection_device_id_type;
  request.connection_device_id = e.connection_device_id;
  return request;
}

fgw::cti::ClearConnectionReq hang_up_request(std::uint32_t invoke,
                                             const fgw::cti::CallEstablishedEvent& e) {
  fgw::cti::ClearConnectionReq request;
  request.invoke_id = invoke;
  request.peripheral_id = kPeripheralId;
  request.connection_call_id = e.call.connection_call_id;
  request.connection_device_id_type = e.call.connection_device_id_type;
  request.connection_device_id = e.connection_device_id;
  return request;
}

// The agent desk's part: answers what rings at an agent, hangs up what it answered. Only the two
// events it acts on are decoded; the rest are counted by their header.
class AgentDesk {
 public:
  AgentDesk(FrameConnection& connection, CallCounters& counters)
      : connection_(connection), counters_(counters) {}

  void run() {
    std::vector<Frame> frames;
    std::vector<std::uint8_t> requests;
    while (connection_.read_frames(frames)) {
      requests.clear();
      for (const auto& frame : frames) handle(frame, requests);
      // One write for every request this read caused: the client's cost stays small.
      if (!requests.empty()) connection_.write(requests);
    }
  }

  const std::vector<Frame>& recorded() const { return recorded_; }

 private:
  void handle(const Frame& frame, std::vector<std::uint8_t>& requests) {
    const std::uint32_t type = type_of(frame);
    counters_.frames.fetch_add(1, std::memory_order_relaxed);
    counters_.bytes.fetch_add(frame.size(), std::memory_order_relaxed);
    if (recorded_.size() < kRecordedFrames) recorded_.push_back(frame);
    if (!is_confirmation(type)) counters_.events.fetch_add(1, std::memory_order_relaxed);
    switch (static_cast<MessageType>(type)) {
      case MessageType::CallDeliveredEvent: {
        const auto delivered = decode_as<fgw::cti::CallDeliveredEvent>(frame);
        if (delivered.local_connection_state == fgw::cti::LocalConnectionState::Alerting) {
          append(requests, answer_request(next_invoke_++, delivered));
        }
        break;
      }
      case MessageType::CallEstablishedEvent:
        append(requests, hang_up_request(next_invoke_++,
                                         decode_as<fgw::cti::CallEstablishedEvent>(frame)));
        break;
      case MessageType::EndCallEvent:
        counters_.calls_ended.fetch_add(1);
        counters_.wake_driver();
        break;
      case MessageType::FailureConf:
      case MessageType::ControlFailureConf:
        counters_.refusals.fetch_add(1, std::memory_order_relaxed);
        break;
      default:
        break;
    }
  }

  FrameConnection& connection_;
  CallCounters& counters_;
  std::uint32_t next_invoke_ = 1'000'000;
  std::vector<Frame> recorded_;
};

// One keep-alive HTTP/1.1 connection to the control API; requests are written in batches and
// their responses read in order (the server answers pipelined requests one after the other).
class HttpPipeline {
 public:
  HttpPipeline(asio::io_context& io, std::uint16_t port) : socket_(connect_loopback(io, port)) {}

  static std::string post(const std::string& path, const std::string& body) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }

  // Sends `request` `count` times in one write; returns how many answers had status `expected`.
  int exchange(const std::string& request, int count, int expected) {
    std::string batch;
    for (int i = 0; i < count; ++i) batch += request;
    asio::write(socket_, asio::buffer(batch));
    int matching = 0;
    for (int i = 0; i < count; ++i) matching += read_response() == expected;
    return matching;
  }

 private:
  // One response: the status line, headers up to the blank line, Content-Length body bytes.
  int read_response() {
    const std::size_t head_end = read_until_blank_line();
    const int status = std::atoi(buffer_.c_str() + 9);  // "HTTP/1.1 200"
    const std::size_t total = head_end + content_length(buffer_.substr(0, head_end));
    if (buffer_.size() < total) {
      const std::size_t have = buffer_.size();
      buffer_.resize(total);
      asio::read(socket_, asio::buffer(buffer_.data() + have, total - have));
    }
    buffer_.erase(0, total);
    return status;
  }

  std::size_t read_until_blank_line() {
    while (true) {
      const auto end = buffer_.find("\r\n\r\n");
      if (end != std::string::npos) return end + 4;
      char chunk[4096];
      const std::size_t n = socket_.read_some(asio::buffer(chunk));
      buffer_.append(chunk, n);
    }
  }

  static std::size_t content_length(std::string head) {
    for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto at = head.find("content-length:");
    return at == std::string::npos ? 0 : std::strtoul(head.c_str() + at + 15, nullptr, 10);
  }

  tcp::socket socket_;
  std::string buffer_;
};

constexpr int kMaxHttpBatch = 32;

// POST /calls to the route point, at most `in_flight` calls placed and not yet ended.
class CallDriver {
 public:
  CallDriver(asio::io_context& io, std::uint16_t port, CallCounters& counters, int in_flight)
      : http_(io, port),
        counters_(counters),
        in_flight_(in_flight),
        request_(HttpPipeline::post(
            "/calls", std::string("{\"from\":\"") + kCaller + "\",\"to\":\"" + kRoutePoint + "\"}")) {}

  void run(const std::atomic<bool>& stop) {
    while (!stop.load()) {
      const int batch = std::min(wait_for_room(stop), kMaxHttpBatch);
      if (batch == 0) continue;
      counters_.calls_placed.fetch_add(static_cast<std::uint64_t>(batch));
      const int placed = http_.exchange(request_, batch, 200);
      counters_.http_errors.fetch_add(static_cast<std::uint64_t>(batch - placed));
    }
  }

 private:
  // Free call slots; blocks while none (END_CALL wakes it), 0 when stopping.
  int wait_for_room(const std::atomic<bool>& stop) {
    while (!stop.load()) {
      const auto generation = counters_.wakeups.load();
      const auto open = counters_.calls_placed.load() - counters_.calls_ended.load();
      if (open < static_cast<std::uint64_t>(in_flight_)) return in_flight_ - static_cast<int>(open);
      counters_.wakeups.wait(generation);
    }
    return 0;
  }

  HttpPipeline http_;
  CallCounters& counters_;
  int in_flight_;
  std::string request_;
};

// The control API's own ceiling on the simulator's io thread: hang-ups of a call that does not
// exist (404 after one map lookup, no World work, no CTI events), pipelined as the driver does.
double control_api_requests_per_second(std::uint16_t port, double seconds) {
  asio::io_context io;
  HttpPipeline http(io, port);
  const std::string request = HttpPipeline::post("/calls/4000000000/hangup", "");
  long answered = 0;
  const auto start = Clock::now();
  while (seconds_since(start) < seconds) answered += http.exchange(request, kMaxHttpBatch, 404);
  return static_cast<double>(answered) / seconds_since(start);
}

struct ThreadTimes {
  double simulator = 0, desk = 0, driver = 0;
  double simulator_waiting = 0;  // runnable, not running
};

struct Snapshot {
  std::uint64_t frames, events, bytes, calls;
  ThreadTimes cpu;
  Clock::time_point at;
};

struct CallThreads {
  SimulatorThread& simulator;
  std::thread& desk;
  std::thread& driver;
};

Snapshot snapshot(const CallCounters& c, CallThreads threads) {
  const ThreadTimes cpu{threads.simulator.cpu_seconds(), thread_cpu_seconds(threads.desk),
                        thread_cpu_seconds(threads.driver),
                        threads.simulator.run_queue_wait_seconds()};
  return {c.frames.load(), c.events.load(), c.bytes.load(), c.calls_ended.load(), cpu,
          Clock::now()};
}

struct CallRates {
  double frames_per_second = 0;
  double events_per_second = 0;
  double calls_per_second = 0;
  double mean_frame_bytes = 0;
  ThreadTimes busy;  // share of one core each thread used
};

CallRates rates_between(const Snapshot& a, const Snapshot& b) {
  const double elapsed = std::chrono::duration<double>(b.at - a.at).count();
  const auto frames = static_cast<double>(b.frames - a.frames);
  const ThreadTimes busy{(b.cpu.simulator - a.cpu.simulator) / elapsed,
                         (b.cpu.desk - a.cpu.desk) / elapsed,
                         (b.cpu.driver - a.cpu.driver) / elapsed,
                         (b.cpu.simulator_waiting - a.cpu.simulator_waiting) / elapsed};
  return {frames / elapsed, static_cast<double>(b.events - a.events) / elapsed,
          static_cast<double>(b.calls - a.calls) / elapsed,
          frames > 0 ? static_cast<double>(b.bytes - a.bytes) / frames : 0, busy};
}

struct CallRun {
  CallRates rates;
  std::vector<Frame> recorded;
  std::uint64_t refusals = 0;
  std::uint64_t http_errors = 0;
};

// Waits (bounded) for every placed call to end, so that the simulator is idle for the reference.
void drain_calls(const CallCounters& counters) {
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  while (counters.calls_ended.load() < counters.calls_placed.load() && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

CallRun measure_calls(FrameConnection& connection, SimulatorThread& simulator,
                      const Options& options) {
  asio::io_context io;
  CallCounters counters;
  AgentDesk desk(connection, counters);
  CallDriver driver(io, simulator.control_port(), counters, options.calls_in_flight);
  std::atomic<bool> stop{false};
  std::thread desk_thread([&] { desk.run(); });
  std::thread driver_thread([&] { driver.run(stop); });
  const CallThreads threads{simulator, desk_thread, driver_thread};
  std::this_thread::sleep_for(kWarmUp);
  const Snapshot first = snapshot(counters, threads);
  std::this_thread::sleep_for(std::chrono::duration<double>(options.seconds));
  const Snapshot last = snapshot(counters, threads);
  stop = true;
  counters.wake_driver();
  driver_thread.join();
  drain_calls(counters);
  connection.shutdown_reads();
  desk_thread.join();
  return {rates_between(first, last), desk.recorded(), counters.refusals.load(),
          counters.http_errors.load()};
}

// ---- 3. the raw loopback reference ----

// Pushes `frames` round and round, one send() per frame, into a reader that splits and counts
// them exactly as the client of phase 2 does; frames per second at the reader.
double raw_loopback_frames_per_second(const std::vector<Frame>& frames, double seconds) {
  asio::io_context io;
  tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
  tcp::socket pushing = connect_loopback(io, acceptor.local_endpoint().port());
  FrameConnection sink(acceptor.accept());
  FrameConnection source(std::move(pushing));
  std::atomic<std::uint64_t> counted{0};
  std::atomic<bool> stop{false};
  std::thread reader([&] {
    std::vector<Frame> batch;
    while (sink.read_frames(batch)) counted.fetch_add(batch.size(), std::memory_order_relaxed);
  });
  std::thread pusher([&] {
    for (std::size_t i = 0; !stop.load(std::memory_order_relaxed); i = (i + 1) % frames.size()) {
      source.write(frames[i]);
    }
    source.shutdown_writes();
  });
  std::this_thread::sleep_for(kWarmUp);
  const auto start = Clock::now();
  const auto before = counted.load();
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  const auto after = counted.load();
  const double elapsed = seconds_since(start);
  stop = true;
  pusher.join();
  reader.join();
  return static_cast<double>(after - before) / elapsed;
}

Options parse_options(int argc, char** argv) {
  Options options;
  if (argc > 1) options.agents = std::atoi(argv[1]);
  if (argc > 2) options.seconds = std::atof(argv[2]);
  if (argc > 3) options.calls_in_flight = std::atoi(argv[3]);
  if (options.agents < 1 || options.agents > 89999 || options.seconds <= 0 ||
      options.calls_in_flight < 1 || options.calls_in_flight > options.agents) {
    throw std::invalid_argument(
        "usage: ctisim_capacity_bench [AGENTS 1..89999] [SECONDS] [CALLS_IN_FLIGHT 1..AGENTS]");
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse_options(argc, argv);
    SimulatorThread simulator(options.agents);
    asio::io_context io;
    FrameConnection connection(connect_loopback(io, simulator.cti_port()));
    open_session(connection);
    measure_sign_in(connection, options.agents);
    const CallRun calls = measure_calls(connection, simulator, options);
    const double reference = raw_loopback_frames_per_second(calls.recorded, options.seconds);
    const double control_api = control_api_requests_per_second(simulator.control_port(), 1.0);
    const auto& r = calls.rates;
    std::printf("simulator: %.0f call events/s to one client (%.0f calls/s, %.0f frames/s incl. "
                "CONFs, mean %.0f bytes); raw loopback reference %.0f frames/s; ratio %.4f "
                "(frames/reference)\n",
                r.events_per_second, r.calls_per_second, r.frames_per_second, r.mean_frame_bytes,
                reference, r.frames_per_second / reference);
    std::printf("calls: %d agents, %d calls in flight, %.1f s measured after %lld ms warm-up, "
                "HTTP control API (keep-alive, pipelined batches <= 32); %llu CTI refusals, "
                "%llu HTTP errors\n",
                options.agents, options.calls_in_flight, options.seconds,
                static_cast<long long>(kWarmUp.count()),
                static_cast<unsigned long long>(calls.refusals),
                static_cast<unsigned long long>(calls.http_errors));
    std::printf("calls: CPU share of one core while measured: simulator io thread %.0f%% running "
                "+ %.0f%% runnable on a run queue, client reader %.0f%%, HTTP driver %.0f%%\n",
                100 * r.busy.simulator, 100 * r.busy.simulator_waiting, 100 * r.busy.desk,
                100 * r.busy.driver);
    std::printf("control API alone (pipelined 404 hang-ups, same io thread): %.0f requests/s; "
                "%.1f%% of it used by %.0f calls/s\n",
                control_api, 100 * r.calls_per_second / control_api, r.calls_per_second);
    std::printf("load average at the end: %s", load_average().c_str());
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ctisim_capacity_bench: %s\n", error.what());
    return 1;
  }
}
