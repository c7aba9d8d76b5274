#include "gateway/api/cti_requests.hpp"

#include "gateway/http/api_error.hpp"

namespace fgw::api {

CtiRequests& require_cti(CtiRequests* link) {
  // The body Finesse returns while out of service (guide 1.1.1), as the dispatcher's gate does.
  if (!link || !link->in_service())
    throw http::ApiError(503, http::error_type::kServiceUnavailable, "SERVER_OUT_OF_SERVICE", "");
  return *link;
}

http::ApiResponse accepted() {
  http::ApiResponse response;
  response.status = 202;
  return response;
}

}  // namespace fgw::api
