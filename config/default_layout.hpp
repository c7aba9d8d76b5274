#pragma once
// The desktop layout a new installation serves until an administrator uploads one (guide 4.4).

#include <string>

namespace fgw::config {

const std::string& default_layout_xml();

}  // namespace fgw::config
