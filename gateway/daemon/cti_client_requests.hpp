#pragma once
// The API's CtiRequests over the daemon's CtiClient: REST handlers send their *_REQ messages
// through it (DESIGN.md "How data flows").

#include <atomic>
#include <cstddef>
#include <memory>

#include "gateway/api/cti_requests.hpp"
#include "gateway/cti/client/cti_client.hpp"

namespace fgw::daemon {

class CtiClientRequests : public api::CtiRequests {
 public:
  // `client` must outlive this object. At most `max_in_flight` requests await confirmation; the
  // check and the send are not one step, so concurrent HTTP threads may overshoot it by a few.
  CtiClientRequests(cti::client::CtiClient& client, std::size_t max_in_flight)
      : client_(client), max_in_flight_(max_in_flight) {}

  void send(cti::Message request, Done done) override;
  bool in_service() const override;
  bool saturated() const override { return *in_flight_ >= max_in_flight_; }
  std::size_t in_flight() const { return *in_flight_; }

 private:
  cti::client::CtiClient& client_;
  const std::size_t max_in_flight_;
  // Shared with the callbacks, which the client may run after this object is gone at shutdown.
  std::shared_ptr<std::atomic<std::size_t>> in_flight_ = std::make_shared<std::atomic<std::size_t>>(0);
};

}  // namespace fgw::daemon
