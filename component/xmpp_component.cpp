#include "component/xmpp_component.hpp"

#include <gloox/presence.h>
#include <gloox/subscription.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "component/pair_coordinator.hpp"
#include "component/stanzas.hpp"

namespace fgw::component {

namespace {

LinkSettings link_settings(const ComponentOptions& options) {
  if (!options.xmpp.server) throw std::invalid_argument("xmpp.server: the XMPP server's component port is required");
  if (options.xmpp.component.empty()) throw std::invalid_argument("xmpp.component: the component domain is required");
  if (options.xmpp.pubsub.empty()) throw std::invalid_argument("xmpp.pubsub: the pubsub service is required");
  LinkSettings settings;
  settings.host = options.xmpp.server->host;
  settings.port = options.xmpp.server->port;
  settings.component = options.xmpp.component;
  settings.secret = options.xmpp.secret;
  settings.connect_timeout = options.connect_timeout;
  settings.backoff_initial = options.backoff_initial;
  settings.backoff_max = options.backoff_max;
  settings.iq_timeout = options.iq_timeout;
  return settings;
}

PublisherOptions publisher_options(const ComponentOptions& options) {
  PublisherOptions out;
  out.window = options.window;
  out.max_attempts = options.max_publish_attempts;
  out.retry_backoff = options.retry_backoff;
  out.bootstrap_timeout = std::max(options.bootstrap_timeout, options.iq_timeout);
  return out;
}

InboundPresence inbound(gloox::Presence::PresenceType type) {
  switch (type) {
    case gloox::Presence::Unavailable: return InboundPresence::Unavailable;
    case gloox::Presence::Probe: return InboundPresence::Probe;
    case gloox::Presence::Error:
    case gloox::Presence::Invalid: return InboundPresence::Error;
    default: return InboundPresence::Available;  // chat, away, dnd, xa are all 'signed in'
  }
}

InboundSubscription inbound(gloox::Subscription::S10nType type) {
  switch (type) {
    case gloox::Subscription::Subscribe: return InboundSubscription::Subscribe;
    case gloox::Subscription::Unsubscribe: return InboundSubscription::Unsubscribe;
    default: return InboundSubscription::Other;
  }
}

PairSettings pair_settings(const ComponentOptions& options) {
  if (!options.peer_component.empty() && options.peer_component == options.xmpp.component)
    throw std::invalid_argument("node.peer_component: must be the other node's component, not this one's");
  return PairSettings{options.xmpp.component, options.peer_component, options.primary, options.peer_ping_interval,
                      options.standby_retention};
}

NodePlan with_pair(NodePlan plan, const ComponentOptions& options) {
  if (!options.peer_component.empty()) add_pair(plan, options.xmpp.component, options.peer_component);
  return plan;
}

}  // namespace

class XmppComponent::Bridge : public LinkListener, public IqSender, public PresenceOut {
 public:
  Bridge(ComponentOptions options, NodePlan plan, CurrentState current_state,
         std::function<void(bool, std::string)> on_link_state)
      : options_(std::move(options)),
        finesse_(finesse_jid(options_.xmpp.component)),
        on_link_state_(std::move(on_link_state)),
        queue_(options_.queue_capacity),
        pair_(pair_settings(options_), queue_, std::move(current_state)),
        link_(link_settings(options_), *this),
        presence_(finesse_, plan.user_jids, *this),
        publisher_(publisher_options(options_), options_.xmpp.component, options_.xmpp.pubsub,
                   with_pair(std::move(plan), options_), queue_, *this,
                   [this] { return pair_.republishable_state(); }) {}

  void start() { link_.start(); }
  void stop() { link_.stop(options_.stop_drain); }

  void publish(const std::vector<desk::Notification>& notifications) {
    if (notifications.empty()) return;
    pair_.route(notifications);
    link_.wake();
  }

  void set_service_available(bool available) {
    wanted_available_ = available;
    link_.wake();
  }

