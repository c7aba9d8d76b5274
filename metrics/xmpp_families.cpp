// The XMPP component's families, and the primary/secondary pair's, from ComponentStats as the
// daemon copies them into an XmppSample.
#include "metrics/snapshot_families.hpp"

namespace fgw::metrics {

namespace {

double as_double(std::uint64_t value) { return static_cast<double>(value); }

void append_publish_duration(const HistogramSample& sample, Families& out) {
  auto family = make_family(kXmppPublishDuration);
  add_histogram(family, sample);
  out.push_back(std::move(family));
}

void append_pair_families(const PairSample& pair, Families& out) {
  append_single(out, kPairPublishing, pair.publishing ? 1 : 0);
  append_single(out, kPairPeerServing, pair.peer_serving ? 1 : 0);
  append_single(out, kPairTakeovers, as_double(pair.takeovers));
  append_single(out, kPairStandDowns, as_double(pair.stand_downs));
  append_single(out, kPairPeerPingFailures, as_double(pair.peer_ping_failures));
  append_single(out, kPairReplayed, as_double(pair.replayed));
  append_single(out, kPairStandbyPending, as_double(pair.standby_pending));
}

}  // namespace

void append_xmpp_families(const XmppSample& xmpp, Families& out) {
  append_single(out, kXmppLinkUp, xmpp.link_up ? 1 : 0);
  append_single(out, kXmppReconnects, as_double(xmpp.reconnects));
  append_single(out, kXmppPublishes, as_double(xmpp.publishes));
  append_single(out, kXmppPublishFailures, as_double(xmpp.publish_failures));
  append_single(out, kXmppPublishRetries, as_double(xmpp.publish_retries));
  append_single(out, kXmppPublishDropped, as_double(xmpp.publish_dropped));
  append_single(out, kXmppPublishCoalesced, as_double(xmpp.publish_coalesced));
  append_single(out, kXmppBootstrapFailures, as_double(xmpp.bootstrap_failures));
  append_single(out, kXmppNodeRepairs, as_double(xmpp.node_repairs));
  append_single(out, kXmppQueueDepth, as_double(xmpp.queue_depth));
  append_single(out, kXmppQueueHighWater, as_double(xmpp.queue_high_water));
  append_single(out, kXmppBootstrapDuration, xmpp.last_bootstrap_seconds);
  append_single(out, kXmppPresenceSessions, as_double(xmpp.presence_sessions));
  append_publish_duration(xmpp.publish_duration, out);
  append_pair_families(xmpp.pair, out);
}

}  // namespace fgw::metrics
