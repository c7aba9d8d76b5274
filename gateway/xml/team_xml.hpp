#pragma once
// The Team object (guide 3.3.1).

#include <string>
#include <vector>

#include "config/directory.hpp"
#include "gateway/xml/user_xml.hpp"

namespace fgw::xml {

std::string render_team(const config::Team& team, const std::vector<UserView>& members);

}  // namespace fgw::xml
