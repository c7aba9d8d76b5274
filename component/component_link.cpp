#include "component/component_link.hpp"

#include "component/raw_child.hpp"
#include "component/stanzas.hpp"

#include <gloox/component.h>
#include <gloox/connectiontcpbase.h>
#include <gloox/error.h>
#include <gloox/iq.h>
#include <gloox/message.h>
#include <gloox/pubsubevent.h>
#include <gloox/presence.h>
#include <gloox/subscription.h>
#include <gloox/tag.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace fgw::component {

namespace {

using Clock = std::chrono::steady_clock;

std::shared_ptr<const gloox::Tag> owner_payload(const gloox::IQ& iq) {
  const auto* raw = iq.findExtension<RawPubsubOwner>(RawPubsubOwner::kType);
  if (!raw || !raw->raw()) return nullptr;
  return std::shared_ptr<const gloox::Tag>(raw->raw()->clone());
}

}  // namespace

std::string describe(gloox::ConnectionError error) {
  switch (error) {
    case gloox::ConnNoError: return "no error";
    case gloox::ConnStreamError: return "stream error";
    case gloox::ConnStreamVersionError: return "stream version error";
    case gloox::ConnStreamClosed: return "stream closed by the server";
    case gloox::ConnIoError: return "I/O error";
    case gloox::ConnParseError: return "XML parse error";
    case gloox::ConnConnectionRefused: return "connection refused";
    case gloox::ConnDnsError: return "DNS error";
    case gloox::ConnAuthenticationFailed: return "handshake refused (wrong secret or component name)";
    case gloox::ConnUserDisconnected: return "disconnected by the gateway";
    case gloox::ConnNotConnected: return "not connected";
    default: return "connection error " + std::to_string(static_cast<int>(error));
  }
}

ComponentLink::ComponentLink(LinkSettings settings, LinkListener& listener)
    : settings_(std::move(settings)), listener_(listener) {
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_fd_ < 0) throw std::runtime_error(std::string("eventfd: ") + std::strerror(errno));
}

ComponentLink::~ComponentLink() {
  stop(std::chrono::milliseconds(0));
  ::close(wake_fd_);
}

void ComponentLink::start() {
  if (thread_.joinable()) return;
  stop_requested_ = false;
  thread_ = std::thread([this] { run(); });
}

void ComponentLink::stop(std::chrono::milliseconds drain) {
  if (!thread_.joinable()) return;
  drain_ms_ = drain.count();
  stop_requested_ = true;
  wake();
  thread_.join();
}

void ComponentLink::wake() {
  if (wake_pending_.exchange(true)) return;
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = ::write(wake_fd_, &one, sizeof one);  // EAGAIN: already signalled
}

void ComponentLink::drain_wake_fd() {
  std::uint64_t value = 0;
  [[maybe_unused]] const auto read = ::read(wake_fd_, &value, sizeof value);
  wake_pending_ = false;
}

void ComponentLink::run() {
  auto backoff = settings_.backoff_initial;
  std::uint64_t failures_in_a_row = 0;
  while (!stop_requested_) {
    std::string failure;
    if (connect_once(failure)) {
      backoff = settings_.backoff_initial;
      failures_in_a_row = 0;
      if (connects_++ > 0) ++reconnects_;
      spdlog::info("xmpp component {} connected to {}:{}", settings_.component, settings_.host, settings_.port);
      up_ = true;
      listener_.on_link_up();
      const std::string reason = serve();
      up_ = false;
      pending_.clear();
      deadlines_ = {};
      spdlog::log(stop_requested_ ? spdlog::level::info : spdlog::level::warn, "xmpp component link down: {}", reason);
      listener_.on_link_down(reason);
    } else if (!stop_requested_) {
      // The first failure of a run and then every 20th: a server that stays down must not flood the log.
      if (failures_in_a_row++ % 20 == 0)
        spdlog::warn("xmpp component cannot connect to {}:{}: {} (retrying every {} ms at most)", settings_.host,
                     settings_.port, failure, settings_.backoff_max.count());
    }
    component_.reset();
    if (stop_requested_) break;
    sleep_unless_stopped(backoff);
    backoff = std::min(backoff * 2, settings_.backoff_max);
  }
}

