#pragma once
// A Beast parser that writes one HTTP request straight into an ApiRequest. Deriving from
// basic_parser (rather than using request_parser) skips Beast's field container, which allocates a
// node per header: the gateway needs only Host, Authorization and Expect, so it keeps only those.
// Private to the server: only server.cpp includes it.

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/verb.hpp>
#include <algorithm>
#include <limits>

#include "config/daemon_config.hpp"
#include "gateway/http/api_types.hpp"
#include "gateway/http/request_target.hpp"

namespace fgw::http::detail {

inline Method to_method(boost::beast::http::verb http_verb) {
  using boost::beast::http::verb;
  switch (http_verb) {
    case verb::get: return Method::Get;
    case verb::put: return Method::Put;
    case verb::post: return Method::Post;
    case verb::delete_: return Method::Delete;
    case verb::head: return Method::Head;
    case verb::options: return Method::Options;
    default: return Method::Other;
  }
}

// Reset an ApiRequest for the next request on a connection without giving back string capacity.
inline void clear_for_reuse(ApiRequest& request) {
  request.method = Method::Other;
  request.path.clear();
  request.query.clear();
  request.body.clear();
  request.authorization.clear();
  request.host.clear();
  request.request_id.clear();
  request.principal.reset();
  request.path_params.clear();
}

class RequestReader final : public boost::beast::http::basic_parser<true> {
 public:
  // `request` must outlive the reader; remote_address is left as the caller set it.
  RequestReader(ApiRequest& request, const config::HttpLimits& limits) : request_(request) {
    constexpr size_t kMaxHeaderLimit = std::numeric_limits<std::uint32_t>::max();
    header_limit(static_cast<std::uint32_t>(std::min(limits.max_header_bytes, kMaxHeaderLimit)));
    body_limit(static_cast<std::uint64_t>(limits.max_body_bytes));
    // Keep going from the header into the body in one put(), so a small request costs one call.
    eager(true);
  }

  // The client sent "Expect: 100-continue" and waits for an interim response before the body.
  bool expects_continue() const { return expects_continue_; }
  // 10 for HTTP/1.0, 11 for HTTP/1.1; valid once the request line is parsed.
  int version() const { return version_; }

 private:
  using error_code = boost::beast::error_code;
  using string_view = boost::beast::string_view;

  void on_request_impl(boost::beast::http::verb http_verb, string_view /*method_str*/,
                       string_view target, int version, error_code& ec) override {
    version_ = version;
    request_.method = to_method(http_verb);
    if (!decode_request_target(target, request_.path, request_.query)) {
      ec = boost::beast::http::error::bad_target;
    }
  }

  // basic_parser<true> only ever parses requests; a status line is a syntax error there already.
  void on_response_impl(int, string_view, int, error_code&) override {}

  void on_field_impl(boost::beast::http::field name, string_view name_string, string_view value,
                     error_code& /*ec*/) override {
    using boost::beast::http::field;
    switch (name) {
      // Finesse clients send their correlation id in a non-standard "requestId" field.
      case field::unknown:
        if (boost::beast::iequals(name_string, "requestId")) request_.request_id.assign(value);
        break;
      case field::authorization: request_.authorization.assign(value); break;
      case field::host:
        ++host_fields_;
        request_.host.assign(value);
        break;
      case field::expect: expects_continue_ = boost::beast::iequals(value, "100-continue"); break;
      default: break;
    }
  }

  // RFC 9112 section 3.2: an HTTP/1.1 request carries exactly one Host field.
  void on_header_impl(error_code& ec) override {
    if (host_fields_ > 1 || (version_ >= 11 && host_fields_ == 0)) ec = boost::beast::http::error::bad_value;
  }

  // basic_parser has already refused a Content-Length above body_limit, so this reserve is bounded.
  void on_body_init_impl(const boost::optional<std::uint64_t>& content_length,
                         error_code& /*ec*/) override {
    if (content_length) request_.body.reserve(static_cast<size_t>(*content_length));
  }

  size_t on_body_impl(string_view body, error_code& /*ec*/) override {
    request_.body.append(body);
    return body.size();
  }

  // basic_parser subtracts every chunk from body_limit itself.
  void on_chunk_header_impl(std::uint64_t, string_view, error_code&) override {}

  size_t on_chunk_body_impl(std::uint64_t /*remain*/, string_view body, error_code& /*ec*/) override {
    request_.body.append(body);
    return body.size();
  }

  void on_finish_impl(error_code& /*ec*/) override {}

  ApiRequest& request_;
  bool expects_continue_ = false;
  int version_ = 11;
  int host_fields_ = 0;
};

}  // namespace fgw::http::detail
