#pragma once
// The families whose values already live elsewhere (desk state, CTI client and XMPP component
// stats): built at scrape time from samples pulled through callbacks, so nothing is copied or
// counted twice between scrapes.
//
// Threads: Collect() runs on the exposer's thread, so every callback must be safe to call from
// any thread (the desk's snapshot, the clients' stats() accessors are).
#include <prometheus/collectable.h>

#include <functional>

#include "metrics/samples.hpp"

namespace fgw::metrics {

struct SnapshotSources {
  GatewayInfo info;
  std::function<DeskSample()> desk;
  std::function<CtiSample()> cti;
  std::function<XmppSample()> xmpp;  // empty without [xmpp]: no XMPP or pair families at all
};

class SnapshotCollector : public prometheus::Collectable {
 public:
  explicit SnapshotCollector(SnapshotSources sources);
  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  SnapshotSources sources_;
};

}  // namespace fgw::metrics
