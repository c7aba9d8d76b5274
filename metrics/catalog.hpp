#pragma once
// Every metric family the gateway can export: the one table that the exporter builds its families
// from and that `finesse-gw --list-metrics` prints. Dashboards and alert rules name these exactly
// (docs/metrics.md), so a family is renamed only together with them.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fgw::metrics {

enum class Kind { Counter, Gauge, Histogram };
std::string_view to_string(Kind kind);  // "counter" / "gauge" / "histogram"

struct MetricDef {
  std::string_view name;    // always starts with finesse_gw_ (DESIGN.md "Contract")
  Kind kind;
  std::string_view labels;  // label names, comma-separated; empty for none
  std::string_view help;
};

// The gateway itself.
inline constexpr MetricDef kBuildInfo{"finesse_gw_build_info", Kind::Gauge, "version",
                                      "Always 1; the version label names the running build"};
inline constexpr MetricDef kNodeInfo{"finesse_gw_node_info", Kind::Gauge, "node,component",
                                     "Always 1; which node of the pair this is and its XMPP component"};

// The desk: service status and live state.
inline constexpr MetricDef kServiceStatus{"finesse_gw_service_status", Kind::Gauge, "status",
                                          "1 for the current service status (SystemInfo status), 0 for the others"};
inline constexpr MetricDef kAgents{"finesse_gw_agents", Kind::Gauge, "state",
                                   "Signed-in agents by Finesse user state"};
inline constexpr MetricDef kDialogsActive{"finesse_gw_dialogs_active", Kind::Gauge, "",
                                          "Calls in the desk's live state"};

// The CTI link (GED-188 client).
inline constexpr MetricDef kCtiSideConnected{"finesse_gw_cti_side_connected", Kind::Gauge, "side",
                                             "1 while a TCP connection to this CTI side is open"};
inline constexpr MetricDef kCtiSideActive{"finesse_gw_cti_side_active", Kind::Gauge, "side",
                                          "1 while this CTI side serves the gateway's session"};
inline constexpr MetricDef kCtiFailovers{"finesse_gw_cti_failovers_total", Kind::Counter, "",
                                         "CTI sessions opened on the other side than the previous session"};
inline constexpr MetricDef kCtiReconnects{"finesse_gw_cti_reconnects_total", Kind::Counter, "",
                                          "CTI connect attempts after the first one"};
inline constexpr MetricDef kCtiSessionsLost{"finesse_gw_cti_sessions_lost_total", Kind::Counter, "",
                                            "CTI sessions lost (socket error, heartbeats, side offline)"};
inline constexpr MetricDef kCtiHeartbeatMisses{"finesse_gw_cti_heartbeat_misses_total", Kind::Counter, "",
                                               "CTI heartbeats that went unanswered"};
inline constexpr MetricDef kCtiRequestTimeouts{"finesse_gw_cti_request_timeouts_total", Kind::Counter, "",
                                               "CTI requests that got no confirmation in time"};
inline constexpr MetricDef kCtiEvents{"finesse_gw_cti_events_total", Kind::Counter, "",
                                      "Unsolicited CTI messages (agent, call and system events) received"};
inline constexpr MetricDef kCtiRequestDuration{"finesse_gw_cti_request_duration_seconds", Kind::Histogram, "request",
                                               "CTI request round trip, by GED-188 request message"};
inline constexpr MetricDef kCtiErrors{"finesse_gw_cti_errors_total", Kind::Counter, "error",
                                      "Failed CTI requests by failure name (E_CTI_*, CF_*, CTI_*)"};

// The XMPP component (only with [xmpp] enabled).
inline constexpr MetricDef kXmppLinkUp{"finesse_gw_xmpp_link_up", Kind::Gauge, "",
                                       "1 while the component is connected to the XMPP server"};
inline constexpr MetricDef kXmppReconnects{"finesse_gw_xmpp_reconnects_total", Kind::Counter, "",
                                           "XMPP component reconnections"};
inline constexpr MetricDef kXmppPublishes{"finesse_gw_xmpp_publishes_total", Kind::Counter, "",
                                          "Pubsub publishes acknowledged by the server"};
