// start() and stop(): binding, failures that name the address, and a graceful stop.

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/integration/http/http_test_client.hpp"
#include "tests/integration/http/request_echo.hpp"
#include "tests/integration/http/running_server.hpp"

namespace fgw::test {
namespace {

TEST(HttpServerLifecycle, PortZeroBindsAnEphemeralPort) {
  RunningServer running(loopback_settings(), echo_request);
  EXPECT_NE(running.port(), 0);
}

TEST(HttpServerLifecycle, StartFailureNamesTheAddress) {
  RunningServer running(loopback_settings(), echo_request);
  auto settings = loopback_settings();
  settings.listen.port = running.port();
  boost::asio::io_context io;
  http::Server second(io, settings, echo_request);
  try {
    second.start();
    FAIL() << "binding a port in use must throw";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("127.0.0.1:" + std::to_string(running.port())), std::string::npos)
        << error.what();
  }
}

TEST(HttpServerLifecycle, StopLetsAnInFlightRequestFinishThenCloses) {
  std::atomic<bool> handler_entered{false};
  RunningServer running(loopback_settings(), [&](http::ApiRequest& request) {
    if (request.path == "/slow") {
      handler_entered = true;
      std::this_thread::sleep_for(300ms);
    }
    return echo_request(request);
  });
  HttpClient idle(running.port());
  ASSERT_TRUE(idle.send(get_request("/")));
  ASSERT_TRUE(idle.read_reply());

  HttpClient busy(running.port());
  ASSERT_TRUE(busy.send(get_request("/slow")));
  while (!handler_entered) std::this_thread::sleep_for(1ms);
  running.server().stop();

  const auto reply = busy.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_NE(reply->body.find("path=/slow\n"), std::string::npos);
  EXPECT_EQ(reply->header("Connection"), "close");
  EXPECT_TRUE(busy.wait_for_close(5s));
  EXPECT_TRUE(idle.wait_for_close(5s));
  // A client closes its end on end-of-stream; until then the server drains what it might still send.
  busy.stream().close();
  // Nothing is left on the io_context: the listener, the connections and their timers are gone.
  EXPECT_TRUE(running.wait_until_drained(5s));
  EXPECT_EQ(running.server().stats().connections_open, 0u);
}

TEST(HttpServerLifecycle, StopClosesIdleConnectionsAtOnce) {
  auto settings = loopback_settings();
  settings.limits.idle_timeout = 60s;
  RunningServer running(settings, echo_request);
  HttpClient client(running.port());
  ASSERT_TRUE(client.send(get_request("/")));
  ASSERT_TRUE(client.read_reply());
  running.server().stop();
  EXPECT_TRUE(client.wait_for_close(5s));
  EXPECT_TRUE(running.wait_until_drained(5s));
}

TEST(HttpServerLifecycle, StatsCountConnectionsAndRequests) {
  RunningServer running(loopback_settings(), echo_request);
  {
    HttpClient client(running.port());
    ASSERT_TRUE(client.send(get_request("/a") + get_request("/b")));
    ASSERT_TRUE(client.read_reply());
    ASSERT_TRUE(client.read_reply());
    EXPECT_TRUE(running.wait_for_stats([](const http::ServerStats& s) { return s.connections_open == 1; }));
  }
  EXPECT_TRUE(running.wait_for_stats([](const http::ServerStats& s) { return s.connections_open == 0; }));
  EXPECT_EQ(running.server().stats().requests, 2u);
  EXPECT_EQ(running.server().stats().connections_rejected, 0u);
}

}  // namespace
}  // namespace fgw::test
