#pragma once
// One HTTP/1.1 connection: optional TLS handshake, then requests read and answered in order until
// the connection closes. Written once for both stream types: asio::ip::tcp::socket and
// asio::ssl::stream<tcp::socket>. Everything runs on the socket's strand.
//
// Deadlines. One steady_timer per connection enforces the deadline of the current phase:
//   handshake         read_timeout, then close
//   awaiting request  read_timeout for the first request, idle_timeout between requests; then a
//                     quiet close (no request has started, so there is nothing to answer)
//   reading request   read_timeout from its first byte, covering header and body; then 408
//   writing           idle_timeout: a client that does not read its response is idle too
//   closing           read_timeout, capped at kMaxLinger; then close
// The timer is re-armed only when a deadline moves earlier; a later deadline is picked up when the
// running wait fires, which saves a timer cancel per request on keep-alive connections.
// Private to the server: only server.cpp includes it.

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "gateway/http/request_reader.hpp"
#include "gateway/http/response_head.hpp"
#include "gateway/http/server_errors.hpp"
#include "gateway/http/server_state.hpp"

namespace fgw::http::detail {

template <class Stream>
inline constexpr bool kIsTlsStream = false;
template <class Next>
inline constexpr bool kIsTlsStream<boost::asio::ssl::stream<Next>> = true;

// Whether a connection was accepted within max_connections, or only to be told 503.
enum class Admission { Admitted, OverCapacity };

template <class Stream>
class Session final : public StoppableSession, public std::enable_shared_from_this<Session<Stream>> {
 public:
  Session(std::shared_ptr<ServerState> state, Stream stream, Admission admission)
      : state_(std::move(state)),
        stream_(std::move(stream)),
        timer_(stream_.get_executor()),
        admission_(admission),
        buffer_(state_->limits.max_header_bytes + kReadChunk) {
    boost::system::error_code ec;
    const auto peer = stream_.lowest_layer().remote_endpoint(ec);
    if (!ec) remote_address_ = peer.address().to_string();
  }

  ~Session() override {
    state_->sessions.remove(registry_id_);
    if (admission_ == Admission::Admitted) --state_->connections_open;
  }

  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void start() {
    registry_id_ = state_->sessions.add(this->weak_from_this());
    boost::asio::dispatch(stream_.get_executor(), [self = this->shared_from_this()] { self->begin(); });
  }

  void request_stop() override {
    boost::asio::post(stream_.get_executor(), [self = this->shared_from_this()] {
      self->stop_requested_ = true;
      if (self->phase_ == Phase::Handshake || self->phase_ == Phase::AwaitingRequest) self->close_now();
    });
  }

 private:
  using error_code = boost::system::error_code;
  using clock = std::chrono::steady_clock;

  enum class Phase { Handshake, AwaitingRequest, ReadingRequest, Handling, Writing, Closing };

  // Bytes asked of each read. The parser consumes body bytes as they arrive, so what waits in the
  // buffer is at most one header block plus one read.
  static constexpr size_t kReadChunk = 8 * 1024;
  // Below this a body is copied behind the header, so that it leaves in one write (one TLS record).
  static constexpr size_t kCoalesceLimit = 16 * 1024;
  // How long a closing connection keeps draining what the client still sends, so that the close
  // does not turn into a reset that destroys the error response in the client's receive buffer.
  static constexpr std::chrono::milliseconds kMaxLinger{2000};

  const config::HttpLimits& limits() const { return state_->limits; }

  void begin() {
    if (state_->stopping) return close_now();
    if constexpr (kIsTlsStream<Stream>) {
      phase_ = Phase::Handshake;
      arm_deadline(limits().read_timeout);
      stream_.async_handshake(boost::asio::ssl::stream_base::server,
                              [self = this->shared_from_this()](const error_code& ec) {
                                if (self->closed_) return;
                                if (ec) return self->close_now();
                                self->after_handshake();
                              });
    } else {
      after_handshake();
    }
  }

  void after_handshake() {
    if (admission_ == Admission::OverCapacity) return send_final(over_capacity_response());
    read_next_request();
  }

  // ---- reading -------------------------------------------------------------------------------

