#include "component/ha_presence.hpp"

#include <spdlog/spdlog.h>

namespace fgw::component {

std::string bare_of(const std::string& jid) { return jid.substr(0, jid.find('/')); }

namespace {
bool is_full(const std::string& jid) { return jid.find('/') != std::string::npos; }
}  // namespace

HaPresence::HaPresence(std::string finesse_jid, std::vector<std::string> known_bare_jids, PresenceOut& out)
    : finesse_jid_(std::move(finesse_jid)), known_bare_jids_(std::move(known_bare_jids)), out_(out) {}

bool HaPresence::addressed_to_us(const std::string& to) const { return bare_of(to) == finesse_jid_; }

void HaPresence::on_presence(InboundPresence type, const std::string& from, const std::string& to) {
  if (!addressed_to_us(to) || from.empty()) return;
  const bool announce = available_ && !shut_down_;
  switch (type) {
    case InboundPresence::Available:
      // A bare JID is not a session; presence updates (away, dnd) of a known session need no answer.
      if (is_full(from) && sessions_.insert(from).second) out_.send_presence(announce, from);
      break;
    case InboundPresence::Unavailable:
    case InboundPresence::Error:  // e.g. our directed presence bounced: that session is gone
      sessions_.erase(from);
      break;
    case InboundPresence::Probe:
      // The server probes on the agent's login (roster subscription to finesse): the probe's full
      // JID is a session even when its available presence is not forwarded to us.
      if (is_full(from)) sessions_.insert(from);
      out_.send_presence(announce, from);
      break;
  }
}

void HaPresence::on_subscription(InboundSubscription type, const std::string& from, const std::string& to) {
  if (!addressed_to_us(to) || from.empty()) return;
  const std::string bare = bare_of(from);
  if (type == InboundSubscription::Subscribe) {
    out_.send_subscription_reply(true, bare);
    out_.send_presence(available_ && !shut_down_, bare);
  } else if (type == InboundSubscription::Unsubscribe) {
    out_.send_subscription_reply(false, bare);
  }
}

std::vector<std::string> HaPresence::targets() const {
  std::vector<std::string> out(sessions_.begin(), sessions_.end());
  std::set<std::string> bare_with_session;
  for (const auto& session : sessions_) bare_with_session.insert(bare_of(session));
  for (const auto& bare : known_bare_jids_)
    if (!bare_with_session.contains(bare)) out.push_back(bare);
  return out;
}

void HaPresence::broadcast(bool available) {
  const auto to = targets();
  for (const auto& jid : to) out_.send_presence(available, jid);
  spdlog::info("xmpp: finesse presence {} sent to {} targets ({} tracked sessions)",
               available ? "available" : "unavailable", to.size(), sessions_.size());
}

void HaPresence::on_link_up(bool service_available) {
  available_ = service_available;
  if (!shut_down_) broadcast(available_);
}

void HaPresence::on_shutdown() {
  if (shut_down_) return;
  shut_down_ = true;
  broadcast(false);
}

void HaPresence::set_service_available(bool available) {
  if (available == available_ || shut_down_) {
    available_ = available;
    return;
  }
  available_ = available;
  broadcast(available);
}

}  // namespace fgw::component
