// CtiClientRequests counts the requests that await their confirmation and says when the bound is
// reached (docs/decisions.md 55). A client that was never started answers every request with
// CTI_LINK_DOWN, posted to its io_context: until that runs, the requests are in flight.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "gateway/cti/client/cti_client.hpp"
#include "gateway/daemon/cti_client_requests.hpp"

namespace fgw::daemon {
namespace {

class IgnoringObserver : public cti::client::CtiObserver {
 public:
  void on_session_open(cti::client::Side, const cti::OpenConf&) override {}
  void on_session_lost(cti::client::Side, const std::string&) override {}
  void on_event(const cti::Message&) override {}
  std::vector<cti::client::AgentToResync> agents_to_resync() override { return {}; }
  void on_resync(const cti::client::ResyncResult&) override {}
};

cti::Message agent_query() { return cti::QueryAgentStateReq{}; }

TEST(CtiRequestBound, SaturatesAtTheBoundAndFreesOnEachConfirmation) {
  boost::asio::io_context io;
  IgnoringObserver observer;
  cti::client::CtiClientSettings settings;
  settings.side_a = {"127.0.0.1", 9};
  cti::client::CtiClient client(io, settings, observer);
  CtiClientRequests requests(client, 2);

  int answered = 0;
  std::string last_failure;
  auto done = [&](const cti::client::RequestResult& result) {
    ++answered;
    if (!result.ok()) last_failure = result.failure().name;
  };
  requests.send(agent_query(), done);
  EXPECT_FALSE(requests.saturated());
  requests.send(agent_query(), done);
  EXPECT_TRUE(requests.saturated());
  EXPECT_EQ(requests.in_flight(), 2u);

  io.run();
  EXPECT_EQ(answered, 2);
  EXPECT_EQ(last_failure, "CTI_LINK_DOWN");
  EXPECT_EQ(requests.in_flight(), 0u);
  EXPECT_FALSE(requests.saturated());
}

}  // namespace
}  // namespace fgw::daemon
