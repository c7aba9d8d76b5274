#pragma once
// Everything the CTI client is configured with. Defaults follow GED-188.md 2.2 and 2.8.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "config/daemon_config.hpp"
#include "gateway/cti/client/service_masks.hpp"
#include "gateway/cti/protocol_version.hpp"

namespace fgw::cti::client {

struct CtiClientSettings {
  config::Endpoint side_a;
  std::optional<config::Endpoint> side_b;
  int peripheral_id = 5000;  // stamped into every request that names a peripheral (DECISIONS.md 16)
  ProtocolVersion version = kDefaultProtocolVersion;
  std::string client_id = "finesse-gw";
  std::string client_password;  // sent as ClientPassword (may be empty); never logged

  // HEARTBEAT_REQ goes out when this passes without traffic (GED-188.md 2.8: >= 5 s for a bridge
  // client in production; tests use ~100 ms). Zero disables heartbeats (IdleTimeout 0xFFFFFFFF).
  std::chrono::milliseconds heartbeat_interval{5000};
  unsigned missed_heartbeats_allowed = 3;  // this many unanswered heartbeats => side dead
  std::chrono::milliseconds request_timeout{5000};
  // TCP connect (including name resolution) must complete within this.
  std::chrono::milliseconds connect_timeout{5000};
  // OPEN_CONF must arrive within this after OPEN_REQ; GED-188.md 2.2 says wait >= 30 s.
  std::chrono::milliseconds open_timeout{30000};
  // Delay between reconnect attempts once every side was tried once: doubles up to backoff_max.
  std::chrono::milliseconds backoff_initial{250};
  std::chrono::milliseconds backoff_max{5000};

  std::uint32_t services_requested = kDefaultServices;
  std::uint32_t call_msg_mask = kAllCallMessages;
  std::uint32_t agent_state_mask = kAllAgentStates;
  std::uint32_t config_msg_mask = kNoConfigMessages;
};

// The daemon's [cti] section as client settings; the timing knobs keep their defaults.
CtiClientSettings client_settings_from(const config::CtiSettings& cti);

}  // namespace fgw::cti::client
