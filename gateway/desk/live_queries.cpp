#include "gateway/desk/live_queries.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

namespace fgw::desk {

LiveUser live_user(const LiveState& state, const config::Directory& directory, const std::string& user_id) {
  auto it = state.users.find(user_id);
  if (it != state.users.end()) return it->second;
  LiveUser fresh;
  fresh.id = user_id;
  if (const auto* user = directory.find_by_id(user_id)) fresh.team_id = user->team_id;
  return fresh;
}

// Call ids grow with time, so the oldest call is the lowest id. The calls map is unordered.
std::vector<Dialog> dialogs_of(const LiveState& state, const std::string& user_id) {
  std::vector<std::pair<std::uint32_t, const CallRecord*>> received;
  for (const auto& [id, call] : state.calls) {
    const bool receives = std::any_of(call.recipients.begin(), call.recipients.end(),
                                      [&](const auto& r) { return r.user_id == user_id; });
    if (receives) received.emplace_back(id, &call);
  }
  std::sort(received.begin(), received.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Dialog> dialogs;
  dialogs.reserve(received.size());
  for (const auto& [id, call] : received) dialogs.push_back(call->dialog);
  return dialogs;
}

std::optional<Dialog> find_dialog(const LiveState& state, const std::string& dialog_id) {
  std::uint32_t id = 0;
  const auto* end = dialog_id.data() + dialog_id.size();
  auto [parsed_to, error] = std::from_chars(dialog_id.data(), end, id);
  if (error != std::errc{} || parsed_to != end) return std::nullopt;
  auto it = state.calls.find(id);
  if (it == state.calls.end()) return std::nullopt;
  return it->second.dialog;
}

std::vector<LiveUser> team_members(const LiveState& state, const config::Directory& directory,
                                   const std::string& team_id) {
  std::vector<LiveUser> members;
  for (const auto* user : directory.team_members(team_id)) members.push_back(live_user(state, directory, user->id));
  return members;
}

}  // namespace fgw::desk
