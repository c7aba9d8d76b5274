#pragma once
// Maps a method and a path to a handler. Patterns are literal segments with "{}" for a path
// parameter, e.g. "/finesse/api/User/{}/ReasonCode/{}". Matching is segment by segment and
// case-sensitive, as Finesse's URIs are.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/http/api_types.hpp"

namespace fgw::http {

// Which part of the API a route belongs to; the dispatcher applies the rules of each part
// (authentication, out-of-service, administrator-only).
enum class Surface {
  Desktop,     // /finesse/api: 503 while OUT_OF_SERVICE
  SystemInfo,  // /finesse/api/SystemInfo: answers in every state
  Config,      // /finesseconfig/api: administrators only, available while OUT_OF_SERVICE
  Public,      // /health and the like: no authentication
};

using Handler = std::function<ApiResponse(const ApiRequest&)>;

struct Route {
  Method method;
  std::vector<std::string> segments;  // "{}" marks a parameter
  Surface surface;
  Handler handler;
  std::string pattern;  // "/finesse/api/User/{}": the segments joined; a bounded metrics label
};

struct RouteLookup {
  enum class Outcome { Found, NotFound, MethodNotAllowed } outcome = Outcome::NotFound;
  const Route* route = nullptr;
  std::vector<std::string> params;
  std::vector<Method> allowed;  // for MethodNotAllowed: the methods the path does accept
};

class Router {
 public:
  void add(Method method, std::string_view pattern, Surface surface, Handler handler);
  RouteLookup find(Method method, std::string_view path) const;

 private:
  std::vector<Route> routes_;
};

// Splits "/a/b/c" into {"a","b","c"}. A trailing slash yields no empty segment, so that
// ".../ReasonCode/" (the guide's Create URI) matches ".../ReasonCode".
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace fgw::http
