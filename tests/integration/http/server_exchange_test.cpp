// Requests and responses over a real socket: framing, keep-alive, pipelining, HEAD, and what the
// handler receives.

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

#include "gateway/http/api_error.hpp"
#include "tests/integration/http/http_test_client.hpp"
#include "tests/integration/http/request_echo.hpp"
#include "tests/integration/http/running_server.hpp"

namespace fgw::test {
namespace {

TEST(HttpServerExchange, SimpleGetRoundTrip) {
  RunningServer running(loopback_settings(), echo_request);
  HttpClient client(running.port());
  ASSERT_TRUE(client.send(get_request("/finesse/api/SystemInfo", "Authorization: Basic YWI6Y2Q=\r\n")));

  const auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->header("Server"), "finesse-gw");
  EXPECT_EQ(reply->header("Content-Type"), "text/plain");
  EXPECT_EQ(reply->header("Content-Length"), std::to_string(reply->body.size()));
  EXPECT_FALSE(reply->header("Date").empty());
  EXPECT_EQ(reply->body,
            "method=GET\npath=/finesse/api/SystemInfo\nhost=localhost\n"
            "authorization=Basic YWI6Y2Q=\nremote=127.0.0.1\nbody=\n");
}

TEST(HttpServerExchange, KeepAliveServesSeveralRequestsOnOneConnection) {
  RunningServer running(loopback_settings(), echo_request);
  HttpClient client(running.port());
  for (int i = 0; i < 3; ++i) {
    const std::string path = "/request/" + std::to_string(i);
    ASSERT_TRUE(client.send(get_request(path)));
    const auto reply = client.read_reply();
    ASSERT_TRUE(reply) << "request " << i;
    EXPECT_NE(reply->body.find("path=" + path + "\n"), std::string::npos);
    EXPECT_FALSE(reply->has_header("Connection"));
  }
  // A request counts once its response is written, which the client may see first.
  EXPECT_TRUE(running.wait_for_stats([](const http::ServerStats& s) { return s.requests == 3; }));
  EXPECT_EQ(running.server().stats().connections_open, 1u);
}

TEST(HttpServerExchange, PipelinedRequestsAreAnsweredInOrder) {
  RunningServer running(loopback_settings(), echo_request);
  HttpClient client(running.port());
  const std::string post = "POST /second HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello";
  ASSERT_TRUE(client.send(get_request("/first") + post + get_request("/third")));

  for (const std::string expected : {"path=/first\n", "path=/second\n", "path=/third\n"}) {
    const auto reply = client.read_reply();
    ASSERT_TRUE(reply) << expected;
    EXPECT_NE(reply->body.find(expected), std::string::npos) << reply->body;
  }
}

TEST(HttpServerExchange, HeadSendsTheHeadersOfGetWithoutTheBody) {
  RunningServer running(loopback_settings(), echo_request);
  HttpClient client(running.port());
  ASSERT_TRUE(client.send("HEAD /x HTTP/1.1\r\nHost: localhost\r\n\r\n" + get_request("/x")));

  const auto head = client.read_reply(/*to_head_request=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  // Had the server sent a body after the HEAD response, it would be parsed as the next status line.
  const auto get = client.read_reply();
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 200);
  const std::string get_body_for_head = "method=HEAD" + get->body.substr(std::string("method=GET").size());
  EXPECT_EQ(head->header("Content-Length"), std::to_string(get_body_for_head.size()));
}

TEST(HttpServerExchange, PathAndQueryArriveDecoded) {
  RunningServer running(loopback_settings(), echo_request);
  HttpClient client(running.port());
  ASSERT_TRUE(client.send(get_request("/finesse/api/User/a%20b%2Bc+d?category=NOT%5FREADY&note=two+words&flag")));

  const auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_NE(reply->body.find("path=/finesse/api/User/a b+c+d\n"), std::string::npos) << reply->body;
  EXPECT_NE(reply->body.find("query.category=NOT_READY\n"), std::string::npos);
  EXPECT_NE(reply->body.find("query.note=two words\n"), std::string::npos);
  EXPECT_NE(reply->body.find("query.flag=\n"), std::string::npos);
}

TEST(HttpServerExchange, MalformedPercentEscapeIsABadRequest) {
  for (const char* target : {"/user/%4", "/user/%zz", "/user?x=%G1", "/user/%00"}) {
    RunningServer running(loopback_settings(), echo_request);
    HttpClient client(running.port());
    ASSERT_TRUE(client.send(get_request(target)));
    const auto reply = client.read_reply();
    ASSERT_TRUE(reply) << target;
    EXPECT_EQ(reply->status, 400) << target;
    EXPECT_EQ(xml_text(reply->body, "ErrorType"), "Invalid Input") << target;
    EXPECT_EQ(reply->header("Connection"), "close");
    EXPECT_TRUE(client.wait_for_close(5s));
  }
}

TEST(HttpServerExchange, ChunkedRequestBodyIsReassembled) {
  RunningServer running(loopback_settings(), echo_request);
  HttpClient client(running.port());
  ASSERT_TRUE(client.send(
      "PUT /finesse/api/User/1001 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
      "6\r\n<User>\r\n7\r\n</User>\r\n0\r\n\r\n"));
  const auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_NE(reply->body.find("method=PUT\n"), std::string::npos);
  EXPECT_NE(reply->body.find("body=<User></User>\n"), std::string::npos) << reply->body;
}

TEST(HttpServerExchange, Http10WithoutKeepAliveIsClosedAfterTheResponse) {
  RunningServer running(loopback_settings(), echo_request);
  HttpClient client(running.port());
  ASSERT_TRUE(client.send("GET /old HTTP/1.0\r\n\r\n"));
  const auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->header("Connection"), "close");
  EXPECT_TRUE(client.wait_for_close(5s));
}

TEST(HttpServerExchange, Http10KeepAliveIsHonoured) {
  RunningServer running(loopback_settings(), echo_request);
  HttpClient client(running.port());
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(client.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    const auto reply = client.read_reply();
    ASSERT_TRUE(reply) << "request " << i;
    EXPECT_EQ(reply->header("Connection"), "keep-alive");
  }
}

TEST(HttpServerExchange, HandlerStatusHeadersAndContentTypeAreSent) {
  RunningServer running(loopback_settings(), [](http::ApiRequest&) {
    http::ApiResponse response;
    response.status = 201;
    response.body = "<Created/>";
    response.headers = {{"Location", "/finesse/api/Team/7"}, {"X-Injected", "a\r\nSet-Cookie: x"},
                        {"Content-Length", "999"}};
    return response;
  });
  HttpClient client(running.port());
  ASSERT_TRUE(client.send(get_request("/")));
  const auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 201);
  EXPECT_EQ(reply->header("Location"), "/finesse/api/Team/7");
  EXPECT_EQ(reply->header("Content-Type"), "application/xml");
  EXPECT_EQ(reply->header("Content-Length"), "10");
  EXPECT_FALSE(reply->has_header("X-Injected"));
  EXPECT_FALSE(reply->has_header("Set-Cookie"));
  EXPECT_EQ(reply->body, "<Created/>");
}

TEST(HttpServerExchange, ThrowingHandlerGets500AndTheServerKeepsServing) {
  RunningServer running(loopback_settings(), [](http::ApiRequest& request) -> http::ApiResponse {
    if (request.path == "/throw") throw std::runtime_error("password=hunter2 leaked");
    if (request.path == "/api-error") throw http::not_found("Team", "9");
    return echo_request(request);
  });
  HttpClient client(running.port());
  ASSERT_TRUE(client.send(get_request("/throw")));
  const auto failed = client.read_reply();
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->status, 500);
  EXPECT_EQ(xml_text(failed->body, "ErrorType"), "Internal Server Error");
  EXPECT_EQ(xml_text(failed->body, "ErrorMessage"), "Runtime Exception");
  EXPECT_EQ(failed->body.find("hunter2"), std::string::npos);

  // The same connection goes on: a handler failure is not a protocol failure.
  ASSERT_TRUE(client.send(get_request("/api-error") + get_request("/fine")));
  const auto not_found = client.read_reply();
  ASSERT_TRUE(not_found);
  EXPECT_EQ(not_found->status, 404);
  EXPECT_EQ(xml_text(not_found->body, "ErrorType"), "Not Found");
  const auto fine = client.read_reply();
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->status, 200);
}

TEST(HttpServerExchange, ExpectContinueGetsAnInterimResponseBeforeTheBody) {
  RunningServer running(loopback_settings(), echo_request);
  HttpClient client(running.port());
  ASSERT_TRUE(client.send("POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n"));
  std::string interim;
  EXPECT_FALSE(client.wait_for_close(300ms, &interim));
  EXPECT_EQ(interim, "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(client.send("data"));
  const auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_NE(reply->body.find("body=data\n"), std::string::npos);
}

}  // namespace
}  // namespace fgw::test
