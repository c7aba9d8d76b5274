#pragma once
// HTTP Basic authentication against the directory (guide 1.1.1).
// - Accepts a user's id or login name.
// - Verified credentials are cached (keyed by a keyed BLAKE2b digest of the credentials, never the
//   password itself) for credential_cache_ttl, so a desktop polling steadily does not pay a
//   key-derivation per request.
// - Failures are counted per source address. Past failures_before_throttle within failure_window,
//   that source gets 429 for credentials that are not already in the cache. Throttling is keyed by
//   source, never by account, so an attacker cannot lock a user out; and a desktop whose
//   credentials are cached keeps working from a throttled address.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "config/daemon_config.hpp"
#include "config/directory.hpp"
#include "gateway/http/api_types.hpp"

namespace fgw::http {

struct AuthResult {
  enum class Outcome { Ok, Missing, Malformed, BadCredentials, Throttled } outcome = Outcome::Missing;
  std::optional<Principal> principal;
  std::string login_name;  // what the caller typed, for ErrorData (never the password)
  std::chrono::seconds retry_after{0};
};

class Authenticator {
 public:
  Authenticator(const config::Directory& directory, const config::AuthSettings& settings);
  ~Authenticator();
  AuthResult authenticate(const std::string& authorization_header, const std::string& remote_address);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

Principal principal_for(const config::User& user, const std::string& login_name);

}  // namespace fgw::http
