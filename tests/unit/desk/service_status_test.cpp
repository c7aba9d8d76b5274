// The service status (guide 1.1.1, 6.1): IN_SERVICE only while every reported dependency is up,
// the reasons joined, and the listener told of each change (and only of a change).
#include "desk_support.hpp"

#include "gateway/desk/service_status.hpp"
#include "gateway/desk/user_notifications.hpp"
#include "gateway/xml/notification_xml.hpp"

namespace fgw::desk::test {
namespace {

TEST(ServiceStatus, InServiceUntilADependencyReportsDown) {
  ServiceStatus status;
  EXPECT_EQ(status.snapshot().status, SystemStatus::InService);
  status.report("cti", false, "CTI side A down");
  status.report("xmpp", false, "XMPP link down: refused");
  const auto snap = status.snapshot();
  EXPECT_EQ(snap.status, SystemStatus::OutOfService);
  EXPECT_EQ(snap.reason, "CTI side A down; XMPP link down: refused");
  EXPECT_FALSE(status.dependency_up("cti"));
  status.report("cti", true);
  EXPECT_TRUE(status.dependency_up("cti"));
  EXPECT_EQ(status.snapshot().status, SystemStatus::OutOfService);
  status.report("xmpp", true);
  EXPECT_EQ(status.snapshot().status, SystemStatus::InService);
}

TEST(ServiceStatus, TheListenerHearsChangesOnly) {
  ServiceStatus status;
  int calls = 0;
  status.set_listener([&] { ++calls; });
  status.report("cti", true);  // already up: no change
  EXPECT_EQ(calls, 0);
  status.report("cti", false, "down");
  status.report("cti", false, "down");  // the same again
  EXPECT_EQ(calls, 1);
  status.report("cti", false, "still down, other reason");
  EXPECT_EQ(calls, 2);
  status.report("cti", true);
  EXPECT_EQ(calls, 3);
}

// What a reconnected XMPP link republishes: every agent's and supervisor's User and Team state.
TEST(CurrentUserNotifications, CoverEveryUserWithAUserObject) {
  LiveModel model(directory());
  model.apply(agent_state("1001", cti::AgentState::Available));
  const auto all = current_user_notifications(model.state(), directory());
  std::vector<std::string> nodes;
  for (const auto& n : all) nodes.push_back(n.node);
  EXPECT_THAT(nodes, ::testing::Contains("/finesse/api/User/1001"));
  EXPECT_THAT(nodes, ::testing::Contains("/finesse/api/User/1002"));
  EXPECT_THAT(nodes, ::testing::Contains("/finesse/api/Team/1/Users"));
  for (const auto& n : all) {
    if (n.node != "/finesse/api/User/1001") continue;
    EXPECT_NE(n.payload_xml.find("<state>READY</state>"), std::string::npos) << n.payload_xml;
  }
}

TEST(SystemInfoNotification, CarriesTheSystemInfoObject) {
  xml::SystemInfoView view{"OUT_OF_SERVICE", "localhost", "pubsub.localhost", "gw1", ""};
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml::render_system_info_update(view).c_str()));
  const auto update = doc.child("Update");
  EXPECT_STREQ(update.child("source").text().get(), "/finesse/api/SystemInfo");
  EXPECT_STREQ(update.child("event").text().get(), "PUT");
  EXPECT_STREQ(update.child("data").child("SystemInfo").child("status").text().get(), "OUT_OF_SERVICE");
  EXPECT_STREQ(update.child("data").child("SystemInfo").child("primaryNode").child("host").text().get(), "gw1");
}

}  // namespace
}  // namespace fgw::desk::test
