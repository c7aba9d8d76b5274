#pragma once
// Serialises an ApiResponse's status line and header block into a reused string. Written by hand
// instead of through beast::http::response, whose field container allocates a node per header on
// every response. Private to the server: only server.cpp includes it.

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/status.hpp>
#include <charconv>
#include <ctime>
#include <string>
#include <string_view>

#include "gateway/http/api_types.hpp"

namespace fgw::http::detail {

enum class ConnectionHeader {
  None,       // HTTP/1.1 keep-alive: the default, nothing to say
  KeepAlive,  // an HTTP/1.0 client asked for keep-alive and gets it
  Close,      // the server closes after this response
};

// The IMF-fixdate of the current second (RFC 9110 section 5.6.7), formatted once per second per
// thread rather than once per response.
inline std::string_view current_http_date() {
  thread_local std::time_t formatted_second = 0;
  thread_local char text[40] = {};
  thread_local size_t length = 0;
  const std::time_t now = std::time(nullptr);
  if (now != formatted_second) {
    std::tm utc{};
    gmtime_r(&now, &utc);
    length = std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    formatted_second = now;
  }
  return {text, length};
}

// A header that a handler supplies must not smuggle a line break into the header block, nor
// redefine the framing that the server itself writes.
inline bool is_safe_header(std::string_view name, std::string_view value) {
  if (name.empty()) return false;
  for (const std::string_view framing : {"Content-Length", "Transfer-Encoding", "Connection"}) {
    if (boost::beast::iequals(name, framing)) return false;
  }
  for (const char c : name) {
    const bool token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       std::string_view{"!#$%&'*+-.^_`|~"}.find(c) != std::string_view::npos;
    if (!token) return false;
  }
  return value.find_first_of(std::string_view{"\r\n\0", 3}) == std::string_view::npos;
}

// RFC 9110 section 6.4.1: 1xx, 204 and 304 responses carry no content.
inline bool status_allows_body(int status) {
  return !(status < 200 || status == 204 || status == 304);
}

inline void append_decimal(std::string& out, unsigned long long value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, result.ptr);
}

// Returns how many of the handler's headers it dropped as unsafe, so that the caller can log it.
inline size_t format_response_head(const ApiResponse& response, ConnectionHeader connection,
                                   std::string& out) {
  out.clear();
  out += "HTTP/1.1 ";
  append_decimal(out, static_cast<unsigned>(response.status));
  out += ' ';
  out += boost::beast::http::obsolete_reason(
      boost::beast::http::int_to_status(static_cast<unsigned>(response.status)));
  out += "\r\nServer: finesse-gw\r\nDate: ";
  out += current_http_date();
  out += "\r\n";
  if (status_allows_body(response.status)) {
    if (!response.content_type.empty() &&
        response.content_type.find_first_of("\r\n") == std::string::npos) {
      out += "Content-Type: ";
      out += response.content_type;
      out += "\r\n";
    }
    out += "Content-Length: ";
    append_decimal(out, response.body.size());
    out += "\r\n";
  }
  size_t dropped = 0;
  for (const auto& [name, value] : response.headers) {
    if (!is_safe_header(name, value)) {
      ++dropped;
      continue;
    }
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  if (connection == ConnectionHeader::Close) out += "Connection: close\r\n";
  if (connection == ConnectionHeader::KeepAlive) out += "Connection: keep-alive\r\n";
  out += "\r\n";
  return dropped;
}

}  // namespace fgw::http::detail
