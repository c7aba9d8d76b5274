// Resynchronisation after a side switch (DECISIONS.md 18): QUERY_AGENT_STATE_CONF and the
// SNAPSHOT_CALL_CONFs of the agent's device replace the desk's picture of that agent.
#include <algorithm>
#include <array>
#include <utility>

#include "gateway/desk/call_data_merge.hpp"
#include "gateway/desk/call_type_names.hpp"
#include "gateway/desk/live_model.hpp"
#include "gateway/desk/user_state_mapping.hpp"

namespace fgw::desk {

namespace {

using cti::LocalConnectionState;

// A snapshot's CallDeviceConnectionState as a participant state. QUEUED is a call waiting at
// that device, not yet offered: INITIATED, like a leg that is dialling.
constexpr std::array<std::pair<LocalConnectionState, const char*>, 7> kLegStates{{
    {LocalConnectionState::Null, "DROPPED"},
    {LocalConnectionState::Initiate, "INITIATED"},
    {LocalConnectionState::Alerting, "ALERTING"},
    {LocalConnectionState::Connect, "ACTIVE"},
    {LocalConnectionState::Hold, "HELD"},
    {LocalConnectionState::Queued, "INITIATED"},
    {LocalConnectionState::Fail, "FAILED"},
}};

std::string leg_state(LocalConnectionState state) {
  for (const auto& [cti_state, name] : kLegStates)
    if (cti_state == state) return name;
  return {};
}

// The dialog state that the legs imply, from the most advanced leg (5.4.1).
std::string dialog_state_of(const Dialog& dialog) {
  static constexpr std::array<std::pair<const char*, const char*>, 6> kByLeg{{
      {"ACTIVE", "ACTIVE"},
      {"HELD", "ACTIVE"},
      {"SILENT_MONITOR", "ACTIVE"},
      {"ALERTING", "ALERTING"},
      {"INITIATED", "INITIATED"},
      {"FAILED", "FAILED"},
  }};
  for (const auto& [leg, dialog_state] : kByLeg)
    for (const auto& participant : dialog.participants)
      if (participant.state == leg) return dialog_state;
  return "DROPPED";
}

std::uint32_t snapshot_call_id(const cti::SnapshotCallConf& snapshot) {
  return snapshot.devices.empty() ? 0 : snapshot.devices.front().connection_call_id;
}

}  // namespace

std::vector<Notification> LiveModel::apply_resync(const std::string& agent_id,
                                                  const cti::QueryAgentStateConf& agent_state,
                                                  const std::vector<cti::SnapshotCallConf>& calls) {
  std::vector<Notification> out;
  const auto* user = directory_.find_by_id(agent_id);
  if (!user) return out;

  LiveUser next = current_user(*user);
  next.status.state = finesse_user_state(agent_state.agent_state);
  if (next.status.state == "LOGOUT") {
    next.status.extension.clear();
  } else if (agent_state.agent_instrument && !agent_state.agent_instrument->empty()) {
    next.status.extension = *agent_state.agent_instrument;
  } else if (agent_state.agent_extension && !agent_state.agent_extension->empty()) {
    next.status.extension = *agent_state.agent_extension;
  }
  // The answer does not say what waits; a pending state survives only while its call does.
  if (!holds_pending_state(next.status.state)) next.status.pending_state.clear();
  out = replace_user(*user, std::move(next));

  DialogChanges changes;
  end_calls_missing_from(changes, agent_id, calls);
  for (const auto& snapshot : calls) resync_call(changes, snapshot);
  auto dialog_notifications = commit(changes);
  out.insert(out.end(), dialog_notifications.begin(), dialog_notifications.end());
  return out;
}

// A call the new side does not report for the agent has ended for the agent: its leg goes, and
// the call goes with it when no user is left on it.
void LiveModel::end_calls_missing_from(DialogChanges& changes, const std::string& agent_id,
                                       const std::vector<cti::SnapshotCallConf>& calls) {
  std::vector<std::uint32_t> missing;
  for (const auto& [id, call] : state_.calls) {
    const bool agents_call = std::any_of(call.recipients.begin(), call.recipients.end(),
                                         [&](const auto& r) { return r.user_id == agent_id; });
    const bool reported = std::any_of(calls.begin(), calls.end(), [&](const auto& s) { return snapshot_call_id(s) == id; });
    if (agents_call && !reported) missing.push_back(id);
  }
  std::sort(missing.begin(), missing.end());  // notified oldest call first; the calls map is unordered
  for (auto id : missing) {
    changes.track(state_, id, Notify::IfChanged);
    const auto& recipients = state_.calls.at(id).recipients;
    const bool others_remain =
        std::any_of(recipients.begin(), recipients.end(), [&](const auto& r) { return r.user_id != agent_id; });
    if (!others_remain) {
      retire(changes, id);
      continue;
    }
    auto& call = *find_call(id);
    auto& legs = call.dialog.participants;
    for (const auto& recipient : call.recipients) {
      if (recipient.user_id != agent_id) continue;
      legs.erase(std::remove_if(legs.begin(), legs.end(),
                                [&](const auto& p) { return p.media_address == recipient.device; }),
                 legs.end());
    }
  }
}

// The snapshot is the truth about the call: its legs, their states and its call data. What the
// snapshot cannot say (a leg's stateCause, that a connected supervisor is monitoring) is kept.
void LiveModel::resync_call(DialogChanges& changes, const cti::SnapshotCallConf& snapshot) {
  const auto id = snapshot_call_id(snapshot);
  if (snapshot.devices.empty()) return;
  changes.track(state_, id, Notify::IfChanged);
  auto& call = call_for(id);
  const std::vector<Participant> known = call.dialog.participants;
  call.dialog.participants.clear();
  for (const auto& device : snapshot.devices) {
    const std::string address = device.device_id.empty() ? device.connection_device_id : device.device_id;
    const std::string state = leg_state(device.connection_state);
    if (address.empty() || state.empty()) continue;
    auto& participant = leg(call, address);
    participant.state = state;
    auto before = std::find_if(known.begin(), known.end(), [&](const auto& p) { return p.media_address == address; });
    if (before == known.end()) continue;
    if (before->state == "SILENT_MONITOR" && state == "ACTIVE") participant.state = "SILENT_MONITOR";
    if (state == "FAILED") participant.state_cause = before->state_cause;
  }
  call.dialog.state = dialog_state_of(call.dialog);
  if (snapshot.call_type == cti::CallType::SupervisorMonitor) call.supervisor_monitor = true;
  auto& properties = call.dialog.media_properties;
  properties.call_type = finesse_call_type(snapshot.call_type);
  properties.call_variables = empty_call_variables();
  merge_call_data(properties, snapshot);
  assign_if_present(call.dialog.from_address, snapshot.ani);
  assign_if_present(call.dialog.to_address, snapshot.dialed_number);
}

}  // namespace fgw::desk
