#pragma once
// A hook for whoever measures the API (the daemon feeds metrics from it): one call per request
// the dispatcher answers. An interface, so that http does not depend on metrics/.
//
// Calls come on the io thread that answered the request, concurrently from several threads; an
// observer must be thread-safe and must not block.
#include <chrono>
#include <string_view>

#include "gateway/http/api_types.hpp"

namespace fgw::http {

struct CompletedRequest {
  // The matched route's pattern ("/finesse/api/User/{}"), never the raw path, so that a metric
  // labelled with it has a bounded set of values. Empty when no route matched (404, 405).
  std::string_view route;
  Method method = Method::Other;
  int status = 0;
  std::chrono::steady_clock::duration duration{};  // from dispatch to the response being ready
};

class RequestObserver {
 public:
  virtual ~RequestObserver() = default;
  virtual void on_request_completed(const CompletedRequest& request) = 0;
};

}  // namespace fgw::http
