#pragma once
// The desk: the thread-safe façade over the live model (DESIGN.md "How data flows", "Threads").
// One writer at a time applies a change to the LiveModel, publishes an immutable copy of the
// live state for readers and hands the change's notifications to the sink, in order. Readers
// load the latest copy: a GET never waits on a mutation and never sees half of one.
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "config/directory.hpp"
#include "gateway/cti/message.hpp"
#include "gateway/desk/live_model.hpp"
#include "gateway/desk/live_state.hpp"
#include "gateway/desk/notification.hpp"
#include "gateway/desk/request_correlation.hpp"
#include "gateway/desk/service_status.hpp"

namespace fgw::desk {

class Desk {
 public:
  // No directory and no sink: every user is unknown to CTI mappings and nothing is published.
  // For the REST API on its own (tests, a gateway before its CTI link is wired).
  Desk();
  // `directory` and `sink` must outlive the desk. The sink is called under the writer's lock.
  Desk(const config::Directory& directory, NotificationSink& sink);

  void apply(const cti::Message& message);
  void apply_resync(const std::string& agent_id, const cti::QueryAgentStateConf& agent_state,
                    const std::vector<cti::SnapshotCallConf>& calls);
  // 7.2.3: a call operation failed in CTI after its 202.
  void report_cti_error(const std::string& user_id, const std::string& dialog_id, std::uint32_t code,
                        const std::string& name, const std::string& request_id);
  // A user-state change failed in CTI after its 202 (xml::render_user_error_update).
  void report_user_state_error(const std::string& user_id, std::uint32_t code, const std::string& name,
                               const std::string& request_id);

  // A REST request with a requestId is about to reach CTI (RequestCorrelation). A user-state
  // change names the user's User node and the user's entry on its team's Users node; a call
  // operation names the caller's Dialogs node.
  void expect_user_request(const std::string& user_id, const std::string& request_id);
  void expect_dialog_request(const std::string& user_id, const std::string& request_id);

  // The user's live state; a user the desk has not heard of is LOGOUT.
  AgentState agent_state(const std::string& user_id) const;
  void set_agent_state(const std::string& user_id, AgentState state);

  LiveUser user(const std::string& user_id) const;
  std::vector<Dialog> dialogs_of(const std::string& user_id) const;
  std::optional<Dialog> dialog(const std::string& dialog_id) const;
  std::vector<LiveUser> team_members(const std::string& team_id) const;
  std::shared_ptr<const LiveState> snapshot() const { return snapshot_.load(); }
  // Every user's current User and Team notifications, from the latest snapshot; safe from any
  // thread (the XMPP component republishes them after a reconnect).
  std::vector<Notification> current_user_notifications() const;

  ServiceStatus& service() { return service_; }
  const ServiceStatus& service() const { return service_; }

 private:
  // Called with write_mutex_ held: the copy and the notifications leave in the order of changes.
  // The copy is O(shards), not O(agents): it shares every shard of the live state's CowMaps, and
  // the next change clones only the shards it writes to (cow_map.hpp).
  void publish(std::vector<Notification> notifications);

  const config::Directory& directory_;
  NotificationSink* sink_;  // null: nothing is published
  std::mutex write_mutex_;  // serialises writers; readers never take it
  LiveModel model_;
  RequestCorrelation requests_;  // guarded by write_mutex_
  std::atomic<std::shared_ptr<const LiveState>> snapshot_{std::make_shared<const LiveState>()};
  ServiceStatus service_;
};

}  // namespace fgw::desk
