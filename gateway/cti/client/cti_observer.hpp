#pragma once
// What the CTI client tells its owner (the desk). Every call comes on the client's own strand
// (see cti_client.hpp "Threads"), one at a time, in the order the client saw things happen. An observer
// that keeps state elsewhere (the desk's strand) re-posts there. Callbacks must not block and
// should not throw (a throw is caught and logged, never propagated into the io_context).
#include <string>
#include <vector>

#include "gateway/cti/client/cti_failure.hpp"
#include "gateway/cti/message.hpp"

namespace fgw::cti::client {

enum class Side { A, B };
const char* to_string(Side side);  // "A" / "B"

// An agent that was signed in before the session was lost.
struct AgentToResync {
  std::string agent_id;
  std::string extension;  // the instrument it is signed in on; empty = no device snapshot
  bool operator==(const AgentToResync&) const = default;
};

// What a new session reports about one agent (GED-188.md 5.12 d). Steps run in order: agent state,
// device snapshot, one call snapshot per call of the device. `failure` holds the first step that
// was refused; the steps after it were not run. A call whose snapshot is refused (it usually ended
// between the two requests) is left out of `calls` without setting `failure`.
struct ResyncResult {
  AgentToResync agent;
  std::optional<QueryAgentStateConf> agent_state;
  std::optional<SnapshotDeviceConf> device;
  std::vector<SnapshotCallConf> calls;
  std::optional<CtiFailure> failure;
};

class CtiObserver {
 public:
  virtual ~CtiObserver() = default;
  // OPEN_CONF received: the client is in service (DECISIONS.md 17).
  virtual void on_session_open(Side side, const OpenConf& conf) = 0;
  // The session on `side` is gone; pending requests have already failed with CTI_LINK_LOST.
  // Not called by stop().
  virtual void on_session_lost(Side side, const std::string& reason) = 0;
  // Unsolicited messages (agent state, call and system events, unknown types) in arrival order.
  virtual void on_event(const Message& event) = 0;
  // Asked right after a session opens that follows a lost one. Answer from a copy of the desk's
  // state: this runs on the client's strand, not the desk's.
  virtual std::vector<AgentToResync> agents_to_resync() = 0;
  // One per agent returned by agents_to_resync(), unless the session is lost first.
  virtual void on_resync(const ResyncResult& result) = 0;
};

}  // namespace fgw::cti::client
