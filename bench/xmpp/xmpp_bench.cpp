// XMPP notifications end to end (issue 6, item 8):
//   xmpp_bench [--agents 2000] [--sample 50] [--rate 200] [--bg-rate 200] [--seconds 10]
//              [--chunk 2] [--connections 8] [--team-size 100] [--window 64]
//              [--put-cap 0] [--ref-matched 0] [--nodelay 0]
//   --put-cap N      sustained phase paced at N PUT/s in all (0: as fast as the gateway answers)
//   --ref-matched 1  diagnostic: the background pauses during the reference slices and the bare
//                    component publishes the background's items too (same rate on both streams)
//   --nodelay 1      experiment: TCP_NODELAY on the gateway's component socket (set from here)
// The gateway's own share is timed without touching its code: this binary interposes send() and
// recv() (gloox's socket calls) and timestamps each sampled publish IQ on the wire and its result.
//
// A private ejabberd (deploy/xmpp/xmpp-server.sh, free ports, two component listeners), a
// directory of `agents` agents (ids 10000.., extension = id), their XMPP accounts (parallel
// mod_http_api `register`), the gateway in-process (fgw::daemon::Daemon, CTI simulator, [xmpp]
// enabled), every agent signed in over REST, and `sample` agents logged in over c2s as
// gloox::Client sessions that timestamp every pubsub event (plus one supervisor subscribed to
// the first team's node).
//
// 1. Latency: paced open-loop PUT READY/NOT_READY at `rate`/s over the sampled agents (requestId
//    header s<n>, found again in the event's <Update>), send -> event at the client; meanwhile
//    background PUTs at `bg-rate`/s over all other agents. Reference in the same run: a bare
//    gloox Component on the second component domain publishes the same two items per tick (the
//    agent's User-shaped update to a node the agent is subscribed to, plus the Team-shaped one),
//    with the same payload sizes at the same pace, publish -> event; the background PUTs keep
//    running. Gateway and reference alternate in `chunk`-second slices until each has had
//    `seconds`, so both see the same machine load.
// 2. Sustained: PUT toggles for all agents over `connections` keep-alive connections as fast as
//    the gateway answers, `seconds` long; notifications/s = desk notifications of the window /
//    (window start -> last sampled event delivered), with the sample's delivery ratio; next to the
//    bare component's max publish rate (window `window`) over the same kind of nodes.
// Every figure is printed with the load average; CPU seconds of beam and of this process per phase.
// ejabberd is stopped on every exit: the XmppServer destructor, and a watchdog child that runs
// the launcher's stop when this process dies in any way (signal, crash, std::exit).
#include <arpa/inet.h>
#include <dlfcn.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <gloox/client.h>
#include <gloox/component.h>
#include <gloox/connectionlistener.h>
#include <gloox/eventhandler.h>
#include <gloox/iqhandler.h>
#include <gloox/message.h>
#include <gloox/messagehandler.h>
#include <gloox/tag.h>

#include "component/raw_child.hpp"
#include "component/stanzas.hpp"
#include "config/daemon_config.hpp"
#include "gateway/daemon/daemon.hpp"
#include "gateway/desk/notification.hpp"
#include "integration/support/xmpp_harness.hpp"

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
namespace xh = fgw::testing::xmpp;

namespace {

std::atomic<bool> g_interrupted{false};

struct Options {
  int agents = 2000;
  int sample = 50;
  int rate = 200;
  int bg_rate = 200;
  int seconds = 10;
  int chunk = 2;
  int connections = 8;
  int team_size = 100;
  int window = 64;
  int put_cap = 0;  // sustained: PUT/s over all connections, 0 = as fast as the gateway answers
  // Diagnostic: during the reference slices the gateway's background PUTs pause and the bare
  // component publishes their items too, so both component streams carry the same rate.
  int ref_matched = 0;
  int nodelay = 0;  // experiment: TCP_NODELAY on the gateway's component socket (see wiretap)
};

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }
double secs(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

struct Summary {
  std::size_t n = 0;
  double p50 = 0, p90 = 0, p99 = 0, max = 0;
};
Summary summarize(const std::vector<double>& v) {
  return {v.size(), percentile(v, 0.5), percentile(v, 0.9), percentile(v, 0.99), percentile(v, 1.0)};
}
std::string fmt(const Summary& s) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "n=%zu p50 %.2f ms, p90 %.2f, p99 %.2f, max %.2f", s.n, s.p50, s.p90, s.p99, s.max);
  return buf;
}

// CPU seconds (user+system) of a process, from /proc/<pid>/stat.
double cpu_seconds(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const auto close = text.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream rest(text.substr(close + 2));
  std::string field;
  double utime = 0, stime = 0;
  for (int i = 3; rest >> field; ++i) {
    if (i == 14) utime = std::stod(field);
    if (i == 15) {
      stime = std::stod(field);
      break;
    }
  }
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct CpuMark {
  Clock::time_point at = Clock::now();
  double beam = 0, self = 0;
};
int g_beam_pid = 0;
CpuMark cpu_mark() {
  CpuMark m;
  m.beam = g_beam_pid ? cpu_seconds(g_beam_pid) : 0;
  m.self = cpu_seconds(getpid());
  return m;
}
std::string cpu_since(const CpuMark& from) {
  const auto to = cpu_mark();
  const double wall = secs(to.at - from.at);
  char buf[200];
  std::snprintf(buf, sizeof buf, "CPU over %.1f s wall: beam %.2f cores, xmpp_bench (gateway+clients+drivers) %.2f cores",
                wall, (to.beam - from.beam) / wall, (to.self - from.self) / wall);
  return buf;
}

std::string base64(const std::string& in) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int val = 0, bits = -6;
  for (unsigned char c : in) {
    val = (val << 8) + c;
    bits += 8;
    while (bits >= 0) {
      out.push_back(table[(val >> bits) & 0x3F]);
      bits -= 6;
    }
  }
  if (bits > -6) out.push_back(table[((val << 8) >> (bits + 8)) & 0x3F]);
  while (out.size() % 4) out.push_back('=');
  return out;
}

// ---------------------------------------------------------------------------------------------
// A minimal blocking HTTP/1.1 keep-alive client (one connection, one thread).

class HttpConn {
 public:
  explicit HttpConn(std::uint16_t port) : port_(port) {}
  ~HttpConn() { close_fd(); }
  HttpConn(const HttpConn&) = delete;

  // Returns the status (0 on a transport failure, after one reconnect attempt).
  int request(const std::string& method, const std::string& target, const std::string& headers,
              const std::string& body, std::string* reply_body = nullptr) {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers;
    if (!body.empty() || method == "PUT" || method == "POST") req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    req += "\r\n" + body;
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (fd_ < 0 && !open_fd()) continue;
      if (!write_all(req)) {
        close_fd();
        continue;
      }
      const int status = read_reply(reply_body);
      if (status > 0) return status;
      close_fd();
    }
    return 0;
  }

 private:
  bool open_fd() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port_);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close_fd();
      return false;
    }
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    buffer_.clear();
    return true;
  }
  void close_fd() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  bool write_all(const std::string& data) {
    std::size_t off = 0;
    while (off < data.size()) {
      const ssize_t n = ::send(fd_, data.data() + off, data.size() - off, MSG_NOSIGNAL);
      if (n <= 0) return false;
      off += static_cast<std::size_t>(n);
    }
    return true;
  }
  bool fill() {
    char chunk[16384];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }
  int read_reply(std::string* reply_body) {
    std::size_t header_end;
    while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos)
      if (!fill()) return 0;
    const std::string head = buffer_.substr(0, header_end);
    int status = 0;
    if (std::sscanf(head.c_str(), "HTTP/1.%*d %d", &status) != 1) return 0;
    std::size_t length = 0;
    std::string lower = head;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    if (const auto cl = lower.find("content-length:"); cl != std::string::npos) length = std::stoul(lower.substr(cl + 15));
    const bool close_after = lower.find("connection: close") != std::string::npos;
    while (buffer_.size() < header_end + 4 + length)
      if (!fill()) return 0;
    if (reply_body) *reply_body = buffer_.substr(header_end + 4, length);
    buffer_.erase(0, header_end + 4 + length);
    if (close_after) close_fd();
    return status;
  }

  std::uint16_t port_;
  int fd_ = -1;
  std::string buffer_;
};

