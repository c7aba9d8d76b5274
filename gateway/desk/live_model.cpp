#include "gateway/desk/live_model.hpp"

#include <algorithm>
#include <set>
#include <type_traits>
#include <utility>

#include "gateway/desk/call_data_merge.hpp"
#include "gateway/desk/participant_actions.hpp"
#include "gateway/xml/notification_xml.hpp"

namespace fgw::desk {

namespace {

template <class T, class... Handled>
constexpr bool is_one_of = (std::is_same_v<T, Handled> || ...);

// The call events of the 5.4.4 tables and the ones that move a call between devices.
template <class T>
constexpr bool is_mapped_call_event =
    is_one_of<T, cti::BeginCallEvent, cti::CallServiceInitiatedEvent, cti::CallOriginatedEvent, cti::CallFailedEvent,
              cti::CallDeliveredEvent, cti::CallEstablishedEvent, cti::CallHeldEvent, cti::CallRetrievedEvent,
              cti::CallConnectionClearedEvent, cti::CallClearedEvent, cti::EndCallEvent, cti::CallTransferredEvent,
              cti::CallConferencedEvent, cti::CallDivertedEvent, cti::CallDataUpdateEvent>;

}  // namespace

LiveModel::LiveModel(const config::Directory& directory) : directory_(directory) {
  for (const auto& user : directory_.users())
    if (!user.extension.empty()) by_extension_.emplace(user.extension, &user);
}

std::vector<Notification> LiveModel::apply(const cti::Message& message) {
  return std::visit(
      [this](const auto& m) -> std::vector<Notification> {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, cti::AgentStateEvent>)
          return on_agent_state(m);
        else if constexpr (is_mapped_call_event<T>)
          return on_call_event(m);
        else
          return {};
      },
      message);
}

Notification LiveModel::cti_error(const std::string& user_id, const std::string& dialog_id, std::uint32_t code,
                                  const std::string& name, const std::string& request_id) {
  const std::string code_text = std::to_string(code);
  return {dialogs_node(user_id), xml::dialog_uri(dialog_id), "PUT",
          xml::render_cti_error_update(dialog_id, code_text, name, request_id), request_id, true};
}

CallRecord& LiveModel::call_for(std::uint32_t id) {
  auto [call, added] = state_.calls.try_emplace(id);
  if (added) {
    call.dialog.id = std::to_string(id);
    call.dialog.state = "INITIATING";
    call.dialog.media_properties.call_variables = empty_call_variables();
  }
  return call;
}

CallRecord* LiveModel::find_call(std::uint32_t id) { return state_.calls.find_mutable(id); }

// END_CALL_EVENT and merged consult calls: the dialog is gone. Its last view, sent with the
// DELETE, has every leg DROPPED (5.4.4 "Call is removed").
void LiveModel::retire(DialogChanges& changes, std::uint32_t id) {
  auto taken = state_.calls.take(id);
  if (!taken) return;
  CallRecord last = std::move(*taken);
  last.dialog.state = "DROPPED";
  for (auto& participant : last.dialog.participants) {
    participant.state = "DROPPED";
    participant.actions.clear();
  }
  changes.retire(id, std::move(last));
}

// Of several users signed in on one device, the first by loginId.
const config::User* LiveModel::user_at(const std::string& device) const {
  if (device.empty()) return nullptr;
  if (auto signed_in = signed_in_at_.find(device); signed_in != signed_in_at_.end())
    return directory_.find_by_id(*signed_in->second.begin());
  auto it = by_extension_.find(device);
  return it == by_extension_.end() ? nullptr : it->second;
}

void LiveModel::refresh_recipients(CallRecord& call) const {
  call.recipients.clear();
  for (const auto& participant : call.dialog.participants) {
    const auto* user = user_at(participant.media_address);
    if (!user || participant.media_address == call.monitored_device) continue;  // a silent monitor stays silent
    const bool known = std::any_of(call.recipients.begin(), call.recipients.end(),
                                   [&](const auto& r) { return r.user_id == user->id; });
    if (!known) call.recipients.push_back({user->id, participant.media_address});
  }
}

