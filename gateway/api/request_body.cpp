#include "gateway/api/request_body.hpp"

#include <charconv>
#include <strings.h>

#include "gateway/http/api_error.hpp"

namespace fgw::api {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

pugi::xml_document parse_body(const std::string& body, std::string_view expected_root) {
  pugi::xml_document doc;
  if (body.find_first_not_of(" \t\r\n") == std::string::npos)
    throw http::parameter_missing(std::string(expected_root));
  // parse_default keeps entities and CDATA handling; DOCTYPEs are never expanded by pugixml, so
  // there is no entity-expansion attack surface.
  auto result = doc.load_buffer(body.data(), body.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) throw http::invalid_input("Malformed XML", result.description());
  auto root = root_of(doc);
  if (!root || !iequals(root.name(), expected_root))
    throw http::invalid_input("Invalid root element", root ? root.name() : "");
  return doc;
}

pugi::xml_node root_of(const pugi::xml_document& doc) { return doc.document_element(); }

pugi::xml_node last_child(pugi::xml_node parent, std::string_view name) {
  pugi::xml_node found;
  for (auto child : parent.children()) {
    if (child.type() == pugi::node_element && iequals(child.name(), name)) found = child;
  }
  return found;
}

std::optional<std::string> last_child_text(pugi::xml_node parent, std::string_view name) {
  auto node = last_child(parent, name);
  if (!node) return std::nullopt;
  return std::string(node.text().get());
}

std::optional<long long> parse_integer(std::string_view text, long long min, long long max) {
  long long value = 0;
  if (text.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < min || value > max) return std::nullopt;
  return value;
}

std::optional<bool> parse_boolean(std::string_view text) {
  if (iequals(text, "true")) return true;
  if (iequals(text, "false")) return false;
  return std::nullopt;
}

}  // namespace fgw::api
