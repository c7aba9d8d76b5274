#pragma once
// Validation and response helpers shared by the configuration APIs (guide 4.x) and their user-side
// reads (3.1.7-3.1.12): the 5.3 rules that several objects share, the mapping of store failures to
// the guide's errors, and the Location header of a Create.

#include <spdlog/spdlog.h>
#include <strings.h>

#include <cctype>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "config/config_store.hpp"
#include "gateway/api/api_context.hpp"
#include "gateway/api/request_body.hpp"
#include "gateway/http/api_error.hpp"

namespace fgw::api::config_rules {

bool is_blank(std::string_view text);


// Number of code points in well-formed UTF-8; nullopt for malformed input, which no length rule
// can be applied to (DECISIONS.md 4: "characters" means code points).
struct Utf8Lead {
  size_t continuation_bytes;
  unsigned char second_min;  // the allowed range of the second byte rules out overlong forms,
  unsigned char second_max;  // surrogates and code points beyond U+10FFFF
};

std::optional<Utf8Lead> classify_utf8_lead(unsigned char lead);

std::optional<size_t> utf8_length(std::string_view text);

// 5.3 for every host field: "No special characters allowed except '.' and '-'".
bool is_valid_host(std::string_view host);

// The text of the last `name` child, or 400 Parameter Missing naming it.
std::string required_text(pugi::xml_node parent, std::string_view name);

// The text of the last `name` child unless it is absent or blank.
std::optional<std::string> non_blank_text(pugi::xml_node parent, std::string_view name);

std::string validated_host(std::string_view name, const std::string& value);

long long validated_integer(std::string_view name, const std::string& text, long long min, long long max);

uint16_t validated_port(std::string_view name, const std::string& text);

bool validated_boolean(std::string_view name, const std::string& text);

// The `category` URL parameter of the ReasonCodes lists (4.5.2, 3.1.8): required, and one of
// NOT_READY or LOGOUT.
config::ReasonCategory required_category(const http::ApiRequest& request);

// A path id that is not a positive decimal number cannot name anything: 404, like an unknown one.
int64_t path_id(const std::string& segment, const char* object);

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

http::ApiResponse empty_ok();

// The five routes of a configuration collection (4.5, 4.6): list, get, create, update, delete.
struct CollectionPaths {
  const char* list;    // e.g. /finesseconfig/api/ReasonCodes
  const char* create;  // e.g. /finesseconfig/api/ReasonCode
  const char* item;    // e.g. /finesseconfig/api/ReasonCode/{}
};
struct CollectionHandlers {
  http::Handler list, get, create, update, remove;
};
void register_collection_routes(http::Router& router, const CollectionPaths& paths, CollectionHandlers handlers);

// Delete: the id from the path, 200 when `erase` removed it, 404 Not Found when it was absent.
http::ApiResponse delete_by_path_id(const http::ApiRequest& request, const char* object,
                                    const std::function<bool(int64_t)>& erase);

// Create answers with "the absolute URL of the newly created object" (4.5.3). It is built from
// the request's Host header when that looks like a host[:port]; otherwise (no Host, or one with
// characters a header must not carry) the path-absolute URI is the best we can say.
bool is_safe_host_header(std::string_view host);

http::ApiResponse created(const ApiContext& ctx, const http::ApiRequest& request, const std::string& uri);

}  // namespace fgw::api::config_rules