  void read_next_request() {
    clear_for_reuse(request_);
    request_.remote_address = remote_address_;
    reader_.emplace(request_, limits());
    continue_sent_ = false;
    read_timed_out_ = false;
    phase_ = Phase::AwaitingRequest;
    arm_deadline(requests_on_connection_ == 0 ? limits().read_timeout : limits().idle_timeout);
    parse_buffered();
  }

  // Feeds the parser from the buffer, which may already hold pipelined requests.
  void parse_buffered() {
    while (buffer_.size() > 0) {
      error_code ec;
      const size_t used = reader_->put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec == boost::beast::http::error::need_more) break;
      if (ec) return reject_unparsable(ec);
      if (reader_->is_done()) return handle_request();
      if (used == 0) break;
    }
    if (reader_->is_header_done() && reader_->expects_continue() && !continue_sent_ &&
        reader_->version() >= 11) {
      return send_continue();
    }
    read_more();
  }

  void read_more() {
    if (read_timed_out_) return send_final(request_timeout_response());
    if (phase_ == Phase::AwaitingRequest && (buffer_.size() > 0 || reader_->got_some())) {
      phase_ = Phase::ReadingRequest;
      arm_deadline(limits().read_timeout);
    }
    boost::asio::mutable_buffer space;
    try {
      space = buffer_.prepare(kReadChunk);
    } catch (const std::length_error&) {
      // Unparsed input beyond a header block: the parser bounds headers but not a chunk-size
      // line with extensions, so the buffer's own cap stops that one.
      return reject_unparsable(boost::beast::http::error::buffer_overflow);
    }
    stream_.async_read_some(space, [self = this->shared_from_this()](const error_code& ec, size_t n) {
      self->on_read(ec, n);
    });
  }

  void on_read(const error_code& ec, size_t bytes) {
    if (closed_) return;
    if (ec) {
      if (read_timed_out_) return send_final(request_timeout_response());
      return close_now();  // the client went away, or the idle deadline passed
    }
    buffer_.commit(bytes);
    parse_buffered();
  }

  void reject_unparsable(const error_code& ec) {
    spdlog::debug("http: unparsable request from {}: {}", remote_address_, ec.message());
    if (ec == boost::beast::http::error::body_limit) {
      return send_final(body_too_large_response(limits().max_body_bytes));
    }
    if (ec == boost::beast::http::error::header_limit) {
      return send_final(headers_too_large_response(limits().max_header_bytes));
    }
    send_final(bad_request_response());
  }

  void send_continue() {
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    continue_sent_ = true;
    boost::asio::async_write(stream_, boost::asio::buffer(kContinue.data(), kContinue.size()),
                             [self = this->shared_from_this()](const error_code& ec, size_t) {
                               if (self->closed_) return;
                               if (ec) return self->close_now();
                               self->read_more();
                             });
  }

  // ---- answering -----------------------------------------------------------------------------

  void handle_request() {
    phase_ = Phase::Handling;
    ++requests_on_connection_;
    response_ = invoke_handler();
    // Decided after the handler, so that a stop() during a slow handler already says "close".
    keep_alive_ = reader_->keep_alive() && !stop_requested_ && !state_->stopping;
    const ConnectionHeader connection = !keep_alive_               ? ConnectionHeader::Close
                                        : reader_->version() < 11 ? ConnectionHeader::KeepAlive
                                                                   : ConnectionHeader::None;
    write_response(connection, request_.method == Method::Head);
  }

  ApiResponse invoke_handler() {
    try {
      ApiResponse response = state_->handler(request_);
      if (response.status >= 200 && response.status <= 599) return response;
      spdlog::error("http: handler answered {} {} with invalid status {}", method_name(request_.method),
                    request_.path, response.status);
    } catch (const ApiError& error) {
      return error_response(error);
    } catch (const std::exception& error) {
      spdlog::error("http: handler failed on {} {}: {}", method_name(request_.method), request_.path,
                    error.what());
    } catch (...) {
      spdlog::error("http: handler failed on {} {} with a non-standard exception",
                    method_name(request_.method), request_.path);
    }
    return internal_error_response();
  }

  // An answer after which the connection cannot continue: a limit, a syntax error, over capacity.
  void send_final(ApiResponse response) {
    keep_alive_ = false;
    response_ = std::move(response);
    write_response(ConnectionHeader::Close, false);
  }

