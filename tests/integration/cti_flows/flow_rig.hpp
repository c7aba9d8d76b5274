#pragma once
// The end-to-end rig for the call-flow tests: finesse-ctisim (side A, side B, control API) and the
// gateway's CtiClient on loopback ports chosen by the OS, served by one io_context on two threads,
// as in the daemon. An observer records everything the client reports, in order, and may feed the
// desk through the daemon's own CtiDeskBridge.
//
// Tests read as stories: act (a CTI request or a control API call), then expect_events() with the
// exact sequence of CTI events the client must receive next (guide 5.4.4 tables), one line each,
// naming the key fields. A cursor moves over the events as they are expected, so an unexpected
// event is never skipped: it shows up in the next expectation. Waits are event-driven (condition
// variable) with generous deadlines; nothing sleeps.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <source_location>
#include <sstream>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "config/directory.hpp"
#include "gateway/cti/client/cti_client.hpp"
#include "gateway/cti/failure_codes.hpp"
#include "gateway/cti/message.hpp"
#include "gateway/cti/message_type.hpp"
#include "gateway/daemon/cti_link.hpp"
#include "gateway/desk/capturing_sink.hpp"
#include "gateway/desk/desk.hpp"
#include "tools/ctisim/simulator.hpp"

namespace fgw::flows {

using namespace std::chrono_literals;
using cti::client::CtiFailure;
using cti::client::RequestResult;
using cti::client::Side;

inline constexpr int kPeripheralId = 5000;
// Long enough for a loaded two-core machine and an ASan build; an honest pass takes milliseconds.
inline constexpr auto kPatience = 8s;

// Agents 1001 and 1002 (team 1), supervisor 2001 who supervises team 1, route point 6000.
inline constexpr const char* kDirectoryToml = R"(
[[team]]
id = "1"
name = "Sales"

[[route_point]]
dn = "6000"

[[user]]
id = "1001"
login_name = "alice"
password = "alicepw"
extension = "1001"
roles = ["Agent"]
team = "1"

[[user]]
id = "1002"
login_name = "bob"
password = "bobpw"
extension = "1002"
roles = ["Agent"]
team = "1"

[[user]]
id = "2001"
login_name = "sam"
password = "sampw"
extension = "2001"
roles = ["Agent", "Supervisor"]
team = "1"
supervises = ["1"]
)";

// ---- a blocking HTTP/1.1 exchange over a POSIX socket, for the simulator's control API ----------

struct HttpReply {
  int status = 0;  // 0: no HTTP answer at all
  std::string body;
  boost::json::value json() const { return boost::json::parse(body); }
};

inline HttpReply http_exchange(std::uint16_t port, const std::string& method, const std::string& path,
                               const std::string& body) {
  HttpReply reply;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return reply;
  timeval timeout{static_cast<time_t>(std::chrono::seconds(kPatience).count()), 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return reply;
  }
  std::string request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!body.empty()) request += "Content-Type: application/json\r\n";
  request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  for (std::size_t sent = 0; sent < request.size();) {
    const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      ::close(fd);
      return reply;
    }
    sent += static_cast<std::size_t>(n);
  }
  // Read the head, then exactly Content-Length bytes (the server may keep the connection open).
  std::string received;
  std::size_t head_end = std::string::npos;
  std::size_t body_length = 0;
  char buffer[4096];
  while (true) {
    if (head_end == std::string::npos && (head_end = received.find("\r\n\r\n")) != std::string::npos) {
      std::string head = received.substr(0, head_end);
      for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (const auto at = head.find("content-length:"); at != std::string::npos) {
        body_length = std::strtoul(head.c_str() + at + 15, nullptr, 10);
      }
      reply.status = std::atoi(received.c_str() + received.find(' ') + 1);
    }
    if (head_end != std::string::npos && received.size() >= head_end + 4 + body_length) break;
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    received.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  if (head_end != std::string::npos) reply.body = received.substr(head_end + 4, body_length);
  return reply;
}

