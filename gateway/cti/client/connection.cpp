#include "gateway/cti/client/connection.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/write.hpp>
#include <string>
#include <utility>

#include "gateway/cti/codec.hpp"

namespace fgw::cti::client {

namespace asio = boost::asio;
using boost::asio::ip::tcp;

Connection::Connection(Strand strand, ProtocolVersion version, Handlers handlers)
    : strand_(strand), version_(version), handlers_(std::move(handlers)), resolver_(strand), socket_(strand) {}

void Connection::connect(const config::Endpoint& endpoint,
                         std::function<void(std::optional<std::string>)> done) {
  connect_done_ = std::move(done);
  resolver_.async_resolve(endpoint.host, std::to_string(endpoint.port),
                          [self = shared_from_this()](const boost::system::error_code& error,
                                                      const tcp::resolver::results_type& endpoints) {
                            self->on_resolved(error, endpoints);
                          });
}

void Connection::on_resolved(const boost::system::error_code& error,
                             const tcp::resolver::results_type& endpoints) {
  if (closed_) return;
  if (error) {
    closed_ = true;
    std::exchange(connect_done_, nullptr)("resolve: " + error.message());
    return;
  }
  asio::async_connect(socket_, endpoints,
                      [self = shared_from_this()](const boost::system::error_code& connect_error,
                                                  const tcp::endpoint&) { self->on_connected(connect_error); });
}

void Connection::on_connected(const boost::system::error_code& error) {
  if (closed_) return;
  if (error) {
    closed_ = true;
    std::exchange(connect_done_, nullptr)("connect: " + error.message());
    return;
  }
  set_socket_options();
  std::exchange(connect_done_, nullptr)(std::nullopt);
  if (!closed_) read_more();
}

// GED-188.md 1.1: Nagle off (small request/answer messages) and linger 0 (close = reset).
void Connection::set_socket_options() {
  boost::system::error_code ignored;
  socket_.set_option(tcp::no_delay(true), ignored);
  socket_.set_option(asio::socket_base::linger(true, 0), ignored);
}

bool Connection::send(const Message& message) {
  auto frame = encode(message, version_);
  if (frame.size() > kMaxFrameBytes) return false;
  if (closed_) return true;  // the owner learns of the failure through on_failed
  write_queue_.push_back(std::move(frame));
  if (!writing_) write_next();
  return true;
}

void Connection::write_next() {
  writing_ = true;
  asio::async_write(socket_, asio::buffer(write_queue_.front()),
                    [self = shared_from_this()](const boost::system::error_code& error, std::size_t) {
                      self->on_written(error);
                    });
}

void Connection::on_written(const boost::system::error_code& error) {
  writing_ = false;
  if (closed_) return;
  if (error) return fail("write: " + error.message());
  write_queue_.pop_front();
  if (!write_queue_.empty()) write_next();
}

void Connection::read_more() {
  socket_.async_read_some(asio::buffer(read_buffer_),
                          [self = shared_from_this()](const boost::system::error_code& error,
                                                      std::size_t bytes) { self->on_read(error, bytes); });
}

void Connection::on_read(const boost::system::error_code& error, std::size_t bytes) {
  if (closed_) return;
  if (error) {
    return fail(error == asio::error::eof ? std::string("connection closed by the server")
                                          : "read: " + error.message());
  }
  splitter_.feed(std::span<const std::uint8_t>(read_buffer_.data(), bytes));
  if (deliver_frames()) read_more();
}

bool Connection::deliver_frames() {
  while (!closed_) {
    auto next = splitter_.next();
    if (!next) {
      fail("framing: " + next.error().detail);
      return false;
    }
    if (!next->has_value()) return true;
    auto message = decode(**next, version_);
    if (!message) {
      fail("decode: " + std::string(name(message.error().code)) + ": " + message.error().detail);
      return false;
    }
    handlers_.on_message(std::move(*message));
  }
  return false;
}

void Connection::fail(const std::string& reason) {
  auto on_failed = std::move(handlers_.on_failed);
  reset();
  if (on_failed) on_failed(reason);
}

void Connection::reset() {
  closed_ = true;
  handlers_ = {};
  connect_done_ = nullptr;
  resolver_.cancel();
  boost::system::error_code ignored;
  socket_.close(ignored);
}

}  // namespace fgw::cti::client
