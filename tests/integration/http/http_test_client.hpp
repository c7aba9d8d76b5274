#pragma once
// A small HTTP client for the server's integration tests: it writes raw bytes, exactly as a test
// spells them, and reads responses with Beast's parser. Every operation runs on the client's own
// io_context with a deadline, so that a server bug fails a test instead of hanging it.

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fgw::test {

using namespace std::chrono_literals;

struct HttpReply {
  int status = 0;
  std::string body;
  boost::beast::http::fields headers;

  std::string header(std::string_view name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? std::string{} : std::string(found->value());
  }
  bool has_header(std::string_view name) const { return headers.find(name) != headers.end(); }
};

// The text of the first <tag> in an XML body, or "" when there is none.
inline std::string xml_text(const std::string& body, const std::string& tag) {
  const std::string open = "<" + tag + ">";
  const size_t start = body.find(open);
  if (start == std::string::npos) return {};
  const size_t end = body.find("</" + tag + ">", start);
  if (end == std::string::npos) return {};
  return body.substr(start + open.size(), end - start - open.size());
}

template <class Stream>
class BasicHttpClient {
 public:
  static constexpr bool kTls = !std::is_same_v<Stream, boost::asio::ip::tcp::socket>;

  explicit BasicHttpClient(uint16_t port) : stream_(make_stream()) {
    stream_.lowest_layer().connect({boost::asio::ip::make_address("127.0.0.1"), port});
    if constexpr (kTls) {
      const auto ec = run([&](auto done) { stream_.async_handshake(boost::asio::ssl::stream_base::client, done); },
                          2s);
      if (ec) throw boost::system::system_error(ec, "TLS handshake");
    }
  }

  // Writes `bytes` as they are; false if the server has closed (or reset) the connection.
  bool send(std::string_view bytes) {
    return !run([&](auto done) { boost::asio::async_write(stream_, boost::asio::buffer(bytes), done); }, 2s);
  }

  // One response; nullopt if the connection closed or nothing complete arrived within `timeout`.
  // A response to HEAD has headers only, so the parser must be told not to expect a body.
  std::optional<HttpReply> read_reply(bool to_head_request = false, std::chrono::milliseconds timeout = 2s) {
    boost::beast::http::response_parser<boost::beast::http::string_body> parser;
    parser.skip(to_head_request);
    if (run([&](auto done) { boost::beast::http::async_read(stream_, buffer_, parser, done); }, timeout)) {
      return std::nullopt;
    }
    auto message = parser.release();
    HttpReply reply;
    reply.status = static_cast<int>(message.result_int());
    reply.body = std::move(message.body());
    reply.headers = std::move(message.base());
    return reply;
  }

  // Reads until the server closes the connection. True if it closed within `timeout`; whatever
  // arrived before the close is appended to `received`.
  bool wait_for_close(std::chrono::milliseconds timeout, std::string* received = nullptr) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left <= 0ms) return false;
      size_t bytes = 0;
      const auto ec = run(
          [&](auto done) {
            stream_.async_read_some(buffer_.prepare(4096), [&bytes, done](auto error, size_t n) mutable {
              bytes = n;
              done(error);
            });
          },
          left);
      buffer_.commit(bytes);
      if (received) received->append(static_cast<const char*>(buffer_.data().data()), buffer_.size());
      buffer_.clear();
      if (ec == boost::asio::error::timed_out) return false;
      if (ec) return true;
    }
  }

  Stream& stream() { return stream_; }

 private:
  Stream make_stream() {
    if constexpr (kTls) {
      tls_.set_verify_mode(boost::asio::ssl::verify_none);
      return Stream(io_, tls_);
    } else {
      return Stream(io_);
    }
  }

  // Runs one asynchronous operation to completion or until `timeout`, whichever comes first.
  template <class Start>
  boost::system::error_code run(Start start, std::chrono::milliseconds timeout) {
    std::optional<boost::system::error_code> result;
    io_.restart();
    start([&result](boost::system::error_code ec, auto&&...) { result = ec; });
    io_.run_for(timeout);
    if (!result) {
      boost::system::error_code ignored;
      stream_.lowest_layer().cancel(ignored);
      io_.restart();
      io_.run();
      return boost::asio::error::timed_out;
    }
    return *result;
  }

  boost::asio::io_context io_;
  boost::asio::ssl::context tls_{boost::asio::ssl::context::tls_client};
  Stream stream_;
  boost::beast::flat_buffer buffer_;
};

using HttpClient = BasicHttpClient<boost::asio::ip::tcp::socket>;
using HttpsClient = BasicHttpClient<boost::asio::ssl::stream<boost::asio::ip::tcp::socket>>;

// A minimal well-formed request.
inline std::string get_request(std::string_view target, std::string_view extra_headers = {}) {
  std::string request = "GET ";
  request += target;
  request += " HTTP/1.1\r\nHost: localhost\r\n";
  request += extra_headers;
  request += "\r\n";
  return request;
}

}  // namespace fgw::test
