#pragma once
// Why a request did not get its positive confirmation.
#include <cstdint>
#include <string>

#include "gateway/cti/failure.hpp"

namespace fgw::cti::client {

// Which numbering `CtiFailure::code` belongs to.
enum class FailureSource : std::uint8_t {
  ServerStatus,    // E_CTI_* from FAILURE_CONF (GED-188.md 4.1)
  ControlFailure,  // CF_* from CONTROL_FAILURE_CONF (GED-188.md 4.2)
  Client,          // ClientFailure below: the request never got an answer from the server
};

// Failures the client itself reports. Their names are the CtiFailure names.
enum class ClientFailure : std::uint32_t {
  LinkDown = 1,       // "CTI_LINK_DOWN": no open session when the request was made
  LinkLost = 2,       // "CTI_LINK_LOST": the session died while the request was pending
  RequestTimeout = 3, // "CTI_REQUEST_TIMEOUT": no confirmation within request_timeout
  ClientStopped = 4,  // "CTI_CLIENT_STOPPED": stop() was called
  NotARequest = 5,    // "CTI_NOT_A_CLIENT_REQUEST": not a *_REQ, or one the client sends itself
  MessageTooLong = 6, // "CTI_MESSAGE_TOO_LONG": the encoded frame exceeds the protocol maximum
};

struct CtiFailure {
  std::uint32_t code = 0;
  std::string name;        // e.g. "CF_INVALID_CALLED_DEVICE", "E_CTI_AGENT_NOT_LOGGED_ON"
  bool timed_out = false;  // true only for ClientFailure::RequestTimeout
  FailureSource source = FailureSource::Client;
  std::uint32_t peripheral_error_code = 0;  // CONTROL_FAILURE_CONF / 10-byte FAILURE_CONF only
  std::string detail;                       // for logs: what the client was doing
  bool operator==(const CtiFailure&) const = default;
};

CtiFailure failure_from(const FailureConf& conf);
CtiFailure failure_from(const ControlFailureConf& conf);
CtiFailure client_failure(ClientFailure which, std::string detail = {});

// True for the failures that mean "the link went away", after which a caller retries on the next
// session rather than treating the request as refused.
bool is_link_failure(const CtiFailure& failure);

}  // namespace fgw::cti::client
