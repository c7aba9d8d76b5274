#pragma once
// The SystemInfo object as this node reports it (3.4.1): for GET SystemInfo and for the
// SystemInfo notification the daemon publishes when the status changes.
#include "gateway/api/api_context.hpp"
#include "gateway/xml/system_info_xml.hpp"

namespace fgw::api {

xml::SystemInfoView system_info_view(const ApiContext& ctx);

}  // namespace fgw::api
