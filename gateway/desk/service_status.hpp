#pragma once
// Whether the gateway is in service (guide 6.1; DECISIONS.md 2, 17): each dependency reports.
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace fgw::desk {

enum class SystemStatus { InService, OutOfService };
const char* to_string(SystemStatus s);  // "IN_SERVICE" / "OUT_OF_SERVICE"
// Every value, for readers that report each status (metrics: one series per status).
inline constexpr SystemStatus kAllSystemStatuses[] = {SystemStatus::InService, SystemStatus::OutOfService};

struct ServiceSnapshot {
  SystemStatus status = SystemStatus::InService;
  std::string reason;  // why OUT_OF_SERVICE, for /health and logs
};

// Each dependency (CTI link, XMPP link, ...) reports itself; the service is IN_SERVICE only
// while every reported dependency is up. A dependency that never reports does not count.
class ServiceStatus {
 public:
  // Called on the reporting thread, outside the lock, after each report that changed something.
  // It receives nothing: it reads snapshot() itself, so that when two reports race, the later
  // call still sees the latest state. Set it once, before anything reports.
  using Listener = std::function<void()>;
  void set_listener(Listener listener) { listener_ = std::move(listener); }

  void report(const std::string& dependency, bool up, const std::string& reason = {});
  ServiceSnapshot snapshot() const;
  bool dependency_up(const std::string& dependency) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> down_;  // dependency -> reason
  Listener listener_;
};

}  // namespace fgw::desk