// ---------------------------------------------------------------------------------------------
// The observer: every desk notification, counted; the sample's requestIds timestamped.

class Observer : public fgw::desk::NotificationSink {
 public:
  void publish(std::vector<fgw::desk::Notification> notifications) override {
    const auto now = Clock::now();
    count_ += notifications.size();
    for (const auto& n : notifications) {
      const bool user_node = n.node.rfind("/finesse/api/User/", 0) == 0 && n.node.find("/Dialogs") == std::string::npos;
      if (!n.request_id.empty() && n.request_id[0] == 's' && user_node) {
        std::lock_guard lock(mutex_);
        desk_time_[n.request_id] = now;
      }
      if (want_payloads_) {
        std::lock_guard lock(mutex_);
        if (user_node && user_payload_.empty() && !n.request_id.empty()) user_payload_ = n.payload_xml;
        if (n.node.rfind("/finesse/api/Team/", 0) == 0 && team_payload_.empty() && !n.request_id.empty())
          team_payload_ = n.payload_xml;
      }
    }
  }
  std::uint64_t count() const { return count_; }
  bool desk_time(const std::string& id, Clock::time_point* at) {
    std::lock_guard lock(mutex_);
    const auto it = desk_time_.find(id);
    if (it == desk_time_.end()) return false;
    *at = it->second;
    return true;
  }
  std::pair<std::string, std::string> payloads() {
    std::lock_guard lock(mutex_);
    return {user_payload_, team_payload_};
  }
  std::atomic<bool> want_payloads_{true};

 private:
  std::atomic<std::uint64_t> count_{0};
  std::mutex mutex_;
  std::unordered_map<std::string, Clock::time_point> desk_time_;
  std::string user_payload_, team_payload_;
};

// Passes warnings and errors on to stderr; keeps the bootstrap line.
class CaptureSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  std::atomic<bool> bootstrapped{false};
  std::string bootstrap_line;
  Clock::time_point bootstrap_at;
  std::atomic<int> warnings{0};

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    const std::string text(msg.payload.data(), msg.payload.size());
    if (text.find("xmpp bootstrap of") != std::string::npos) {
      bootstrap_line = text;
      bootstrap_at = Clock::now();
      bootstrapped = true;
    }
    if (msg.level >= spdlog::level::warn) {
      ++warnings;
      if (warnings < 50) std::fprintf(stderr, "[gateway %s] %s\n", spdlog::level::to_string_view(msg.level).data(), text.c_str());
    }
  }
  void flush_() override {}
};

// ---------------------------------------------------------------------------------------------
// Receiving side: one gloox::Client per sampled agent, on its own thread.

constexpr char kPubsubEventFilter[] = "/message/event[@xmlns='http://jabber.org/protocol/pubsub#event']";
using RawPubsubEvent = fgw::component::RawChild<gloox::ExtUser + 215, kPubsubEventFilter>;

std::string text_content(const gloox::Tag* tag) {
  std::string out = tag->cdata();
  for (const auto* child : tag->children()) out += text_content(child);
  return out;
}

std::string request_id_of(const std::string& text) {
  const auto b = text.find("<requestId>");
  if (b == std::string::npos) return {};
  const auto e = text.find("</requestId>", b);
  return e == std::string::npos ? std::string() : text.substr(b + 11, e - b - 11);
}

struct Received {
  std::string request_id;
  Clock::time_point at;
};

class Receiver : gloox::ConnectionListener, gloox::MessageHandler, gloox::EventHandler, gloox::IqHandler {
 public:
  Receiver(const xh::XmppServer& server, const std::string& user, const std::string& password)
      : domain_(server.domain()), pubsub_(server.pubsub()), user_node_("/finesse/api/User/" + user) {
    client_ = std::make_unique<gloox::Client>(gloox::JID(user + "@" + server.domain() + "/bench"), password, server.c2s_port());
    client_->setServer("127.0.0.1");
    client_->setTls(gloox::TLSDisabled);
    client_->setCompression(false);
    client_->registerConnectionListener(this);
    client_->registerMessageHandler(this);
    client_->registerStanzaExtension(new RawPubsubEvent());
    thread_ = std::thread([this] { run(); });
  }
  ~Receiver() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  bool wait_connected(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!connected_ && !failed_ && Clock::now() < deadline) std::this_thread::sleep_for(10ms);
    return connected_;
  }
  // Client-side subscription (what a supervisor does for a Team node); waits for the result.
  bool subscribe(const std::string& node) {
    {
      std::lock_guard lock(mutex_);
      subscribe_node_ = node;
    }
    const auto deadline = Clock::now() + 20s;
    while (!subscribed_ && Clock::now() < deadline) std::this_thread::sleep_for(10ms);
    return subscribed_;
  }
  std::vector<Received> take() {
    std::lock_guard lock(mutex_);
    std::vector<Received> out;
    out.swap(received_);
    return out;
  }
  std::uint64_t user_events() const { return user_events_; }
  std::uint64_t ref_events() const { return ref_events_; }
  std::uint64_t team_events() const { return team_events_; }
  Clock::time_point last_event() const {
    std::lock_guard lock(mutex_);
    return last_;
  }

 private:
  void run() {
    if (!client_->connect(false)) {
      failed_ = true;
      return;
    }
    while (!stop_) {
      std::string node;
      {
        std::lock_guard lock(mutex_);
        node.swap(subscribe_node_);
      }
      if (!node.empty()) send_subscribe(node);
      if (client_->recv(100000) != gloox::ConnNoError) {
        failed_ = true;
        connected_ = false;
        return;
      }
    }
    client_->disconnect();
  }
  void send_subscribe(const std::string& node) {
    auto tag = std::make_unique<gloox::Tag>("pubsub");
    tag->setXmlns(fgw::component::kPubsubNs);
    auto* sub = new gloox::Tag(tag.get(), "subscribe");
    sub->addAttribute("node", node);
    sub->addAttribute("jid", client_->jid().full());
    gloox::IQ iq(gloox::IQ::Set, gloox::JID(pubsub_));
    iq.addExtension(new fgw::component::PrebuiltPayload(std::move(tag)));
    client_->send(iq, this, 1);
  }
  bool handleIq(const gloox::IQ&) override { return false; }
  void handleIqID(const gloox::IQ& iq, int) override {
    if (iq.subtype() == gloox::IQ::Result) subscribed_ = true;
    else std::fprintf(stderr, "subscribe failed: %s\n", iq.tag() ? iq.tag()->xml().c_str() : "?");
  }
  void onConnect() override { client_->xmppPing(gloox::JID(domain_), this); }
  void handleEvent(const gloox::Event& event) override {
    if (event.eventType() == gloox::Event::PingPong || event.eventType() == gloox::Event::PingError) connected_ = true;
  }
  void onDisconnect(gloox::ConnectionError) override {
    failed_ = true;
    connected_ = false;
  }
  bool onTLSConnect(const gloox::CertInfo&) override { return true; }
  void handleMessage(const gloox::Message& message, gloox::MessageSession*) override {
    const auto now = Clock::now();
    const auto* event = message.findExtension<RawPubsubEvent>(RawPubsubEvent::kType);
    if (!event || !event->raw()) return;
    const auto* items = event->raw()->findChild("items");
    if (!items) return;
    const std::string node = items->findAttribute("node");
    std::lock_guard lock(mutex_);
    last_ = now;
    for (const auto* item : items->findChildren("item")) {
      if (node == user_node_) {
        ++user_events_;
        const auto id = request_id_of(text_content(item));
        if (!id.empty() && id[0] == 's') received_.push_back({id, now});
      } else if (node.rfind("/bench/ref/User/", 0) == 0) {
        ++ref_events_;
        received_.push_back({request_id_of(text_content(item)), now});
      } else if (node.rfind("/finesse/api/Team/", 0) == 0) {
        ++team_events_;
      }
    }
  }

  const std::string domain_, pubsub_, user_node_;
  std::unique_ptr<gloox::Client> client_;
  std::thread thread_;
  std::atomic<bool> stop_{false}, connected_{false}, failed_{false}, subscribed_{false};
  mutable std::mutex mutex_;
  std::string subscribe_node_;
  std::vector<Received> received_;
  Clock::time_point last_{};
  std::atomic<std::uint64_t> user_events_{0}, ref_events_{0}, team_events_{0};
};