// ---- one line per CTI event: its name and the fields the 5.4.4 tables turn on ------------------

inline std::string short_name(std::string_view full, std::string_view prefix) {
  if (full.starts_with(prefix)) full.remove_prefix(prefix.size());
  return std::string(full);
}
inline std::string state_name(cti::AgentState s) { return short_name(cti::name(s), "AGENT_STATE_"); }
inline std::string call_type_name(cti::CallType t) { return short_name(cti::name(t), "CALLTYPE_"); }
inline std::string text(const std::optional<std::string>& value) { return value.value_or("-"); }
inline std::string cause(cti::EventCause c) {
  return c == cti::EventCause::None ? "" : " cause=" + std::string(cti::name(c));
}
inline std::string call_ref(std::uint32_t call_id) { return "#" + std::to_string(call_id); }

inline std::string parties_of(const std::vector<cti::ConnectedParty>& parties) {
  std::string out;
  for (const auto& party : parties) out += (out.empty() ? "" : ",") + party.device_id;
  return out;
}

inline std::string describe(const cti::Message& message) {
  using namespace fgw::cti;
  return std::visit(
      [](const auto& m) -> std::string {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, AgentStateEvent>) {
          std::string line = "AGENT_STATE " + text(m.agent_id) + " " + state_name(m.agent_state);
          if (m.event_reason_code != 0) line += " reason=" + std::to_string(m.event_reason_code);
          if (m.next_agent_state) line += " next=" + state_name(*m.next_agent_state);
          return line;
        } else if constexpr (std::is_same_v<T, BeginCallEvent>) {
          return "BEGIN_CALL " + call_ref(m.connection_call_id) + " " + call_type_name(m.call_type) +
                 " from=" + text(m.connection_device_id);
        } else if constexpr (std::is_same_v<T, CallDeliveredEvent>) {
          return "CALL_DELIVERED " + call_ref(m.call.connection_call_id) + " alerting=" +
                 text(m.alerting_device_id) + " calling=" + text(m.calling_device_id) + cause(m.event_cause);
        } else if constexpr (std::is_same_v<T, CallEstablishedEvent>) {
          return "CALL_ESTABLISHED " + call_ref(m.call.connection_call_id) + " answering=" +
                 text(m.answering_device_id) + cause(m.event_cause);
        } else if constexpr (std::is_same_v<T, CallHeldEvent>) {
          return "CALL_HELD " + call_ref(m.call.connection_call_id) + " holding=" + text(m.device_id);
        } else if constexpr (std::is_same_v<T, CallRetrievedEvent>) {
          return "CALL_RETRIEVED " + call_ref(m.call.connection_call_id) + " retrieving=" + text(m.device_id);
        } else if constexpr (std::is_same_v<T, CallConnectionClearedEvent>) {
          return "CALL_CONNECTION_CLEARED " + call_ref(m.call.connection_call_id) + " releasing=" +
                 text(m.device_id) + cause(m.event_cause);
        } else if constexpr (std::is_same_v<T, CallClearedEvent>) {
          return "CALL_CLEARED " + call_ref(m.call.connection_call_id) + cause(m.event_cause);
        } else if constexpr (std::is_same_v<T, EndCallEvent>) {
          return "END_CALL " + call_ref(m.call.connection_call_id);
        } else if constexpr (std::is_same_v<T, CallServiceInitiatedEvent>) {
          return "CALL_SERVICE_INITIATED " + call_ref(m.call.connection_call_id) + " calling=" +
                 text(m.calling_device_id) + cause(m.event_cause);
        } else if constexpr (std::is_same_v<T, CallOriginatedEvent>) {
          return "CALL_ORIGINATED " + call_ref(m.call.connection_call_id) + " calling=" +
                 text(m.calling_device_id) + " called=" + text(m.called_device_id) + cause(m.event_cause);
        } else if constexpr (std::is_same_v<T, CallFailedEvent>) {
          return "CALL_FAILED " + call_ref(m.call.connection_call_id) + " failing=" + text(m.failing_device_id) +
                 cause(m.event_cause);
        } else if constexpr (std::is_same_v<T, CallTransferredEvent>) {
          return "CALL_TRANSFERRED " + call_ref(m.primary_call_id) + " secondary=" + call_ref(m.secondary_call_id) +
                 " transferring=" + text(m.first_device_id) + " transferred=" + text(m.second_device_id) +
                 " parties=" + parties_of(m.parties);
        } else if constexpr (std::is_same_v<T, CallConferencedEvent>) {
          return "CALL_CONFERENCED " + call_ref(m.primary_call_id) + " secondary=" + call_ref(m.secondary_call_id) +
                 " controller=" + text(m.first_device_id) + " added=" + text(m.second_device_id) +
                 " parties=" + parties_of(m.parties) + cause(m.event_cause);
        } else if constexpr (std::is_same_v<T, CallDataUpdateEvent>) {
          return "CALL_DATA_UPDATE " + call_ref(m.connection_call_id);
        } else if constexpr (std::is_same_v<T, SystemEvent>) {
          return "SYSTEM_EVENT " + std::string(cti::name(m.system_event_id));
        } else if constexpr (std::is_same_v<T, UnknownMessage>) {
          return "UNKNOWN_MESSAGE type=" + std::to_string(m.type);
        } else {
          return std::string(cti::name(static_cast<MessageType>(T::kType)));
        }
      },
      message);
}

