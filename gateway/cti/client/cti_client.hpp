#pragma once
// The gateway's GED-188 client: one session to side A or side B of the CTI Server, with failover.
//
//  * Connects to side A, else side B, alternating; once every side was tried, attempts are spaced by
//    an exponential back-off capped at backoff_max (GED-188.md 2.1).
//  * Sends OPEN_REQ and is in service only after OPEN_CONF (DECISIONS.md 17).
//  * Heartbeats (GED-188.md 2.8). A side is dead on: socket error or EOF, missed_heartbeats_allowed
//    unanswered heartbeats, FAILURE_CONF/FAILURE_EVENT E_CTI_CTI_SERVER_OFFLINE, SYSTEM_EVENT
//    SYS_PERIPHERAL_OFFLINE for our peripheral, or a frame that does not decode. Then the TCP
//    connection is reset, pending requests fail with CTI_LINK_LOST, on_session_lost is called and
//    the other side is tried.
//  * After a session opens following a loss, it resynchronises the agents the observer names, with
//    queries only (DECISIONS.md 18): it never signs agents in.
//
// Threads: everything runs on one strand (boost::asio::strand over io.get_executor()) that the
// client creates and owns; with a pool of threads running `io`, its work never runs concurrently.
// Public methods may be called from any thread. Observer and request callbacks run on that strand.
// Lifetime: call stop() and let the io_context finish the client's work (or stop the io_context)
// before destroying the client or the observer.
//
// Only the .cpp files include Asio; this header forward-declares io_context.
#include <functional>
#include <memory>
#include <optional>

#include "gateway/cti/client/client_settings.hpp"
#include "gateway/cti/client/client_stats.hpp"
#include "gateway/cti/client/cti_failure.hpp"
#include "gateway/cti/client/cti_observer.hpp"
#include "gateway/cti/client/request_observer.hpp"
#include "gateway/cti/client/request_result.hpp"
#include "gateway/cti/message.hpp"

namespace boost::asio {
class io_context;
}

namespace fgw::cti::client {

using RequestDone = std::function<void(RequestResult)>;

class CtiClient {
 public:
  // `request_observer`, if given, hears of every completed request (metrics); it must outlive
  // the client's work, like `observer`.
  CtiClient(boost::asio::io_context& io, CtiClientSettings settings, CtiObserver& observer,
            RequestObserver* request_observer = nullptr);
  ~CtiClient();
  CtiClient(const CtiClient&) = delete;
  CtiClient& operator=(const CtiClient&) = delete;

  // Starts connecting (side A first). Calling it again has no effect.
  void start();
  // Closes the session (CLOSE_REQ, then reset after CLOSE_CONF or a short wait), fails pending
  // requests with CTI_CLIENT_STOPPED and stops reconnecting. Final: the client cannot be restarted.
  void stop();

  // Sends a *_REQ message. The client assigns its InvokeID and, where the message has a
  // PeripheralID, the configured one (DECISIONS.md 16). `done` gets the confirmation, a CtiFailure
  // from FAILURE_CONF / CONTROL_FAILURE_CONF, CTI_REQUEST_TIMEOUT (timed_out) after request_timeout,
  // CTI_LINK_DOWN when no session is open (at once; never queued for a later session) or
  // CTI_LINK_LOST when the session dies first, CTI_CLIENT_STOPPED after stop(). `done` is called
  // exactly once, on the client's strand, and never from inside request() -- provided the
  // io_context keeps running (a daemon's pool does until shutdown).
  void request(Message request, RequestDone done);

  bool in_service() const;
  std::optional<Side> active_side() const;
  CtiClientStats stats() const;

 private:
  class Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace fgw::cti::client
