#pragma once
// Finesse API errors (guide section 6.2) and their <ApiErrors> rendering (section 1.1.1).
// Handlers throw ApiError; the dispatcher turns it into a response. A handler never builds an
// error body by hand, so every error has the same shape.

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "gateway/http/api_types.hpp"

namespace fgw::http {

struct ApiError : std::exception {
  int status;
  std::string type;     // <ErrorType>, the "Error Code" column of table 6.2
  std::string message;  // <ErrorMessage>
  std::string data;     // <ErrorData>
  std::vector<std::pair<std::string, std::string>> headers;  // sent with the error (Retry-After)

  ApiError(int status_, std::string type_, std::string message_, std::string data_ = {})
      : status(status_), type(std::move(type_)), message(std::move(message_)), data(std::move(data_)) {}
  const char* what() const noexcept override { return message.c_str(); }
};

// The error types of table 6.2, so that the spelling lives in one place.
namespace error_type {
inline constexpr const char* kGeneric = "Generic Error";
inline constexpr const char* kInvalidDestination = "Invalid Destination";
inline constexpr const char* kInvalidDevice = "Invalid Device";
inline constexpr const char* kInvalidInput = "Invalid Input";
inline constexpr const char* kInvalidState = "Invalid State";
inline constexpr const char* kParameterMissing = "Parameter Missing";
inline constexpr const char* kAuthorizationFailure = "Authorization Failure";
inline constexpr const char* kInvalidAuthorizationUser = "Invalid Authorization User Specified";
inline constexpr const char* kNotFound = "Not Found";
inline constexpr const char* kDialogNotFound = "Dialog Not Found";
inline constexpr const char* kUserNotFound = "User Not Found";
inline constexpr const char* kInternalServerError = "Internal Server Error";
inline constexpr const char* kServiceUnavailable = "Service Unavailable";
// "400 - Finesse API error (for example, ... violation of DB constraint)" in sections 4.5 and 4.6.
inline constexpr const char* kFinesseApiError = "Finesse API Error";
// Section 4.2.2's example: a failure reading or writing the configuration database.
inline constexpr const char* kDatastoreError = "Datastore Error";
}  // namespace error_type

// Shorthands for the errors that handlers raise most.
ApiError invalid_input(std::string parameter, std::string value);
ApiError parameter_missing(std::string parameter);
ApiError not_found(std::string what, std::string id);
ApiError authorization_failure(std::string login_name);
ApiError invalid_authorization_user(std::string id);
ApiError user_not_found(std::string id);

// The <ApiErrors> XML body for one error.
std::string render_api_errors(const ApiError& error);
ApiResponse error_response(const ApiError& error);

}  // namespace fgw::http
