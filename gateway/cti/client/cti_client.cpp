#include "gateway/cti/client/cti_client.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <mutex>
#include <utility>

#include "gateway/cti/client/connection.hpp"
#include "gateway/cti/client/heartbeat_monitor.hpp"
#include "gateway/cti/client/open_request.hpp"
#include "gateway/cti/client/pending_requests.hpp"
#include "gateway/cti/client/reconnect_policy.hpp"
#include "gateway/cti/client/request_observer.hpp"
#include "gateway/cti/client/request_fields.hpp"
#include "gateway/cti/client/resync.hpp"
#include "gateway/cti/client/side_down.hpp"

namespace fgw::cti::client {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

// OPEN_CONF.SessionType 2: a v24+ standby side, which serves only OPEN/HEARTBEAT/CLOSE
// (GED-188.md 2.1). The client needs an active side, so it moves on.
constexpr std::uint16_t kSessionTypeStandby = 2;
// GED-188.md 2.9: after CLOSE_REQ wait up to 5 s for CLOSE_CONF, then reset.
constexpr milliseconds kCloseConfWaitMax{5000};

std::string message_name(const Message& message) {
  return std::string(name(static_cast<MessageType>(message_type_number(message))));
}

MessageType type_of(const Message& message) { return static_cast<MessageType>(message_type_number(message)); }

RequestResult outcome_of(Message confirmation) {
  if (const auto* failure = std::get_if<FailureConf>(&confirmation)) return failure_from(*failure);
  if (const auto* failure = std::get_if<ControlFailureConf>(&confirmation)) return failure_from(*failure);
  return RequestResult(std::move(confirmation));
}

}  // namespace

class CtiClient::Impl : public std::enable_shared_from_this<Impl> {
  // A timer's completion handler that runs `f(impl)` unless the wait was cancelled, the client is
  // gone, or the connection it was armed for has been torn down since (epoch changed). Defined
  // first because its deduced return type must be known where it is used.
  template <class F>
  auto on_timer(F f) {
    return [weak = weak_from_this(), epoch = epoch_, f = std::move(f)](const boost::system::error_code& error) mutable {
      auto self = weak.lock();
      if (!self || error || self->epoch_ != epoch) return;
      f(*self);
    };
  }

 public:
  Impl(asio::io_context& io, CtiClientSettings settings, CtiObserver& observer, RequestObserver* request_observer)
      : settings_(std::move(settings)),
        observer_(observer),
        request_observer_(request_observer),
        strand_(asio::make_strand(io)),
        policy_(settings_.side_b.has_value(), settings_.backoff_initial, settings_.backoff_max,
                // A session that outlived the longest back-off was healthy: its loss is not a flap.
                settings_.backoff_max),
        heartbeat_(settings_.missed_heartbeats_allowed),
        backoff_timer_(strand_),
        open_timer_(strand_),
        heartbeat_timer_(strand_),
        request_timer_(strand_),
        close_timer_(strand_) {}

  void start() {
    asio::post(strand_, [self = shared_from_this()] { self->do_start(); });
  }
  void stop() {
    asio::post(strand_, [self = shared_from_this()] { self->do_stop(); });
  }
  void request(Message message, RequestDone done) {
    asio::post(strand_, [self = shared_from_this(), message = std::move(message),
                         done = std::move(done)]() mutable { self->do_request(std::move(message), std::move(done)); });
  }
  // The observer may be destroyed soon after the client; callbacks still queued then are dropped.
  void detach_observer() { observer_detached_ = true; }

  bool in_service() const { return in_service_.load(); }
  std::optional<Side> active_side() const { return side_from(active_side_.load()); }
  CtiClientStats stats() const {
    std::lock_guard lock(stats_mutex_);
    CtiClientStats copy = stats_;
    copy.in_service = in_service();
    copy.active_side = active_side();
    copy.connected_side = side_from(connected_side_.load());
    return copy;
  }

 private:
  enum class State { Idle, Waiting, Connecting, Opening, Open, Closing, Stopped };

  // ---- connecting and opening ----

  void do_start() {
    if (state_ != State::Idle) return;
    schedule_attempt();
  }

