#pragma once
// One TCP connection to a CTI Server side, speaking GED-188 frames: connect, write queue, read loop
// (FrameSplitter + decode). Internal to the client; every handler runs on the strand given.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/daemon_config.hpp"
#include "gateway/cti/framing.hpp"
#include "gateway/cti/message.hpp"
#include "gateway/cti/protocol_version.hpp"

namespace fgw::cti::client {

using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  struct Handlers {
    std::function<void(Message)> on_message;
    std::function<void(const std::string& reason)> on_failed;  // once; the connection is closed
  };

  Connection(Strand strand, ProtocolVersion version, Handlers handlers);

  // Resolves and connects; `done` gets nothing on success or the reason of the failure. The
  // connect timeout is the owner's: it calls reset(). After success the read loop runs.
  void connect(const config::Endpoint& endpoint, std::function<void(std::optional<std::string>)> done);

  // Encodes and queues one frame. Returns false (and sends nothing) for a frame above the
  // protocol maximum.
  bool send(const Message& message);

  // Closes with linger 0 (a TCP reset, as Cisco recommends: GED-188.md 1.1). No handler runs after.
  void reset();

  std::size_t queued_frames() const { return write_queue_.size(); }

 private:
  void on_resolved(const boost::system::error_code& error,
                   const boost::asio::ip::tcp::resolver::results_type& endpoints);
  void on_connected(const boost::system::error_code& error);
  void set_socket_options();
  void read_more();
  void on_read(const boost::system::error_code& error, std::size_t bytes);
  // False once the connection failed or was reset while handling a frame.
  bool deliver_frames();
  void write_next();
  void on_written(const boost::system::error_code& error);
  void fail(const std::string& reason);

  Strand strand_;
  ProtocolVersion version_;
  Handlers handlers_;
  boost::asio::ip::tcp::resolver resolver_;
  boost::asio::ip::tcp::socket socket_;
  std::function<void(std::optional<std::string>)> connect_done_;
  std::array<std::uint8_t, 16 * 1024> read_buffer_{};
  FrameSplitter splitter_;
  std::deque<std::vector<std::uint8_t>> write_queue_;
  bool writing_ = false;
  bool closed_ = false;
};

}  // namespace fgw::cti::client
