#include "gateway/api/dispatcher.hpp"

#include <chrono>
#include <spdlog/spdlog.h>

#include "gateway/http/api_error.hpp"

namespace fgw::api {

namespace {

using http::ApiError;
using http::ApiResponse;

bool has_prefix_segment(std::string_view path, std::string_view prefix) {
  return path.substr(0, prefix.size()) == prefix && (path.size() == prefix.size() || path[prefix.size()] == '/');
}

// Guide 1.1.1: the body Finesse returns while out of service.
ApiError out_of_service() { return {503, http::error_type::kServiceUnavailable, "SERVER_OUT_OF_SERVICE", ""}; }

ApiResponse unauthorized(const http::AuthResult& auth) {
  using Outcome = http::AuthResult::Outcome;
  if (auth.outcome == Outcome::Throttled) {
    ApiResponse response = http::error_response(
        {429, "Too Many Requests", "Too many failed sign-in attempts from this address", ""});
    response.headers.emplace_back("Retry-After", std::to_string(auth.retry_after.count()));
    return response;
  }
  ApiResponse response = http::error_response(http::authorization_failure(auth.login_name));
  response.headers.emplace_back("WWW-Authenticate", R"(Basic realm="Cisco Finesse")");
  return response;
}

ApiResponse method_not_allowed(const http::RouteLookup& lookup, const http::ApiRequest& request) {
  std::string allow;
  for (auto method : lookup.allowed) {
    if (!allow.empty()) allow += ", ";
    allow += http::method_name(method);
  }
  ApiResponse response = http::error_response(
      {405, "Method Not Allowed", std::string(http::method_name(request.method)) + " is not supported", request.path});
  response.headers.emplace_back("Allow", allow);
  return response;
}

}  // namespace

bool is_api_path(std::string_view path) {
  return has_prefix_segment(path, "/finesse/api") || has_prefix_segment(path, "/finesseconfig/api");
}

Dispatcher::Dispatcher(const http::Router& router, http::Authenticator& authenticator,
                       const desk::ServiceStatus& status, http::RequestObserver* observer)
    : router_(router), authenticator_(authenticator), status_(status), observer_(observer) {}

// The route is looked up here, before anything can fail, so that the observer learns which route
// a request belonged to even when it ends in a 401 or an exception.
ApiResponse Dispatcher::handle(http::ApiRequest& request) const {
  const auto started = std::chrono::steady_clock::now();
  auto lookup = router_.find(request.method, request.path);
  const std::string_view pattern = lookup.route ? std::string_view(lookup.route->pattern) : std::string_view();
  auto response = answer(request, lookup);
  if (observer_) {
    try {
      observer_->on_request_completed({pattern, request.method, response.status,
                                       std::chrono::steady_clock::now() - started});
    } catch (const std::exception& e) {
      spdlog::error("request observer threw: {}", e.what());  // never costs the caller its answer
    }
  }
  return response;
}

ApiResponse Dispatcher::answer(http::ApiRequest& request, http::RouteLookup& lookup) const {
  try {
    return route(request, lookup);
  } catch (const ApiError& error) {
    return http::error_response(error);
  } catch (const std::exception& e) {
    // Logged, not echoed: an exception's text may carry internals.
    spdlog::error("{} {}: {}", http::method_name(request.method), request.path, e.what());
    return http::error_response({500, http::error_type::kInternalServerError, "Runtime Exception", ""});
  }
}

ApiResponse Dispatcher::route(http::ApiRequest& request, http::RouteLookup& lookup) const {
  const bool public_route = lookup.route && lookup.route->surface == http::Surface::Public;
  if (public_route) return lookup.route->handler(request);

  if (is_api_path(request.path)) {
    auto auth = authenticator_.authenticate(request.authorization, request.remote_address);
    if (auth.outcome != http::AuthResult::Outcome::Ok) return unauthorized(auth);
    request.principal = std::move(auth.principal);
  }
  if (lookup.outcome == http::RouteLookup::Outcome::NotFound)
    throw http::not_found("Resource", request.path);
  if (lookup.outcome == http::RouteLookup::Outcome::MethodNotAllowed) return method_not_allowed(lookup, request);

  const auto surface = lookup.route->surface;
  // DECISIONS.md 2: /finesseconfig stays available while out of service, because it is how an
  // administrator repairs the CTI settings that caused the outage.
  if (surface == http::Surface::Desktop && status_.snapshot().status == desk::SystemStatus::OutOfService)
    throw out_of_service();
  if (surface == http::Surface::Config && !request.principal->is_administrator)
    throw http::authorization_failure(request.principal->login_name);

  request.path_params = std::move(lookup.params);
  return lookup.route->handler(request);
}

}  // namespace fgw::api
