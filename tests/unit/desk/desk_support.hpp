#pragma once
// Shared by the desk tests: a small directory, CTI event builders that fill in what the desk
// reads, and a reader for notification payloads.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "config/directory.hpp"
#include "gateway/cti/message.hpp"
#include "gateway/desk/live_model.hpp"

namespace fgw::desk::test {

// Agents 1001 and 1002 (team 1), 1003 (team 2), supervisor 2001 of team 1. 5551000 is outside.
inline const char* kDirectory = R"(
[[team]]
id = "1"
name = "Sales"
[[team]]
id = "2"
name = "Support"
[[user]]
id = "1001"
login_name = "agent1"
password = "pw"
first_name = "Ann"
last_name = "One"
extension = "1001"
roles = ["Agent"]
team = "1"
[[user]]
id = "1002"
login_name = "agent2"
password = "pw"
first_name = "Bob"
last_name = "Two"
extension = "1002"
roles = ["Agent"]
team = "1"
[[user]]
id = "1003"
login_name = "agent3"
password = "pw"
extension = "1003"
roles = ["Agent"]
team = "2"
[[user]]
id = "2001"
login_name = "super"
password = "pw"
first_name = "Sue"
last_name = "Pervisor"
extension = "2001"
roles = ["Agent", "Supervisor"]
team = "1"
supervises = ["1"]
)";

inline const config::Directory& directory() {
  static const config::Directory d = config::Directory::parse(kDirectory, "desk-test", config::HashCost::Minimal);
  return d;
}

inline constexpr const char* kCaller = "5551000";

// ---- CTI events, as the simulator and a UCCE PG fill them in ----

inline cti::CallHeader header(std::uint32_t call_id) {
  cti::CallHeader h;
  h.connection_call_id = call_id;
  return h;
}

inline cti::AgentStateEvent agent_state(const std::string& agent, cti::AgentState state,
                                        std::optional<cti::AgentState> next = std::nullopt,
                                        std::uint16_t reason = 0) {
  cti::AgentStateEvent e;
  e.agent_state = state;
  e.agent_id = agent;
  e.agent_extension = agent;
  e.agent_instrument = agent;
  e.next_agent_state = next;
  e.event_reason_code = reason;
  return e;
}

inline cti::BeginCallEvent begin_call(std::uint32_t id, const std::string& caller, cti::CallType type) {
  cti::BeginCallEvent e;
  e.connection_call_id = id;
  e.call_type = type;
  e.connection_device_id = caller;
  e.ani = caller;
  return e;
}

inline cti::CallServiceInitiatedEvent service_initiated(std::uint32_t id, const std::string& device,
                                                        cti::EventCause cause = cti::EventCause::None) {
  cti::CallServiceInitiatedEvent e;
  e.call = header(id);
  e.connection_device_id = device;
  e.calling_device_id = device;
  e.event_cause = cause;
  return e;
}

inline cti::CallOriginatedEvent originated(std::uint32_t id, const std::string& caller, const std::string& called,
                                           cti::EventCause cause = cti::EventCause::None) {
  cti::CallOriginatedEvent e;
  e.call = header(id);
  e.connection_device_id = caller;
  e.calling_device_id = caller;
  e.called_device_id = called;
  e.event_cause = cause;
  return e;
}

inline cti::CallFailedEvent failed(std::uint32_t id, const std::string& caller, const std::string& called,
                                   cti::EventCause cause) {
  cti::CallFailedEvent e;
  e.call = header(id);
  e.connection_device_id = caller;
  e.failing_device_id = called;
  e.called_device_id = called;
  e.event_cause = cause;
  return e;
}

inline cti::CallDeliveredEvent delivered(std::uint32_t id, const std::string& caller, const std::string& alerting) {
  cti::CallDeliveredEvent e;
  e.call = header(id);
  e.connection_device_id = alerting;
  e.alerting_device_id = alerting;
  e.calling_device_id = caller;
  e.called_device_id = alerting;
  e.ani = caller;
  return e;
}

inline cti::CallEstablishedEvent established(std::uint32_t id, const std::string& caller, const std::string& answering,
                                             cti::EventCause cause = cti::EventCause::None) {
  cti::CallEstablishedEvent e;
  e.call = header(id);
  e.connection_device_id = answering;
  e.answering_device_id = answering;
  e.calling_device_id = caller;
  e.called_device_id = answering;
  e.event_cause = cause;
  return e;
}

template <class Event>
Event one_device(std::uint32_t id, const std::string& device) {
  Event e;
  e.call = header(id);
  e.connection_device_id = device;
  e.device_id = device;
  return e;
}
inline cti::CallHeldEvent held(std::uint32_t id, const std::string& d) { return one_device<cti::CallHeldEvent>(id, d); }
inline cti::CallRetrievedEvent retrieved(std::uint32_t id, const std::string& d) {
  return one_device<cti::CallRetrievedEvent>(id, d);
}
inline cti::CallConnectionClearedEvent connection_cleared(std::uint32_t id, const std::string& d) {
  return one_device<cti::CallConnectionClearedEvent>(id, d);
}

inline cti::CallClearedEvent cleared(std::uint32_t id) {
  cti::CallClearedEvent e;
  e.call = header(id);
  return e;
}

inline cti::EndCallEvent end_call(std::uint32_t id) {
  cti::EndCallEvent e;
  e.call = header(id);
  return e;
}

template <class Join>
Join join(std::uint32_t primary, std::uint32_t secondary, const std::string& first, const std::string& second,
          const std::vector<std::string>& parties) {
  Join e;
  e.primary_call_id = primary;
  e.secondary_call_id = secondary;
  e.first_device_id = first;
  e.second_device_id = second;
  for (const auto& p : parties) e.parties.push_back({primary, cti::ConnectionIdType::Static, p});
  return e;
}

