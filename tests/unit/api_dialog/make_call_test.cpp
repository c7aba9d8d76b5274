// POST /finesse/api/User/{id}/Dialogs (guide 3.2.4, DECISIONS.md 12): every refusal with its error
// and no CTI request, every accepted MAKE_CALL with the exact MAKE_CALL_REQ it sends.
#include "dialog_action_fixture.hpp"

namespace fgw::testing {
namespace {

using cti::AgentState;

std::string make_call(const std::string& from, const std::string& to, const std::string& name = "MAKE_CALL") {
  return dialog_body("<requestedAction>" + name + "</requestedAction><fromAddress>" + from +
                     "</fromAddress><toAddress>" + to + "</toAddress>");
}

Setup in(AgentState state) {
  return [state](DialogActionFixture& f) { f.signed_in(state); };
}
const Setup kNeverSignedIn = [](DialogActionFixture&) {};
const Setup kNotReady = in(AgentState::NotReady);

struct Refusal {
  std::string name;
  std::string credentials;
  std::string user;
  Setup setup;
  std::string body;
  int status;
  std::string type;
  std::string data;
};

class MakeCallRefusals : public DialogActionFixture, public ::testing::WithParamInterface<Refusal> {};

TEST_P(MakeCallRefusals, AnswerTheErrorAndSendNothing) {
  const auto& row = GetParam();
  row.setup(*this);
  auto r = post_dialog(row.credentials, row.user, row.body);
  EXPECT_EQ(r.status, row.status) << r.body;
  EXPECT_EQ(error_type(r), row.type) << r.body;
  EXPECT_EQ(error_data(r), row.data) << r.body;
  EXPECT_TRUE(cti.sent.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Table, MakeCallRefusals,
    ::testing::Values(
        Refusal{"AnotherUser", kAgent1, "1002", kNotReady, make_call("1001", "1003"), 401,
                "Invalid Authorization User Specified", "1002"},
        Refusal{"AdministratorOnly", "admin:pwa", "9000", kNotReady, make_call("1001", "1003"), 401,
                "Authorization Failure", "admin"},
        Refusal{"ActionMissing", kAgent1, "1001", kNotReady,
                dialog_body("<fromAddress>1001</fromAddress><toAddress>1002</toAddress>"), 400, "Parameter Missing",
                "requestedAction"},
        Refusal{"ActionNotMakeCall", kAgent1, "1001", kNotReady, make_call("1001", "1002", "ANSWER"), 400,
                "Invalid Input", "ANSWER"},
        Refusal{"FromMissing", kAgent1, "1001", kNotReady,
                dialog_body("<requestedAction>MAKE_CALL</requestedAction><toAddress>1002</toAddress>"), 400,
                "Parameter Missing", "fromAddress"},
        Refusal{"ToMissing", kAgent1, "1001", kNotReady,
                dialog_body("<requestedAction>MAKE_CALL</requestedAction><fromAddress>1001</fromAddress>"), 400,
                "Parameter Missing", "toAddress"},
        Refusal{"ToEmpty", kAgent1, "1001", kNotReady, make_call("1001", ""), 400, "Parameter Missing",
                "toAddress"},
        Refusal{"FromNotTheSignedInExtension", kAgent1, "1001", kNotReady, make_call("1002", "1003"), 401,
                "Invalid Authorization User Specified", "1002"},
        Refusal{"CallingOneself", kAgent1, "1001", kNotReady, make_call("1001", "1001"), 400, "Invalid Destination",
                "1001"},
        Refusal{"NeverSignedIn", kAgent1, "1001", kNeverSignedIn, make_call("1001", "1002"), 400, "Invalid State",
                "requestedAction"},
        Refusal{"SignedOut", kAgent1, "1001", in(AgentState::Logout), make_call("1001", "1002"), 400,
                "Invalid State", "requestedAction"},
        Refusal{"Ready", kAgent1, "1001", in(AgentState::Available), make_call("1001", "1002"), 400,
                "Invalid State", "requestedAction"},
        Refusal{"Talking", kAgent1, "1001", in(AgentState::Talking), make_call("1001", "1002"), 400,
                "Invalid State", "requestedAction"},
        Refusal{"InWrapUp", kAgent1, "1001", in(AgentState::WorkNotReady), make_call("1001", "1002"), 400,
                "Invalid State", "requestedAction"},
        Refusal{"BodyWrongRoot", kAgent1, "1001", kNotReady, "<User><requestedAction>MAKE_CALL</requestedAction></User>",
                400, "Invalid Input", "User"}),
    [](const auto& info) { return info.param.name; });

cti::MakeCallReq expected_make_call(const std::string& from, const std::string& to) {
  cti::MakeCallReq request;
  request.agent_instrument = from;
  request.dialed_number = to;
  return request;
}

struct Accepted {
  std::string name;
  std::string credentials;
  std::string user;
  std::string body;
  cti::MakeCallReq expected;
};

class MakeCalls : public DialogActionFixture, public ::testing::WithParamInterface<Accepted> {};

TEST_P(MakeCalls, SendTheExactRequestAndAnswer202) {
  const auto& row = GetParam();
  signed_in(AgentState::NotReady, row.user);
  auto r = post_dialog(row.credentials, row.user, row.body);
  EXPECT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.body, "");
  ASSERT_EQ(cti.sent.size(), 1u);
  EXPECT_EQ(cti.request<cti::MakeCallReq>(), row.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, MakeCalls,
    ::testing::Values(Accepted{"ToAnotherAgent", kAgent1, "1001", make_call("1001", "1002"),
                               expected_make_call("1001", "1002")},
                      Accepted{"ToAnOutsideNumber", kAgent1, "1001", make_call("1001", "5551234"),
                               expected_make_call("1001", "5551234")},
                      Accepted{"ActionNameIgnoresCase", kAgent1, "1001", make_call("1001", "1002", "make_call"),
                               expected_make_call("1001", "1002")},
                      Accepted{"Supervisor", "super:pws", "2001", make_call("2001", "1001"),
                               expected_make_call("2001", "1001")}),
    [](const auto& info) { return info.param.name; });

TEST_F(DialogActionFixture, NoCtiLinkRefusesMakeCallWith503) {
  signed_in(AgentState::NotReady);
  cti.up = false;
  EXPECT_EQ(post_dialog(kAgent1, "1001", make_call("1001", "1002")).status, 503);
  EXPECT_TRUE(cti.sent.empty());
}

// 3.2.4: "If a CTI error occurs, Finesse sends a Dialog CTI Error Notification". No dialog exists
// yet, so the notification names none.
TEST_F(DialogActionFixture, MakeCallRefusedByCtiIsADialogCtiError) {
  signed_in(AgentState::NotReady);
  ASSERT_EQ(post_dialog(kAgent1, "1001", make_call("1001", "1002")).status, 202);
  sink.take();
  cti.fail(0, 21, "CF_INVALID_CALLED_DEVICE");
  const auto published = sink.take();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].node, "/finesse/api/User/1001/Dialogs");
  EXPECT_EQ(text_at(published[0].payload_xml, "/Update/data/apiErrors/apiError/errorData"), "21");
  EXPECT_EQ(text_at(published[0].payload_xml, "/Update/data/apiErrors/apiError/errorMessage"),
            "CF_INVALID_CALLED_DEVICE");
}

}  // namespace
}  // namespace fgw::testing
