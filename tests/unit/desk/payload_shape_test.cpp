// Payload shapes against the samples of guide section 7: element names and nesting.
#include "desk_support.hpp"

namespace fgw::desk::test {
namespace {

std::vector<std::string> child_names(pugi::xml_node node) {
  std::vector<std::string> names;
  for (auto child : node.children()) names.emplace_back(child.name());
  return names;
}

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(xml.c_str())) << xml;
  EXPECT_EQ(xml.find("<?xml"), std::string::npos) << "a pubsub item carries no XML declaration";
  return doc;
}

using Names = std::vector<std::string>;

// 7.2.1
TEST(PayloadShape, UserNotification) {
  LiveModel model(directory());
  const auto n = model.apply(agent_state("1001", cti::AgentState::NotReady)).at(0);
  const auto doc = parse(n.payload_xml);
  const auto update = doc.child("Update");
  EXPECT_EQ(child_names(update), (Names{"event", "source", "requestId", "data"}));
  EXPECT_STREQ(update.child("event").text().get(), "PUT");
  EXPECT_STREQ(update.child("source").text().get(), "/finesse/api/User/1001");
  const auto user = update.child("data").child("user");
  EXPECT_EQ(child_names(user), (Names{"uri", "roles", "loginId", "loginName", "state", "pendingState", "extension",
                                      "firstName", "lastName", "teamId", "teamName", "dialogs", "teams"}));
  EXPECT_STREQ(user.child("state").text().get(), "NOT_READY");
  EXPECT_STREQ(user.child("extension").text().get(), "1001");
  EXPECT_STREQ(user.child("teamName").text().get(), "Sales");
}

// 7.2.4
TEST(PayloadShape, TeamNotification) {
  LiveModel model(directory());
  const auto n = model.apply(agent_state("1001", cti::AgentState::Available)).at(1);
  const auto doc = parse(n.payload_xml);
  const auto update = doc.child("Update");
  EXPECT_EQ(child_names(update), (Names{"event", "source", "requestId", "data"}));
  const auto user = update.child("data").child("user");
  EXPECT_EQ(child_names(user), (Names{"uri", "loginId", "firstName", "lastName", "state"}));
  EXPECT_STREQ(user.child("uri").text().get(), "/finesse/api/User/1001");
  EXPECT_STREQ(user.child("firstName").text().get(), "Ann");
  EXPECT_STREQ(user.child("state").text().get(), "READY");
}

// 7.2.2 with the Dialog object of 3.1.3.
TEST(PayloadShape, DialogNotification) {
  auto model = model_with_signed_in({"1001"});
  auto begin = begin_call(700, kCaller, cti::CallType::AcdIn);
  begin.dnis = "2000";
  begin.dialed_number = "6000";
  begin.call_variables[0] = "Chuck Smith";
  begin.named_arrays = {{0, "user.years", "1985"}};
  model.apply(begin);
  const auto n = model.apply(delivered(700, kCaller, "1001")).at(0);
  const auto doc = parse(n.payload_xml);
  const auto update = doc.child("Update");
  EXPECT_EQ(child_names(update), (Names{"data", "event", "requestId", "source"}));
  EXPECT_STREQ(update.child("event").text().get(), "POST");
  EXPECT_STREQ(update.child("source").text().get(), "/finesse/api/User/1001/Dialogs");
  const auto dialog = update.child("data").child("dialogs").child("Dialog");
  EXPECT_EQ(child_names(dialog),
            (Names{"uri", "mediaType", "state", "fromAddress", "toAddress", "mediaProperties", "participants"}));
  EXPECT_STREQ(dialog.child("uri").text().get(), "/finesse/api/Dialog/700");
  EXPECT_STREQ(dialog.child("mediaType").text().get(), "Voice");
  EXPECT_STREQ(dialog.child("fromAddress").text().get(), kCaller);
  EXPECT_STREQ(dialog.child("toAddress").text().get(), "6000");
  const auto properties = dialog.child("mediaProperties");
  EXPECT_EQ(child_names(properties), (Names{"dialedNumber", "callType", "DNIS", "wrapUpReason", "callVariables"}));
  EXPECT_STREQ(properties.child("DNIS").text().get(), "2000");
  EXPECT_STREQ(properties.child("callType").text().get(), "ACD_IN");
  const auto variables = properties.child("callVariables");
  EXPECT_EQ(child_names(variables), Names(11, "CallVariable"));
  const auto first = variables.child("CallVariable");
  EXPECT_EQ(child_names(first), (Names{"name", "value"}));
  EXPECT_STREQ(first.child("value").text().get(), "Chuck Smith");
  EXPECT_STREQ(variables.last_child().child("name").text().get(), "user.years[0]");
  const auto participant = dialog.child("participants").child("Participant");
  EXPECT_EQ(child_names(participant), (Names{"mediaAddress", "state", "stateCause", "actions"}));
  EXPECT_EQ(child_names(participant.child("actions")), (Names{"action", "action"}));
}

// 7.2.3
TEST(PayloadShape, DialogCtiErrorNotification) {
  const auto n = LiveModel::cti_error("1001", "12345", 34, "CF_RESOURCE_OUT_OF_SERVICE", "req-9");
  EXPECT_EQ(n.node, "/finesse/api/User/1001/Dialogs");
  EXPECT_EQ(n.source, "/finesse/api/Dialog/12345");
  EXPECT_EQ(n.event_method, "PUT");
  EXPECT_EQ(n.request_id, "req-9");
  const auto doc = parse(n.payload_xml);
  const auto update = doc.child("Update");
  EXPECT_EQ(child_names(update), (Names{"data", "event", "requestId", "source"}));
  EXPECT_STREQ(update.child("requestId").text().get(), "req-9");
  EXPECT_STREQ(update.child("source").text().get(), "/finesse/api/Dialog/12345");
  const auto error = update.child("data").child("apiErrors").child("apiError");
  EXPECT_EQ(child_names(error), (Names{"errorData", "errorMessage", "errorType"}));
  EXPECT_STREQ(error.child("errorData").text().get(), "34");
  EXPECT_STREQ(error.child("errorMessage").text().get(), "CF_RESOURCE_OUT_OF_SERVICE");
  EXPECT_STREQ(error.child("errorType").text().get(), "Call Operation Failure");
}

}  // namespace
}  // namespace fgw::desk::test
