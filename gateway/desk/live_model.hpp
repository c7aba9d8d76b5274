#pragma once
// The desk's live model: the single owner of User and Dialog state, fed by decoded CTI messages
// and answering each with the notifications it causes (guide 5.4.4 tables, section 7).
// Pure logic: no sockets, no threads. The Desk façade serialises calls into it.
//
// Only users of the directory are users: a device is a user's when the user is signed in on it,
// or, failing that, when it is the user's extension in the directory. Other devices are outside
// parties: they are participants and receive nothing.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "config/directory.hpp"
#include "gateway/cti/message.hpp"
#include "gateway/desk/dialog_changes.hpp"
#include "gateway/desk/live_state.hpp"
#include "gateway/desk/notification.hpp"

namespace fgw::desk {

class LiveModel {
 public:
  explicit LiveModel(const config::Directory& directory);

  // Messages the desk has no mapping for (session, requests, confirmations) change nothing.
  std::vector<Notification> apply(const cti::Message& message);

  // After a side switch (DECISIONS.md 18): the agent's state and calls as the new side reports
  // them replace what the desk had. Calls of the agent missing from `calls` end for the agent.
  // Only what changed is notified.
  std::vector<Notification> apply_resync(const std::string& agent_id, const cti::QueryAgentStateConf& agent_state,
                                         const std::vector<cti::SnapshotCallConf>& calls);

  // Sets a user's status directly (the API's own changes, tests). A user outside the directory
  // is kept but notifies nobody, as there is no User object to publish.
  std::vector<Notification> set_user_status(const std::string& user_id, const AgentState& status);

  // 7.2.3: a call operation on `dialog_id` failed in CTI with `code` (`name` its constant).
  static Notification cti_error(const std::string& user_id, const std::string& dialog_id, std::uint32_t code,
                                const std::string& name, const std::string& request_id);

  const LiveState& state() const { return state_; }

 private:
  // agent state (agent_events.cpp)
  std::vector<Notification> on_agent_state(const cti::AgentStateEvent& event);
  std::vector<Notification> replace_user(const config::User& user, LiveUser next);
  LiveUser current_user(const config::User& user) const;
  void store_user(const std::string& user_id, LiveUser next);  // every write of state_.users
  // The agent on `device` went into WORK / WORK_READY: its DROPPED legs become WRAP_UP.
  std::vector<Notification> begin_wrap_up(const std::string& device);
  // What a leg at `device` becomes when it leaves a call: DROPPED, or WRAP_UP for an agent who
  // is already in a work state.
  std::string dropped_leg_state(const std::string& device) const;

  // call events (call_events.cpp)
  std::vector<Notification> on_call_event(const cti::BeginCallEvent& event);
  std::vector<Notification> on_call_event(const cti::CallServiceInitiatedEvent& event);
  std::vector<Notification> on_call_event(const cti::CallOriginatedEvent& event);
  std::vector<Notification> on_call_event(const cti::CallFailedEvent& event);
  std::vector<Notification> on_call_event(const cti::CallDeliveredEvent& event);
  std::vector<Notification> on_call_event(const cti::CallEstablishedEvent& event);
  std::vector<Notification> on_call_event(const cti::CallHeldEvent& event);
  std::vector<Notification> on_call_event(const cti::CallRetrievedEvent& event);
  std::vector<Notification> on_call_event(const cti::CallConnectionClearedEvent& event);
  std::vector<Notification> on_call_event(const cti::CallClearedEvent& event);
  std::vector<Notification> on_call_event(const cti::EndCallEvent& event);
  std::vector<Notification> on_call_event(const cti::CallTransferredEvent& event);
  std::vector<Notification> on_call_event(const cti::CallConferencedEvent& event);
  std::vector<Notification> on_call_event(const cti::CallDivertedEvent& event);
  std::vector<Notification> on_call_event(const cti::CallDataUpdateEvent& event);
  // A participant state change of a leg already on the call; none for a device not on it.
  std::vector<Notification> change_leg(std::uint32_t call_id, const std::optional<std::string>& device,
                                       const std::string& leg_state);
  void merge_parties(CallRecord& call, const std::vector<cti::ConnectedParty>& parties);

  // resync (resync.cpp)
  void resync_call(DialogChanges& changes, const cti::SnapshotCallConf& snapshot);
  void end_calls_missing_from(DialogChanges& changes, const std::string& agent_id,
                              const std::vector<cti::SnapshotCallConf>& calls);

  // calls and their recipients (live_model.cpp)
  CallRecord& call_for(std::uint32_t id);
  CallRecord* find_call(std::uint32_t id);
  void retire(DialogChanges& changes, std::uint32_t id);
  std::vector<Notification> commit(DialogChanges& changes);
  std::vector<std::pair<std::uint32_t, CallRecord>> side_effects_on_actions(const DialogChanges& changes,
                                                                            const std::set<std::string>& users) const;
  const config::User* user_at(const std::string& device) const;
  void refresh_recipients(CallRecord& call) const;
  void refresh_actions(CallRecord& call) const;
  bool active_elsewhere(const Recipient& recipient, std::uint32_t call_id) const;

  const config::Directory& directory_;
  std::map<std::string, const config::User*> by_extension_;  // directory extensions
  // Users not LOGOUT, by the extension they are on, each set ordered by loginId: user_at() in
  // O(log users) instead of a scan of every user per participant (bench/RESULTS.md, issue 5).
  std::map<std::string, std::set<std::string>> signed_in_at_;
  LiveState state_;
};

// Helpers shared by the call event and resync files.
Participant& leg(CallRecord& call, const std::string& device);  // adds the leg when missing
Participant* find_leg(CallRecord& call, const std::string& device);
// ACTIVE while a leg is connected (ACTIVE, HELD, SILENT_MONITOR), else DROPPED (5.4.1).
std::string dialog_state_after_clear(const CallRecord& call);

}  // namespace fgw::desk
