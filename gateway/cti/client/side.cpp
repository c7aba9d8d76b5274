#include "gateway/cti/client/cti_observer.hpp"

namespace fgw::cti::client {

const char* to_string(Side side) { return side == Side::A ? "A" : "B"; }

}  // namespace fgw::cti::client