inline constexpr MetricDef kXmppPublishFailures{"finesse_gw_xmpp_publish_failures_total", Kind::Counter, "",
                                                "Pubsub publishes given up after retries"};
inline constexpr MetricDef kXmppPublishRetries{"finesse_gw_xmpp_publish_retries_total", Kind::Counter, "",
                                               "Pubsub publishes retried"};
inline constexpr MetricDef kXmppPublishDropped{"finesse_gw_xmpp_publish_dropped_total", Kind::Counter, "",
                                               "Notifications lost to the publish queue's capacity"};
inline constexpr MetricDef kXmppPublishCoalesced{"finesse_gw_xmpp_publish_coalesced_total", Kind::Counter, "",
                                                 "Notifications superseded by a newer state of the same node"};
inline constexpr MetricDef kXmppBootstrapFailures{"finesse_gw_xmpp_bootstrap_failures_total", Kind::Counter, "",
                                                  "Pubsub node bootstraps that failed"};
inline constexpr MetricDef kXmppNodeRepairs{"finesse_gw_xmpp_node_repairs_total", Kind::Counter, "",
                                            "Pubsub nodes created again after a publish found them deleted"};
inline constexpr MetricDef kXmppQueueDepth{"finesse_gw_xmpp_publish_queue_depth", Kind::Gauge, "",
                                           "Notifications waiting in the publish queue"};
inline constexpr MetricDef kXmppQueueHighWater{"finesse_gw_xmpp_publish_queue_high_water", Kind::Gauge, "",
                                               "The publish queue's highest depth since start"};
inline constexpr MetricDef kXmppBootstrapDuration{"finesse_gw_xmpp_bootstrap_duration_seconds", Kind::Gauge, "",
                                                  "How long the last pubsub node bootstrap took"};
inline constexpr MetricDef kXmppPresenceSessions{"finesse_gw_xmpp_presence_sessions", Kind::Gauge, "",
                                                 "Agent sessions that receive the finesse entity's presence"};
inline constexpr MetricDef kXmppPublishDuration{"finesse_gw_xmpp_publish_duration_seconds", Kind::Histogram, "",
                                                "Pubsub publish round trip (IQ sent to its result)"};

// The primary/secondary pair (part of the XMPP component's state).
inline constexpr MetricDef kPairPublishing{"finesse_gw_pair_publishing", Kind::Gauge, "",
                                           "1 while this node is the one publishing to the shared nodes"};
inline constexpr MetricDef kPairPeerServing{"finesse_gw_pair_peer_serving", Kind::Gauge, "",
                                            "1 while the peer node answers pings and serves"};
inline constexpr MetricDef kPairTakeovers{"finesse_gw_pair_takeovers_total", Kind::Counter, "",
                                          "Times this node went from standby to publishing"};
inline constexpr MetricDef kPairStandDowns{"finesse_gw_pair_stand_downs_total", Kind::Counter, "",
                                           "Times this node went from publishing to standby"};
inline constexpr MetricDef kPairPeerPingFailures{"finesse_gw_pair_peer_ping_failures_total", Kind::Counter, "",
                                                 "Pings to the peer node that failed"};
inline constexpr MetricDef kPairReplayed{"finesse_gw_pair_replayed_total", Kind::Counter, "",
                                         "Notifications replayed at takeover that the peer had not published"};
inline constexpr MetricDef kPairStandbyPending{"finesse_gw_pair_standby_pending", Kind::Gauge, "",
                                               "Notifications computed on standby and not yet seen from the peer"};

// The REST API.
inline constexpr MetricDef kHttpRequests{"finesse_gw_http_requests_total", Kind::Counter, "route,method,status",
                                         "REST requests answered, by route pattern, method and status"};
inline constexpr MetricDef kHttpRequestDuration{"finesse_gw_http_request_duration_seconds", Kind::Histogram,
                                                "route,method", "REST request handling time, by route pattern"};

// `def.labels` split at the commas: {"route", "method", "status"}.
std::vector<std::string> label_names(const MetricDef& def);

// Every family above, in the order they are declared.
std::span<const MetricDef* const> catalog();

}  // namespace fgw::metrics
