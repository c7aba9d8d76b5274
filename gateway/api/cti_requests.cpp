#include "gateway/api/cti_requests.hpp"

#include "gateway/http/api_error.hpp"

namespace fgw::api {

CtiRequests& require_cti(CtiRequests* link) {
  // The body Finesse returns while out of service (guide 1.1.1), as the dispatcher's gate does.
  if (!link || !link->in_service())
    throw http::ApiError(503, http::error_type::kServiceUnavailable, "SERVER_OUT_OF_SERVICE", "");
  if (link->saturated()) {
    http::ApiError busy(503, http::error_type::kServiceUnavailable, "CTI_REQUESTS_IN_FLIGHT_LIMIT", "");
    busy.headers.emplace_back("Retry-After", "1");
    throw busy;
  }
  return *link;
}

const std::string& request_id_of(const http::ApiRequest& request) {
  if (request.request_id.size() > kMaxRequestIdBytes)
    throw http::ApiError(400, http::error_type::kInvalidInput,
                         "requestId longer than " + std::to_string(kMaxRequestIdBytes) + " bytes", "requestId");
  return request.request_id;
}

http::ApiResponse accepted(const http::ApiRequest& request) {
  http::ApiResponse response;
  response.status = 202;
  if (!request.request_id.empty()) response.headers.emplace_back("requestId", request.request_id);
  return response;
}

}  // namespace fgw::api
