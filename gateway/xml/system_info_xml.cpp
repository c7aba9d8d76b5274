#include "gateway/xml/system_info_xml.hpp"

#include "gateway/xml/xml_writer.hpp"

namespace fgw::xml {

void append_system_info(pugi::xml_node parent, const SystemInfoView& view) {
  auto node = parent.append_child("SystemInfo");
  append_text(node, "status", view.status);
  append_text(node, "xmppDomain", view.xmpp_domain);
  append_text(node, "xmppPubSubDomain", view.xmpp_pubsub_domain);
  if (!view.primary_host.empty()) append_text(node.append_child("primaryNode"), "host", view.primary_host);
  if (!view.secondary_host.empty()) append_text(node.append_child("secondaryNode"), "host", view.secondary_host);
}

std::string render_system_info(const SystemInfoView& view) {
  pugi::xml_document doc;
  append_system_info(doc, view);
  return serialize(doc);
}

}  // namespace fgw::xml
