// The publisher against a scripted link: bootstrap order per node, the window, one publish per
// node outstanding, retries and counted failures, and giving back on link loss.
#include <gtest/gtest.h>

#include <map>

#include <gloox/iq.h>
#include <gloox/tag.h>

#include <pugixml.hpp>

#include "component/pubsub_publisher.hpp"

namespace fgw::component {
namespace {

struct SentIq {
  std::string kind;  // create, affiliations, subscriptions, publish
  std::string node;
  std::string text;  // publish: the update
  IqCallback reply;
  std::string item_id = {};  // publish: the item's id
};

struct ScriptedLink : IqSender {
  bool up = true;
  std::vector<SentIq> sent;
  bool link_up() const override { return up; }
  void send_iq(std::unique_ptr<gloox::IQ> iq, IqCallback on_reply, std::chrono::milliseconds) override {
    std::unique_ptr<gloox::Tag> tag(iq->tag());
    pugi::xml_document doc;
    doc.load_string(tag->xml().c_str());
    auto pubsub = doc.child("iq").child("pubsub");
    auto op = pubsub.first_child();
    const bool read = std::string(doc.child("iq").attribute("type").value()) == "get";
    SentIq s{(read ? "read " : "") + std::string(op.name()), op.attribute("node").value(), "", std::move(on_reply)};
    for (auto entry : op.children()) {
      if (!entry.attribute("jid")) continue;
      s.text += (s.text.empty() ? "" : ",") + std::string(entry.attribute("jid").value());
    }
    if (s.kind == "publish") {
      s.text = op.child("item").child("notification").text().get();
      s.item_id = op.child("item").attribute("id").value();
    }
    sent.push_back(std::move(s));
  }
  // Answers every IQ sent so far (in order) and forgets them.
  void answer_all(const IqOutcome& outcome = {}) {
    auto batch = std::move(sent);
    sent.clear();
    for (auto& s : batch) s.reply(outcome);
  }
};

NodePlan two_users() {
  NodePlan plan;
  for (const char* id : {"1", "2"}) {
    const std::string jid = std::string(id) + "@d";
    plan.nodes.push_back({std::string("/finesse/api/User/") + id, {jid}, {jid}, {}});
    plan.user_jids.push_back(jid);
  }
  plan.nodes.push_back({"/finesse/api/Team/1/Users", {"1@d", "2@d"}, {}, {}});
  return plan;
}

desk::Notification note(const std::string& node, const std::string& payload) {
  return desk::Notification{node, node, "PUT", payload, ""};
}

class PublisherTest : public testing::Test {
 protected:
  PublishQueue queue;
  ScriptedLink link;
  std::vector<desk::Notification> current;
  PublisherOptions options{4, 3, std::chrono::milliseconds(0), 500, std::chrono::milliseconds(1000)};
  std::unique_ptr<PubsubPublisher> publisher;

