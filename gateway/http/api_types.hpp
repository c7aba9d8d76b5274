#pragma once
// The request and response shapes that API handlers see. They carry no Boost.Beast types, so that
// only the server's translation units pay for Beast's headers.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fgw::http {

enum class Method { Get, Put, Post, Delete, Head, Options, Other };

std::string_view method_name(Method m);

// Who made the request, once Basic auth has succeeded.
struct Principal {
  std::string user_id;     // the directory id (loginId)
  std::string login_name;  // as typed in the credentials; used as ErrorData on 401s
  bool is_agent = false;
  bool is_supervisor = false;
  bool is_administrator = false;
  std::vector<std::string> supervised_teams;
};

struct ApiRequest {
  Method method = Method::Other;
  std::string path;                          // decoded path, without the query
  std::map<std::string, std::string> query;  // decoded; a repeated key keeps the last value
  std::string body;
  std::string authorization;                 // raw Authorization header, may be empty
  std::string host;                          // Host header as sent (for absolute Location headers)
  std::string remote_address;                // peer IP, for throttling and logs
  std::string request_id;                    // the requestId header: echoed on 202 and in the
                                             // notification the request causes (guide 7.3)
  std::optional<Principal> principal;        // set by the dispatcher after authentication
  std::vector<std::string> path_params;      // set by the router: the {..} segments, in order
};

struct ApiResponse {
  int status = 200;
  std::string body;  // application/xml unless content_type says otherwise
  std::string content_type = "application/xml";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Location, Allow...)
};

// 200 (or `status`) with an XML body: the common success response.
inline ApiResponse xml_response(std::string body, int status = 200) {
  ApiResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

}  // namespace fgw::http
