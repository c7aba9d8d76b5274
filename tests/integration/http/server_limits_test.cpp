// Every limit of HttpLimits, enforced against real clients, each answered with its own status and
// an <ApiErrors> body.

#include <gtest/gtest.h>

#include <thread>

#include "tests/integration/http/http_test_client.hpp"
#include "tests/integration/http/request_echo.hpp"
#include "tests/integration/http/running_server.hpp"

namespace fgw::test {
namespace {

config::HttpSettings settings_with(void (*adjust)(config::HttpLimits&)) {
  auto settings = loopback_settings();
  adjust(settings.limits);
  return settings;
}

// A final error: the status, an ApiErrors body naming `error_type`, and the connection closed.
void expect_final_error(HttpClient& client, int status, const std::string& error_type) {
  const auto reply = client.read_reply();
  ASSERT_TRUE(reply) << "no response, expected " << status;
  EXPECT_EQ(reply->status, status);
  EXPECT_NE(reply->body.find("<ApiErrors>"), std::string::npos) << reply->body;
  EXPECT_EQ(xml_text(reply->body, "ErrorType"), error_type) << reply->body;
  EXPECT_EQ(reply->header("Connection"), "close");
  EXPECT_EQ(reply->header("Content-Length"), std::to_string(reply->body.size()));
  EXPECT_TRUE(client.wait_for_close(5s));
}

TEST(HttpServerLimits, ContentLengthAboveTheBodyLimitGets413BeforeTheBodyIsSent) {
  RunningServer running(settings_with([](auto& l) { l.max_body_bytes = 1024; }), echo_request);
  HttpClient client(running.port());
  ASSERT_TRUE(client.send("PUT /u HTTP/1.1\r\nHost: h\r\nContent-Length: 1025\r\n\r\n"));
  expect_final_error(client, 413, "Invalid Input");
}

TEST(HttpServerLimits, BodyExactlyAtTheLimitIsAccepted) {
  RunningServer running(settings_with([](auto& l) { l.max_body_bytes = 1024; }), echo_request);
  HttpClient client(running.port());
  ASSERT_TRUE(client.send("PUT /u HTTP/1.1\r\nHost: h\r\nContent-Length: 1024\r\n\r\n" + std::string(1024, 'x')));
  const auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
}

TEST(HttpServerLimits, ChunkedBodyGrowingBeyondTheLimitGets413) {
  RunningServer running(settings_with([](auto& l) { l.max_body_bytes = 1024; }), echo_request);
  HttpClient client(running.port());
  const std::string chunk = "200\r\n" + std::string(0x200, 'x') + "\r\n";
  ASSERT_TRUE(client.send("PUT /u HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk));
  // Two chunks make exactly the limit; the third crosses it.
  ASSERT_TRUE(client.send(chunk));
  expect_final_error(client, 413, "Invalid Input");
}

TEST(HttpServerLimits, EndlessChunkExtensionIsRefusedNotBuffered) {
  RunningServer running(settings_with([](auto& l) { l.max_header_bytes = 1024; }), echo_request);
  HttpClient client(running.port());
  ASSERT_TRUE(client.send("PUT /u HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1;ext="));
  const std::string filler(4096, 'a');
  for (int i = 0; i < 8 && client.send(filler); ++i) {
  }
  expect_final_error(client, 400, "Invalid Input");
}

TEST(HttpServerLimits, OversizeHeaderBlockGets431) {
  RunningServer running(settings_with([](auto& l) { l.max_header_bytes = 1024; }), echo_request);
  HttpClient client(running.port());
  ASSERT_TRUE(client.send(get_request("/", "X-Filler: " + std::string(2000, 'a') + "\r\n")));
  expect_final_error(client, 431, "Invalid Input");
}

TEST(HttpServerLimits, StalledRequestGets408AfterTheReadTimeout) {
  RunningServer running(settings_with([](auto& l) { l.read_timeout = 300ms; }), echo_request);
  HttpClient client(running.port());
  const auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(client.send("GET /half HTTP/1.1\r\nHost: h\r\n"));
  expect_final_error(client, 408, "Generic Error");
  EXPECT_GE(std::chrono::steady_clock::now() - started, 250ms);
}

TEST(HttpServerLimits, TheReadTimeoutCoversTheWholeRequestNotEachRead) {
  RunningServer running(settings_with([](auto& l) { l.read_timeout = 300ms; }), echo_request);
  HttpClient client(running.port());
  const auto started = std::chrono::steady_clock::now();
  // A slowloris client: a byte every 50 ms keeps every single read short, never the request.
  const std::string header = "GET /slow HTTP/1.1\r\nHost: h\r\nX-Drip: " + std::string(100, 'a');
  std::string received;
  for (const char byte : header) {
    if (!client.send(std::string_view(&byte, 1))) break;
    if (client.wait_for_close(50ms, &received) || !received.empty()) break;
  }
  const auto answered_after = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(received.rfind("HTTP/1.1 408 ", 0), 0u) << received;
  EXPECT_NE(received.find("<ApiErrors>"), std::string::npos) << received;
  EXPECT_GE(answered_after, 250ms);
  // A timer reset by every read would let the ~5 s drip finish; the bound leaves room for a
  // loaded machine (sanitizers, parallel tests) without losing that distinction.
  EXPECT_LT(answered_after, 2500ms);
}

TEST(HttpServerLimits, StalledBodyGets408) {
  RunningServer running(settings_with([](auto& l) { l.read_timeout = 300ms; }), echo_request);
  HttpClient client(running.port());
  ASSERT_TRUE(client.send("PUT /u HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nhalf"));
  expect_final_error(client, 408, "Generic Error");
}

TEST(HttpServerLimits, IdleKeepAliveConnectionIsClosedQuietly) {
  RunningServer running(settings_with([](auto& l) { l.idle_timeout = 200ms; }), echo_request);
  HttpClient client(running.port());
  ASSERT_TRUE(client.send(get_request("/")));
  ASSERT_TRUE(client.read_reply());
  const auto answered = std::chrono::steady_clock::now();
  std::string after_close;
  EXPECT_TRUE(client.wait_for_close(5s, &after_close));
  const auto idle_for = std::chrono::steady_clock::now() - answered;
  EXPECT_GE(idle_for, 150ms);
  EXPECT_LT(idle_for, 3000ms);
  EXPECT_EQ(after_close, "");
  EXPECT_TRUE(running.wait_for_stats([](const http::ServerStats& s) { return s.connections_open == 0; }));
}

TEST(HttpServerLimits, KeepAliveConnectionInUseIsNotClosedAsIdle) {
  RunningServer running(settings_with([](auto& l) { l.idle_timeout = 200ms; }), echo_request);
  HttpClient client(running.port());
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(client.send(get_request("/")));
    ASSERT_TRUE(client.read_reply()) << "request " << i;
    std::this_thread::sleep_for(100ms);
  }
}

TEST(HttpServerLimits, ConnectionsBeyondTheCapGet503AndAreClosed) {
  RunningServer running(settings_with([](auto& l) { l.max_connections = 2; }), echo_request);
  HttpClient first(running.port());
  HttpClient second(running.port());
  for (HttpClient* client : {&first, &second}) {
    ASSERT_TRUE(client->send(get_request("/")));
    ASSERT_TRUE(client->read_reply());
  }

  HttpClient third(running.port());
  ASSERT_TRUE(third.send(get_request("/")));
  expect_final_error(third, 503, "Service Unavailable");
  EXPECT_EQ(running.server().stats().connections_rejected, 1u);

  // The cap counts open connections, so a closed one makes room again.
  first.stream().close();
  ASSERT_TRUE(running.wait_for_stats([](const http::ServerStats& s) { return s.connections_open == 1; }));
  HttpClient fourth(running.port());
  ASSERT_TRUE(fourth.send(get_request("/")));
  const auto reply = fourth.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
}

TEST(HttpServerLimits, SilentNewConnectionIsClosedAfterTheReadTimeoutWithoutAnAnswer) {
  RunningServer running(settings_with([](auto& l) { l.read_timeout = 300ms; }), echo_request);
  HttpClient client(running.port());
  std::string received;
  const auto connected = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.wait_for_close(1500ms, &received));
  EXPECT_GE(std::chrono::steady_clock::now() - connected, 250ms);
  EXPECT_EQ(received, "");
}

TEST(HttpServerLimits, MalformedRequestGets400) {
  for (const char* request : {"GARBAGE\r\n\r\n", "GET /x HTTP/9.x\r\n\r\n", "GET  HTTP/1.1\r\n\r\n",
                              "GET /x HTTP/1.1\r\nHost: h\r\nBad Header Name: v\r\n\r\n",
                              "GET relative HTTP/1.1\r\nHost: h\r\n\r\n", "GET /no-host HTTP/1.1\r\n\r\n",
                              "GET /x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                              "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"}) {
    RunningServer running(loopback_settings(), echo_request);
    HttpClient client(running.port());
    ASSERT_TRUE(client.send(request));
    SCOPED_TRACE(request);
    expect_final_error(client, 400, "Invalid Input");
  }
}

}  // namespace
}  // namespace fgw::test
