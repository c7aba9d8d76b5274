#pragma once
// The desk's live state as plain values: what LiveModel changes and what readers get a copy of.
// Its maps are CowMaps, so the copy the desk publishes after each change shares every shard the
// change did not touch (cow_map.hpp). Their iteration order is unspecified.
#include <cstdint>
#include <string>
#include <vector>

#include "gateway/desk/cow_map.hpp"
#include "gateway/xml/dialog_xml.hpp"
#include "gateway/xml/user_xml.hpp"

namespace fgw::desk {

// The live part of a User object: state, signed-in extension, pending state (guide 5.4, DECISIONS.md 11).
using AgentState = xml::UserStatus;

struct LiveUser {
  std::string id;       // loginId
  std::string team_id;  // from the directory; empty when the user has no team
  AgentState status;
  // The CTI reason code value of NOT_READY and LOGOUT (0 = none). The REST layer maps it to the
  // ReasonCode id (DECISIONS.md 8): the desk does not read the configuration store.
  std::uint16_t reason_code = 0;
  bool operator==(const LiveUser&) const = default;
};

using Dialog = xml::Dialog;
using Participant = xml::Participant;

// A user who receives a dialog's notifications, and the device through which they take part.
struct Recipient {
  std::string user_id;
  std::string device;
  bool operator==(const Recipient&) const = default;
};

struct CallRecord {
  Dialog dialog;                       // participants' actions are kept up to date
  std::vector<Recipient> recipients;   // in participant order
  bool supervisor_monitor = false;     // a silent monitor call (CallType SUPERVISOR_MONITOR)
  std::string monitored_device;        // its monitored agent, who is not told of it
  bool operator==(const CallRecord&) const = default;
};

struct LiveState {
  CowMap<std::string, LiveUser> users;      // by loginId; users CTI (or the API) reported
  CowMap<std::uint32_t, CallRecord> calls;  // by CTI ConnectionCallID
  bool operator==(const LiveState&) const = default;
};

}  // namespace fgw::desk
