#pragma once
// Which node of a primary/secondary pair publishes (docs/operations.md, "Failover between nodes").
//
// Each node pings the peer's component (XEP-0199) every ping interval. A node answers a ping
// with a result only while it serves: it publishes, with CTI up and its XMPP link bootstrapped.
// Otherwise it answers <service-unavailable/>, and when its component is gone the XMPP server
// answers for it. So "the ping failed" means "nobody on the other side publishes".
//
// Rules (evaluated on every ping result and every change of this node's own serviceability):
// - a node that cannot serve does not publish;
// - a node that can serve takes over when the peer's last `misses` pings in a row failed:
//   the primary after 1, the secondary after 3, so that when both start together the primary wins;
// - failback is not automatic: a publishing node keeps publishing while it serves, and a node
//   that comes back finds the peer serving and stands by. A second handover would cost a second
//   gap-free replay for nothing, and a node that was down has the thinner view of the calls.
// - if both publish (the XMPP server healed a split), the secondary stands down.
// Without a peer, a node publishes whenever it can: the single-node behaviour.
#include <cstdint>

namespace fgw::component {

class PairRole {
 public:
  enum class Change { None, TakeOver, StandDown };
  struct Options {
    bool has_peer = false;
    bool primary = true;
  };

  explicit PairRole(Options options);

  Change on_serviceable(bool serviceable);
  Change on_peer_ping(bool peer_serving);

  bool publishing() const { return publishing_; }
  bool peer_serving() const { return peer_serving_; }
  int misses_before_takeover() const { return options_.primary ? 1 : 3; }

 private:
  Change evaluate();

  const Options options_;
  bool serviceable_ = false;
  bool publishing_ = false;
  bool peer_serving_ = false;
  int misses_ = 0;
};

}  // namespace fgw::component
