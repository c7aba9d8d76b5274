#include "gateway/desk/call_type_names.hpp"

#include <array>
#include <utility>

namespace fgw::desk {

namespace {

using cti::CallType;

// The guide names ten call types; every other CTI type goes to the nearest of them: calls an
// agent places or that a dialer places for them are OUT, supervisor interventions are
// SUPERVISOR_MONITOR, conference legs are CONFERENCE, consult legs are CONSULT. Anything that
// reaches the agent some other way is OTHER_IN, which is also the answer for a value not listed.
constexpr std::array<std::pair<CallType, const char*>, 41> kCallTypes{{
    {CallType::AcdIn, "ACD_IN"},
    {CallType::PrerouteAcdIn, "PREROUTE_ACD_IN"},
    {CallType::PrerouteDirectAgent, "PREROUTE_DIRECT_AGENT"},
    {CallType::TransferIn, "TRANSFER"},
    {CallType::OverflowIn, "OTHER_IN"},
    {CallType::OtherIn, "OTHER_IN"},
    {CallType::AutoOut, "OUT"},
    {CallType::AgentOut, "OUT"},
    {CallType::Out, "OUT"},
    {CallType::AgentInside, "AGENT_INSIDE"},
    {CallType::Offered, "OTHER_IN"},
    {CallType::Consult, "CONSULT"},
    {CallType::ConsultOfferred, "CONSULT"},
    {CallType::ConsultConference, "CONFERENCE"},
    {CallType::Conference, "CONFERENCE"},
    {CallType::Unmonitored, "OTHER_IN"},
    {CallType::Preview, "OUT"},
    {CallType::Reservation, "OTHER_IN"},
    {CallType::Assist, "OTHER_IN"},
    {CallType::Emergency, "OTHER_IN"},
    {CallType::SupervisorMonitor, "SUPERVISOR_MONITOR"},
    {CallType::SupervisorWhisper, "SUPERVISOR_MONITOR"},
    {CallType::SupervisorBargein, "SUPERVISOR_MONITOR"},
    {CallType::SupervisorIntercept, "SUPERVISOR_MONITOR"},
    {CallType::TaskRoutedByIcm, "OTHER_IN"},
    {CallType::TaskRoutedByApplication, "OTHER_IN"},
    {CallType::ReservationPreview, "OTHER_IN"},
    {CallType::ReservationPreviewDirect, "OTHER_IN"},
    {CallType::ReservationPredictive, "OTHER_IN"},
    {CallType::ReservationCallback, "OTHER_IN"},
    {CallType::ReservationPersonalCallback, "OTHER_IN"},
    {CallType::CustomerPreview, "OUT"},
    {CallType::CustomerPreviewDirect, "OUT"},
    {CallType::CustomerPredictive, "OUT"},
    {CallType::CustomerCallback, "OUT"},
    {CallType::CustomerPersonal, "OUT"},
    {CallType::CustomerIvr, "OUT"},
    {CallType::NonAcd, "OTHER_IN"},
    {CallType::PlayAgentGreeting, "OTHER_IN"},
    {CallType::RecordAgentGreeting, "OTHER_IN"},
    {CallType::VoiceCallBack, "OTHER_IN"},
}};

}  // namespace

std::string finesse_call_type(CallType type) {
  for (const auto& [cti_type, name] : kCallTypes)
    if (cti_type == type) return name;
  return "OTHER_IN";
}

}  // namespace fgw::desk
