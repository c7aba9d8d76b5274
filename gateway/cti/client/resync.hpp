#pragma once
// Resynchronisation after a side switch (GED-188.md 5.12 d; DECISIONS.md 18): for each agent,
// QUERY_AGENT_STATE_REQ, SNAPSHOT_DEVICE_REQ on its extension, then SNAPSHOT_CALL_REQ per call.
// Queries only: nothing here changes agent or call state. Transport-free: requests go through the
// function given, so the sequence is tested without a socket.
#include <functional>
#include <memory>
#include <vector>

#include "gateway/cti/client/cti_observer.hpp"
#include "gateway/cti/client/request_result.hpp"

namespace fgw::cti::client {

// SnapshotDeviceType of SNAPSHOT_DEVICE_REQ. GED-188.md 3.2 gives only "USHORT"; it is read as the
// DeviceIDType of AgentInstrument, DEVICE_IDENTIFIER (0). UNCERTAIN.
inline constexpr DeviceIdType kSnapshotDeviceType = DeviceIdType::DeviceIdentifier;

// The agent is named by AgentID alone: sending AgentExtension too risks
// E_CTI_INCONSISTENT_AGENT_DATA when the agent moved to another phone while the link was down.
QueryAgentStateReq agent_state_query(const AgentToResync& agent);
SnapshotDeviceReq device_snapshot_query(const AgentToResync& agent);
SnapshotCallReq call_snapshot_query(const SnapshotDeviceCall& call);

class Resync : public std::enable_shared_from_this<Resync> {
 public:
  using SendRequest = std::function<void(Message request, std::function<void(RequestResult)> done)>;
  using Deliver = std::function<void(const ResyncResult&)>;

  // Agents are resynchronised one after the other, each request waiting for the previous answer,
  // so that a large desk does not flood a CTI Server that just took over.
  static void run(std::vector<AgentToResync> agents, SendRequest send, Deliver deliver);

 private:
  Resync(std::vector<AgentToResync> agents, SendRequest send, Deliver deliver);

  void next_agent();
  void on_agent_state(RequestResult result);
  void on_device(RequestResult result);
  void next_call();
  void on_call(RequestResult result);
  void finish_agent();
  // False, after ending the whole run, when the link went away: the next session resyncs again.
  bool continue_after(const RequestResult& result);

  std::vector<AgentToResync> agents_;
  SendRequest send_;
  Deliver deliver_;
  std::size_t agent_index_ = 0;
  std::size_t call_index_ = 0;
  ResyncResult current_;
};

}  // namespace fgw::cti::client