inline std::string describe_failure(const CtiFailure& failure) {
  return failure.name + " (" + std::to_string(failure.code) + ")";
}

// ---- the observer: records in order, optionally feeds the desk first ----------------------------

struct Observed {
  std::vector<cti::Message> events;
  std::vector<Side> opens;
  std::vector<std::pair<Side, std::string>> losses;
  std::vector<cti::client::ResyncResult> resyncs;
  std::vector<std::vector<cti::client::AgentToResync>> resync_asks;
};

class RecordingObserver : public cti::client::CtiObserver {
 public:
  // `desk_feed` (the daemon's bridge) sees each callback before it is recorded, so a test that
  // wakes on a recorded event reads a desk that has already applied it.
  explicit RecordingObserver(cti::client::CtiObserver* desk_feed) : desk_feed_(desk_feed) {}

  void on_session_open(Side side, const cti::OpenConf& conf) override {
    if (desk_feed_) desk_feed_->on_session_open(side, conf);
    record([&](Observed& o) { o.opens.push_back(side); });
  }
  void on_session_lost(Side side, const std::string& reason) override {
    if (desk_feed_) desk_feed_->on_session_lost(side, reason);
    record([&](Observed& o) { o.losses.emplace_back(side, reason); });
  }
  void on_event(const cti::Message& event) override {
    if (desk_feed_) desk_feed_->on_event(event);
    record([&](Observed& o) { o.events.push_back(event); });
  }
  std::vector<cti::client::AgentToResync> agents_to_resync() override {
    auto agents = desk_feed_ ? desk_feed_->agents_to_resync() : std::vector<cti::client::AgentToResync>{};
    record([&](Observed& o) { o.resync_asks.push_back(agents); });
    return agents;
  }
  void on_resync(const cti::client::ResyncResult& result) override {
    if (desk_feed_) desk_feed_->on_resync(result);
    record([&](Observed& o) { o.resyncs.push_back(result); });
  }

  Observed snapshot() const {
    std::lock_guard lock(mutex_);
    return observed_;
  }

  bool wait_until(const std::function<bool(const Observed&)>& predicate,
                  std::chrono::milliseconds timeout = kPatience) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return predicate(observed_); });
  }

 private:
  template <class F>
  void record(F&& change) {
    {
      std::lock_guard lock(mutex_);
      change(observed_);
    }
    changed_.notify_all();
  }

  cti::client::CtiObserver* desk_feed_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  Observed observed_;
};

