// CTI call events to Dialog and Participant states: the tables of guide 5.4.4 (inbound, outbound,
// hold, consult and transfer), conference by the same reading as transfer, and silent monitor.
// Each handler changes the state; LiveModel::commit() works out who is told what.
#include <algorithm>

#include "gateway/desk/call_data_merge.hpp"
#include "gateway/desk/call_type_names.hpp"
#include "gateway/desk/live_model.hpp"

namespace fgw::desk {

namespace {

std::string device_or(const std::optional<std::string>& device, const std::optional<std::string>& fallback) {
  if (device && !device->empty()) return *device;
  return fallback.value_or("");
}

void set_if_empty(std::string& target, const std::string& value) {
  if (target.empty()) target = value;
}

// stateCause of a FAILED leg (5.4 "stateCause"): BUSY, BAD_DESTINATION or OTHER.
std::string failure_cause(cti::EventCause cause) {
  using cti::EventCause;
  switch (cause) {
    case EventCause::Busy:
    case EventCause::CecxBusy:
    case EventCause::CecxForcedBusy:
      return "BUSY";
    case EventCause::DestNotObtainable:
    case EventCause::IncompatibleDestination:
    case EventCause::ReorderTone:
    case EventCause::CecxInterceptReorder:
    case EventCause::CecxInterceptDenial:
      return "BAD_DESTINATION";
    default:
      return "OTHER";
  }
}

// A leg that has not yet been answered moves on to `state`; a leg further along keeps its state.
void advance_unanswered(Participant& participant, const std::string& state) {
  static const std::vector<std::string> kUnanswered{"", "INITIATING", "INITIATED", "ALERTING"};
  if (std::find(kUnanswered.begin(), kUnanswered.end(), participant.state) != kUnanswered.end())
    participant.state = state;
}

void mark_monitor(CallRecord& call, cti::EventCause cause) {
  if (cause == cti::EventCause::SupervisorMonitor) call.supervisor_monitor = true;
}

}  // namespace

// "Start the call": the caller is the first participant, INITIATING.
std::vector<Notification> LiveModel::on_call_event(const cti::BeginCallEvent& event) {
  DialogChanges changes;
  changes.track(state_, event.connection_call_id, Notify::Always);
  auto& call = call_for(event.connection_call_id);
  auto& properties = call.dialog.media_properties;
  properties.call_type = finesse_call_type(event.call_type);
  merge_call_data(properties, event);
  if (event.call_type == cti::CallType::SupervisorMonitor) call.supervisor_monitor = true;
  const std::string caller = device_or(event.connection_device_id, event.ani);
  if (!caller.empty()) advance_unanswered(leg(call, caller), "INITIATING");
  set_if_empty(call.dialog.from_address, device_or(event.ani, event.connection_device_id));
  set_if_empty(call.dialog.to_address, device_or(event.dialed_number, event.dnis));
  return commit(changes);
}

// "Caller takes phone off-hook": INITIATING.
std::vector<Notification> LiveModel::on_call_event(const cti::CallServiceInitiatedEvent& event) {
  DialogChanges changes;
  changes.track(state_, event.call.connection_call_id, Notify::Always);
  auto& call = call_for(event.call.connection_call_id);
  mark_monitor(call, event.event_cause);
  const std::string device = device_or(event.calling_device_id, event.connection_device_id);
  if (!device.empty()) advance_unanswered(leg(call, device), "INITIATING");
  set_if_empty(call.dialog.from_address, device);
  return commit(changes);
}

// "Caller dials number": the dialog and the caller's leg are INITIATED.
std::vector<Notification> LiveModel::on_call_event(const cti::CallOriginatedEvent& event) {
  DialogChanges changes;
  changes.track(state_, event.call.connection_call_id, Notify::Always);
  auto& call = call_for(event.call.connection_call_id);
  mark_monitor(call, event.event_cause);
  call.dialog.state = "INITIATED";
  const std::string device = device_or(event.calling_device_id, event.connection_device_id);
  if (!device.empty()) advance_unanswered(leg(call, device), "INITIATED");
  const std::string called = event.called_device_id.value_or("");
  set_if_empty(call.dialog.to_address, called);
  if (call.supervisor_monitor) call.monitored_device = called;
  return commit(changes);
}

// "Destination is Busy / Bad": the caller's leg FAILED with its cause; the destination is not a
// participant.
std::vector<Notification> LiveModel::on_call_event(const cti::CallFailedEvent& event) {
  DialogChanges changes;
  changes.track(state_, event.call.connection_call_id, Notify::Always);
  auto& call = call_for(event.call.connection_call_id);
  call.dialog.state = "FAILED";
  const std::string caller = device_or(event.connection_device_id, event.failing_device_id);
  if (!caller.empty()) {
    auto& participant = leg(call, caller);
    participant.state = "FAILED";
    participant.state_cause = failure_cause(event.event_cause);
  }
  return commit(changes);
}

// "Call arrives at agent": ALERTING at the alerting device, the caller INITIATED.
std::vector<Notification> LiveModel::on_call_event(const cti::CallDeliveredEvent& event) {
  DialogChanges changes;
  changes.track(state_, event.call.connection_call_id, Notify::Always);
  auto& call = call_for(event.call.connection_call_id);
  merge_call_data(call.dialog.media_properties, event);
  call.dialog.state = "ALERTING";
  const std::string alerting = device_or(event.alerting_device_id, event.connection_device_id);
  const std::string caller = event.calling_device_id.value_or("");
  if (!caller.empty() && caller != alerting) advance_unanswered(leg(call, caller), "INITIATED");
  if (!alerting.empty()) leg(call, alerting).state = "ALERTING";
  set_if_empty(call.dialog.from_address, device_or(event.ani, event.calling_device_id));
  set_if_empty(call.dialog.to_address, device_or(event.dialed_number, event.called_device_id));
  return commit(changes);
}

// "Agent answers call": the answering and calling legs ACTIVE. On a silent monitor call the
// supervisor (the caller) is SILENT_MONITOR and the answering agent is the monitored one.
std::vector<Notification> LiveModel::on_call_event(const cti::CallEstablishedEvent& event) {
  DialogChanges changes;
  changes.track(state_, event.call.connection_call_id, Notify::Always);
  auto& call = call_for(event.call.connection_call_id);
  mark_monitor(call, event.event_cause);
  call.dialog.state = "ACTIVE";
  const std::string answering = device_or(event.answering_device_id, event.connection_device_id);
  const std::string caller = event.calling_device_id.value_or("");
  if (call.supervisor_monitor) call.monitored_device = answering;
  if (!answering.empty()) leg(call, answering).state = "ACTIVE";
  if (!caller.empty() && caller != answering)
    advance_unanswered(leg(call, caller), call.supervisor_monitor ? "SILENT_MONITOR" : "ACTIVE");
  return commit(changes);
}

std::vector<Notification> LiveModel::on_call_event(const cti::CallHeldEvent& event) {
  return change_leg(event.call.connection_call_id, event.device_id, "HELD");
}

std::vector<Notification> LiveModel::on_call_event(const cti::CallRetrievedEvent& event) {
  return change_leg(event.call.connection_call_id, event.device_id, "ACTIVE");
}

// "Caller drops call" / "Agent is dropped from call".
std::vector<Notification> LiveModel::on_call_event(const cti::CallConnectionClearedEvent& event) {
  return change_leg(event.call.connection_call_id, event.device_id, dropped_leg_state(event.device_id.value_or("")));
}

std::vector<Notification> LiveModel::change_leg(std::uint32_t call_id, const std::optional<std::string>& device,
                                                const std::string& leg_state) {
  auto* call = find_call(call_id);
  auto* participant = call && device ? find_leg(*call, *device) : nullptr;
  if (!participant) return {};
  DialogChanges changes;
  changes.track(state_, call_id, Notify::Always);
  participant->state = leg_state;
  participant->state_cause.clear();
  call->dialog.state = dialog_state_after_clear(*call);
  return commit(changes);
}

// "Call is cleared": every leg DROPPED.
std::vector<Notification> LiveModel::on_call_event(const cti::CallClearedEvent& event) {
  auto* call = find_call(event.call.connection_call_id);
  if (!call) return {};
  DialogChanges changes;
  changes.track(state_, event.call.connection_call_id, Notify::Always);
  call->dialog.state = "DROPPED";
  for (auto& participant : call->dialog.participants) {
    if (participant.state != "WRAP_UP") participant.state = dropped_leg_state(participant.media_address);
  }
  return commit(changes);
}

// "Call is removed": DELETE to everyone who had the dialog.
std::vector<Notification> LiveModel::on_call_event(const cti::EndCallEvent& event) {
  if (!find_call(event.call.connection_call_id)) return {};
  DialogChanges changes;
  changes.track(state_, event.call.connection_call_id, Notify::Always);
  retire(changes, event.call.connection_call_id);
  return commit(changes);
}

// The parties CTI lists are the surviving call's: legs it no longer lists have left, new ones
// joined ACTIVE, and a leg that was HELD for the consult is ACTIVE again.
void LiveModel::merge_parties(CallRecord& call, const std::vector<cti::ConnectedParty>& parties) {
  auto listed = [&](const std::string& device) {
    return std::any_of(parties.begin(), parties.end(), [&](const auto& p) { return p.device_id == device; });
  };
  auto& legs = call.dialog.participants;
  legs.erase(std::remove_if(legs.begin(), legs.end(), [&](const auto& p) { return !listed(p.media_address); }),
             legs.end());
  for (const auto& party : parties) {
    auto& participant = leg(call, party.device_id);
    if (participant.state != "SILENT_MONITOR") participant.state = "ACTIVE";
  }
}

// Transfer table, last row: the original (primary) call loses the transferring agent and gains
// the consulted one, keeping its id and call data (DECISIONS.md 13); the consult call is gone.
std::vector<Notification> LiveModel::on_call_event(const cti::CallTransferredEvent& event) {
  DialogChanges changes;
  changes.track(state_, event.primary_call_id, Notify::Always);
  changes.track(state_, event.secondary_call_id, Notify::Always);
  if (auto* original = find_call(event.primary_call_id)) {
    if (!event.parties.empty()) {
      merge_parties(*original, event.parties);
    } else {
      auto& legs = original->dialog.participants;
      const std::string transferring = event.first_device_id.value_or("");
      legs.erase(std::remove_if(legs.begin(), legs.end(), [&](const auto& p) { return p.media_address == transferring; }),
                 legs.end());
      if (event.second_device_id) leg(*original, *event.second_device_id).state = "ACTIVE";
    }
    original->dialog.state = dialog_state_after_clear(*original);
  }
  if (event.secondary_call_id != event.primary_call_id) retire(changes, event.secondary_call_id);
  return commit(changes);
}

// Conference, read like the transfer: the consult call merges into the original, which now
// holds every party ACTIVE; the consult dialog is deleted for both agents, and the added agent
// gets the original dialog. A barge-in (GED-188 5.11) merges the supervisor's monitor call the
// same way.
std::vector<Notification> LiveModel::on_call_event(const cti::CallConferencedEvent& event) {
  DialogChanges changes;
  changes.track(state_, event.primary_call_id, Notify::Always);
  changes.track(state_, event.secondary_call_id, Notify::Always);
  if (auto* original = find_call(event.primary_call_id)) {
    if (!event.parties.empty()) {
      merge_parties(*original, event.parties);
    } else {
      for (const auto& device : {event.first_device_id, event.second_device_id})
        if (device) leg(*original, *device).state = "ACTIVE";
    }
    original->dialog.state = "ACTIVE";
  }
  if (event.secondary_call_id != event.primary_call_id) retire(changes, event.secondary_call_id);
  return commit(changes);
}

// The call left a device (redirect, ring-no-answer): that leg is gone, and its user's dialog
// with it.
std::vector<Notification> LiveModel::on_call_event(const cti::CallDivertedEvent& event) {
  auto* call = find_call(event.call.connection_call_id);
  if (!call || !event.diverting_device_id || !find_leg(*call, *event.diverting_device_id)) return {};
  DialogChanges changes;
  changes.track(state_, event.call.connection_call_id, Notify::Always);
  auto& legs = call->dialog.participants;
  legs.erase(std::remove_if(legs.begin(), legs.end(),
                            [&](const auto& p) { return p.media_address == *event.diverting_device_id; }),
             legs.end());
  return commit(changes);
}

// 3.2.3: published only when a value changed. Variables it does not name keep their values.
std::vector<Notification> LiveModel::on_call_event(const cti::CallDataUpdateEvent& event) {
  auto* call = find_call(event.connection_call_id);
  if (!call) return {};
  DialogChanges changes;
  changes.track(state_, event.connection_call_id, Notify::IfChanged);
  auto& properties = call->dialog.media_properties;
  properties.call_type = finesse_call_type(event.call_type);
  merge_call_data(properties, event);
  return commit(changes);
}

}  // namespace fgw::desk
