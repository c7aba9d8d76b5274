// User—Sign In to Finesse (3.1.4), Sign Out (3.1.5), Change Agent State (3.1.6) and Change Agent
// State with a reason code (3.1.11): PUT /finesse/api/User/{id}.
//
// The handler validates what it can know (role, own id, body, directory extensions, reason codes,
// the user's live state), sends SET_AGENT_STATE_REQ and answers 202. The new state arrives as
// User notifications when CTI reports it, carrying the request's requestId. A refusal by CTI after
// the 202 becomes an error notification on the User node (Desk::report_user_state_error); the
// User object keeps its state.

#include <spdlog/spdlog.h>

#include "gateway/api/agent_state_requests.hpp"
#include "gateway/api/api_context.hpp"
#include "gateway/api/permissions.hpp"
#include "gateway/api/request_body.hpp"
#include "gateway/api/user_state_rules.hpp"
#include "gateway/http/api_error.hpp"

namespace fgw::api {

namespace {

struct StateBody {
  std::optional<std::string> state;
  std::optional<std::string> extension;
  std::optional<std::string> reason_code_id;
};

StateBody read_state_body(const std::string& body) {
  const auto doc = parse_body(body, "User");
  const auto root = root_of(doc);
  return {last_child_text(root, "state"), last_child_text(root, "extension"), last_child_text(root, "ReasonCodeId")};
}

RequestedState requested_state(const std::optional<std::string>& text) {
  if (!text || text->empty()) throw http::parameter_missing("state");
  const auto state = parse_requested_state(*text);
  if (!state) throw http::ApiError(400, http::error_type::kInvalidInput, "Invalid State specified for user", "state");
  return *state;
}

// 5.3 "extension": it must exist in the phone system. The directory lists the phones the CTI
// Server knows, so an extension outside it would only come back as a CTI refusal after the 202.
bool is_directory_extension(const config::Directory& directory, const std::string& extension) {
  for (const auto& user : directory.users())
    if (!user.extension.empty() && user.extension == extension) return true;
  return false;
}

std::string login_extension(const config::Directory& directory, const std::optional<std::string>& extension) {
  if (!extension || extension->empty()) throw http::parameter_missing("extension");
  if (!is_directory_extension(directory, *extension))
    throw http::ApiError(400, http::error_type::kInvalidDevice, "Invalid extension specified for user", *extension);
  return *extension;
}

// LOGIN names the phone; every other change is for the phone the user is signed in on.
std::string instrument_for(const ApiContext& ctx, RequestedState state, const StateBody& body,
                           const desk::LiveUser& live) {
  if (state == RequestedState::Login) return login_extension(ctx.directory, body.extension);
  return live.status.extension;
}

void send_state_change(desk::Desk& desk, CtiRequests& cti, const AgentStateChange& change,
                       const std::string& request_id) {
  cti::SetAgentStateReq request = set_agent_state_request(change);
  cti::Message message(std::move(request));
  desk.expect_user_request(change.agent_id, request_id);
  cti.send(std::move(message), [&desk, agent = change.agent_id, state = change.state,
                                request_id](const cti::client::RequestResult& r) {
    if (r.ok()) return;
    const auto& failure = r.failure();
    spdlog::warn("User {}: CTI refused {}: {} ({}){}", agent, state_name(state), failure.name, failure.code,
                 failure.detail.empty() ? "" : "; " + failure.detail);
    desk.report_user_state_error(agent, failure.code, failure.name, request_id);
  });
}

http::ApiResponse put_user_state(ApiContext& ctx, const http::ApiRequest& request) {
  const std::string& id = request.path_params.at(0);
  require_agent_or_supervisor(request);
  require_self(request, id);
  require_user(ctx.directory, id);
  auto& cti = require_cti(ctx.cti);
  const auto& request_id = request_id_of(request);

  const auto body = read_state_body(request.body);
  const auto state = requested_state(body.state);
  const auto live = ctx.desk.user(id);
  check_state_change(state, live.status.state);

  AgentStateChange change;
  change.agent_id = id;
  change.state = state;
  change.instrument = instrument_for(ctx, state, body, live);
  change.reason_code = reason_code_value(ctx.store, state, body.reason_code_id);
  send_state_change(ctx.desk, cti, change, request_id);
  return accepted(request);
}

}  // namespace

void register_user_state_routes(http::Router& router, ApiContext& ctx) {
  router.add(http::Method::Put, "/finesse/api/User/{}", http::Surface::Desktop,
             [&ctx](const http::ApiRequest& r) { return put_user_state(ctx, r); });
}

}  // namespace fgw::api
