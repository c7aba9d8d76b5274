#include "gateway/desk/dialog_changes.hpp"

#include <algorithm>

#include "gateway/xml/notification_xml.hpp"

namespace fgw::desk {

namespace {

bool receives(const std::vector<Recipient>& recipients, const std::string& user_id) {
  return std::any_of(recipients.begin(), recipients.end(), [&](const auto& r) { return r.user_id == user_id; });
}

// What a user who left a continuing call last sees of it: their own leg DROPPED, and the dialog
// DROPPED for them (transfer table: "Original call — DROPPED (Agent A), ACTIVE (Agent B)").
Dialog left_view(const CallRecord& before, const Recipient& leaving) {
  Dialog dialog = before.dialog;
  dialog.state = "DROPPED";
  for (auto& participant : dialog.participants) {
    if (participant.media_address != leaving.device) continue;
    participant.state = "DROPPED";
    participant.state_cause.clear();
    participant.actions.clear();
  }
  return dialog;
}

Notification dialog_notification(const Dialog& dialog, const std::string& user_id, const char* method) {
  const std::string source = std::string(method) == "PUT" ? xml::dialog_uri(dialog.id) : dialogs_node(user_id);
  return {dialogs_node(user_id), source, method, xml::render_dialog_update(dialog, method, source, ""), ""};
}

}  // namespace

std::string dialogs_node(const std::string& user_id) { return "/finesse/api/User/" + user_id + "/Dialogs"; }

void DialogChanges::track(const LiveState& state, std::uint32_t id, Notify notify) {
  if (tracked(id)) return;
  auto it = state.calls.find(id);
  entries_.push_back({id, notify, it == state.calls.end() ? std::nullopt : std::optional(it->second)});
}

void DialogChanges::track_changed(std::uint32_t id, CallRecord before) {
  if (!tracked(id)) entries_.push_back({id, Notify::IfChanged, std::move(before)});
}

bool DialogChanges::tracked(std::uint32_t id) const {
  return std::any_of(entries_.begin(), entries_.end(), [&](const auto& e) { return e.id == id; });
}

std::vector<std::uint32_t> DialogChanges::tracked_ids() const {
  std::vector<std::uint32_t> ids;
  for (const auto& entry : entries_) ids.push_back(entry.id);
  return ids;
}

std::vector<std::string> DialogChanges::users_before() const {
  std::vector<std::string> users;
  for (const auto& entry : entries_)
    if (entry.before)
      for (const auto& recipient : entry.before->recipients) users.push_back(recipient.user_id);
  return users;
}

void DialogChanges::retire(std::uint32_t id, CallRecord last) { retired_[id] = std::move(last); }

std::vector<Notification> DialogChanges::notifications(const LiveState& after) const {
  std::vector<Notification> deletes, puts, posts;
  for (const auto& entry : entries_) {
    const auto retired = retired_.find(entry.id);
    const auto live = after.calls.find(entry.id);
    const CallRecord* now = live != after.calls.end() ? &live->second : nullptr;
    static const std::vector<Recipient> kNobody;
    const auto& before_recipients = entry.before ? entry.before->recipients : kNobody;
    const auto& after_recipients = now ? now->recipients : kNobody;

    for (const auto& recipient : before_recipients) {
      if (receives(after_recipients, recipient.user_id)) continue;
      const Dialog last = retired != retired_.end() ? retired->second.dialog : left_view(*entry.before, recipient);
      deletes.push_back(dialog_notification(last, recipient.user_id, "DELETE"));
    }
    for (const auto& recipient : after_recipients) {
      if (!receives(before_recipients, recipient.user_id)) {
        posts.push_back(dialog_notification(now->dialog, recipient.user_id, "POST"));
      } else if (entry.notify == Notify::Always || entry.before->dialog != now->dialog) {
        puts.push_back(dialog_notification(now->dialog, recipient.user_id, "PUT"));
      }
    }
  }
  deletes.insert(deletes.end(), puts.begin(), puts.end());
  deletes.insert(deletes.end(), posts.begin(), posts.end());
  return deletes;
}

}  // namespace fgw::desk
