#include "gateway/xml/notification_xml.hpp"

#include "gateway/xml/xml_writer.hpp"

namespace fgw::xml {

namespace {

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
};

std::string serialize_fragment(const pugi::xml_document& doc) {
  StringWriter writer;
  doc.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return std::move(writer.out);
}

std::string user_uri(const config::User& user) { return "/finesse/api/User/" + user.id; }

}  // namespace

std::string render_user_update(const UserView& view, const config::Directory& directory) {
  pugi::xml_document doc;
  auto update = doc.append_child("Update");
  append_text(update, "event", "PUT");
  append_text(update, "source", user_uri(*view.user));
  append_text(update, "requestId", "");
  append_user_fields(update.append_child("data").append_child("user"), view, directory);
  return serialize_fragment(doc);
}

std::string render_team_user_update(const UserView& view, const std::string& request_id) {
  pugi::xml_document doc;
  auto update = doc.append_child("Update");
  append_text(update, "event", "PUT");
  append_text(update, "source", user_uri(*view.user));
  append_text(update, "requestId", request_id);
  auto user = update.append_child("data").append_child("user");
  append_text(user, "uri", user_uri(*view.user));
  append_text(user, "loginId", view.user->id);
  append_text(user, "firstName", view.user->first_name);
  append_text(user, "lastName", view.user->last_name);
  append_text(user, "state", view.live.state);
  return serialize_fragment(doc);
}

std::string render_dialog_update(const Dialog& dialog, const std::string& event_method, const std::string& source,
                                 const std::string& request_id) {
  pugi::xml_document doc;
  auto update = doc.append_child("Update");
  append_dialog(update.append_child("data").append_child("dialogs"), dialog);
  append_text(update, "event", event_method);
  append_text(update, "requestId", request_id);
  append_text(update, "source", source);
  return serialize_fragment(doc);
}

namespace {

std::string render_error_update(const std::string& source, const char* error_type, const std::string& error_code,
                                const std::string& error_name, const std::string& request_id) {
  pugi::xml_document doc;
  auto update = doc.append_child("Update");
  auto error = update.append_child("data").append_child("apiErrors").append_child("apiError");
  append_text(error, "errorData", error_code);
  append_text(error, "errorMessage", error_name);
  append_text(error, "errorType", error_type);
  append_text(update, "event", "PUT");
  append_text(update, "requestId", request_id);
  append_text(update, "source", source);
  return serialize_fragment(doc);
}

}  // namespace

std::string render_cti_error_update(const std::string& dialog_id, const std::string& error_code,
                                    const std::string& error_name, const std::string& request_id) {
  return render_error_update(dialog_uri(dialog_id), "Call Operation Failure", error_code, error_name, request_id);
}

std::string render_user_error_update(const std::string& user_id, const std::string& error_code,
                                     const std::string& error_name, const std::string& request_id) {
  return render_error_update("/finesse/api/User/" + user_id, "Agent State Change Failure", error_code, error_name,
                             request_id);
}

std::string render_system_info_update(const SystemInfoView& view) {
  pugi::xml_document doc;
  auto update = doc.append_child("Update");
  append_system_info(update.append_child("data"), view);
  append_text(update, "event", "PUT");
  append_text(update, "requestId", "");
  append_text(update, "source", "/finesse/api/SystemInfo");
  return serialize_fragment(doc);
}

std::string with_request_id(const std::string& payload, const std::string& request_id) {
  pugi::xml_document doc;
  if (!doc.load_buffer(payload.data(), payload.size())) return payload;  // never ours; leave it whole
  auto update = doc.child("Update");
  auto field = update.child("requestId");
  if (!field) field = update.append_child("requestId");
  field.text().set(request_id.c_str());
  return serialize_fragment(doc);
}

}  // namespace fgw::xml