  void schedule_attempt() {
    state_ = State::Waiting;
    const auto attempt = policy_.next();
    if (attempt.delay.count() == 0) return connect_to(attempt.side);
    spdlog::info("CTI: next attempt on side {} in {} ms", to_string(attempt.side), attempt.delay.count());
    backoff_timer_.expires_after(attempt.delay);
    backoff_timer_.async_wait(on_timer([side = attempt.side](Impl& self) { self.connect_to(side); }));
  }

  void connect_to(Side side) {
    count_connect_attempt();
    state_ = State::Connecting;
    attempt_side_ = side;
    const auto& endpoint = endpoint_of(side);
    spdlog::info("CTI: connecting to side {} at {}", to_string(side), endpoint.to_string());
    connection_ = std::make_shared<Connection>(strand_, settings_.version, connection_handlers());
    arm_open_timer(settings_.connect_timeout, "TCP connect timed out");
    connection_->connect(endpoint, [weak = weak_from_this()](std::optional<std::string> error) {
      auto self = weak.lock();
      if (!self) return;
      if (error) return self->attempt_failed(*error);
      self->send_open();
    });
  }

  Connection::Handlers connection_handlers() {
    Connection::Handlers handlers;
    handlers.on_message = [weak = weak_from_this()](Message message) {
      if (auto self = weak.lock()) self->on_message(std::move(message));
    };
    handlers.on_failed = [weak = weak_from_this()](const std::string& reason) {
      if (auto self = weak.lock()) self->on_connection_failed(reason);
    };
    return handlers;
  }

  void send_open() {
    state_ = State::Opening;
    connected_side_ = static_cast<int>(attempt_side_);
    send_message(make_open_req(settings_, next_invoke_id()));
    arm_open_timer(settings_.open_timeout, "no OPEN_CONF in time");
  }

  void arm_open_timer(milliseconds timeout, std::string reason) {
    open_timer_.expires_after(timeout);
    open_timer_.async_wait(on_timer([reason = std::move(reason)](Impl& self) { self.attempt_failed(reason); }));
  }

  void handle_open_reply(const Message& message) {
    if (const auto* conf = std::get_if<OpenConf>(&message)) {
      if (conf->session_type == kSessionTypeStandby) return attempt_failed("side is standby (OPEN_CONF SessionType 2)");
      return session_opened(*conf);
    }
    if (const auto* failure = std::get_if<FailureConf>(&message)) {
      return attempt_failed("OPEN_REQ refused with " + failure_from(*failure).name);
    }
    spdlog::debug("CTI: {} before OPEN_CONF ignored", message_name(message));
  }

  void attempt_failed(const std::string& reason) {
    spdlog::warn("CTI: side {} unavailable: {}", to_string(attempt_side_), reason);
    teardown_connection();
    policy_.attempt_failed();
    schedule_attempt();
  }

  // ---- the open session ----

  void session_opened(const OpenConf& conf) {
    open_timer_.cancel();
    state_ = State::Open;
    session_side_ = attempt_side_;
    opened_at_ = last_sent_ = last_received_ = Clock::now();
    policy_.session_opened(session_side_);
    heartbeat_ = HeartbeatMonitor(settings_.missed_heartbeats_allowed);
    count_session_opened(session_side_);
    spdlog::info("CTI: session open on side {} (services granted {:#x}, peripheral {})",
                 to_string(session_side_), conf.services_granted, conf.peripheral_online ? "online" : "offline");
    arm_heartbeat_timer();
    notify("on_session_open", [&](CtiObserver& o) { o.on_session_open(session_side_, conf); });
    if (state_ == State::Open && lost_a_session_) start_resync();
  }

  void on_message(Message message) {
    last_received_ = Clock::now();
    switch (state_) {
      case State::Opening: return handle_open_reply(message);
      case State::Open: return handle_session_message(std::move(message));
      case State::Closing:
        if (std::holds_alternative<CloseConf>(message)) finish_close();
        return;
      default: return;
    }
  }

  void handle_session_message(Message message) {
    if (auto reason = side_down_reason(message, peripheral_id())) return session_lost(*reason);
    if (std::holds_alternative<HeartbeatConf>(message)) return heartbeat_.answered();
    if (const auto invoke_id = invoke_id_of(message)) return correlate(*invoke_id, std::move(message));
    with_stats([](CtiClientStats& s) { ++s.events_received; });
    notify("on_event", [&](CtiObserver& o) { o.on_event(message); });
  }

