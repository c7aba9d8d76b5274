#include "gateway/api/config_validation.hpp"

namespace fgw::api::config_rules {

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::optional<Utf8Lead> classify_utf8_lead(unsigned char lead) {
  if (lead < 0x80) return Utf8Lead{0, 0, 0};
  if (lead >= 0xC2 && lead <= 0xDF) return Utf8Lead{1, 0x80, 0xBF};
  if (lead == 0xE0) return Utf8Lead{2, 0xA0, 0xBF};
  if (lead == 0xED) return Utf8Lead{2, 0x80, 0x9F};
  if (lead >= 0xE1 && lead <= 0xEF) return Utf8Lead{2, 0x80, 0xBF};
  if (lead == 0xF0) return Utf8Lead{3, 0x90, 0xBF};
  if (lead >= 0xF1 && lead <= 0xF3) return Utf8Lead{3, 0x80, 0xBF};
  if (lead == 0xF4) return Utf8Lead{3, 0x80, 0x8F};
  return std::nullopt;
}

std::optional<size_t> utf8_length(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++count) {
    const auto lead = classify_utf8_lead(static_cast<unsigned char>(text[i]));
    if (!lead || i + lead->continuation_bytes > text.size() - 1) return std::nullopt;  // truncated
    for (size_t k = 1; k <= lead->continuation_bytes; ++k) {
      const auto byte = static_cast<unsigned char>(text[i + k]);
      const unsigned char min = k == 1 ? lead->second_min : 0x80;
      const unsigned char max = k == 1 ? lead->second_max : 0xBF;
      if (byte < min || byte > max) return std::nullopt;
    }
    i += lead->continuation_bytes + 1;
  }
  return count;
}

bool is_valid_host(std::string_view host) {
  if (host.empty()) return false;
  for (char c : host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
  }
  return true;
}

std::string required_text(pugi::xml_node parent, std::string_view name) {
  auto text = last_child_text(parent, name);
  if (!text) throw http::parameter_missing(std::string(name));
  return *text;
}

std::optional<std::string> non_blank_text(pugi::xml_node parent, std::string_view name) {
  auto text = last_child_text(parent, name);
  if (!text || is_blank(*text)) return std::nullopt;
  return text;
}

std::string validated_host(std::string_view name, const std::string& value) {
  if (!is_valid_host(value)) throw http::invalid_input(std::string(name), value);
  return value;
}

long long validated_integer(std::string_view name, const std::string& text, long long min, long long max) {
  auto value = parse_integer(text, min, max);
  if (!value) throw http::invalid_input(std::string(name), text);
  return *value;
}

uint16_t validated_port(std::string_view name, const std::string& text) {
  return static_cast<uint16_t>(validated_integer(name, text, 1, 65535));
}

bool validated_boolean(std::string_view name, const std::string& text) {
  auto value = parse_boolean(text);
  if (!value) throw http::invalid_input(std::string(name), text);
  return *value;
}

config::ReasonCategory required_category(const http::ApiRequest& request) {
  auto it = request.query.find("category");
  if (it == request.query.end()) throw http::parameter_missing("category");
  auto category = config::parse_reason_category(it->second);
  if (!category) throw http::invalid_input("category", it->second);
  return *category;
}

int64_t path_id(const std::string& segment, const char* object) {
  auto id = parse_integer(segment, 1, INT64_MAX);
  if (!id) throw http::not_found(object, segment);
  return *id;
}

http::ApiResponse empty_ok() {
  http::ApiResponse response;
  response.body.clear();
  return response;
}

bool is_safe_host_header(std::string_view host) {
  if (host.empty()) return false;
  for (char c : host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && std::string_view(".-:[]").find(c) == std::string_view::npos)
      return false;
  }
  return true;
}

http::ApiResponse created(const ApiContext& ctx, const http::ApiRequest& request, const std::string& uri) {
  auto response = empty_ok();
  std::string location = uri;
  if (is_safe_host_header(request.host))
    location = (ctx.config.http.tls.enabled ? "https://" : "http://") + request.host + uri;
  response.headers.emplace_back("Location", std::move(location));
  return response;
}

void register_collection_routes(http::Router& router, const CollectionPaths& paths, CollectionHandlers handlers) {
  using http::Method;
  using http::Surface;
  router.add(Method::Get, paths.list, Surface::Config, std::move(handlers.list));
  router.add(Method::Get, paths.item, Surface::Config, std::move(handlers.get));
  router.add(Method::Post, paths.create, Surface::Config, std::move(handlers.create));
  router.add(Method::Put, paths.item, Surface::Config, std::move(handlers.update));
  router.add(Method::Delete, paths.item, Surface::Config, std::move(handlers.remove));
}

http::ApiResponse delete_by_path_id(const http::ApiRequest& request, const char* object,
                                    const std::function<bool(int64_t)>& erase) {
  const auto& segment = request.path_params.at(0);
  const auto id = path_id(segment, object);
  if (!with_store(object, [&] { return erase(id); })) throw http::not_found(object, segment);
  return empty_ok();
}

}  // namespace fgw::api::config_rules
