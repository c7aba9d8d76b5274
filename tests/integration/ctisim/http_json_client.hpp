#pragma once
// One HTTP/1.1 request per call against the simulator's control API, with Beast's sync client.
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <string>

namespace fgw::ctisim::test {

struct JsonReply {
  int status = 0;
  std::string content_type;
  std::string body;
  boost::json::value json() const { return boost::json::parse(body); }
};

inline JsonReply http_request(std::uint16_t port, boost::beast::http::verb method,
                              const std::string& target, const std::string& body = {}) {
  namespace http = boost::beast::http;
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  http::request<http::string_body> request(method, target, 11);
  request.set(http::field::host, "127.0.0.1");
  if (!body.empty()) request.set(http::field::content_type, "application/json");
  request.body() = body;
  request.prepare_payload();
  http::write(socket, request);
  boost::beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(socket, buffer, response);
  return {static_cast<int>(response.result_int()), std::string(response[http::field::content_type]),
          response.body()};
}

inline JsonReply http_post(std::uint16_t port, const std::string& target,
                           const std::string& body = {}) {
  return http_request(port, boost::beast::http::verb::post, target, body);
}

inline JsonReply http_get(std::uint16_t port, const std::string& target) {
  return http_request(port, boost::beast::http::verb::get, target);
}

}  // namespace fgw::ctisim::test
