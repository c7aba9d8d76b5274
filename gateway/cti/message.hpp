#pragma once
// Every typed GED-188 message, and UnknownMessage for the MessageTypes this codec does not type.
#include <cstdint>
#include <variant>
#include <vector>

#include "gateway/cti/agent.hpp"
#include "gateway/cti/call_control.hpp"
#include "gateway/cti/call_data.hpp"
#include "gateway/cti/call_events.hpp"
#include "gateway/cti/failure.hpp"
#include "gateway/cti/session.hpp"
#include "gateway/cti/supervisor.hpp"

namespace fgw::cti {

// Its body is kept as received, so a relay or a log can still show it.
struct UnknownMessage {
  std::uint32_t type = 0;
  std::vector<std::uint8_t> body;
  bool operator==(const UnknownMessage&) const = default;
};

using Message = std::variant<
    // session and failure
    FailureConf, FailureEvent, OpenReq, OpenConf, HeartbeatReq, HeartbeatConf, CloseReq, CloseConf,
    SystemEvent, ClientEventReportReq, ClientEventReportConf, ControlFailureConf,
    // call events
    CallDeliveredEvent, CallEstablishedEvent, CallHeldEvent, CallRetrievedEvent, CallClearedEvent,
    CallConnectionClearedEvent, CallOriginatedEvent, CallFailedEvent, CallConferencedEvent,
    CallTransferredEvent, CallDivertedEvent, CallServiceInitiatedEvent, CallQueuedEvent,
    CallDequeuedEvent, CallReachedNetworkEvent,
    // call data
    BeginCallEvent, EndCallEvent, CallDataUpdateEvent, SetCallDataReq, SetCallDataConf,
    ReleaseCallReq, ReleaseCallConf,
    // agent state
    AgentStateEvent, QueryAgentStateReq, QueryAgentStateConf, SetAgentStateReq, SetAgentStateConf,
    // call control
    AnswerCallReq, AnswerCallConf, ClearCallReq, ClearCallConf, ClearConnectionReq,
    ClearConnectionConf, HoldCallReq, HoldCallConf, RetrieveCallReq, RetrieveCallConf,
    ConsultationCallReq, ConsultationCallConf, TransferCallReq, TransferCallConf, ConferenceCallReq,
    ConferenceCallConf, MakeCallReq, MakeCallConf, SendDtmfSignalReq, SendDtmfSignalConf,
    SnapshotCallReq, SnapshotCallConf, SnapshotDeviceReq, SnapshotDeviceConf,
    // supervisor and teams
    SuperviseCallReq, SuperviseCallConf, AgentTeamConfigEvent, ListAgentTeamReq, ListAgentTeamConf,
    MonitorAgentTeamStartReq, MonitorAgentTeamStartConf, MonitorAgentTeamStopReq,
    MonitorAgentTeamStopConf,
    // must stay last: the decoder's type table covers the alternatives before it
    UnknownMessage>;

// The MessageType number on the wire for `message`.
std::uint32_t message_type_number(const Message& message);

}  // namespace fgw::cti
