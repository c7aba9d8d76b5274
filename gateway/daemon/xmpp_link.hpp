#pragma once
// Connects the XMPP component (component/) to the rest of the daemon:
// - the desk's notifications reach it through the daemon's fan-out (sink());
// - its link state is the "xmpp" dependency of the service status: while the notification path
//   is down the gateway is OUT_OF_SERVICE (guide 1.1.1);
// - the service status drives the HA presence of 'finesse' (available while CTI serves, guide 8)
//   and a SystemInfo notification on /finesse/api/SystemInfo whenever the status changes;
// - after a reconnect it republishes every user's current state and SystemInfo.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "component/xmpp_component.hpp"
#include "config/daemon_config.hpp"
#include "config/directory.hpp"
#include "gateway/api/api_context.hpp"
#include "gateway/desk/desk.hpp"

namespace fgw::daemon {

// The dependency name under which the XMPP link reports to desk::ServiceStatus.
inline constexpr const char* kXmppDependency = "xmpp";

class XmppLink {
 public:
  // `ctx` (and the desk in it) must outlive the link. Reports "xmpp" down until the first connect.
  XmppLink(const config::DaemonConfig& config, const config::Directory& directory, const api::ApiContext& ctx);

  desk::NotificationSink& sink() { return *component_; }
  void start();
  // Sends 'finesse' unavailable to every session, drains briefly and disconnects (guide 8).
  void stop();
  // The daemon's ServiceStatus listener: presence follows CTI, SystemInfo follows the status.
  void on_service_change();
  component::ComponentStats stats() const { return component_->stats(); }

 private:
  desk::Notification system_info_notification() const;
  std::vector<desk::Notification> current_state() const;

  const api::ApiContext& ctx_;
  std::unique_ptr<component::XmppComponent> component_;
  std::mutex published_mutex_;
  std::string published_status_;  // the SystemInfo status last handed to the component
};

}  // namespace fgw::daemon