bool ComponentLink::connect_once(std::string& failure) {
  component_ = std::make_unique<gloox::Component>(gloox::XMLNS_COMPONENT_ACCEPT, settings_.host, settings_.component,
                                                  settings_.secret, settings_.port);
  // XEP-0114 has no TLS; without this gloox loads gnutls credentials (the system trust store,
  // about 2 MB) for every Component and never frees them.
  component_->setTls(gloox::TLSDisabled);
  component_->setCompression(false);
  component_->registerConnectionListener(this);
  component_->registerPresenceHandler(this);
  component_->registerSubscriptionHandler(this);
  component_->registerMessageHandler(this);
  component_->registerStanzaExtension(new gloox::PubSub::Event());
  component_->registerStanzaExtension(new RawPubsubOwner());
  // gloox answers pings itself, but without 'from', which ejabberd punishes by closing the
  // stream (NOTES.md): answer them here.
  component_->removeIqHandler(component_.get(), gloox::ExtPing);
  component_->registerIqHandler(this, gloox::ExtPing);
  handshake_done_ = false;
  disconnected_ = false;
  disconnect_reason_.clear();
  if (!component_->connect(false)) {
    failure = disconnected_ ? disconnect_reason_ : "TCP connect failed";
    return false;
  }
  const auto deadline = Clock::now() + settings_.connect_timeout;
  while (!handshake_done_ && !stop_requested_) {
    if (Clock::now() >= deadline) {
      failure = "no <handshake/> reply within " + std::to_string(settings_.connect_timeout.count()) + " ms";
      return false;
    }
    const auto error = component_->recv(static_cast<int>(settings_.poll_interval.count() * 1000));
    if (error != gloox::ConnNoError || disconnected_) {
      failure = disconnected_ ? disconnect_reason_ : describe(error);
      return false;
    }
  }
  return handshake_done_;
}

int ComponentLink::socket_fd() const {
  const auto* tcp = dynamic_cast<const gloox::ConnectionTCPBase*>(component_->connectionImpl());
  return tcp ? tcp->socket() : -1;
}

std::string ComponentLink::serve() {
  bool shutting_down = false;
  Clock::time_point drain_deadline{};
  while (true) {
    if (stop_requested_ && !shutting_down) {
      shutting_down = true;
      drain_deadline = Clock::now() + std::chrono::milliseconds(drain_ms_.load());
      listener_.on_shutdown_requested();
    }
    if (shutting_down && (listener_.drained() || Clock::now() >= drain_deadline)) {
      component_->disconnect();
      return "stopped";
    }
    listener_.on_poll();
    expire_iqs();
    if (disconnected_) return disconnect_reason_;

    const int fd = socket_fd();
    bool readable = fd < 0;  // no socket to poll: let recv() wait instead
    wait_for_io(fd, shutting_down ? std::chrono::milliseconds(5) : settings_.poll_interval, readable);
    if (readable) {
      const auto error = component_->recv(fd < 0 ? static_cast<int>(settings_.poll_interval.count() * 1000) : 0);
      if (disconnected_) return disconnect_reason_;
      if (error != gloox::ConnNoError) return describe(error);
    }
  }
}

void ComponentLink::wait_for_io(int socket_fd, std::chrono::milliseconds timeout, bool& socket_readable) {
  pollfd fds[2] = {{wake_fd_, POLLIN, 0}, {socket_fd, POLLIN, 0}};
  const int count = socket_fd >= 0 ? 2 : 1;
  const int ready = ::poll(fds, count, static_cast<int>(timeout.count()));
  if (ready <= 0) return;
  if (fds[0].revents & POLLIN) drain_wake_fd();
  if (count == 2 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) socket_readable = true;
}

