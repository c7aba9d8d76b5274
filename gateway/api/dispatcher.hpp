#pragma once
// The path every request takes between the HTTP server and a handler (DESIGN.md "How data flows"):
// authenticate -> find the route (404/405) -> out-of-service gate -> role gate -> handler.
// Errors at any step become an <ApiErrors> response here, and nowhere else.

#include "gateway/desk/desk.hpp"
#include "gateway/http/api_types.hpp"
#include "gateway/http/authenticator.hpp"
#include "gateway/http/request_observer.hpp"
#include "gateway/http/router.hpp"

namespace fgw::api {

class Dispatcher {
 public:
  // `observer`, if given, hears of every answered request with its route pattern (metrics). It
  // must outlive the dispatcher and be thread-safe: handle() runs on several io threads.
  Dispatcher(const http::Router& router, http::Authenticator& authenticator, const desk::ServiceStatus& status,
             http::RequestObserver* observer = nullptr);
  http::ApiResponse handle(http::ApiRequest& request) const;

 private:
  http::ApiResponse answer(http::ApiRequest& request, http::RouteLookup& lookup) const;
  http::ApiResponse route(http::ApiRequest& request, http::RouteLookup& lookup) const;
  const http::Router& router_;
  http::Authenticator& authenticator_;
  const desk::ServiceStatus& status_;
  http::RequestObserver* observer_;
};

// True for paths under /finesse/api or /finesseconfig/api: those require Basic auth even when no
// route matches, as a Finesse server's servlet security does.
bool is_api_path(std::string_view path);

}  // namespace fgw::api
