// WrapUpReason—Get, —Get List, —Create, —Update and —Delete (guide 4.6), for administrators.

#include "gateway/api/api_context.hpp"
#include "gateway/api/config_validation.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/xml/config_xml.hpp"

namespace fgw::api {

namespace {

using namespace config_rules;

constexpr const char* kListPath = "/finesseconfig/api/WrapUpReasons";
constexpr const char* kCreatePath = "/finesseconfig/api/WrapUpReason";
constexpr const char* kItemPath = "/finesseconfig/api/WrapUpReason/{}";
constexpr size_t kMaxLabelBytes = 39;  // 5.3 "label": 39 bytes for wrap-up reasons (DECISIONS.md 4)

struct WrapUpReasonFields {
  std::optional<std::string> label, for_all;
};

WrapUpReasonFields read_fields(const std::string& body) {
  const auto doc = parse_body(body, "WrapUpReason");
  const auto root = root_of(doc);
  return {last_child_text(root, "label"), last_child_text(root, "forAll")};
}

// Malformed UTF-8 is refused too: the label is shown on desktops and must be text.
std::string validated_label(const std::string& label) {
  if (is_blank(label) || label.size() > kMaxLabelBytes || !utf8_length(label)) throw http::invalid_input("label", label);
  return label;
}

void apply_fields(const WrapUpReasonFields& fields, config::WrapUpReason& w) {
  if (fields.label) w.label = validated_label(*fields.label);
  if (fields.for_all) w.for_all = validated_boolean("forAll", *fields.for_all);
}

config::WrapUpReason existing_wrap_up_reason(const ApiContext& ctx, const http::ApiRequest& request) {
  const auto& segment = request.path_params.at(0);
  auto w = ctx.store.wrap_up_reason(path_id(segment, "WrapUpReason"));
  if (!w) throw http::not_found("WrapUpReason", segment);
  return *w;
}

http::ApiResponse get_list(const ApiContext& ctx, const http::ApiRequest& request) {
  require_administrator(request);
  return http::xml_response(xml::render_wrap_up_reasons(ctx.store.wrap_up_reasons(), xml::config_wrap_up_reason_uri));
}

http::ApiResponse get_one(const ApiContext& ctx, const http::ApiRequest& request) {
  require_administrator(request);
  return http::xml_response(
      xml::render_wrap_up_reason(existing_wrap_up_reason(ctx, request), xml::config_wrap_up_reason_uri));
}

http::ApiResponse create(ApiContext& ctx, const http::ApiRequest& request) {
  require_administrator(request);
  const auto fields = read_fields(request.body);
  if (!fields.label) throw http::parameter_missing("label");
  if (!fields.for_all) throw http::parameter_missing("forAll");
  config::WrapUpReason w;
  apply_fields(fields, w);
  const auto stored = with_store("WrapUpReason", [&] { return ctx.store.create_wrap_up_reason(w); });
  return created(ctx, request, xml::config_wrap_up_reason_uri(stored.id));
}

http::ApiResponse update(ApiContext& ctx, const http::ApiRequest& request) {
  require_administrator(request);
  auto w = existing_wrap_up_reason(ctx, request);
  apply_fields(read_fields(request.body), w);
  with_store("WrapUpReason", [&] { ctx.store.update_wrap_up_reason(w); });
  return empty_ok();
}

http::ApiResponse remove(ApiContext& ctx, const http::ApiRequest& request) {
  require_administrator(request);
  return delete_by_path_id(request, "WrapUpReason", [&](int64_t id) { return ctx.store.delete_wrap_up_reason(id); });
}

}  // namespace

void register_wrap_up_reason_routes(http::Router& router, ApiContext& ctx) {
  auto bind = [&ctx](auto handler) { return [&ctx, handler](const http::ApiRequest& r) { return handler(ctx, r); }; };
  register_collection_routes(router, {kListPath, kCreatePath, kItemPath},
                             {bind(get_list), bind(get_one), bind(create), bind(update), bind(remove)});
}

}  // namespace fgw::api
