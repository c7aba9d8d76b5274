#include "component/stanzas.hpp"

#include <gloox/error.h>

#include <utility>

namespace fgw::component {

std::string finesse_jid(const std::string& component_domain) { return "finesse@" + component_domain; }

PrebuiltPayload::PrebuiltPayload(std::unique_ptr<gloox::Tag> tag)
    : gloox::StanzaExtension(kExtensionType), tag_(std::move(tag)) {}

const std::string& PrebuiltPayload::filterString() const {
  static const std::string kNeverMatches = "/fgw-prebuilt-payload-is-outgoing-only";
  return kNeverMatches;
}

gloox::StanzaExtension* PrebuiltPayload::clone() const {
  return new PrebuiltPayload(std::unique_ptr<gloox::Tag>(tag_->clone()));
}

namespace {

void add_field(gloox::Tag* form, const std::string& var, const std::string& value, const char* type = nullptr) {
  auto* field = new gloox::Tag(form, "field");
  field->addAttribute("var", var);
  if (type) field->addAttribute("type", type);
  new gloox::Tag(field, "value", value);
}

// One configuration for every node: only members read, nothing persisted, one item kept, no
// last-item replay on subscribe (a stale User state would be shown as current), no
// retract/delete/config noise that the EventTunnel would try to parse as an Update.
// `node`: set for the owner's configure of an existing node; empty inside a create.
void add_node_config(gloox::Tag* pubsub, bool open_access, const std::string& node = {}) {
  auto* configure = new gloox::Tag(pubsub, "configure");
  if (!node.empty()) configure->addAttribute("node", node);
  auto* form = new gloox::Tag(configure, "x");
  form->setXmlns("jabber:x:data");
  form->addAttribute("type", "submit");
  add_field(form, "FORM_TYPE", "http://jabber.org/protocol/pubsub#node_config", "hidden");
  add_field(form, "pubsub#access_model", open_access ? "open" : "whitelist");
  add_field(form, "pubsub#publish_model", "publishers");
  add_field(form, "pubsub#persist_items", "0");
  add_field(form, "pubsub#max_items", "1");
  add_field(form, "pubsub#deliver_payloads", "1");
  add_field(form, "pubsub#notify_retract", "0");
  add_field(form, "pubsub#notify_delete", "0");
  add_field(form, "pubsub#notify_config", "0");
  add_field(form, "pubsub#send_last_published_item", "never");
  add_field(form, "pubsub#presence_based_delivery", "0");
}

std::unique_ptr<gloox::Tag> pubsub_element(const char* ns) {
  auto pubsub = std::make_unique<gloox::Tag>("pubsub");
  pubsub->setXmlns(ns);
  return pubsub;
}

}  // namespace

std::unique_ptr<gloox::Tag> create_node_payload(const std::string& node, bool open_access) {
  auto pubsub = pubsub_element(kPubsubNs);
  auto* create = new gloox::Tag(pubsub.get(), "create");
  create->addAttribute("node", node);
  add_node_config(pubsub.get(), open_access);
  return pubsub;
}

std::unique_ptr<gloox::Tag> owner_list_payload(const std::string& node, const char* list) {
  auto pubsub = pubsub_element(kPubsubOwnerNs);
  auto* element = new gloox::Tag(pubsub.get(), list);
  element->addAttribute("node", node);
  return pubsub;
}

std::unique_ptr<gloox::Tag> configure_node_payload(const std::string& node, bool open_access) {
  auto pubsub = pubsub_element(kPubsubOwnerNs);
  add_node_config(pubsub.get(), open_access, node);
  return pubsub;
}

namespace {

std::unique_ptr<gloox::Tag> affiliations_payload(const std::string& node, const std::vector<std::string>& jids,
                                                 const std::string& role) {
  auto pubsub = pubsub_element(kPubsubOwnerNs);
  auto* affiliations = new gloox::Tag(pubsub.get(), "affiliations");
  affiliations->addAttribute("node", node);
  for (const auto& jid : jids) {
    auto* affiliation = new gloox::Tag(affiliations, "affiliation");
    affiliation->addAttribute("jid", jid);
    affiliation->addAttribute("affiliation", role);
  }
  return pubsub;
}

}  // namespace

std::unique_ptr<gloox::Tag> member_affiliations_payload(const std::string& node, const std::vector<std::string>& jids) {
  return affiliations_payload(node, jids, "member");
}

std::unique_ptr<gloox::Tag> affiliation_payload(const std::string& node, const std::string& jid,
                                                const std::string& affiliation) {
  return affiliations_payload(node, {jid}, affiliation);
}

std::unique_ptr<gloox::Tag> ping_payload() {
  auto ping = std::make_unique<gloox::Tag>("ping");
  ping->setXmlns("urn:xmpp:ping");
  return ping;
}

std::string error_condition(const gloox::IQ& iq) {
  const gloox::Error* error = iq.error();
  if (!error) return "undefined-condition";
  std::unique_ptr<gloox::Tag> tag(error->tag());
  if (!tag) return "undefined-condition";
  for (const auto* child : tag->children())
    if (child->name() != "text") return child->name();
  return "undefined-condition";
}

std::unique_ptr<gloox::IQ> iq_get(const std::string& from, const std::string& to, std::unique_ptr<gloox::Tag> payload) {
  auto iq = std::make_unique<gloox::IQ>(gloox::IQ::Get, gloox::JID(to));
  iq->setFrom(gloox::JID(from));
  iq->addExtension(new PrebuiltPayload(std::move(payload)));
  return iq;
}

std::unique_ptr<gloox::Tag> owner_subscriptions_payload(const std::string& node, const std::vector<std::string>& jids) {
  auto pubsub = pubsub_element(kPubsubOwnerNs);
  auto* subscriptions = new gloox::Tag(pubsub.get(), "subscriptions");
  subscriptions->addAttribute("node", node);
  for (const auto& jid : jids) {
    auto* subscription = new gloox::Tag(subscriptions, "subscription");
    subscription->addAttribute("jid", jid);
    subscription->addAttribute("subscription", "subscribed");
  }
  return pubsub;
}

std::unique_ptr<gloox::Tag> publish_payload(const std::string& node, const std::string& item_id,
                                            const std::string& update_xml) {
  auto pubsub = pubsub_element(kPubsubNs);
  auto* publish = new gloox::Tag(pubsub.get(), "publish");
  publish->addAttribute("node", node);
  auto* item = new gloox::Tag(publish, "item");
  item->addAttribute("id", item_id);
  // gloox stores cdata raw and escapes it (& < > ' ") when serialising.
  auto* notification = new gloox::Tag(item, "notification", update_xml);
  notification->setXmlns(kPubsubNs);
  return pubsub;
}

std::unique_ptr<gloox::IQ> pubsub_set(const std::string& from, const std::string& to, std::unique_ptr<gloox::Tag> payload,
                                      const std::string& id) {
  auto iq = std::make_unique<gloox::IQ>(gloox::IQ::Set, gloox::JID(to), id);
  iq->setFrom(gloox::JID(from));
  iq->addExtension(new PrebuiltPayload(std::move(payload)));
  return iq;
}

std::unique_ptr<gloox::Presence> finesse_presence(bool available, const std::string& from, const std::string& to) {
  auto presence = std::make_unique<gloox::Presence>(available ? gloox::Presence::Available : gloox::Presence::Unavailable,
                                                    gloox::JID(to));
  presence->setFrom(gloox::JID(from));
  return presence;
}

std::unique_ptr<gloox::Subscription> subscription_reply(bool subscribed, const std::string& from, const std::string& to) {
  auto reply = std::make_unique<gloox::Subscription>(
      subscribed ? gloox::Subscription::Subscribed : gloox::Subscription::Unsubscribed, gloox::JID(to));
  reply->setFrom(gloox::JID(from));
  return reply;
}

}  // namespace fgw::component
