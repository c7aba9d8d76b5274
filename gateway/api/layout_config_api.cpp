// LayoutConfig—Get and —Set (guide 4.4): the desktop layout. <layoutxml> carries the layout as
// escaped text; nested markup is accepted on PUT too (DECISIONS.md 1). Either way the layout is
// checked against the shape of the Finesse layout schema before it is stored.

#include <sstream>

#include "gateway/api/api_context.hpp"
#include "gateway/api/config_validation.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/xml/config_xml.hpp"

namespace fgw::api {

namespace {

using namespace config_rules;

constexpr const char* kPath = "/finesseconfig/api/LayoutConfig/default";
constexpr const char* kFinesseNamespace = "http://www.cisco.com/vtg/finesse";

// Layout problems are all "Invalid Input" on layoutxml (4.4.2's example); ErrorData says what is
// wrong, so an administrator can fix the file.
[[noreturn]] void reject_layout(const std::string& reason) { throw http::invalid_input("layoutxml", reason); }

// The layout's own element names are case-sensitive, as in any schema-governed document.
std::vector<pugi::xml_node> children_named(pugi::xml_node parent, const char* name) {
  std::vector<pugi::xml_node> found;
  for (auto child : parent.children(name)) found.push_back(child);
  return found;
}

pugi::xml_node exactly_one(pugi::xml_node parent, const char* name, const std::string& where) {
  const auto found = children_named(parent, name);
  if (found.size() != 1) reject_layout(where + " must have exactly one <" + name + ">");
  return found.front();
}

void require_non_empty_text(pugi::xml_node node, const std::string& where) {
  if (is_blank(node.text().get())) reject_layout(where + " <" + node.name() + "> must not be empty");
}

void check_gadgets(pugi::xml_node gadgets, const std::string& where) {
  for (auto gadget : children_named(gadgets, "gadget")) require_non_empty_text(gadget, where);
}

void check_tab(pugi::xml_node tab, const std::string& where) {
  require_non_empty_text(exactly_one(tab, "id", where), where);
  require_non_empty_text(exactly_one(tab, "label", where), where);
  const auto gadgets = children_named(tab, "gadgets");
  if (gadgets.size() > 1) reject_layout(where + " has more than one <gadgets>");
  if (!gadgets.empty()) check_gadgets(gadgets.front(), where);
}

void check_layout(pugi::xml_node layout, size_t index) {
  const std::string where = "layout " + std::to_string(index);
  const std::string role = exactly_one(layout, "role", where).text().get();
  if (role != "Agent" && role != "Supervisor") reject_layout(where + ": role must be Agent or Supervisor");
  check_gadgets(exactly_one(layout, "page", where), where + " page");
  const auto tabs = children_named(layout, "tabs");
  if (tabs.size() > 1) reject_layout(where + " has more than one <tabs>");
  if (tabs.empty()) return;
  size_t tab_index = 0;
  for (auto tab : children_named(tabs.front(), "tab")) check_tab(tab, where + " tab " + std::to_string(++tab_index));
}

void check_layout_document(const std::string& layout_xml) {
  pugi::xml_document doc;
  const auto parsed = doc.load_buffer(layout_xml.data(), layout_xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) reject_layout(std::string("not well-formed XML: ") + parsed.description());
  const auto root = doc.document_element();
  if (std::string_view(root.name()) != "finesseLayout") reject_layout("the root element must be finesseLayout");
  // The schema's target namespace: a layout may omit the declaration but not name another one.
  const auto xmlns = root.attribute("xmlns");
  if (xmlns && std::string_view(xmlns.value()) != kFinesseNamespace)
    reject_layout(std::string("finesseLayout must be in the namespace ") + kFinesseNamespace);
  const auto layouts = children_named(root, "layout");
  if (layouts.empty()) reject_layout("finesseLayout must contain at least one layout");
  for (size_t i = 0; i < layouts.size(); ++i) check_layout(layouts[i], i + 1);
}

// Nested markup is re-serialized, with a prolog, into the escaped-text form that GET returns.
std::string nested_markup_text(pugi::xml_node layoutxml) {
  std::ostringstream out;
  out << R"(<?xml version="1.0" encoding="UTF-8"?>)" << '\n';
  for (auto child : layoutxml.children()) {
    if (child.type() == pugi::node_element) child.print(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  }
  return out.str();
}

bool has_element_child(pugi::xml_node node) {
  for (auto child : node.children())
    if (child.type() == pugi::node_element) return true;
  return false;
}

std::string parse_layout_config(const std::string& body) {
  const auto doc = parse_body(body, "LayoutConfig");
  const auto layoutxml = last_child(root_of(doc), "layoutxml");
  if (!layoutxml) throw http::parameter_missing("layoutxml");
  const std::string layout = has_element_child(layoutxml) ? nested_markup_text(layoutxml) : layoutxml.text().get();
  if (is_blank(layout)) throw http::parameter_missing("layoutxml");  // "the XML file was not provided"
  check_layout_document(layout);
  return layout;
}

}  // namespace

void register_layout_config_routes(http::Router& router, ApiContext& ctx) {
  router.add(http::Method::Get, kPath, http::Surface::Config, [&ctx](const http::ApiRequest& request) {
    require_administrator(request);
    return http::xml_response(xml::render_layout_config(ctx.store.layout_xml()));
  });
  router.add(http::Method::Put, kPath, http::Surface::Config, [&ctx](const http::ApiRequest& request) {
    require_administrator(request);
    const auto layout = parse_layout_config(request.body);
    with_store("LayoutConfig", [&] { ctx.store.set_layout_xml(layout); });
    return empty_ok();
  });
}

}  // namespace fgw::api
