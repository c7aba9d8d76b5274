#pragma once
// Turns the daemon's live parts into the plain samples metrics/ exports (metrics/samples.hpp).
// metrics/ may not depend on the CTI client or the XMPP component, so the copying happens here.
// Each function reads only what its argument's own thread-safe accessor returned.
#include "component/xmpp_component.hpp"
#include "gateway/cti/client/client_stats.hpp"
#include "gateway/desk/desk.hpp"
#include "metrics/samples.hpp"

namespace fgw::daemon {

// From the desk's latest snapshot and service status: safe from any thread.
metrics::DeskSample desk_sample(const desk::Desk& desk);

metrics::CtiSample cti_sample(const cti::client::CtiClientStats& stats, bool has_side_b);

metrics::HistogramSample histogram_sample(const component::LatencyHistogram& histogram);

metrics::XmppSample xmpp_sample(const component::ComponentStats& stats);

}  // namespace fgw::daemon
