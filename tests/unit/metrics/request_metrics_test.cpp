// The families counted as things happen: HTTP requests through the dispatcher's hook (route label
// = the route's pattern), CTI requests through the client's hook.
#include <gtest/gtest.h>

#include "config/daemon_config.hpp"
#include "config/directory.hpp"
#include "gateway/api/dispatcher.hpp"
#include "gateway/daemon/metrics_hooks.hpp"
#include "gateway/desk/service_status.hpp"
#include "gateway/http/authenticator.hpp"
#include "gateway/http/router.hpp"
#include "metrics/gateway_metrics.hpp"
#include "unit/api_desktop/desktop_fixture.hpp"
#include "unit/metrics/exposition_support.hpp"

namespace fgw::metrics {
namespace {

using namespace std::chrono_literals;
using test::HasLine;

constexpr const char* kDirectory = R"(
[[user]]
id = "1001"
login_name = "agent1"
password = "pw1"
roles = ["Agent"]
)";

class HttpRequestMetricsTest : public ::testing::Test {
 protected:
  HttpRequestMetricsTest()
      : directory(config::Directory::parse(kDirectory, "test", config::HashCost::Minimal)),
        authenticator(directory, auth_settings()),
        metrics(SnapshotSources{}),
        hook(metrics.http()),
        dispatcher(router, authenticator, status, &hook) {
    router.add(http::Method::Get, "/finesse/api/User/{}", http::Surface::Desktop,
               [](const http::ApiRequest& r) { return http::xml_response("<User>" + r.path_params.at(0) + "</User>"); });
    router.add(http::Method::Get, "/health", http::Surface::Public,
               [](const http::ApiRequest&) { return http::xml_response("IN_SERVICE"); });
  }

  static config::AuthSettings auth_settings() {
    config::AuthSettings auth;
    auth.password_hash_cost = "minimal";
    return auth;
  }

  int call(http::Method method, const std::string& path, const std::string& credentials = "") {
    http::ApiRequest request;
    request.method = method;
    request.path = path;
    request.authorization = credentials.empty() ? "" : testing::basic_auth(credentials);
    request.remote_address = "127.0.0.1";
    return dispatcher.handle(request).status;
  }

  std::string text() const { return to_text(metrics); }

