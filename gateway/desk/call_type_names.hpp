#pragma once
// CTI CallType (GED-188 4.6) to the Dialog's callType (guide 5.4), which has ten names.
#include <string>

#include "gateway/cti/enums.hpp"

namespace fgw::desk {

std::string finesse_call_type(cti::CallType type);

}  // namespace fgw::desk