  void make(NodePlan plan = two_users()) {
    publisher = std::make_unique<PubsubPublisher>(options, "gw", "pubsub", std::move(plan), queue, link,
                                                  [this] { return current; });
  }
  // Runs the bootstrap to completion, answering every IQ with a result.
  void bootstrap() {
    publisher->on_link_up();
    for (int turn = 0; turn < 20 && !publisher->bootstrapped(); ++turn) {
      link.answer_all();
      publisher->pump();
    }
    ASSERT_TRUE(publisher->bootstrapped());
  }
};

TEST_F(PublisherTest, BootstrapCreatesThenGrantsMembersThenSubscribesEachNodeWithinTheWindow) {
  make();
  publisher->on_link_up();
  std::vector<std::string> order;
  for (int turn = 0; turn < 20 && !publisher->bootstrapped(); ++turn) {
    EXPECT_LE(link.sent.size(), options.window);
    for (const auto& s : link.sent) order.push_back(s.kind + " " + s.node);
    link.answer_all();
    publisher->pump();
  }
  ASSERT_TRUE(publisher->bootstrapped());
  auto position = [&](const std::string& what) {
    return std::find(order.begin(), order.end(), what) - order.begin();
  };
  for (const char* node : {"/finesse/api/User/1", "/finesse/api/User/2"}) {
    const std::string n(node);
    EXPECT_LT(position("create " + n), position("affiliations " + n));
    EXPECT_LT(position("affiliations " + n), position("subscriptions " + n));
    EXPECT_LT(position("subscriptions " + n), static_cast<long>(order.size()));
  }
  // The team node has nobody to subscribe.
  EXPECT_EQ(std::count(order.begin(), order.end(), "subscriptions /finesse/api/Team/1/Users"), 0);
  EXPECT_EQ(order.size(), 3u + 3u + 2u);
}

TEST_F(PublisherTest, AnExistingNodeIsConfiguredAgainAndTheBootstrapGoesOn) {
  make();
  publisher->on_link_up();
  link.answer_all(IqOutcome{IqOutcome::Kind::Error, "conflict"});
  publisher->pump();
  ASSERT_FALSE(link.sent.empty());
  // Someone may have changed the node since it was made: it gets the gateway's configuration back.
  ASSERT_EQ(link.sent.size(), 3u);
  for (const auto& sent : link.sent) EXPECT_EQ(sent.kind, "configure") << sent.node;
  link.answer_all();
  publisher->pump();
  ASSERT_FALSE(link.sent.empty());
  EXPECT_EQ(link.sent.front().kind, "read affiliations");
  link.answer_all();  // results without lists: everything is set, as for a new node
  publisher->pump();
  ASSERT_FALSE(link.sent.empty());
  EXPECT_EQ(link.sent.front().kind, "affiliations");
  for (int turn = 0; turn < 20 && !publisher->bootstrapped(); ++turn) {
    link.answer_all();
    publisher->pump();
  }
  EXPECT_TRUE(publisher->bootstrapped());
  EXPECT_EQ(publisher->stats().bootstrap_failures, 0u);
}

// After a reconnect to a server that kept its nodes, only what is missing is set: Prosody 0.12
// rewrites a whole node for every JID an affiliation or subscription request names.
TEST_F(PublisherTest, OnAnExistingNodeOnlyMissingMembersAndSubscriptionsAreSet) {
  NodePlan plan;
  plan.nodes.push_back({"/finesse/api/SystemInfo", {"1@d", "2@d"}, {"1@d", "2@d", "3@d"}, {"peer.d"}});
  make(plan);
  publisher->on_link_up();
  link.answer_all(IqOutcome{IqOutcome::Kind::Error, "conflict"});
  publisher->pump();
  link.answer_all();  // configured
  publisher->pump();
  ASSERT_EQ(link.sent.size(), 2u);
  auto lists = std::make_shared<gloox::Tag>("pubsub");
  auto* affiliations = new gloox::Tag(lists.get(), "affiliations");
  auto entry = [](gloox::Tag* list, const char* name, const char* jid, const char* state) {
    (new gloox::Tag(list, name, "jid", jid))->addAttribute(name, state);
  };
  entry(affiliations, "affiliation", "1@D", "member");  // servers may normalise the case
  entry(affiliations, "affiliation", "2@d", "none");
  entry(affiliations, "affiliation", "peer.d", "owner");
  auto* subscriptions = new gloox::Tag(lists.get(), "subscriptions");
  entry(subscriptions, "subscription", "1@d", "subscribed");
  entry(subscriptions, "subscription", "3@d", "subscribed");
  link.answer_all(IqOutcome{IqOutcome::Kind::Result, {}, lists});
  std::vector<std::string> set;
  for (int turn = 0; turn < 10 && !publisher->bootstrapped(); ++turn) {
    publisher->pump();
    for (const auto& sent : link.sent) set.push_back(sent.kind + " " + sent.text);
    link.answer_all();
  }
  ASSERT_TRUE(publisher->bootstrapped());
  // 2@d has no affiliation and 2@d no subscription: one request each, naming only 2@d.
  EXPECT_EQ(set, (std::vector<std::string>{"affiliations 2@d", "subscriptions 2@d"}));
  EXPECT_EQ(publisher->stats().bootstrap_failures, 0u);
}

TEST_F(PublisherTest, NothingIsPublishedBeforeTheBootstrapThenCurrentStateComesFirst) {
  make();
  queue.push_one(note("/finesse/api/User/1", "queued-while-down-1"));
  queue.push_one(note("/finesse/api/User/1", "queued-while-down-2"));
  current = {note("/finesse/api/User/2", "current-2")};
  publisher->on_link_up();
  for (const auto& s : link.sent) EXPECT_NE(s.kind, "publish");
  for (int turn = 0; turn < 20 && !publisher->bootstrapped(); ++turn) {
    link.answer_all();
    publisher->pump();
  }
  std::vector<std::string> published;
  for (int turn = 0; turn < 5; ++turn) {
    for (const auto& s : link.sent) published.push_back(s.text);
    link.answer_all();
    publisher->pump();
  }
  // The two states queued while down were coalesced to the latest (the snapshot did not cover User/1).
  EXPECT_EQ(published, (std::vector<std::string>{"queued-while-down-2", "current-2"}));
  EXPECT_EQ(publisher->stats().published, 2u);
}

TEST_F(PublisherTest, KeepsOnePublishPerNodeOutstandingAndFillsTheWindowAcrossNodes) {
  make();
  bootstrap();
  for (int i = 0; i < 3; ++i)
    for (const char* n : {"/finesse/api/User/1", "/finesse/api/User/2", "/finesse/api/User/3", "/finesse/api/User/4",
                          "/finesse/api/User/5"})
      queue.push_one(note(n, std::to_string(i)));
  publisher->pump();
  ASSERT_EQ(link.sent.size(), options.window);  // 4 of the 5 nodes
  std::set<std::string> nodes;
  for (const auto& s : link.sent) nodes.insert(s.node);
  EXPECT_EQ(nodes.size(), link.sent.size());
  std::map<std::string, std::vector<std::string>> seen;
  for (int turn = 0; turn < 20 && (queue.depth() || !link.sent.empty()); ++turn) {
    for (const auto& s : link.sent) seen[s.node].push_back(s.text);
    link.answer_all();
    publisher->pump();
  }
  for (const auto& [node, texts] : seen) EXPECT_EQ(texts, (std::vector<std::string>{"0", "1", "2"})) << node;
  EXPECT_EQ(publisher->stats().published, 15u);
}

TEST_F(PublisherTest, RetriesAFailedPublishThenCountsItAsFailedAndMovesOn) {
  make();
  bootstrap();
  queue.push_one(note("/finesse/api/User/1", "a"));
  queue.push_one(note("/finesse/api/User/1", "b"));
  publisher->pump();
  for (int attempt = 1; attempt <= options.max_attempts; ++attempt) {
    ASSERT_EQ(link.sent.size(), 1u) << attempt;
    EXPECT_EQ(link.sent.front().text, "a");  // b never overtakes a
    link.answer_all(IqOutcome{IqOutcome::Kind::Timeout, "timeout"});
    publisher->pump();
  }
  ASSERT_EQ(link.sent.size(), 1u);
  EXPECT_EQ(link.sent.front().text, "b");
  link.answer_all();
  const auto stats = publisher->stats();
  EXPECT_EQ(stats.publish_retries, static_cast<std::uint64_t>(options.max_attempts - 1));
  EXPECT_EQ(stats.publish_failures, 1u);
  EXPECT_EQ(stats.published, 1u);
}

// A node deleted while the link is up (Prosody answers a publish to it item-not-found): the node
// is created, configured, its members granted and subscribed again, then the same update goes;
// the node's next update waits behind it.
TEST_F(PublisherTest, APublishToADeletedNodeRepairsTheNodeThenSendsTheSameUpdate) {
  make();
  bootstrap();
  queue.push_one(note("/finesse/api/User/1", "a"));
  queue.push_one(note("/finesse/api/User/1", "b"));
  publisher->pump();
  ASSERT_EQ(link.sent.size(), 1u);
  const auto first_item = link.sent.front().item_id;
  link.answer_all(IqOutcome{IqOutcome::Kind::Error, "item-not-found"});
  std::vector<std::string> steps;
  for (int turn = 0; turn < 10 && steps.size() < 4; ++turn) {
    publisher->pump();
    for (const auto& sent : link.sent) steps.push_back(sent.kind + " " + sent.node + " " + sent.text);
    link.answer_all();
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"create /finesse/api/User/1 ", "affiliations /finesse/api/User/1 1@d",
                                             "subscriptions /finesse/api/User/1 1@d", "publish /finesse/api/User/1 a"}));
  publisher->pump();
  ASSERT_EQ(link.sent.size(), 1u);
  EXPECT_EQ(link.sent.front().text, "b");
  link.answer_all();
  const auto stats = publisher->stats();
  EXPECT_EQ(stats.node_repairs, 1u);
  EXPECT_EQ(stats.published, 2u);
  EXPECT_EQ(stats.publish_failures, 0u);
  EXPECT_FALSE(first_item.empty());
}

