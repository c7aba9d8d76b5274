#pragma once
// The simulator's control API (DESIGN.md "Simulator control API"): HTTP + JSON requests to the
// operations of a ControlPort. No sockets here; the HTTP server is fgw_http's.
#include <cstdint>
#include <map>
#include <vector>

#include "gateway/http/api_types.hpp"
#include "tools/ctisim/model.hpp"
#include "tools/ctisim/world.hpp"

namespace fgw::ctisim {

struct SideStatus {
  bool configured = false;
  bool up = false;
  bool active = false;
};

// What the control API drives. Each call is atomic with respect to CTI sessions.
class ControlPort {
 public:
  virtual ~ControlPort() = default;
  virtual ControlResult place_call(const InboundCall& call) = 0;
  virtual ControlResult answer_call(std::uint32_t call_id) = 0;
  virtual ControlResult hang_up_call(std::uint32_t call_id) = 0;
  virtual std::vector<Agent> agents() = 0;
  virtual std::vector<Call> calls() = 0;
  // False when `side` is not configured.
  virtual bool set_side(char side, bool up) = 0;
  virtual std::map<char, SideStatus> sides() = 0;
};

http::ApiResponse handle_control_request(ControlPort& port, const http::ApiRequest& request);

}  // namespace fgw::ctisim
