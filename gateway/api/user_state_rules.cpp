#include "gateway/api/user_state_rules.hpp"

#include <array>
#include <initializer_list>
#include <string_view>

#include "gateway/http/api_error.hpp"

namespace fgw::api {

namespace {

struct ForbiddenFrom {
  RequestedState requested;
  std::initializer_list<std::string_view> states;  // User states the change is refused from
};

// What is not listed is allowed:
//  - LOGIN from anywhere: sign-in is forced (3.1.4, DECISIONS.md 7).
//  - LOGOUT needs a signed-in user (6.2's own example), and no call: CTI refuses a sign-out on a
//    call, and 8.5 has no pending LOGOUT (DECISIONS.md 11 names READY and NOT_READY only).
//  - READY / NOT_READY need a signed-in user; during a call they become the pending state
//    (DECISIONS.md 11), and during wrap-up they end it (5.4.5).
const std::array<ForbiddenFrom, 4> kForbidden{{
    {RequestedState::Login, {}},
    {RequestedState::Logout, {"LOGOUT", "TALKING", "HOLD", "RESERVED"}},
    {RequestedState::Ready, {"LOGOUT"}},
    {RequestedState::NotReady, {"LOGOUT"}},
}};

http::ApiError invalid_state(RequestedState requested, const std::string& current) {
  return {400, http::error_type::kInvalidState,
          "Cannot change state from " + current + " to " + std::string(state_name(requested)), "state"};
}

}  // namespace

void check_state_change(RequestedState requested, const std::string& current) {
  for (const auto& row : kForbidden) {
    if (row.requested != requested) continue;
    for (auto state : row.states)
      if (state == current) throw invalid_state(requested, current);
  }
}

}  // namespace fgw::api
