#include "gateway/http/api_error.hpp"

#include "gateway/xml/xml_writer.hpp"

namespace fgw::http {

ApiError invalid_input(std::string parameter, std::string value) {
  return {400, error_type::kInvalidInput, std::move(parameter), std::move(value)};
}

ApiError parameter_missing(std::string parameter) {
  std::string message = parameter + " Parameter missing";
  return {400, error_type::kParameterMissing, std::move(message), std::move(parameter)};
}

ApiError not_found(std::string what, std::string id) {
  return {404, error_type::kNotFound, std::move(what) + " not found", std::move(id)};
}

ApiError authorization_failure(std::string login_name) {
  return {401, error_type::kAuthorizationFailure, "UNAUTHORIZED", std::move(login_name)};
}

ApiError invalid_authorization_user(std::string id) {
  return {401, error_type::kInvalidAuthorizationUser,
          "The user specified in the authentication credentials and the uri don't match", std::move(id)};
}

ApiError user_not_found(std::string id) {
  return {404, error_type::kUserNotFound, "UNKNOWN_USER", std::move(id)};
}

std::string render_api_errors(const ApiError& error) {
  pugi::xml_document doc;
  auto api_error = doc.append_child("ApiErrors").append_child("ApiError");
  xml::append_text(api_error, "ErrorType", error.type);
  xml::append_text(api_error, "ErrorMessage", error.message);
  xml::append_text(api_error, "ErrorData", error.data);
  return xml::serialize(doc);
}

ApiResponse error_response(const ApiError& error) {
  ApiResponse response;
  response.status = error.status;
  response.body = render_api_errors(error);
  response.headers = error.headers;
  return response;
}

}  // namespace fgw::http
