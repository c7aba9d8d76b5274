#include <gtest/gtest.h>

#include "config/daemon_config.hpp"
#include "config/directory.hpp"

using fgw::config::ConfigError;
using fgw::config::Directory;
using fgw::config::HashCost;

namespace {

constexpr const char* kDirectory = R"(
[[team]]
id = "1"
name = "Sales"
[[team]]
id = "2"
[[route_point]]
dn = "6000"
[[user]]
id = "1001"
login_name = "jsmith"
password = "secret1"
first_name = "John"
last_name = "Smith"
extension = "1001"
roles = ["Agent"]
team = "1"
[[user]]
id = "2001"
login_name = "boss"
password = "secret2"
roles = ["Agent", "Supervisor"]
team = "1"
supervises = ["1", "2"]
)";

std::string error_of(const std::string& toml) {
  try {
    Directory::parse(toml, "dir.toml", HashCost::Minimal);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(Directory, LooksUpByIdAndLoginName) {
  auto d = Directory::parse(kDirectory, "dir.toml", HashCost::Minimal);
  ASSERT_NE(d.find_by_id("1001"), nullptr);
  EXPECT_EQ(d.find_by_id_or_login("jsmith"), d.find_by_id("1001"));
  EXPECT_EQ(d.find_by_id_or_login("nobody"), nullptr);
  EXPECT_EQ(d.find_team("2")->name, "2");  // a team without a name is named by its id
  EXPECT_EQ(d.team_members("1").size(), 2u);
  EXPECT_EQ(d.route_points().at(0).dn, "6000");
  EXPECT_TRUE(d.find_by_id("2001")->supervisor);
}

TEST(Directory, KeepsOnlyAHashOfEachPassword) {
  auto d = Directory::parse(kDirectory, "dir.toml", HashCost::Minimal);
  const auto& hash = d.find_by_id("1001")->password_hash;
  EXPECT_EQ(hash.find("secret1"), std::string::npos);
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(fgw::config::verify_password(hash, "secret1"));
  EXPECT_FALSE(fgw::config::verify_password(hash, "secret2"));
}

TEST(Directory, AcceptsAPrecomputedHash) {
  const auto hash = fgw::config::hash_password("pw", HashCost::Minimal);
  auto d = Directory::parse("[[user]]\nid = \"7\"\npassword_hash = \"" + hash + "\"\n", "d", HashCost::Minimal);
  EXPECT_TRUE(fgw::config::verify_password(d.find_by_id("7")->password_hash, "pw"));
}

struct BadDirectoryCase {
  std::string toml;
  std::string expected;
};

class BadDirectory : public ::testing::TestWithParam<BadDirectoryCase> {};

TEST_P(BadDirectory, ErrorNamesTheEntryAndKey) {
  EXPECT_NE(error_of(GetParam().toml).find(GetParam().expected), std::string::npos) << error_of(GetParam().toml);
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadDirectory,
    ::testing::Values(
        BadDirectoryCase{"[[user]]\npassword = \"x\"", "user[0].id: required"},
        BadDirectoryCase{"[[user]]\nid = \"1\"", "user[0].password: required"},
        BadDirectoryCase{"[[user]]\nid = \"1234567890123\"\npassword = \"x\"", "user[0].id: at most 12"},
        BadDirectoryCase{"[[user]]\nid = \"1\"\npassword = \"x\"\nroles = [\"Boss\"]", "user[0].roles: unknown role"},
        BadDirectoryCase{"[[user]]\nid = \"1\"\npassword = \"x\"\nteam = \"9\"", "user[0].team: no [[team]]"},
        BadDirectoryCase{"[[user]]\nid = \"1\"\npassword = \"x\"\n[[user]]\nid = \"1\"\npassword = \"y\"",
                         "user[1].id: duplicate"},
        BadDirectoryCase{"[[user]]\nid = \"1\"\npassword = \"x\"\npasword = \"typo\"", "user[0].pasword: unknown key"},
        BadDirectoryCase{"[[user]]\nid = \"1\"\npassword_hash = \"plain\"", "user[0].password_hash: expected"}),
    [](const auto& info) { return "case" + std::to_string(info.index); });
