// ReasonCode—Get, —Get List, —Create, —Update and —Delete (guide 4.5), for administrators.

#include "gateway/api/api_context.hpp"
#include "gateway/api/config_validation.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/xml/config_xml.hpp"

namespace fgw::api {

namespace {

using namespace config_rules;

constexpr const char* kListPath = "/finesseconfig/api/ReasonCodes";
constexpr const char* kCreatePath = "/finesseconfig/api/ReasonCode";
constexpr const char* kItemPath = "/finesseconfig/api/ReasonCode/{}";
constexpr size_t kMaxLabelCharacters = 40;  // 5.3 "label": characters, not bytes

// The fields a body may carry; absent ones are nullopt (Update keeps their stored values).
struct ReasonCodeFields {
  std::optional<std::string> category, code, label, for_all;
};

ReasonCodeFields read_fields(const std::string& body) {
  const auto doc = parse_body(body, "ReasonCode");
  const auto root = root_of(doc);
  return {last_child_text(root, "category"), last_child_text(root, "code"), last_child_text(root, "label"),
          last_child_text(root, "forAll")};
}

std::string validated_label(const std::string& label) {
  const auto length = utf8_length(label);
  if (is_blank(label) || !length || *length > kMaxLabelCharacters) throw http::invalid_input("label", label);
  return label;
}

void apply_fields(const ReasonCodeFields& fields, config::ReasonCode& rc) {
  if (fields.category) {
    auto category = config::parse_reason_category(*fields.category);
    if (!category) throw http::invalid_input("category", *fields.category);
    rc.category = *category;
  }
  if (fields.code) rc.code = static_cast<int>(validated_integer("code", *fields.code, 0, 65535));
  if (fields.label) rc.label = validated_label(*fields.label);
  if (fields.for_all) rc.for_all = validated_boolean("forAll", *fields.for_all);
}

// Create needs all four (4.5.3 "Request Parameters").
void require_all_fields(const ReasonCodeFields& fields) {
  if (!fields.category) throw http::parameter_missing("category");
  if (!fields.code) throw http::parameter_missing("code");
  if (!fields.label) throw http::parameter_missing("label");
  if (!fields.for_all) throw http::parameter_missing("forAll");
}

config::ReasonCode existing_reason_code(const ApiContext& ctx, const http::ApiRequest& request) {
  const auto& segment = request.path_params.at(0);
  auto rc = ctx.store.reason_code(path_id(segment, "ReasonCode"));
  if (!rc) throw http::not_found("ReasonCode", segment);
  return *rc;
}

http::ApiResponse get_list(const ApiContext& ctx, const http::ApiRequest& request) {
  require_administrator(request);
  const auto category = required_category(request);
  return http::xml_response(xml::render_reason_codes(category, ctx.store.reason_codes(category)));
}

http::ApiResponse get_one(const ApiContext& ctx, const http::ApiRequest& request) {
  require_administrator(request);
  return http::xml_response(xml::render_reason_code(existing_reason_code(ctx, request)));
}

http::ApiResponse create(ApiContext& ctx, const http::ApiRequest& request) {
  require_administrator(request);
  const auto fields = read_fields(request.body);
  require_all_fields(fields);
  config::ReasonCode rc;
  apply_fields(fields, rc);
  const auto stored = with_store("ReasonCode", [&] { return ctx.store.create_reason_code(rc); });
  return created(ctx, request, xml::reason_code_uri(stored.id));
}

http::ApiResponse update(ApiContext& ctx, const http::ApiRequest& request) {
  require_administrator(request);
  auto rc = existing_reason_code(ctx, request);
  apply_fields(read_fields(request.body), rc);
  with_store("ReasonCode", [&] { ctx.store.update_reason_code(rc); });
  return empty_ok();
}

http::ApiResponse remove(ApiContext& ctx, const http::ApiRequest& request) {
  require_administrator(request);
  return delete_by_path_id(request, "ReasonCode", [&](int64_t id) { return ctx.store.delete_reason_code(id); });
}

}  // namespace

void register_reason_code_routes(http::Router& router, ApiContext& ctx) {
  auto bind = [&ctx](auto handler) { return [&ctx, handler](const http::ApiRequest& r) { return handler(ctx, r); }; };
  register_collection_routes(router, {kListPath, kCreatePath, kItemPath},
                             {bind(get_list), bind(get_one), bind(create), bind(update), bind(remove)});
}

}  // namespace fgw::api
