#include <gtest/gtest.h>

#include "tests/unit/api_config/config_api_fixture.hpp"

namespace fgw::test {
namespace {

constexpr const char* kPath = "/finesseconfig/api/SystemConfig";
using http::error_type::kInvalidInput;
using http::error_type::kParameterMissing;

std::string system_config(const std::string& cti_fields) {
  return "<SystemConfig><cti>" + cti_fields + "</cti></SystemConfig>";
}

class SystemConfigApi : public ConfigApiTest {};

TEST_F(SystemConfigApi, DefaultsBeforeAnySet) {
  const auto response = get(kPath, admin());
  ASSERT_EQ(response.status, 200);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(response.body.c_str()));
  const auto root = doc.child("SystemConfig");
  EXPECT_STREQ(root.child_value("uri"), "/finesseconfig/api/SystemConfig");
  EXPECT_STREQ(root.child("cti").child_value("host"), "localhost");
  EXPECT_STREQ(root.child("cti").child_value("port"), "42027");
  EXPECT_STREQ(root.child("cti").child_value("peripheralId"), "5000");
  EXPECT_STREQ(root.child("cti").child_value("backupHost"), "");
}

TEST_F(SystemConfigApi, SetThenGetRoundTripsInGuideOrder) {
  const auto body = system_config(
      "<host>10.1.1.1</host><port>42027</port><backupHost>10.1.1.2</backupHost><backupPort>42028</backupPort>"
      "<peripheralId>5000</peripheralId>");
  ASSERT_EQ(put(kPath, body).status, 200);
  EXPECT_EQ(get(kPath, admin()).body,
            R"(<?xml version="1.0" encoding="UTF-8"?><SystemConfig><uri>/finesseconfig/api/SystemConfig</uri><cti>)"
            "<host>10.1.1.1</host><port>42027</port><backupHost>10.1.1.2</backupHost><backupPort>42028</backupPort>"
            "<peripheralId>5000</peripheralId></cti></SystemConfig>");
}

TEST_F(SystemConfigApi, PutWithoutBackupRemovesIt) {
  ASSERT_EQ(put(kPath, system_config("<host>a</host><port>1</port><backupHost>b</backupHost><backupPort>2</backupPort>"
                                     "<peripheralId>7</peripheralId>"))
                .status,
            200);
  ASSERT_EQ(put(kPath, system_config("<host>a</host><port>1</port><peripheralId>7</peripheralId>")).status, 200);
  EXPECT_FALSE(store_->system_config().backup_host.has_value());
  EXPECT_FALSE(store_->system_config().backup_port.has_value());
}

TEST_F(SystemConfigApi, GetBodyCanBePutBack) {
  const auto before = dump_store();
  auto body = get(kPath, admin()).body;
  ASSERT_EQ(put(kPath, body).status, 200) << body;
  EXPECT_EQ(dump_store(), before);
}

TEST_F(SystemConfigApi, RepeatedTagLastWins) {
  ASSERT_EQ(put(kPath, system_config("<host>first</host><port>1</port><peripheralId>7</peripheralId><host>second</host>")).status, 200);
  EXPECT_EQ(store_->system_config().host, "second");
}

TEST_F(SystemConfigApi, RejectionsLeaveTheStoreUnchanged) {
  const std::string ok_tail = "<peripheralId>5000</peripheralId>";
  const std::vector<Rejection> table = {
      {"empty body", "", 400, kParameterMissing, missing("SystemConfig"), "SystemConfig"},
      {"no cti", "<SystemConfig/>", 400, kParameterMissing, missing("cti"), "cti"},
      {"no host", system_config("<port>42027</port>" + ok_tail), 400, kParameterMissing, missing("host"), "host"},
      {"no port", system_config("<host>h</host>" + ok_tail), 400, kParameterMissing, missing("port"), "port"},
      {"no peripheralId", system_config("<host>h</host><port>1</port>"), 400, kParameterMissing, missing("peripheralId"), "peripheralId"},
      {"empty host", system_config("<host></host><port>1</port>" + ok_tail), 400, kInvalidInput, "host", ""},
      {"host with underscore", system_config("<host>cti_a</host><port>1</port>" + ok_tail), 400, kInvalidInput, "host", "cti_a"},
      {"host with space", system_config("<host>a b</host><port>1</port>" + ok_tail), 400, kInvalidInput, "host", "a b"},
      {"port 0", system_config("<host>h</host><port>0</port>" + ok_tail), 400, kInvalidInput, "port", "0"},
      {"port 65536", system_config("<host>h</host><port>65536</port>" + ok_tail), 400, kInvalidInput, "port", "65536"},
      {"port not a number", system_config("<host>h</host><port>4x</port>" + ok_tail), 400, kInvalidInput, "port", "4x"},
      {"peripheralId 0", system_config("<host>h</host><port>1</port><peripheralId>0</peripheralId>"), 400, kInvalidInput, "peripheralId", "0"},
      {"peripheralId 32768", system_config("<host>h</host><port>1</port><peripheralId>32768</peripheralId>"), 400, kInvalidInput, "peripheralId", "32768"},
      {"backupHost alone", system_config("<host>h</host><port>1</port><backupHost>b</backupHost>" + ok_tail), 400, kParameterMissing, missing("backupPort"), "backupPort"},
      {"backupPort alone", system_config("<host>h</host><port>1</port><backupPort>2</backupPort>" + ok_tail), 400, kParameterMissing, missing("backupHost"), "backupHost"},
      {"backupHost equals host", system_config("<host>h</host><port>1</port><backupHost>H</backupHost><backupPort>2</backupPort>" + ok_tail), 400, kInvalidInput, "backupHost", "H"},
      {"bad backupHost", system_config("<host>h</host><port>1</port><backupHost>b!</backupHost><backupPort>2</backupPort>" + ok_tail), 400, kInvalidInput, "backupHost", "b!"},
      {"backupPort 65536", system_config("<host>h</host><port>1</port><backupHost>b</backupHost><backupPort>65536</backupPort>" + ok_tail), 400, kInvalidInput, "backupPort", "65536"},
  };
  ASSERT_EQ(put(kPath, system_config("<host>keep</host><port>9</port>" + ok_tail)).status, 200);
  const auto before = dump_store();
  for (const auto& row : table) EXPECT_REJECTED(put(kPath, row.body), row, before);
}

TEST_F(SystemConfigApi, MalformedXmlIsInvalidInput) {
  const auto before = dump_store();
  const auto response = put(kPath, "<SystemConfig><cti>");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(parse_error(response.body)->type, kInvalidInput);
  EXPECT_EQ(dump_store(), before);
}

TEST_F(SystemConfigApi, NonAdministratorsAreRefused) {
  for (const char* id : {"1001", "2001"}) {
    const auto response = get(kPath, as(id));
    EXPECT_EQ(response.status, 401) << id;
    EXPECT_EQ(parse_error(response.body)->type, http::error_type::kAuthorizationFailure);
  }
  const auto before = dump_store();
  EXPECT_EQ(call(http::Method::Put, kPath, agent(), system_config("<host>x</host><port>1</port><peripheralId>1</peripheralId>")).status, 401);
  EXPECT_EQ(dump_store(), before);
}

}  // namespace
}  // namespace fgw::test