  void correlate(std::uint32_t invoke_id, Message confirmation) {
    auto entry = pending_.take(invoke_id);
    if (!entry) {
      spdlog::debug("CTI: {} for InvokeID {} that no request waits for", message_name(confirmation), invoke_id);
      return;
    }
    complete(*entry, outcome_of(std::move(confirmation)));
    arm_request_timer();
  }

  void on_connection_failed(const std::string& reason) {
    switch (state_) {
      case State::Connecting:
      case State::Opening: return attempt_failed(reason);
      case State::Open: return session_lost(reason);
      case State::Closing: return finish_close();
      default: return;
    }
  }

  void session_lost(const std::string& reason) {
    const Side side = session_side_;
    const auto uptime = std::chrono::duration_cast<milliseconds>(Clock::now() - opened_at_);
    spdlog::warn("CTI: session on side {} lost: {}", to_string(side), reason);
    teardown_connection();
    state_ = State::Waiting;
    lost_a_session_ = true;
    with_stats([](CtiClientStats& s) { ++s.sessions_lost; });
    fail_pending(ClientFailure::LinkLost, "session on side " + std::string(to_string(side)) + " lost: " + reason);
    notify("on_session_lost", [&](CtiObserver& o) { o.on_session_lost(side, reason); });
    policy_.session_lost(uptime);
    schedule_attempt();
  }

  // ---- heartbeats (GED-188.md 2.8) ----

  void arm_heartbeat_timer() {
    if (settings_.heartbeat_interval.count() <= 0) return;
    heartbeat_timer_.expires_after(settings_.heartbeat_interval);
    heartbeat_timer_.async_wait(on_timer([](Impl& self) { self.on_heartbeat_tick(); }));
  }

  void on_heartbeat_tick() {
    const auto now = Clock::now();
    const auto interval = settings_.heartbeat_interval;
    const bool idle = now - last_received_ >= interval || now - last_sent_ >= interval;
    const auto tick = heartbeat_.tick(idle);
    if (tick.missed) with_stats([](CtiClientStats& s) { ++s.heartbeats_missed; });
    if (tick.action == HeartbeatMonitor::Action::DeclareDead) {
      return session_lost(std::to_string(heartbeat_.consecutive_missed()) + " heartbeats unanswered");
    }
    if (tick.action == HeartbeatMonitor::Action::SendHeartbeat) {
      send_message(HeartbeatReq{next_invoke_id()});
      with_stats([](CtiClientStats& s) { ++s.heartbeats_sent; });
    }
    arm_heartbeat_timer();
  }

  // ---- requests ----

  void do_request(Message message, RequestDone done) {
    if (state_ == State::Stopped || state_ == State::Closing) {
      return complete_soon(type_of(message), std::move(done),
                           client_failure(ClientFailure::ClientStopped, "the client is stopped"));
    }
    if (!is_caller_request(message)) {
      return complete_soon(type_of(message), std::move(done),
                           client_failure(ClientFailure::NotARequest, message_name(message)));
    }
    send_request(std::move(message), std::move(done));
  }

  // The one path for caller and resync requests. Failures are posted, never called back inline, so
  // a caller that issues its next request from a callback never recurses.
  void send_request(Message message, RequestDone done) {
    if (state_ != State::Open) {
      return complete_soon(type_of(message), std::move(done),
                           client_failure(ClientFailure::LinkDown, "no open CTI session"));
    }
    const auto invoke_id = next_invoke_id();
    set_invoke_id(message, invoke_id);
    stamp_peripheral_id(message, peripheral_id());
    if (!send_message(message)) {
      return complete_soon(type_of(message), std::move(done),
                           client_failure(ClientFailure::MessageTooLong, message_name(message)));
    }
    with_stats([](CtiClientStats& s) { ++s.requests_sent; });
    const auto now = Clock::now();
    pending_.add({invoke_id, type_of(message), now + settings_.request_timeout, std::move(done), now});
    arm_request_timer();
  }