  ComponentStats stats() const {
    const auto publisher = publisher_.stats();
    const auto queue = queue_.counters();
    ComponentStats out;
    out.link_up = link_.up();
    out.bootstrapped = publisher.bootstrapped;
    out.connects = link_.connects();
    out.reconnects = link_.reconnects();
    out.published = publisher.published;
    out.publish_failures = publisher.publish_failures;
    out.publish_retries = publisher.publish_retries;
    out.dropped = queue.dropped;
    out.coalesced = queue.coalesced;
    out.bootstrap_failures = publisher.bootstrap_failures;
    out.node_repairs = publisher.node_repairs;
    out.last_bootstrap_seconds = publisher.last_bootstrap_seconds;
    out.queue_depth = queue.depth;
    out.queue_high_water = queue.high_water;
    out.presence_sessions = sessions_.load();
    out.publish_ack_latency = publisher.ack_latency;
    out.pair = pair_.stats(out.link_up && out.bootstrapped);
    return out;
  }

  // LinkListener (link thread)
  void on_link_up() override {
    presence_.on_link_up(wanted_available_.load());
    publisher_.on_link_up();
    notify_link_state(true, "connected");
  }
  void on_link_down(const std::string& reason) override {
    publisher_.on_link_down();
    pair_.on_link_down();
    notify_link_state(false, reason);
  }
  void on_presence(const gloox::Presence& presence) override {
    presence_.on_presence(inbound(presence.subtype()), presence.from().full(), presence.to().full());
    sessions_ = presence_.sessions().size();
  }
  void on_subscription(const gloox::Subscription& subscription) override {
    presence_.on_subscription(inbound(subscription.subtype()), subscription.from().full(), subscription.to().full());
  }
  void on_poll() override {
    const bool wanted = wanted_available_.load();
    if (wanted != presence_.service_available()) presence_.set_service_available(wanted);
    pair_.on_poll(serviceable(), publisher_, *this);
    publisher_.pump();
  }
  void on_pubsub_items(const std::string& node, const std::vector<std::string>& item_ids) override {
    pair_.on_items(node, item_ids, publisher_);
  }
  bool answers_ping() const override { return pair_.answers_ping(serviceable()); }
  void on_shutdown_requested() override { presence_.on_shutdown(); }
  bool drained() const override { return publisher_.drained(); }

  // IqSender
  bool link_up() const override { return link_.up(); }
  void send_iq(std::unique_ptr<gloox::IQ> iq, IqCallback on_reply, std::chrono::milliseconds timeout) override {
    link_.send_iq(std::move(iq), std::move(on_reply), timeout);
  }

  // PresenceOut
  void send_presence(bool available, const std::string& to) override {
    link_.send(*finesse_presence(available, finesse_, to));
  }
  void send_subscription_reply(bool subscribed, const std::string& to) override {
    link_.send(*subscription_reply(subscribed, finesse_, to));
  }

 private:
  // CTI serves, and the link is up with the nodes in place.
  bool serviceable() const { return wanted_available_.load() && link_.up() && publisher_.bootstrapped(); }

  void notify_link_state(bool up, const std::string& reason) {
    if (!on_link_state_) return;
    try {
      on_link_state_(up, reason);
    } catch (const std::exception& e) {
      spdlog::error("xmpp: link state callback threw: {}", e.what());
    }
  }

  const ComponentOptions options_;
  const std::string finesse_;
  const std::function<void(bool, std::string)> on_link_state_;
  std::atomic<bool> wanted_available_{true};
  std::atomic<std::size_t> sessions_{0};
  PublishQueue queue_;
  PairCoordinator pair_;
  ComponentLink link_;
  HaPresence presence_;
  PubsubPublisher publisher_;
};

XmppComponent::XmppComponent(ComponentOptions options, NodePlan plan,
                             std::function<std::vector<desk::Notification>()> current_state,
                             std::function<void(bool up, std::string reason)> on_link_state)
    : bridge_(std::make_unique<Bridge>(std::move(options), std::move(plan), std::move(current_state),
                                       std::move(on_link_state))) {}

XmppComponent::~XmppComponent() { stop(); }

void XmppComponent::start() { bridge_->start(); }
void XmppComponent::stop() { bridge_->stop(); }
void XmppComponent::publish(std::vector<desk::Notification> notifications) { bridge_->publish(notifications); }
void XmppComponent::set_service_available(bool available) { bridge_->set_service_available(available); }
ComponentStats XmppComponent::stats() const { return bridge_->stats(); }

}  // namespace fgw::component
