#pragma once
// Test support for anything that needs a real XMPP server and real XMPP clients (header-only on
// purpose: this folder has no .cpp, so it builds no test binary of its own).
//
//   XmppServer   a private ejabberd or Prosody started through deploy/xmpp/xmpp-server.sh in a
//                fresh temporary state dir, on ports that were free a moment ago; stopped and
//                removed by the destructor.
//   AgentClient  tests/clients/xmpp_agent.py (plain TCP) or tests/clients/bosh/agent.mjs (BOSH)
//                as a child process; its JSON lines are collected on a reader thread.
//
// Needs root (or passwordless sudo): the servers run as their own system users. Boost.JSON's
// implementation comes from a library the test binaries already link (fgw_ctisim), so only the
// header is included here.

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#ifndef FGW_SOURCE_DIR
#error "xmpp_harness.hpp needs the FGW_SOURCE_DIR compile definition (tests/CMakeLists.txt sets it)"
#endif

namespace fgw::testing::xmpp {

using namespace std::chrono_literals;

// The machine running the tests may be loaded (2 cores shared by builds and servers).
inline constexpr std::chrono::milliseconds kDefaultWait = 20s;
// How long a client gets to leave cleanly after "quit" before it is killed.
inline constexpr std::chrono::milliseconds kClientQuitGrace = 5s;
// Attempts at starting a server when a chosen port was taken by someone else meanwhile.
inline constexpr int kServerStartAttempts = 3;

enum class ServerKind { ejabberd, prosody };

inline std::string to_string(ServerKind kind) {
  return kind == ServerKind::ejabberd ? "ejabberd" : "prosody";
}

inline std::filesystem::path source_dir() { return FGW_SOURCE_DIR; }
inline std::filesystem::path launcher_path() { return source_dir() / "deploy/xmpp/xmpp-server.sh"; }

// ---------------------------------------------------------------------------------------------
// Processes

struct ProcessResult {
  int exit_code = -1;   // 128 + signal if it was killed
  std::string output;   // stdout and stderr together
};

// Runs argv (no shell, so no quoting problems) and collects its output. The programs run here
// (the launcher, ctl commands, finesse-gw provision) carry their own timeouts.
inline ProcessResult run_process(const std::vector<std::string>& argv) {
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    dup2(out[1], STDERR_FILENO);
    const int null_in = open("/dev/null", O_RDONLY);
    dup2(null_in, STDIN_FILENO);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(out[1]);
  ProcessResult result;
  char buffer[4096];
  for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    result.output.append(buffer, static_cast<size_t>(n));
  }
  close(out[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's choice for port 0).
inline uint16_t free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    if (fd >= 0) close(fd);
    throw std::runtime_error("cannot pick a free port");
  }
  close(fd);
  return ntohs(addr.sin_port);
}

// ---------------------------------------------------------------------------------------------
// Server

struct ServerOptions {
  std::string domain = "localhost";
  std::string component = "finesse.localhost";
  std::string component2;  // empty: no second component listener
  std::string secret = "secret";
  std::string pubsub = "pubsub.localhost";
};

class XmppServer {
 public:
  explicit XmppServer(ServerKind kind, ServerOptions options = {}) : kind_(kind), options_(std::move(options)) {
    char pattern[] = "/tmp/fgw-xmpp-XXXXXX";
    if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
    state_dir_ = pattern;
    start_with_retries();
  }
  ~XmppServer() {
    run_process({launcher_path().string(), "stop", state_dir_.string()});
    std::error_code ignored;
    std::filesystem::remove_all(state_dir_, ignored);
  }
  XmppServer(const XmppServer&) = delete;
  XmppServer& operator=(const XmppServer&) = delete;

  ServerKind kind() const { return kind_; }
  std::string kind_name() const { return to_string(kind_); }
  const std::filesystem::path& state_dir() const { return state_dir_; }
  const std::string& domain() const { return options_.domain; }
  const std::string& component() const { return options_.component; }
  const std::string& component2() const { return options_.component2; }
  const std::string& secret() const { return options_.secret; }
  const std::string& pubsub() const { return options_.pubsub; }
  uint16_t c2s_port() const { return c2s_port_; }
  uint16_t component_port() const { return component_port_; }
  uint16_t component2_port() const { return component2_port_; }
  uint16_t http_port() const { return http_port_; }
  std::string bosh_url() const { return "http://127.0.0.1:" + std::to_string(http_port_) + "/http-bind"; }

