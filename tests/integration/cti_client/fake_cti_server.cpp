#include "tests/integration/cti_client/fake_cti_server.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <array>
#include <deque>
#include <future>

#include "gateway/cti/codec.hpp"
#include "gateway/cti/framing.hpp"

namespace fgw::test {

namespace asio = boost::asio;
using asio::ip::tcp;

// One accepted client connection: reads frames, hands them to the server, writes the replies.
class FakeCtiServer::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(FakeCtiServer& server, tcp::socket socket) : server_(server), socket_(std::move(socket)) {}

  void start() { read_more(); }

  void write(std::vector<std::uint8_t> bytes) {
    queue_.push_back(std::move(bytes));
    if (queue_.size() == 1) write_next();
  }

  void reset() {
    boost::system::error_code ignored;
    socket_.set_option(asio::socket_base::linger(true, 0), ignored);
    socket_.close(ignored);
  }

  bool open() const { return socket_.is_open(); }

 private:
  void read_more() {
    socket_.async_read_some(asio::buffer(buffer_), [self = shared_from_this()](boost::system::error_code error,
                                                                              std::size_t bytes) {
      if (error) return self->reset();
      self->splitter_.feed(std::span<const std::uint8_t>(self->buffer_.data(), bytes));
      if (self->handle_frames()) self->read_more();
    });
  }

  bool handle_frames() {
    for (;;) {
      auto frame = splitter_.next();
      if (!frame || !frame->has_value()) return frame.ok();
      auto message = cti::decode(**frame, server_.version_);
      if (!message) {
        reset();
        return false;
      }
      for (const auto& reply : server_.handle(*message)) write(cti::encode(reply, server_.version_));
    }
  }

  void write_next() {
    asio::async_write(socket_, asio::buffer(queue_.front()),
                      [self = shared_from_this()](boost::system::error_code error, std::size_t) {
                        if (error) return self->reset();
                        self->queue_.pop_front();
                        if (!self->queue_.empty()) self->write_next();
                      });
  }

  FakeCtiServer& server_;
  tcp::socket socket_;
  std::array<std::uint8_t, 16 * 1024> buffer_{};
  cti::FrameSplitter splitter_;
  std::deque<std::vector<std::uint8_t>> queue_;
};

FakeCtiServer::FakeCtiServer(cti::ProtocolVersion version) : version_(version) {
  listen();
  thread_ = std::thread([this] {
    auto work = asio::make_work_guard(io_);
    io_.run();
  });
}

FakeCtiServer::~FakeCtiServer() {
  run_on_io([this] {
    if (acceptor_) acceptor_->close();
    for (auto& session : sessions_) session->reset();
    sessions_.clear();
  });
  io_.stop();
  thread_.join();
}

void FakeCtiServer::listen() {
  acceptor_ = std::make_unique<tcp::acceptor>(io_);
  const tcp::endpoint where(asio::ip::make_address("127.0.0.1"), port_);
  acceptor_->open(where.protocol());
  acceptor_->set_option(asio::socket_base::reuse_address(true));
  acceptor_->bind(where);
  acceptor_->listen();
  port_ = acceptor_->local_endpoint().port();
  accept_next();
}

void FakeCtiServer::accept_next() {
  acceptor_->async_accept([this, acceptor = acceptor_.get()](boost::system::error_code error, tcp::socket socket) {
    if (error || acceptor != acceptor_.get()) return;
    {
      std::lock_guard lock(mutex_);
      ++connections_accepted_;
    }
    changed_.notify_all();
    auto session = std::make_shared<Session>(*this, std::move(socket));
    sessions_.push_back(session);
    session->start();
    accept_next();
  });
}

std::vector<cti::Message> FakeCtiServer::handle(const cti::Message& message) {
  std::vector<cti::Message> replies;
  Responder responder;
  {
    std::lock_guard lock(mutex_);
    received_.push_back({message, Clock::now()});
    if (!silent_) {
      if (const auto* open = std::get_if<cti::OpenReq>(&message)) {
        replies = answer_open_req(*open);
      } else if (const auto* heartbeat = std::get_if<cti::HeartbeatReq>(&message)) {
        if (answer_heartbeats_) replies.push_back(cti::HeartbeatConf{heartbeat->invoke_id});
      } else if (const auto* close = std::get_if<cti::CloseReq>(&message)) {
        replies.push_back(cti::CloseConf{close->invoke_id});
      } else {
        responder = responder_;
      }
    }
  }
  changed_.notify_all();
  // Outside the lock, so a responder may look at what the server received.
  if (responder) replies = responder(message);
  return replies;
}

// Caller holds mutex_.
std::vector<cti::Message> FakeCtiServer::answer_open_req(const cti::OpenReq& open) {
  switch (open_answer_) {
    case OpenAnswer::Ignore: return {};
    case OpenAnswer::Refuse: return {cti::FailureConf{open.invoke_id, open_refusal_, std::nullopt}};
    case OpenAnswer::Confirm: break;
  }
  cti::OpenConf conf;
  conf.invoke_id = open.invoke_id;
  conf.services_granted = open.services_requested;
  conf.peripheral_online = true;
  conf.peripheral_type = cti::PeripheralType::EnterpriseAgent;
  conf.session_type = open_session_type_;
  last_open_conf_at_ = Clock::now();
  return {conf};
}

void FakeCtiServer::run_on_io(std::function<void()> action) {
  if (std::this_thread::get_id() == thread_.get_id()) return action();
  std::promise<void> done;
  asio::post(io_, [&] {
    action();
    done.set_value();
  });
  done.get_future().wait();
}

void FakeCtiServer::answer_open(OpenAnswer answer, cti::FailureStatus refusal) {
  std::lock_guard lock(mutex_);
  open_answer_ = answer;
  open_refusal_ = refusal;
}

void FakeCtiServer::set_open_session_type(std::uint16_t session_type) {
  std::lock_guard lock(mutex_);
  open_session_type_ = session_type;
}

void FakeCtiServer::answer_heartbeats(bool answer) {
  std::lock_guard lock(mutex_);
  answer_heartbeats_ = answer;
}

void FakeCtiServer::respond_with(Responder responder) {
  std::lock_guard lock(mutex_);
  responder_ = std::move(responder);
}

std::size_t FakeCtiServer::go_silent() {
  std::lock_guard lock(mutex_);
  silent_ = true;
  return received_.size();
}

void FakeCtiServer::send(const cti::Message& message) { send_raw(cti::encode(message, version_)); }

void FakeCtiServer::send_raw(std::vector<std::uint8_t> bytes) {
  run_on_io([&] {
    if (!sessions_.empty() && sessions_.back()->open()) sessions_.back()->write(std::move(bytes));
  });
}

void FakeCtiServer::drop_connections() {
  run_on_io([this] {
    for (auto& session : sessions_) session->reset();
    sessions_.clear();
  });
}

void FakeCtiServer::stop_listening() {
  run_on_io([this] { acceptor_.reset(); });
}

void FakeCtiServer::start_listening() {
  run_on_io([this] {
    if (!acceptor_) listen();
  });
}

std::vector<ReceivedMessage> FakeCtiServer::received() const {
  std::lock_guard lock(mutex_);
  return received_;
}

std::size_t FakeCtiServer::connections_accepted() const {
  std::lock_guard lock(mutex_);
  return connections_accepted_;
}

std::optional<Clock::time_point> FakeCtiServer::last_open_conf_at() const {
  std::lock_guard lock(mutex_);
  return last_open_conf_at_;
}

bool FakeCtiServer::wait_for_connections(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return connections_accepted_ >= count; });
}

}  // namespace fgw::test