// ---- the rig ------------------------------------------------------------------------------------

struct RigOptions {
  std::chrono::seconds wrap_up{1};
  bool feed_desk = false;  // the observer forwards to a desk (daemon::CtiDeskBridge)
};

class FlowRig {
 public:
  explicit FlowRig(RigOptions options = {})
      : directory_file_(write_directory_file()),
        directory_(config::Directory::load(directory_file_.string(), config::HashCost::Minimal)),
        desk_(directory_, sink_),
        bridge_(desk_, daemon::cti_down_reason(true)),
        observer_(options.feed_desk ? &bridge_ : nullptr) {
    ctisim::SimulatorOptions sim;
    sim.side_a = {"127.0.0.1", 0};
    sim.side_b = config::Endpoint{"127.0.0.1", 0};
    sim.control = config::Endpoint{"127.0.0.1", 0};
    sim.directory_path = directory_file_.string();
    sim.peripheral_id = kPeripheralId;
    sim.wrap_up_time = options.wrap_up;
    simulator_ = std::make_unique<ctisim::Simulator>(io_, std::move(sim));
    simulator_->start();

    cti::client::CtiClientSettings settings;
    settings.side_a = {"127.0.0.1", simulator_->side_port('a')};
    settings.side_b = config::Endpoint{"127.0.0.1", simulator_->side_port('b')};
    settings.peripheral_id = kPeripheralId;
    settings.heartbeat_interval = 200ms;
    settings.missed_heartbeats_allowed = 3;
    settings.request_timeout = 5000ms;
    settings.connect_timeout = 2000ms;
    settings.open_timeout = 2000ms;
    settings.backoff_initial = 50ms;
    settings.backoff_max = 200ms;
    client_ = std::make_unique<cti::client::CtiClient>(io_, std::move(settings), observer_);

    for (int i = 0; i < 2; ++i) {
      threads_.emplace_back([this] { io_.run(); });
    }
    client_->start();
  }

  // Stops the client and the simulator, then lets the io threads finish their handlers; a rig
  // that does not wind down in time fails the test rather than hanging it.
  ~FlowRig() {
    client_->stop();
    simulator_->stop();
    work_.reset();
    auto finished = std::async(std::launch::async, [this] {
      for (auto& thread : threads_) thread.join();
    });
    if (finished.wait_for(kPatience) != std::future_status::ready) {
      ADD_FAILURE() << "the client and the simulator did not wind down after stop()";
      io_.stop();
    }
    finished.wait();
    client_.reset();
    simulator_.reset();
    std::error_code ignored;
    std::filesystem::remove(directory_file_, ignored);
  }

  FlowRig(const FlowRig&) = delete;
  FlowRig& operator=(const FlowRig&) = delete;

  // The first session: OPEN_CONF on side A, then SYSTEM_EVENT PERIPHERAL_ONLINE. The cursor is
  // placed after it, so a test starts with a clean story.
  void open_session() {
    ASSERT_TRUE(observer_.wait_until([](const Observed& o) { return !o.opens.empty(); }))
        << "no CTI session opened";
    ASSERT_EQ(observer_.snapshot().opens.front(), Side::A);
    expect_events({"SYSTEM_EVENT SYS_PERIPHERAL_ONLINE"});
  }

  // ---- acting ----

  HttpReply control(const std::string& method, const std::string& path, const std::string& body = {}) {
    return http_exchange(simulator_->control_port(), method, path, body);
  }

