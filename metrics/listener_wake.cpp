#include "metrics/listener_wake.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

namespace fgw::metrics {

namespace {

constexpr auto kPokeInterval = std::chrono::milliseconds(10);

struct Address {
  sockaddr_storage storage{};
  socklen_t length = 0;
};

// Where a connection reaches a listener bound to `host`.
std::optional<Address> reachable_address(std::string host, std::uint16_t port) {
  if (host.empty() || host == "0.0.0.0") host = "127.0.0.1";
  if (host == "::") host = "::1";
  Address address;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&address.storage);
  if (::inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    address.length = sizeof(sockaddr_in);
    return address;
  }
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&address.storage);
  if (::inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    address.length = sizeof(sockaddr_in6);
    return address;
  }
  return std::nullopt;
}

// Connects and closes at once; civetweb sees a client that left. Failures (the listener is
// already closed) are expected and ignored.
void poke(const Address& address) {
  const int fd = ::socket(address.storage.ss_family, SOCK_STREAM, 0);
  if (fd < 0) return;
  (void)::connect(fd, reinterpret_cast<const sockaddr*>(&address.storage), address.length);
  ::close(fd);
}

}  // namespace

void stop_with_wake_ups(const std::string& host, std::uint16_t port, const std::function<void()>& stop) {
  const auto address = port == 0 ? std::nullopt : reachable_address(host, port);
  if (!address) return stop();
  std::atomic<bool> stopped{false};
  std::thread waker([&] {
    while (!stopped.load()) {
      std::this_thread::sleep_for(kPokeInterval);
      poke(*address);
    }
  });
  stop();
  stopped = true;
  waker.join();
}

}  // namespace fgw::metrics
