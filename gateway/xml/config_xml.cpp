#include "gateway/xml/config_xml.hpp"

#include "gateway/xml/xml_writer.hpp"

namespace fgw::xml {

namespace {

std::string text_of(const std::optional<uint16_t>& value) { return value ? std::to_string(*value) : std::string(); }

const char* text_of(bool value) { return value ? "true" : "false"; }

void append_reason_code(pugi::xml_node parent, const config::ReasonCode& rc) {
  auto node = parent.append_child("ReasonCode");
  append_text(node, "uri", reason_code_uri(rc.id));
  append_text(node, "category", config::to_string(rc.category));
  append_text(node, "code", std::to_string(rc.code));
  append_text(node, "label", rc.label);
  append_text(node, "forAll", text_of(rc.for_all));
}

void append_wrap_up_reason(pugi::xml_node parent, const config::WrapUpReason& w, const WrapUpReasonUri& uri_of) {
  auto node = parent.append_child("WrapUpReason");
  append_text(node, "uri", uri_of(w.id));
  append_text(node, "label", w.label);
  append_text(node, "forAll", text_of(w.for_all));
}

void append_entry(pugi::xml_node parent, const config::MediaPropertyEntry& entry) {
  auto node = parent.append_child("entry");
  append_text(node, "displayName", entry.display_name);
  append_text(node, "mediaProperty", entry.media_property);
}

}  // namespace

// Unset backup fields are rendered as empty elements, as 4.3.1 does for its optional fields, so a
// client that PUTs back what it GOT sends "both absent" rather than half a pair.
std::string render_system_config(const config::CtiServerConfig& c) {
  pugi::xml_document doc;
  auto root = doc.append_child("SystemConfig");
  append_text(root, "uri", "/finesseconfig/api/SystemConfig");
  auto cti = root.append_child("cti");
  append_text(cti, "host", c.host);
  append_text(cti, "port", std::to_string(c.port));
  append_text(cti, "backupHost", c.backup_host.value_or(""));
  append_text(cti, "backupPort", text_of(c.backup_port));
  append_text(cti, "peripheralId", std::to_string(c.peripheral_id));
  return serialize(doc);
}

std::string render_cluster_config(const config::ClusterConfig& c) {
  pugi::xml_document doc;
  auto root = doc.append_child("ClusterConfig");
  append_text(root, "uri", "/finesseconfig/api/ClusterConfig");
  append_text(root.append_child("secondaryNode"), "host", c.secondary_host);
  return serialize(doc);
}

std::string render_enterprise_database_config(const config::EnterpriseDatabaseConfig& c) {
  pugi::xml_document doc;
  auto root = doc.append_child("EnterpriseDatabaseConfig");
  append_text(root, "uri", "/finesseconfig/api/EnterpriseDatabaseConfig");
  append_text(root, "host", c.host);
  append_text(root, "backupHost", c.backup_host);
  append_text(root, "port", text_of(c.port));
  append_text(root, "databaseName", c.database_name);
  append_text(root, "domain", c.domain);
  append_text(root, "username", c.username);
  append_text(root, "password", c.password);
  return serialize(doc);
}

std::string render_layout_config(const std::string& layout_xml) {
  pugi::xml_document doc;
  auto root = doc.append_child("LayoutConfig");
  append_text(root, "uri", "/finesseconfig/api/LayoutConfig/default");
  append_text(root, "layoutxml", layout_xml);
  return serialize(doc);
}

// The header element is omitted when no header is set; every stored column is rendered, also an
// empty one, so that the second column keeps its place on the right (guide 5.3 "column").
std::string render_media_properties_layout(const config::MediaPropertiesLayout& layout) {
  pugi::xml_document doc;
  auto root = doc.append_child("MediaPropertiesLayout");
  if (layout.header) append_entry(root.append_child("header"), *layout.header);
  for (const auto& column : layout.columns) {
    auto node = root.append_child("column");
    for (const auto& entry : column) append_entry(node, entry);
  }
  return serialize(doc);
}

std::string reason_code_uri(int64_t id) { return "/finesseconfig/api/ReasonCode/" + std::to_string(id); }

std::string render_reason_code(const config::ReasonCode& rc) {
  pugi::xml_document doc;
  append_reason_code(doc, rc);
  return serialize(doc);
}

// The guide shows the list's category two ways: as an attribute (3.1.8) and as a <category> child
// (4.5.2). We emit the attribute on both surfaces: every ReasonCode child already carries its own
// <category>, so a child element would only make the list's children heterogeneous, and 3.1.8 is
// the fuller, concrete example.
std::string render_reason_codes(config::ReasonCategory category, const std::vector<config::ReasonCode>& codes) {
  pugi::xml_document doc;
  auto root = doc.append_child("ReasonCodes");
  root.append_attribute("category").set_value(config::to_string(category));
  for (const auto& rc : codes) append_reason_code(root, rc);
  return serialize(doc);
}

std::string config_wrap_up_reason_uri(int64_t id) { return "/finesseconfig/api/WrapUpReason/" + std::to_string(id); }

WrapUpReasonUri user_wrap_up_reason_uri(const std::string& user_id) {
  return [user_id](int64_t id) { return "/finesse/api/User/" + user_id + "/WrapUpReason/" + std::to_string(id); };
}

std::string render_wrap_up_reason(const config::WrapUpReason& w, const WrapUpReasonUri& uri_of) {
  pugi::xml_document doc;
  append_wrap_up_reason(doc, w, uri_of);
  return serialize(doc);
}

std::string render_wrap_up_reasons(const std::vector<config::WrapUpReason>& reasons, const WrapUpReasonUri& uri_of) {
  pugi::xml_document doc;
  auto root = doc.append_child("WrapUpReasons");
  for (const auto& w : reasons) append_wrap_up_reason(root, w, uri_of);
  return serialize(doc);
}

}  // namespace fgw::xml
