#include "gateway/http/authenticator.hpp"

#include <array>
#include <cctype>
#include <cstring>
#include <mutex>
#include <sodium.h>
#include <unordered_map>

namespace fgw::http {

namespace {

using Clock = std::chrono::steady_clock;

struct Credentials {
  std::string name;
  std::string password;
};

// "Basic <base64(name:password)>" -> Credentials; nullopt if malformed.
std::optional<Credentials> parse_basic(const std::string& header) {
  constexpr std::string_view kScheme = "basic ";
  if (header.size() <= kScheme.size()) return std::nullopt;
  for (size_t i = 0; i < kScheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(header[i])) != kScheme[i]) return std::nullopt;
  const auto b64 = header.substr(header.find_first_not_of(' ', kScheme.size()));
  std::string decoded(b64.size(), '\0');
  size_t decoded_len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(), b64.data(), b64.size(),
                        nullptr, &decoded_len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != b64.data() + b64.size())
    return std::nullopt;
  decoded.resize(decoded_len);
  const auto colon = decoded.find(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  return Credentials{decoded.substr(0, colon), decoded.substr(colon + 1)};
}

using Digest = std::array<unsigned char, crypto_generichash_BYTES>;

struct DigestHash {
  size_t operator()(const Digest& d) const noexcept {
    size_t h;
    std::memcpy(&h, d.data(), sizeof h);  // already uniformly distributed
    return h;
  }
};

struct CachedCredential {
  const config::User* user;
  Clock::time_point expires;
};

struct FailureCount {
  unsigned failures = 0;
  Clock::time_point window_start;
};

}  // namespace

Principal principal_for(const config::User& user, const std::string& login_name) {
  Principal p;
  p.user_id = user.id;
  p.login_name = login_name;
  p.is_agent = user.agent;
  p.is_supervisor = user.supervisor;
  p.is_administrator = user.administrator;
  p.supervised_teams = user.supervises;
  return p;
}

struct Authenticator::Impl {
  const config::Directory& directory;
  config::AuthSettings settings;
  std::array<unsigned char, crypto_generichash_KEYBYTES> cache_key{};  // per process: digests are useless elsewhere
  std::string decoy_hash;  // verified for unknown names, at the real cost, so timing reveals nothing

  std::mutex mutex;
  std::unordered_map<Digest, CachedCredential, DigestHash> cache;
  std::unordered_map<std::string, FailureCount> failures;

  Impl(const config::Directory& d, const config::AuthSettings& s) : directory(d), settings(s) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    randombytes_buf(cache_key.data(), cache_key.size());
    const auto cost = settings.password_hash_cost == "minimal" ? config::HashCost::Minimal : config::HashCost::Interactive;
    decoy_hash = config::hash_password("decoy password", cost);
  }

  Digest digest_of(const std::string& header) const {
    Digest digest;
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(header.data()),
                       header.size(), cache_key.data(), cache_key.size());
    return digest;
  }

  const config::User* cached_user(const Digest& digest, Clock::time_point now) {
    std::lock_guard lock(mutex);
    auto it = cache.find(digest);
    if (it == cache.end()) return nullptr;
    if (it->second.expires <= now) {
      cache.erase(it);
      return nullptr;
    }
    return it->second.user;
  }

  void remember(const Digest& digest, const config::User* user, Clock::time_point now) {
    if (settings.credential_cache_size == 0 || settings.credential_cache_ttl.count() == 0) return;
    std::lock_guard lock(mutex);
    if (cache.size() >= settings.credential_cache_size) evict_expired(now);
    if (cache.size() >= settings.credential_cache_size) cache.erase(cache.begin());
    cache[digest] = {user, now + settings.credential_cache_ttl};
  }

  void evict_expired(Clock::time_point now) {
    for (auto it = cache.begin(); it != cache.end();)
      it = it->second.expires <= now ? cache.erase(it) : std::next(it);
  }

  // Seconds until `remote` may try again, or 0 if it is not throttled.
  std::chrono::seconds throttled_for(const std::string& remote, Clock::time_point now) {
    std::lock_guard lock(mutex);
    auto it = failures.find(remote);
    if (it == failures.end()) return std::chrono::seconds(0);
    const auto window_end = it->second.window_start + settings.failure_window;
    if (now >= window_end) {
      failures.erase(it);
      return std::chrono::seconds(0);
    }
    if (it->second.failures < settings.failures_before_throttle) return std::chrono::seconds(0);
    return std::chrono::ceil<std::chrono::seconds>(window_end - now);
  }

  void record_failure(const std::string& remote, Clock::time_point now) {
    std::lock_guard lock(mutex);
    // Bound the table: an address flood cannot grow it without limit.
    if (failures.size() > 100'000) failures.clear();
    auto& entry = failures[remote];
    if (entry.failures == 0 || now >= entry.window_start + settings.failure_window) entry = {0, now};
    ++entry.failures;
  }

  AuthResult fail(AuthResult::Outcome outcome, std::string login, const std::string& remote, Clock::time_point now) {
    record_failure(remote, now);
    AuthResult result;
    result.outcome = outcome;
    result.login_name = std::move(login);
    return result;
  }
};

Authenticator::Authenticator(const config::Directory& directory, const config::AuthSettings& settings)
    : impl_(std::make_unique<Impl>(directory, settings)) {}

Authenticator::~Authenticator() = default;

AuthResult Authenticator::authenticate(const std::string& header, const std::string& remote) {
  const auto now = Clock::now();
  AuthResult result;
  if (header.empty()) return result;  // Missing: not a failure, browsers probe without credentials

  const Digest digest = impl_->digest_of(header);
  auto credentials = parse_basic(header);
  if (const auto* user = impl_->cached_user(digest, now)) {
    result.outcome = AuthResult::Outcome::Ok;
    result.principal = principal_for(*user, credentials ? credentials->name : user->id);
    return result;
  }
  if (auto wait = impl_->throttled_for(remote, now); wait.count() > 0) {
    result.outcome = AuthResult::Outcome::Throttled;
    result.retry_after = wait;
    if (credentials) result.login_name = credentials->name;
    return result;
  }
  if (!credentials) return impl_->fail(AuthResult::Outcome::Malformed, "", remote, now);

  const auto* user = impl_->directory.find_by_id_or_login(credentials->name);
  // An unknown name still pays for one derivation, so response time does not reveal which names exist.
  const bool valid = config::verify_password(user ? user->password_hash : impl_->decoy_hash, credentials->password);
  if (!user || !valid) return impl_->fail(AuthResult::Outcome::BadCredentials, credentials->name, remote, now);

  impl_->remember(digest, user, now);
  result.outcome = AuthResult::Outcome::Ok;
  result.principal = principal_for(*user, credentials->name);
  return result;
}

}  // namespace fgw::http
