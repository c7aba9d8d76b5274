#include "gateway/desk/desk.hpp"

#include "gateway/desk/live_queries.hpp"

namespace fgw::desk {

namespace {
const config::Directory& no_directory() {
  static const config::Directory empty;
  return empty;
}
}  // namespace

Desk::Desk() : directory_(no_directory()), sink_(nullptr), model_(directory_) {}

Desk::Desk(const config::Directory& directory, NotificationSink& sink)
    : directory_(directory), sink_(&sink), model_(directory_) {}

void Desk::apply(const cti::Message& message) {
  std::lock_guard lock(write_mutex_);
  publish(model_.apply(message));
}

void Desk::apply_resync(const std::string& agent_id, const cti::QueryAgentStateConf& agent_state,
                        const std::vector<cti::SnapshotCallConf>& calls) {
  std::lock_guard lock(write_mutex_);
  publish(model_.apply_resync(agent_id, agent_state, calls));
}

void Desk::report_cti_error(const std::string& user_id, const std::string& dialog_id, std::uint32_t code,
                            const std::string& name, const std::string& request_id) {
  std::lock_guard lock(write_mutex_);
  if (sink_) sink_->publish({LiveModel::cti_error(user_id, dialog_id, code, name, request_id)});
}

void Desk::set_agent_state(const std::string& user_id, AgentState state) {
  std::lock_guard lock(write_mutex_);
  publish(model_.set_user_status(user_id, state));
}

void Desk::publish(std::vector<Notification> notifications) {
  snapshot_.store(std::make_shared<const LiveState>(model_.state()));
  if (sink_ && !notifications.empty()) sink_->publish(std::move(notifications));
}

AgentState Desk::agent_state(const std::string& user_id) const { return user(user_id).status; }

LiveUser Desk::user(const std::string& user_id) const { return live_user(*snapshot(), directory_, user_id); }

std::vector<Dialog> Desk::dialogs_of(const std::string& user_id) const {
  return desk::dialogs_of(*snapshot(), user_id);
}

std::optional<Dialog> Desk::dialog(const std::string& dialog_id) const { return find_dialog(*snapshot(), dialog_id); }

std::vector<LiveUser> Desk::team_members(const std::string& team_id) const {
  return desk::team_members(*snapshot(), directory_, team_id);
}

}  // namespace fgw::desk
