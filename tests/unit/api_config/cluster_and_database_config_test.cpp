#include <gtest/gtest.h>

#include "tests/unit/api_config/config_api_fixture.hpp"

namespace fgw::test {
namespace {

using http::error_type::kInvalidInput;
using http::error_type::kParameterMissing;

constexpr const char* kCluster = "/finesseconfig/api/ClusterConfig";
constexpr const char* kDatabase = "/finesseconfig/api/EnterpriseDatabaseConfig";

class ClusterConfigApi : public ConfigApiTest {};
class DatabaseConfigApi : public ConfigApiTest {};

std::string cluster(const std::string& inner) { return "<ClusterConfig>" + inner + "</ClusterConfig>"; }

TEST_F(ClusterConfigApi, SetGetAndRemove) {
  EXPECT_EQ(get(kCluster, admin()).body,
            R"(<?xml version="1.0" encoding="UTF-8"?><ClusterConfig><uri>/finesseconfig/api/ClusterConfig</uri>)"
            "<secondaryNode><host></host></secondaryNode></ClusterConfig>");
  ASSERT_EQ(put(kCluster, cluster("<secondaryNode><host>10.1.1.1</host></secondaryNode>")).status, 200);
  EXPECT_NE(get(kCluster, admin()).body.find("<host>10.1.1.1</host>"), std::string::npos);
  for (const char* removal : {"<secondaryNode><host></host></secondaryNode>", "<secondaryNode/>", ""}) {
    ASSERT_EQ(put(kCluster, cluster("<secondaryNode><host>b</host></secondaryNode>")).status, 200);
    ASSERT_EQ(put(kCluster, cluster(removal)).status, 200) << removal;
    EXPECT_EQ(store_->cluster_config().secondary_host, "") << removal;
  }
}

// A pair's config names the secondary until an administrator sets it (docs/operations.md).
TEST_F(ClusterConfigApi, APairsSecondaryIsReportedUntilAnAdministratorSetsOne) {
  daemon_config_.node.name = "primary";
  daemon_config_.node.peer_host = "gw-b.example.com";
  EXPECT_NE(get(kCluster, admin()).body.find("<secondaryNode><host>gw-b.example.com</host></secondaryNode>"),
            std::string::npos);
  ASSERT_EQ(put(kCluster, cluster("<secondaryNode><host>10.1.1.1</host></secondaryNode>")).status, 200);
  EXPECT_NE(get(kCluster, admin()).body.find("<host>10.1.1.1</host>"), std::string::npos);

  ASSERT_EQ(put(kCluster, cluster("")).status, 200);
  daemon_config_.node.name = "secondary";
  daemon_config_.node.host = "gw-b.example.com";
  daemon_config_.node.peer_component = "finesse-a.example.com";
  EXPECT_NE(get(kCluster, admin()).body.find("<secondaryNode><host>gw-b.example.com</host></secondaryNode>"),
            std::string::npos);  // on the secondary, the secondary is this node
}

TEST_F(ClusterConfigApi, Rejections) {
  ASSERT_EQ(put(kCluster, cluster("<secondaryNode><host>keep</host></secondaryNode>")).status, 200);
  const auto before = dump_store();
  const std::vector<Rejection> table = {
      {"bad host", cluster("<secondaryNode><host>a/b</host></secondaryNode>"), 400, kInvalidInput, "host", "a/b"},
      {"empty body", "", 400, kParameterMissing, missing("ClusterConfig"), "ClusterConfig"},
  };
  for (const auto& row : table) EXPECT_REJECTED(put(kCluster, row.body), row, before);
}

std::string database(const std::string& omit, const std::string& replace_with = {}) {
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"host", "10.1.1.1"}, {"backupHost", "10.1.1.2"}, {"port", "1433"}, {"databaseName", "ucce_awdb"},
      {"domain", "example.com"}, {"username", "Admin"}, {"password", "s3cret-Pa55"}};
  std::string body = "<EnterpriseDatabaseConfig>";
  for (const auto& [name, value] : fields) {
    if (name == omit) {
      body += replace_with;
      continue;
    }
    body += "<" + name + ">" + value + "</" + name + ">";
  }
  return body + "</EnterpriseDatabaseConfig>";
}

TEST_F(DatabaseConfigApi, RoundTripIncludingPassword) {
  ASSERT_EQ(put(kDatabase, database("")).status, 200);
  EXPECT_EQ(get(kDatabase, admin()).body,
            R"(<?xml version="1.0" encoding="UTF-8"?><EnterpriseDatabaseConfig><uri>/finesseconfig/api/EnterpriseDatabaseConfig</uri>)"
            "<host>10.1.1.1</host><backupHost>10.1.1.2</backupHost><port>1433</port><databaseName>ucce_awdb</databaseName>"
            "<domain>example.com</domain><username>Admin</username><password>s3cret-Pa55</password></EnterpriseDatabaseConfig>");
}

TEST_F(DatabaseConfigApi, AbsentBackupHostResetsToBlank) {
  ASSERT_EQ(put(kDatabase, database("")).status, 200);
  ASSERT_EQ(put(kDatabase, database("backupHost")).status, 200);
  EXPECT_EQ(store_->enterprise_database_config().backup_host, "");
}

TEST_F(DatabaseConfigApi, Rejections) {
  ASSERT_EQ(put(kDatabase, database("")).status, 200);
  const auto before = dump_store();
  std::vector<Rejection> table;
  for (const char* field : {"host", "port", "databaseName", "domain", "username", "password"})
    table.push_back({std::string("no ") + field, database(field), 400, kParameterMissing, missing(field), field});
  for (const char* field : {"databaseName", "domain", "username", "password"})
    table.push_back({std::string("empty ") + field, database(field, std::string("<") + field + "/>"), 400,
                     kParameterMissing, missing(field), field});
  table.push_back({"bad host", database("host", "<host>10.1.1.1:80</host>"), 400, kInvalidInput, "host", "10.1.1.1:80"});
  table.push_back({"empty host", database("host", "<host></host>"), 400, kInvalidInput, "host", ""});
  table.push_back({"bad backupHost", database("backupHost", "<backupHost>x y</backupHost>"), 400, kInvalidInput, "backupHost", "x y"});
  table.push_back({"port 0", database("port", "<port>0</port>"), 400, kInvalidInput, "port", "0"});
  table.push_back({"port 70000", database("port", "<port>70000</port>"), 400, kInvalidInput, "port", "70000"});
  for (const auto& row : table) EXPECT_REJECTED(put(kDatabase, row.body), row, before);
}

}  // namespace
}  // namespace fgw::test
