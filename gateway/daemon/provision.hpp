#pragma once
// `finesse-gw provision`: creates the XMPP side of every directory user on ejabberd or Prosody,
// i.e. an account <id>@<xmpp.domain> with the user's password and a roster item
// finesse@<xmpp.component> (name "Finesse", group "Finesse", subscription both), which makes the
// server probe the gateway's 'finesse' entity at each login (the HA presence, see docs).
// Idempotent: an account that is already right is left alone. docs/provisioning.md has the
// operator's view, the timings and the choices made per server.

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "config/daemon_config.hpp"
#include "config/directory.hpp"

namespace fgw::daemon {

enum class XmppServerKind { ejabberd, prosody };
std::optional<XmppServerKind> parse_xmpp_server_kind(std::string_view name);

struct ProvisionAccount {
  std::string user;  // the JID's local part: the directory id (agents' JIDs are <loginId>@domain)
  std::string password;
};

struct ProvisionPlan {
  std::string domain;     // [xmpp] domain
  std::string component;  // [xmpp] component
  std::vector<ProvisionAccount> accounts;
  // Users that cannot be provisioned, with the reason (e.g. only a password_hash in the file:
  // the XMPP server needs the password itself).
  std::vector<std::string> skipped;
  std::string contact_jid() const { return "finesse@" + component; }
};

// A failed step, with the server's or the command's own message.
struct ProvisionError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Plain passwords come from the directory file's `password` keys: Directory keeps only hashes.
// `directory` (already validated) decides who the users are; `directory_toml` supplies passwords.
ProvisionPlan plan_provisioning(const config::XmppSettings& xmpp, const config::Directory& directory,
                                std::string_view directory_toml, const std::string& source_name);

// What --print shows: one ejabberdctl command per line (a shell script), or the prosodyctl shell
// script that --apply prosody feeds to `prosodyctl shell`.
std::string ejabberd_command_script(const ProvisionPlan& plan);
std::string prosody_shell_script(const ProvisionPlan& plan);

struct ApplyOptions {
  XmppServerKind kind = XmppServerKind::ejabberd;
  // Command prefix, split on blanks: "ejabberdctl", "prosodyctl", or a wrapper such as
  // "deploy/xmpp/xmpp-server.sh ctl var/xmpp". Defaults to the server's own ctl.
  std::string ctl_prefix;
  // ejabberd only: base URL of mod_http_api (e.g. http://127.0.0.1:5280/api). Much faster than
  // one ejabberdctl process per command (~1 s each); used instead of ctl_prefix when set.
  std::string api_url;
  std::chrono::seconds command_timeout{120};  // one ctl process / the whole prosodyctl shell run
  std::chrono::seconds http_timeout{30};      // one HTTP API request
};

struct ApplyReport {
  size_t created = 0;    // accounts that did not exist
  size_t updated = 0;    // existing accounts whose password or roster item was fixed
  size_t unchanged = 0;  // already right
  std::chrono::milliseconds elapsed{0};
};

// Throws ProvisionError on the first failing step.
ApplyReport apply_provisioning(const ProvisionPlan& plan, const ApplyOptions& options);

// The CLI: finesse-gw provision --config FILE (--print [ejabberd|prosody] |
//          --apply ejabberd|prosody [--ctl PREFIX] [--api URL]). argv[0] is "provision".
int provision_main(int argc, char** argv);

}  // namespace fgw::daemon