  void write_response(ConnectionHeader connection, bool is_head_request) {
    if (const size_t dropped = format_response_head(response_, connection, head_); dropped > 0) {
      spdlog::warn("http: dropped {} unsafe header(s) from the response to {}", dropped, request_.path);
    }
    phase_ = Phase::Writing;
    // Never earlier than the idle deadline that follows, so keep-alive costs no timer reset.
    arm_deadline(limits().idle_timeout);
    auto on_written = [self = this->shared_from_this()](const error_code& ec, size_t) {
      self->on_write(ec);
    };
    const std::string& body = response_.body;
    const bool send_body = !is_head_request && status_allows_body(response_.status) && !body.empty();
    if (send_body && body.size() > kCoalesceLimit) {
      const std::array<boost::asio::const_buffer, 2> buffers{boost::asio::buffer(head_),
                                                           boost::asio::buffer(body)};
      return boost::asio::async_write(stream_, buffers, std::move(on_written));
    }
    if (send_body) head_ += body;
    boost::asio::async_write(stream_, boost::asio::buffer(head_), std::move(on_written));
  }

  void on_write(const error_code& ec) {
    if (closed_) return;
    if (ec) return close_now();
    if (admission_ == Admission::Admitted) ++state_->requests;
    if (keep_alive_ && !stop_requested_) return read_next_request();
    linger_then_close();
  }

  // ---- closing -------------------------------------------------------------------------------

  void linger_then_close() {
    phase_ = Phase::Closing;
    arm_deadline(std::min<std::chrono::milliseconds>(limits().read_timeout, kMaxLinger));
    if constexpr (kIsTlsStream<Stream>) {
      stream_.async_shutdown([self = this->shared_from_this()](const error_code&) { self->close_now(); });
    } else {
      error_code ignored;
      stream_.shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
      drain();
    }
  }

  void drain() {
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = this->shared_from_this()](const error_code& ec, size_t) {
                              if (self->closed_) return;
                              if (ec) return self->close_now();
                              self->drain();
                            });
  }

  void close_now() {
    if (closed_) return;
    closed_ = true;
    timer_.cancel();
    error_code ignored;
    stream_.lowest_layer().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    stream_.lowest_layer().close(ignored);
  }

  // ---- deadlines -----------------------------------------------------------------------------

  void arm_deadline(std::chrono::milliseconds timeout) {
    deadline_ = clock::now() + timeout;
    if (timer_waiting_ && timer_.expiry() <= deadline_) return;
    timer_.expires_at(deadline_);
    wait_for_deadline();
  }

  void wait_for_deadline() {
    timer_waiting_ = true;
    timer_.async_wait([self = this->shared_from_this(), generation = ++timer_generation_](const error_code&) {
      self->on_timer(generation);
    });
  }

  void on_timer(uint64_t generation) {
    // A stale generation is a wait that arm_deadline replaced by an earlier one.
    if (generation != timer_generation_ || closed_) return;
    timer_waiting_ = false;
    if (clock::now() < deadline_) {
      timer_.expires_at(deadline_);
      return wait_for_deadline();
    }
    on_deadline_passed();
  }

  void on_deadline_passed() {
    if (phase_ == Phase::ReadingRequest) {
      // Cancel the read, whose handler then answers 408: the socket must stay open for that.
      read_timed_out_ = true;
      error_code ignored;
      stream_.lowest_layer().cancel(ignored);
      return;
    }
    if (phase_ != Phase::Handling) close_now();
  }

  std::shared_ptr<ServerState> state_;
  Stream stream_;
  boost::asio::steady_timer timer_;
  const Admission admission_;
  uint64_t registry_id_ = 0;
  std::string remote_address_;

  boost::beast::flat_buffer buffer_;
  ApiRequest request_;
  std::optional<RequestReader> reader_;
  ApiResponse response_;
  std::string head_;

  Phase phase_ = Phase::AwaitingRequest;
  uint64_t requests_on_connection_ = 0;
  bool keep_alive_ = false;
  bool continue_sent_ = false;
  bool read_timed_out_ = false;
  bool stop_requested_ = false;
  bool closed_ = false;

  clock::time_point deadline_{};
  uint64_t timer_generation_ = 0;
  bool timer_waiting_ = false;
};

}  // namespace fgw::http::detail