// ---------------------------------------------------------------------------------------------
// The reference: a bare gloox Component on the second component domain, used from one thread
// at a time (the main thread), publishing pre-built stanzas.

class BareComponent : gloox::ConnectionListener, gloox::IqHandler {
 public:
  BareComponent(const xh::XmppServer& server)
      : name_(server.component2()), pubsub_(server.pubsub()),
        c_(gloox::XMLNS_COMPONENT_ACCEPT, "127.0.0.1", server.component2(), server.secret(), server.component2_port()) {
    c_.setTls(gloox::TLSDisabled);
    c_.registerConnectionListener(this);
    if (!c_.connect(false)) throw std::runtime_error("reference component cannot connect");
    const auto deadline = Clock::now() + 20s;
    while (!connected_ && Clock::now() < deadline)
      if (c_.recv(10000) != gloox::ConnNoError) throw std::runtime_error("reference component link failed");
    if (!connected_) throw std::runtime_error("reference component: no handshake");
  }
  ~BareComponent() { c_.disconnect(); }

  // Sends every payload with at most `window` outstanding, until all are answered.
  void run_window(const std::vector<std::unique_ptr<gloox::Tag>>& payloads, std::size_t window) {
    const std::uint64_t base = acked_;
    std::size_t sent = 0;
    while (acked_ - base < payloads.size()) {
      while (sent < payloads.size() && sent - (acked_ - base) < window) {
        auto iq = fgw::component::pubsub_set(name_, pubsub_, std::unique_ptr<gloox::Tag>(payloads[sent]->clone()));
        c_.send(*iq, this, 0);
        ++sent;
      }
      pump(1000);
    }
  }

  // Paced: tick i at origin + i/rate publishes make(i) (one or more payloads); returns send times.
  std::vector<Clock::time_point> run_paced(int rate, Clock::duration duration, std::uint64_t first_tick,
                                           const std::function<std::vector<std::unique_ptr<gloox::Tag>>(std::uint64_t)>& make) {
    const auto period = std::chrono::nanoseconds(1'000'000'000LL / rate);
    const auto origin = Clock::now();
    const auto ticks = static_cast<std::uint64_t>(duration / period);
    std::vector<Clock::time_point> sent_at;
    const std::uint64_t base = acked_;
    std::uint64_t sent = 0;
    for (std::uint64_t i = 0; i < ticks && !g_interrupted; ++i) {
      const auto due = origin + i * period;
      auto payloads = make(first_tick + i);  // built before the due time: pre-built stanzas
      for (;;) {
        const auto now = Clock::now();
        if (now >= due) break;
        pump(static_cast<int>(std::min<long long>(1000, std::chrono::duration_cast<std::chrono::microseconds>(due - now).count())));
      }
      sent_at.push_back(Clock::now());
      for (auto& p : payloads) {
        auto iq = fgw::component::pubsub_set(name_, pubsub_, std::move(p));
        c_.send(*iq, this, 0);
        ++sent;
      }
    }
    const auto deadline = Clock::now() + 20s;
    while (acked_ - base < sent && Clock::now() < deadline) pump(1000);
    return sent_at;
  }

  // Max rate: keeps `window` outstanding for `duration`; returns acks per second.
  double max_rate(std::size_t window, Clock::duration duration, const std::function<std::unique_ptr<gloox::Tag>(std::uint64_t)>& make,
                  std::uint64_t* acked_out) {
    const std::uint64_t base = acked_;
    std::uint64_t sent = 0;
    const auto start = Clock::now();
    while (Clock::now() - start < duration && !g_interrupted) {
      while (sent - (acked_ - base) < window) {
        auto iq = fgw::component::pubsub_set(name_, pubsub_, make(sent));
        c_.send(*iq, this, 0);
        ++sent;
      }
      pump(1000);
    }
    const auto deadline = Clock::now() + 20s;
    while (acked_ - base < sent && Clock::now() < deadline) pump(1000);
    const double s = secs(Clock::now() - start);
    *acked_out = acked_ - base;
    return (acked_ - base) / s;
  }
  std::uint64_t errors() const { return errors_; }
  void pump(int us) {
    if (c_.recv(us) != gloox::ConnNoError) throw std::runtime_error("reference component link failed");
  }

 private:
  void onConnect() override { connected_ = true; }
  void onDisconnect(gloox::ConnectionError e) override {
    connected_ = false;
    std::fprintf(stderr, "reference component disconnected (%d)\n", static_cast<int>(e));
  }
  bool onTLSConnect(const gloox::CertInfo&) override { return false; }
  bool handleIq(const gloox::IQ&) override { return false; }
  void handleIqID(const gloox::IQ& iq, int) override {
    ++acked_;
    if (iq.subtype() != gloox::IQ::Result) {
      if (++errors_ < 5) std::fprintf(stderr, "reference IQ error: %s\n", iq.tag() ? iq.tag()->xml().c_str() : "?");
    }
  }

  std::string name_, pubsub_;
  gloox::Component c_;
  bool connected_ = false;
  std::uint64_t acked_ = 0, errors_ = 0;
};

// ---------------------------------------------------------------------------------------------

struct Agent {
  std::string id;
  std::string auth;  // "Authorization: Basic ...\r\n"
  bool ready = false;
};

std::string state_body(bool ready) { return std::string("<User><state>") + (ready ? "READY" : "NOT_READY") + "</state></User>"; }

// Watchdog: a child that stops the server when this process is gone, however it went.
// work_dir: the bench's own files (directory, store), removed too.
void start_watchdog(const std::string& state_dir, const std::string& work_dir) {
  int fds[2];
  if (pipe(fds) != 0) return;
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[1]);
    setsid();
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    char c;
    while (read(fds[0], &c, 1) > 0) {
    }
    const std::string launcher = xh::launcher_path().string();
    if (access((state_dir + "/server.env").c_str(), F_OK) == 0) {
      const pid_t stopper = fork();
      if (stopper == 0) {
        execl(launcher.c_str(), launcher.c_str(), "stop", state_dir.c_str(), static_cast<char*>(nullptr));
        _exit(127);
      }
      int status = 0;
      if (stopper > 0) waitpid(stopper, &status, 0);
    }
    std::error_code ignored;
    std::filesystem::remove_all(state_dir, ignored);
    std::filesystem::remove_all(work_dir, ignored);
    _exit(0);
  }
  close(fds[0]);
  fcntl(fds[1], F_SETFD, FD_CLOEXEC);  // held by this process only
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const int v = std::atoi(argv[i + 1]);
    if (k == "--agents") o.agents = v;
    else if (k == "--sample") o.sample = v;
    else if (k == "--rate") o.rate = v;
    else if (k == "--bg-rate") o.bg_rate = v;
    else if (k == "--seconds") o.seconds = v;
    else if (k == "--chunk") o.chunk = v;
    else if (k == "--connections") o.connections = v;
    else if (k == "--team-size") o.team_size = v;
    else if (k == "--window") o.window = v;
    else if (k == "--put-cap") o.put_cap = v;
    else if (k == "--ref-matched") o.ref_matched = v;
    else if (k == "--nodelay") o.nodelay = v;
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      std::exit(2);
    }
  }
  o.sample = std::min(o.sample, o.agents);
  return o;
}

