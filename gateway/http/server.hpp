#pragma once
// The HTTP/1.1 server (Boost.Beast, async). Keep-alive and pipelining; every limit in HttpLimits
// is enforced and answered with its own status and an <ApiErrors> body:
//   body > max_body_bytes -> 413, header block > max_header_bytes -> 431,
//   request not complete within read_timeout -> 408 and close, idle keep-alive beyond
//   idle_timeout -> close, connections beyond max_connections -> 503 and close.
// Optional TLS (OpenSSL) with the cert and key of TlsSettings.
//
// Only server.cpp includes Beast; this header names Asio's io_context by forward declaration.

#include <cstdint>
#include <functional>
#include <memory>

#include "config/daemon_config.hpp"
#include "gateway/http/api_types.hpp"

namespace boost::asio {
class io_context;
}

namespace fgw::http {

// Called on an io thread for each complete request. It must not block for long: the desk and the
// store answer from memory.
using RequestHandler = std::function<ApiResponse(ApiRequest&)>;

struct ServerStats {
  uint64_t connections_open = 0;
  uint64_t connections_rejected = 0;
  uint64_t requests = 0;
};

class Server {
 public:
  Server(boost::asio::io_context& io, const config::HttpSettings& settings, RequestHandler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts accepting. Throws std::runtime_error (naming the address) on failure.
  void start();
  // Stops accepting and closes idle connections; requests in flight finish and are answered,
  // then their connections close. Safe to call from any thread.
  void stop();
  // The bound port (useful when the settings asked for port 0).
  uint16_t port() const;
  ServerStats stats() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace fgw::http
