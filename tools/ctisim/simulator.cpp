#include "tools/ctisim/simulator.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <stdexcept>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <spdlog/spdlog.h>

#include "gateway/http/server.hpp"
#include "tools/ctisim/control_api.hpp"
#include "tools/ctisim/session.hpp"
#include "tools/ctisim/world.hpp"

namespace fgw::ctisim {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {
config::Directory load_directory(SimulatorOptions& options) {
  if (options.directory) return std::move(*options.directory);
  return config::Directory::load(options.directory_path, config::HashCost::Minimal);
}

WorldOptions world_options(const SimulatorOptions& options) {
  WorldOptions world;
  world.peripheral_id = static_cast<std::uint32_t>(options.peripheral_id);
  world.wrap_up_time = options.wrap_up_time;
  world.verify_agent_passwords = options.verify_agent_passwords;
  world.wrap_up_keeps_call = options.wrap_up_keeps_call;
  return world;
}
}  // namespace

struct Simulator::Impl : SessionOwner, ControlPort, std::enable_shared_from_this<Impl> {
  struct Side {
    char name = 'a';
    config::Endpoint endpoint;
    std::uint16_t port = 0;  // as bound the first time, reused on every re-open
    bool up = true;
    std::shared_ptr<tcp::acceptor> acceptor;
  };

  Impl(asio::io_context& io_, SimulatorOptions options_)
      : io(io_),
        options(std::move(options_)),
        directory(load_directory(options)),
        world(directory, world_options(options)) {
    side_map.emplace('a', Side{'a', options.side_a, 0, true, nullptr});
    if (options.side_b) side_map.emplace('b', Side{'b', *options.side_b, 0, true, nullptr});
  }

  asio::io_context& io;
  SimulatorOptions options;
  config::Directory directory;
  mutable std::mutex mutex;  // guards everything below, and the World
  World world;
  std::map<char, Side> side_map;
  char active = 'a';  // 0 when no side is up
  std::vector<std::shared_ptr<Session>> sessions;
  std::map<std::string, std::shared_ptr<asio::steady_timer>> wrap_up_timers;
  std::unique_ptr<http::Server> control;
  bool stopped = false;

  // ---- listeners ----

  bool should_listen(const Side& side) const {
    return side.up && (side.name == active ||
                       options.idle_side == IdleSideBehaviour::RejectOpenWithServerOffline);
  }

  void open_listener(Side& side) {
    const auto address = asio::ip::make_address(side.endpoint.host);
    const std::uint16_t port = side.port ? side.port : side.endpoint.port;
    auto acceptor = std::make_shared<tcp::acceptor>(io);
    try {
      const tcp::endpoint endpoint(address, port);
      acceptor->open(endpoint.protocol());
      acceptor->set_option(asio::socket_base::reuse_address(true));
      acceptor->bind(endpoint);
      acceptor->listen();
    } catch (const boost::system::system_error& error) {
      throw std::runtime_error("ctisim: cannot listen on side " + std::string(1, side.name) +
                               " " + side.endpoint.host + ":" + std::to_string(port) + ": " +
                               error.what());
    }
    side.port = acceptor->local_endpoint().port();
    side.acceptor = acceptor;
    accept(side.name, acceptor);
  }

  void close_listener(Side& side) {
    if (!side.acceptor) return;
    boost::system::error_code ignored;
    side.acceptor->close(ignored);  // the pending accept completes with operation_aborted
    side.acceptor.reset();
  }

  void apply_listening() {
    for (auto& [name, side] : side_map) {
      if (should_listen(side) && !side.acceptor) open_listener(side);
      if (!should_listen(side)) close_listener(side);
    }
  }

  // With the mutex held, like every use of an acceptor: the control API, a test thread or a signal
  // handler may switch sides or stop while an accept completes on an io thread.
  void accept(char side, const std::shared_ptr<tcp::acceptor>& acceptor) {
    acceptor->async_accept(io, [self = shared_from_this(), side, acceptor](
                                   boost::system::error_code ec, tcp::socket socket) {
      std::lock_guard lock(self->mutex);
      auto& current = self->side_map.at(side);
      if (ec || current.acceptor != acceptor) return;  // closed meanwhile
      auto session = std::make_shared<Session>(std::move(socket), side,
                                               self->world.options().peripheral_id, *self);
      self->sessions.push_back(session);
      session->start();
      self->accept(side, acceptor);
    });
  }

  // ---- SessionOwner ----

  bool side_active(char side) override {
    std::lock_guard lock(mutex);
    return !stopped && active == side;
  }

  void session_opened(const std::shared_ptr<Session>& session) override {
    spdlog::info("ctisim: side {} session opened ({})", session->side(),
                 session->grant().client_signature);
  }

  void session_request(const std::shared_ptr<Session>& session,
                       const cti::Message& request) override {
    std::lock_guard lock(mutex);
    if (stopped) return;
    const RequestContext context{session->grant().client_signature, session->grant().services};
    deliver(world.handle_request(request, context), session.get());
  }

  void session_closed(const Session& session) override {
    std::lock_guard lock(mutex);
    std::erase_if(sessions, [&](const auto& s) { return s.get() == &session; });
  }

