#pragma once
// HA presence of the 'finesse' entity (guide 8; NOTES.md "Presence"). Finesse clients count
// presence from a JID whose local part is 'finesse' and fail over when it goes unavailable. No
// server sends 'unavailable' for a component, so the gateway tracks the agents' sessions itself
// (from the presence the server forwards to finesse@<component>, thanks to the roster item) and
// sends directed presence to each of them.
//
// Rules:
// - Presence to a session is 'available' only while the service is available; otherwise
//   'unavailable'.
// - A new session (available presence from an unknown full JID) and a probe are answered with the
//   current presence; a subscribe request with 'subscribed' and then the current presence. A probe
//   from a full JID also starts tracking that session (the server probes at login). A session ends
//   with its unavailable presence, or with an error bounced back from it.
// - set_service_available() broadcasts the new presence at once (the caller's thread hands it to the
//   link thread, which sends within one poll turn: well under 1 s).
// - After every (re)connect, the current presence goes to every target: an agent who logged in
//   while the link was down got a presence error (NOTES.md) and must hear from us.
// - Targets: every tracked session (full JID), plus the bare JID of every known user without a
//   tracked session (sessions opened while the link was down, whose presence we never saw).
// - Shutdown: 'unavailable' to every target.
// Link thread only; no gloox types here, so it is unit-testable.

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace fgw::component {

class PresenceOut {
 public:
  virtual ~PresenceOut() = default;
  virtual void send_presence(bool available, const std::string& to) = 0;
  virtual void send_subscription_reply(bool subscribed, const std::string& to) = 0;
};

enum class InboundPresence { Available, Unavailable, Probe, Error };
enum class InboundSubscription { Subscribe, Unsubscribe, Other };

class HaPresence {
 public:
  HaPresence(std::string finesse_jid, std::vector<std::string> known_bare_jids, PresenceOut& out);

  // `to` is what the stanza was addressed to: only presence for finesse@<component> counts.
  void on_presence(InboundPresence type, const std::string& from, const std::string& to);
  void on_subscription(InboundSubscription type, const std::string& from, const std::string& to);
  // After a (re)connect: adopt the wanted service state and announce it to every target.
  void on_link_up(bool service_available);
  void on_shutdown();
  void set_service_available(bool available);

  bool service_available() const { return available_; }
  const std::set<std::string>& sessions() const { return sessions_; }
  std::vector<std::string> targets() const;

 private:
  void broadcast(bool available);
  bool addressed_to_us(const std::string& to) const;

  const std::string finesse_jid_;
  const std::vector<std::string> known_bare_jids_;
  PresenceOut& out_;
  std::set<std::string> sessions_;  // full JIDs
  bool available_ = true;
  bool shut_down_ = false;
};

std::string bare_of(const std::string& jid);

}  // namespace fgw::component
