#include <gtest/gtest.h>

#include "config/default_layout.hpp"
#include "tests/unit/api_config/config_api_fixture.hpp"

namespace fgw::test {
namespace {

using http::error_type::kInvalidInput;
using http::error_type::kParameterMissing;

constexpr const char* kLayout = "/finesseconfig/api/LayoutConfig/default";
constexpr const char* kMedia = "/finesseconfig/api/MediaPropertiesLayout/default";

const std::string kAgentLayout =
    R"(<finesseLayout xmlns="http://www.cisco.com/vtg/finesse"><layout><role>Agent</role><page>)"
    "<gadget>http://localhost/desktop/gadgets/CallControl.xml</gadget></page><tabs><tab><id>home</id><label>Home</label>"
    "<gadgets><gadget>http://localhost/desktop/gadgets/HelloWorld.xml</gadget></gadgets></tab></tabs></layout></finesseLayout>";

// The escaped-text form of DECISIONS.md 1, built with pugixml so the escaping is right.
std::string escaped_layout_body(const std::string& layout) {
  pugi::xml_document doc;
  doc.append_child("LayoutConfig").append_child("layoutxml").text().set(layout.c_str());
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  return out.str();
}

class LayoutConfigApi : public ConfigApiTest {};
class MediaPropertiesLayoutApi : public ConfigApiTest {};

TEST_F(LayoutConfigApi, DefaultLayoutIsServedAsEscapedText) {
  const auto response = get(kLayout, admin());
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("&lt;finesseLayout xmlns=\"http://www.cisco.com/vtg/finesse\"&gt;"), std::string::npos);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(response.body.c_str()));
  EXPECT_EQ(doc.child("LayoutConfig").child_value("layoutxml"), config::default_layout_xml());
  EXPECT_STREQ(doc.child("LayoutConfig").child_value("uri"), "/finesseconfig/api/LayoutConfig/default");
}

TEST_F(LayoutConfigApi, EscapedTextRoundTrips) {
  const std::string layout = R"(<?xml version="1.0" encoding="UTF-8"?>)" + kAgentLayout;
  ASSERT_EQ(put(kLayout, escaped_layout_body(layout)).status, 200);
  EXPECT_EQ(store_->layout_xml(), layout);
}

TEST_F(LayoutConfigApi, NestedMarkupIsAcceptedAndStoredAsText) {
  ASSERT_EQ(put(kLayout, "<LayoutConfig><layoutxml>" + kAgentLayout + "</layoutxml></LayoutConfig>").status, 200);
  pugi::xml_document stored;
  ASSERT_TRUE(stored.load_string(store_->layout_xml().c_str()));
  EXPECT_STREQ(stored.child("finesseLayout").child("layout").child_value("role"), "Agent");
  EXPECT_NE(store_->layout_xml().find("HelloWorld.xml"), std::string::npos);
}

// The guide's 4.4.2 example puts the layout, prolog included, straight inside <layoutxml>.
TEST_F(LayoutConfigApi, GuideStyleNestedMarkupWithPrologIsAccepted) {
  const auto body = R"(<LayoutConfig><layoutxml><?xml version="1.0" encoding="UTF-8"?>)" + kAgentLayout +
                    "</layoutxml></LayoutConfig>";
  ASSERT_EQ(put(kLayout, body).status, 200) << body;
  EXPECT_NE(store_->layout_xml().find("<role>Agent</role>"), std::string::npos);
}

TEST_F(LayoutConfigApi, Rejections) {
  const auto before = dump_store();
  auto invalid = [](const std::string& name, const std::string& layout) {
    return Rejection{name, escaped_layout_body(layout), 400, kInvalidInput, "layoutxml", ""};
  };
  const std::vector<Rejection> table = {
      {"no layoutxml", "<LayoutConfig/>", 400, kParameterMissing, missing("layoutxml"), "layoutxml"},
      {"empty layoutxml", "<LayoutConfig><layoutxml></layoutxml></LayoutConfig>", 400, kParameterMissing, missing("layoutxml"), "layoutxml"},
      invalid("not well-formed", "<finesseLayout><layout>"),
      invalid("wrong root", "<layouts><layout/></layouts>"),
      invalid("no layout", "<finesseLayout/>"),
      invalid("bad role", "<finesseLayout><layout><role>Boss</role><page/></layout></finesseLayout>"),
      invalid("no role", "<finesseLayout><layout><page/></layout></finesseLayout>"),
      invalid("no page", "<finesseLayout><layout><role>Agent</role></layout></finesseLayout>"),
      invalid("tab without id", "<finesseLayout><layout><role>Agent</role><page/><tabs><tab><label>H</label></tab></tabs></layout></finesseLayout>"),
      invalid("tab without label", "<finesseLayout><layout><role>Agent</role><page/><tabs><tab><id>h</id></tab></tabs></layout></finesseLayout>"),
      invalid("foreign namespace", R"(<finesseLayout xmlns="urn:other"><layout><role>Agent</role><page/></layout></finesseLayout>)"),
      {"nested bad role", "<LayoutConfig><layoutxml><finesseLayout><layout><role>x</role><page/></layout></finesseLayout></layoutxml></LayoutConfig>",
       400, kInvalidInput, "layoutxml", ""},
  };
  for (const auto& row : table) {
    const auto response = put(kLayout, row.body);
    EXPECT_EQ(response.status, row.status) << row.name << ": " << response.body;
    const auto error = parse_error(response.body);
    ASSERT_TRUE(error) << row.name;
    EXPECT_EQ(error->type, row.type) << row.name;
    EXPECT_EQ(error->message, row.message) << row.name;
    // Invalid layouts explain themselves in ErrorData; its wording is not part of the contract.
    if (row.type == kParameterMissing) EXPECT_EQ(error->data, row.data) << row.name;
    else EXPECT_FALSE(error->data.empty()) << row.name;
    EXPECT_EQ(dump_store(), before) << row.name;
  }
}

