// The user-side reads of the configuration (guide 3.1.7-3.1.10, 3.1.12). Finesse 8.5 supports only
// global reason codes and wrap-up reasons: a non-global one "will not appear in the Agent Desktop"
// (4.5.3, 4.6.3), so these reads list only forAll=true entries and answer 404 for any other.
//
// Permission is checked before the user's existence, so that a caller cannot probe which ids exist.

#include <algorithm>

#include "gateway/api/api_context.hpp"
#include "gateway/api/config_validation.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/xml/config_xml.hpp"

namespace fgw::api {

namespace {

using namespace config_rules;

template <typename T>
std::vector<T> global_only(std::vector<T> items) {
  std::erase_if(items, [](const T& item) { return !item.for_all; });
  return items;
}

// 3.1.7 and 3.1.8: agents and supervisors, each for their own id only.
const std::string& authorize_reason_code_read(const ApiContext& ctx, const http::ApiRequest& request) {
  const auto& user_id = request.path_params.at(0);
  require_agent_or_supervisor(request);
  require_self(request, user_id);
  require_user(ctx.directory, user_id);
  return user_id;
}

// 3.1.9 and 3.1.10 list Administrator among the roles: administrators may read for anyone.
const std::string& authorize_wrap_up_reason_read(const ApiContext& ctx, const http::ApiRequest& request) {
  const auto& user_id = request.path_params.at(0);
  require_self_or_administrator(request, user_id);
  require_user(ctx.directory, user_id);
  return user_id;
}

http::ApiResponse get_reason_code(const ApiContext& ctx, const http::ApiRequest& request) {
  authorize_reason_code_read(ctx, request);
  const auto& segment = request.path_params.at(1);
  const auto rc = ctx.store.reason_code(path_id(segment, "ReasonCode"));
  if (!rc || !rc->for_all) throw http::not_found("ReasonCode", segment);
  return http::xml_response(xml::render_reason_code(*rc));
}

http::ApiResponse get_reason_codes(const ApiContext& ctx, const http::ApiRequest& request) {
  authorize_reason_code_read(ctx, request);
  const auto category = required_category(request);
  return http::xml_response(xml::render_reason_codes(category, global_only(ctx.store.reason_codes(category))));
}

http::ApiResponse get_wrap_up_reason(const ApiContext& ctx, const http::ApiRequest& request) {
  const auto& user_id = authorize_wrap_up_reason_read(ctx, request);
  const auto& segment = request.path_params.at(1);
  const auto w = ctx.store.wrap_up_reason(path_id(segment, "WrapUpReason"));
  if (!w || !w->for_all) throw http::not_found("WrapUpReason", segment);
  return http::xml_response(xml::render_wrap_up_reason(*w, xml::user_wrap_up_reason_uri(user_id)));
}

http::ApiResponse get_wrap_up_reasons(const ApiContext& ctx, const http::ApiRequest& request) {
  const auto& user_id = authorize_wrap_up_reason_read(ctx, request);
  return http::xml_response(
      xml::render_wrap_up_reasons(global_only(ctx.store.wrap_up_reasons()), xml::user_wrap_up_reason_uri(user_id)));
}

// 3.1.12 names no roles beyond "an agent"; like every per-user read, a user reads only their own.
http::ApiResponse get_media_properties_layout(const ApiContext& ctx, const http::ApiRequest& request) {
  const auto& user_id = request.path_params.at(0);
  require_self(request, user_id);
  require_user(ctx.directory, user_id);
  return http::xml_response(xml::render_media_properties_layout(ctx.store.media_properties_layout()));
}

}  // namespace

void register_user_config_read_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  using http::Surface;
  const auto route = [&](const char* pattern, http::ApiResponse (*handler)(const ApiContext&, const http::ApiRequest&)) {
    router.add(Method::Get, pattern, Surface::Desktop,
               [&ctx, handler](const http::ApiRequest& request) { return handler(ctx, request); });
  };
  route("/finesse/api/User/{}/ReasonCode/{}", get_reason_code);
  route("/finesse/api/User/{}/ReasonCodes", get_reason_codes);
  route("/finesse/api/User/{}/WrapUpReason/{}", get_wrap_up_reason);
  route("/finesse/api/User/{}/WrapUpReasons", get_wrap_up_reasons);
  route("/finesse/api/User/{}/MediaPropertiesLayout/default", get_media_properties_layout);
}

}  // namespace fgw::api
