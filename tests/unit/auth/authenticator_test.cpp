#include <gtest/gtest.h>
#include <sodium.h>

#include <thread>

#include "config/directory.hpp"
#include "gateway/http/authenticator.hpp"

using fgw::config::Directory;
using fgw::config::HashCost;
using fgw::http::AuthResult;
using fgw::http::Authenticator;
using Outcome = fgw::http::AuthResult::Outcome;

namespace {

std::string basic(const std::string& credentials) {
  std::string out(sodium_base64_encoded_len(credentials.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(credentials.data()),
                    credentials.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return "Basic " + out;
}

class AuthenticatorTest : public ::testing::Test {
 protected:
  AuthenticatorTest()
      : directory(Directory::parse(R"(
[[user]]
id = "1001"
login_name = "jsmith"
password = "right"
roles = ["Agent"]
[[user]]
id = "9000"
login_name = "admin"
password = "adminpw"
roles = ["Administrator"]
)",
                                   "d", HashCost::Minimal)) {
    settings.password_hash_cost = "minimal";
    settings.failures_before_throttle = 3;
    settings.failure_window = std::chrono::seconds(60);
  }
  Directory directory;
  fgw::config::AuthSettings settings;
};

}  // namespace

TEST_F(AuthenticatorTest, AcceptsIdOrLoginName) {
  Authenticator auth(directory, settings);
  auto by_id = auth.authenticate(basic("1001:right"), "10.0.0.1");
  ASSERT_EQ(by_id.outcome, Outcome::Ok);
  EXPECT_EQ(by_id.principal->user_id, "1001");
  EXPECT_TRUE(by_id.principal->is_agent);
  auto by_login = auth.authenticate(basic("jsmith:right"), "10.0.0.1");
  ASSERT_EQ(by_login.outcome, Outcome::Ok);
  EXPECT_EQ(by_login.principal->user_id, "1001");
  EXPECT_EQ(by_login.principal->login_name, "jsmith");
}

struct BadHeaderCase {
  const char* name;
  std::string header;
  Outcome expected;
};

class AuthenticatorBadHeader : public AuthenticatorTest, public ::testing::WithParamInterface<BadHeaderCase> {};

TEST_P(AuthenticatorBadHeader, IsRejected) {
  Authenticator auth(directory, settings);
  auto result = auth.authenticate(GetParam().header, "10.0.0.2");
  EXPECT_EQ(result.outcome, GetParam().expected);
  EXPECT_FALSE(result.principal);
}

INSTANTIATE_TEST_SUITE_P(
    Table, AuthenticatorBadHeader,
    ::testing::Values(BadHeaderCase{"missing", "", Outcome::Missing},
                      BadHeaderCase{"wrong_scheme", "Bearer abc", Outcome::Malformed},
                      BadHeaderCase{"bad_base64", "Basic !!!not-base64!!!", Outcome::Malformed},
                      BadHeaderCase{"no_colon", basic("1001right"), Outcome::Malformed},
                      BadHeaderCase{"wrong_password", basic("1001:wrong"), Outcome::BadCredentials},
                      BadHeaderCase{"unknown_user", basic("nobody:right"), Outcome::BadCredentials},
                      BadHeaderCase{"empty_password", basic("1001:"), Outcome::BadCredentials}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(AuthenticatorTest, ErrorDataNamesTheLoginButNeverThePassword) {
  Authenticator auth(directory, settings);
  auto result = auth.authenticate(basic("jsmith:wrong"), "10.0.0.3");
  EXPECT_EQ(result.login_name, "jsmith");
}

TEST_F(AuthenticatorTest, ThrottlesASourceAfterRepeatedFailures) {
  Authenticator auth(directory, settings);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(auth.authenticate(basic("1001:wrong"), "10.0.0.4").outcome, Outcome::BadCredentials);
  auto throttled = auth.authenticate(basic("1001:right"), "10.0.0.4");
  EXPECT_EQ(throttled.outcome, Outcome::Throttled);
  EXPECT_GT(throttled.retry_after.count(), 0);
}

TEST_F(AuthenticatorTest, ThrottlingNeverLocksTheAccountOutFromElsewhere) {
  Authenticator auth(directory, settings);
  for (int i = 0; i < 10; ++i) auth.authenticate(basic("1001:wrong"), "10.6.6.6");
  EXPECT_EQ(auth.authenticate(basic("1001:right"), "10.0.0.5").outcome, Outcome::Ok);
}

TEST_F(AuthenticatorTest, CachedCredentialsStillWorkFromAThrottledSource) {
  // A contact centre behind one NAT address: an attacker there must not sign out the desktops.
  Authenticator auth(directory, settings);
  ASSERT_EQ(auth.authenticate(basic("1001:right"), "10.0.0.6").outcome, Outcome::Ok);
  for (int i = 0; i < 5; ++i) auth.authenticate(basic("admin:guess"), "10.0.0.6");
  EXPECT_EQ(auth.authenticate(basic("1001:right"), "10.0.0.6").outcome, Outcome::Ok);
  EXPECT_EQ(auth.authenticate(basic("admin:adminpw"), "10.0.0.6").outcome, Outcome::Throttled);
}

TEST_F(AuthenticatorTest, ThrottleEndsWithItsWindow) {
  settings.failure_window = std::chrono::seconds(1);
  Authenticator auth(directory, settings);
  for (int i = 0; i < 3; ++i) auth.authenticate(basic("1001:wrong"), "10.0.0.7");
  EXPECT_EQ(auth.authenticate(basic("1001:right"), "10.0.0.7").outcome, Outcome::Throttled);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(auth.authenticate(basic("1001:right"), "10.0.0.7").outcome, Outcome::Ok);
}

TEST_F(AuthenticatorTest, CacheDoesNotAcceptAWrongPasswordForACachedUser) {
  Authenticator auth(directory, settings);
  ASSERT_EQ(auth.authenticate(basic("1001:right"), "10.0.0.8").outcome, Outcome::Ok);
  EXPECT_EQ(auth.authenticate(basic("1001:wrong"), "10.0.0.8").outcome, Outcome::BadCredentials);
}

TEST_F(AuthenticatorTest, CacheMakesRepeatedVerificationCheap) {
  // Interactive-cost hashing takes tens of milliseconds; a cached check must not.
  settings.password_hash_cost = "interactive";
  auto d = Directory::parse("[[user]]\nid = \"1\"\npassword = \"pw\"\n", "d", HashCost::Interactive);
  Authenticator auth(d, settings);
  ASSERT_EQ(auth.authenticate(basic("1:pw"), "10.0.0.9").outcome, Outcome::Ok);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 100; ++i) ASSERT_EQ(auth.authenticate(basic("1:pw"), "10.0.0.9").outcome, Outcome::Ok);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::milliseconds(50));  // 100 derivations would take seconds
}
