#pragma once
// One CTI client connection: framing, OPEN_REQ / OPEN_CONF, heartbeats, CLOSE, the idle timeout,
// and handing every other request to its owner. Socket work runs on the session's strand; send()
// and reset() may be called from any thread.
#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "gateway/cti/framing.hpp"
#include "gateway/cti/message.hpp"
#include "tools/ctisim/session_rules.hpp"

namespace fgw::ctisim {

class Session;

// The simulator, as a session sees it.
class SessionOwner {
 public:
  virtual ~SessionOwner() = default;
  // Whether the side this session arrived on serves sessions now.
  virtual bool side_active(char side) = 0;
  // OPEN_CONF has been queued: the session now receives broadcasts.
  virtual void session_opened(const std::shared_ptr<Session>& session) = 0;
  // A decoded request of an open session (not OPEN, HEARTBEAT or CLOSE).
  virtual void session_request(const std::shared_ptr<Session>& session,
                               const cti::Message& request) = 0;
  virtual void session_closed(const Session& session) = 0;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(boost::asio::ip::tcp::socket socket, char side, std::uint32_t peripheral_id,
          SessionOwner& owner);

  void start();
  // Encodes `message` in the session's protocol version and queues it.
  void send(const cti::Message& message);
  // Closes with a TCP reset (linger 0), as a failing CTI server would.
  void reset();

  char side() const { return side_; }
  bool is_open() const { return open_.load(); }
  // Valid once is_open().
  const SessionGrant& grant() const { return grant_; }

 private:
  // Queues `message` at once; strand only, so that it keeps its place before a close.
  void reply(const cti::Message& message);
  void read();
  void on_frame(const std::vector<std::uint8_t>& frame);
  void on_open_request(const std::vector<std::uint8_t>& frame);
  void on_open_frame(const std::vector<std::uint8_t>& frame);
  void queue(std::vector<std::uint8_t> bytes);
  void write_next();
  void arm_idle_timer();
  void close_after_writes();
  void shut();

  boost::asio::ip::tcp::socket socket_;
  boost::asio::strand<boost::asio::any_io_executor> strand_;
  boost::asio::steady_timer idle_timer_;
  char side_;
  std::uint32_t peripheral_id_;
  SessionOwner& owner_;
  cti::FrameSplitter splitter_;
  std::vector<std::uint8_t> read_buffer_;
  std::deque<std::vector<std::uint8_t>> writes_;
  bool writing_ = false;
  bool closing_ = false;
  bool closed_ = false;
  std::atomic<bool> open_{false};
  SessionGrant grant_;
};

}  // namespace fgw::ctisim