std::string entry(const std::string& name, const std::string& property) {
  return "<entry><displayName>" + name + "</displayName><mediaProperty>" + property + "</mediaProperty></entry>";
}

std::string media(const std::string& inner) { return "<MediaPropertiesLayout>" + inner + "</MediaPropertiesLayout>"; }

TEST_F(MediaPropertiesLayoutApi, GuideExampleRoundTrips) {
  const std::string body = media("<header>" + entry("Customer Name", "callVariable1") + "</header><column>" +
                                 entry("Customer Name", "callVariable1") + entry("Customer Acct#", "user.cisco.acctnum") +
                                 "</column><column>" + entry("Support contract", "callVariable2") +
                                 entry("Product calling about", "callVariable3") + "</column>");
  ASSERT_EQ(put(kMedia, body).status, 200);
  EXPECT_EQ(get(kMedia, admin()).body, R"(<?xml version="1.0" encoding="UTF-8"?>)" + body);
}

TEST_F(MediaPropertiesLayoutApi, EmptyColumnsAndLimitsAreAccepted) {
  std::string ten;
  for (int i = 1; i <= 10; ++i) ten += entry("", "callVariable" + std::to_string(i));
  ASSERT_EQ(put(kMedia, media("<column/><column>" + ten + "</column>")).status, 200);
  const auto layout = store_->media_properties_layout();
  ASSERT_EQ(layout.columns.size(), 2u);
  EXPECT_TRUE(layout.columns[0].empty());
  EXPECT_EQ(layout.columns[1].size(), 10u);
  EXPECT_FALSE(layout.header.has_value());
  ASSERT_EQ(put(kMedia, media("<column>" + entry(std::string(50, 'n'), "user" + std::string(28, 'v')) + "</column>")).status, 200);
}

TEST_F(MediaPropertiesLayoutApi, Rejections) {
  ASSERT_EQ(put(kMedia, media("<column>" + entry("Keep", "callVariable4") + "</column>")).status, 200);
  const auto before = dump_store();
  std::string eleven;
  for (int i = 0; i < 11; ++i) eleven += entry("x", "callVariable1");
  const std::string long_ecc = "user" + std::string(29, 'v');
  const std::vector<Rejection> table = {
      {"three columns", media("<column/><column/><column/>"), 400, kInvalidInput, "column", "3 columns"},
      {"eleven entries", media("<column>" + eleven + "</column>"), 400, kInvalidInput, "column", "11 entries"},
      {"two headers", media("<header>" + entry("a", "callVariable1") + "</header><header/>"), 400, kInvalidInput, "header", "2 headers"},
      {"two header entries", media("<header>" + entry("a", "callVariable1") + entry("b", "callVariable2") + "</header>"), 400, kInvalidInput, "header", "2 entries"},
      {"no displayName", media("<column><entry><mediaProperty>callVariable1</mediaProperty></entry></column>"), 400, kParameterMissing, missing("displayName"), "displayName"},
      {"no mediaProperty", media("<column><entry><displayName>a</displayName></entry></column>"), 400, kParameterMissing, missing("mediaProperty"), "mediaProperty"},
      {"two displayNames", media("<column><entry><displayName>a</displayName><displayName>b</displayName><mediaProperty>callVariable1</mediaProperty></entry></column>"), 400, kInvalidInput, "displayName", "2 values in one entry"},
      {"two mediaProperties", media("<column><entry><displayName>a</displayName><mediaProperty>callVariable1</mediaProperty><mediaProperty>callVariable2</mediaProperty></entry></column>"), 400, kInvalidInput, "mediaProperty", "2 values in one entry"},
      {"callVariable11", media("<column>" + entry("a", "callVariable11") + "</column>"), 400, kInvalidInput, "mediaProperty", "callVariable11"},
      {"callVariable0", media("<column>" + entry("a", "callVariable0") + "</column>"), 400, kInvalidInput, "mediaProperty", "callVariable0"},
      {"not user prefix", media("<column>" + entry("a", "acct") + "</column>"), 400, kInvalidInput, "mediaProperty", "acct"},
      {"33 char ECC", media("<column>" + entry("a", long_ecc) + "</column>"), 400, kInvalidInput, "mediaProperty", long_ecc},
      {"bare user", media("<column>" + entry("a", "user") + "</column>"), 400, kInvalidInput, "mediaProperty", "user"},
      {"51 char displayName", media("<column>" + entry(std::string(51, 'd'), "callVariable1") + "</column>"), 400, kInvalidInput, "displayName", std::string(51, 'd')},
      {"bad header entry", media("<header>" + entry("a", "callVariable99") + "</header>"), 400, kInvalidInput, "mediaProperty", "callVariable99"},
  };
  for (const auto& row : table) EXPECT_REJECTED(put(kMedia, row.body), row, before);
}

}  // namespace
}  // namespace fgw::test
