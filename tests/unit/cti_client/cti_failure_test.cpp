#include "gateway/cti/client/cti_failure.hpp"

#include <gtest/gtest.h>

namespace fgw::cti::client {
namespace {

TEST(CtiFailure, ControlFailureCarriesCfNameAndCode) {
  const auto failure = failure_from(ControlFailureConf{1, ControlFailureCode::InvalidConsultType, 7});
  EXPECT_EQ(failure.code, 273u);
  EXPECT_EQ(failure.name, "CF_INVALID_CONSULT_TYPE");
  EXPECT_EQ(failure.peripheral_error_code, 7u);
  EXPECT_EQ(failure.source, FailureSource::ControlFailure);
  EXPECT_FALSE(failure.timed_out);
}

TEST(CtiFailure, UnnamedCodesStillGetAStableName) {
  EXPECT_EQ(failure_from(ControlFailureConf{1, static_cast<ControlFailureCode>(1005), 0}).name, "CF_1005");
  EXPECT_EQ(failure_from(FailureConf{1, static_cast<FailureStatus>(100), std::nullopt}).name, "E_CTI_100");
}

TEST(CtiFailure, FailureConfCarriesECtiName) {
  const auto failure = failure_from(FailureConf{1, FailureStatus::InvalidPeripheralId, std::nullopt});
  EXPECT_EQ(failure.code, 7u);
  EXPECT_EQ(failure.name, "E_CTI_INVALID_PERIPHERAL_ID");
  EXPECT_EQ(failure.source, FailureSource::ServerStatus);
}

TEST(CtiFailure, OnlyTimeoutsAreTimedOutAndOnlyLinkFailuresAreLinkFailures) {
  EXPECT_TRUE(client_failure(ClientFailure::RequestTimeout).timed_out);
  EXPECT_FALSE(client_failure(ClientFailure::LinkLost).timed_out);
  EXPECT_TRUE(is_link_failure(client_failure(ClientFailure::LinkDown)));
  EXPECT_TRUE(is_link_failure(client_failure(ClientFailure::LinkLost)));
  EXPECT_FALSE(is_link_failure(client_failure(ClientFailure::RequestTimeout)));
  EXPECT_FALSE(is_link_failure(failure_from(FailureConf{1, FailureStatus::NoError, std::nullopt})));
}

}  // namespace
}  // namespace fgw::cti::client
