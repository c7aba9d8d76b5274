#pragma once
// A GED-188 client for the simulator's integration tests: real TCP, the project's codec, and a
// deadline on every read so that a simulator bug fails a test instead of hanging it.
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "gateway/cti/codec.hpp"
#include "gateway/cti/framing.hpp"

namespace fgw::ctisim::test {

using namespace std::chrono_literals;

class CtiTestClient {
 public:
  explicit CtiTestClient(std::uint16_t port, cti::ProtocolVersion version = {24})
      : socket_(io_), version_(version) {
    socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  }

  void send(const cti::Message& message) {
    const auto bytes = cti::encode(message, version_);
    boost::asio::write(socket_, boost::asio::buffer(bytes));
  }

  // The next message, or nothing when the peer closed (or reset) the connection or the deadline
  // passed (timed_out() tells which).
  std::optional<cti::Message> receive(std::chrono::milliseconds timeout = 3s) {
    timed_out_ = false;
    while (true) {
      auto next = splitter_.next();
      if (!next) throw std::runtime_error("framing error: " + next.error().detail);
      if (next->has_value()) {
        auto decoded = cti::decode(**next, version_);
        if (!decoded) throw std::runtime_error("decode error: " + decoded.error().detail);
        return std::move(*decoded);
      }
      if (!read_some(timeout)) return std::nullopt;
    }
  }

  // The next message, which must be a T.
  template <class T>
  T expect(std::chrono::milliseconds timeout = 3s) {
    auto message = receive(timeout);
    if (!message) throw std::runtime_error(timed_out_ ? "timed out" : "connection closed");
    if (!std::holds_alternative<T>(*message)) {
      throw std::runtime_error("expected message type " +
                               std::to_string(static_cast<unsigned>(T::kType)) + ", got " +
                               std::to_string(cti::message_type_number(*message)));
    }
    return std::get<T>(*message);
  }

  // Messages until one of type T arrives (which is returned); the others are dropped.
  template <class T>
  T skip_to(std::chrono::milliseconds timeout = 3s) {
    while (true) {
      auto message = receive(timeout);
      if (!message) throw std::runtime_error(timed_out_ ? "timed out" : "connection closed");
      if (std::holds_alternative<T>(*message)) return std::get<T>(*message);
    }
  }

  // True when the peer closes the connection within `timeout` (any message before is dropped).
  bool closed_by_peer(std::chrono::milliseconds timeout = 3s) {
    while (receive(timeout)) {
    }
    return !timed_out_;
  }

  bool timed_out() const { return timed_out_; }

 private:
  bool read_some(std::chrono::milliseconds timeout) {
    std::vector<std::uint8_t> buffer(4096);
    boost::system::error_code result = boost::asio::error::would_block;
    std::size_t bytes = 0;
    socket_.async_read_some(boost::asio::buffer(buffer),
                            [&](boost::system::error_code ec, std::size_t n) {
                              result = ec;
                              bytes = n;
                            });
    io_.restart();
    io_.run_for(timeout);
    if (result == boost::asio::error::would_block) {
      socket_.cancel();
      io_.restart();
      io_.run();
      timed_out_ = true;
      return false;
    }
    if (result) return false;
    splitter_.feed(std::span(buffer.data(), bytes));
    return true;
  }

  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  cti::ProtocolVersion version_;
  cti::FrameSplitter splitter_;
  bool timed_out_ = false;
};

// OPEN_REQ as the gateway sends it (GED-188.md 5.1).
inline cti::OpenReq gateway_open_request(std::uint32_t invoke_id = 1) {
  cti::OpenReq req;
  req.invoke_id = invoke_id;
  req.version_number = 24;
  req.idle_timeout = 120;
  req.services_requested = 0x10 | 0x4 | 0x2 | 0x80;
  req.call_msg_mask = 0xFFFFFFFF;
  req.agent_state_mask = 0x3FFF;
  req.client_id = "finesse-gw-test";
  req.client_password = cti::Bytes{};
  return req;
}

}  // namespace fgw::ctisim::test
