// PUT /finesse/api/Dialog/{id} (guide 3.2.2, 3.2.3, 3.2.5, 3.2.7): every refusal with its error
// and no CTI request, every accepted action with the exact request it sends, the requestId
// echoed, and a CTI refusal after the 202.
#include "dialog_action_fixture.hpp"

namespace fgw::testing {
namespace {

using cti::AgentState;

std::string action(const std::string& name, const std::string& target = "1001") {
  return dialog_body("<requestedAction>" + name + "</requestedAction><targetMediaAddress>" + target +
                     "</targetMediaAddress>");
}

const Setup kNothing = [](DialogActionFixture&) {};
const Setup kSignedIn = [](DialogActionFixture& f) { f.signed_in(AgentState::NotReady); };
const Setup kRinging = [](DialogActionFixture& f) { f.ring(); };
const Setup kTalking = [](DialogActionFixture& f) { f.talk(); };
const Setup kHeld = [](DialogActionFixture& f) { f.hold(); };
const Setup kConsulting = [](DialogActionFixture& f) { f.consult(); };
const Setup kMonitored = [](DialogActionFixture& f) { f.monitored(); };
// 1002's phone rings while 1001 is signed in: 1001 is no participant of the dialog.
const Setup kRingingAt1002 = [](DialogActionFixture& f) {
  f.signed_in(AgentState::NotReady);
  f.ring("1002");
};

struct Refusal {
  std::string name;
  std::string credentials;
  Setup setup;
  std::string dialog;
  std::string body;
  int status;
  std::string type;
  std::string data;
};

class PutDialogRefusals : public DialogActionFixture, public ::testing::WithParamInterface<Refusal> {};

TEST_P(PutDialogRefusals, AnswerTheErrorAndSendNothing) {
  const auto& row = GetParam();
  row.setup(*this);
  auto r = put_dialog(row.credentials, row.dialog, row.body);
  EXPECT_EQ(r.status, row.status) << r.body;
  EXPECT_EQ(error_type(r), row.type) << r.body;
  EXPECT_EQ(error_data(r), row.data) << r.body;
  EXPECT_TRUE(cti.sent.empty());
}

const std::string kCallId = std::to_string(kCall);

INSTANTIATE_TEST_SUITE_P(
    Table, PutDialogRefusals,
    ::testing::Values(
        Refusal{"ActionMissing", kAgent1, kRinging, kCallId,
                dialog_body("<targetMediaAddress>1001</targetMediaAddress>"), 400, "Parameter Missing",
                "requestedAction"},
        Refusal{"ActionEmpty", kAgent1, kRinging, kCallId, action(""), 400, "Parameter Missing", "requestedAction"},
        Refusal{"ActionUnknown", kAgent1, kRinging, kCallId, action("FLY"), 400, "Invalid Input", "FLY"},
        Refusal{"MakeCallIsAPost", kAgent1, kRinging, kCallId, action("MAKE_CALL"), 400, "Invalid Input",
                "MAKE_CALL"},
        Refusal{"SilentMonitorIsAPost", kAgent1, kTalking, kCallId, action("SILENT_MONITOR"), 400, "Invalid Input",
                "SILENT_MONITOR"},
        // 5.4.3: TRANSFER and CONFERENCE only on a HELD leg while the agent has an active call.
        Refusal{"TransferWithoutAnActiveCall", kAgent1, kHeld, kCallId, action("TRANSFER"), 400, "Invalid State",
                "requestedAction"},
        Refusal{"ConferenceWithoutAnActiveCall", kAgent1, kHeld, kCallId, action("CONFERENCE"), 400,
                "Invalid State", "requestedAction"},
        Refusal{"TransferOfTheActiveConsultCall", kAgent1, kConsulting, std::to_string(kConsult), action("TRANSFER"),
                400, "Invalid State", "requestedAction"},
        Refusal{"ConsultWhileRinging", kAgent1, kRinging, kCallId, action("CONSULT_CALL") , 400, "Invalid State",
                "requestedAction"},
        Refusal{"ConsultWhileHeld", kAgent1, kHeld, kCallId,
                dialog_body("<requestedAction>CONSULT_CALL</requestedAction><targetMediaAddress>1001"
                            "</targetMediaAddress><toAddress>1002</toAddress>"),
                400, "Invalid State", "requestedAction"},
        Refusal{"ConsultWithoutToAddress", kAgent1, kTalking, kCallId, action("CONSULT_CALL"), 400,
                "Parameter Missing", "toAddress"},
        Refusal{"ConsultToYourself", kAgent1, kTalking, kCallId,
                dialog_body("<requestedAction>CONSULT_CALL</requestedAction><targetMediaAddress>1001"
                            "</targetMediaAddress><toAddress>1001</toAddress>"),
                400, "Invalid Destination", "1001"},
        Refusal{"UpdateCallDataWhileRinging", kAgent1, kRinging, kCallId,
                dialog_body("<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>x"
                            "</wrapUpReason></mediaProperties>"),
                400, "Invalid State", "requestedAction"},
        Refusal{"UpdateCallDataNotAParticipant", kAgent1, kRingingAt1002, kCallId,
                dialog_body("<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>x"
                            "</wrapUpReason></mediaProperties>"),
                401, "Invalid Authorization User Specified", "1001"},
        Refusal{"UpdateCallDataWithoutMediaProperties", kAgent1, kTalking, kCallId,
                dialog_body("<requestedAction>UPDATE_CALL_DATA</requestedAction>"), 400, "Parameter Missing",
                "mediaProperties"},
        // 3.2.7: only the supervisor who monitors, or an administrator, ends a silent monitor.
        Refusal{"MonitoredAgentCannotEndTheMonitor", kAgent1, kMonitored, std::to_string(kMonitor),
                action("DROP", "2001"), 401, "Invalid Authorization User Specified", "2001"},
        Refusal{"AdministratorCannotAnswer", "admin:pwa", kRinging, kCallId, action("ANSWER"), 401,
                "Authorization Failure", "admin"},
        Refusal{"TargetMissing", kAgent1, kRinging, kCallId, dialog_body("<requestedAction>ANSWER</requestedAction>"),
                400, "Parameter Missing", "targetMediaAddress"},
        Refusal{"TargetEmpty", kAgent1, kRinging, kCallId, action("ANSWER", ""), 400, "Parameter Missing",
                "targetMediaAddress"},
        Refusal{"TargetAnotherExtension", kAgent1, kRinging, kCallId, action("ANSWER", "1002"), 401,
                "Invalid Authorization User Specified", "1002"},
        Refusal{"TargetWhileSignedOut", kAgent1, kNothing, kCallId, action("ANSWER"), 401,
                "Invalid Authorization User Specified", "1001"},
        Refusal{"DialogUnknown", kAgent1, kSignedIn, "999", action("ANSWER"), 404, "Dialog Not Found", "999"},
        Refusal{"DialogIdNotACallId", kAgent1, kSignedIn, "abc", action("ANSWER"), 404, "Dialog Not Found", "abc"},
        Refusal{"NotAParticipant", kAgent1, kRingingAt1002, kCallId, action("ANSWER"), 401,
                "Invalid Authorization User Specified", "1001"},
        Refusal{"AnswerWhileTalking", kAgent1, kTalking, kCallId, action("ANSWER"), 400, "Invalid State",
                "requestedAction"},
        Refusal{"HoldWhileRinging", kAgent1, kRinging, kCallId, action("HOLD"), 400, "Invalid State",
                "requestedAction"},
        Refusal{"DropWhileRinging", kAgent1, kRinging, kCallId, action("DROP"), 400, "Invalid State",
                "requestedAction"},
        Refusal{"RetrieveWhileTalking", kAgent1, kTalking, kCallId, action("RETRIEVE"), 400, "Invalid State",
                "requestedAction"},
        Refusal{"HoldWhileHeld", kAgent1, kHeld, kCallId, action("HOLD"), 400, "Invalid State", "requestedAction"},
        Refusal{"BodyWrongRoot", kAgent1, kRinging, kCallId, "<User><requestedAction>ANSWER</requestedAction></User>",
                400, "Invalid Input", "User"},
        Refusal{"AdministratorCannotDropAnAgentsCall", "admin:pwa", kTalking, kCallId, action("DROP"), 401,
                "Authorization Failure", "admin"}),
    [](const auto& info) { return info.param.name; });

TEST_F(DialogActionFixture, UnknownActionHasTheGuidesMessage) {
  hold();
  auto unknown = put_dialog(kAgent1, kCallId, action("FLY"));
  EXPECT_EQ(error_message(unknown), "Invalid 'requestedAction' specified for dialog");
}

TEST_F(DialogActionFixture, NoCtiLinkIs503) {
  ring();
  cti.up = false;
  auto r = put_dialog(kAgent1, kCallId, action("ANSWER"));
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_TRUE(cti.sent.empty());
}

// The expected requests, spelled out field by field rather than through the code under test.
template <class Request>
cti::Message on_connection(const std::string& device) {
  Request request;
  request.connection_call_id = kCall;
  request.connection_device_id_type = cti::ConnectionIdType::Static;
  request.connection_device_id = device;
  request.agent_instrument = device;
  cti::Message message(std::move(request));
  return message;
}

cti::Message retrieve(const std::string& device) {
  cti::RetrieveCallReq request;
  request.held_connection_call_id = kCall;
  request.held_connection_device_id_type = cti::ConnectionIdType::Static;
  request.held_connection_device_id = device;
  request.agent_instrument = device;
  cti::Message message(std::move(request));
  return message;
}

template <class JoinReq>
cti::Message join(const std::string& device) {
  JoinReq request;
  request.active_connection_call_id = kConsult;
  request.held_connection_call_id = kCall;
  request.active_connection_device_id_type = cti::ConnectionIdType::Static;
  request.held_connection_device_id_type = cti::ConnectionIdType::Static;
  request.active_connection_device_id = device;
  request.held_connection_device_id = device;
  request.agent_instrument = device;
  cti::Message message(std::move(request));
  return message;
}

cti::Message consult_to(const std::string& to) {
  cti::ConsultationCallReq request;
  request.active_connection_call_id = kCall;
  request.active_connection_device_id_type = cti::ConnectionIdType::Static;
  request.active_connection_device_id = "1001";
  request.consult_type = 0;  // UNSPECIFIED: 8.5 chooses transfer or conference later
  request.dialed_number = to;
  request.agent_instrument = "1001";
  cti::Message message(std::move(request));
  return message;
}

cti::Message end_monitor() {
  cti::SuperviseCallReq request;
  request.supervisory_action = cti::SupervisoryAction::Clear;
  request.supervisor_instrument = "2001";
  request.supervisor_connection_call_id = kMonitor;
  request.supervisor_connection_device_id_type = cti::ConnectionIdType::Static;
  request.supervisor_connection_device_id = "2001";
  cti::Message message(std::move(request));
  return message;
}

cti::Message call_data(std::uint32_t call, const std::string& device, std::optional<std::string> wrap_up,
                       std::size_t variable, std::string value) {
  cti::SetCallDataReq request;
  request.connection_call_id = call;
  request.connection_device_id_type = cti::ConnectionIdType::Static;
  request.connection_device_id = device;
  request.call_wrapup_data = std::move(wrap_up);
  if (variable > 0) request.call_variables[variable - 1] = std::move(value);
  cti::Message message(std::move(request));
  return message;
}

struct Accepted {
  std::string name;
  std::string credentials;
  Setup setup;
  std::string body;
  cti::Message expected;
  std::string dialog = std::to_string(kCall);
};

class PutDialogActions : public DialogActionFixture, public ::testing::WithParamInterface<Accepted> {};

TEST_P(PutDialogActions, SendTheExactRequestAndAnswer202) {
  const auto& row = GetParam();
  row.setup(*this);
  auto r = put_dialog(row.credentials, row.dialog, row.body);
  EXPECT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.body, "");
  ASSERT_EQ(cti.sent.size(), 1u);
  EXPECT_TRUE(cti.sent[0].request == row.expected) << "request index " << cti.sent[0].request.index()
                                                    << ", expected index " << row.expected.index();
}

const Setup kSupervisorRinging = [](DialogActionFixture& f) { f.ring("2001"); };

INSTANTIATE_TEST_SUITE_P(
    Table, PutDialogActions,
    ::testing::Values(
        Accepted{"AnswerRinging", kAgent1, kRinging, action("ANSWER"), on_connection<cti::AnswerCallReq>("1001")},
        Accepted{"ActionNameIgnoresCase", kAgent1, kRinging, action("answer"),
                 on_connection<cti::AnswerCallReq>("1001")},
        Accepted{"HoldTalking", kAgent1, kTalking, action("HOLD"), on_connection<cti::HoldCallReq>("1001")},
        Accepted{"RetrieveHeld", kAgent1, kHeld, action("RETRIEVE"), retrieve("1001")},
        Accepted{"DropTalking", kAgent1, kTalking, action("DROP"), on_connection<cti::ClearConnectionReq>("1001")},
        Accepted{"DropHeld", kAgent1, kHeld, action("DROP"), on_connection<cti::ClearConnectionReq>("1001")},
        Accepted{"SupervisorAnswersTheirOwnCall", "super:pws", kSupervisorRinging, action("ANSWER", "2001"),
                 on_connection<cti::AnswerCallReq>("2001")},
        Accepted{"ConsultFromTheActiveCall", kAgent1, kTalking,
                 dialog_body("<requestedAction>CONSULT_CALL</requestedAction><toAddress>1002</toAddress>"
                             "<targetMediaAddress>1001</targetMediaAddress>"),
                 consult_to("1002")},
        // DECISIONS.md 13: TRANSFER and CONFERENCE act on the held, original dialog.
        Accepted{"TransferTheHeldCallToTheConsulted", kAgent1, kConsulting, action("TRANSFER"),
                 join<cti::TransferCallReq>("1001")},
        Accepted{"ConferenceTheHeldCallWithTheConsulted", kAgent1, kConsulting, action("conference"),
                 join<cti::ConferenceCallReq>("1001")},
        Accepted{"UpdateCallDataOnTheActiveCall", kAgent1, kTalking,
                 dialog_body("<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><callvariables>"
                             "<CallVariable><name>callVariable3</name><value>gold</value></CallVariable>"
                             "</callvariables></mediaProperties>"),
                 call_data(kCall, "1001", std::nullopt, 3, "gold")},
        Accepted{"UpdateCallDataOnTheHeldCall", kAgent1, kHeld,
                 dialog_body("<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>"
                             "Sold</wrapUpReason></mediaProperties>"),
                 call_data(kCall, "1001", "Sold", 0, "")},
        Accepted{"SupervisorEndsTheirSilentMonitor", "super:pws", kMonitored, action("DROP", "2001"), end_monitor(),
                 std::to_string(kMonitor)},
        Accepted{"AdministratorEndsAnySilentMonitor", "admin:pwa", kMonitored, action("DROP", "2001"), end_monitor(),
                 std::to_string(kMonitor)}),
    [](const auto& info) { return info.param.name; });

// 3.2.2 "Dialog CTI Error Notification (if a CTI error occurs)": on the caller's Dialogs node,
// naming the dialog and CTI's error code and name.
TEST_F(DialogActionFixture, CtiRefusalAfterThe202IsADialogCtiError) {
  ring();
  ASSERT_EQ(put_dialog(kAgent1, kCallId, action("ANSWER")).status, 202);
  sink.take();
  cti.fail(0, 12, "CF_NO_CALL_TO_ANSWER");
  const auto published = sink.take();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].node, "/finesse/api/User/1001/Dialogs");
  EXPECT_EQ(published[0].source, "/finesse/api/Dialog/700");
  EXPECT_EQ(text_at(published[0].payload_xml, "/Update/data/apiErrors/apiError/errorData"), "12");
  EXPECT_EQ(text_at(published[0].payload_xml, "/Update/data/apiErrors/apiError/errorMessage"), "CF_NO_CALL_TO_ANSWER");
}

