// The listening side of the HTTP server: binding, TLS configuration, the accept loop, admission
// against max_connections, and stop(). The per-connection protocol lives in server_session.hpp.

#include "gateway/http/server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "gateway/http/server_session.hpp"
#include "gateway/http/server_state.hpp"

namespace fgw::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

std::string describe(const config::Endpoint& endpoint) {
  const bool ipv6 = endpoint.host.find(':') != std::string::npos;
  return (ipv6 ? "[" + endpoint.host + "]" : endpoint.host) + ":" + std::to_string(endpoint.port);
}

void require_readable_file(const std::string& what, const std::string& path) {
  std::error_code ec;
  if (path.empty()) throw std::runtime_error("http.tls: no " + what + " file configured");
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw std::runtime_error("http.tls: " + what + " file not found: " + path);
  }
}

// TLS 1.2 and later only: Finesse desktops are browsers, and every current browser speaks 1.2.
asio::ssl::context make_tls_context(const config::TlsSettings& tls) {
  require_readable_file("certificate", tls.cert_path);
  require_readable_file("private key", tls.key_path);
  asio::ssl::context context(asio::ssl::context::tls_server);
  context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                      asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                      asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
  boost::system::error_code ec;
  if (context.use_certificate_chain_file(tls.cert_path, ec); ec) {
    throw std::runtime_error("http.tls: cannot load certificate " + tls.cert_path + ": " + ec.message());
  }
  // OpenSSL checks here that the key belongs to the certificate loaded above.
  if (context.use_private_key_file(tls.key_path, asio::ssl::context::pem, ec); ec) {
    throw std::runtime_error("http.tls: cannot load private key " + tls.key_path + ": " + ec.message());
  }
  return context;
}

// A failed accept (out of file descriptors, most likely) is retried after a pause instead of at
// once, which would spin a core while the condition lasts.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

}  // namespace

struct Server::Impl : std::enable_shared_from_this<Server::Impl> {
  Impl(asio::io_context& io_, const config::HttpSettings& settings_, RequestHandler handler)
      : io(io_),
        settings(settings_),
        state(std::make_shared<detail::ServerState>(settings_.limits, std::move(handler))),
        acceptor(asio::make_strand(io_)),
        accept_retry(acceptor.get_executor()) {}

  void start() {
    if (settings.tls.enabled) state->tls_context.emplace(make_tls_context(settings.tls));
    bind_and_listen();
    spdlog::info("http: listening on {}:{}{}", settings.listen.host, port.load(),
                 settings.tls.enabled ? " (TLS)" : "");
    accept_next();
  }

  void bind_and_listen() {
    const std::string address = describe(settings.listen);
    boost::system::error_code ec;
    tcp::resolver resolver(io);
    const auto endpoints = resolver.resolve(settings.listen.host, std::to_string(settings.listen.port),
                                            tcp::resolver::passive | tcp::resolver::numeric_service, ec);
    if (ec || endpoints.empty()) {
      throw std::runtime_error("http: cannot resolve listen address " + address + ": " + ec.message());
    }
    const tcp::endpoint endpoint = endpoints.begin()->endpoint();
    auto fail = [&](const char* step) {
      throw std::runtime_error("http: cannot " + std::string(step) + " " + address + ": " + ec.message());
    };
    if (acceptor.open(endpoint.protocol(), ec); ec) fail("open a socket for");
    if (acceptor.set_option(tcp::acceptor::reuse_address(true), ec); ec) fail("set SO_REUSEADDR on");
    if (acceptor.bind(endpoint, ec); ec) fail("bind");
    if (acceptor.listen(asio::socket_base::max_listen_connections, ec); ec) fail("listen on");
    port = acceptor.local_endpoint().port();
  }

  void accept_next() {
    acceptor.async_accept(asio::make_strand(io), [self = shared_from_this()](
                                                     const boost::system::error_code& ec, tcp::socket socket) {
      self->on_accept(ec, std::move(socket));
    });
  }

  void on_accept(const boost::system::error_code& ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
    if (ec) {
      spdlog::warn("http: accept failed: {}", ec.message());
      accept_retry.expires_after(kAcceptRetryDelay);
      accept_retry.async_wait([self = shared_from_this()](const boost::system::error_code& wait_ec) {
        if (!wait_ec && self->acceptor.is_open()) self->accept_next();
      });
      return;
    }
    if (!state->stopping) admit(std::move(socket));
    accept_next();
  }

  void admit(tcp::socket socket) {
    boost::system::error_code ignored;
    // Responses leave in one write; Nagle would only hold the last segment back for an ACK.
    socket.set_option(tcp::no_delay(true), ignored);
    const bool has_room = state->connections_open.load() < state->limits.max_connections;
    const auto admission = has_room ? detail::Admission::Admitted : detail::Admission::OverCapacity;
    if (has_room) {
      ++state->connections_open;
    } else {
      ++state->connections_rejected;
    }
    if (state->tls_context) {
      using TlsStream = asio::ssl::stream<tcp::socket>;
      std::make_shared<detail::Session<TlsStream>>(state, TlsStream(std::move(socket), *state->tls_context),
                                                   admission)
          ->start();
    } else {
      std::make_shared<detail::Session<tcp::socket>>(state, std::move(socket), admission)->start();
    }
  }

  void stop() {
    if (state->stopping.exchange(true)) return;
    asio::post(acceptor.get_executor(), [self = shared_from_this()] {
      boost::system::error_code ignored;
      self->acceptor.close(ignored);
      self->accept_retry.cancel();
    });
    for (const auto& session : state->sessions.live_sessions()) session->request_stop();
  }

  asio::io_context& io;
  const config::HttpSettings settings;
  std::shared_ptr<detail::ServerState> state;
  tcp::acceptor acceptor;
  asio::steady_timer accept_retry;
  std::atomic<uint16_t> port{0};
};

Server::Server(asio::io_context& io, const config::HttpSettings& settings, RequestHandler handler)
    : impl_(std::make_shared<Impl>(io, settings, std::move(handler))) {}

Server::~Server() { impl_->stop(); }

void Server::start() { impl_->start(); }

void Server::stop() { impl_->stop(); }

uint16_t Server::port() const { return impl_->port.load(); }

ServerStats Server::stats() const {
  const auto& state = *impl_->state;
  return {state.connections_open.load(), state.connections_rejected.load(), state.requests.load()};
}

}  // namespace fgw::http
