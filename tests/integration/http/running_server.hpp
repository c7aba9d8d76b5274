#pragma once
// A real fgw::http::Server on 127.0.0.1 with an ephemeral port, run by one background io thread
// like a (small) daemon pool.

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <future>
#include <string>
#include <thread>

#include "gateway/http/server.hpp"

namespace fgw::test {

using namespace std::chrono_literals;

inline config::HttpSettings loopback_settings() {
  config::HttpSettings settings;
  settings.listen = {"127.0.0.1", 0};
  return settings;
}

class RunningServer {
 public:
  RunningServer(const config::HttpSettings& settings, http::RequestHandler handler)
      : server_(io_, settings, std::move(handler)) {
    server_.start();
    io_thread_ = std::thread([this] {
      io_.run();
      drained_.set_value();
    });
  }

  ~RunningServer() {
    server_.stop();
    if (!wait_until_drained(3s)) io_.stop();
    io_thread_.join();
  }

  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  http::Server& server() { return server_; }
  uint16_t port() const { return server_.port(); }

  // True once the io thread has run out of work: no listener, no connection, no timer left.
  bool wait_until_drained(std::chrono::milliseconds timeout) {
    return drained_future_.wait_for(timeout) == std::future_status::ready;
  }

  // Polls stats() until `predicate` holds, for counters updated on the io thread.
  template <class Predicate>
  bool wait_for_stats(Predicate predicate, std::chrono::milliseconds timeout = 2s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!predicate(server_.stats())) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(5ms);
    }
    return true;
  }

 private:
  boost::asio::io_context io_;
  http::Server server_;
  std::promise<void> drained_;
  std::future<void> drained_future_ = drained_.get_future();
  std::thread io_thread_;
};

}  // namespace fgw::test