// 7.3: the requestId header comes back on the 202 and in the notification the request causes.
TEST_F(DialogActionFixture, RequestIdIsEchoedAndCarriedIntoTheResultingDialogNotification) {
  ring();
  sink.take();
  auto r = call(http::Method::Put, "/finesse/api/Dialog/" + kCallId, kAgent1, action("ANSWER"), "req-42");
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_THAT(r.headers, ::testing::Contains(std::pair<std::string, std::string>("requestId", "req-42")));
  desk.apply(desk::test::established(kCall, desk::test::kCaller, "1001"));
  const auto published = sink.take();
  ASSERT_FALSE(published.empty());
  EXPECT_EQ(published[0].node, "/finesse/api/User/1001/Dialogs");
  EXPECT_EQ(published[0].request_id, "req-42");
  EXPECT_EQ(text_at(published[0].payload_xml, "/Update/requestId"), "req-42");
  // The next, unsolicited change carries none.
  desk.apply(desk::test::held(kCall, "1001"));
  const auto later = sink.take();
  ASSERT_FALSE(later.empty());
  EXPECT_EQ(text_at(later[0].payload_xml, "/Update/requestId"), "");
}

TEST_F(DialogActionFixture, RequestIdGoesIntoTheCtiErrorNotification) {
  ring();
  ASSERT_EQ(call(http::Method::Put, "/finesse/api/Dialog/" + kCallId, kAgent1, action("ANSWER"), "r-7").status, 202);
  sink.take();
  cti.fail(0, 12, "CF_NO_CALL_TO_ANSWER");
  const auto published = sink.take();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(text_at(published[0].payload_xml, "/Update/requestId"), "r-7");
}

TEST_F(DialogActionFixture, OverlongRequestIdIs400AndSendsNothing) {
  ring();
  auto r = call(http::Method::Put, "/finesse/api/Dialog/" + kCallId, kAgent1, action("ANSWER"), std::string(257, 'x'));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(error_data(r), "requestId");
  EXPECT_TRUE(cti.sent.empty());
}

TEST_F(DialogActionFixture, CtiConfirmationPublishesNothingByItself) {
  ring();
  ASSERT_EQ(put_dialog(kAgent1, kCallId, action("ANSWER")).status, 202);
  sink.take();
  cti::AnswerCallConf conf;
  cti::Message message(std::move(conf));
  cti.sent.at(0).done(cti::client::RequestResult(std::move(message)));
  EXPECT_TRUE(sink.take().empty());
}

}  // namespace
}  // namespace fgw::testing
