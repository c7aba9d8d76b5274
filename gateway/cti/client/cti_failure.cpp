#include "gateway/cti/client/cti_failure.hpp"

#include <utility>

namespace fgw::cti::client {
namespace {

std::string client_failure_name(ClientFailure which) {
  switch (which) {
    case ClientFailure::LinkDown: return "CTI_LINK_DOWN";
    case ClientFailure::LinkLost: return "CTI_LINK_LOST";
    case ClientFailure::RequestTimeout: return "CTI_REQUEST_TIMEOUT";
    case ClientFailure::ClientStopped: return "CTI_CLIENT_STOPPED";
    case ClientFailure::NotARequest: return "CTI_NOT_A_CLIENT_REQUEST";
    case ClientFailure::MessageTooLong: return "CTI_MESSAGE_TOO_LONG";
  }
  return "CTI_CLIENT_FAILURE";
}

// A code missing from the codec's table still gets a readable, stable name.
std::string name_or_number(std::string_view name, const char* prefix, std::uint32_t code) {
  if (!name.empty()) return std::string(name);
  return std::string(prefix) + std::to_string(code);
}

}  // namespace

CtiFailure failure_from(const FailureConf& conf) {
  const auto code = static_cast<std::uint32_t>(conf.status);
  CtiFailure failure;
  failure.code = code;
  failure.name = name_or_number(name(conf.status), "E_CTI_", code);
  failure.source = FailureSource::ServerStatus;
  failure.peripheral_error_code = conf.peripheral_error_code.value_or(0);
  return failure;
}

CtiFailure failure_from(const ControlFailureConf& conf) {
  const auto code = static_cast<std::uint32_t>(conf.failure_code);
  CtiFailure failure;
  failure.code = code;
  failure.name = name_or_number(name(conf.failure_code), "CF_", code);
  failure.source = FailureSource::ControlFailure;
  failure.peripheral_error_code = conf.peripheral_error_code;
  return failure;
}

CtiFailure client_failure(ClientFailure which, std::string detail) {
  CtiFailure failure;
  failure.code = static_cast<std::uint32_t>(which);
  failure.name = client_failure_name(which);
  failure.timed_out = which == ClientFailure::RequestTimeout;
  failure.source = FailureSource::Client;
  failure.detail = std::move(detail);
  return failure;
}

bool is_link_failure(const CtiFailure& failure) {
  if (failure.source != FailureSource::Client) return false;
  const auto which = static_cast<ClientFailure>(failure.code);
  return which == ClientFailure::LinkDown || which == ClientFailure::LinkLost ||
         which == ClientFailure::ClientStopped;
}

}  // namespace fgw::cti::client