  void arm_request_timer() {
    const auto earliest = pending_.earliest_deadline();
    if (earliest == request_timer_deadline_) return;
    request_timer_deadline_ = earliest;
    if (!earliest) {
      request_timer_.cancel();
      return;
    }
    request_timer_.expires_at(*earliest);
    request_timer_.async_wait(on_timer([](Impl& self) { self.on_request_timer(); }));
  }

  void on_request_timer() {
    request_timer_deadline_.reset();
    for (auto& entry : pending_.take_expired(Clock::now())) {
      const auto detail = "no answer to " + std::string(name(entry.type)) + " InvokeID " +
                          std::to_string(entry.invoke_id) + " within " +
                          std::to_string(settings_.request_timeout.count()) + " ms";
      complete(entry, client_failure(ClientFailure::RequestTimeout, detail));
    }
    arm_request_timer();
  }

  void fail_pending(ClientFailure why, const std::string& detail) {
    for (auto& entry : pending_.take_all()) complete(entry, client_failure(why, detail));
    request_timer_deadline_.reset();
    request_timer_.cancel();
  }

  void complete(PendingRequests::Entry& entry, RequestResult result) {
    count_outcome(result);
    report_completion(entry.type, Clock::now() - entry.sent_at, result);
    try {
      entry.done(std::move(result));
    } catch (const std::exception& error) {
      spdlog::error("CTI: request callback threw: {}", error.what());
    }
  }

  // For a request that fails before it is written: no round trip.
  void complete_soon(MessageType type, RequestDone done, CtiFailure failure) {
    count_outcome(failure);
    report_completion(type, std::nullopt, failure);
    asio::post(strand_, [done = std::move(done), failure = std::move(failure)]() mutable {
      try {
        done(std::move(failure));
      } catch (const std::exception& error) {
        spdlog::error("CTI: request callback threw: {}", error.what());
      }
    });
  }

  // ---- resynchronisation (DECISIONS.md 18) ----

  void start_resync() {
    std::vector<AgentToResync> agents;
    notify("agents_to_resync", [&](CtiObserver& o) { agents = o.agents_to_resync(); });
    if (agents.empty()) return;
    spdlog::info("CTI: resynchronising {} agents on side {}", agents.size(), to_string(session_side_));
    const auto epoch = epoch_;
    Resync::run(
        std::move(agents),
        [weak = weak_from_this()](Message request, RequestDone done) {
          if (auto self = weak.lock()) self->send_request(std::move(request), std::move(done));
        },
        [weak = weak_from_this(), epoch](const ResyncResult& result) {
          auto self = weak.lock();
          if (!self || self->epoch_ != epoch) return;
          self->notify("on_resync", [&](CtiObserver& o) { o.on_resync(result); });
        });
  }

  // ---- stopping ----

  void do_stop() {
    if (state_ == State::Stopped || state_ == State::Closing) return;
    const bool was_open = state_ == State::Open;
    fail_pending(ClientFailure::ClientStopped, "stop() called");
    if (!was_open) {
      teardown_connection();
      state_ = State::Stopped;
      return;
    }
    state_ = State::Closing;
    in_service_ = false;
    active_side_ = -1;
    heartbeat_timer_.cancel();
    send_message(CloseReq{next_invoke_id(), FailureStatus::NoError});
    close_timer_.expires_after(std::min(kCloseConfWaitMax, settings_.request_timeout));
    close_timer_.async_wait(on_timer([](Impl& self) { self.finish_close(); }));
  }

  void finish_close() {
    teardown_connection();
    state_ = State::Stopped;
  }

  // ---- helpers ----

  // Resets the TCP connection and cancels every timer; handlers already queued see a new epoch
  // and do nothing.
  void teardown_connection() {
    ++epoch_;
    if (connection_) {
      connection_->reset();
      connection_.reset();
    }
    for (auto* timer : {&backoff_timer_, &open_timer_, &heartbeat_timer_, &request_timer_, &close_timer_}) {
      timer->cancel();
    }
    request_timer_deadline_.reset();
    in_service_ = false;
    active_side_ = -1;
    connected_side_ = -1;
  }

  bool send_message(const Message& message) {
    if (!connection_ || !connection_->send(message)) return false;
    last_sent_ = Clock::now();
    return true;
  }

  std::uint32_t next_invoke_id() {
    do {
      ++last_invoke_id_;
    } while (last_invoke_id_ == 0 || pending_.contains(last_invoke_id_));
    return last_invoke_id_;
  }

