#pragma once
// Validation and response helpers shared by the configuration APIs (guide 4.x) and their user-side
// reads (3.1.7-3.1.12): the 5.3 rules that several objects share, the mapping of store failures to
// the guide's errors, and the Location header of a Create. Header-only, so the API target's source
// list stays as it is.

#include <spdlog/spdlog.h>
#include <strings.h>

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "config/config_store.hpp"
#include "gateway/api/api_context.hpp"
#include "gateway/api/request_body.hpp"
#include "gateway/http/api_error.hpp"

namespace fgw::api::config_rules {

inline bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

inline bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// Number of code points in well-formed UTF-8; nullopt for malformed input, which no length rule
// can be applied to (DECISIONS.md 4: "characters" means code points).
struct Utf8Lead {
  size_t continuation_bytes;
  unsigned char second_min;  // the allowed range of the second byte rules out overlong forms,
  unsigned char second_max;  // surrogates and code points beyond U+10FFFF
};

inline std::optional<Utf8Lead> classify_utf8_lead(unsigned char lead) {
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

inline std::optional<size_t> utf8_length(std::string_view text) {
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

// 5.3 for every host field: "No special characters allowed except '.' and '-'".
inline bool is_valid_host(std::string_view host) {
  if (host.empty()) return false;
  for (char c : host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
  }
  return true;
}

// The text of the last `name` child, or 400 Parameter Missing naming it.
inline std::string required_text(pugi::xml_node parent, std::string_view name) {
  auto text = last_child_text(parent, name);
  if (!text) throw http::parameter_missing(std::string(name));
  return *text;
}

// The text of the last `name` child unless it is absent or blank.
inline std::optional<std::string> non_blank_text(pugi::xml_node parent, std::string_view name) {
  auto text = last_child_text(parent, name);
  if (!text || is_blank(*text)) return std::nullopt;
  return text;
}

inline std::string validated_host(std::string_view name, const std::string& value) {
  if (!is_valid_host(value)) throw http::invalid_input(std::string(name), value);
  return value;
}

inline long long validated_integer(std::string_view name, const std::string& text, long long min, long long max) {
  auto value = parse_integer(text, min, max);
  if (!value) throw http::invalid_input(std::string(name), text);
  return *value;
}

inline uint16_t validated_port(std::string_view name, const std::string& text) {
  return static_cast<uint16_t>(validated_integer(name, text, 1, 65535));
}

inline bool validated_boolean(std::string_view name, const std::string& text) {
  auto value = parse_boolean(text);
  if (!value) throw http::invalid_input(std::string(name), text);
  return *value;
}

// The `category` URL parameter of the ReasonCodes lists (4.5.2, 3.1.8): required, and one of
// NOT_READY or LOGOUT.
inline config::ReasonCategory required_category(const http::ApiRequest& request) {
  auto it = request.query.find("category");
  if (it == request.query.end()) throw http::parameter_missing("category");
  auto category = config::parse_reason_category(it->second);
  if (!category) throw http::invalid_input("category", it->second);
  return *category;
}

// A path id that is not a positive decimal number cannot name anything: 404, like an unknown one.
inline int64_t path_id(const std::string& segment, const char* object) {
  auto id = parse_integer(segment, 1, INT64_MAX);
  if (!id) throw http::not_found(object, segment);
  return *id;
}

// A broken UNIQUE constraint is the client's mistake ("Finesse API Error", 4.5 and 4.6); any other
// store failure is ours ("Datastore Error", 500, as 4.2.2's example). The store message is logged
// but never returned: it names database internals. Store messages never carry bound values, so
// no secret reaches the log.
template <typename Operation>
auto with_store(const char* object, Operation&& operation) {
  try {
    return operation();
  } catch (const config::StoreConflict&) {
    throw http::ApiError(400, http::error_type::kFinesseApiError, std::string(object) + " already exists",
                         "violation of DB constraint");
  } catch (const config::StoreFailure& failure) {
    spdlog::error("configuration store: {} write failed: {}", object, failure.what());
    throw http::ApiError(500, http::error_type::kDatastoreError,
                         std::string("Error reading/writing ") + object + " from the database", "5527");
  }
}

inline http::ApiResponse empty_ok() {
  http::ApiResponse response;
  response.body.clear();
  return response;
}

// Create answers with "the absolute URL of the newly created object" (4.5.3). It is built from
// the request's Host header when that looks like a host[:port]; otherwise (no Host, or one with
// characters a header must not carry) the path-absolute URI is the best we can say.
inline bool is_safe_host_header(std::string_view host) {
  if (host.empty()) return false;
  for (char c : host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && std::string_view(".-:[]").find(c) == std::string_view::npos)
      return false;
  }
  return true;
}

inline http::ApiResponse created(const ApiContext& ctx, const http::ApiRequest& request, const std::string& uri) {
  auto response = empty_ok();
  std::string location = uri;
  if (is_safe_host_header(request.host))
    location = (ctx.config.http.tls.enabled ? "https://" : "http://") + request.host + uri;
  response.headers.emplace_back("Location", std::move(location));
  return response;
}

}  // namespace fgw::api::config_rules
