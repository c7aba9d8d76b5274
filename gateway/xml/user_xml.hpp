#pragma once
// The User object (guide 3.1.1) and the Users list (3.1.2).
//
// The live part of a User comes in as plain values (UserStatus), not as desk types: the desk
// renders its notifications through this library, so this library may not depend on the desk.

#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "config/directory.hpp"

namespace fgw::xml {

// What CTI says about a user right now; a user CTI has not reported is LOGOUT.
struct UserStatus {
  UserStatus() = default;
  // Not an aggregate, so that callers may name only the state and the extension.
  UserStatus(std::string state_, std::string extension_ = {}, std::string pending_state_ = {})
      : state(std::move(state_)), extension(std::move(extension_)), pending_state(std::move(pending_state_)) {}

  std::string state = "LOGOUT";  // guide 5.4 "state (user)"
  std::string extension;         // the extension signed in on; empty while LOGOUT
  std::string pending_state;     // DECISIONS.md 11: READY / NOT_READY / LOGOUT asked for during a call
  bool operator==(const UserStatus&) const = default;
};

struct UserView {
  const config::User* user;
  UserStatus live;
};

// The children of a full User object, appended to `node` (a <User>, or a notification's <user>).
void append_user_fields(pugi::xml_node node, const UserView& view, const config::Directory& directory);
void append_user(pugi::xml_node parent, const UserView& view, const config::Directory& directory);
std::string render_user(const UserView& view, const config::Directory& directory);
std::string render_users(const std::vector<UserView>& views, const config::Directory& directory);

}  // namespace fgw::xml
