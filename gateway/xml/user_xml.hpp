#pragma once
// The User object (guide 3.1.1) and the Users list (3.1.2).

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "config/directory.hpp"
#include "gateway/desk/desk.hpp"

namespace fgw::xml {

struct UserView {
  const config::User* user;
  desk::AgentState live;
};

void append_user(pugi::xml_node parent, const UserView& view, const config::Directory& directory);
std::string render_user(const UserView& view, const config::Directory& directory);
std::string render_users(const std::vector<UserView>& views, const config::Directory& directory);

}  // namespace fgw::xml
