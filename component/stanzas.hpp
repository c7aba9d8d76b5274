#pragma once
// The stanzas of /work/shared/xmpp/NOTES.md ("Stanzas that work"), built by hand because gloox's
// PubSub::Manager sends IQs without 'from' (ejabberd then closes the stream) and has no 'member'
// affiliation. Every stanza carries 'from': ejabberd's check_from requires it.

#include <gloox/iq.h>
#include <gloox/presence.h>
#include <gloox/stanzaextension.h>
#include <gloox/subscription.h>
#include <gloox/tag.h>

#include <memory>
#include <string>
#include <vector>

namespace fgw::component {

inline constexpr const char* kPubsubNs = "http://jabber.org/protocol/pubsub";
inline constexpr const char* kPubsubOwnerNs = "http://jabber.org/protocol/pubsub#owner";

// The HA entity: Finesse clients only count presence from a JID whose local part is 'finesse'.
std::string finesse_jid(const std::string& component_domain);

// A StanzaExtension that serialises a prebuilt Tag: the way to get a hand-made payload into an
// IQ that ClientBase::send(IQ&, IqHandler*, context) tracks by id. Outgoing only: never
// registered for parsing.
class PrebuiltPayload : public gloox::StanzaExtension {
 public:
  static constexpr int kExtensionType = gloox::ExtUser + 114;
  explicit PrebuiltPayload(std::unique_ptr<gloox::Tag> tag);
  const std::string& filterString() const override;
  gloox::StanzaExtension* newInstance(const gloox::Tag*) const override { return nullptr; }
  gloox::Tag* tag() const override { return tag_->clone(); }
  gloox::StanzaExtension* clone() const override;

 private:
  std::unique_ptr<gloox::Tag> tag_;
};

// <pubsub><create node/><configure> whitelist, persist_items 0, max_items 1, no last item ...
std::unique_ptr<gloox::Tag> create_node_payload(const std::string& node, bool open_access = false);
// The owner's configure of an existing node with the configuration a create sets: a node that
// exists already (an earlier run, or someone changed it) gets the gateway's configuration back.
std::unique_ptr<gloox::Tag> configure_node_payload(const std::string& node, bool open_access = false);
// <pubsub#owner><affiliations node/> or <subscriptions node/>, for an <iq type='get'>: the lists
// a bootstrap reads so that it sets only what is missing.
std::unique_ptr<gloox::Tag> owner_list_payload(const std::string& node, const char* list);
// <pubsub#owner><affiliations node><affiliation jid affiliation='member'/>...
std::unique_ptr<gloox::Tag> member_affiliations_payload(const std::string& node, const std::vector<std::string>& jids);
// The same for one JID and any affiliation ('owner': the peer node of a pair).
std::unique_ptr<gloox::Tag> affiliation_payload(const std::string& node, const std::string& jid,
                                                const std::string& affiliation);
// <pubsub#owner><subscriptions node><subscription jid subscription='subscribed'/>...
std::unique_ptr<gloox::Tag> owner_subscriptions_payload(const std::string& node, const std::vector<std::string>& jids);
// <pubsub><publish node><item id><notification xmlns=pubsub>ESCAPED UPDATE</notification>:
// the Finesse EventTunnel reads message.textContent, so the <Update> must be text, not markup.
std::unique_ptr<gloox::Tag> publish_payload(const std::string& node, const std::string& item_id,
                                            const std::string& update_xml);

// <ping xmlns='urn:xmpp:ping'/> (XEP-0199), for an <iq type='get'>.
std::unique_ptr<gloox::Tag> ping_payload();
// The stanza error condition of an error reply ("conflict", "item-not-found", ...).
std::string error_condition(const gloox::IQ& iq);
// <iq type='get' from to> carrying payload.
std::unique_ptr<gloox::IQ> iq_get(const std::string& from, const std::string& to, std::unique_ptr<gloox::Tag> payload);

// <iq type='set' from to> carrying payload. An empty id is left for ClientBase::send to assign.
std::unique_ptr<gloox::IQ> pubsub_set(const std::string& from, const std::string& to, std::unique_ptr<gloox::Tag> payload,
                                      const std::string& id = "");

// <presence from='finesse@component' to/> or type='unavailable'.
std::unique_ptr<gloox::Presence> finesse_presence(bool available, const std::string& from, const std::string& to);
// Replies to a presence subscription request: <presence type='subscribed'|'unsubscribed'/>.
std::unique_ptr<gloox::Subscription> subscription_reply(bool subscribed, const std::string& from, const std::string& to);

}  // namespace fgw::component
