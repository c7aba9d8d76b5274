// SystemConfig—Get and —Set (guide 4.1): the primary and backup CTI servers.

#include "gateway/api/api_context.hpp"
#include "gateway/api/config_validation.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/xml/config_xml.hpp"

namespace fgw::api {

namespace {

using namespace config_rules;

constexpr const char* kPath = "/finesseconfig/api/SystemConfig";

// backupHost and backupPort come as a pair (5.3). A blank value counts as absent, so that the
// body a GET returns for "no backup" (empty elements) can be PUT back unchanged.
void read_backup(pugi::xml_node cti, config::CtiServerConfig& c) {
  const auto backup_host = non_blank_text(cti, "backupHost");
  const auto backup_port = non_blank_text(cti, "backupPort");
  if (!backup_host && !backup_port) return;  // 4.1.2 note: a PUT without them removes them
  if (!backup_host) throw http::parameter_missing("backupHost");
  if (!backup_port) throw http::parameter_missing("backupPort");
  validated_host("backupHost", *backup_host);
  if (iequals(*backup_host, c.host)) throw http::invalid_input("backupHost", *backup_host);
  c.backup_host = *backup_host;
  c.backup_port = validated_port("backupPort", *backup_port);
}

config::CtiServerConfig parse_system_config(const std::string& body) {
  const auto doc = parse_body(body, "SystemConfig");
  const auto cti = last_child(root_of(doc), "cti");
  if (!cti) throw http::parameter_missing("cti");
  config::CtiServerConfig c;
  c.host = validated_host("host", required_text(cti, "host"));
  c.port = validated_port("port", required_text(cti, "port"));
  read_backup(cti, c);
  c.peripheral_id = static_cast<int>(validated_integer("peripheralId", required_text(cti, "peripheralId"), 1, 32767));
  return c;
}

}  // namespace

void register_system_config_routes(http::Router& router, ApiContext& ctx) {
  router.add(http::Method::Get, kPath, http::Surface::Config, [&ctx](const http::ApiRequest& request) {
    require_administrator(request);
    return http::xml_response(xml::render_system_config(ctx.store.system_config()));
  });
  router.add(http::Method::Put, kPath, http::Surface::Config, [&ctx](const http::ApiRequest& request) {
    require_administrator(request);
    const auto c = parse_system_config(request.body);
    with_store("SystemConfig", [&] { ctx.store.set_system_config(c); });
    return empty_ok();
  });
}

}  // namespace fgw::api
