#include "gateway/http/router.hpp"

#include <algorithm>

namespace fgw::http {

std::string_view method_name(Method m) {
  switch (m) {
    case Method::Get: return "GET";
    case Method::Put: return "PUT";
    case Method::Post: return "POST";
    case Method::Delete: return "DELETE";
    case Method::Head: return "HEAD";
    case Method::Options: return "OPTIONS";
    case Method::Other: break;
  }
  return "OTHER";
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t pos = 0;
  while (pos < path.size()) {
    if (path[pos] == '/') {
      ++pos;
      continue;
    }
    size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    segments.push_back(path.substr(pos, end - pos));
    pos = end;
  }
  return segments;
}

namespace {
// The canonical pattern: "/a/{}/b" whatever slashes the caller wrote.
std::string join_segments(const std::vector<std::string>& segments) {
  std::string joined;
  for (const auto& segment : segments) {
    joined.push_back('/');
    joined.append(segment);
  }
  if (joined.empty()) joined.push_back('/');
  return joined;
}
}  // namespace

void Router::add(Method method, std::string_view pattern, Surface surface, Handler handler) {
  Route route{method, {}, surface, std::move(handler), {}};
  for (auto segment : split_path(pattern)) route.segments.emplace_back(segment);
  route.pattern = join_segments(route.segments);
  routes_.push_back(std::move(route));
}

namespace {
bool matches(const Route& route, const std::vector<std::string_view>& segments,
             std::vector<std::string>* params) {
  if (route.segments.size() != segments.size()) return false;
  std::vector<std::string> captured;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (route.segments[i] == "{}") {
      if (segments[i].empty()) return false;
      captured.emplace_back(segments[i]);
    } else if (route.segments[i] != segments[i]) {
      return false;
    }
  }
  if (params) *params = std::move(captured);
  return true;
}
}  // namespace

RouteLookup Router::find(Method method, std::string_view path) const {
  const auto segments = split_path(path);
  RouteLookup lookup;
  for (const auto& route : routes_) {
    if (!matches(route, segments, nullptr)) continue;
    // HEAD is served by the GET route; the server drops the body.
    const bool same_method = route.method == method || (method == Method::Head && route.method == Method::Get);
    if (same_method) {
      lookup.outcome = RouteLookup::Outcome::Found;
      lookup.route = &route;
      matches(route, segments, &lookup.params);
      return lookup;
    }
    lookup.outcome = RouteLookup::Outcome::MethodNotAllowed;
    if (std::find(lookup.allowed.begin(), lookup.allowed.end(), route.method) == lookup.allowed.end())
      lookup.allowed.push_back(route.method);
  }
  return lookup;
}

}  // namespace fgw::http
