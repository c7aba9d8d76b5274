// GET /finesse/api/User/{id}/Dialogs (3.1.3) and GET /finesse/api/Dialog/{id} (3.2.1) from the
// desk's live dialogs, with their security constraints.
#include "agent_state_fixture.hpp"

namespace fgw::testing {
namespace {

using desk::test::begin_call;
using desk::test::delivered;

constexpr std::uint32_t kCall = 700;

class DialogReads : public AgentStateFixture {
 protected:
  // An outside caller rings `agent`'s extension.
  void ring(const std::string& agent, std::uint32_t id = kCall) {
    desk.apply(begin_call(id, desk::test::kCaller, cti::CallType::AcdIn));
    desk.apply(delivered(id, desk::test::kCaller, agent));
  }
  http::ApiResponse get(const std::string& path, const std::string& credentials) {
    return call(http::Method::Get, path, credentials);
  }
};

TEST_F(DialogReads, AgentListsTheirRingingDialog) {
  ring("1001");
  auto r = get("/finesse/api/User/1001/Dialogs", "agent1:pw1");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(text_at(r.body, "/Dialogs/Dialog/uri"), "/finesse/api/Dialog/700");
  EXPECT_EQ(text_at(r.body, "/Dialogs/Dialog/state"), "ALERTING");
  EXPECT_EQ(text_at(r.body, "/Dialogs/Dialog/participants/Participant[mediaAddress='1001']/actions/action"), "ANSWER");
}

TEST_F(DialogReads, NoDialogsIsAnEmptyList) {
  ring("1001");
  auto r = get("/finesse/api/User/1002/Dialogs", "agent2:pw2");
  ASSERT_EQ(r.status, 200) << r.body;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(r.body.c_str()));
  EXPECT_STREQ(doc.document_element().name(), "Dialogs");
  EXPECT_FALSE(doc.document_element().child("Dialog"));
}

TEST_F(DialogReads, OnlyTheUserOrAnAdministratorListsDialogs) {
  ring("1001");
  auto other = get("/finesse/api/User/1001/Dialogs", "agent2:pw2");
  EXPECT_EQ(other.status, 401);
  EXPECT_EQ(error_type(other), "Invalid Authorization User Specified");
  auto admin = get("/finesse/api/User/1001/Dialogs", "admin:pwa");
  ASSERT_EQ(admin.status, 200) << admin.body;
  EXPECT_EQ(text_at(admin.body, "/Dialogs/Dialog/uri"), "/finesse/api/Dialog/700");
}

TEST_F(DialogReads, AdministratorAskingForNoUserGets404) {
  EXPECT_EQ(error_type(get("/finesse/api/User/4242/Dialogs", "admin:pwa")), "User Not Found");
  EXPECT_EQ(error_type(get("/finesse/api/User/9000/Dialogs", "admin:pwa")), "User Not Found");
}

struct Reader {
  std::string name;
  std::string credentials;
  std::string rings;  // whose extension the call rings
  int status;
};

class DialogReaders : public DialogReads, public ::testing::WithParamInterface<Reader> {};

TEST_P(DialogReaders, GetDialogFollowsTheSecurityConstraints) {
  const auto& row = GetParam();
  ring(row.rings);
  auto r = get("/finesse/api/Dialog/700", row.credentials);
  EXPECT_EQ(r.status, row.status) << r.body;
  if (row.status == 200) {
    EXPECT_EQ(text_at(r.body, "/Dialog/uri"), "/finesse/api/Dialog/700");
    EXPECT_EQ(text_at(r.body, "/Dialog/fromAddress"), desk::test::kCaller);
  } else {
    EXPECT_EQ(error_type(r), "Invalid Authorization User Specified");
  }
}

INSTANTIATE_TEST_SUITE_P(Table, DialogReaders,
                         ::testing::Values(Reader{"Participant", "agent1:pw1", "1001", 200},
                                           Reader{"OtherAgent", "agent2:pw2", "1001", 401},
                                           Reader{"TheirSupervisor", "super:pws", "1001", 200},
                                           Reader{"AnotherTeamsSupervisor", "super:pws", "1003", 401},
                                           Reader{"Administrator", "admin:pwa", "1003", 200}),
                         [](const auto& info) { return info.param.name; });

TEST_F(DialogReads, UnknownDialogIs404DialogNotFound) {
  auto r = get("/finesse/api/Dialog/999", "agent1:pw1");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_type(r), "Dialog Not Found");
  EXPECT_EQ(error_data(r), "999");
}

}  // namespace
}  // namespace fgw::testing
