#pragma once
// Support for the component's integration tests: a real ejabberd or Prosody started through
// deploy/xmpp/xmpp-server.sh on free loopback ports, and an in-process gloox::Client agent that
// records the pubsub events and the presence it receives.

#include <gloox/client.h>
#include <gloox/component.h>
#include <gloox/iq.h>
#include <gloox/iqhandler.h>
#include <gloox/connectionlistener.h>
#include <gloox/eventhandler.h>
#include <gloox/message.h>
#include <gloox/messagehandler.h>
#include <gloox/presence.h>
#include <gloox/presencehandler.h>
#include <gloox/subscription.h>
#include <gloox/subscriptionhandler.h>
#include <gloox/tag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#ifndef FGW_SOURCE_DIR
#error "FGW_SOURCE_DIR must point at the source tree"
#endif

#include "component/raw_child.hpp"
#include "component/stanzas.hpp"

namespace fgw::component::itest {

using namespace std::chrono_literals;

inline std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t length = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// Runs a shell command; returns its exit status and its stdout.
inline int run_command(const std::string& command, std::string* output = nullptr) {
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return -1;
  std::string text;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe)) text += buffer;
  const int status = ::pclose(pipe);
  if (output) *output = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class XmppServer {
 public:
  std::string kind;
  std::string domain = "finesse.test";
  std::string component = "gw.finesse.test";
  std::string pubsub = "pubsub.finesse.test";
  std::string secret = "gwsecret";
  std::uint16_t c2s_port = free_port();
  std::uint16_t component_port = free_port();
  std::uint16_t http_port = free_port();
  std::string state_dir;
  std::string component2;  // a second component domain (Prosody makes it a pubsub admin too)

  explicit XmppServer(std::string server_kind, std::string second_component = {})
      : kind(std::move(server_kind)), component2(std::move(second_component)) {
    char dir_template[] = "/tmp/fgw-comp-itest-XXXXXX";
    if (!::mkdtemp(dir_template)) throw std::runtime_error("mkdtemp failed");
    state_dir = dir_template;
    start();
  }
  ~XmppServer() {
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(state_dir, ignored);
  }

  void start() {
    std::string out;
    const auto command = script() + " start " + kind + " " + state_dir + " --domain " + domain + " --component " +
                         component + " --secret " + secret + " --pubsub " + pubsub +
                         " --c2s-port " + std::to_string(c2s_port) + " --component-port " +
                         std::to_string(component_port) + " --http-port " + std::to_string(http_port) +
                         (component2.empty() ? "" : " --component2 " + component2);
    if (run_command(command, &out) != 0 || out.find("ready") == std::string::npos)
      throw std::runtime_error("xmpp-server.sh start failed:\n" + out);
    running_ = true;
  }
  void stop() {
    if (!running_) return;
    run_command(script() + " stop " + state_dir);
    running_ = false;
  }
  void register_user(const std::string& user, const std::string& password) {
    std::string out;
    if (run_command(script() + " register " + state_dir + " " + user + " " + password, &out) != 0)
      throw std::runtime_error("register failed: " + out);
  }

 private:
  static std::string script() { return std::string(FGW_SOURCE_DIR) + "/deploy/xmpp/xmpp-server.sh"; }
  bool running_ = false;
};

struct PubsubEvent {
  std::string node;
  std::string item_id;
  std::string text;  // textContent of the item payload: what the Finesse EventTunnel reads
  std::chrono::steady_clock::time_point received;
};

struct PresenceSeen {
  std::string from;
  bool available;
  std::chrono::steady_clock::time_point received;
};

inline constexpr char kPubsubEventFilter[] = "/message/event[@xmlns='http://jabber.org/protocol/pubsub#event']";
using RawPubsubEvent = RawChild<gloox::ExtUser + 115, kPubsubEventFilter>;

// textContent as a DOM gives it, for the shapes seen here (text, or elements holding text): the
// element's own cdata, then its children's. (gloox hides the interleaving of text and elements.)
inline std::string text_content(const gloox::Tag* tag) {
  std::string out = tag->cdata();
  for (const auto* child : tag->children()) out += text_content(child);
  return out;
}