void ComponentLink::sleep_unless_stopped(std::chrono::milliseconds duration) {
  const auto until = Clock::now() + duration;
  while (!stop_requested_) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
    if (left.count() <= 0) return;
    pollfd fd{wake_fd_, POLLIN, 0};
    if (::poll(&fd, 1, static_cast<int>(left.count())) > 0) drain_wake_fd();  // producers wake us too: ignore
  }
}

void ComponentLink::send_iq(std::unique_ptr<gloox::IQ> iq, IqCallback on_reply, std::chrono::milliseconds timeout) {
  if (!component_ || !up_) {
    on_reply(IqOutcome{IqOutcome::Kind::Error, "not-connected"});
    return;
  }
  const int context = ++next_context_;
  const auto now = Clock::now();
  pending_.emplace(context, PendingIq{std::move(on_reply), now});
  deadlines_.emplace(now + (timeout.count() > 0 ? timeout : settings_.iq_timeout), context);
  component_->send(*iq, this, context);
}

void ComponentLink::send(const gloox::Presence& presence) {
  if (component_ && up_) component_->send(presence);
}

void ComponentLink::send(const gloox::Subscription& subscription) {
  if (component_ && up_) component_->send(subscription);
}

void ComponentLink::expire_iqs() {
  const auto now = Clock::now();
  while (!deadlines_.empty() && deadlines_.top().first <= now) {
    const int context = deadlines_.top().second;
    deadlines_.pop();
    auto it = pending_.find(context);
    if (it == pending_.end()) continue;  // answered in time
    auto on_reply = std::move(it->second.on_reply);
    pending_.erase(it);  // a late reply finds no entry and is ignored
    on_reply(IqOutcome{IqOutcome::Kind::Timeout, "timeout"});
  }
}

void ComponentLink::onConnect() { handshake_done_ = true; }

void ComponentLink::onDisconnect(gloox::ConnectionError error) {
  disconnected_ = true;
  disconnect_reason_ = describe(error);
  if (error == gloox::ConnStreamError && component_) {
    const auto& text = component_->streamErrorText();
    if (!text.empty()) disconnect_reason_ += ": " + text;
  }
}

// Only pings are registered (connect_once).
bool ComponentLink::handleIq(const gloox::IQ& iq) {
  if (iq.subtype() != gloox::IQ::Get) return false;
  gloox::IQ reply(listener_.answers_ping() ? gloox::IQ::Result : gloox::IQ::Error, iq.from(), iq.id());
  reply.setFrom(iq.to());
  if (reply.subtype() == gloox::IQ::Error)
    reply.addExtension(new gloox::Error(gloox::StanzaErrorTypeCancel, gloox::StanzaErrorServiceUnavailable));
  component_->send(reply);
  return true;
}

void ComponentLink::handleMessage(const gloox::Message& message, gloox::MessageSession*) {
  const auto* event = message.findExtension<gloox::PubSub::Event>(gloox::ExtPubSubEvent);
  if (!event || event->type() != gloox::PubSub::EventItems) return;
  std::vector<std::string> ids;
  for (const auto* item : event->items())
    if (!item->retract) ids.push_back(item->item);
  if (!ids.empty()) listener_.on_pubsub_items(event->node(), ids);
}

void ComponentLink::handleIqID(const gloox::IQ& iq, int context) {
  auto it = pending_.find(context);
  if (it == pending_.end()) return;  // timed out already
  auto on_reply = std::move(it->second.on_reply);
  pending_.erase(it);
  if (iq.subtype() == gloox::IQ::Result)
    on_reply(IqOutcome{IqOutcome::Kind::Result, {}, owner_payload(iq)});
  else
    on_reply(IqOutcome{IqOutcome::Kind::Error, error_condition(iq)});
}

void ComponentLink::handlePresence(const gloox::Presence& presence) { listener_.on_presence(presence); }

void ComponentLink::handleSubscription(const gloox::Subscription& subscription) {
  listener_.on_subscription(subscription);
}

}  // namespace fgw::component
