#include "gateway/daemon/metrics_hooks.hpp"

#include <chrono>

namespace fgw::daemon {

namespace {

double seconds(std::chrono::steady_clock::duration duration) {
  return std::chrono::duration<double>(duration).count();
}

}  // namespace

void HttpMetricsHook::on_request_completed(const http::CompletedRequest& request) {
  metrics_.observe(request.route, http::method_name(request.method), request.status, seconds(request.duration));
}

void CtiMetricsHook::on_request_completed(const cti::client::CompletedRequest& request) {
  std::optional<double> round_trip;
  if (request.round_trip) round_trip = seconds(*request.round_trip);
  // The failure names are the client's: E_CTI_* / CF_* from the server, CTI_* (CTI_REQUEST_TIMEOUT,
  // CTI_LINK_DOWN, ...) from the client itself (cti_failure.hpp).
  metrics_.observe(cti::name(request.type), round_trip, request.failure ? std::string_view(request.failure->name) : std::string_view());
}

}  // namespace fgw::daemon
