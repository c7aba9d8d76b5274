#pragma once
// A CtiClient on its own io thread with a RecordingObserver, and test settings with short timers.
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "gateway/cti/client/cti_client.hpp"
#include "tests/integration/cti_client/fake_cti_server.hpp"
#include "tests/integration/cti_client/recording_observer.hpp"

namespace fgw::test {

inline constexpr int kTestPeripheralId = 5000;

// Heartbeats every 100 ms, dead after 3 misses; back-off 50 ms doubling to 200 ms.
inline cti::client::CtiClientSettings test_settings(const config::Endpoint& side_a,
                                                    std::optional<config::Endpoint> side_b = std::nullopt) {
  cti::client::CtiClientSettings settings;
  settings.side_a = side_a;
  settings.side_b = std::move(side_b);
  settings.peripheral_id = kTestPeripheralId;
  settings.heartbeat_interval = 100ms;
  settings.missed_heartbeats_allowed = 3;
  settings.request_timeout = 1000ms;
  settings.connect_timeout = 1000ms;
  settings.open_timeout = 1000ms;
  settings.backoff_initial = 50ms;
  settings.backoff_max = 200ms;
  return settings;
}

class ClientHarness {
 public:
  explicit ClientHarness(cti::client::CtiClientSettings settings,
                         cti::client::RequestObserver* request_observer = nullptr)
      : client_(io_, std::move(settings), observer_, request_observer) {}

  // The work guard goes first, so that the io thread ending proves the client released all its work.
  ~ClientHarness() {
    client_.stop();
    keep_running_.reset();
    if (started_) {
      if (drained_.wait_for(3s) != std::future_status::ready) io_.stop();
      thread_.join();
    }
  }

  ClientHarness(const ClientHarness&) = delete;
  ClientHarness& operator=(const ClientHarness&) = delete;

  void start() {
    started_at_ = Clock::now();
    client_.start();
    started_ = true;
    thread_ = std::thread([this] {
      io_.run();
      drained_promise_.set_value();
    });
  }

  // Sends a request; the future gets its outcome.
  std::future<cti::client::RequestResult> request(cti::Message message) {
    auto promise = std::make_shared<std::promise<cti::client::RequestResult>>();
    auto future = promise->get_future();
    client_.request(std::move(message),
                    [promise](cti::client::RequestResult result) { promise->set_value(std::move(result)); });
    return future;
  }

  cti::client::CtiClient& client() { return client_; }
  RecordingObserver& observer() { return observer_; }
  Clock::time_point started_at() const { return started_at_; }

  // Polls stats() (counters change on the io thread) until `predicate` holds.
  template <class Predicate>
  bool wait_for_stats(Predicate predicate, std::chrono::milliseconds timeout = 3s) {
    const auto deadline = Clock::now() + timeout;
    while (!predicate(client_.stats())) {
      if (Clock::now() > deadline) return false;
      std::this_thread::sleep_for(2ms);
    }
    return true;
  }

 private:
  boost::asio::io_context io_;
  // Keeps the io thread running while the test lasts, like a daemon's pool, even when the client
  // (stopped) has no work left.
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> keep_running_ =
      boost::asio::make_work_guard(io_);
  RecordingObserver observer_;
  cti::client::CtiClient client_;
  std::promise<void> drained_promise_;
  std::future<void> drained_ = drained_promise_.get_future();
  std::thread thread_;
  bool started_ = false;
  Clock::time_point started_at_{};
};

// The outcome, or a failure named TEST_NO_ANSWER when `done` did not come within `timeout`.
inline cti::client::RequestResult outcome(std::future<cti::client::RequestResult>& future,
                                          std::chrono::milliseconds timeout = 3s) {
  if (future.wait_for(timeout) != std::future_status::ready) {
    cti::client::CtiFailure no_answer;
    no_answer.name = "TEST_NO_ANSWER";
    return no_answer;
  }
  return future.get();
}

}  // namespace fgw::test
