#pragma once
// A scriptable stand-in for one side of a CTI Server, until tools/ctisim exists: real TCP on
// 127.0.0.1 (ephemeral port), real GED-188 frames through the codec, its own io thread.
//
// By default it confirms OPEN_REQ, answers HEARTBEAT_REQ and CLOSE_REQ, and leaves every other
// request to the responder (none: requests go unanswered). A test can make it refuse or ignore
// OPEN_REQ, stop answering heartbeats, go silent, push any message, send raw bytes, reset the
// connections, and refuse new connections. Every received message is recorded with its arrival
// time; the wait_* calls block on a condition variable, never on sleeps.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "config/daemon_config.hpp"
#include "gateway/cti/message.hpp"
#include "gateway/cti/protocol_version.hpp"

namespace fgw::test {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

struct ReceivedMessage {
  cti::Message message;
  Clock::time_point at;
};

class FakeCtiServer {
 public:
  enum class OpenAnswer { Confirm, Refuse, Ignore };
  // Replies to one request (anything but OPEN/HEARTBEAT/CLOSE), sent in order. Runs on the server's
  // io thread.
  using Responder = std::function<std::vector<cti::Message>(const cti::Message& request)>;

  explicit FakeCtiServer(cti::ProtocolVersion version = cti::kDefaultProtocolVersion);
  ~FakeCtiServer();
  FakeCtiServer(const FakeCtiServer&) = delete;
  FakeCtiServer& operator=(const FakeCtiServer&) = delete;

  config::Endpoint endpoint() const { return {"127.0.0.1", port_}; }

  // ---- script: applies to messages received afterwards ----
  void answer_open(OpenAnswer answer, cti::FailureStatus refusal = cti::FailureStatus::CtiServerOffline);
  void set_open_session_type(std::uint16_t session_type);
  void answer_heartbeats(bool answer);
  void respond_with(Responder responder);
  // Answers nothing at all from now on; connections stay up. Returns how many messages had been
  // received before: every later one goes unanswered.
  std::size_t go_silent();

  // ---- actions: each returns once done on the server's io thread ----
  void send(const cti::Message& message);           // to the newest connection
  void send_raw(std::vector<std::uint8_t> bytes);   // to the newest connection, as is
  void drop_connections();                          // TCP reset of every client connection
  void stop_listening();                            // new connections are refused
  void start_listening();                           // listen again on the same port

  // ---- observations ----
  std::vector<ReceivedMessage> received() const;
  std::size_t connections_accepted() const;
  std::optional<Clock::time_point> last_open_conf_at() const;

  template <class T>
  std::vector<T> received_of() const {
    std::lock_guard lock(mutex_);
    return messages_of<T>();
  }

  // Waits until at least `count` messages of type T arrived (all connections together).
  template <class T>
  std::vector<T> wait_for(std::size_t count = 1, std::chrono::milliseconds timeout = 3s) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return messages_of<T>().size() >= count; });
    return messages_of<T>();
  }

  // The arrival times of the messages of type T.
  template <class T>
  std::vector<Clock::time_point> arrival_times() const {
    std::lock_guard lock(mutex_);
    std::vector<Clock::time_point> times;
    for (const auto& r : received_) {
      if (std::holds_alternative<T>(r.message)) times.push_back(r.at);
    }
    return times;
  }

  bool wait_for_connections(std::size_t count, std::chrono::milliseconds timeout = 3s) const;

 private:
  class Session;
  friend class Session;

  template <class T>
  std::vector<T> messages_of() const {
    std::vector<T> out;
    for (const auto& r : received_) {
      if (const auto* m = std::get_if<T>(&r.message)) out.push_back(*m);
    }
    return out;
  }

  void listen();
  void accept_next();
  // Records the message and returns the replies the script calls for. Io thread.
  std::vector<cti::Message> handle(const cti::Message& message);
  std::vector<cti::Message> answer_open_req(const cti::OpenReq& open);
  void run_on_io(std::function<void()> action);

  cti::ProtocolVersion version_;
  boost::asio::io_context io_;
  std::unique_ptr<boost::asio::ip::tcp::acceptor> acceptor_;  // io thread only
  std::vector<std::shared_ptr<Session>> sessions_;           // io thread only
  std::uint16_t port_ = 0;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::vector<ReceivedMessage> received_;
  std::size_t connections_accepted_ = 0;
  std::optional<Clock::time_point> last_open_conf_at_;
  OpenAnswer open_answer_ = OpenAnswer::Confirm;
  cti::FailureStatus open_refusal_ = cti::FailureStatus::CtiServerOffline;
  std::uint16_t open_session_type_ = 1;  // active
  bool answer_heartbeats_ = true;
  bool silent_ = false;
  Responder responder_;

  std::thread thread_;
};

}  // namespace fgw::test
