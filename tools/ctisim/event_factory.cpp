#include "tools/ctisim/event_factory.hpp"


namespace fgw::ctisim {

namespace {
using cti::ConnectionIdType;
using cti::DeviceIdType;
using cti::LocalConnectionState;

// A connection is named by its device ID (GED-188 ConnectionDeviceIDType STATIC).
constexpr ConnectionIdType kConnectionIdType = ConnectionIdType::Static;


template <class Event>
void copy_call_data(const Call& call, Event& event) {
  event.ani = call.ani;
  event.dnis = call.dnis;
  event.dialed_number = call.dialed_number;
  event.call_variables = call.call_variables;
  event.named_variables = call.named_variables;
  event.named_arrays = call.named_arrays;
  if constexpr (requires { event.call_wrapup_data; }) event.call_wrapup_data = call.wrapup_data;
}

LocalConnectionState state_of(const Call& call, const std::string& device) {
  const Party* party = call.find_party(device);
  return party ? party->state : LocalConnectionState::Null;
}
}  // namespace

EventFactory::EventFactory(std::uint32_t peripheral_id, const DialPlan& dial_plan)
    : peripheral_id_(peripheral_id), dial_plan_(dial_plan) {}

DeviceIdType EventFactory::device_type(const std::string& device) const {
  switch (dial_plan_.classify(device)) {
    case Destination::Extension:
      return DeviceIdType::DeviceIdentifier;
    case Destination::RoutePoint:
      return DeviceIdType::RoutePoint;
    default:
      return DeviceIdType::External;
  }
}

cti::CallHeader EventFactory::header(const Call&, std::uint32_t call_id) const {
  cti::CallHeader header;
  header.monitor_id = 0;  // ALL_EVENTS sessions have no monitor
  header.peripheral_id = peripheral_id_;
  header.peripheral_type = kPeripheralType;
  header.connection_device_id_type = kConnectionIdType;
  header.connection_call_id = call_id;
  return header;
}

cti::BeginCallEvent EventFactory::begin_call(const Call& call) const {
  cti::BeginCallEvent event;
  event.peripheral_id = peripheral_id_;
  event.peripheral_type = kPeripheralType;
  event.call_type = call.type;
  event.connection_device_id_type = kConnectionIdType;
  event.connection_call_id = call.id;
  event.connection_device_id = call.calling_device;
  copy_call_data(call, event);
  return event;
}

cti::CallDeliveredEvent EventFactory::delivered(const Call& call, const std::string& alerting,
                                                cti::EventCause cause) const {
  cti::CallDeliveredEvent event;
  event.call = header(call, call.id);
  event.alerting_device_type = device_type(alerting);
  event.calling_device_type = device_type(call.calling_device);
  event.called_device_type = device_type(call.called_device);
  event.local_connection_state = LocalConnectionState::Alerting;
  event.event_cause = cause;
  event.connection_device_id = alerting;
  event.alerting_device_id = alerting;
  event.calling_device_id = call.calling_device;
  event.called_device_id = call.called_device;
  if (call.called_device != alerting) {
    event.last_redirect_device_type = device_type(call.called_device);
    event.last_redirect_device_id = call.called_device;
  }
  copy_call_data(call, event);
  return event;
}

cti::CallEstablishedEvent EventFactory::established(const Call& call, const std::string& answering,
                                                    cti::EventCause cause) const {
  cti::CallEstablishedEvent event;
  event.call = header(call, call.id);
  event.answering_device_type = device_type(answering);
  event.calling_device_type = device_type(call.calling_device);
  event.called_device_type = device_type(call.called_device);
  event.local_connection_state = LocalConnectionState::Connect;
  event.event_cause = cause;
  event.connection_device_id = answering;
  event.answering_device_id = answering;
  event.calling_device_id = call.calling_device;
  event.called_device_id = call.called_device;
  return event;
}

cti::CallHeldEvent EventFactory::held(const Call& call, const std::string& holding) const {
  cti::CallHeldEvent event;
  event.call = header(call, call.id);
  event.device_type = device_type(holding);
  event.local_connection_state = LocalConnectionState::Hold;
  event.connection_device_id = holding;
  event.device_id = holding;
  return event;
}

cti::CallRetrievedEvent EventFactory::retrieved(const Call& call,
                                                const std::string& retrieving) const {
  cti::CallRetrievedEvent event;
  event.call = header(call, call.id);
  event.device_type = device_type(retrieving);
  event.local_connection_state = LocalConnectionState::Connect;
  event.connection_device_id = retrieving;
  event.device_id = retrieving;
  return event;
}

cti::CallConnectionClearedEvent EventFactory::connection_cleared(const Call& call,
                                                                 const std::string& releasing,
                                                                 cti::EventCause cause) const {
  cti::CallConnectionClearedEvent event;
  event.call = header(call, call.id);
  event.device_type = device_type(releasing);
  event.local_connection_state = LocalConnectionState::Null;
  event.event_cause = cause;
  event.connection_device_id = releasing;
  event.device_id = releasing;
  return event;
}

cti::CallClearedEvent EventFactory::cleared(const Call& call, cti::EventCause cause) const {
  cti::CallClearedEvent event;
  event.call = header(call, call.id);
  event.local_connection_state = LocalConnectionState::Null;
  event.event_cause = cause;
  event.connection_device_id = call.calling_device;
  return event;
}

cti::EndCallEvent EventFactory::end_call(const Call& call) const {
  cti::EndCallEvent event;
  event.call = header(call, call.id);
  event.connection_device_id = call.calling_device;
  return event;
}

cti::CallServiceInitiatedEvent EventFactory::service_initiated(const Call& call,
                                                               const std::string& device,
                                                               cti::EventCause cause) const {
  cti::CallServiceInitiatedEvent event;
  event.call = header(call, call.id);
  event.calling_device_type = device_type(device);
  event.local_connection_state = LocalConnectionState::Initiate;
  event.event_cause = cause;
  event.connection_device_id = device;
  event.calling_device_id = device;
  return event;
}

cti::CallOriginatedEvent EventFactory::originated(const Call& call, const std::string& device,
                                                  cti::EventCause cause) const {
  cti::CallOriginatedEvent event;
  event.call = header(call, call.id);
  event.calling_device_type = device_type(device);
  event.called_device_type = device_type(call.called_device);
  event.local_connection_state = state_of(call, device);
  event.event_cause = cause;
  event.connection_device_id = device;
  event.calling_device_id = device;
  event.called_device_id = call.called_device;
  return event;
}

cti::CallFailedEvent EventFactory::failed(const Call& call, const std::string& failing,
                                          cti::EventCause cause) const {
  cti::CallFailedEvent event;
  event.call = header(call, call.id);
  event.failing_device_type = device_type(failing);
  event.called_device_type = device_type(call.called_device);
  event.local_connection_state = LocalConnectionState::Fail;
  event.event_cause = cause;
  event.connection_device_id = call.calling_device;
  event.failing_device_id = failing;
  event.called_device_id = call.called_device;
  return event;
}

std::vector<cti::ConnectedParty> EventFactory::parties(const Call& call) const {
  std::vector<cti::ConnectedParty> parties;
  for (const auto& party : call.parties) {
    parties.push_back({call.id, kConnectionIdType, party.device});
  }
  return parties;
}

cti::CallTransferredEvent EventFactory::transferred(const Call& surviving,
                                                    std::uint32_t secondary_call_id,
                                                    const std::string& transferring,
                                                    const std::string& transferred_to) const {
  cti::CallTransferredEvent event;
  event.peripheral_id = peripheral_id_;
  event.peripheral_type = kPeripheralType;
  event.primary_device_id_type = kConnectionIdType;
  event.primary_call_id = surviving.id;
  event.secondary_device_id_type = kConnectionIdType;
  event.secondary_call_id = secondary_call_id;
  event.first_device_type = device_type(transferring);
  event.second_device_type = device_type(transferred_to);
  event.local_connection_state = state_of(surviving, transferred_to);
  event.event_cause = cti::EventCause::Transfer;
  event.primary_device_id = transferring;
  event.secondary_device_id = transferring;
  event.first_device_id = transferring;
  event.second_device_id = transferred_to;
  event.parties = parties(surviving);
  return event;
}

cti::CallConferencedEvent EventFactory::conferenced(const Call& surviving,
                                                    std::uint32_t secondary_call_id,
                                                    const std::string& controller,
                                                    const std::string& added,
                                                    cti::EventCause cause) const {
  cti::CallConferencedEvent event;
  event.peripheral_id = peripheral_id_;
  event.peripheral_type = kPeripheralType;
  event.primary_device_id_type = kConnectionIdType;
  event.primary_call_id = surviving.id;
  event.secondary_device_id_type = kConnectionIdType;
  event.secondary_call_id = secondary_call_id;
  event.first_device_type = device_type(controller);
  event.second_device_type = device_type(added);
  event.local_connection_state = LocalConnectionState::Connect;
  event.event_cause = cause;
  event.primary_device_id = controller;
  event.secondary_device_id = controller;
  event.first_device_id = controller;
  event.second_device_id = added;
  event.parties = parties(surviving);
  return event;
}

cti::CallDataUpdateEvent EventFactory::data_update(const Call& call) const {
  cti::CallDataUpdateEvent event;
  event.peripheral_id = peripheral_id_;
  event.peripheral_type = kPeripheralType;
  event.call_type = call.type;
  event.connection_device_id_type = kConnectionIdType;
  event.connection_call_id = call.id;
  event.new_connection_device_id_type = kConnectionIdType;
  event.new_connection_call_id = call.id;
  event.connection_device_id = call.calling_device;
  event.new_connection_device_id = call.calling_device;
  copy_call_data(call, event);
  return event;
}

cti::AgentStateEvent EventFactory::agent_state(const Agent& agent,
                                               const std::string& client_signature) const {
  cti::AgentStateEvent event;
  event.peripheral_id = peripheral_id_;
  event.peripheral_type = kPeripheralType;
  event.skill_group_state = agent.reported;
  event.state_duration = 0;  // the state has just begun
  event.agent_state = agent.reported;
  const bool reason_applies =
      agent.reported == cti::AgentState::NotReady || agent.reported == cti::AgentState::Logout;
  event.event_reason_code = reason_applies ? agent.reason_code : 0;
  event.agent_mode = agent.reported == cti::AgentState::Available ? 1 : 0;
  event.max_task_limit = 1;
  event.num_tasks = 0;
  event.agent_availability_status = agent.reported == cti::AgentState::Available ? 1 : 0;
  if (!client_signature.empty()) event.client_signature = client_signature;
  event.agent_id = agent.id;
  event.agent_extension = agent.extension;
  event.agent_instrument = agent.extension;
  if (agent.next_state) event.next_agent_state = *agent.next_state;
  return event;
}

cti::QueryAgentStateConf EventFactory::query_agent_state(const Agent& agent,
                                                         std::uint32_t invoke_id) const {
  cti::QueryAgentStateConf conf;
  conf.invoke_id = invoke_id;
  conf.agent_state = agent.reported;
  conf.agent_mode = agent.reported == cti::AgentState::Available ? 1 : 0;
  conf.max_task_limit = 1;
  conf.agent_availability_status = agent.reported == cti::AgentState::Available ? 1 : 0;
  conf.agent_id = agent.id;
  if (agent.signed_in) {
    conf.agent_extension = agent.extension;
    conf.agent_instrument = agent.extension;
  }
  return conf;
}

cti::SnapshotCallConf EventFactory::snapshot_call(const Call& call, std::uint32_t invoke_id) const {
  cti::SnapshotCallConf conf;
  conf.invoke_id = invoke_id;
  conf.call_type = call.type;
  copy_call_data(call, conf);
  for (const auto& party : call.parties) {
    conf.devices.push_back({call.id, kConnectionIdType, party.device, device_type(party.device),
                            party.device, party.state});
  }
  return conf;
}

}  // namespace fgw::ctisim
