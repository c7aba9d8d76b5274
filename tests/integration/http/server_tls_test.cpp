// The same HTTP exchange over TLS, with a self-signed certificate made for the test run.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "tests/integration/http/http_test_client.hpp"
#include "tests/integration/http/request_echo.hpp"
#include "tests/integration/http/running_server.hpp"

namespace fgw::test {
namespace {

class HttpServerTls : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string templ = (std::filesystem::temp_directory_path() / "fgw-http-tls-XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    directory_ = templ;
    const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -keyout '" + key_path() +
                                "' -out '" + cert_path() + "' -days 1 -subj /CN=localhost >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }

  static void TearDownTestSuite() {
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
  }

  static std::string cert_path() { return (directory_ / "c.pem").string(); }
  static std::string key_path() { return (directory_ / "k.pem").string(); }

  static config::HttpSettings tls_settings() {
    auto settings = loopback_settings();
    settings.tls = {true, cert_path(), key_path()};
    return settings;
  }

  static inline std::filesystem::path directory_;
};

TEST_F(HttpServerTls, RoundTripAndKeepAliveOverTls) {
  RunningServer running(tls_settings(), echo_request);
  HttpsClient client(running.port());
  for (const std::string path : {"/finesse/api/User/1001", "/second"}) {
    ASSERT_TRUE(client.send(get_request(path)));
    const auto reply = client.read_reply();
    ASSERT_TRUE(reply) << path;
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(reply->header("Server"), "finesse-gw");
    EXPECT_NE(reply->body.find("path=" + path + "\n"), std::string::npos);
  }
}

TEST_F(HttpServerTls, LimitsApplyOverTlsToo) {
  auto settings = tls_settings();
  settings.limits.read_timeout = 300ms;
  RunningServer running(settings, echo_request);
  HttpsClient client(running.port());
  ASSERT_TRUE(client.send("GET /half HTTP/1.1\r\n"));
  const auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 408);
  EXPECT_EQ(xml_text(reply->body, "ErrorType"), "Generic Error");
}

TEST_F(HttpServerTls, PlainTextClientIsDroppedWithinTheHandshakeTimeout) {
  auto settings = tls_settings();
  settings.limits.read_timeout = 300ms;
  RunningServer running(settings, echo_request);
  HttpClient plain(running.port());
  // Not a TLS ClientHello: the handshake fails and the server closes.
  ASSERT_TRUE(plain.send(get_request("/")));
  EXPECT_TRUE(plain.wait_for_close(5s));

  HttpClient silent(running.port());
  EXPECT_TRUE(silent.wait_for_close(5s));
}

TEST_F(HttpServerTls, MissingCertificateFailsStartNamingThePath) {
  auto settings = tls_settings();
  settings.tls.cert_path = (directory_ / "absent.pem").string();
  boost::asio::io_context io;
  http::Server server(io, settings, echo_request);
  try {
    server.start();
    FAIL() << "a missing certificate must fail start()";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(settings.tls.cert_path), std::string::npos) << error.what();
  }
}

TEST_F(HttpServerTls, KeyThatIsNotPemFailsStartNamingThePath) {
  const std::string bad_key = (directory_ / "bad-key.pem").string();
  ASSERT_EQ(std::system(("echo not-a-key > '" + bad_key + "'").c_str()), 0);
  auto settings = tls_settings();
  settings.tls.key_path = bad_key;
  boost::asio::io_context io;
  http::Server server(io, settings, echo_request);
  try {
    server.start();
    FAIL() << "an unreadable key must fail start()";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(bad_key), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace fgw::test
