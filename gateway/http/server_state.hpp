#pragma once
// What the server's connections share with the server: limits, the handler, counters, the stop
// flag and the registry through which stop() reaches every open connection. Sessions hold it by
// shared_ptr, so it outlives the Server object if connections are still draining.
// Private to the server: only server.cpp includes it.

#include <atomic>
#include <boost/asio/ssl/context.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "config/daemon_config.hpp"
#include "gateway/http/server.hpp"

namespace fgw::http::detail {

// The part of a connection that stop() may call, from any thread.
class StoppableSession {
 public:
  virtual ~StoppableSession() = default;
  // Closes the connection at once if it is idle; otherwise lets the current request finish.
  virtual void request_stop() = 0;
};

class SessionRegistry {
 public:
  uint64_t add(std::weak_ptr<StoppableSession> session) {
    std::lock_guard lock(mutex_);
    const uint64_t id = ++last_id_;
    sessions_.emplace(id, std::move(session));
    return id;
  }

  void remove(uint64_t id) {
    std::lock_guard lock(mutex_);
    sessions_.erase(id);
  }

  // Strong references taken under the lock, so that no session is stopped while it is destroyed.
  std::vector<std::shared_ptr<StoppableSession>> live_sessions() const {
    std::vector<std::shared_ptr<StoppableSession>> live;
    std::lock_guard lock(mutex_);
    live.reserve(sessions_.size());
    for (const auto& [id, weak] : sessions_) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
    return live;
  }

 private:
  mutable std::mutex mutex_;
  uint64_t last_id_ = 0;
  std::unordered_map<uint64_t, std::weak_ptr<StoppableSession>> sessions_;
};

struct ServerState {
  ServerState(config::HttpLimits limits_, RequestHandler handler_)
      : limits(limits_), handler(std::move(handler_)) {}

  const config::HttpLimits limits;
  const RequestHandler handler;
  // Set by start() before the first accept; the TLS sessions' SSL objects refer to it.
  std::optional<boost::asio::ssl::context> tls_context;

  std::atomic<uint64_t> connections_open{0};
  std::atomic<uint64_t> connections_rejected{0};
  std::atomic<uint64_t> requests{0};
  std::atomic<bool> stopping{false};
  SessionRegistry sessions;
};

}  // namespace fgw::http::detail