bool LiveModel::active_elsewhere(const Recipient& recipient, std::uint32_t call_id) const {
  for (const auto& [id, call] : state_.calls) {
    if (id == call_id) continue;
    for (const auto& other : call.recipients) {
      if (other.user_id != recipient.user_id) continue;
      for (const auto& participant : call.dialog.participants)
        if (participant.media_address == other.device && participant.state == "ACTIVE") return true;
    }
  }
  return false;
}

void LiveModel::refresh_actions(CallRecord& call) const {
  const auto id = static_cast<std::uint32_t>(std::stoul(call.dialog.id));
  for (auto& participant : call.dialog.participants) {
    auto recipient = std::find_if(call.recipients.begin(), call.recipients.end(),
                                  [&](const auto& r) { return r.device == participant.media_address; });
    const bool elsewhere = recipient != call.recipients.end() && active_elsewhere(*recipient, id);
    participant.actions = participant_actions(participant.state, elsewhere);
  }
}

// After a change: recipients of the touched calls, then actions of every call of the users
// involved (a HELD leg gains or loses TRANSFER/CONFERENCE with the user's other calls), then the
// notifications. A call whose actions changed as a side effect is PUT after the touched ones, in
// call id order.
std::vector<Notification> LiveModel::commit(DialogChanges& changes) {
  std::set<std::string> users;
  for (auto& user : changes.users_before()) users.insert(std::move(user));
  const auto touched = changes.tracked_ids();
  for (const auto id : touched) {
    auto* call = find_call(id);
    if (!call) continue;
    refresh_recipients(*call);
    for (const auto& recipient : call->recipients) users.insert(recipient.user_id);
  }
  // A call's actions depend on the legs and recipients of the user's other calls, never on
  // their actions, so refreshing one call cannot change what another's refresh computes.
  for (const auto id : touched)
    if (auto* call = find_call(id)) refresh_actions(*call);
  for (auto& [id, refreshed] : side_effects_on_actions(changes, users)) {
    auto* call = find_call(id);
    changes.track_changed(id, std::exchange(*call, std::move(refreshed)));
  }
  return changes.notifications(state_);
}

// The untracked calls of `users` whose actions a refresh changes, with their refreshed records,
// by call id. Computed on the shared state and written back by the caller: only the calls that
// actually change are copied out of the snapshot's shards.
std::vector<std::pair<std::uint32_t, CallRecord>> LiveModel::side_effects_on_actions(
    const DialogChanges& changes, const std::set<std::string>& users) const {
  std::vector<std::pair<std::uint32_t, CallRecord>> changed;
  for (const auto& [id, call] : state_.calls) {
    if (changes.tracked(id)) continue;
    const bool involved = std::any_of(call.recipients.begin(), call.recipients.end(),
                                      [&](const auto& r) { return users.count(r.user_id); });
    if (!involved) continue;
    CallRecord refreshed = call;
    refresh_actions(refreshed);
    if (refreshed.dialog != call.dialog) changed.emplace_back(id, std::move(refreshed));
  }
  std::sort(changed.begin(), changed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return changed;
}

Participant& leg(CallRecord& call, const std::string& device) {
  if (auto* existing = find_leg(call, device)) return *existing;
  auto& added = call.dialog.participants.emplace_back();
  added.media_address = device;
  return added;
}

Participant* find_leg(CallRecord& call, const std::string& device) {
  for (auto& participant : call.dialog.participants)
    if (participant.media_address == device) return &participant;
  return nullptr;
}

std::string dialog_state_after_clear(const CallRecord& call) {
  for (const auto& participant : call.dialog.participants)
    if (participant.state == "ACTIVE" || participant.state == "HELD" || participant.state == "SILENT_MONITOR")
      return "ACTIVE";
  return "DROPPED";
}

}  // namespace fgw::desk
