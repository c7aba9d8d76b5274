// The stanzas against the shapes that work on ejabberd 23.01 and Prosody 0.12 (NOTES.md
// "Stanzas that work"): serialised as gloox sends them, parsed back with pugixml.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "component/stanzas.hpp"

namespace fgw::component {
namespace {

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  const auto result = doc.load_string(xml.c_str());
  EXPECT_TRUE(result) << result.description() << " in " << xml;
  return doc;
}

std::string iq_xml(std::unique_ptr<gloox::Tag> payload) {
  auto iq = pubsub_set("gw.finesse.test", "pubsub.finesse.test", std::move(payload), "x1");
  std::unique_ptr<gloox::Tag> tag(iq->tag());
  return tag->xml();
}

std::string field_value(const pugi::xml_node& form, const char* var) {
  return form.find_child_by_attribute("field", "var", var).child("value").text().get();
}

TEST(Stanzas, AnOpenNodeIsCreatedAndConfiguredOpen) {
  auto created = parse(iq_xml(create_node_payload("/finesse/api/SystemInfo", true)));
  EXPECT_EQ(field_value(created.child("iq").child("pubsub").child("configure").child("x"), "pubsub#access_model"), "open");
  auto configured = parse(iq_xml(configure_node_payload("/finesse/api/SystemInfo", true)));
  auto configure = configured.child("iq").child("pubsub").child("configure");
  EXPECT_STREQ(configure.attribute("node").value(), "/finesse/api/SystemInfo");
  EXPECT_EQ(field_value(configure.child("x"), "pubsub#access_model"), "open");
}

TEST(Stanzas, CreateNodeIsOneSetFromTheComponentWithTheNodeConfig) {
  auto doc = parse(iq_xml(create_node_payload("/finesse/api/User/1001")));
  auto iq = doc.child("iq");
  EXPECT_STREQ(iq.attribute("type").value(), "set");
  EXPECT_STREQ(iq.attribute("from").value(), "gw.finesse.test");  // ejabberd check_from
  EXPECT_STREQ(iq.attribute("to").value(), "pubsub.finesse.test");
  EXPECT_STREQ(iq.attribute("id").value(), "x1");
  auto pubsub = iq.child("pubsub");
  EXPECT_STREQ(pubsub.attribute("xmlns").value(), "http://jabber.org/protocol/pubsub");
  EXPECT_STREQ(pubsub.child("create").attribute("node").value(), "/finesse/api/User/1001");
  auto form = pubsub.child("configure").child("x");
  EXPECT_STREQ(form.attribute("xmlns").value(), "jabber:x:data");
  EXPECT_STREQ(form.attribute("type").value(), "submit");
  auto form_type = form.find_child_by_attribute("field", "var", "FORM_TYPE");
  EXPECT_STREQ(form_type.attribute("type").value(), "hidden");
  EXPECT_EQ(field_value(form, "FORM_TYPE"), "http://jabber.org/protocol/pubsub#node_config");
  EXPECT_EQ(field_value(form, "pubsub#access_model"), "whitelist");
  EXPECT_EQ(field_value(form, "pubsub#publish_model"), "publishers");
  EXPECT_EQ(field_value(form, "pubsub#persist_items"), "0");
  EXPECT_EQ(field_value(form, "pubsub#max_items"), "1");
  EXPECT_EQ(field_value(form, "pubsub#deliver_payloads"), "1");
  EXPECT_EQ(field_value(form, "pubsub#notify_retract"), "0");
  EXPECT_EQ(field_value(form, "pubsub#notify_delete"), "0");
  EXPECT_EQ(field_value(form, "pubsub#notify_config"), "0");
  EXPECT_EQ(field_value(form, "pubsub#send_last_published_item"), "never");
  EXPECT_EQ(field_value(form, "pubsub#presence_based_delivery"), "0");
  EXPECT_EQ(std::distance(form.children("field").begin(), form.children("field").end()), 11);
}

TEST(Stanzas, MemberAffiliationsAreOwnerRequestsListingEveryJid) {
  auto doc = parse(iq_xml(member_affiliations_payload("/finesse/api/Team/1/Users", {"1001@finesse.test", "1002@finesse.test"})));
  auto pubsub = doc.child("iq").child("pubsub");
  EXPECT_STREQ(pubsub.attribute("xmlns").value(), "http://jabber.org/protocol/pubsub#owner");
  auto affiliations = pubsub.child("affiliations");
  EXPECT_STREQ(affiliations.attribute("node").value(), "/finesse/api/Team/1/Users");
  std::vector<std::string> jids;
  for (auto a : affiliations.children("affiliation")) {
    EXPECT_STREQ(a.attribute("affiliation").value(), "member");
    jids.push_back(a.attribute("jid").value());
  }
  EXPECT_EQ(jids, (std::vector<std::string>{"1001@finesse.test", "1002@finesse.test"}));
}

TEST(Stanzas, OwnerSubscriptionsSetSubscribedForEveryJid) {
  auto doc = parse(iq_xml(owner_subscriptions_payload("/finesse/api/User/1001", {"1001@finesse.test"})));
  auto pubsub = doc.child("iq").child("pubsub");
  EXPECT_STREQ(pubsub.attribute("xmlns").value(), "http://jabber.org/protocol/pubsub#owner");
  auto subscriptions = pubsub.child("subscriptions");
  EXPECT_STREQ(subscriptions.attribute("node").value(), "/finesse/api/User/1001");
  auto subscription = subscriptions.child("subscription");
  EXPECT_STREQ(subscription.attribute("jid").value(), "1001@finesse.test");
  EXPECT_STREQ(subscription.attribute("subscription").value(), "subscribed");
  EXPECT_FALSE(subscription.next_sibling("subscription"));
}

TEST(Stanzas, PublishCarriesTheUpdateAsEscapedTextOfANotificationElement) {
  const std::string update =
      "<Update><data><user><firstName>O'Brien &amp; \"Sons\"</firstName></user></data><event>PUT</event>"
      "<requestId></requestId><source>/finesse/api/User/1001</source></Update>";
  const auto xml = iq_xml(publish_payload("/finesse/api/User/1001", "upd-1", update));
  // On the wire: no markup inside <notification>, only escaped text.
  EXPECT_NE(xml.find("&lt;Update&gt;&lt;data&gt;"), std::string::npos) << xml;
  EXPECT_NE(xml.find("&amp;amp;"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("<Update>"), std::string::npos) << xml;
  auto doc = parse(xml);
  auto publish = doc.child("iq").child("pubsub").child("publish");
  EXPECT_STREQ(doc.child("iq").child("pubsub").attribute("xmlns").value(), "http://jabber.org/protocol/pubsub");
  EXPECT_STREQ(publish.attribute("node").value(), "/finesse/api/User/1001");
  auto item = publish.child("item");
  EXPECT_STREQ(item.attribute("id").value(), "upd-1");
  auto notification = item.child("notification");
  EXPECT_STREQ(notification.attribute("xmlns").value(), "http://jabber.org/protocol/pubsub");
  EXPECT_FALSE(notification.first_child().type() == pugi::node_element);
  // What a client's textContent gives back is exactly the <Update> document.
  EXPECT_EQ(notification.text().get(), update);
}

TEST(Stanzas, FinessePresenceIsDirectedFromTheFinesseJid) {
  EXPECT_EQ(finesse_jid("gw.finesse.test"), "finesse@gw.finesse.test");
  {
    std::unique_ptr<gloox::Tag> tag(finesse_presence(true, "finesse@gw.finesse.test", "1001@finesse.test/desk")->tag());
    auto doc = parse(tag->xml());
    auto presence = doc.child("presence");
    EXPECT_STREQ(presence.attribute("from").value(), "finesse@gw.finesse.test");
    EXPECT_STREQ(presence.attribute("to").value(), "1001@finesse.test/desk");
    EXPECT_FALSE(presence.attribute("type"));  // available = no type
  }
  {
    std::unique_ptr<gloox::Tag> tag(finesse_presence(false, "finesse@gw.finesse.test", "1001@finesse.test")->tag());
    auto doc = parse(tag->xml());
    EXPECT_STREQ(doc.child("presence").attribute("type").value(), "unavailable");
    EXPECT_STREQ(doc.child("presence").attribute("from").value(), "finesse@gw.finesse.test");
  }
}

TEST(Stanzas, SubscriptionRepliesComeFromTheFinesseJid) {
  std::unique_ptr<gloox::Tag> yes(subscription_reply(true, "finesse@gw.finesse.test", "1001@finesse.test")->tag());
  auto doc = parse(yes->xml());
  EXPECT_STREQ(doc.child("presence").attribute("type").value(), "subscribed");
  EXPECT_STREQ(doc.child("presence").attribute("from").value(), "finesse@gw.finesse.test");
  EXPECT_STREQ(doc.child("presence").attribute("to").value(), "1001@finesse.test");
  std::unique_ptr<gloox::Tag> no(subscription_reply(false, "finesse@gw.finesse.test", "1001@finesse.test")->tag());
  EXPECT_STREQ(parse(no->xml()).child("presence").attribute("type").value(), "unsubscribed");
}

TEST(Stanzas, PrebuiltPayloadClonesItsTag) {
  PrebuiltPayload payload(publish_payload("/n", "i", "<a/>"));
  std::unique_ptr<gloox::StanzaExtension> copy(payload.clone());
  std::unique_ptr<gloox::Tag> a(payload.tag());
  std::unique_ptr<gloox::Tag> b(copy->tag());
  EXPECT_EQ(a->xml(), b->xml());
}

}  // namespace
}  // namespace fgw::component
