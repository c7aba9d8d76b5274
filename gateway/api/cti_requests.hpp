#pragma once
// What the API handlers need from the CTI link: send a *_REQ and hear how it ended (DESIGN.md
// "How data flows": api handler -> cti client request -> 202 to the caller). An interface, so that
// the handlers do not depend on the client's sockets and the tests can record and fail requests.

#include <cstddef>
#include <functional>
#include <string>

#include "gateway/cti/client/request_result.hpp"
#include "gateway/cti/message.hpp"
#include "gateway/http/api_types.hpp"

namespace fgw::api {

class CtiRequests {
 public:
  using Done = std::function<void(const cti::client::RequestResult&)>;
  virtual ~CtiRequests() = default;

  // Sends `request` (InvokeID and PeripheralID are the link's business). `done` is called exactly
  // once, later, with the confirmation or the failure; never from inside send().
  virtual void send(cti::Message request, Done done) = 0;
  // True while a CTI session is open (DECISIONS.md 17).
  virtual bool in_service() const = 0;
  // True while as many requests await their confirmation as the gateway allows
  // (cti.max_requests_in_flight). A new one is refused at once rather than queued behind the
  // others to time out in CTI after its 202 (docs/decisions.md 55).
  virtual bool saturated() const = 0;
};

// The link for a state-changing route, or 503 Service Unavailable when there is none, it is out
// of service, or it is saturated (with Retry-After): nothing answers 202 without a CTI request
// behind it.
CtiRequests& require_cti(CtiRequests* link);

// The request's requestId header, checked before anything is sent: at most kMaxRequestIdBytes
// (400 Invalid Input beyond), as it is copied into every notification the request causes.
inline constexpr std::size_t kMaxRequestIdBytes = 256;
const std::string& request_id_of(const http::ApiRequest& request);

// 202 Accepted with an empty body: a route's answer once its CTI request is on its way. The
// outcome arrives as notifications (guide 3.1.4-3.1.6, 3.2.2). A requestId header is echoed in
// the response, as 12.5's Media APIs describe and Finesse does for every desktop API.
http::ApiResponse accepted(const http::ApiRequest& request);

}  // namespace fgw::api
