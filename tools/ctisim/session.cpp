#include "tools/ctisim/session.hpp"

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <spdlog/spdlog.h>

#include "gateway/cti/codec.hpp"
#include "tools/ctisim/services.hpp"

namespace fgw::ctisim {

namespace asio = boost::asio;
using cti::FailureStatus;

namespace {
constexpr std::size_t kReadChunk = 16 * 1024;

cti::Message failure(std::uint32_t invoke_id, FailureStatus status) {
  return cti::FailureConf{invoke_id, status, std::nullopt};
}

bool is_type(const std::vector<std::uint8_t>& frame, cti::MessageType type) {
  return peek_message_type(frame) == static_cast<std::uint32_t>(type);
}
}  // namespace

Session::Session(asio::ip::tcp::socket socket, char side, std::uint32_t peripheral_id,
                 SessionOwner& owner)
    : socket_(std::move(socket)),
      strand_(asio::make_strand(socket_.get_executor())),
      idle_timer_(strand_),
      side_(side),
      peripheral_id_(peripheral_id),
      owner_(owner),
      read_buffer_(kReadChunk) {
  grant_.version = cti::kDefaultProtocolVersion;
}

void Session::start() {
  asio::post(strand_, [self = shared_from_this()] {
    boost::system::error_code ignored;
    // GED-188.md 1.1: Cisco recommends Nagle off.
    self->socket_.set_option(asio::ip::tcp::no_delay(true), ignored);
    self->read();
  });
}

void Session::send(const cti::Message& message) {
  // The version is fixed before the session opens and never changes afterwards.
  auto bytes = cti::encode(message, grant_.version);
  asio::post(strand_, [self = shared_from_this(), bytes = std::move(bytes)]() mutable {
    self->queue(std::move(bytes));
  });
}

void Session::reply(const cti::Message& message) { queue(cti::encode(message, grant_.version)); }

void Session::reset() {
  asio::post(strand_, [self = shared_from_this()] {
    if (self->closed_) return;
    boost::system::error_code ignored;
    self->socket_.set_option(asio::socket_base::linger(true, 0), ignored);
    self->shut();
  });
}

void Session::read() {
  socket_.async_read_some(
      asio::buffer(read_buffer_),
      asio::bind_executor(strand_, [self = shared_from_this()](boost::system::error_code ec,
                                                               std::size_t n) {
        if (ec || self->closed_) return self->shut();
        self->splitter_.feed(std::span(self->read_buffer_.data(), n));
        self->arm_idle_timer();
        while (!self->closed_ && !self->closing_) {
          auto next = self->splitter_.next();
          if (!next) {
            // A broken frame header: the stream cannot be resynchronised.
            spdlog::warn("ctisim: side {} session framing error: {}", self->side_,
                         next.error().detail);
            self->reply(failure(0, FailureStatus::InvalidMessageLength));
            return self->close_after_writes();
          }
          if (!next->has_value()) break;
          self->on_frame(**next);
        }
        if (!self->closed_) self->read();
      }));
}

void Session::on_frame(const std::vector<std::uint8_t>& frame) {
  if (!open_) return on_open_frame(frame);
  const std::uint32_t invoke_id = peek_invoke_id(frame);
  if (is_type(frame, cti::MessageType::OpenReq)) {
    return reply(failure(invoke_id, FailureStatus::SessionAlreadyOpen));
  }
  auto decoded = cti::decode(frame, grant_.version);
  if (!decoded) {
    return reply(failure(invoke_id, FailureStatus::BadMessageFormat));
  }
  const cti::Message& message = *decoded;
  if (const auto* heartbeat = std::get_if<cti::HeartbeatReq>(&message)) {
    return reply(cti::HeartbeatConf{heartbeat->invoke_id});
  }
  if (const auto* close = std::get_if<cti::CloseReq>(&message)) {
    reply(cti::CloseConf{close->invoke_id});
    return close_after_writes();
  }
  owner_.session_request(shared_from_this(), message);
}

void Session::on_open_frame(const std::vector<std::uint8_t>& frame) {
  if (!is_type(frame, cti::MessageType::OpenReq)) {
    return reply(failure(peek_invoke_id(frame), FailureStatus::SessionNotOpen));
  }
  on_open_request(frame);
}

void Session::on_open_request(const std::vector<std::uint8_t>& frame) {
  const std::uint32_t invoke_id = peek_invoke_id(frame);
  const auto version = peek_open_version(frame).value_or(cti::kDefaultProtocolVersion);
  auto decoded = cti::decode(frame, version);
  auto reject = [&](FailureStatus status) {
    // Answer in the client's version where it is one we can write.
    if (version.number >= kOldestVersion && version.number <= kNewestVersion) {
      grant_.version = version;
    }
    reply(failure(invoke_id, status));
    close_after_writes();
  };
  if (!decoded) return reject(FailureStatus::BadMessageFormat);
  const auto& request = std::get<cti::OpenReq>(*decoded);
  if (!owner_.side_active(side_)) return reject(FailureStatus::CtiServerOffline);
  auto accepted = accept_open(request, peripheral_id_);
  if (const auto* status = std::get_if<FailureStatus>(&accepted)) return reject(*status);
  grant_ = std::get<SessionGrant>(accepted);
  reply(open_conf(request, grant_, peripheral_id_));
  if (grant_.services & service::kAllEvents) reply(peripheral_online_event(peripheral_id_));
  open_ = true;
  arm_idle_timer();
  owner_.session_opened(shared_from_this());
}

void Session::queue(std::vector<std::uint8_t> bytes) {
  if (closed_) return;
  writes_.push_back(std::move(bytes));
  if (!writing_) write_next();
}

void Session::write_next() {
  if (writes_.empty()) {
    writing_ = false;
    if (closing_) shut();
    return;
  }
  writing_ = true;
  asio::async_write(socket_, asio::buffer(writes_.front()),
                    asio::bind_executor(strand_, [self = shared_from_this()](
                                                     boost::system::error_code ec, std::size_t) {
                      // After shut() the queue is no longer drained: a write that completed
                      // just as the socket closed must not pop it again.
                      if (ec || self->closed_) return self->shut();
                      self->writes_.pop_front();
                      self->write_next();
                    }));
}

void Session::arm_idle_timer() {
  if (!open_ || grant_.idle_timeout == kNoIdleTimeout) return;
  idle_timer_.expires_after(std::chrono::seconds(grant_.idle_timeout));
  idle_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    if (ec || self->closed_) return;
    // GED-188.md 2.8: nothing received for IdleTimeout, the server drops the session.
    spdlog::info("ctisim: side {} session idle for {} s, dropped", self->side_,
                 self->grant_.idle_timeout);
    self->reset();
  });
}

void Session::close_after_writes() {
  closing_ = true;
  if (!writing_) shut();
}

void Session::shut() {
  if (closed_) return;
  closed_ = true;
  idle_timer_.cancel();
  boost::system::error_code ignored;
  socket_.close(ignored);
  // writes_ stays: a write in flight still points into its front buffer.
  owner_.session_closed(*this);
}

}  // namespace fgw::ctisim
