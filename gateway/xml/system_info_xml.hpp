#pragma once
// The SystemInfo object (guide 3.4.1).

#include <pugixml.hpp>
#include <string>

namespace fgw::xml {

struct SystemInfoView {
  std::string status;  // IN_SERVICE / OUT_OF_SERVICE
  std::string xmpp_domain;
  std::string xmpp_pubsub_domain;
  std::string primary_host;    // omitted when empty
  std::string secondary_host;  // omitted when empty
};

std::string render_system_info(const SystemInfoView& view);
// The <SystemInfo> element under `parent` (the notification payload of notification_xml).
void append_system_info(pugi::xml_node parent, const SystemInfoView& view);

}  // namespace fgw::xml
