// SystemInfo—Get SystemInfo (3.4.1), and /health for load balancers (DESIGN.md "Contract").

#include "gateway/api/system_info.hpp"

namespace fgw::api {

xml::SystemInfoView system_info_view(const ApiContext& ctx) {
  const auto& node = ctx.config.node;
  xml::SystemInfoView view;
  view.status = desk::to_string(ctx.desk.service().snapshot().status);
  view.xmpp_domain = ctx.config.xmpp.domain;
  view.xmpp_pubsub_domain = ctx.config.xmpp.pubsub;
  // The secondary node is what the administrator set in ClusterConfig (4.2); this node fills the
  // slot of its own role when nothing else names it.
  // A pair's peer (`[node] peer_host`) names the other slot when nothing else does.
  const std::string secondary = ctx.store.cluster_config().secondary_host;
  if (node.name == "primary") {
    view.primary_host = node.host;
    view.secondary_host = secondary.empty() ? node.peer_host : secondary;
  } else {
    view.primary_host = node.primary_host.empty() ? node.peer_host : node.primary_host;
    view.secondary_host = secondary.empty() ? node.host : secondary;
  }
  return view;
}

namespace {

http::ApiResponse health(ApiContext& ctx) {
  const auto snapshot = ctx.desk.service().snapshot();
  http::ApiResponse response;
  response.content_type = "text/plain";
  if (snapshot.status == desk::SystemStatus::InService) {
    response.body = "IN_SERVICE";
  } else {
    response.status = 503;
    response.body = "OUT_OF_SERVICE: " + snapshot.reason;
  }
  return response;
}

}  // namespace

void register_system_info_routes(http::Router& router, ApiContext& ctx) {
  router.add(http::Method::Get, "/finesse/api/SystemInfo", http::Surface::SystemInfo,
             [&ctx](const http::ApiRequest&) { return http::xml_response(xml::render_system_info(system_info_view(ctx))); });
  router.add(http::Method::Get, "/health", http::Surface::Public,
             [&ctx](const http::ApiRequest&) { return health(ctx); });
}

}  // namespace fgw::api
