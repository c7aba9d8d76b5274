// Open-loop HTTP/1.1 load at a fixed rate, for latency at a given offered load.
//
// wrk measures at saturation: each connection sends its next request as soon as the last answer
// arrives, so a slow answer also delays the requests behind it and hides their wait ("coordinated
// omission"). Here every request has a scheduled send time (rate spread evenly over the
// connections), and its latency runs from that scheduled time to the end of its response. A
// connection that falls behind sends its overdue requests pipelined, as a real fleet of desktops
// would keep polling.
//
//   paced_get HOST PORT PATH AUTH_BASE64 RATE CONNECTIONS SECONDS
// prints: RESULT rps=... p50_ms=... p99_ms=... max_ms=... errors=...

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Connection {
  int fd = -1;
  std::deque<Clock::time_point> in_flight;  // scheduled times of requests sent, oldest first
  std::string received;
  Clock::time_point next_send;
};

int connect_to(const char* host, int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  ::inet_pton(AF_INET, host, &addr.sin_addr);
  ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);  // EINPROGRESS; writes wait for it
  return fd;
}

// Removes complete responses from `c.received`; returns how many.
int take_responses(Connection& c, int& errors) {
  int complete = 0;
  while (true) {
    auto end = c.received.find("\r\n\r\n");
    if (end == std::string::npos) return complete;
    auto cl = c.received.find("Content-Length:");
    if (cl == std::string::npos || cl > end) cl = c.received.find("content-length:");
    size_t length = (cl != std::string::npos && cl < end) ? std::strtoul(c.received.c_str() + cl + 15, nullptr, 10) : 0;
    if (c.received.size() < end + 4 + length) return complete;
    if (c.received.compare(9, 1, "2") != 0) ++errors;
    c.received.erase(0, end + 4 + length);
    ++complete;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 8) {
    std::fprintf(stderr, "usage: paced_get HOST PORT PATH AUTH_BASE64 RATE CONNECTIONS SECONDS\n");
    return 2;
  }
  const char* host = argv[1];
  const int port = std::atoi(argv[2]);
  const std::string request = std::string("GET ") + argv[3] + " HTTP/1.1\r\nHost: " + host +
                              "\r\nAuthorization: Basic " + argv[4] + "\r\nAccept: application/xml\r\n\r\n";
  const double rate = std::atof(argv[5]);
  const int connections = std::atoi(argv[6]);
  const auto duration = std::chrono::duration<double>(std::atof(argv[7]));
  const auto interval = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(connections / rate));

  int epoll = ::epoll_create1(0);
  std::vector<Connection> conns(static_cast<size_t>(connections));
  const auto start = Clock::now() + std::chrono::milliseconds(100);  // let connects finish
  for (int i = 0; i < connections; ++i) {
    auto& c = conns[static_cast<size_t>(i)];
    c.fd = connect_to(host, port);
    c.next_send = start + interval * i / connections;  // stagger evenly
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u32 = static_cast<uint32_t>(i);
    ::epoll_ctl(epoll, EPOLL_CTL_ADD, c.fd, &ev);
  }
  const auto stop_sending = start + std::chrono::duration_cast<Clock::duration>(duration);
  std::vector<double> latencies_ms;
  latencies_ms.reserve(static_cast<size_t>(rate * duration.count() * 1.1) + 16);
  int errors = 0;
  char buffer[65536];
  epoll_event events[256];

  while (true) {
    const auto now = Clock::now();
    bool pending = false;
    for (auto& c : conns) {
      while (c.next_send <= now && c.next_send < stop_sending) {
        if (::send(c.fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) ++errors;
        c.in_flight.push_back(c.next_send);
        c.next_send += interval;
      }
      pending |= !c.in_flight.empty() || c.next_send < stop_sending;
    }
    if (!pending || now > stop_sending + std::chrono::seconds(5)) break;
    auto next = stop_sending;
    for (auto& c : conns) next = std::min(next, c.next_send);
    // Nanosecond timeout (epoll_pwait2): a millisecond-granular sleep would send late and add its
    // lateness to every latency, and spinning would steal a core from the server under test.
    auto wait = std::clamp<Clock::duration>(next - Clock::now(), Clock::duration::zero(), std::chrono::milliseconds(10));
    const auto wait_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(wait).count();
    timespec timeout{static_cast<time_t>(wait_ns / 1'000'000'000), static_cast<long>(wait_ns % 1'000'000'000)};
    int n = ::epoll_pwait2(epoll, events, 256, &timeout, nullptr);
    const auto received_at = Clock::now();
    for (int e = 0; e < n; ++e) {
      auto& c = conns[events[e].data.u32];
      ssize_t got = ::recv(c.fd, buffer, sizeof buffer, 0);
      if (got <= 0) {
        errors += static_cast<int>(c.in_flight.size());
        c.in_flight.clear();
        continue;
      }
      c.received.append(buffer, static_cast<size_t>(got));
      for (int k = take_responses(c, errors); k > 0 && !c.in_flight.empty(); --k) {
        latencies_ms.push_back(std::chrono::duration<double, std::milli>(received_at - c.in_flight.front()).count());
        c.in_flight.pop_front();
      }
    }
  }
  for (auto& c : conns) errors += static_cast<int>(c.in_flight.size());
  std::sort(latencies_ms.begin(), latencies_ms.end());
  auto pct = [&](double p) {
    return latencies_ms.empty() ? 0.0 : latencies_ms[std::min(latencies_ms.size() - 1, static_cast<size_t>(p * latencies_ms.size()))];
  };
  std::printf("RESULT rps=%.0f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d\n", latencies_ms.size() / duration.count(),
              pct(0.50), pct(0.99), latencies_ms.empty() ? 0.0 : latencies_ms.back(), errors);
  return 0;
}