  // POST /calls from an outside caller; the new call's id.
  std::uint32_t place_call(const std::string& from, const std::string& to, const std::string& extra_json = {}) {
    std::string body = R"({"from":")" + from + R"(","to":")" + to + "\"";
    if (!extra_json.empty()) body += "," + extra_json;
    body += "}";
    const auto reply = control("POST", "/calls", body);
    EXPECT_EQ(reply.status, 200) << "POST /calls " << body << " -> " << reply.body;
    if (reply.status != 200) return 0;
    return static_cast<std::uint32_t>(std::stoul(std::string(reply.json().as_object().at("id").as_string())));
  }

  // Sends a request and waits for its outcome; a failure named TEST_NO_ANSWER when the client
  // never called back.
  RequestResult request(cti::Message message) {
    auto promise = std::make_shared<std::promise<RequestResult>>();
    auto future = promise->get_future();
    client_->request(std::move(message), [promise](RequestResult result) { promise->set_value(std::move(result)); });
    if (future.wait_for(kPatience) != std::future_status::ready) {
      CtiFailure no_answer;
      no_answer.name = "TEST_NO_ANSWER";
      return no_answer;
    }
    return future.get();
  }

  // The request's confirmation of type Conf; records a test failure (and returns a default Conf)
  // when the answer is a failure or another message.
  template <class Conf>
  Conf confirm(cti::Message message, std::source_location where = std::source_location::current()) {
    const ::testing::ScopedTrace trace(where.file_name(), static_cast<int>(where.line()), "confirm");
    const auto what = std::string(cti::name(static_cast<cti::MessageType>(cti::message_type_number(message))));
    auto result = request(std::move(message));
    if (!result.ok()) {
      ADD_FAILURE() << what << " failed: " << describe_failure(result.failure());
      return Conf{};
    }
    if (const auto* conf = std::get_if<Conf>(&result.message())) return *conf;
    ADD_FAILURE() << what << " answered with " << describe(result.message());
    return Conf{};
  }

  // The failure the request must get; a CtiFailure named TEST_UNEXPECTED_SUCCESS otherwise.
  CtiFailure refuse(cti::Message message) {
    auto result = request(std::move(message));
    if (result.ok()) {
      CtiFailure unexpected;
      unexpected.name = "TEST_UNEXPECTED_SUCCESS: " + describe(result.message());
      return unexpected;
    }
    return result.failure();
  }

  // ---- expecting events ----

  // The next events after the cursor must be exactly `expected`, in order; waits until that many
  // have arrived. Returns them, for the fields a line does not show, and moves the cursor on.
  std::vector<cti::Message> expect_events(const std::vector<std::string>& expected,
                                         std::source_location where = std::source_location::current()) {
    const ::testing::ScopedTrace trace(where.file_name(), static_cast<int>(where.line()), "expect_events");
    const std::size_t from = cursor_;
    const bool arrived = observer_.wait_until(
        [&](const Observed& o) { return o.events.size() >= from + expected.size(); });
    const auto events = observer_.snapshot().events;
    std::vector<cti::Message> next(events.begin() + static_cast<std::ptrdiff_t>(std::min(from, events.size())),
                                   events.begin() + static_cast<std::ptrdiff_t>(
                                                        std::min(from + expected.size(), events.size())));
    std::vector<std::string> lines;
    for (const auto& event : next) lines.push_back(describe(event));
    EXPECT_TRUE(arrived) << "only " << next.size() << " of " << expected.size() << " events arrived";
    EXPECT_THAT(lines, ::testing::ElementsAreArray(expected));
    cursor_ = from + next.size();
    return next;
  }

  // Waits for the first event of type T after the cursor that satisfies `predicate` (without
  // moving the cursor).
  template <class T>
  std::optional<T> wait_for(const std::function<bool(const T&)>& predicate = [](const T&) { return true; },
                            std::chrono::milliseconds timeout = kPatience) {
    std::optional<T> found;
    const std::size_t from = cursor_;
    observer_.wait_until(
        [&](const Observed& o) {
          for (std::size_t i = from; i < o.events.size(); ++i) {
            if (const auto* event = std::get_if<T>(&o.events[i]); event && predicate(*event)) {
              found = *event;
              return true;
            }
          }
          return false;
        },
        timeout);
    return found;
  }

  // Every event after the cursor, as lines (for failure messages).
  std::vector<std::string> pending_lines() const {
    const auto events = observer_.snapshot().events;
    std::vector<std::string> lines;
    for (std::size_t i = cursor_; i < events.size(); ++i) lines.push_back(describe(events[i]));
    return lines;
  }

  // ---- the parts ----

  RecordingObserver& observer() { return observer_; }
  cti::client::CtiClient& client() { return *client_; }
  desk::Desk& desk() { return desk_; }
  desk::CapturingSink& sink() { return sink_; }
  const config::Directory& directory() const { return directory_; }

 private:
  static std::filesystem::path write_directory_file() {
    std::string pattern = (std::filesystem::temp_directory_path() / "fgw-flows-directory-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    ::close(fd);
    std::ofstream(pattern) << kDirectoryToml;
    return pattern;
  }

  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_ =
      boost::asio::make_work_guard(io_);
  std::filesystem::path directory_file_;
  config::Directory directory_;
  desk::CapturingSink sink_;
  desk::Desk desk_;
  daemon::CtiDeskBridge bridge_;
  RecordingObserver observer_;
  std::unique_ptr<ctisim::Simulator> simulator_;
  std::unique_ptr<cti::client::CtiClient> client_;
  std::vector<std::thread> threads_;
  std::size_t cursor_ = 0;
};

