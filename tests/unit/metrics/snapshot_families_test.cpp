// The families built at scrape time, as Prometheus reads them: the text exposition of
// GatewayMetrics for representative samples.
#include <gtest/gtest.h>

#include "gateway/daemon/metrics_feed.hpp"
#include "gateway/desk/desk.hpp"
#include "metrics/gateway_metrics.hpp"
#include "unit/metrics/exposition_support.hpp"

namespace fgw::metrics {
namespace {

using test::has_series;
using test::HasLine;

SnapshotSources sources_with(DeskSample desk, CtiSample cti) {
  SnapshotSources sources;
  sources.info = {"1.2.3", "secondary", "finesse.example.com"};
  sources.desk = [desk] { return desk; };
  sources.cti = [cti] { return cti; };
  return sources;
}

std::string scrape(SnapshotSources sources) { return to_text(GatewayMetrics(std::move(sources))); }

TEST(SnapshotFamilies, InfoGaugesCarryVersionNodeAndComponent) {
  const auto text = scrape(sources_with({}, {}));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_build_info{version="1.2.3"} 1)"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_node_info{component="finesse.example.com",node="secondary"} 1)"));
  EXPECT_THAT(text, HasLine("# TYPE finesse_gw_build_info gauge"));
}

TEST(SnapshotFamilies, ServiceStatusIsOneHotOverEveryStatus) {
  DeskSample desk;
  desk.status = desk::SystemStatus::OutOfService;
  auto text = scrape(sources_with(desk, {}));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_service_status{status="OUT_OF_SERVICE"} 1)"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_service_status{status="IN_SERVICE"} 0)"));

  desk.status = desk::SystemStatus::InService;
  text = scrape(sources_with(desk, {}));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_service_status{status="OUT_OF_SERVICE"} 0)"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_service_status{status="IN_SERVICE"} 1)"));
}

TEST(SnapshotFamilies, SideGaugesFollowTheClientStats) {
  cti::client::CtiClientStats stats;
  stats.in_service = true;
  stats.connected_side = cti::client::Side::B;
  stats.active_side = cti::client::Side::B;
  stats.failovers = 3;
  stats.reconnect_attempts = 7;
  stats.sessions_lost = 2;
  stats.heartbeats_missed = 4;
  stats.request_timeouts = 5;
  stats.events_received = 42;
  const auto text = scrape(sources_with({}, daemon::cti_sample(stats, true)));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_cti_side_connected{side="a"} 0)"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_cti_side_connected{side="b"} 1)"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_cti_side_active{side="a"} 0)"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_cti_side_active{side="b"} 1)"));
  EXPECT_THAT(text, HasLine("finesse_gw_cti_failovers_total 3"));
  EXPECT_THAT(text, HasLine("finesse_gw_cti_reconnects_total 7"));
  EXPECT_THAT(text, HasLine("finesse_gw_cti_sessions_lost_total 2"));
  EXPECT_THAT(text, HasLine("finesse_gw_cti_heartbeat_misses_total 4"));
  EXPECT_THAT(text, HasLine("finesse_gw_cti_request_timeouts_total 5"));
  EXPECT_THAT(text, HasLine("finesse_gw_cti_events_total 42"));
  EXPECT_THAT(text, HasLine("# TYPE finesse_gw_cti_failovers_total counter"));
}

TEST(SnapshotFamilies, ConnectedButNotYetOpenIsNotActive) {
  cti::client::CtiClientStats stats;
  stats.connected_side = cti::client::Side::A;  // TCP up, OPEN_CONF not received yet
  const auto text = scrape(sources_with({}, daemon::cti_sample(stats, true)));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_cti_side_connected{side="a"} 1)"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_cti_side_active{side="a"} 0)"));
}

TEST(SnapshotFamilies, SideBIsAbsentWhenNotConfigured) {
  cti::client::CtiClientStats stats;
  stats.in_service = true;
  stats.connected_side = stats.active_side = cti::client::Side::A;
  const auto text = scrape(sources_with({}, daemon::cti_sample(stats, false)));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_cti_side_active{side="a"} 1)"));
  EXPECT_EQ(text.find(R"(side="b")"), std::string::npos) << text;
}

