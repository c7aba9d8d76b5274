#include "gateway/daemon/cti_client_requests.hpp"

#include <utility>

namespace fgw::daemon {

void CtiClientRequests::send(cti::Message request, Done done) {
  // The client calls back once, on its strand, and never from inside request(): what
  // CtiRequests promises its callers.
  client_.request(std::move(request), [done = std::move(done)](cti::client::RequestResult result) { done(result); });
}

bool CtiClientRequests::in_service() const { return client_.in_service(); }

}  // namespace fgw::daemon