  std::uint32_t peripheral_id() const { return static_cast<std::uint32_t>(settings_.peripheral_id); }

  const config::Endpoint& endpoint_of(Side side) const {
    return side == Side::B && settings_.side_b ? *settings_.side_b : settings_.side_a;
  }

  template <class F>
  void notify(const char* what, F&& call) {
    if (observer_detached_) return;
    try {
      call(observer_);
    } catch (const std::exception& error) {
      spdlog::error("CTI: observer {} threw: {}", what, error.what());
    }
  }

  template <class F>
  void with_stats(F&& update) {
    std::lock_guard lock(stats_mutex_);
    update(stats_);
  }

  void count_connect_attempt() {
    with_stats([](CtiClientStats& s) {
      if (s.connect_attempts > 0) ++s.reconnect_attempts;
      ++s.connect_attempts;
    });
  }

  void count_session_opened(Side side) {
    in_service_ = true;
    active_side_ = static_cast<int>(side);
    with_stats([&](CtiClientStats& s) {
      ++s.sessions_opened;
      if (last_open_side_ && *last_open_side_ != side) ++s.failovers;
    });
    last_open_side_ = side;
  }

  void report_completion(MessageType type, std::optional<Clock::duration> round_trip, const RequestResult& result) {
    if (!request_observer_) return;
    try {
      request_observer_->on_request_completed({type, round_trip, result.ok() ? nullptr : &result.failure()});
    } catch (const std::exception& error) {
      spdlog::error("CTI: request observer threw: {}", error.what());
    }
  }

  static std::optional<Side> side_from(int side) {
    if (side < 0) return std::nullopt;
    return static_cast<Side>(side);
  }

  void count_outcome(const RequestResult& result) {
    if (result.ok()) return;
    const bool timed_out = result.failure().timed_out;
    with_stats([timed_out](CtiClientStats& s) {
      ++s.request_failures;
      if (timed_out) ++s.request_timeouts;
    });
  }

  const CtiClientSettings settings_;
  CtiObserver& observer_;
  RequestObserver* const request_observer_;  // may be null
  std::atomic<bool> observer_detached_{false};
  Strand strand_;

  // Everything below is touched on strand_ only, except the atomics and stats_ (under its mutex).
  State state_ = State::Idle;
  ReconnectPolicy policy_;
  HeartbeatMonitor heartbeat_;
  PendingRequests pending_;
  std::shared_ptr<Connection> connection_;
  asio::steady_timer backoff_timer_;
  asio::steady_timer open_timer_;
  asio::steady_timer heartbeat_timer_;
  asio::steady_timer request_timer_;
  asio::steady_timer close_timer_;
  std::optional<Clock::time_point> request_timer_deadline_;
  std::uint64_t epoch_ = 0;
  std::uint32_t last_invoke_id_ = 0;
  Side attempt_side_ = Side::A;
  Side session_side_ = Side::A;
  std::optional<Side> last_open_side_;
  bool lost_a_session_ = false;
  Clock::time_point opened_at_{};
  Clock::time_point last_sent_{};
  Clock::time_point last_received_{};

  std::atomic<bool> in_service_{false};
  std::atomic<int> active_side_{-1};
  std::atomic<int> connected_side_{-1};  // the side with a TCP connection (opening or open)
  mutable std::mutex stats_mutex_;
  CtiClientStats stats_;
};

CtiClient::CtiClient(asio::io_context& io, CtiClientSettings settings, CtiObserver& observer,
                     RequestObserver* request_observer)
    : impl_(std::make_shared<Impl>(io, std::move(settings), observer, request_observer)) {}

CtiClient::~CtiClient() {
  impl_->stop();
  impl_->detach_observer();
}

void CtiClient::start() { impl_->start(); }
void CtiClient::stop() { impl_->stop(); }
void CtiClient::request(Message request, RequestDone done) { impl_->request(std::move(request), std::move(done)); }
bool CtiClient::in_service() const { return impl_->in_service(); }
std::optional<Side> CtiClient::active_side() const { return impl_->active_side(); }
CtiClientStats CtiClient::stats() const { return impl_->stats(); }

}  // namespace fgw::cti::client
