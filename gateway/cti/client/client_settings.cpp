#include "gateway/cti/client/client_settings.hpp"

namespace fgw::cti::client {

CtiClientSettings client_settings_from(const config::CtiSettings& cti) {
  CtiClientSettings settings;
  settings.side_a = cti.side_a;
  settings.side_b = cti.side_b;
  settings.peripheral_id = cti.peripheral_id;
  return settings;
}

}  // namespace fgw::cti::client
