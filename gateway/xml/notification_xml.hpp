#pragma once
// The <Update> payloads of the pubsub notifications (guide 7.2). Each comes without an XML
// declaration: it is published inside a pubsub <item>, where a declaration is not allowed.
// Event methods are upper case (DECISIONS.md 6). Element order follows each payload definition.

#include <string>

#include "config/directory.hpp"
#include "gateway/xml/dialog_xml.hpp"
#include "gateway/xml/system_info_xml.hpp"
#include "gateway/xml/user_xml.hpp"

namespace fgw::xml {

// 7.2.1: <event>, <source>/finesse/api/User/{id}, <requestId>, <data><user> full User object
// </user></data>. 7.2.1's sample has no <requestId>, but section 2's sample of the same
// notification does, and real Finesse sends it: clients correlate a PUT User with it too.
std::string render_user_update(const UserView& view, const config::Directory& directory);

// 7.2.4: the summary user (uri, loginId, firstName, lastName, state), source /finesse/api/User/{id}.
std::string render_team_user_update(const UserView& view, const std::string& request_id);

// 7.2.2: <data><dialogs><Dialog/></dialogs></data>, then <event>, <requestId>, <source>.
std::string render_dialog_update(const Dialog& dialog, const std::string& event_method, const std::string& source,
                                 const std::string& request_id);

// 7.2.3: a CTI failure of a call operation, source /finesse/api/Dialog/{id}, event PUT.
std::string render_cti_error_update(const std::string& dialog_id, const std::string& error_code,
                                    const std::string& error_name, const std::string& request_id);

// The SystemInfo object on /finesse/api/SystemInfo whenever the status changes, as later
// Finesse releases publish it (source /finesse/api/SystemInfo, event PUT).
std::string render_system_info_update(const SystemInfoView& view);

// `payload` (an <Update> of this file) with its <requestId> set to `request_id`.
std::string with_request_id(const std::string& payload, const std::string& request_id);

// An error notification on the User node: a user-state change that CTI refused after the 202.
// 8.5 defines error notifications for dialogs only (7.2.3); this one has the same <apiErrors>
// shape, errorType "Agent State Change Failure" and source /finesse/api/User/{id}
// (DECISIONS.md in docs/decisions.md).
std::string render_user_error_update(const std::string& user_id, const std::string& error_code,
                                     const std::string& error_name, const std::string& request_id);

}  // namespace fgw::xml