// A repair that does not help (the node still cannot be found) is not repeated for the same
// update: it is retried and then counted as failed, as any other error.
TEST_F(PublisherTest, AnUpdateIsRepairedForAtMostOnce) {
  make();
  bootstrap();
  queue.push_one(note("/finesse/api/User/1", "a"));
  publisher->pump();
  int publishes = 0;
  for (int turn = 0; turn < 40 && !publisher->drained(); ++turn) {
    for (const auto& sent : link.sent) publishes += sent.kind == "publish";
    auto batch = std::move(link.sent);
    link.sent.clear();
    for (auto& sent : batch)
      sent.reply(sent.kind == "publish" ? IqOutcome{IqOutcome::Kind::Error, "item-not-found"} : IqOutcome{});
    publisher->pump();
  }
  EXPECT_TRUE(publisher->drained());
  EXPECT_EQ(publishes, options.max_attempts);  // the repair's resend is one of the attempts
  EXPECT_EQ(publisher->stats().node_repairs, 1u);
  EXPECT_EQ(publisher->stats().publish_failures, 1u);
}

TEST_F(PublisherTest, OnLinkLossUnackedPublishesAreSentAgainAfterTheReconnect) {
  make();
  bootstrap();
  queue.push_one(note("/finesse/api/User/1/Dialogs", "d1"));
  queue.push_one(note("/finesse/api/User/1/Dialogs", "d2"));
  publisher->pump();
  ASSERT_EQ(link.sent.size(), 1u);
  link.sent.clear();  // the link forgets outstanding IQs
  link.up = false;
  publisher->on_link_down();
  EXPECT_EQ(queue.depth(), 2u);
  link.up = true;
  bootstrap();
  std::vector<std::string> texts;
  for (int turn = 0; turn < 5; ++turn) {
    for (const auto& s : link.sent) texts.push_back(s.text);
    link.answer_all();
    publisher->pump();
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"d1", "d2"}));
  EXPECT_TRUE(publisher->drained());
}

