#include "gateway/api/permissions.hpp"

#include "gateway/http/api_error.hpp"

namespace fgw::api {

const http::Principal& principal_of(const http::ApiRequest& request) {
  // The dispatcher authenticates before any handler runs; reaching here without a principal is a
  // wiring bug, reported as 500 rather than as a client error.
  if (!request.principal)
    throw http::ApiError(500, http::error_type::kInternalServerError, "Runtime Exception", "no principal");
  return *request.principal;
}

void require_administrator(const http::ApiRequest& request) {
  const auto& p = principal_of(request);
  if (!p.is_administrator) throw http::authorization_failure(p.login_name);
}

void require_agent_or_supervisor(const http::ApiRequest& request) {
  const auto& p = principal_of(request);
  if (!p.is_agent && !p.is_supervisor) throw http::authorization_failure(p.login_name);
}

void require_self(const http::ApiRequest& request, const std::string& user_id) {
  if (principal_of(request).user_id != user_id) throw http::invalid_authorization_user(user_id);
}

void require_self_or_administrator(const http::ApiRequest& request, const std::string& user_id) {
  if (principal_of(request).is_administrator) return;
  require_self(request, user_id);
}

const config::User& require_user(const config::Directory& directory, const std::string& user_id) {
  const auto* user = directory.find_by_id(user_id);
  if (!user) throw http::user_not_found(user_id);
  return *user;
}

}  // namespace fgw::api
