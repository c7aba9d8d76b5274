#include "gateway/daemon/cti_client_requests.hpp"

#include <utility>

namespace fgw::daemon {

void CtiClientRequests::send(cti::Message request, Done done) {
  // The client calls back once, on its strand, and never from inside request(): what
  // CtiRequests promises its callers.
  ++*in_flight_;
  client_.request(std::move(request), [done = std::move(done), in_flight = in_flight_](cti::client::RequestResult result) {
    --*in_flight;
    done(result);
  });
}

bool CtiClientRequests::in_service() const { return client_.in_service(); }

}  // namespace fgw::daemon
