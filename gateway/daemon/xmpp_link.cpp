#include "gateway/daemon/xmpp_link.hpp"

#include <spdlog/spdlog.h>

#include "gateway/api/system_info.hpp"
#include "gateway/daemon/cti_link.hpp"
#include "gateway/xml/notification_xml.hpp"

namespace fgw::daemon {

namespace {

component::ComponentOptions component_options(const config::DaemonConfig& config) {
  component::ComponentOptions options;
  options.xmpp = config.xmpp;
  options.peer_component = config.node.peer_component;
  options.primary = config.node.name == "primary";
  options.peer_ping_interval = config.node.peer_ping_interval;
  options.standby_retention = config.node.standby_retention;
  return options;
}

}  // namespace

XmppLink::XmppLink(const config::DaemonConfig& config, const config::Directory& directory,
                   const api::ApiContext& ctx)
    : ctx_(ctx) {
  auto& service = ctx.desk.service();
  service.report(kXmppDependency, false, "XMPP link to " + config.xmpp.server->to_string() + " not connected yet");
  component_ = std::make_unique<component::XmppComponent>(
      component_options(config), component::plan_nodes(directory, config.xmpp.domain),
      [this] { return current_state(); },
      [&service](bool up, const std::string& reason) {
        service.report(kXmppDependency, up, up ? std::string() : "XMPP link down: " + reason);
      });
}

void XmppLink::start() {
  on_service_change();
  component_->start();
}

void XmppLink::stop() { component_->stop(); }

void XmppLink::on_service_change() {
  component_->set_service_available(ctx_.desk.service().dependency_up(kCtiDependency));
  {
    // Two status changes racing on two threads must not publish the older one last: the status
    // is read again under the lock, and only a change is handed on.
    std::lock_guard lock(published_mutex_);
    const auto status = desk::to_string(ctx_.desk.service().snapshot().status);
    if (status == published_status_) return;
    published_status_ = status;
    component_->publish({system_info_notification()});
    spdlog::info("SystemInfo {} published", status);
  }
}

desk::Notification XmppLink::system_info_notification() const {
  const std::string node = component::kSystemInfoNode;
  return {node, node, "PUT", xml::render_system_info_update(api::system_info_view(ctx_)), ""};
}

std::vector<desk::Notification> XmppLink::current_state() const {
  auto notifications = ctx_.desk.current_user_notifications();
  notifications.push_back(system_info_notification());
  return notifications;
}

}  // namespace fgw::daemon
