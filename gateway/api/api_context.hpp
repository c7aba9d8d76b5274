#pragma once
// What the API handlers need from the rest of the daemon. Handlers hold references only; the
// daemon owns everything and outlives the routes.

#include <memory>

#include "config/config_store.hpp"
#include "config/daemon_config.hpp"
#include "config/directory.hpp"
#include "gateway/api/cti_requests.hpp"
#include "gateway/desk/desk.hpp"
#include "gateway/http/router.hpp"

namespace fgw::api {

struct ApiContext {
  const config::DaemonConfig& config;
  const config::Directory& directory;
  config::ConfigStore& store;
  desk::Desk& desk;
  // The CTI link for the state-changing routes; null when there is none (they answer 503).
  CtiRequests* cti;
};

// Each resource family registers its own routes (one file each).
void register_user_routes(http::Router& router, ApiContext& ctx);           // user_api.cpp
void register_user_state_routes(http::Router& router, ApiContext& ctx);     // user_state_api.cpp: PUT User/{id}
void register_dialog_routes(http::Router& router, ApiContext& ctx);         // dialog_api.cpp: GET User/{id}/Dialogs, Dialog/{id}
void register_dialog_action_routes(http::Router& router, ApiContext& ctx);  // dialog_action_api.cpp: PUT Dialog/{id}
void register_dialog_create_routes(http::Router& router, ApiContext& ctx);  // dialog_create_api.cpp: POST User/{id}/Dialogs
void register_team_routes(http::Router& router, ApiContext& ctx);           // team_api.cpp
void register_system_info_routes(http::Router& router, ApiContext& ctx);    // system_info_api.cpp
void register_user_config_read_routes(http::Router& router, ApiContext& ctx);  // user_config_reads_api.cpp
void register_system_config_routes(http::Router& router, ApiContext& ctx);  // system_config_api.cpp
void register_cluster_config_routes(http::Router& router, ApiContext& ctx); // cluster_config_api.cpp
void register_database_config_routes(http::Router& router, ApiContext& ctx);  // database_config_api.cpp
void register_layout_config_routes(http::Router& router, ApiContext& ctx);  // layout_config_api.cpp
void register_reason_code_routes(http::Router& router, ApiContext& ctx);    // reason_code_api.cpp
void register_wrap_up_reason_routes(http::Router& router, ApiContext& ctx); // wrap_up_reason_api.cpp
void register_media_properties_layout_routes(http::Router& router, ApiContext& ctx);  // media_properties_layout_api.cpp

// All of the above.
void register_all_routes(http::Router& router, ApiContext& ctx);

}  // namespace fgw::api
