#pragma once
// The families built from snapshots at scrape time, one function per source. Each appends every
// family of its source to `out`, so that a series exists (at 0) before anything happened.
#include "metrics/family_builder.hpp"
#include "metrics/samples.hpp"

namespace fgw::metrics {

void append_info_families(const GatewayInfo& info, Families& out);
void append_desk_families(const DeskSample& desk, Families& out);
void append_cti_families(const CtiSample& cti, Families& out);
// The XMPP component's families, the pair's included (they are part of its state).
void append_xmpp_families(const XmppSample& xmpp, Families& out);

}  // namespace fgw::metrics