int run(const Options& o);

}  // namespace

// ---------------------------------------------------------------------------------------------
// Wire tap (timing inside without touching gateway code): this executable interposes send() and
// recv(), which gloox uses for the component socket, and timestamps the gateway's publish IQ of
// every sampled requestId as it goes on the wire and its IQ result as it comes back.
namespace wiretap {
std::atomic<bool> on{false};
// Experiment (--nodelay 1): TCP_NODELAY on the gateway's component socket, set from here.
std::atomic<bool> nodelay{false};
std::atomic<int> nodelay_fd{-1};
// Every stanza the gateway's component sends while the tap is on, by kind, and its IQ answers.
std::atomic<std::uint64_t> sent_user{0}, sent_team{0}, sent_other{0}, results{0}, errors{0};
std::mutex mutex;
std::unordered_map<std::string, std::string> iq_to_request;  // gateway IQ id -> requestId
std::unordered_map<std::string, Clock::time_point> wire, ack;  // requestId -> time (User node IQ)
std::unordered_map<std::string, Clock::time_point> team_wire, team_ack;  // the same PUT's Team node IQ

void on_send(const char* data, std::size_t len) {
  static const char kFrom[] = "from='finesse.localhost' id='";
  static const char kReq[] = "requestId&gt;s";
  const void* from = memmem(data, len, kFrom, sizeof kFrom - 1);
  if (!from) {
    if (memmem(data, len, "from='finesse", 13) != nullptr) ++sent_other;
    return;
  }
  if (memmem(data, len, "publish node='/finesse/api/Team/", 32) != nullptr) ++sent_team;
  else if (memmem(data, len, "publish node='/finesse/api/User/", 32) != nullptr) ++sent_user;
  else ++sent_other;
  const char* req = static_cast<const char*>(memmem(data, len, kReq, sizeof kReq - 1));
  if (!req) return;
  const auto now = Clock::now();
  const char* id = static_cast<const char*>(from) + sizeof kFrom - 1;
  const char* id_end = static_cast<const char*>(memchr(id, '\'', static_cast<std::size_t>(data + len - id)));
  const char* r = req + sizeof kReq - 2;  // keep the 's'
  const char* r_end = static_cast<const char*>(memchr(r, '&', static_cast<std::size_t>(data + len - r)));
  if (!id_end || !r_end) return;
  static const char kTeam[] = "publish node='/finesse/api/Team/";
  const bool team = memmem(data, len, kTeam, sizeof kTeam - 1) != nullptr;
  std::string request(r, r_end);
  if (team) request += "/team";
  std::lock_guard lock(mutex);
  iq_to_request[std::string(id, id_end)] = request;
  (team ? team_wire : wire)[request] = now;
}

void on_recv(const char* data, std::size_t len) {
  static const char kResult[] = "to='finesse.localhost' from='pubsub.localhost' type='result' id='";
  const char* p = data;
  const char* end = data + len;
  bool any = false;
  Clock::time_point now;
  for (const char* q = data; (q = static_cast<const char*>(memmem(q, static_cast<std::size_t>(end - q),
                                                                    "to='finesse.localhost' from='pubsub.localhost' type='error'", 58)));
       ++q)
    ++errors;
  while (p < end) {
    const char* hit = static_cast<const char*>(memmem(p, static_cast<std::size_t>(end - p), kResult, sizeof kResult - 1));
    if (!hit) break;
    if (!any) {
      now = Clock::now();
      any = true;
    }
    ++results;
    const char* id = hit + sizeof kResult - 1;
    const char* id_end = static_cast<const char*>(memchr(id, '\'', static_cast<std::size_t>(end - id)));
    if (!id_end) break;
    std::lock_guard lock(mutex);
    const auto it = iq_to_request.find(std::string(id, id_end));
    if (it != iq_to_request.end()) {
      if (it->second.size() > 5 && it->second.compare(it->second.size() - 5, 5, "/team") == 0) team_ack[it->second] = now;
      else ack[it->second] = now;
    }
    p = id_end;
  }
}
}  // namespace wiretap

extern "C" ssize_t send(int fd, const void* buf, size_t len, int flags) {
  using Fn = ssize_t (*)(int, const void*, size_t, int);
  static const Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "send"));
  if (wiretap::nodelay.load(std::memory_order_relaxed) && wiretap::nodelay_fd.load() != fd &&
      memmem(buf, len, "from='finesse.localhost'", 24) != nullptr) {
    int one = 1;
    if (::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0) {
      wiretap::nodelay_fd = fd;
      std::fprintf(stderr, "experiment: TCP_NODELAY set on the gateway's component socket (fd %d)\n", fd);
    }
  }
  if (wiretap::on.load(std::memory_order_relaxed)) wiretap::on_send(static_cast<const char*>(buf), len);
  return real(fd, buf, len, flags);
}
extern "C" ssize_t recv(int fd, void* buf, size_t len, int flags) {
  using Fn = ssize_t (*)(int, void*, size_t, int);
  static const Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "recv"));
  const ssize_t n = real(fd, buf, len, flags);
  if (n > 0 && wiretap::on.load(std::memory_order_relaxed)) wiretap::on_recv(static_cast<const char*>(buf), static_cast<std::size_t>(n));
  return n;
}

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  signal(SIGPIPE, SIG_IGN);
  struct sigaction sa {};
  sa.sa_handler = [](int) { g_interrupted = true; };
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  try {
    return run(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "xmpp_bench failed: %s\n", e.what());
    return 1;
  }
}