// ---- request builders: the fields Finesse fills, nothing more ------------------------------------
// The client stamps InvokeID and PeripheralID. Each returns a named variable (g++ 12 ICEs on
// `cti::Message m = SomeReq{...}` for some of these types).

inline cti::SetAgentStateReq agent_state_req(const std::string& agent, cti::AgentState state,
                                             std::uint16_t reason = 0) {
  cti::SetAgentStateReq req;
  req.agent_state = state;
  req.event_reason_code = reason;
  req.agent_id = agent;
  req.agent_instrument = agent;  // the directory gives each agent its id as extension
  return req;
}

inline cti::AnswerCallReq answer_req(std::uint32_t call, const std::string& device) {
  cti::AnswerCallReq req;
  req.connection_call_id = call;
  req.connection_device_id_type = cti::ConnectionIdType::Static;
  req.connection_device_id = device;
  req.agent_instrument = device;
  return req;
}

inline cti::HoldCallReq hold_req(std::uint32_t call, const std::string& device) {
  cti::HoldCallReq req;
  req.connection_call_id = call;
  req.connection_device_id_type = cti::ConnectionIdType::Static;
  req.connection_device_id = device;
  req.agent_instrument = device;
  return req;
}

inline cti::RetrieveCallReq retrieve_req(std::uint32_t call, const std::string& device) {
  cti::RetrieveCallReq req;
  req.held_connection_call_id = call;
  req.held_connection_device_id_type = cti::ConnectionIdType::Static;
  req.held_connection_device_id = device;
  req.agent_instrument = device;
  return req;
}

inline cti::ClearConnectionReq clear_connection_req(std::uint32_t call, const std::string& device) {
  cti::ClearConnectionReq req;
  req.connection_call_id = call;
  req.connection_device_id_type = cti::ConnectionIdType::Static;
  req.connection_device_id = device;
  req.agent_instrument = device;
  return req;
}

inline cti::MakeCallReq make_call_req(const std::string& from, const std::string& dialed) {
  cti::MakeCallReq req;
  req.agent_instrument = from;
  req.dialed_number = dialed;
  return req;
}

inline cti::ConsultationCallReq consult_req(std::uint32_t active_call, const std::string& from,
                                            const std::string& dialed, std::uint16_t consult_type) {
  cti::ConsultationCallReq req;
  req.active_connection_call_id = active_call;
  req.active_connection_device_id_type = cti::ConnectionIdType::Static;
  req.active_connection_device_id = from;
  req.consult_type = consult_type;
  req.dialed_number = dialed;
  req.agent_instrument = from;
  return req;
}