  // server.env as written by the launcher (KIND, ports, domains, PID, ...).
  std::map<std::string, std::string> env() const {
    std::map<std::string, std::string> values;
    std::ifstream in(state_dir_ / "server.env");
    for (std::string line; std::getline(in, line);) {
      if (const auto eq = line.find('='); eq != std::string::npos) values[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return values;
  }

  // Creates the account (or resets its password); throws with the launcher's output on failure.
  void register_user(const std::string& user, const std::string& password) const {
    const auto result = run_process({launcher_path().string(), "register", state_dir_.string(), user, password});
    if (result.exit_code != 0) {
      throw std::runtime_error("register " + user + " failed: " + result.output);
    }
  }

  // ejabberdctl / prosodyctl with this instance's options.
  ProcessResult ctl(const std::vector<std::string>& args) const {
    std::vector<std::string> argv = {launcher_path().string(), "ctl", state_dir_.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv);
  }

  // Stops the server and starts it again on the same ports and state dir (its stored accounts,
  // rosters and, on ejabberd, pubsub nodes survive; Prosody keeps its nodes in memory only).
  void restart() {
    stop();
    start_again();
  }
  void stop() { run_process({launcher_path().string(), "stop", state_dir_.string()}); }
  void start_again() {
    const auto result = run_process(start_argv());
    if (result.exit_code != 0) throw std::runtime_error(to_string(kind_) + " did not start again: " + result.output);
  }

  // ejabberd's mod_http_api, for `finesse-gw provision --apply ejabberd --api URL`.
  std::string api_url() const { return "http://127.0.0.1:" + std::to_string(http_port_) + "/api"; }

  // The command prefix for `finesse-gw provision --apply KIND --ctl PREFIX`.
  std::string ctl_prefix() const { return launcher_path().string() + " ctl " + state_dir_.string(); }

  // The server's log, for failure messages.
  std::string log_tail(size_t max_bytes = 8000) const {
    const auto file = kind_ == ServerKind::ejabberd ? state_dir_ / "log/ejabberd.log" : state_dir_ / "prosody.log";
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    const std::string all = text.str();
    return all.size() > max_bytes ? all.substr(all.size() - max_bytes) : all;
  }

 private:
  void start_with_retries() {
    std::string last_output;
    for (int attempt = 0; attempt < kServerStartAttempts; ++attempt) {
      c2s_port_ = free_port();
      component_port_ = free_port();
      component2_port_ = options_.component2.empty() ? 0 : free_port();
      http_port_ = free_port();
      const auto result = run_process(start_argv());
      if (result.exit_code == 0) return;
      last_output = result.output;
      // Only a port taken meanwhile is worth another try; anything else is a real failure.
      if (last_output.find("already in use") == std::string::npos) break;
    }
    throw std::runtime_error(to_string(kind_) + " did not start: " + last_output);
  }

  std::vector<std::string> start_argv() const {
    std::vector<std::string> argv = {launcher_path().string(), "start", to_string(kind_), state_dir_.string(),
                                     "--domain", options_.domain, "--component", options_.component,
                                     "--secret", options_.secret, "--pubsub", options_.pubsub,
                                     "--c2s-port", std::to_string(c2s_port_),
                                     "--component-port", std::to_string(component_port_),
                                     "--http-port", std::to_string(http_port_)};
    if (!options_.component2.empty()) {
      argv.insert(argv.end(), {"--component2", options_.component2, "--component2-port", std::to_string(component2_port_)});
    }
    return argv;
  }

  ServerKind kind_;
  ServerOptions options_;
  std::filesystem::path state_dir_;
  uint16_t c2s_port_ = 0;
  uint16_t component_port_ = 0;
  uint16_t component2_port_ = 0;
  uint16_t http_port_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Clients

enum class Transport { tcp, bosh };

inline std::string to_string(Transport transport) { return transport == Transport::tcp ? "tcp" : "bosh"; }

using Event = boost::json::object;
using EventPredicate = std::function<bool(const Event&)>;

// Matches {"event": name}.
inline EventPredicate event_is(std::string name) {
  return [name = std::move(name)](const Event& e) {
    const auto* kind = e.if_contains("event");
    return kind != nullptr && kind->is_string() && kind->as_string() == name;
  };
}

inline std::string field(const Event& e, const char* key) {
  const auto* value = e.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

// A pubsub event on `node` whose <Update> text contains every one of `needles`.
inline EventPredicate update_on(const std::string& node, std::vector<std::string> needles) {
  return [node, needles = std::move(needles)](const Event& e) {
    if (field(e, "event") != "pubsub" || field(e, "node") != node) return false;
    const auto text = field(e, "text");
    for (const auto& needle : needles)
      if (text.find(needle) == std::string::npos) return false;
    return true;
  };
}

// Presence of `type` from `bare_jid` (any resource), e.g. a gateway's 'finesse' entity.
inline EventPredicate presence_from(const std::string& bare_jid, const std::string& type) {
  return [bare_jid, type](const Event& e) {
    return field(e, "event") == "presence" && field(e, "from").rfind(bare_jid, 0) == 0 && field(e, "type") == type;
  };
}

class AgentClient {
 public:
  // user is the local part; the JID is user@server.domain().
  AgentClient(Transport transport, const XmppServer& server, const std::string& user, const std::string& password,
              const std::string& resource = "")
      : transport_(transport) {
    spawn(command_line(transport, server, user, password, resource));
    reader_ = std::thread([this] { read_lines(); });
  }
  ~AgentClient() {
    send_command("quit");
    shutdown(stdin_fd_, SHUT_WR);  // end of stdin also means quit
    if (!wait_exit(kClientQuitGrace)) {
      kill(pid_, SIGKILL);
      wait_exit(kClientQuitGrace);
    }
    close(stdin_fd_);
    if (reader_.joinable()) reader_.join();
    close(stdout_fd_);
  }
  AgentClient(const AgentClient&) = delete;
  AgentClient& operator=(const AgentClient&) = delete;

  Transport transport() const { return transport_; }

  // One command line ("subscribe pubsub.localhost /finesse/api/User/1001", "subscriptions ...",
  // "quit"). A client that has already exited is not an error here; wait_for() will tell.
  void send_command(const std::string& line) {
    const std::string data = line + "\n";
    ::send(stdin_fd_, data.data(), data.size(), MSG_NOSIGNAL);
  }

  // The first event (from index `from` on) that matches; nullopt when none arrives in time or the
  // client exits first. Events received earlier count, so waiting for "online" after it came is fine.
  std::optional<Event> wait_for(const EventPredicate& predicate, std::chrono::milliseconds timeout = kDefaultWait,
                                size_t from = 0) {
    std::unique_lock lock(mutex_);
    size_t next = from;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      for (; next < events_.size(); ++next) {
        if (predicate(events_[next])) return events_[next];
      }
      if (closed_) return std::nullopt;
      if (changed_.wait_until(lock, deadline) == std::cv_status::timeout && next == events_.size()) {
        return std::nullopt;
      }
    }
  }
  std::optional<Event> wait_for_event(const std::string& name, std::chrono::milliseconds timeout = kDefaultWait) {
    return wait_for(event_is(name), timeout);
  }

  std::vector<Event> events() const {
    std::lock_guard lock(mutex_);
    return events_;
  }

  // Every line so far, JSON or not (diagnostics for failed assertions).
  std::string transcript() const {
    std::lock_guard lock(mutex_);
    std::string all;
    for (const auto& line : lines_) all += line + "\n";
    return all;
  }

 private:
  static std::vector<std::string> command_line(Transport transport, const XmppServer& server, const std::string& user,
                                               const std::string& password, const std::string& resource) {
    const std::string jid = user + "@" + server.domain();
    std::vector<std::string> argv;
    if (transport == Transport::tcp) {
      // The Debian python3-slixmpp package is installed for the system interpreter only.
      const std::string python = std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
      argv = {python, (source_dir() / "tests/clients/xmpp_agent.py").string(), "--jid", jid, "--password", password,
              "--host", "127.0.0.1", "--port", std::to_string(server.c2s_port())};
    } else {
      const auto bosh_dir = source_dir() / "tests/clients/bosh";
      if (!std::filesystem::exists(bosh_dir / "node_modules/strophe.js")) {
        throw std::runtime_error("BOSH client not installed: run `npm ci` in " + bosh_dir.string() +
                                 " (deploy/install-deps.sh does)");
      }
      argv = {"node", (bosh_dir / "agent.mjs").string(), "--jid", jid, "--password", password, "--bosh",
              server.bosh_url()};
    }
    if (!resource.empty()) argv.insert(argv.end(), {"--resource", resource});
    return argv;
  }

  void spawn(const std::vector<std::string>& argv) {
    int in[2];
    int out[2];
    // A socket for stdin so that writing to a client that died gives EPIPE, not SIGPIPE.
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) != 0 || pipe2(out, O_CLOEXEC) != 0) {
      throw std::runtime_error("cannot create pipes for the client");
    }
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a crashed test
      dup2(in[1], STDIN_FILENO);
      dup2(out[1], STDOUT_FILENO);
      std::vector<char*> args;
      for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      execvp(args[0], args.data());
      _exit(127);
    }
    close(in[1]);
    close(out[1]);
    stdin_fd_ = in[0];
    stdout_fd_ = out[0];
  }

  void read_lines() {
    std::string pending;
    char buffer[8192];
    while (true) {
      const ssize_t n = read(stdout_fd_, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      pending.append(buffer, static_cast<size_t>(n));
      for (size_t eol; (eol = pending.find('\n')) != std::string::npos;) {
        store_line(pending.substr(0, eol));
        pending.erase(0, eol + 1);
      }
    }
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }

  void store_line(const std::string& line) {
    boost::system::error_code ec;
    const auto value = boost::json::parse(line, ec);
    std::lock_guard lock(mutex_);
    lines_.push_back(line);
    if (!ec && value.is_object()) {
      events_.push_back(value.as_object());
      changed_.notify_all();
    }
  }

  bool wait_exit(std::chrono::milliseconds timeout) {
    if (pid_ <= 0) return true;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      const pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_ || (r < 0 && errno == ECHILD)) {
        pid_ = -1;
        return true;
      }
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }

  Transport transport_;
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Event> events_;
  std::vector<std::string> lines_;
  bool closed_ = false;
};

}  // namespace fgw::testing::xmpp