namespace {

int run(const Options& o) {
  const auto t_begin = Clock::now();
  wiretap::nodelay = o.nodelay != 0;
  auto sink = std::make_shared<CaptureSink>();
  auto logger = std::make_shared<spdlog::logger>("gateway", sink);
  logger->set_level(spdlog::level::info);
  spdlog::set_default_logger(logger);

  std::printf("xmpp_bench: agents %d, sample %d, rate %d/s, background %d/s, seconds %d (chunks of %d), connections %d, "
              "team size %d, window %d; load average %s\n",
              o.agents, o.sample, o.rate, o.bg_rate, o.seconds, o.chunk, o.connections, o.team_size, o.window,
              load_average().c_str());

  // --- ejabberd ---------------------------------------------------------------------------------
  xh::ServerOptions server_options;
  server_options.component2 = "ref.localhost";
  xh::XmppServer server(xh::ServerKind::ejabberd, server_options);
  const auto work = std::filesystem::path(server.state_dir()).parent_path() /
                    ("fgw-xbench-" + std::to_string(getpid()));
  start_watchdog(server.state_dir().string(), work.string());
  {
    const auto env = server.env();
    if (auto it = env.find("PID"); it != env.end()) g_beam_pid = std::atoi(it->second.c_str());
  }
  std::printf("ejabberd up in %.1f s (beam pid %d), c2s %u, component %u, component2 %u, http %u\n",
              secs(Clock::now() - t_begin), g_beam_pid, server.c2s_port(), server.component_port(),
              server.component2_port(), server.http_port());

  // --- directory and accounts ------------------------------------------------------------------
  std::vector<Agent> agents(o.agents);
  const int teams = (o.agents + o.team_size - 1) / o.team_size;
  const std::string supervisor_id = "9000";
  std::ostringstream dir;
  for (int t = 0; t < teams; ++t) dir << "[[team]]\nid = \"t" << t << "\"\nname = \"Team " << t << "\"\n";
  for (int i = 0; i < o.agents; ++i) {
    agents[i].id = std::to_string(10000 + i);
    agents[i].auth = "Authorization: Basic " + base64(agents[i].id + ":pw" + agents[i].id) + "\r\n";
    dir << "[[user]]\nid = \"" << agents[i].id << "\"\nlogin_name = \"" << agents[i].id << "\"\npassword = \"pw"
        << agents[i].id << "\"\nextension = \"" << agents[i].id << "\"\nroles = [\"Agent\"]\nteam = \"t" << i / o.team_size
        << "\"\n";
  }
  dir << "[[user]]\nid = \"" << supervisor_id << "\"\nlogin_name = \"super\"\npassword = \"pwsuper\"\nroles = [\"Agent\", "
      << "\"Supervisor\"]\nteam = \"t0\"\nsupervises = [\"t0\"]\n";
  std::filesystem::create_directories(work);
  struct RemoveWork {
    std::filesystem::path p;
    ~RemoveWork() {
      std::error_code ec;
      std::filesystem::remove_all(p, ec);
    }
  } remove_work{work};
  std::ofstream(work / "directory.toml") << dir.str();

  // Sample: spread over the directory, the last agent included (its nodes are bootstrapped last).
  std::vector<int> sample;
  for (int k = 0; k < o.sample; ++k)
    sample.push_back(o.sample == 1 ? o.agents - 1 : static_cast<int>((static_cast<long long>(k) * (o.agents - 1)) / (o.sample - 1)));
  std::vector<char> in_sample(o.agents, 0);
  for (int s : sample) in_sample[s] = 1;
  std::vector<int> others;
  for (int i = 0; i < o.agents; ++i)
    if (!in_sample[i]) others.push_back(i);

  {
    const auto t0 = Clock::now();
    std::atomic<int> next{0}, failures{0};
    std::vector<std::thread> threads;
    for (int c = 0; c < 8; ++c)
      threads.emplace_back([&] {
        HttpConn conn(server.http_port());
        for (int i; (i = next++) <= o.agents;) {
          const std::string user = i < o.agents ? agents[i].id : "super";
          const std::string password = i < o.agents ? "pw" + agents[i].id : "pwsuper";
          const std::string body = "{\"user\":\"" + (i < o.agents ? user : supervisor_id) + "\",\"host\":\"" +
                                   server.domain() + "\",\"password\":\"" + (i < o.agents ? password : "pwsuper") + "\"}";
          std::string reply;
          if (conn.request("POST", "/api/register", "Content-Type: application/json\r\n", body, &reply) != 200) {
            if (++failures < 3) std::fprintf(stderr, "register %s: %s\n", user.c_str(), reply.c_str());
          }
        }
      });
    for (auto& t : threads) t.join();
    std::printf("accounts: %d registered over mod_http_api (8 parallel keep-alive connections) in %.1f s, %d failures\n",
                o.agents + 1, secs(Clock::now() - t0), failures.load());
    if (failures > 0) throw std::runtime_error("account registration failed");
  }

  // --- reference nodes (the bare component on component2) --------------------------------------
  BareComponent reference(server);
  {
    const auto t0 = Clock::now();
    // The same node shapes as the gateway's plan: a User node per agent with the agent as member
    // and subscriber, a Team node per team with its agents (and, for t0, the supervisor) as members.
    std::vector<std::unique_ptr<gloox::Tag>> creates, subs;
    std::vector<std::vector<std::string>> team_members(teams);
    team_members[0].push_back(supervisor_id + "@" + server.domain());
    for (int i = 0; i < o.agents; ++i) {
      const std::string node = "/bench/ref/User/" + agents[i].id;
      const std::string jid = agents[i].id + "@" + server.domain();
      creates.push_back(fgw::component::create_node_payload(node));
      subs.push_back(fgw::component::member_affiliations_payload(node, {jid}));
      subs.push_back(fgw::component::owner_subscriptions_payload(node, {jid}));
      team_members[i / o.team_size].push_back(jid);
    }
    for (int t = 0; t < teams; ++t) {
      const std::string node = "/bench/ref/Team/t" + std::to_string(t);
      creates.push_back(fgw::component::create_node_payload(node));
      subs.push_back(fgw::component::member_affiliations_payload(node, team_members[t]));
    }
    reference.run_window(creates, 64);
    reference.run_window(subs, 64);
    std::printf("reference component %s: %zu nodes created + %zu affiliation/subscription IQs in %.2f s (%llu IQ errors)\n",
                server.component2().c_str(), creates.size(), subs.size(), secs(Clock::now() - t0),
                static_cast<unsigned long long>(reference.errors()));
  }

  // --- the gateway -----------------------------------------------------------------------------
  Observer observer;
  const std::string toml =
      "[http]\nlisten = \"127.0.0.1:0\"\n"
      "[store]\npath = \"" + (work / "finesse.db").string() + "\"\n"
      "[directory]\npath = \"" + (work / "directory.toml").string() + "\"\n"
      "[auth]\npassword_hash_cost = \"minimal\"\n"
      "[cti]\nsimulator = true\nside_a = \"127.0.0.1:" + std::to_string(xh::free_port()) + "\"\n"
      "simulator_control = \"127.0.0.1:" + std::to_string(xh::free_port()) + "\"\nsimulator_wrap_up_s = 0\n"
      "[xmpp]\nenabled = true\nserver = \"127.0.0.1:" + std::to_string(server.component_port()) + "\"\n"
      "component = \"" + server.component() + "\"\nsecret = \"" + server.secret() + "\"\n"
      "domain = \"" + server.domain() + "\"\npubsub = \"" + server.pubsub() + "\"\n";
  const auto t_daemon = Clock::now();
  auto daemon = std::make_unique<fgw::daemon::Daemon>(fgw::config::parse_daemon_config(toml, "bench"), &observer);
  std::thread daemon_thread([&] { daemon->run(); });
  struct StopDaemon {
    std::unique_ptr<fgw::daemon::Daemon>& d;
    std::thread& t;
    ~StopDaemon() {
      if (d) d->stop();
      if (t.joinable()) t.join();
      d.reset();
    }
  } stop_daemon{daemon, daemon_thread};

  while (daemon->http_port() == 0) std::this_thread::sleep_for(5ms);
  const std::uint16_t port = daemon->http_port();
  {
    HttpConn conn(port);
    const auto deadline = Clock::now() + 120s;
    while (conn.request("GET", "/health", "", "") != 200) {
      if (Clock::now() > deadline || g_interrupted) throw std::runtime_error("gateway not IN_SERVICE within 120 s");
      std::this_thread::sleep_for(20ms);
    }
    std::printf("gateway IN_SERVICE (GET /health 200) %.2f s after start\n", secs(Clock::now() - t_daemon));
  }

  // --- receivers -------------------------------------------------------------------------------
  std::vector<std::unique_ptr<Receiver>> receivers;
  {
    const auto t0 = Clock::now();
    for (int s : sample) receivers.push_back(std::make_unique<Receiver>(server, agents[s].id, "pw" + agents[s].id));
    for (auto& r : receivers)
      if (!r->wait_connected(60s)) throw std::runtime_error("a sampled agent's XMPP session did not come up");
    std::printf("%zu sampled agents' c2s sessions up in %.2f s\n", receivers.size(), secs(Clock::now() - t0));
  }
  auto supervisor = std::make_unique<Receiver>(server, supervisor_id, "pwsuper");
  if (!supervisor->wait_connected(30s)) throw std::runtime_error("supervisor session did not come up");

  // --- sign in everybody -----------------------------------------------------------------------
  {
    const auto t0 = Clock::now();
    std::atomic<int> next{0}, bad{0};
    std::vector<std::thread> threads;
    for (int c = 0; c < 4; ++c)
      threads.emplace_back([&] {
        HttpConn conn(port);
        for (int i; (i = next++) < o.agents;) {
          std::string reply;
          const int st = conn.request("PUT", "/finesse/api/User/" + agents[i].id,
                                      agents[i].auth + "Content-Type: application/xml\r\nrequestId: login" + std::to_string(i) + "\r\n",
                                      "<User><state>LOGIN</state><extension>" + agents[i].id + "</extension></User>", &reply);
          if (st != 202 && ++bad < 3) std::fprintf(stderr, "LOGIN %s: %d %s\n", agents[i].id.c_str(), st, reply.c_str());
        }
      });
    for (auto& t : threads) t.join();
    const double signin = secs(Clock::now() - t0);
    // Every sampled agent (the last directory entry included) sees its NOT_READY: bootstrap is done
    // and the queue drained.
    const auto deadline = Clock::now() + 120s;
    bool all = false;
    while (!all && Clock::now() < deadline && !g_interrupted) {
      all = true;
      for (auto& r : receivers) all = all && r->user_events() >= 1;
      if (!all) std::this_thread::sleep_for(20ms);
    }
    std::printf("sign-in: %d PUT LOGIN over 4 keep-alive connections in %.2f s (%.0f/s, %d not 202); every sampled agent "
                "received its NOT_READY %.2f s after the first LOGIN: %s\n",
                o.agents, signin, o.agents / signin, bad.load(), secs(Clock::now() - t0), all ? "yes" : "NO");
    if (sink->bootstrapped)
      std::printf("gateway log: \"%s\" (%.2f s after the daemon started)\n", sink->bootstrap_line.c_str(),
                  secs(sink->bootstrap_at - t_daemon));
    if (!all || bad > 0) throw std::runtime_error("sign-in incomplete");
  }
  if (!supervisor->subscribe("/finesse/api/Team/t0/Users")) throw std::runtime_error("supervisor could not subscribe");
  for (auto& r : receivers) r->take();

  // --- background load: toggles of all other agents at bg_rate ---------------------------------
  std::atomic<bool> bg_stop{false}, bg_paused{false};
  std::atomic<std::uint64_t> bg_sent{0}, bg_bad{0};
  std::vector<std::thread> bg_threads;
  const int bg_conns = 2;
  if (o.bg_rate > 0 && !others.empty()) {
    for (int c = 0; c < bg_conns; ++c)
      bg_threads.emplace_back([&, c] {
        HttpConn conn(port);
        const auto period = std::chrono::nanoseconds(1'000'000'000LL / o.bg_rate);
        const auto origin = Clock::now();
        for (std::uint64_t i = 0; !bg_stop && !g_interrupted; ++i) {
          const int a = others[i % others.size()];
          if (a % bg_conns != c) continue;
          std::this_thread::sleep_until(origin + i * period);
          if (bg_paused) continue;
          Agent& agent = agents[a];
          agent.ready = !agent.ready;
          const int st = conn.request("PUT", "/finesse/api/User/" + agent.id,
                                      agent.auth + "Content-Type: application/xml\r\nrequestId: b" + std::to_string(i) + "\r\n",
                                      state_body(agent.ready));
          ++bg_sent;
          if (st != 202) ++bg_bad;
        }
      });
  }

  // --- 1. latency: gateway vs reference, alternating chunks ------------------------------------
  struct Sent {
    int agent;
    Clock::time_point send, reply;
    int status;
  };
  std::mutex sent_mutex;
  std::map<std::string, Sent> gw_sent;  // requestId -> send
  std::uint64_t gw_tick = 0;
  auto gateway_chunk = [&](Clock::duration duration) {
    const int conns = std::min<int>(5, static_cast<int>(sample.size()));
    const auto period = std::chrono::nanoseconds(1'000'000'000LL / o.rate);
    const auto ticks = static_cast<std::uint64_t>(duration / period);
    const auto origin = Clock::now() + 5ms;
    const std::uint64_t first = gw_tick;
    std::vector<std::thread> threads;
    for (int c = 0; c < conns; ++c)
      threads.emplace_back([&, c] {
        HttpConn conn(port);
        for (std::uint64_t i = 0; i < ticks && !g_interrupted; ++i) {
          const std::uint64_t tick = first + i;
          const int k = static_cast<int>(tick % sample.size());
          if (k % conns != c) continue;
          std::this_thread::sleep_until(origin + i * period);
          Agent& agent = agents[sample[k]];
          agent.ready = !agent.ready;
          const std::string id = "s" + std::to_string(tick);
          const std::string headers = agent.auth + "Content-Type: application/xml\r\nrequestId: " + id + "\r\n";
          const std::string body = state_body(agent.ready);
          const auto t0 = Clock::now();
          const int st = conn.request("PUT", "/finesse/api/User/" + agent.id, headers, body);
          const auto t1 = Clock::now();
          std::lock_guard lock(sent_mutex);
          gw_sent[id] = {sample[k], t0, t1, st};
        }
      });
    for (auto& t : threads) t.join();
    gw_tick += ticks;
  };

  // The reference publishes what the gateway publishes per PUT: the agent's User update (to a node
  // the agent is subscribed to) and the Team update, with the gateway's own payloads.
  observer.want_payloads_ = true;
  gateway_chunk(200ms);  // warm-up, also captures the real payloads
  std::this_thread::sleep_for(300ms);
  auto [user_payload, team_payload] = observer.payloads();
  observer.want_payloads_ = false;
  if (user_payload.empty() || team_payload.empty()) throw std::runtime_error("no payload captured from the gateway");
  std::printf("gateway payloads: User update %zu bytes, Team update %zu bytes (escaped on the wire)\n", user_payload.size(),
              team_payload.size());
  auto with_request_id = [](const std::string& payload, const std::string& id) {
    const auto b = payload.find("<requestId>");
    const auto e = payload.find("</requestId>");
    if (b == std::string::npos || e == std::string::npos) return payload;
    return payload.substr(0, b + 11) + id + payload.substr(e);
  };
  {
    std::lock_guard lock(sent_mutex);
    gw_sent.clear();
  }
  for (auto& r : receivers) r->take();

  std::map<std::string, Clock::time_point> ref_sent;
  std::uint64_t ref_tick = 0;
  auto reference_chunk = [&](Clock::duration duration) {
    const std::uint64_t first = ref_tick;
    std::uint64_t built = first;
    auto times = reference.run_paced(o.rate, duration, first, [&](std::uint64_t tick) {
      built = tick;
      const int k = static_cast<int>(tick % sample.size());
      const std::string id = "r" + std::to_string(tick);
      std::vector<std::unique_ptr<gloox::Tag>> out;
      out.push_back(fgw::component::publish_payload("/bench/ref/User/" + agents[sample[k]].id, "ref-" + std::to_string(tick),
                                                    with_request_id(user_payload, id)));
      out.push_back(fgw::component::publish_payload("/bench/ref/Team/t" + std::to_string(sample[k] / o.team_size),
                                                    "reft-" + std::to_string(tick), with_request_id(team_payload, id)));
      if (o.ref_matched && !others.empty()) {
        for (int x = 0; x < std::max(1, o.bg_rate / o.rate); ++x) {
          const int a = others[(tick * std::max(1, o.bg_rate / o.rate) + x) % others.size()];
          const std::string bid = "q" + std::to_string(tick) + "-" + std::to_string(x);
          out.push_back(fgw::component::publish_payload("/bench/ref/User/" + agents[a].id, bid, with_request_id(user_payload, bid)));
          out.push_back(fgw::component::publish_payload("/bench/ref/Team/t" + std::to_string(a / o.team_size), bid + "t",
                                                        with_request_id(team_payload, bid)));
        }
      }
      return out;
    });
    for (std::size_t i = 0; i < times.size(); ++i) ref_sent["r" + std::to_string(first + i)] = times[i];
    ref_tick = first + times.size();
    (void)built;
  };

  std::vector<Received> received;
  auto collect = [&] {
    for (auto& r : receivers)
      for (auto& e : r->take()) received.push_back(std::move(e));
  };

  wiretap::on = true;
  const auto latency_cpu = cpu_mark();
  const std::string load_before = load_average();
  const int rounds = std::max(1, o.seconds / std::max(1, o.chunk));
  CpuMark gw_cpu_sum{}, ref_cpu_sum{};
  double gw_wall = 0, ref_wall = 0, gw_beam = 0, gw_self = 0, ref_beam = 0, ref_self = 0;
  for (int round = 0; round < rounds && !g_interrupted; ++round) {
    auto a = cpu_mark();
    gateway_chunk(std::chrono::seconds(o.chunk));
    std::this_thread::sleep_for(200ms);  // the last events arrive
    auto b = cpu_mark();
    if (o.ref_matched) bg_paused = true;
    reference_chunk(std::chrono::seconds(o.chunk));
    std::this_thread::sleep_for(200ms);
    bg_paused = false;
    auto c = cpu_mark();
    gw_wall += secs(b.at - a.at);
    gw_beam += b.beam - a.beam;
    gw_self += b.self - a.self;
    ref_wall += secs(c.at - b.at);
    ref_beam += c.beam - b.beam;
    ref_self += c.self - b.self;
    collect();
  }
  (void)gw_cpu_sum;
  (void)ref_cpu_sum;
  std::this_thread::sleep_for(500ms);
  collect();
  const std::string load_after = load_average();
  wiretap::on = false;
  const double tap_s = secs(Clock::now() - latency_cpu.at);

  std::vector<double> desk_to_wire, wire_to_ack, wire_to_client, ack_to_client, desk_to_team_wire, team_wire_to_ack;
  std::vector<double> gw_lat, gw_reply, gw_desk, gw_desk_to_client, ref_lat;
  std::size_t gw_bad_status = 0, gw_missing = 0, ref_missing = 0;
  {
    std::unordered_map<std::string, Clock::time_point> got;
    for (const auto& e : received) got.emplace(e.request_id, e.at);
    for (const auto& [id, s] : gw_sent) {
      if (s.status != 202) ++gw_bad_status;
      gw_reply.push_back(ms(s.reply - s.send));
      Clock::time_point desk_at;
      const bool have_desk = observer.desk_time(id, &desk_at);
      if (have_desk) gw_desk.push_back(ms(desk_at - s.send));
      const auto it = got.find(id);
      if (it == got.end()) {
        ++gw_missing;
        continue;
      }
      gw_lat.push_back(ms(it->second - s.send));
      if (have_desk) gw_desk_to_client.push_back(ms(it->second - desk_at));
      std::lock_guard lock(wiretap::mutex);
      if (const auto tw = wiretap::team_wire.find(id + "/team"); tw != wiretap::team_wire.end()) {
        if (have_desk) desk_to_team_wire.push_back(ms(tw->second - desk_at));
        if (const auto ta = wiretap::team_ack.find(id + "/team"); ta != wiretap::team_ack.end())
          team_wire_to_ack.push_back(ms(ta->second - tw->second));
      }
      const auto w = wiretap::wire.find(id);
      if (w != wiretap::wire.end()) {
        if (have_desk) desk_to_wire.push_back(ms(w->second - desk_at));
        wire_to_client.push_back(ms(it->second - w->second));
        const auto a = wiretap::ack.find(id);
        if (a != wiretap::ack.end()) {
          wire_to_ack.push_back(ms(a->second - w->second));
          ack_to_client.push_back(ms(it->second - a->second));
        }
      }
    }
    for (const auto& [id, at] : ref_sent) {
      const auto it = got.find(id);
      if (it == got.end()) {
        ++ref_missing;
        continue;
      }
      ref_lat.push_back(ms(it->second - at));
    }
  }
  const auto gws = summarize(gw_lat), refs = summarize(ref_lat);
  std::printf("\n== 1. latency, %d PUT/s over %zu sampled agents (+%d PUT/s background over %zu others), %d x %d s per side; "
              "load average before %s, after %s\n",
              o.rate, sample.size(), o.bg_rate, others.size(), rounds, o.chunk, load_before.c_str(), load_after.c_str());
  std::printf("gateway   PUT -> event at client:        %s (%zu missing, %zu not 202)\n", fmt(gws).c_str(), gw_missing, gw_bad_status);
  std::printf("  of which PUT -> desk notification:     %s\n", fmt(summarize(gw_desk)).c_str());
  std::printf("  of which desk notification -> client:  %s\n", fmt(summarize(gw_desk_to_client)).c_str());
  std::printf("    desk -> publish IQ on the wire:      %s\n", fmt(summarize(desk_to_wire)).c_str());
  std::printf("    wire -> event at client:           %s\n", fmt(summarize(wire_to_client)).c_str());
  std::printf("    wire -> IQ result back at gateway: %s\n", fmt(summarize(wire_to_ack)).c_str());
  std::printf("  the same PUT's Team/{id}/Users update: desk -> on the wire %s\n", fmt(summarize(desk_to_team_wire)).c_str());
  std::printf("                                      wire -> IQ result %s\n", fmt(summarize(team_wire_to_ack)).c_str());
  std::printf("  PUT -> 202 reply:                      %s\n", fmt(summarize(gw_reply)).c_str());
  std::printf("  gateway component stream over the %.1f s: %.0f User publishes/s, %.0f Team publishes/s, %.0f other "
              "stanzas/s sent; %.0f IQ results/s, %llu IQ errors\n",
              tap_s, wiretap::sent_user / tap_s, wiretap::sent_team / tap_s, wiretap::sent_other / tap_s,
              wiretap::results / tap_s, static_cast<unsigned long long>(wiretap::errors.load()));
  std::printf("reference publish -> event at client:    %s (%zu missing)%s\n", fmt(refs).c_str(), ref_missing,
              o.ref_matched ? " [matched: the reference also carried the background's items, background paused]" : "");
  std::printf("difference gateway - reference: p50 %+.2f ms, p99 %+.2f ms (target p99 within 2 ms: %s)\n", gws.p50 - refs.p50,
              gws.p99 - refs.p99, gws.p99 - refs.p99 <= 2.0 ? "met" : "NOT met");
  std::printf("CPU while the gateway slices ran: beam %.2f cores, xmpp_bench %.2f cores; while the reference ran: beam %.2f, "
              "xmpp_bench %.2f\n",
              gw_beam / gw_wall, gw_self / gw_wall, ref_beam / ref_wall, ref_self / ref_wall);
  std::printf("background: %llu PUTs (%llu not 202)\n", static_cast<unsigned long long>(bg_sent.load()),
              static_cast<unsigned long long>(bg_bad.load()));
  (void)latency_cpu;

  bg_stop = true;
  for (auto& t : bg_threads) t.join();
  std::this_thread::sleep_for(1s);
  for (auto& r : receivers) r->take();

  // --- 2. sustained ----------------------------------------------------------------------------
  {
    std::vector<std::uint64_t> user_before;
    for (auto& r : receivers) user_before.push_back(r->user_events());
    const auto team_before = supervisor->team_events();
    const auto desk_before = observer.count();
    std::atomic<std::uint64_t> puts{0}, bad{0};
    std::vector<std::uint64_t> per_agent_puts(o.agents, 0);
    std::vector<double> reply_ms_all;
    std::mutex reply_mutex;
    const std::string load_s = load_average();
    const auto cpu0 = cpu_mark();
    const auto start = Clock::now();
    const auto end = start + std::chrono::seconds(o.seconds);
    std::vector<std::thread> threads;
    for (int c = 0; c < o.connections; ++c)
      threads.emplace_back([&, c] {
        HttpConn conn(port);
        std::vector<double> replies;
        std::uint64_t n = 0;
        while (Clock::now() < end && !g_interrupted) {
          for (int a = c; a < o.agents && Clock::now() < end; a += o.connections) {
            if (o.put_cap > 0)
              std::this_thread::sleep_until(start + std::chrono::nanoseconds(1'000'000'000LL * o.connections / o.put_cap) * n);
            Agent& agent = agents[a];
            agent.ready = !agent.ready;
            const auto t0 = Clock::now();
            const int st = conn.request("PUT", "/finesse/api/User/" + agent.id,
                                        agent.auth + "Content-Type: application/xml\r\nrequestId: x" + std::to_string(c) + "-" +
                                            std::to_string(n++) + "\r\n",
                                        state_body(agent.ready));
            replies.push_back(ms(Clock::now() - t0));
            ++puts;
            ++per_agent_puts[a];
            if (st != 202) ++bad;
          }
        }
        std::lock_guard lock(reply_mutex);
        reply_ms_all.insert(reply_ms_all.end(), replies.begin(), replies.end());
      });
    for (auto& t : threads) t.join();
    const auto stopped = Clock::now();
    const auto desk_window = observer.count() - desk_before;
    const auto cpu_window = cpu_since(cpu0);
    // Drain: the gateway answers 202 before the change has gone through CTI and the desk, so
    // notifications keep coming after the window. Wait until nothing new (desk notifications,
    // sampled deliveries, Team deliveries) for 3 s, at most 120 s.
    auto delivered_now = [&] {
      std::uint64_t d = 0;
      for (std::size_t k = 0; k < receivers.size(); ++k) d += receivers[k]->user_events() - user_before[k];
      return d;
    };
    std::uint64_t last_desk = observer.count(), last_delivered = delivered_now(), last_team = supervisor->team_events();
    Clock::time_point last_change = Clock::now(), last_desk_change = Clock::now();
    const auto deadline = stopped + 120s;
    while (Clock::now() - last_change < 3s && Clock::now() < deadline && !g_interrupted) {
      std::this_thread::sleep_for(50ms);
      const auto d = observer.count(), u = delivered_now(), t = supervisor->team_events();
      if (d != last_desk) last_desk_change = Clock::now();
      if (d != last_desk || u != last_delivered || t != last_team) last_change = Clock::now();
      last_desk = d;
      last_delivered = u;
      last_team = t;
    }
    const auto cpu_drain = cpu_since(cpu0);
    Clock::time_point last{};
    for (auto& r : receivers) last = std::max(last, r->last_event());
    const auto team_last = supervisor->last_event();
    last = std::max(last, team_last);
    const auto delivered = delivered_now();
    const auto team_got = supervisor->team_events() - team_before;
    const auto desk_total = observer.count() - desk_before;
    const int team0 = std::min(o.team_size, o.agents);
    // Every agent's User node and every team's Team node, estimated from the observed ones.
    const double est_user = static_cast<double>(delivered) * o.agents / static_cast<double>(sample.size());
    const double est_team = static_cast<double>(team_got) * static_cast<double>(o.agents) / team0;
    const double window_s = secs(stopped - start);
    const double drain_s = secs(last - start);
    std::printf("\n== 2. sustained, %d keep-alive connections, PUT toggles over all %d agents for %d s; load average %s at "
                "start, %s at end\n",
                o.connections, o.agents, o.seconds, load_s.c_str(), load_average().c_str());
    std::printf("PUTs accepted: %llu in %.2f s = %.0f PUT/s (%llu not 202); PUT -> 202 %s\n",
                static_cast<unsigned long long>(puts.load()), window_s, puts / window_s,
                static_cast<unsigned long long>(bad.load()), fmt(summarize(reply_ms_all)).c_str());
    std::printf("desk notifications: %llu during the window (%.0f/s), %llu in all; the last %.2f s after the window started\n",
                static_cast<unsigned long long>(desk_window), desk_window / window_s,
                static_cast<unsigned long long>(desk_total), secs(last_desk_change - start));
    std::printf("delivered: sampled User nodes %llu (x%d/%zu = %.0f est. over all User nodes), Team/t0 %llu (x%d/%d = %.0f "
                "est. over all Team nodes); the last %.2f s after the window started\n",
                static_cast<unsigned long long>(delivered), o.agents, sample.size(), est_user,
                static_cast<unsigned long long>(team_got), o.agents, team0, est_team, drain_s);
    std::printf("=> sustained notifications delivered by pubsub: %.0f/s (estimate %.0f / %.2f s from window start to the last "
                "delivery); desk notifications %.0f/s over the same span; %.1f%% of desk notifications delivered (the rest "
                "coalesced in the publish queue)\n",
                (est_user + est_team) / drain_s, est_user + est_team, drain_s, desk_total / drain_s,
                100.0 * (est_user + est_team) / std::max<std::uint64_t>(1, desk_total));
    std::printf("window %s\nwindow + drain %s\n", cpu_window.c_str(), cpu_drain.c_str());
  }

  // --- 2b. reference max rate --------------------------------------------------------------------
  {
    for (auto& r : receivers) r->take();
    std::vector<std::uint64_t> ref_before;
    for (auto& r : receivers) ref_before.push_back(r->ref_events());
    const std::string load_s = load_average();
    const auto cpu0 = cpu_mark();
    std::uint64_t acked = 0;
    const double rate = reference.max_rate(
        static_cast<std::size_t>(o.window), std::chrono::seconds(o.seconds),
        [&](std::uint64_t n) {
          const int a = static_cast<int>((n / 2) % o.agents);
          const std::string id = "m" + std::to_string(n);
          if (n % 2 == 0)
            return fgw::component::publish_payload("/bench/ref/User/" + agents[a].id, id, with_request_id(user_payload, id));
          return fgw::component::publish_payload("/bench/ref/Team/t" + std::to_string(a / o.team_size), id,
                                                 with_request_id(team_payload, id));
        },
        &acked);
    const auto cpu_window = cpu_since(cpu0);
    std::this_thread::sleep_for(1s);
    std::uint64_t got = 0;
    for (std::size_t k = 0; k < receivers.size(); ++k) got += receivers[k]->ref_events() - ref_before[k];
    std::printf("\n== 2b. reference: bare component, window %d, User+Team payloads alternating over all %d agents' nodes, "
                "%d s; load average %s at start, %s at end\n",
                o.window, o.agents, o.seconds, load_s.c_str(), load_average().c_str());
    std::printf("=> %llu publishes acked = %.0f publishes/s (%llu IQ errors); sampled clients received %llu ref events\n",
                static_cast<unsigned long long>(acked), rate, static_cast<unsigned long long>(reference.errors()),
                static_cast<unsigned long long>(got));
    std::printf("%s\n", cpu_window.c_str());
  }

  std::printf("\ngateway warnings/errors logged: %d; total run %.1f s\n", sink->warnings.load(), secs(Clock::now() - t_begin));
  supervisor.reset();
  receivers.clear();
  return g_interrupted ? 130 : 0;
}

}  // namespace