// ---- reading what the desk published ----

struct Leg {
  std::string address;
  std::string state;
  std::string cause;
  std::vector<std::string> actions;
  bool operator==(const Leg&) const = default;
};

inline void PrintTo(const Leg& leg, std::ostream* os) {
  *os << leg.address << ":" << leg.state;
  if (!leg.cause.empty()) *os << "(" << leg.cause << ")";
  *os << "[";
  for (const auto& a : leg.actions) *os << a << " ";
  *os << "]";
}

// One dialog notification as the test sees it: to whom, what, and the dialog's content.
struct Seen {
  std::string user;  // from the node /finesse/api/User/{user}/Dialogs
  std::string method;
  std::string source;
  std::string dialog_id;
  std::string dialog_state;
  std::vector<Leg> legs;
  bool operator==(const Seen&) const = default;
};

inline void PrintTo(const Seen& s, std::ostream* os) {
  *os << s.method << " to " << s.user << " source " << s.source << " dialog " << s.dialog_id << " "
      << s.dialog_state << " {";
  for (const auto& leg : s.legs) {
    PrintTo(leg, os);
    *os << "; ";
  }
  *os << "}";
}

inline std::vector<std::string> texts(const pugi::xml_node& parent, const char* name) {
  std::vector<std::string> out;
  for (auto child : parent.children(name)) out.emplace_back(child.text().get());
  return out;
}

inline Seen read_dialog_notification(const Notification& n) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(n.payload_xml.c_str())) << n.payload_xml;
  auto update = doc.child("Update");
  auto dialog = update.child("data").child("dialogs").child("Dialog");
  Seen seen;
  const std::string prefix = "/finesse/api/User/";
  EXPECT_EQ(n.node.rfind(prefix, 0), 0u) << n.node;
  seen.user = n.node.substr(prefix.size(), n.node.size() - prefix.size() - std::string("/Dialogs").size());
  seen.method = n.event_method;
  seen.source = n.source;
  EXPECT_EQ(update.child("event").text().get(), n.event_method);
  EXPECT_EQ(update.child("source").text().get(), n.source);
  const std::string uri = dialog.child("uri").text().get();
  seen.dialog_id = uri.substr(uri.rfind('/') + 1);
  seen.dialog_state = dialog.child("state").text().get();
  for (auto p : dialog.child("participants").children("Participant")) {
    seen.legs.push_back({p.child("mediaAddress").text().get(), p.child("state").text().get(),
                         p.child("stateCause").text().get(), texts(p.child("actions"), "action")});
  }
  return seen;
}

inline std::vector<Seen> read_dialogs(const std::vector<Notification>& notifications) {
  std::vector<Seen> out;
  for (const auto& n : notifications) out.push_back(read_dialog_notification(n));
  return out;
}

// The expected view of a notification; source follows DECISIONS.md 14.
inline Seen expect(const std::string& user, const std::string& method, std::uint32_t dialog,
                   const std::string& dialog_state, std::vector<Leg> legs) {
  const std::string id = std::to_string(dialog);
  const std::string source = method == "PUT" ? "/finesse/api/Dialog/" + id : "/finesse/api/User/" + user + "/Dialogs";
  return {user, method, source, id, dialog_state, std::move(legs)};
}

// Participant actions of guide 5.4.3, by state.
inline const std::vector<std::string> kInitiatingActions{"DROP", "UPDATE_CALL_DATA"};
inline const std::vector<std::string> kAlertingActions{"ANSWER"};
inline const std::vector<std::string> kActiveActions{"HOLD", "DROP", "UPDATE_CALL_DATA", "CONSULT_CALL"};
inline const std::vector<std::string> kHeldActions{"RETRIEVE", "DROP", "UPDATE_CALL_DATA"};
inline const std::vector<std::string> kHeldWithActiveActions{"RETRIEVE", "DROP", "UPDATE_CALL_DATA", "TRANSFER",
                                                             "CONFERENCE"};
inline const std::vector<std::string> kFailedActions{"DROP"};
inline const std::vector<std::string> kMonitorActions{"DROP", "UPDATE_CALL_DATA"};

inline Leg initiating(const std::string& a) { return {a, "INITIATING", "", kInitiatingActions}; }
inline Leg initiated(const std::string& a) { return {a, "INITIATED", "", kInitiatingActions}; }
inline Leg alerting(const std::string& a) { return {a, "ALERTING", "", kAlertingActions}; }
inline Leg active(const std::string& a) { return {a, "ACTIVE", "", kActiveActions}; }
inline Leg held_leg(const std::string& a) { return {a, "HELD", "", kHeldActions}; }
inline Leg held_with_active(const std::string& a) { return {a, "HELD", "", kHeldWithActiveActions}; }
inline Leg dropped(const std::string& a) { return {a, "DROPPED", "", {}}; }
inline Leg failed_leg(const std::string& a, const std::string& cause) { return {a, "FAILED", cause, kFailedActions}; }
inline Leg monitoring(const std::string& a) { return {a, "SILENT_MONITOR", "", kMonitorActions}; }
inline Leg wrapping_up(const std::string& a) { return {a, "WRAP_UP", "", {"UPDATE_CALL_DATA"}}; }

// A model with the given agents signed in, their User notifications discarded.
inline LiveModel model_with_signed_in(const std::vector<std::string>& agents) {
  LiveModel model(directory());
  for (const auto& agent : agents) model.apply(agent_state(agent, cti::AgentState::NotReady));
  return model;
}

}  // namespace fgw::desk::test
