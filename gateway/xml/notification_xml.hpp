#pragma once
// The <Update> payloads of the pubsub notifications (guide 7.2). Each comes without an XML
// declaration: it is published inside a pubsub <item>, where a declaration is not allowed.
// Event methods are upper case (DECISIONS.md 6). Element order follows each payload definition.

#include <string>

#include "config/directory.hpp"
#include "gateway/xml/dialog_xml.hpp"
#include "gateway/xml/user_xml.hpp"

namespace fgw::xml {

// 7.2.1: <event>, <source>/finesse/api/User/{id}, <data><user> full User object </user></data>.
std::string render_user_update(const UserView& view, const config::Directory& directory);

// 7.2.4: the summary user (uri, loginId, firstName, lastName, state), source /finesse/api/User/{id}.
std::string render_team_user_update(const UserView& view, const std::string& request_id);

// 7.2.2: <data><dialogs><Dialog/></dialogs></data>, then <event>, <requestId>, <source>.
std::string render_dialog_update(const Dialog& dialog, const std::string& event_method, const std::string& source,
                                 const std::string& request_id);

// 7.2.3: a CTI failure of a call operation, source /finesse/api/Dialog/{id}, event PUT.
std::string render_cti_error_update(const std::string& dialog_id, const std::string& error_code,
                                    const std::string& error_name, const std::string& request_id);

}  // namespace fgw::xml
