#pragma once
// Runs the real finesse-gw binary (FGW_DAEMON_BINARY) as a child process with a config written to
// a temporary directory, and talks to it over loopback TCP. Black-box: only the contract is used.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

namespace fgw::testing {

struct HttpReply {
  int status = 0;
  std::string head;  // status line and headers
  std::string body;
  std::string header(const std::string& name) const;
};

// Sends raw bytes to 127.0.0.1:port and reads one response (by Content-Length, or until close).
HttpReply raw_http(uint16_t port, const std::string& request_bytes);

// A GET/PUT/POST/DELETE with optional Basic credentials ("user:password"), XML body and
// requestId header.
HttpReply http_call(uint16_t port, const std::string& method, const std::string& target,
                    const std::string& credentials = "", const std::string& body = "",
                    const std::string& request_id = "");

// A TCP port that was free a moment ago.
uint16_t free_port();

struct CommandResult {
  int exit_code;
  std::string output;  // stdout and stderr together
};
CommandResult run_command(const std::string& command);

inline constexpr const char* kDefaultDirectoryToml = R"(
[[team]]
id = "1"
name = "Sales"
[[user]]
id = "1001"
login_name = "agent1"
password = "agent1pw"
first_name = "Alice"
extension = "1001"
roles = ["Agent"]
team = "1"
[[user]]
id = "9001"
login_name = "admin"
password = "adminpw"
roles = ["Administrator"]
)";

class DaemonProcess {
 public:
  // Writes finesse-gw.toml into `dir` (with `extra_toml` appended) and the directory file
  // (`directory_toml`, or kDefaultDirectoryToml: team 1 with agent1/agent1pw as 1001, and admin). The config runs the in-process CTI simulator on
  // free ports, so the gateway is in service. A non-empty `cti_toml` replaces that [cti] section
  // (e.g. two gateways of a pair against one simulator).
  DaemonProcess(std::filesystem::path dir, std::string extra_toml = "", std::string directory_toml = "",
                std::string cti_toml = "");
  ~DaemonProcess();

  void start();                      // starts and waits until /health answers 200 IN_SERVICE
  int stop(int signal = SIGTERM);    // returns the exit status
  uint16_t port() const { return port_; }
  uint16_t simulator_control_port() const { return control_port_; }
  const std::filesystem::path& config_path() const { return config_path_; }
  std::string log() const;

 private:
  std::filesystem::path dir_;
  std::filesystem::path config_path_;
  uint16_t port_;
  uint16_t control_port_;
  pid_t pid_ = -1;
};

}  // namespace fgw::testing
