#include "gateway/cti/enums.hpp"

namespace fgw::cti {

std::string_view name(AgentState value) {
  switch (value) {
    case AgentState::Login: return "AGENT_STATE_LOGIN";
    case AgentState::Logout: return "AGENT_STATE_LOGOUT";
    case AgentState::NotReady: return "AGENT_STATE_NOT_READY";
    case AgentState::Available: return "AGENT_STATE_AVAILABLE";
    case AgentState::Talking: return "AGENT_STATE_TALKING";
    case AgentState::WorkNotReady: return "AGENT_STATE_WORK_NOT_READY";
    case AgentState::WorkReady: return "AGENT_STATE_WORK_READY";
    case AgentState::BusyOther: return "AGENT_STATE_BUSY_OTHER";
    case AgentState::Reserved: return "AGENT_STATE_RESERVED";
    case AgentState::Unknown: return "AGENT_STATE_UNKNOWN";
    case AgentState::Hold: return "AGENT_STATE_HOLD";
    case AgentState::Active: return "AGENT_STATE_ACTIVE";
    case AgentState::Paused: return "AGENT_STATE_PAUSED";
    case AgentState::Interrupted: return "AGENT_STATE_INTERRUPTED";
    case AgentState::NotActive: return "AGENT_STATE_NOT_ACTIVE";
  }
  return {};
}

std::string_view name(LocalConnectionState value) {
  switch (value) {
    case LocalConnectionState::None: return "LCS_NONE";
    case LocalConnectionState::Null: return "LCS_NULL";
    case LocalConnectionState::Initiate: return "LCS_INITIATE";
    case LocalConnectionState::Alerting: return "LCS_ALERTING";
    case LocalConnectionState::Connect: return "LCS_CONNECT";
    case LocalConnectionState::Hold: return "LCS_HOLD";
    case LocalConnectionState::Queued: return "LCS_QUEUED";
    case LocalConnectionState::Fail: return "LCS_FAIL";
  }
  return {};
}

std::string_view name(EventCause value) {
  switch (value) {
    case EventCause::None: return "CEC_NONE";
    case EventCause::ActiveMonitor: return "CEC_ACTIVE_MONITOR";
    case EventCause::Alternate: return "CEC_ALTERNATE";
    case EventCause::Busy: return "CEC_BUSY";
    case EventCause::CallBack: return "CEC_CALL_BACK";
    case EventCause::CallCancelled: return "CEC_CALL_CANCELLED";
    case EventCause::CallForwardAlways: return "CEC_CALL_FORWARD_ALWAYS";
    case EventCause::CallForwardBusy: return "CEC_CALL_FORWARD_BUSY";
    case EventCause::CallForwardNoAnswer: return "CEC_CALL_FORWARD_NO_ANSWER";
    case EventCause::CallForward: return "CEC_CALL_FORWARD";
    case EventCause::CallNotAnswered: return "CEC_CALL_NOT_ANSWERED";
    case EventCause::CallPickup: return "CEC_CALL_PICKUP";
    case EventCause::CampOn: return "CEC_CAMP_ON";
    case EventCause::DestNotObtainable: return "CEC_DEST_NOT_OBTAINABLE";
    case EventCause::DoNotDisturb: return "CEC_DO_NOT_DISTURB";
    case EventCause::IncompatibleDestination: return "CEC_INCOMPATIBLE_DESTINATION";
    case EventCause::InvalidAccountCode: return "CEC_INVALID_ACCOUNT_CODE";
    case EventCause::KeyConference: return "CEC_KEY_CONFERENCE";
    case EventCause::Lockout: return "CEC_LOCKOUT";
    case EventCause::Maintenance: return "CEC_MAINTENANCE";
    case EventCause::NetworkCongestion: return "CEC_NETWORK_CONGESTION";
    case EventCause::NetworkNotObtainable: return "CEC_NETWORK_NOT_OBTAINABLE";
    case EventCause::NewCall: return "CEC_NEW_CALL";
    case EventCause::NoAvailableAgents: return "CEC_NO_AVAILABLE_AGENTS";
    case EventCause::Override: return "CEC_OVERRIDE";
    case EventCause::Park: return "CEC_PARK";
    case EventCause::Overflow: return "CEC_OVERFLOW";
    case EventCause::Recall: return "CEC_RECALL";
    case EventCause::Redirected: return "CEC_REDIRECTED";
    case EventCause::ReorderTone: return "CEC_REORDER_TONE";
    case EventCause::ResourcesNotAvailable: return "CEC_RESOURCES_NOT_AVAILABLE";
    case EventCause::SilentMonitor: return "CEC_SILENT_MONITOR";
    case EventCause::Transfer: return "CEC_TRANSFER";
    case EventCause::TrunksBusy: return "CEC_TRUNKS_BUSY";
    case EventCause::VoiceUnitInitiator: return "CEC_VOICE_UNIT_INITIATOR";
    case EventCause::TimeOut: return "CEC_TIME_OUT";
    case EventCause::NewCallInterflow: return "CEC_NEW_CALL_INTERFLOW";
    case EventCause::SimulationInitRequest: return "CEC_SIMULATION_INIT_REQUEST";
    case EventCause::SimulationResetRequest: return "CEC_SIMULATION_RESET_REQUEST";
    case EventCause::CtiLinkDown: return "CEC_CTI_LINK_DOWN";
    case EventCause::PeripheralResetRequest: return "CEC_PERIPHERAL_RESET_REQUEST";
    case EventCause::Md110ConferenceTransfer: return "CEC_MD110_CONFERENCE_TRANSFER";
    case EventCause::RemainsInQ: return "CEC_REMAINS_IN_Q";
    case EventCause::SupervisorAssist: return "CEC_SUPERVISOR_ASSIST";
    case EventCause::EmergencyCall: return "CEC_EMERGENCY_CALL";
    case EventCause::SupervisorClear: return "CEC_SUPERVISOR_CLEAR";
    case EventCause::SupervisorMonitor: return "CEC_SUPERVISOR_MONITOR";
    case EventCause::SupervisorWhisper: return "CEC_SUPERVISOR_WHISPER";
    case EventCause::SupervisorBargeIn: return "CEC_SUPERVISOR_BARGE_IN";
    case EventCause::SupervisorIntercept: return "CEC_SUPERVISOR_INTERCEPT";
    case EventCause::CallPartyUpdateInd: return "CEC_CALL_PARTY_UPDATE_IND";
    case EventCause::Consult: return "CEC_CONSULT";
    case EventCause::NicCallClear: return "CEC_NIC_CALL_CLEAR";
    case EventCause::Dnp: return "CEC_DNP";
    case EventCause::RouterRequeryBeforeAnswer: return "CEC_ROUTER_REQUERY_BEFORE_ANSWER";
    case EventCause::RouterRequeryAfterAnswer: return "CEC_ROUTER_REQUERY_AFTER_ANSWER";
    case EventCause::NetworkError: return "CEC_NETWORK_ERROR";
    case EventCause::NetworkErrorBeforeAnswer: return "CEC_NETWORK_ERROR_BEFORE_ANSWER";
    case EventCause::NetworkErrorAfterAnswer: return "CEC_NETWORK_ERROR_AFTER_ANSWER";
    case EventCause::Greeting: return "CEC_GREETING";
    case EventCause::RecordAgentGreeting: return "CEC_RECORD_AGENT_GREETING";
    case EventCause::Snapshot: return "CEC_SNAPSHOT";
    case EventCause::MaxQueueExceeded: return "CEC_MAX_QUEUE_EXCEEDED";
    case EventCause::CecxAbandNetwork: return "CECX_ABAND_NETWORK";
    case EventCause::CecxAbandLocalQueue: return "CECX_ABAND_LOCAL_QUEUE";
    case EventCause::CecxAbandRing: return "CECX_ABAND_RING";
    case EventCause::CecxAbandDelay: return "CECX_ABAND_DELAY";
    case EventCause::CecxAbandInterflow: return "CECX_ABAND_INTERFLOW";
    case EventCause::CecxAbandAgentTerminal: return "CECX_ABAND_AGENT_TERMINAL";
    case EventCause::CecxShort: return "CECX_SHORT";
    case EventCause::CecxBusy: return "CECX_BUSY";
    case EventCause::CecxForcedBusy: return "CECX_FORCED_BUSY";
    case EventCause::CecxDropNoAnswer: return "CECX_DROP_NO_ANSWER";
    case EventCause::CecxDropBusy: return "CECX_DROP_BUSY";
    case EventCause::CecxDropReorder: return "CECX_DROP_REORDER";
    case EventCause::CecxDropHandledPrimaryRoute: return "CECX_DROP_HANDLED_PRIMARY_ROUTE";
    case EventCause::CecxDropHandledOther: return "CECX_DROP_HANDLED_OTHER";
    case EventCause::CecxRedirected: return "CECX_REDIRECTED";
    case EventCause::CecxCutThrough: return "CECX_CUT_THROUGH";
    case EventCause::CecxIntraflow: return "CECX_INTRAFLOW";
    case EventCause::CecxInterflow: return "CECX_INTERFLOW";
    case EventCause::CecxRingNoAnswer: return "CECX_RING_NO_ANSWER";
    case EventCause::CecxInterceptReorder: return "CECX_INTERCEPT_REORDER";
    case EventCause::CecxInterceptDenial: return "CECX_INTERCEPT_DENIAL";
    case EventCause::CecxTimeOut: return "CECX_TIME_OUT";
    case EventCause::CecxVoiceEnergy: return "CECX_VOICE_ENERGY";
    case EventCause::CecxNonclassifiedEnergyDetect: return "CECX_NONCLASSIFIED_ENERGY_DETECT";
    case EventCause::CecxNoCutThrough: return "CECX_NO_CUT_THROUGH";
    case EventCause::CecxUabort: return "CECX_UABORT";
    case EventCause::CecxFailedSoftware: return "CECX_FAILED_SOFTWARE";
    case EventCause::CecxBlindTransfer: return "CECX_BLIND_TRANSFER";
    case EventCause::CecxAnnouncedTransfer: return "CECX_ANNOUNCED_TRANSFER";
    case EventCause::CecxConferenced: return "CECX_CONFERENCED";
    case EventCause::CecxDuplicateTransfer: return "CECX_DUPLICATE_TRANSFER";
    case EventCause::CecxUnmonitoredDevice: return "CECX_UNMONITORED_DEVICE";
    case EventCause::CecxAnsweringMachine: return "CECX_ANSWERING_MACHINE";
    case EventCause::CecxNetworkBlindTransfer: return "CECX_NETWORK_BLIND_TRANSFER";
    case EventCause::CecxApplicationPathWentDown: return "CECX_APPLICATION_PATH_WENT_DOWN";
    case EventCause::CecxIcmRoutingComplete: return "CECX_ICM_ROUTING_COMPLETE";
    case EventCause::CecxIcmRoutingDisabled: return "CECX_ICM_ROUTING_DISABLED";
    case EventCause::CecxTaskEndedDuringAppInit: return "CECX_TASK_ENDED_DURING_APP_INIT";
    case EventCause::CecxCalledPartyDisconnected: return "CECX_CALLED_PARTY_DISCONNECTED";
    case EventCause::CecxPartialCall: return "CECX_PARTIAL_CALL";
    case EventCause::CecxDropNetworkConsult: return "CECX_DROP_NETWORK_CONSULT";
    case EventCause::CecxNetworkConsultTransfer: return "CECX_NETWORK_CONSULT_TRANSFER";
    case EventCause::CecxNetworkConference: return "CECX_NETWORK_CONFERENCE";
    case EventCause::CecxAbandNetworkConsult: return "CECX_ABAND_NETWORK_CONSULT";
  }
  return {};
}

std::string_view name(DeviceIdType value) {
  switch (value) {
    case DeviceIdType::None: return "DEVID_NONE";
    case DeviceIdType::DeviceIdentifier: return "DEVID_DEVICE_IDENTIFIER";
    case DeviceIdType::TrunkIdentifier: return "DEVID_TRUNK_IDENTIFIER";
    case DeviceIdType::TrunkGroupIdentifier: return "DEVID_TRUNK_GROUP_IDENTIFIER";
    case DeviceIdType::IpPhoneMacIdentifier: return "DEVID_IP_PHONE_MAC_IDENTIFIER";
    case DeviceIdType::CtiPort: return "DEVID_CTI_PORT";
    case DeviceIdType::RoutePoint: return "DEVID_ROUTE_POINT";
    case DeviceIdType::External: return "DEVID_EXTERNAL";
    case DeviceIdType::AgentDevice: return "DEVID_AGENT_DEVICE";
    case DeviceIdType::Queue: return "DEVID_QUEUE";
    case DeviceIdType::NonAcdDeviceIdentifier: return "DEVID_NON_ACD_DEVICE_IDENTIFIER";
    case DeviceIdType::SharedDeviceIdentifier: return "DEVID_SHARED_DEVICE_IDENTIFIER";
  }
  return {};
}

std::string_view name(ConnectionIdType value) {
  switch (value) {
    case ConnectionIdType::None: return "CONNECTION_ID_NONE";
    case ConnectionIdType::Static: return "CONNECTION_ID_STATIC";
    case ConnectionIdType::Dynamic: return "CONNECTION_ID_DYNAMIC";
  }
  return {};
}

std::string_view name(CallType value) {
  switch (value) {
    case CallType::AcdIn: return "CALLTYPE_ACD_IN";
    case CallType::PrerouteAcdIn: return "CALLTYPE_PREROUTE_ACD_IN";
    case CallType::PrerouteDirectAgent: return "CALLTYPE_PREROUTE_DIRECT_AGENT";
    case CallType::TransferIn: return "CALLTYPE_TRANSFER_IN";
    case CallType::OverflowIn: return "CALLTYPE_OVERFLOW_IN";
    case CallType::OtherIn: return "CALLTYPE_OTHER_IN";
    case CallType::AutoOut: return "CALLTYPE_AUTO_OUT";
    case CallType::AgentOut: return "CALLTYPE_AGENT_OUT";
    case CallType::Out: return "CALLTYPE_OUT";
    case CallType::AgentInside: return "CALLTYPE_AGENT_INSIDE";
    case CallType::Offered: return "CALLTYPE_OFFERED";
    case CallType::Consult: return "CALLTYPE_CONSULT";
    case CallType::ConsultOfferred: return "CALLTYPE_CONSULT_OFFERRED";
    case CallType::ConsultConference: return "CALLTYPE_CONSULT_CONFERENCE";
    case CallType::Conference: return "CALLTYPE_CONFERENCE";
    case CallType::Unmonitored: return "CALLTYPE_UNMONITORED";
    case CallType::Preview: return "CALLTYPE_PREVIEW";
    case CallType::Reservation: return "CALLTYPE_RESERVATION";
    case CallType::Assist: return "CALLTYPE_ASSIST";
    case CallType::Emergency: return "CALLTYPE_EMERGENCY";
    case CallType::SupervisorMonitor: return "CALLTYPE_SUPERVISOR_MONITOR";
    case CallType::SupervisorWhisper: return "CALLTYPE_SUPERVISOR_WHISPER";
    case CallType::SupervisorBargein: return "CALLTYPE_SUPERVISOR_BARGEIN";
    case CallType::SupervisorIntercept: return "CALLTYPE_SUPERVISOR_INTERCEPT";
    case CallType::TaskRoutedByIcm: return "CALLTYPE_TASK_ROUTED_BY_ICM";
    case CallType::TaskRoutedByApplication: return "CALLTYPE_TASK_ROUTED_BY_APPLICATION";
    case CallType::ReservationPreview: return "CALLTYPE_RESERVATION_PREVIEW";
    case CallType::ReservationPreviewDirect: return "CALLTYPE_RESERVATION_PREVIEW_DIRECT";
    case CallType::ReservationPredictive: return "CALLTYPE_RESERVATION_PREDICTIVE";
    case CallType::ReservationCallback: return "CALLTYPE_RESERVATION_CALLBACK";
    case CallType::ReservationPersonalCallback: return "CALLTYPE_RESERVATION_PERSONAL_CALLBACK";
    case CallType::CustomerPreview: return "CALLTYPE_CUSTOMER_PREVIEW";
    case CallType::CustomerPreviewDirect: return "CALLTYPE_CUSTOMER_PREVIEW_DIRECT";
    case CallType::CustomerPredictive: return "CALLTYPE_CUSTOMER_PREDICTIVE";
    case CallType::CustomerCallback: return "CALLTYPE_CUSTOMER_CALLBACK";
    case CallType::CustomerPersonal: return "CALLTYPE_CUSTOMER_PERSONAL";
    case CallType::CustomerIvr: return "CALLTYPE_CUSTOMER_IVR";
    case CallType::NonAcd: return "CALLTYPE_NON_ACD";
    case CallType::PlayAgentGreeting: return "CALLTYPE_PLAY_AGENT_GREETING";
    case CallType::RecordAgentGreeting: return "CALLTYPE_RECORD_AGENT_GREETING";
    case CallType::VoiceCallBack: return "CALLTYPE_VOICE_CALL_BACK";
  }
  return {};
}

std::string_view name(SystemEventId value) {
  switch (value) {
    case SystemEventId::CentralControllerOnline: return "SYS_CENTRAL_CONTROLLER_ONLINE";
    case SystemEventId::CentralControllerOffline: return "SYS_CENTRAL_CONTROLLER_OFFLINE";
    case SystemEventId::PeripheralOnline: return "SYS_PERIPHERAL_ONLINE";
    case SystemEventId::PeripheralOffline: return "SYS_PERIPHERAL_OFFLINE";
    case SystemEventId::TextFyi: return "SYS_TEXT_FYI";
    case SystemEventId::PeripheralGatewayOffline: return "SYS_PERIPHERAL_GATEWAY_OFFLINE";
    case SystemEventId::CtiServerOffline: return "SYS_CTI_SERVER_OFFLINE";
    case SystemEventId::CtiServerOnline: return "SYS_CTI_SERVER_ONLINE";
    case SystemEventId::HalfHourChange: return "SYS_HALF_HOUR_CHANGE";
    case SystemEventId::InstrumentOutOfService: return "SYS_INSTRUMENT_OUT_OF_SERVICE";
    case SystemEventId::InstrumentBackInService: return "SYS_INSTRUMENT_BACK_IN_SERVICE";
  }
  return {};
}

std::string_view name(PeripheralType value) {
  switch (value) {
    case PeripheralType::None: return "PT_NONE";
    case PeripheralType::Meridian: return "PT_MERIDIAN";
    case PeripheralType::G2: return "PT_G2";
    case PeripheralType::DefinityEcsNonEas: return "PT_DEFINITY_ECS_NON_EAS";
    case PeripheralType::DefinityEcsEas: return "PT_DEFINITY_ECS_EAS";
    case PeripheralType::Galaxy: return "PT_GALAXY";
    case PeripheralType::Spectrum: return "PT_SPECTRUM";
    case PeripheralType::Vru: return "PT_VRU";
    case PeripheralType::VruPolled: return "PT_VRU_POLLED";
    case PeripheralType::Dms100: return "PT_DMS100";
    case PeripheralType::Siemens9006: return "PT_SIEMENS_9006";
    case PeripheralType::Siemens9005: return "PT_SIEMENS_9005";
    case PeripheralType::Alcatel: return "PT_ALCATEL";
    case PeripheralType::NecNeax2: return "PT_NEC_NEAX_2";
    case PeripheralType::Acp1000: return "PT_ACP_1000";
    case PeripheralType::EnterpriseAgent: return "PT_ENTERPRISE_AGENT";
    case PeripheralType::Md110: return "PT_MD110";
    case PeripheralType::MediaRouting: return "PT_MEDIA_ROUTING";
    case PeripheralType::Generic: return "PT_GENERIC";
    case PeripheralType::AcmiCrs: return "PT_ACMI_CRS";
    case PeripheralType::AcmiIpcc: return "PT_ACMI_IPCC";
    case PeripheralType::Ars: return "PT_ARS";
    case PeripheralType::AcmiErs: return "PT_ACMI_ERS";
    case PeripheralType::AcmiExpertAdvisor: return "PT_ACMI_EXPERT_ADVISOR";
  }
  return {};
}

std::string_view name(SupervisoryAction value) {
  switch (value) {
    case SupervisoryAction::Clear: return "SUPERVISORY_ACTION_CLEAR";
    case SupervisoryAction::Monitor: return "SUPERVISORY_ACTION_MONITOR";
    case SupervisoryAction::Whisper: return "SUPERVISORY_ACTION_WHISPER";
    case SupervisoryAction::BargeIn: return "SUPERVISORY_ACTION_BARGE_IN";
    case SupervisoryAction::Intercept: return "SUPERVISORY_ACTION_INTERCEPT";
  }
  return {};
}

}  // namespace fgw::cti