  config::Directory directory;
  http::Authenticator authenticator;
  desk::ServiceStatus status;
  http::Router router;
  GatewayMetrics metrics;
  daemon::HttpMetricsHook hook;
  api::Dispatcher dispatcher;
};

TEST_F(HttpRequestMetricsTest, RouteLabelIsTheTemplateNotThePath) {
  ASSERT_EQ(call(http::Method::Get, "/finesse/api/User/1001", "agent1:pw1"), 200);
  ASSERT_EQ(call(http::Method::Get, "/finesse/api/User/1002", "agent1:pw1"), 200);
  const auto t = text();
  EXPECT_THAT(t, HasLine(R"(finesse_gw_http_requests_total{method="GET",route="/finesse/api/User/{}",status="200"} 2)"));
  EXPECT_THAT(t, HasLine(R"(finesse_gw_http_request_duration_seconds_count{method="GET",route="/finesse/api/User/{}"} 2)"));
  EXPECT_EQ(t.find("1001"), std::string::npos) << "a raw path reached a label:\n" << t;
}

TEST_F(HttpRequestMetricsTest, StatusLabelSeparatesOutcomesOfOneRoute) {
  ASSERT_EQ(call(http::Method::Get, "/finesse/api/User/1001", "agent1:wrong"), 401);
  status.report("cti", false, "CTI side A down");
  ASSERT_EQ(call(http::Method::Get, "/finesse/api/User/1001", "agent1:pw1"), 503);
  const auto t = text();
  EXPECT_THAT(t, HasLine(R"(finesse_gw_http_requests_total{method="GET",route="/finesse/api/User/{}",status="401"} 1)"));
  EXPECT_THAT(t, HasLine(R"(finesse_gw_http_requests_total{method="GET",route="/finesse/api/User/{}",status="503"} 1)"));
}

TEST_F(HttpRequestMetricsTest, UnmatchedPathsShareOneLabel) {
  ASSERT_EQ(call(http::Method::Get, "/nothing/here/1"), 404);
  ASSERT_EQ(call(http::Method::Get, "/nothing/else"), 404);
  ASSERT_EQ(call(http::Method::Delete, "/health"), 405);
  const auto t = text();
  EXPECT_THAT(t, HasLine(R"(finesse_gw_http_requests_total{method="GET",route="unmatched",status="404"} 2)"));
  EXPECT_THAT(t, HasLine(R"(finesse_gw_http_requests_total{method="DELETE",route="unmatched",status="405"} 1)"));
  EXPECT_EQ(t.find("/nothing"), std::string::npos) << t;
}

TEST_F(HttpRequestMetricsTest, DurationIsAHistogramWithAnInfBucket) {
  ASSERT_EQ(call(http::Method::Get, "/health"), 200);
  const auto t = text();
  EXPECT_THAT(t, HasLine("# TYPE finesse_gw_http_request_duration_seconds histogram"));
  EXPECT_THAT(t, HasLine(R"(finesse_gw_http_request_duration_seconds_bucket{method="GET",route="/health",le="+Inf"} 1)"));
  EXPECT_THAT(t, HasLine(R"(finesse_gw_http_request_duration_seconds_bucket{method="GET",route="/health",le="2.5"} 1)"));
}

class CtiRequestMetricsTest : public ::testing::Test {
 protected:
  CtiRequestMetricsTest() : metrics(SnapshotSources{}), hook(metrics.cti()) {}
  void complete(cti::MessageType type, std::optional<std::chrono::steady_clock::duration> round_trip,
                const cti::client::CtiFailure* failure = nullptr) {
    hook.on_request_completed({type, round_trip, failure});
  }
  GatewayMetrics metrics;
  daemon::CtiMetricsHook hook;
};

TEST_F(CtiRequestMetricsTest, LatencyIsObservedPerRequestName) {
  complete(cti::MessageType::SetAgentStateReq, 3ms);
  complete(cti::MessageType::SetAgentStateReq, 40ms);
  complete(cti::MessageType::MakeCallReq, 2ms);
  const auto t = to_text(metrics);
  EXPECT_THAT(t, HasLine(R"(finesse_gw_cti_request_duration_seconds_bucket{request="SET_AGENT_STATE_REQ",le="0.0025"} 0)"));
  EXPECT_THAT(t, HasLine(R"(finesse_gw_cti_request_duration_seconds_bucket{request="SET_AGENT_STATE_REQ",le="0.005"} 1)"));
  EXPECT_THAT(t, HasLine(R"(finesse_gw_cti_request_duration_seconds_bucket{request="SET_AGENT_STATE_REQ",le="0.05"} 2)"));
  EXPECT_THAT(t, HasLine(R"(finesse_gw_cti_request_duration_seconds_count{request="SET_AGENT_STATE_REQ"} 2)"));
  EXPECT_THAT(t, HasLine(R"(finesse_gw_cti_request_duration_seconds_count{request="MAKE_CALL_REQ"} 1)"));
  EXPECT_EQ(t.find("finesse_gw_cti_errors_total{"), std::string::npos) << "successes are no errors:\n" << t;
}

TEST_F(CtiRequestMetricsTest, FailuresAreCountedByName) {
  const auto timeout = cti::client::client_failure(cti::client::ClientFailure::RequestTimeout);
  const auto link_down = cti::client::client_failure(cti::client::ClientFailure::LinkDown);
  complete(cti::MessageType::SetAgentStateReq, 5s, &timeout);
  complete(cti::MessageType::SetAgentStateReq, std::nullopt, &link_down);
  complete(cti::MessageType::MakeCallReq, std::nullopt, &link_down);
  const auto t = to_text(metrics);
  EXPECT_THAT(t, HasLine(R"(finesse_gw_cti_errors_total{error="CTI_REQUEST_TIMEOUT"} 1)"));
  EXPECT_THAT(t, HasLine(R"(finesse_gw_cti_errors_total{error="CTI_LINK_DOWN"} 2)"));
  // Only the timed-out request had a round trip; requests never sent add no latency.
  EXPECT_THAT(t, HasLine(R"(finesse_gw_cti_request_duration_seconds_count{request="SET_AGENT_STATE_REQ"} 1)"));
  EXPECT_EQ(t.find(R"(request="MAKE_CALL_REQ")"), std::string::npos) << t;
}

}  // namespace
}  // namespace fgw::metrics
