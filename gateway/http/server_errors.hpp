#pragma once
// The responses that the server itself produces, before or instead of calling the handler. Each
// carries the <ApiErrors> body of error_response, like every other error of the gateway.
// Private to the server: only server.cpp includes it.

#include "gateway/http/api_error.hpp"

namespace fgw::http::detail {

inline ApiResponse bad_request_response() {
  return error_response({400, error_type::kInvalidInput, "Malformed HTTP request"});
}

inline ApiResponse request_timeout_response() {
  return error_response({408, error_type::kGeneric, "Request not received in time"});
}

inline ApiResponse body_too_large_response(size_t limit) {
  return error_response({413, error_type::kInvalidInput, "Request body too large",
                         "max " + std::to_string(limit) + " bytes"});
}

inline ApiResponse headers_too_large_response(size_t limit) {
  return error_response({431, error_type::kInvalidInput, "Request header fields too large",
                         "max " + std::to_string(limit) + " bytes"});
}

inline ApiResponse over_capacity_response() {
  return error_response({503, error_type::kServiceUnavailable, "Too many connections"});
}

// The guide's wording for an unexpected failure; the exception's own text stays in the log.
inline ApiResponse internal_error_response() {
  return error_response({500, error_type::kInternalServerError, "Runtime Exception"});
}

}  // namespace fgw::http::detail
