#pragma once
// The desk: the single owner of live state (DESIGN.md "How data flows"). Readers get immutable
// snapshots, swapped in atomically after each change, so a GET never waits on a mutation and
// never sees half of one.
//
// Until the CTI issues land, the only live state is the service status and each user's agent
// state, which is LOGOUT for a user who has not signed in.

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace fgw::desk {

enum class SystemStatus { InService, OutOfService };
const char* to_string(SystemStatus s);  // "IN_SERVICE" / "OUT_OF_SERVICE"

struct ServiceSnapshot {
  SystemStatus status = SystemStatus::InService;
  std::string reason;  // why OUT_OF_SERVICE, for /health and logs
};

// Each dependency (CTI link, XMPP link, ...) reports itself; the service is IN_SERVICE only
// while every reported dependency is up. A dependency that never reports does not count.
class ServiceStatus {
 public:
  void report(const std::string& dependency, bool up, const std::string& reason = {});
  ServiceSnapshot snapshot() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> down_;  // dependency -> reason
};

struct AgentState {
  std::string state = "LOGOUT";
  std::string extension;  // the extension signed in on; empty while LOGOUT
};

class Desk {
 public:
  // The user's live state; a user the desk has not heard of is LOGOUT.
  AgentState agent_state(const std::string& user_id) const;
  void set_agent_state(const std::string& user_id, AgentState state);

  ServiceStatus& service() { return service_; }
  const ServiceStatus& service() const { return service_; }

 private:
  using AgentMap = std::map<std::string, AgentState>;
  std::atomic<std::shared_ptr<const AgentMap>> agents_{std::make_shared<const AgentMap>()};
  std::mutex write_mutex_;  // serialises writers; readers never take it
  ServiceStatus service_;
};

}  // namespace fgw::desk
