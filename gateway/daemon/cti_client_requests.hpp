#pragma once
// The API's CtiRequests over the daemon's CtiClient: REST handlers send their *_REQ messages
// through it (DESIGN.md "How data flows").

#include "gateway/api/cti_requests.hpp"
#include "gateway/cti/client/cti_client.hpp"

namespace fgw::daemon {

class CtiClientRequests : public api::CtiRequests {
 public:
  // `client` must outlive this object.
  explicit CtiClientRequests(cti::client::CtiClient& client) : client_(client) {}

  void send(cti::Message request, Done done) override;
  bool in_service() const override;

 private:
  cti::client::CtiClient& client_;
};

}  // namespace fgw::daemon