TEST(SnapshotFamilies, AgentsCountSignedInUsersPerStateWithEveryStateListed) {
  desk::Desk desk;
  desk.set_agent_state("1001", desk::AgentState("READY", "1001"));
  desk.set_agent_state("1002", desk::AgentState("READY", "1002"));
  desk.set_agent_state("1003", desk::AgentState("TALKING", "1003"));
  desk.set_agent_state("1004", desk::AgentState("LOGOUT"));
  SnapshotSources sources;
  sources.desk = [&desk] { return daemon::desk_sample(desk); };
  const auto text = scrape(std::move(sources));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_agents{state="READY"} 2)"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_agents{state="TALKING"} 1)"));
  for (const char* idle : {"NOT_READY", "RESERVED", "WORK", "WORK_READY", "HOLD", "UNKNOWN"})
    EXPECT_THAT(text, HasLine(std::string(R"(finesse_gw_agents{state=")") + idle + R"("} 0)"));
  EXPECT_EQ(text.find(R"(state="LOGOUT")"), std::string::npos) << "signed-out users are not agents on duty";
  EXPECT_THAT(text, HasLine("finesse_gw_dialogs_active 0"));
  // A desk nobody reported on is IN_SERVICE (service_status.hpp).
  EXPECT_THAT(text, HasLine(R"(finesse_gw_service_status{status="IN_SERVICE"} 1)"));
}

component::ComponentStats component_stats_with_latencies() {
  component::ComponentStats stats;
  stats.link_up = true;
  stats.published = 3;
  stats.queue_depth = 5;
  stats.last_bootstrap_seconds = 1.5;
  auto& h = stats.publish_ack_latency;
  // Three acks: 0.0008 s, 0.02 s and 7 s (beyond the last bound, so only in +Inf).
  for (double seconds : {0.0008, 0.02, 7.0}) {
    for (std::size_t i = 0; i < component::LatencyHistogram::kBuckets; ++i)
      if (seconds <= component::LatencyHistogram::kBounds[i]) ++h.cumulative[i];
    ++h.count;
    h.sum_seconds += seconds;
  }
  stats.pair.publishing = true;
  stats.pair.takeovers = 2;
  return stats;
}

TEST(SnapshotFamilies, PublishLatencyIsARealHistogramWithCumulativeBuckets) {
  SnapshotSources sources;
  const auto stats = component_stats_with_latencies();
  sources.xmpp = [stats] { return daemon::xmpp_sample(stats); };
  const auto text = scrape(std::move(sources));
  EXPECT_THAT(text, HasLine("# TYPE finesse_gw_xmpp_publish_duration_seconds histogram"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_xmpp_publish_duration_seconds_bucket{le="0.0005"} 0)"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_xmpp_publish_duration_seconds_bucket{le="0.001"} 1)"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_xmpp_publish_duration_seconds_bucket{le="0.01"} 1)"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_xmpp_publish_duration_seconds_bucket{le="0.025"} 2)"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_xmpp_publish_duration_seconds_bucket{le="5"} 2)"));
  EXPECT_THAT(text, HasLine(R"(finesse_gw_xmpp_publish_duration_seconds_bucket{le="+Inf"} 3)"));
  EXPECT_THAT(text, HasLine("finesse_gw_xmpp_publish_duration_seconds_count 3"));
  EXPECT_THAT(text, HasLine("finesse_gw_xmpp_publish_duration_seconds_sum 7.0208"));
  EXPECT_THAT(text, HasLine("finesse_gw_xmpp_link_up 1"));
  EXPECT_THAT(text, HasLine("finesse_gw_xmpp_publishes_total 3"));
  EXPECT_THAT(text, HasLine("finesse_gw_xmpp_publish_queue_depth 5"));
  EXPECT_THAT(text, HasLine("finesse_gw_xmpp_bootstrap_duration_seconds 1.5"));
  EXPECT_THAT(text, HasLine("finesse_gw_pair_publishing 1"));
  EXPECT_THAT(text, HasLine("finesse_gw_pair_takeovers_total 2"));
}

TEST(SnapshotFamilies, WithoutXmppNoXmppOrPairFamilies) {
  const auto text = scrape(sources_with({}, {}));
  EXPECT_FALSE(has_series(text, "finesse_gw_xmpp_link_up")) << text;
  EXPECT_FALSE(has_series(text, "finesse_gw_pair_publishing")) << text;
  EXPECT_EQ(text.find("finesse_gw_xmpp_"), std::string::npos) << text;
  EXPECT_EQ(text.find("finesse_gw_pair_"), std::string::npos) << text;
}

}  // namespace
}  // namespace fgw::metrics
