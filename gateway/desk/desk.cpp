#include "gateway/desk/desk.hpp"

#include "gateway/desk/dialog_changes.hpp"
#include "gateway/desk/live_queries.hpp"
#include "gateway/desk/user_notifications.hpp"
#include "gateway/xml/notification_xml.hpp"

namespace fgw::desk {

namespace {
const config::Directory& no_directory() {
  static const config::Directory empty;
  return empty;
}

std::string user_node(const std::string& user_id) { return "/finesse/api/User/" + user_id; }

std::string team_node(const config::Directory& directory, const std::string& user_id) {
  const auto* user = directory.find_by_id(user_id);
  if (!user || user->team_id.empty()) return {};
  return "/finesse/api/Team/" + user->team_id + "/Users";
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
  requests_.forget(dialogs_node(user_id), {});
  if (sink_) sink_->publish({LiveModel::cti_error(user_id, dialog_id, code, name, request_id)});
}

void Desk::report_user_state_error(const std::string& user_id, std::uint32_t code, const std::string& name,
                                   const std::string& request_id) {
  std::lock_guard lock(write_mutex_);
  const auto node = user_node(user_id);
  requests_.forget(node, node);
  requests_.forget(team_node(directory_, user_id), node);
  Notification error{node, node, "PUT", xml::render_user_error_update(user_id, std::to_string(code), name, request_id),
                     request_id, true};
  if (sink_) sink_->publish({std::move(error)});
}

void Desk::expect_user_request(const std::string& user_id, const std::string& request_id) {
  std::lock_guard lock(write_mutex_);
  const auto node = user_node(user_id);
  const auto now = RequestCorrelation::Clock::now();
  requests_.expect(node, node, request_id, now);
  if (auto team = team_node(directory_, user_id); !team.empty()) requests_.expect(team, node, request_id, now);
}

void Desk::expect_dialog_request(const std::string& user_id, const std::string& request_id) {
  std::lock_guard lock(write_mutex_);
  requests_.expect(dialogs_node(user_id), {}, request_id, RequestCorrelation::Clock::now());
}

void Desk::set_agent_state(const std::string& user_id, AgentState state) {
  std::lock_guard lock(write_mutex_);
  publish(model_.set_user_status(user_id, state));
}

void Desk::publish(std::vector<Notification> notifications) {
  // Before the notifications: a GET prompted by one must already see its change.
  snapshot_.store(std::make_shared<const LiveState>(model_.state()));
  if (!sink_ || notifications.empty()) return;
  requests_.stamp(notifications, RequestCorrelation::Clock::now());
  sink_->publish(std::move(notifications));
}

std::vector<Notification> Desk::current_user_notifications() const {
  return desk::current_user_notifications(*snapshot(), directory_);
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
