// EnterpriseDatabaseConfig—Get and —Set (guide 4.3): the AWDB connection. The password is part of
// the guide's GET response (4.3.1); it is never logged, and the store keeps it encrypted.

#include "gateway/api/api_context.hpp"
#include "gateway/api/config_validation.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/xml/config_xml.hpp"

namespace fgw::api {

namespace {

using namespace config_rules;

constexpr const char* kPath = "/finesseconfig/api/EnterpriseDatabaseConfig";

// A required string field: absent or empty is "Parameter Missing", since an empty database name,
// domain, user name or password cannot be used to connect.
std::string required_non_empty(pugi::xml_node root, std::string_view name) {
  auto text = required_text(root, name);
  if (text.empty()) throw http::parameter_missing(std::string(name));
  return text;
}

config::EnterpriseDatabaseConfig parse_database_config(const std::string& body) {
  const auto doc = parse_body(body, "EnterpriseDatabaseConfig");
  const auto root = root_of(doc);
  config::EnterpriseDatabaseConfig c;
  c.host = validated_host("host", required_text(root, "host"));
  // 4.3.2: an absent backupHost resets it to blank.
  if (auto backup = non_blank_text(root, "backupHost")) c.backup_host = validated_host("backupHost", *backup);
  c.port = validated_port("port", required_text(root, "port"));
  c.database_name = required_non_empty(root, "databaseName");
  c.domain = required_non_empty(root, "domain");
  c.username = required_non_empty(root, "username");
  c.password = required_non_empty(root, "password");
  return c;
}

}  // namespace

void register_database_config_routes(http::Router& router, ApiContext& ctx) {
  router.add(http::Method::Get, kPath, http::Surface::Config, [&ctx](const http::ApiRequest& request) {
    require_administrator(request);
    return http::xml_response(xml::render_enterprise_database_config(ctx.store.enterprise_database_config()));
  });
  router.add(http::Method::Put, kPath, http::Surface::Config, [&ctx](const http::ApiRequest& request) {
    require_administrator(request);
    const auto c = parse_database_config(request.body);
    with_store("EnterpriseDatabaseConfig", [&] { ctx.store.set_enterprise_database_config(c); });
    return empty_ok();
  });
}

}  // namespace fgw::api
