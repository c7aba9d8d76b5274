// ClusterConfig—Get and —Set (guide 4.2): the secondary Finesse node.

#include "gateway/api/api_context.hpp"
#include "gateway/api/config_validation.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/xml/config_xml.hpp"

namespace fgw::api {

namespace {

using namespace config_rules;

constexpr const char* kPath = "/finesseconfig/api/ClusterConfig";

// 4.2.2 note: a blank or absent host removes the secondary node.
config::ClusterConfig parse_cluster_config(const std::string& body) {
  const auto doc = parse_body(body, "ClusterConfig");
  config::ClusterConfig c;
  const auto host = non_blank_text(last_child(root_of(doc), "secondaryNode"), "host");
  if (host) c.secondary_host = validated_host("host", *host);
  return c;
}

// Until an administrator sets it, the secondary node is the one the pair's config names: the
// peer on the primary, this node itself on the secondary.
config::ClusterConfig effective_cluster_config(const ApiContext& ctx) {
  auto c = ctx.store.cluster_config();
  if (c.secondary_host.empty())
    c.secondary_host = ctx.config.node.name == "primary" ? ctx.config.node.peer_host
                       : ctx.config.node.peer_component.empty() ? std::string() : ctx.config.node.host;
  return c;
}

}  // namespace

void register_cluster_config_routes(http::Router& router, ApiContext& ctx) {
  router.add(http::Method::Get, kPath, http::Surface::Config, [&ctx](const http::ApiRequest& request) {
    require_administrator(request);
    return http::xml_response(xml::render_cluster_config(effective_cluster_config(ctx)));
  });
  router.add(http::Method::Put, kPath, http::Surface::Config, [&ctx](const http::ApiRequest& request) {
    require_administrator(request);
    const auto c = parse_cluster_config(request.body);
    with_store("ClusterConfig", [&] { ctx.store.set_cluster_config(c); });
    return empty_ok();
  });
}

}  // namespace fgw::api
