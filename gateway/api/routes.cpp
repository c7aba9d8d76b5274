#include "gateway/api/api_context.hpp"

namespace fgw::api {

void register_all_routes(http::Router& router, ApiContext& ctx) {
  register_user_routes(router, ctx);
  register_user_state_routes(router, ctx);
  register_dialog_routes(router, ctx);
  register_team_routes(router, ctx);
  register_system_info_routes(router, ctx);
  register_user_config_read_routes(router, ctx);
  register_system_config_routes(router, ctx);
  register_cluster_config_routes(router, ctx);
  register_database_config_routes(router, ctx);
  register_layout_config_routes(router, ctx);
  register_reason_code_routes(router, ctx);
  register_wrap_up_reason_routes(router, ctx);
  register_media_properties_layout_routes(router, ctx);
}

}  // namespace fgw::api
