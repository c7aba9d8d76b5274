#pragma once
// Splits an HTTP request-target into the decoded path and query of an ApiRequest (RFC 3986
// percent-encoding; '+' means a space only inside the query, as HTML forms encode it).
// Private to the server: only server.cpp includes it.

#include <map>
#include <string>
#include <string_view>

namespace fgw::http::detail {

inline int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

enum class PlusSign { Literal, Space };

// Appends the decoded `encoded` to `out`. Returns false on a truncated or non-hex escape, and on an
// escaped NUL, which no Finesse identifier contains and which C APIs further down would truncate at.
inline bool percent_decode_append(std::string_view encoded, PlusSign plus, std::string& out) {
  for (size_t i = 0; i < encoded.size(); ++i) {
    const char c = encoded[i];
    if (c == '%') {
      if (i + 2 >= encoded.size()) return false;
      const int high = hex_digit_value(encoded[i + 1]);
      const int low = hex_digit_value(encoded[i + 2]);
      if (high < 0 || low < 0) return false;
      const char decoded = static_cast<char>(high * 16 + low);
      if (decoded == '\0') return false;
      out.push_back(decoded);
      i += 2;
    } else if (c == '+' && plus == PlusSign::Space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return true;
}

// "a=1&b=x+y&flag" -> {a:1, b:"x y", flag:""}. A repeated key keeps its last value.
inline bool decode_query(std::string_view query, std::map<std::string, std::string>& out) {
  std::string key;
  std::string value;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    key.clear();
    value.clear();
    if (!percent_decode_append(pair.substr(0, eq), PlusSign::Space, key)) return false;
    if (eq != std::string_view::npos &&
        !percent_decode_append(pair.substr(eq + 1), PlusSign::Space, value)) {
      return false;
    }
    out.insert_or_assign(key, value);
  }
  return true;
}

// Accepts origin-form ("/p?q"), absolute-form ("http://host/p?q", which RFC 9112 says a server must
// accept) and asterisk-form ("*", for OPTIONS). `path` and `query` are cleared first.
inline bool decode_request_target(std::string_view target, std::string& path,
                                  std::map<std::string, std::string>& query) {
  path.clear();
  query.clear();
  if (target == "*") {
    path = "*";
    return true;
  }
  if (const size_t scheme_end = target.find("://");
      scheme_end != std::string_view::npos && !target.empty() && target.front() != '/') {
    const size_t authority_end = target.find_first_of("/?", scheme_end + 3);
    target = authority_end == std::string_view::npos ? std::string_view{} : target.substr(authority_end);
    if (target.empty() || target.front() == '?') path = "/";
  }
  if (path.empty() && (target.empty() || target.front() != '/')) return false;
  const size_t question = target.find('?');
  if (!percent_decode_append(target.substr(0, question), PlusSign::Literal, path)) return false;
  return question == std::string_view::npos || decode_query(target.substr(question + 1), query);
}

}  // namespace fgw::http::detail
