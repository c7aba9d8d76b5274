// Dialog—Update Call Variable Data (3.2.3): every 5.3 rule of the request body, one row each,
// and what an accepted body becomes.
#include <gtest/gtest.h>

#include "gateway/api/call_data_body.hpp"
#include "gateway/api/request_body.hpp"
#include "gateway/http/api_error.hpp"

namespace fgw::api {
namespace {

std::string body_with(const std::string& media_properties) {
  return "<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction>" + media_properties + "</Dialog>";
}

std::string variables(const std::string& inner) {
  return body_with("<mediaProperties><callvariables>" + inner + "</callvariables></mediaProperties>");
}

std::string variable(const std::string& name, const std::string& value) {
  return "<CallVariable><name>" + name + "</name><value>" + value + "</value></CallVariable>";
}

CallDataUpdate read(const std::string& body) {
  const auto doc = parse_body(body, "Dialog");
  return read_call_data_update(root_of(doc));
}

struct Refusal {
  std::string name;
  std::string body;
  std::string type;
  std::string data;
};

class CallDataRefusals : public ::testing::TestWithParam<Refusal> {};

TEST_P(CallDataRefusals, AreA400NamingTheCulprit) {
  const auto& row = GetParam();
  try {
    read(row.body);
    ADD_FAILURE() << "accepted";
  } catch (const http::ApiError& e) {
    EXPECT_EQ(e.status, 400);
    EXPECT_EQ(e.type, row.type);
    EXPECT_EQ(e.data, row.data);
  }
}

const std::string k40(40, 'a');
const std::string k41(41, 'a');
const std::string kTwentyEAcute = [] {
  std::string s;
  for (int i = 0; i < 20; ++i) s += "\xc3\xa9";  // U+00E9, two bytes in UTF-8
  return s;
}();

// user.big: 8 name bytes + 992 value bytes = 1000; twice is exactly 2,000.
const std::string kHalfEcc(992, 'v');

INSTANTIATE_TEST_SUITE_P(
    Rules, CallDataRefusals,
    ::testing::Values(
        Refusal{"MediaPropertiesMissing", body_with(""), "Parameter Missing", "mediaProperties"},
        Refusal{"MediaPropertiesEmpty", body_with("<mediaProperties/>"), "Parameter Missing", "mediaProperties"},
        Refusal{"NeitherWrapUpNorVariables", body_with("<mediaProperties><DNIS>1</DNIS></mediaProperties>"),
                "Parameter Missing", "callvariables"},
        Refusal{"VariablesEmpty", variables(""), "Parameter Missing", "CallVariable"},
        Refusal{"NameMissing", variables("<CallVariable><value>x</value></CallVariable>"), "Parameter Missing",
                "name"},
        Refusal{"NameEmpty", variables(variable("", "x")), "Parameter Missing", "name"},
        Refusal{"ValueTagMissing", variables("<CallVariable><name>callVariable1</name></CallVariable>"),
                "Parameter Missing", "value"},
        Refusal{"DuplicateName", variables(variable("callVariable1", "a") + variable("callVariable1", "b")),
                "Invalid Input", "callVariable1"},
        Refusal{"DuplicateEccName", variables(variable("user.x", "a") + variable("user.x", "b")), "Invalid Input",
                "user.x"},
        Refusal{"CallVariableOver40Bytes", variables(variable("callVariable2", k41)), "Invalid Input",
                "callVariable2"},
        // Bytes, not characters (DECISIONS.md 4): 21 characters, 41 bytes.
        Refusal{"CallVariableOver40BytesOfUtf8", variables(variable("callVariable2", kTwentyEAcute + "b")),
                "Invalid Input", "callVariable2"},
        Refusal{"CallVariable0", variables(variable("callVariable0", "x")), "Invalid Input", "callVariable0"},
        Refusal{"CallVariable11", variables(variable("callVariable11", "x")), "Invalid Input", "callVariable11"},
        Refusal{"UnknownName", variables(variable("account", "x")), "Invalid Input", "account"},
        Refusal{"EccWithoutUserPrefix", variables(variable("ecc.x", "x")), "Invalid Input", "ecc.x"},
        Refusal{"EccPrefixAlone", variables(variable("user.", "x")), "Invalid Input", "user."},
        Refusal{"EccArrayIndexOutOfRange", variables(variable("user.a[256]", "x")), "Invalid Input", "user.a[256]"},
        Refusal{"EccOver2000Bytes",
                variables(variable("user.big", kHalfEcc) + variable("user.bag", kHalfEcc) + variable("user.c", "")),
                "Invalid Input", "user.c"},
        Refusal{"WrapUpReasonOver39Bytes",
                body_with("<mediaProperties><wrapUpReason>" + std::string(40, 'w') + "</wrapUpReason></mediaProperties>"),
                "Invalid Input", "wrapUpReason"}),
    [](const auto& info) { return info.param.name; });

TEST(CallDataBody, CallVariablesGoToTheirSlotsAndTheOthersStayUnset) {
  const auto update = read(variables(variable("callVariable1", "a") + variable("CALLVARIABLE10", k40)));
  EXPECT_EQ(update.call_variables[0], "a");
  EXPECT_EQ(update.call_variables[9], k40);
  for (std::size_t i = 1; i < 9; ++i) EXPECT_FALSE(update.call_variables[i].has_value()) << i;
  EXPECT_FALSE(update.wrap_up_reason.has_value());
}

TEST(CallDataBody, AnEmptyValueIsAValue) {
  const auto update = read(variables(variable("callVariable4", "")));
  EXPECT_EQ(update.call_variables[3], "");
}

TEST(CallDataBody, EccScalarsAndArrayElementsAreSplitFor5_3) {
  const auto update = read(variables(variable("user.acct", "7") + variable("user.years[2]", "1985") +
                                     variable("user.my[array]", "s")));
  ASSERT_EQ(update.named_variables.size(), 2u);
  EXPECT_EQ(update.named_variables[0], (cti::NamedVariable{"user.acct", "7"}));
  // 5.3: brackets anywhere but a trailing [N] make a scalar name.
  EXPECT_EQ(update.named_variables[1], (cti::NamedVariable{"user.my[array]", "s"}));
  ASSERT_EQ(update.named_arrays.size(), 1u);
  EXPECT_EQ(update.named_arrays[0], (cti::NamedArray{2, "user.years", "1985"}));
}

TEST(CallDataBody, EccTotalOfExactly2000BytesIsAccepted) {
  const auto update = read(variables(variable("user.big", kHalfEcc) + variable("user.bag", kHalfEcc)));
  EXPECT_EQ(update.named_variables.size(), 2u);
}

TEST(CallDataBody, WrapUpReasonAloneOf39BytesIsAccepted) {
  const auto update =
      read(body_with("<mediaProperties><wrapUpReason>" + std::string(39, 'w') + "</wrapUpReason></mediaProperties>"));
  EXPECT_EQ(update.wrap_up_reason, std::string(39, 'w'));
}

TEST(CallDataBody, ElementNamesMatchEitherCase) {
  const auto update = read(body_with("<mediaProperties><callVariables>" + variable("callVariable1", "a") +
                                     "</callVariables></mediaProperties>"));
  EXPECT_EQ(update.call_variables[0], "a");
}

}  // namespace
}  // namespace fgw::api
