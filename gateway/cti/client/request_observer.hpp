#pragma once
// A hook for whoever measures the client (the daemon feeds metrics from it): one call per request
// the client completes, with its type, how long it took and how it ended. An interface, so that the
// client does not depend on metrics/.
//
// Calls come on the client's strand, as soon as the outcome is known. They must not
// block; a throw is caught and logged.
#include <chrono>
#include <optional>

#include "gateway/cti/client/cti_failure.hpp"
#include "gateway/cti/message_type.hpp"

namespace fgw::cti::client {

struct CompletedRequest {
  MessageType type{};
  // From writing the request to its completion. Empty for a request that failed before it was
  // written (CTI_LINK_DOWN, CTI_CLIENT_STOPPED, ...): it has no round trip to measure.
  std::optional<std::chrono::steady_clock::duration> round_trip;
  const CtiFailure* failure = nullptr;  // null: the positive confirmation arrived
};

class RequestObserver {
 public:
  virtual ~RequestObserver() = default;
  virtual void on_request_completed(const CompletedRequest& request) = 0;
};

}  // namespace fgw::cti::client
