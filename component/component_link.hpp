#pragma once
// The XEP-0114 link: one gloox::Component at a time, on its own thread. Every gloox call happens
// on that thread; other threads only call wake() and stop(). A fresh Component is made for every
// connection attempt (NOTES.md: reusing one after a server-side close is unverified), with
// exponential back-off between attempts. The loop polls the component's socket and an eventfd, so
// a producer's wake() gets the thread to send at once rather than after a recv() timeout.

#include <gloox/connectionlistener.h>
#include <gloox/iqhandler.h>
#include <gloox/messagehandler.h>
#include <gloox/presencehandler.h>
#include <gloox/subscriptionhandler.h>
#include <gloox/tag.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <queue>
#include <vector>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>

namespace gloox {
class Component;
class IQ;
class Presence;
class Subscription;
}  // namespace gloox

namespace fgw::component {

struct LinkSettings {
  std::string host = "127.0.0.1";
  std::uint16_t port = 5275;
  std::string component;  // our domain, e.g. gw.finesse.test
  std::string secret;
  std::chrono::milliseconds connect_timeout{5000};  // TCP connect + <handshake/> reply
  std::chrono::milliseconds backoff_initial{100};
  std::chrono::milliseconds backoff_max{5000};
  std::chrono::milliseconds iq_timeout{5000};
  std::chrono::milliseconds poll_interval{20};  // longest sleep: granularity of timeouts and timers
};

struct IqOutcome {
  enum class Kind { Result, Error, Timeout };
  Kind kind = Kind::Result;
  std::string condition;  // the stanza error condition (e.g. "conflict"), or "timeout"
  // A result's <pubsub xmlns='...#owner'> child, when it has one (affiliations, subscriptions).
  std::shared_ptr<const gloox::Tag> payload = nullptr;
  bool ok() const { return kind == Kind::Result; }
};
using IqCallback = std::function<void(const IqOutcome&)>;

// Called on the link thread only.
class LinkListener {
 public:
  virtual ~LinkListener() = default;
  virtual void on_link_up() = 0;
  // Outstanding IQs are forgotten (their callbacks are not called): the listener gives back
  // whatever it had in flight.
  virtual void on_link_down(const std::string& reason) = 0;
  virtual void on_presence(const gloox::Presence& presence) = 0;
  virtual void on_subscription(const gloox::Subscription& subscription) = 0;
  virtual void on_poll() = 0;                // every loop turn while up: send what is due
  virtual void on_shutdown_requested() = 0;  // stop() while up: the last stanzas (presence)
  virtual bool drained() const = 0;          // nothing left worth delaying the disconnect for
  // A pubsub event the server delivered to the component (a pair's standby subscribes itself).
  virtual void on_pubsub_items(const std::string& node, const std::vector<std::string>& item_ids) {
    (void)node;
    (void)item_ids;
  }
  // How to answer a XEP-0199 ping: a result while this node serves, <service-unavailable/>
  // otherwise (PairRole).
  virtual bool answers_ping() const { return true; }
};

class ComponentLink : gloox::ConnectionListener,
                      gloox::IqHandler,
                      gloox::MessageHandler,
                      gloox::PresenceHandler,
                      gloox::SubscriptionHandler {
 public:
  ComponentLink(LinkSettings settings, LinkListener& listener);
  ~ComponentLink() override;
  ComponentLink(const ComponentLink&) = delete;
  ComponentLink& operator=(const ComponentLink&) = delete;

  void start();
  // Lets the listener send its last stanzas and drain for up to `drain`, disconnects, joins.
  void stop(std::chrono::milliseconds drain);
  void wake();  // any thread, never blocks

  // Link thread only.
  bool up() const { return up_.load(); }
  // timeout 0 = settings().iq_timeout.
  void send_iq(std::unique_ptr<gloox::IQ> iq, IqCallback on_reply,
               std::chrono::milliseconds timeout = std::chrono::milliseconds(0));
  void send(const gloox::Presence& presence);
  void send(const gloox::Subscription& subscription);
  std::size_t outstanding_iqs() const { return pending_.size(); }
  const LinkSettings& settings() const { return settings_; }

  std::uint64_t connects() const { return connects_.load(); }
  std::uint64_t reconnects() const { return reconnects_.load(); }

 private:
  struct PendingIq {
    IqCallback on_reply;
    std::chrono::steady_clock::time_point sent;
  };

  void run();
  bool connect_once(std::string& failure);
  std::string serve();
  void wait_for_io(int socket_fd, std::chrono::milliseconds timeout, bool& socket_readable);
  void sleep_unless_stopped(std::chrono::milliseconds duration);
  void drain_wake_fd();
  void expire_iqs();
  int socket_fd() const;

  // gloox callbacks (link thread, from inside recv()).
  void onConnect() override;
  void onDisconnect(gloox::ConnectionError error) override;
  bool onTLSConnect(const gloox::CertInfo&) override { return false; }
  bool handleIq(const gloox::IQ& iq) override;
  void handleIqID(const gloox::IQ& iq, int context) override;
  void handleMessage(const gloox::Message& message, gloox::MessageSession* session) override;
  void handlePresence(const gloox::Presence& presence) override;
  void handleSubscription(const gloox::Subscription& subscription) override;

  const LinkSettings settings_;
  LinkListener& listener_;
  std::thread thread_;
  int wake_fd_ = -1;
  std::atomic<bool> wake_pending_{false};
  std::atomic<bool> stop_requested_{false};
  std::atomic<std::int64_t> drain_ms_{0};
  std::atomic<bool> up_{false};
  std::atomic<std::uint64_t> connects_{0};
  std::atomic<std::uint64_t> reconnects_{0};

  std::unique_ptr<gloox::Component> component_;
  bool handshake_done_ = false;
  bool disconnected_ = false;
  std::string disconnect_reason_;
  int next_context_ = 0;
  std::unordered_map<int, PendingIq> pending_;
  using Deadline = std::pair<std::chrono::steady_clock::time_point, int>;
  std::priority_queue<Deadline, std::vector<Deadline>, std::greater<>> deadlines_;  // earliest first
};

std::string describe(gloox::ConnectionError error);

}  // namespace fgw::component
