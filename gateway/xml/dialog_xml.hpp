#pragma once
// The Dialog object (guide 3.1.3, 3.2.1) and the Dialogs list. The values are plain structs that
// the desk fills in and keeps as its model: this library may not depend on the desk.
//
// Element names follow the object definition, in camel case where the guide spells a name two
// ways (DECISIONS.md 6): callVariables, participants, dialedNumber.

#include <pugixml.hpp>
#include <string>
#include <vector>

namespace fgw::xml {

struct CallVariable {
  std::string name;  // callVariable1..10, or an ECC name such as user.acct or user.years[2]
  std::string value;
  bool operator==(const CallVariable&) const = default;
};

struct MediaProperties {
  std::string dialed_number;
  std::string call_type;  // guide 5.4 callType
  std::string dnis;
  std::string wrap_up_reason;
  std::vector<CallVariable> call_variables;  // callVariable1..10 in order, then ECC variables
  bool operator==(const MediaProperties&) const = default;
};

struct Participant {
  std::string media_address;
  std::string state;        // guide 5.4.3
  std::string state_cause;  // BUSY, BAD_DESTINATION, OTHER; empty unless FAILED
  std::vector<std::string> actions;
  bool operator==(const Participant&) const = default;
};

struct Dialog {
  std::string id;  // the CTI call id
  std::string media_type = "Voice";
  std::string state;  // guide 5.4.1
  std::string from_address;
  std::string to_address;
  MediaProperties media_properties;
  std::vector<Participant> participants;
  bool operator==(const Dialog&) const = default;
};

std::string dialog_uri(const std::string& dialog_id);  // /finesse/api/Dialog/{id}

void append_dialog(pugi::xml_node parent, const Dialog& dialog);
std::string render_dialog(const Dialog& dialog);
std::string render_dialogs(const std::vector<Dialog>& dialogs);

}  // namespace fgw::xml
