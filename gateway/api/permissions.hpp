#pragma once
// Role checks from each API's "Security Constraints". The dispatcher has already authenticated
// the request (request.principal is set) and enforced "administrators only" on /finesseconfig.

#include <string>

#include "config/directory.hpp"
#include "gateway/http/api_types.hpp"

namespace fgw::api {

const http::Principal& principal_of(const http::ApiRequest& request);

// 401 Authorization Failure unless the caller is an administrator.
void require_administrator(const http::ApiRequest& request);

// 401 Authorization Failure unless the caller has the Agent or Supervisor role.
void require_agent_or_supervisor(const http::ApiRequest& request);

// 401 Invalid Authorization User Specified unless the caller is the user `user_id`.
void require_self(const http::ApiRequest& request, const std::string& user_id);

// As require_self, but administrators may act on anyone.
void require_self_or_administrator(const http::ApiRequest& request, const std::string& user_id);

// The directory's user, or 404 User Not Found.
const config::User& require_user(const config::Directory& directory, const std::string& user_id);

}  // namespace fgw::api
