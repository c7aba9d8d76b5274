#include "gateway/api/agent_state_requests.hpp"

#include <array>
#include <limits>
#include <utility>

#include "gateway/api/request_body.hpp"
#include "gateway/http/api_error.hpp"

namespace fgw::api {

namespace {

struct StateRow {
  RequestedState state;
  std::string_view name;         // the Finesse value (5.3 "state")
  cti::AgentState agent_state;   // what SET_AGENT_STATE_REQ asks CTI for
};

// READY is CTI's AVAILABLE; the others keep their names.
constexpr std::array<StateRow, 4> kStates{{
    {RequestedState::Login, "LOGIN", cti::AgentState::Login},
    {RequestedState::Logout, "LOGOUT", cti::AgentState::Logout},
    {RequestedState::Ready, "READY", cti::AgentState::Available},
    {RequestedState::NotReady, "NOT_READY", cti::AgentState::NotReady},
}};

const StateRow& row_of(RequestedState state) {
  for (const auto& row : kStates)
    if (row.state == state) return row;
  return kStates.front();  // unreachable: every enumerator has a row
}

// Reason code ids are the store's row ids: positive 64-bit integers.
std::optional<config::ReasonCode> stored_reason_code(const config::ConfigStore& store, const std::string& id_text) {
  const auto id = parse_integer(id_text, 1, std::numeric_limits<std::int64_t>::max());
  if (!id) return std::nullopt;
  return store.reason_code(*id);
}

http::ApiError invalid_reason_code(const std::string& id_text) {
  return {400, http::error_type::kInvalidInput, "Invalid ReasonCodeId specified for user", id_text};
}

}  // namespace

std::optional<RequestedState> parse_requested_state(std::string_view text) {
  for (const auto& row : kStates)
    if (iequals(text, row.name)) return row.state;
  return std::nullopt;
}

std::string_view state_name(RequestedState state) { return row_of(state).name; }

cti::SetAgentStateReq set_agent_state_request(const AgentStateChange& change) {
  cti::SetAgentStateReq request;
  request.agent_state = row_of(change.state).agent_state;
  request.agent_id = change.agent_id;
  if (!change.instrument.empty()) request.agent_instrument = change.instrument;
  request.event_reason_code = change.reason_code;
  // Finesse forces a sign-in (3.1.4, DECISIONS.md 7). GED-188 marks ForcedFlag "not used", so
  // this only states the intent; the CTI Server decides.
  if (change.state == RequestedState::Login) request.forced_flag = 1;
  return request;
}

std::uint16_t reason_code_value(const config::ConfigStore& store, RequestedState state,
                                const std::optional<std::string>& reason_code_id) {
  const bool takes_reason = state == RequestedState::NotReady || state == RequestedState::Logout;
  if (!takes_reason || !reason_code_id || reason_code_id->empty()) return 0;
  const auto category = state == RequestedState::NotReady ? config::ReasonCategory::NotReady
                                                          : config::ReasonCategory::Logout;
  const auto reason = stored_reason_code(store, *reason_code_id);
  if (reason && reason->category == category) return static_cast<std::uint16_t>(reason->code);
  if (state == RequestedState::NotReady) throw invalid_reason_code(*reason_code_id);
  return 0;
}

}  // namespace fgw::api