  // Sends the reply to the requester, then every event to every open session of the active side.
  // Called with the mutex held, so that all sessions see one order.
  void deliver(const Outcome& outcome, Session* requester) {
    if (outcome.reply && requester) requester->send(*outcome.reply);
    for (const auto& event : outcome.events) {
      for (const auto& session : sessions) {
        if (session->is_open() && session->side() == active &&
            wants_event(session->grant(), event)) {
          session->send(event);
        }
      }
    }
    for (const auto& timer : outcome.timers) arm_wrap_up(timer);
  }

  // With the mutex held. A replaced timer needs no care: World ignores a stale token.
  void arm_wrap_up(const WrapUpTimer& wrap_up) {
    auto timer = std::make_shared<asio::steady_timer>(io, options.wrap_up_time);
    wrap_up_timers[wrap_up.agent_id] = timer;
    timer->async_wait([weak = weak_from_this(), wrap_up](boost::system::error_code ec) {
      auto self = weak.lock();
      if (ec || !self) return;
      std::lock_guard lock(self->mutex);
      if (self->stopped) return;
      self->deliver(self->world.end_wrap_up(wrap_up.agent_id, wrap_up.token), nullptr);
    });
  }

  // ---- ControlPort ----

  ControlResult place_call(const InboundCall& call) override {
    return control_operation([&] { return world.place_call(call); });
  }
  ControlResult answer_call(std::uint32_t id) override {
    return control_operation([&] { return world.answer_outside(id); });
  }
  ControlResult hang_up_call(std::uint32_t id) override {
    return control_operation([&] { return world.hang_up_outside(id); });
  }

  template <class Operation>
  ControlResult control_operation(Operation operation) {
    std::lock_guard lock(mutex);
    ControlResult result = operation();
    deliver(result.outcome, nullptr);
    return result;
  }

  std::vector<Agent> agents() override {
    std::lock_guard lock(mutex);
    std::vector<Agent> copy;
    for (const auto& [id, agent] : world.agents()) copy.push_back(agent);
    return copy;
  }

  std::vector<Call> calls() override {
    std::lock_guard lock(mutex);
    std::vector<Call> copy;
    for (const auto& [id, call] : world.calls()) copy.push_back(call);
    return copy;
  }

  bool set_side(char name, bool up) override {
    std::lock_guard lock(mutex);
    auto it = side_map.find(name);
    if (it == side_map.end()) return false;
    Side& side = it->second;
    side.up = up;
    if (!up) {
      for (const auto& session : sessions) {
        if (session->side() == name) session->reset();  // TCP reset, as a failing server
      }
      if (active == name) {
        active = 0;
        for (const auto& [other, other_side] : side_map) {
          if (other_side.up) active = other;
        }
      }
    } else if (active == 0) {
      active = name;
    }
    spdlog::info("ctisim: side {} {}; active side: {}", name, up ? "up" : "down",
                 active ? std::string(1, active) : std::string("none"));
    if (!stopped) apply_listening();
    return true;
  }

  std::map<char, SideStatus> sides_status() const {
    std::map<char, SideStatus> status;
    status['a'] = {};
    status['b'] = {};
    for (const auto& [name, side] : side_map) status[name] = {true, side.up, active == name};
    return status;
  }

  std::map<char, SideStatus> sides() override {
    std::lock_guard lock(mutex);
    return sides_status();
  }

  // ---- lifecycle ----

  void start() {
    std::lock_guard lock(mutex);
    // Bind every side once, so that a port 0 is known even while that side does not listen.
    for (auto& [name, side] : side_map) open_listener(side);
    apply_listening();
    if (options.control) {
      config::HttpSettings settings;
      settings.listen = *options.control;
      std::weak_ptr<Impl> weak = weak_from_this();
      control = std::make_unique<http::Server>(io, settings, [weak](http::ApiRequest& request) {
        auto self = weak.lock();
        if (!self) return http::ApiResponse{503, "{\"error\":\"stopped\"}", "application/json", {}};
        return handle_control_request(*self, request);
      });
      control->start();
    }
  }

  void stop() {
    std::unique_ptr<http::Server> server;
    {
      std::lock_guard lock(mutex);
      if (stopped) return;
      stopped = true;
      for (auto& [name, side] : side_map) close_listener(side);
      for (const auto& session : sessions) session->reset();
      for (auto& [agent, timer] : wrap_up_timers) timer->cancel();
      wrap_up_timers.clear();
      server = std::move(control);
    }
    if (server) server->stop();
  }
};

Simulator::Simulator(asio::io_context& io, SimulatorOptions options)
    : impl_(std::make_shared<Impl>(io, std::move(options))) {}

Simulator::~Simulator() { stop(); }

void Simulator::start() { impl_->start(); }
void Simulator::stop() { impl_->stop(); }

std::uint16_t Simulator::side_port(char side) const {
  std::lock_guard lock(impl_->mutex);
  auto it = impl_->side_map.find(side);
  return it == impl_->side_map.end() ? 0 : it->second.port;
}

std::uint16_t Simulator::control_port() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->control ? impl_->control->port() : 0;
}

void Simulator::set_side_up(char side, bool up) { impl_->set_side(side, up); }

}  // namespace fgw::ctisim
