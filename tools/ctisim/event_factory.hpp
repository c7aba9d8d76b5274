#pragma once
// Builds the CTI messages that describe the model: one function per message, no decisions.
#include <cstdint>
#include <string>
#include <vector>

#include "gateway/cti/message.hpp"
#include "tools/ctisim/dial_plan.hpp"
#include "tools/ctisim/model.hpp"

namespace fgw::ctisim {

// UCCE's PG peripheral type (GED-188.md 4.11).
inline constexpr cti::PeripheralType kPeripheralType = cti::PeripheralType::EnterpriseAgent;

class EventFactory {
 public:
  EventFactory(std::uint32_t peripheral_id, const DialPlan& dial_plan);

  cti::DeviceIdType device_type(const std::string& device) const;
  cti::CallHeader header(const Call& call, std::uint32_t call_id) const;

  cti::BeginCallEvent begin_call(const Call& call) const;
  cti::CallDeliveredEvent delivered(const Call& call, const std::string& alerting,
                                    cti::EventCause cause) const;
  cti::CallEstablishedEvent established(const Call& call, const std::string& answering,
                                        cti::EventCause cause) const;
  cti::CallHeldEvent held(const Call& call, const std::string& holding) const;
  cti::CallRetrievedEvent retrieved(const Call& call, const std::string& retrieving) const;
  cti::CallConnectionClearedEvent connection_cleared(const Call& call, const std::string& releasing,
                                                     cti::EventCause cause) const;
  cti::CallClearedEvent cleared(const Call& call, cti::EventCause cause) const;
  cti::EndCallEvent end_call(const Call& call) const;
  cti::CallServiceInitiatedEvent service_initiated(const Call& call, const std::string& device,
                                                   cti::EventCause cause) const;
  cti::CallOriginatedEvent originated(const Call& call, const std::string& device,
                                      cti::EventCause cause) const;
  cti::CallFailedEvent failed(const Call& call, const std::string& failing,
                              cti::EventCause cause) const;
  cti::CallTransferredEvent transferred(const Call& surviving, std::uint32_t secondary_call_id,
                                        const std::string& transferring,
                                        const std::string& transferred_to) const;
  cti::CallConferencedEvent conferenced(const Call& surviving, std::uint32_t secondary_call_id,
                                        const std::string& controller, const std::string& added,
                                        cti::EventCause cause) const;
  cti::CallDataUpdateEvent data_update(const Call& call) const;
  cti::AgentStateEvent agent_state(const Agent& agent, const std::string& client_signature) const;
  cti::QueryAgentStateConf query_agent_state(const Agent& agent, std::uint32_t invoke_id) const;
  cti::SnapshotCallConf snapshot_call(const Call& call, std::uint32_t invoke_id) const;
  std::vector<cti::ConnectedParty> parties(const Call& call) const;

 private:
  std::uint32_t peripheral_id_;
  const DialPlan& dial_plan_;
};

}  // namespace fgw::ctisim