template <class JoinReq>
JoinReq join_req(std::uint32_t active_call, std::uint32_t held_call, const std::string& agent_device) {
  JoinReq req;
  req.active_connection_call_id = active_call;
  req.held_connection_call_id = held_call;
  req.active_connection_device_id_type = cti::ConnectionIdType::Static;
  req.held_connection_device_id_type = cti::ConnectionIdType::Static;
  req.active_connection_device_id = agent_device;
  req.held_connection_device_id = agent_device;
  req.agent_instrument = agent_device;
  return req;
}

inline cti::SnapshotDeviceReq snapshot_device_req(const std::string& device) {
  cti::SnapshotDeviceReq req;
  req.agent_instrument = device;
  return req;
}

// ---- the desk's view (guide 5.4.1, 5.4.3) ---------------------------------------------------------

// "device:STATE" per participant, in the dialog's order.
inline std::vector<std::string> legs_of(const desk::Dialog& dialog) {
  std::vector<std::string> legs;
  for (const auto& participant : dialog.participants) {
    legs.push_back(participant.media_address + ":" + participant.state);
  }
  return legs;
}

// The ids of the user's dialogs.
inline std::vector<std::string> dialog_ids_of(FlowRig& rig, const std::string& user) {
  std::vector<std::string> ids;
  for (const auto& dialog : rig.desk().dialogs_of(user)) ids.push_back(dialog.id);
  return ids;
}

// ---- story steps several tests share -------------------------------------------------------------

inline constexpr const char* kCaller = "5551000";

// SET_AGENT_STATE LOGIN on the agent's extension: CONF, then LOGIN and NOT_READY (GED-188.md 5.1.6).
inline void sign_in(FlowRig& rig, const std::string& agent,
                    std::source_location where = std::source_location::current()) {
  const ::testing::ScopedTrace trace(where.file_name(), static_cast<int>(where.line()), "sign_in");
  rig.confirm<cti::SetAgentStateConf>(agent_state_req(agent, cti::AgentState::Login));
  rig.expect_events({"AGENT_STATE " + agent + " LOGIN", "AGENT_STATE " + agent + " NOT_READY"});
}

inline void make_ready(FlowRig& rig, const std::string& agent,
                       std::source_location where = std::source_location::current()) {
  const ::testing::ScopedTrace trace(where.file_name(), static_cast<int>(where.line()), "make_ready");
  rig.confirm<cti::SetAgentStateConf>(agent_state_req(agent, cti::AgentState::Available));
  rig.expect_events({"AGENT_STATE " + agent + " AVAILABLE"});
}

// Guide 5.4.4 inbound table up to "Agent answers call": the outside caller dials the READY agent's
// extension, the agent answers. The call's id.
inline std::uint32_t answered_inbound_call(FlowRig& rig, const std::string& agent,
                                           const std::string& extra_json = {},
                                           std::source_location where = std::source_location::current()) {
  const ::testing::ScopedTrace trace(where.file_name(), static_cast<int>(where.line()), "answered_inbound_call");
  const auto call = rig.place_call(kCaller, agent, extra_json);
  const auto c = call_ref(call);
  rig.expect_events({"BEGIN_CALL " + c + " OTHER_IN from=" + kCaller,
                     "AGENT_STATE " + agent + " RESERVED",
                     "CALL_DELIVERED " + c + " alerting=" + agent + " calling=" + kCaller + " cause=CEC_NEW_CALL"});
  rig.confirm<cti::AnswerCallConf>(answer_req(call, agent));
  rig.expect_events({"CALL_ESTABLISHED " + c + " answering=" + agent, "AGENT_STATE " + agent + " TALKING"});
  return call;
}

}  // namespace fgw::flows
