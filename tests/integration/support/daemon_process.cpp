#include "integration/support/daemon_process.hpp"

#include <array>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sodium.h>

namespace fgw::testing {

namespace {

int connect_loopback(uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  timeval timeout{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::string base64(const std::string& in) {
  std::string out(sodium_base64_encoded_len(in.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(in.data()), in.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);
  return out;
}

size_t content_length(const std::string& head) {
  auto pos = head.find("\r\nContent-Length:");
  if (pos == std::string::npos) pos = head.find("\r\ncontent-length:");
  if (pos == std::string::npos) return std::string::npos;
  return std::stoul(head.substr(pos + 17));
}


}  // namespace

std::string HttpReply::header(const std::string& name) const {
  const std::string needle = "\r\n" + name + ":";
  auto pos = head.find(needle);
  if (pos == std::string::npos) return "";
  auto start = head.find_first_not_of(' ', pos + needle.size());
  return head.substr(start, head.find("\r\n", start) - start);
}

HttpReply raw_http(uint16_t port, const std::string& request_bytes) {
  int fd = connect_loopback(port);
  if (fd < 0) throw std::runtime_error("connect failed");
  ::send(fd, request_bytes.data(), request_bytes.size(), MSG_NOSIGNAL);
  std::string data;
  std::array<char, 16384> buffer;
  HttpReply reply;
  while (true) {
    ssize_t n = ::recv(fd, buffer.data(), buffer.size(), 0);
    if (n <= 0) break;
    data.append(buffer.data(), static_cast<size_t>(n));
    auto end = data.find("\r\n\r\n");
    if (end == std::string::npos) continue;
    auto length = content_length(data.substr(0, end + 2));
    if (length != std::string::npos && data.size() >= end + 4 + length) break;
  }
  ::close(fd);
  auto end = data.find("\r\n\r\n");
  if (end == std::string::npos) return reply;
  reply.head = data.substr(0, end + 2);
  reply.body = data.substr(end + 4);
  if (reply.head.size() > 12) reply.status = std::stoi(reply.head.substr(9, 3));
  return reply;
}

HttpReply http_call(uint16_t port, const std::string& method, const std::string& target,
                    const std::string& credentials, const std::string& body, const std::string& request_id) {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!credentials.empty()) request += "Authorization: Basic " + base64(credentials) + "\r\n";
  if (!request_id.empty()) request += "requestId: " + request_id + "\r\n";
  if (!body.empty() || method == "PUT" || method == "POST")
    request += "Content-Type: application/xml\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  request += "\r\n" + body;
  return raw_http(port, request);
}

uint16_t free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

CommandResult run_command(const std::string& command) {
  CommandResult result{-1, ""};
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

DaemonProcess::DaemonProcess(std::filesystem::path dir, std::string extra_toml, std::string directory_toml,
                             std::string cti_toml)
    : dir_(std::move(dir)), config_path_(dir_ / "finesse-gw.toml"), port_(free_port()), control_port_(free_port()) {
  if (cti_toml.empty()) {
    cti_toml = "[cti]\nsimulator = true\nside_a = \"127.0.0.1:" + std::to_string(free_port()) + "\"\n" +
               "side_b = \"127.0.0.1:" + std::to_string(free_port()) + "\"\n" +
               "simulator_control = \"127.0.0.1:" + std::to_string(control_port_) + "\"\n";
  }
  std::filesystem::create_directories(dir_);
  std::ofstream(dir_ / "directory.toml") << (directory_toml.empty() ? std::string(kDefaultDirectoryToml) : directory_toml);
  std::ofstream(config_path_) << "[http]\nlisten = \"127.0.0.1:" << port_ << "\"\n"
                              << "[store]\npath = \"" << (dir_ / "finesse.db").string() << "\"\n"
                              << "[directory]\npath = \"" << (dir_ / "directory.toml").string() << "\"\n"
                              << "[auth]\npassword_hash_cost = \"minimal\"\n"
                              << cti_toml << extra_toml;
}

DaemonProcess::~DaemonProcess() {
  if (pid_ > 0) stop(SIGKILL);
}

void DaemonProcess::start() {
  pid_ = ::fork();
  if (pid_ == 0) {
    int log = ::open((dir_ / "daemon.log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    ::dup2(log, 1);
    ::dup2(log, 2);
    ::execl(FGW_DAEMON_BINARY, FGW_DAEMON_BINARY, "--config", config_path_.c_str(), nullptr);
    ::_exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    int fd = connect_loopback(port_);
    if (fd >= 0) {
      ::close(fd);
      // Listening is not enough: the desktop API serves once the CTI session is open.
      if (http_call(port_, "GET", "/health").status == 200) return;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("finesse-gw exited during start:\n" + log());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("finesse-gw did not start listening:\n" + log());
}

int DaemonProcess::stop(int signal) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string DaemonProcess::log() const {
  std::ifstream in(dir_ / "daemon.log");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace fgw::testing