// An administrator's hand on the pubsub service: a bare gloox Component, on the calling thread,
// that sends one pubsub#owner request at a time and returns the reply as XML ("error: <condition>"
// for an error). It connects as `domain`: the gateway's own (while the gateway is stopped), or a
// second component that the server makes a pubsub admin.
class PubsubOwnerTool : gloox::ConnectionListener, gloox::IqHandler {
 public:
  PubsubOwnerTool(const XmppServer& server, const std::string& domain)
      : domain_(domain), pubsub_(server.pubsub),
        component_(gloox::XMLNS_COMPONENT_ACCEPT, "127.0.0.1", domain, server.secret, server.component_port) {
    component_.setTls(gloox::TLSDisabled);
    component_.setCompression(false);
    component_.registerConnectionListener(this);
    component_.registerStanzaExtension(new RawPubsubOwner());
    if (!component_.connect(false)) throw std::runtime_error("owner tool: TCP connect failed");
    if (!pump_until([&] { return connected_; })) throw std::runtime_error("owner tool: no handshake");
  }
  ~PubsubOwnerTool() override { component_.disconnect(); }

  std::string get_config(const std::string& node) { return ask(false, configure_tag(node)); }
  std::string set_access_model(const std::string& node, const std::string& model) {
    auto pubsub = configure_tag(node);
    auto* x = new gloox::Tag(pubsub->findChild("configure"), "x");
    x->setXmlns("jabber:x:data");
    x->addAttribute("type", "submit");
    add_field(x, "FORM_TYPE", "http://jabber.org/protocol/pubsub#node_config");
    add_field(x, "pubsub#access_model", model);
    return ask(true, std::move(pubsub));
  }
  std::string publish(const std::string& node, const std::string& update) {
    return ask(true, publish_payload(node, "owner-tool", update));
  }
  std::string delete_node(const std::string& node) {
    auto pubsub = owner_tag();
    new gloox::Tag(pubsub.get(), "delete", "node", node);
    return ask(true, std::move(pubsub));
  }

