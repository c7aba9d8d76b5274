#pragma once
// A handler that answers with what it received, one "name=value" line per ApiRequest field, so
// that a test sees exactly what the server's parsing handed to the API layer.

#include <string>

#include "gateway/http/api_types.hpp"

namespace fgw::test {

inline std::string describe_request(const http::ApiRequest& request) {
  std::string text = "method=" + std::string(http::method_name(request.method)) + "\n";
  text += "path=" + request.path + "\n";
  for (const auto& [key, value] : request.query) text += "query." + key + "=" + value + "\n";
  text += "host=" + request.host + "\n";
  text += "authorization=" + request.authorization + "\n";
  text += "remote=" + request.remote_address + "\n";
  text += "body=" + request.body + "\n";
  return text;
}

inline http::ApiResponse echo_request(http::ApiRequest& request) {
  http::ApiResponse response;
  response.body = describe_request(request);
  response.content_type = "text/plain";
  return response;
}

}  // namespace fgw::test
