#pragma once
// Rendering of the configuration objects of guide section 4 (and their user-side reads of 3.1.7-
// 3.1.10 and 3.1.12), with the guide's element names and order.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "config/config_store.hpp"

namespace fgw::xml {

std::string render_system_config(const config::CtiServerConfig& c);
std::string render_cluster_config(const config::ClusterConfig& c);
std::string render_enterprise_database_config(const config::EnterpriseDatabaseConfig& c);
// `layout_xml` goes into <layoutxml> as escaped text (DECISIONS.md 1).
std::string render_layout_config(const std::string& layout_xml);
std::string render_media_properties_layout(const config::MediaPropertiesLayout& layout);

// Reason codes live under /finesseconfig on both surfaces, as 3.1.7 shows.
std::string reason_code_uri(int64_t id);
std::string render_reason_code(const config::ReasonCode& rc);
std::string render_reason_codes(config::ReasonCategory category, const std::vector<config::ReasonCode>& codes);

// Wrap-up reasons carry a uri that depends on the surface: /finesseconfig/api/WrapUpReason/{id}
// for administrators (4.6.1), /finesse/api/User/{userId}/WrapUpReason/{id} for a user (3.1.9).
using WrapUpReasonUri = std::function<std::string(int64_t id)>;
std::string config_wrap_up_reason_uri(int64_t id);
WrapUpReasonUri user_wrap_up_reason_uri(const std::string& user_id);
std::string render_wrap_up_reason(const config::WrapUpReason& w, const WrapUpReasonUri& uri_of);
std::string render_wrap_up_reasons(const std::vector<config::WrapUpReason>& reasons, const WrapUpReasonUri& uri_of);

}  // namespace fgw::xml
