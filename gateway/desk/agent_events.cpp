// AGENT_STATE_EVENT to the User object (guide 5.4 "state (user)", 3.1.4, 5.4.5) and the User and
// Team notifications a change causes (7.2.1, 7.2.4).
#include <algorithm>
#include <iterator>

#include "gateway/desk/live_model.hpp"
#include "gateway/desk/user_notifications.hpp"
#include "gateway/desk/user_state_mapping.hpp"
#include "gateway/xml/notification_xml.hpp"

namespace fgw::desk {

namespace {

// On a device, as LiveModel::user_at() reads it.
bool signed_in(const LiveUser& user) { return user.status.state != "LOGOUT" && !user.status.extension.empty(); }

bool is_wrap_up_state(const std::string& user_state) { return user_state == "WORK" || user_state == "WORK_READY"; }

bool reason_code_applies(cti::AgentState state) {
  return state == cti::AgentState::NotReady || state == cti::AgentState::Logout;
}

// The extension a signed-in user is on: the instrument CTI names, else the one it named before,
// else the directory's. A LOGOUT user is on none.
std::string signed_in_extension(const cti::AgentStateEvent& event, const LiveUser& current, const config::User& user,
                                const std::string& state) {
  if (state == "LOGOUT") return {};
  if (event.agent_instrument && !event.agent_instrument->empty()) return *event.agent_instrument;
  if (event.agent_extension && !event.agent_extension->empty()) return *event.agent_extension;
  return current.status.extension.empty() ? user.extension : current.status.extension;
}

}  // namespace

std::vector<Notification> LiveModel::on_agent_state(const cti::AgentStateEvent& event) {
  const auto* user = event.agent_id ? directory_.find_by_id(*event.agent_id) : nullptr;
  if (!user) return {};
  LiveUser next = current_user(*user);
  next.status.state = finesse_user_state(event.agent_state);
  next.status.extension = signed_in_extension(event, next, *user, next.status.state);
  next.status.pending_state = pending_state(next.status.state, event.next_agent_state);
  next.reason_code = reason_code_applies(event.agent_state) ? event.event_reason_code : 0;
  const std::string device = next.status.extension;
  const bool wrapping_up = is_wrap_up_state(next.status.state);
  auto notifications = replace_user(*user, std::move(next));
  if (wrapping_up) {
    auto dialog_notifications = begin_wrap_up(device);
    notifications.insert(notifications.end(), std::make_move_iterator(dialog_notifications.begin()),
                         std::make_move_iterator(dialog_notifications.end()));
  }
  return notifications;
}

// 5.4.3 WRAP_UP: the agent dropped from a call that CTI still keeps (END_CALL_EVENT has not come)
// and is now in WORK / WORK_READY. Under a CTI Server that ends the call at once there is no such
// call left, and nothing changes (docs/decisions.md 41).
std::vector<Notification> LiveModel::begin_wrap_up(const std::string& device) {
  std::vector<std::uint32_t> dropped_here;
  for (const auto& [id, call] : state_.calls) {
    const bool dropped = std::any_of(call.dialog.participants.begin(), call.dialog.participants.end(),
                                     [&](const auto& p) { return p.media_address == device && p.state == "DROPPED"; });
    if (dropped) dropped_here.push_back(id);
  }
  if (dropped_here.empty()) return {};
  std::sort(dropped_here.begin(), dropped_here.end());
  DialogChanges changes;
  for (const auto id : dropped_here) {
    changes.track(state_, id, Notify::IfChanged);
    find_leg(*find_call(id), device)->state = "WRAP_UP";
  }
  return commit(changes);
}

// A leg that leaves a call while its agent is already wrapping up another is in WRAP_UP at once.
std::string LiveModel::dropped_leg_state(const std::string& device) const {
  const auto* user = user_at(device);
  if (!user) return "DROPPED";
  auto live = state_.users.find(user->id);
  const bool wrapping_up = live != state_.users.end() && live->second.status.extension == device &&
                           is_wrap_up_state(live->second.status.state);
  return wrapping_up ? "WRAP_UP" : "DROPPED";
}

std::vector<Notification> LiveModel::set_user_status(const std::string& user_id, const AgentState& status) {
  const auto* user = directory_.find_by_id(user_id);
  if (!user) {
    LiveUser live = state_.users.contains(user_id) ? state_.users.at(user_id) : LiveUser{};
    live.id = user_id;
    live.status = status;
    store_user(user_id, std::move(live));
    return {};
  }
  LiveUser next = current_user(*user);
  next.status = status;
  return replace_user(*user, std::move(next));
}

LiveUser LiveModel::current_user(const config::User& user) const {
  auto it = state_.users.find(user.id);
  if (it != state_.users.end()) return it->second;
  LiveUser fresh;
  fresh.id = user.id;
  fresh.team_id = user.team_id;
  return fresh;
}

std::vector<Notification> LiveModel::replace_user(const config::User& user, LiveUser next) {
  auto it = state_.users.find(user.id);
  if (it != state_.users.end() && it->second == next) return {};
  store_user(user.id, next);
  return user_notifications(user, next, directory_);
}

// Keeps signed_in_at_ in step with the users map.
void LiveModel::store_user(const std::string& user_id, LiveUser next) {
  if (auto it = state_.users.find(user_id); it != state_.users.end() && signed_in(it->second)) {
    auto at_device = signed_in_at_.find(it->second.status.extension);
    at_device->second.erase(user_id);
    if (at_device->second.empty()) signed_in_at_.erase(at_device);
  }
  if (signed_in(next)) signed_in_at_[next.status.extension].insert(user_id);
  state_.users[user_id] = std::move(next);
}

}  // namespace fgw::desk
