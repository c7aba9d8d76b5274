// MediaPropertiesLayout—Get and —Set (guide 4.7): how call and ECC variables appear in the call
// control gadget. Unlike scalar fields (last one wins), the layout's parts are counted: 5.3 says
// "exactly one" displayName and mediaProperty per entry, at most two columns of ten entries.

#include "gateway/api/api_context.hpp"
#include "gateway/api/config_validation.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/xml/config_xml.hpp"

namespace fgw::api {

namespace {

using namespace config_rules;

constexpr const char* kPath = "/finesseconfig/api/MediaPropertiesLayout/default";
constexpr size_t kMaxColumns = 2;
constexpr size_t kMaxEntriesPerColumn = 10;
constexpr size_t kMaxDisplayNameCharacters = 50;
constexpr size_t kMaxMediaPropertyLength = 32;
constexpr int kCallVariableCount = 10;

// Element names match case-insensitively, as for every request body (DECISIONS.md 6).
std::vector<pugi::xml_node> children_named(pugi::xml_node parent, std::string_view name) {
  std::vector<pugi::xml_node> found;
  for (auto child : parent.children())
    if (child.type() == pugi::node_element && iequals(child.name(), name)) found.push_back(child);
  return found;
}

bool is_call_variable(std::string_view name) {
  for (int i = 1; i <= kCallVariableCount; ++i)
    if (name == "callVariable" + std::to_string(i)) return true;
  return false;
}

// An ECC variable name (5.3 "CallVariable"): the "user" prefix and something after it, printable
// ASCII without spaces (8.5 supports Latin-1 ECC names only; CTI checks the rest).
bool is_ecc_variable(std::string_view name) {
  if (name.size() <= 4 || name.substr(0, 4) != "user") return false;
  for (char c : name)
    if (c <= ' ' || c > '~') return false;
  return true;
}

bool is_valid_media_property(std::string_view name) {
  return name.size() <= kMaxMediaPropertyLength && (is_call_variable(name) || is_ecc_variable(name));
}

// Exactly one `name` in an entry: none is "Parameter Missing", several are "Invalid Input".
std::string sole_text(pugi::xml_node entry, std::string_view name) {
  const auto found = children_named(entry, name);
  if (found.empty()) throw http::parameter_missing(std::string(name));
  if (found.size() > 1) throw http::invalid_input(std::string(name), std::to_string(found.size()) + " values in one entry");
  return found.front().text().get();
}

config::MediaPropertyEntry parse_entry(pugi::xml_node entry) {
  config::MediaPropertyEntry parsed;
  parsed.display_name = sole_text(entry, "displayName");
  const auto length = utf8_length(parsed.display_name);
  if (!length || *length > kMaxDisplayNameCharacters) throw http::invalid_input("displayName", parsed.display_name);
  parsed.media_property = sole_text(entry, "mediaProperty");
  if (!is_valid_media_property(parsed.media_property)) throw http::invalid_input("mediaProperty", parsed.media_property);
  return parsed;
}

std::optional<config::MediaPropertyEntry> parse_header(pugi::xml_node root) {
  const auto headers = children_named(root, "header");
  if (headers.size() > 1) throw http::invalid_input("header", std::to_string(headers.size()) + " headers");
  if (headers.empty()) return std::nullopt;
  const auto entries = children_named(headers.front(), "entry");
  if (entries.size() > 1) throw http::invalid_input("header", std::to_string(entries.size()) + " entries");
  if (entries.empty()) return std::nullopt;
  return parse_entry(entries.front());
}

std::vector<config::MediaPropertyEntry> parse_column(pugi::xml_node column) {
  const auto entries = children_named(column, "entry");
  if (entries.size() > kMaxEntriesPerColumn)
    throw http::invalid_input("column", std::to_string(entries.size()) + " entries");
  std::vector<config::MediaPropertyEntry> parsed;
  for (auto entry : entries) parsed.push_back(parse_entry(entry));
  return parsed;
}

config::MediaPropertiesLayout parse_layout(const std::string& body) {
  const auto doc = parse_body(body, "MediaPropertiesLayout");
  const auto root = root_of(doc);
  config::MediaPropertiesLayout layout;
  layout.header = parse_header(root);
  const auto columns = children_named(root, "column");
  if (columns.size() > kMaxColumns) throw http::invalid_input("column", std::to_string(columns.size()) + " columns");
  for (auto column : columns) layout.columns.push_back(parse_column(column));
  return layout;
}

}  // namespace

void register_media_properties_layout_routes(http::Router& router, ApiContext& ctx) {
  router.add(http::Method::Get, kPath, http::Surface::Config, [&ctx](const http::ApiRequest& request) {
    require_administrator(request);
    return http::xml_response(xml::render_media_properties_layout(ctx.store.media_properties_layout()));
  });
  router.add(http::Method::Put, kPath, http::Surface::Config, [&ctx](const http::ApiRequest& request) {
    require_administrator(request);
    const auto layout = parse_layout(request.body);
    with_store("MediaPropertiesLayout", [&] { ctx.store.set_media_properties_layout(layout); });
    return empty_ok();
  });
}

}  // namespace fgw::api