 private:
  static std::unique_ptr<gloox::Tag> owner_tag() {
    auto pubsub = std::make_unique<gloox::Tag>("pubsub");
    pubsub->setXmlns(kPubsubOwnerNs);
    return pubsub;
  }
  static std::unique_ptr<gloox::Tag> configure_tag(const std::string& node) {
    auto pubsub = owner_tag();
    new gloox::Tag(pubsub.get(), "configure", "node", node);
    return pubsub;
  }
  static void add_field(gloox::Tag* x, const std::string& var, const std::string& value) {
    auto* field = new gloox::Tag(x, "field", "var", var);
    new gloox::Tag(field, "value", value);
  }
  std::string ask(bool set, std::unique_ptr<gloox::Tag> payload) {
    auto iq = set ? pubsub_set(domain_, pubsub_, std::move(payload)) : iq_get(domain_, pubsub_, std::move(payload));
    reply_.clear();
    component_.send(*iq, this, 0);
    if (!pump_until([&] { return !reply_.empty(); })) return "timeout";
    return reply_;
  }
  template <class Done>
  bool pump_until(Done done) {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!done() && std::chrono::steady_clock::now() < deadline)
      if (component_.recv(100'000) != gloox::ConnNoError) return false;
    return done();
  }
  void onConnect() override { connected_ = true; }
  void onDisconnect(gloox::ConnectionError) override {}
  bool onTLSConnect(const gloox::CertInfo&) override { return true; }
  bool handleIq(const gloox::IQ&) override { return false; }
  void handleIqID(const gloox::IQ& iq, int) override {
    if (iq.subtype() != gloox::IQ::Result) {
      reply_ = "error: " + error_condition(iq);
      return;
    }
    const auto* payload = iq.findExtension<RawPubsubOwner>(RawPubsubOwner::kType);
    reply_ = payload && payload->raw() ? payload->raw()->xml() : "<empty-result/>";
  }

  const std::string domain_;
  const std::string pubsub_;
  gloox::Component component_;
  bool connected_ = false;
  std::string reply_;
};

// An agent's XMPP session: a gloox::Client on its own thread (every gloox call happens there).
class AgentClient : gloox::ConnectionListener, gloox::MessageHandler, gloox::PresenceHandler,
                    gloox::SubscriptionHandler, gloox::EventHandler {
 public:
  AgentClient(const XmppServer& server, const std::string& user, const std::string& password,
              const std::string& resource = "desk")
      : domain_(server.domain) {
    gloox::JID jid(user + "@" + server.domain + "/" + resource);
    client_ = std::make_unique<gloox::Client>(jid, password, server.c2s_port);
    client_->setServer("127.0.0.1");
    client_->setTls(gloox::TLSDisabled);
    client_->setCompression(false);
    client_->registerConnectionListener(this);
    client_->registerMessageHandler(this);
    client_->registerPresenceHandler(this);
    client_->registerSubscriptionHandler(this);
    client_->registerStanzaExtension(new RawPubsubEvent());
    thread_ = std::thread([this] { run(); });
  }
  ~AgentClient() { close(); }

  void close() {
    if (!thread_.joinable()) return;
    stop_ = true;
    thread_.join();
  }

  bool wait_connected(std::chrono::milliseconds timeout = 20s) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return connected_ || failed_; }) && connected_;
  }
  bool connected() const { return connected_; }

  // Runs on the client's thread (gloox is not used from two threads).
  void post(std::function<void(gloox::Client&)> action) {
    std::lock_guard lock(mutex_);
    actions_.push_back(std::move(action));
  }
  void send_presence_to(const std::string& to, gloox::Presence::PresenceType type = gloox::Presence::Available) {
    post([to, type](gloox::Client& c) { c.send(gloox::Presence(type, gloox::JID(to))); });
  }
  void subscribe_to(const std::string& to) {
    post([to](gloox::Client& c) { c.send(gloox::Subscription(gloox::Subscription::Subscribe, gloox::JID(to))); });
  }

  std::vector<PubsubEvent> events() const {
    std::lock_guard lock(mutex_);
    return events_;
  }
  std::vector<PubsubEvent> events_of(const std::string& node) const {
    std::vector<PubsubEvent> out;
    for (auto& e : events())
      if (e.node == node) out.push_back(e);
    return out;
  }
  std::vector<PresenceSeen> presences_from(const std::string& from_bare) const {
    std::lock_guard lock(mutex_);
    std::vector<PresenceSeen> out;
    for (const auto& p : presences_)
      if (p.from.substr(0, p.from.find('/')) == from_bare) out.push_back(p);
    return out;
  }
  bool wait_for(const std::function<bool()>& condition, std::chrono::milliseconds timeout = 20s) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] {
      lock.unlock();
      const bool done = condition();
      lock.lock();
      return done;
    });
  }
  void clear() {
    std::lock_guard lock(mutex_);
    events_.clear();
    presences_.clear();
  }

 private:
  void run() {
    if (!client_->connect(false)) {
      mark_failed();
      return;
    }
    while (!stop_) {
      std::deque<std::function<void(gloox::Client&)>> actions;
      {
        std::lock_guard lock(mutex_);
        actions.swap(actions_);
      }
      for (auto& action : actions) action(*client_);
      if (client_->recv(5000) != gloox::ConnNoError) {
        mark_failed();
        return;
      }
    }
    client_->disconnect();
  }
  void mark_failed() {
    std::lock_guard lock(mutex_);
    failed_ = true;
    connected_ = false;
    changed_.notify_all();
  }

  // gloox sends the initial presence just before onConnect. Messages to the bare JID reach this
  // session only once the server has processed it, so 'connected' waits for a ping's reply: the
  // server handles a session's stanzas in order.
  void onConnect() override { client_->xmppPing(gloox::JID(domain_), this); }
  void handleEvent(const gloox::Event& event) override {
    if (event.eventType() != gloox::Event::PingPong && event.eventType() != gloox::Event::PingError) return;
    std::lock_guard lock(mutex_);
    connected_ = true;
    changed_.notify_all();
  }
  void onDisconnect(gloox::ConnectionError) override { mark_failed(); }
  bool onTLSConnect(const gloox::CertInfo&) override { return true; }

  void handleMessage(const gloox::Message& message, gloox::MessageSession*) override {
    const auto* event = message.findExtension<RawPubsubEvent>(RawPubsubEvent::kType);
    if (!event || !event->raw()) return;
    const auto* items = event->raw()->findChild("items");
    if (!items) return;  // e.g. ejabberd's subscription-change notice
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    for (const auto* item : items->findChildren("item"))
      events_.push_back({items->findAttribute("node"), item->findAttribute("id"), text_content(item), now});
    changed_.notify_all();
  }
  void handlePresence(const gloox::Presence& presence) override {
    const bool available = presence.subtype() != gloox::Presence::Unavailable && presence.subtype() != gloox::Presence::Error;
    std::lock_guard lock(mutex_);
    presences_.push_back({presence.from().full(), available, std::chrono::steady_clock::now()});
    changed_.notify_all();
  }
  void handleSubscription(const gloox::Subscription&) override {}

  const std::string domain_;
  std::unique_ptr<gloox::Client> client_;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool connected_ = false;
  bool failed_ = false;
  std::deque<std::function<void(gloox::Client&)>> actions_;
  std::vector<PubsubEvent> events_;
  std::vector<PresenceSeen> presences_;
};

template <typename Predicate>
bool eventually(Predicate predicate, std::chrono::milliseconds timeout = 20s) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (predicate()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return predicate();
}

}  // namespace fgw::component::itest