TEST_F(PublisherTest, RecordsAckLatency) {
  make();
  bootstrap();
  queue.push_one(note("/finesse/api/User/1", "a"));
  publisher->pump();
  link.answer_all();
  const auto histogram = publisher->stats().ack_latency;
  EXPECT_EQ(histogram.count, 1u);
  EXPECT_EQ(histogram.cumulative[LatencyHistogram::kBuckets - 1], 1u);
  EXPECT_GE(histogram.sum_seconds, 0.0);
}

}  // namespace
}  // namespace fgw::component

namespace fgw::component {
namespace {

TEST_F(PublisherTest, ItemIdsTellEventsRepublishedStateAndLocalUpdatesApart) {
  make();
  current = {note("/finesse/api/User/2", "current-2")};
  bootstrap();
  auto refused = note("/finesse/api/User/1", "refused");
  refused.local = true;
  queue.push({note("/finesse/api/Team/1/Users", "event"), refused});
  std::map<std::string, std::string> origin_of;  // payload -> origin letter's meaning
  for (int turn = 0; turn < 5; ++turn) {
    publisher->pump();
    for (const auto& s : link.sent) {
      EXPECT_TRUE(publisher->own_item(s.item_id)) << s.item_id;
      const auto origin = item_origin(s.item_id);
      origin_of[s.text] = origin == ItemOrigin::Event ? "event" : origin == ItemOrigin::Republish ? "republish"
                          : origin == ItemOrigin::Local ? "local" : "unknown";
    }
    link.answer_all();
  }
  EXPECT_EQ(origin_of, (std::map<std::string, std::string>{
                           {"current-2", "republish"}, {"event", "event"}, {"refused", "local"}}));
  EXPECT_EQ(item_origin("someone-else-1"), ItemOrigin::Unknown);
  EXPECT_FALSE(publisher->own_item("fgw-00000000-e1"));
}

}  // namespace
}  // namespace fgw::component
