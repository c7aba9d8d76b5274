#pragma once
// finesse-ctisim as a library: the CTI listeners of side A and side B, the shared World, the
// wrap-up timers and the HTTP+JSON control API. Port 0 in an endpoint binds any free port;
// side_port() and control_port() tell which. This header names Asio by forward declaration only.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "config/daemon_config.hpp"
#include "config/directory.hpp"

namespace boost::asio {
class io_context;
}

namespace fgw::ctisim {

// What the side that is up but not active does with a client (GED-188.md 2.1, pre-v24 duplex:
// only one side accepts sessions). The one switch between the two behaviours the guide allows.
enum class IdleSideBehaviour {
  RefuseConnections,            // it does not listen: connect() is refused
  RejectOpenWithServerOffline,  // it accepts TCP, answers OPEN_REQ with FAILURE_CONF
                                // E_CTI_CTI_SERVER_OFFLINE and closes
};

// SIMULATOR CHOICE: answering is more explicit for a client's log than a refused connect, and the
// port stays bound while the side is up.
inline constexpr IdleSideBehaviour kDefaultIdleSideBehaviour =
    IdleSideBehaviour::RejectOpenWithServerOffline;
inline constexpr std::chrono::seconds kDefaultWrapUpTime{10};

struct SimulatorOptions {
  config::Endpoint side_a{"127.0.0.1", 42027};
  std::optional<config::Endpoint> side_b;
  std::optional<config::Endpoint> control;
  std::string directory_path;                // read when `directory` is not given
  std::optional<config::Directory> directory;
  int peripheral_id = 5000;
  std::chrono::seconds wrap_up_time = kDefaultWrapUpTime;  // 0: no wrap-up
  bool verify_agent_passwords = false;
  bool wrap_up_keeps_call = false;  // WorldOptions::wrap_up_keeps_call
  IdleSideBehaviour idle_side = kDefaultIdleSideBehaviour;
};

class Simulator {
 public:
  // Throws config::ConfigError for a bad directory file.
  Simulator(boost::asio::io_context& io, SimulatorOptions options);
  ~Simulator();
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  // Binds every listener (throws std::runtime_error naming the address) and starts serving;
  // side A is active.
  void start();
  // Closes listeners and sessions, cancels timers. Safe from any thread; idempotent.
  void stop();

  // The bound port of side 'a' or 'b' (0 if that side is not configured).
  std::uint16_t side_port(char side) const;
  std::uint16_t control_port() const;  // 0 without --control

  // The control API's side switch, also for tests and the gateway's sandbox.
  void set_side_up(char side, bool up);

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace fgw::ctisim
