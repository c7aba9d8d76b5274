#pragma once
// Turns one change of the live state into Dialog notifications (guide 7.2.2, 5.4.4), by comparing
// each touched call before and after, per user:
//   a user who receives a call only after the change gets POST, source /finesse/api/User/{id}/Dialogs;
//   a user who received it before and after gets PUT, source /finesse/api/Dialog/{id};
//   a user who no longer receives it gets DELETE, source /finesse/api/User/{id}/Dialogs
//   (DECISIONS.md 14).
// A call named by a CTI event of the 5.4.4 tables is notified even when the event changed nothing
// visible (Notify::Always); others only when their Dialog changed (Notify::IfChanged).
//
// Order: every DELETE, then every PUT, then every POST; within each, calls in the order they were
// tracked and users in participant order. That is the order of the transfer table (DELETE the
// original and consult dialogs, then POST the original to the receiving agent) and it tells a
// user of a dialog's end before telling them of the one that replaces it.
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "gateway/desk/live_state.hpp"
#include "gateway/desk/notification.hpp"

namespace fgw::desk {

enum class Notify { Always, IfChanged };

class DialogChanges {
 public:
  // Before changing call `id` (which may not exist yet): remembers how it was. A second track()
  // of the same call keeps the first.
  void track(const LiveState& state, std::uint32_t id, Notify notify);
  // For a call whose Dialog changed as a side effect (its actions), with its earlier record.
  void track_changed(std::uint32_t id, CallRecord before);
  bool tracked(std::uint32_t id) const;
  std::vector<std::uint32_t> tracked_ids() const;  // in the order they were tracked
  // Users who received a tracked call before the change.
  std::vector<std::string> users_before() const;
  // A tracked call leaves the state; `last` is its final view (everything DROPPED).
  void retire(std::uint32_t id, CallRecord last);

  std::vector<Notification> notifications(const LiveState& after) const;

 private:
  struct Entry {
    std::uint32_t id;
    Notify notify;
    std::optional<CallRecord> before;
  };
  std::vector<Entry> entries_;
  std::map<std::uint32_t, CallRecord> retired_;
};

std::string dialogs_node(const std::string& user_id);  // /finesse/api/User/{id}/Dialogs

}  // namespace fgw::desk
