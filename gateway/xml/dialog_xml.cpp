#include "gateway/xml/dialog_xml.hpp"

#include "gateway/xml/xml_writer.hpp"

namespace fgw::xml {

namespace {

void append_call_variables(pugi::xml_node parent, const std::vector<CallVariable>& variables) {
  auto list = parent.append_child("callVariables");
  for (const auto& variable : variables) {
    auto node = list.append_child("CallVariable");
    append_text(node, "name", variable.name);
    append_text(node, "value", variable.value);
  }
}

void append_media_properties(pugi::xml_node parent, const MediaProperties& properties) {
  auto node = parent.append_child("mediaProperties");
  append_text(node, "dialedNumber", properties.dialed_number);
  append_text(node, "callType", properties.call_type);
  append_text(node, "DNIS", properties.dnis);
  append_text(node, "wrapUpReason", properties.wrap_up_reason);
  append_call_variables(node, properties.call_variables);
}

void append_participant(pugi::xml_node parent, const Participant& participant) {
  auto node = parent.append_child("Participant");
  append_text(node, "mediaAddress", participant.media_address);
  append_text(node, "state", participant.state);
  append_text(node, "stateCause", participant.state_cause);
  auto actions = node.append_child("actions");
  for (const auto& action : participant.actions) append_text(actions, "action", action);
}

}  // namespace

std::string dialog_uri(const std::string& dialog_id) { return "/finesse/api/Dialog/" + dialog_id; }

void append_dialog(pugi::xml_node parent, const Dialog& dialog) {
  auto node = parent.append_child("Dialog");
  append_text(node, "uri", dialog_uri(dialog.id));
  append_text(node, "mediaType", dialog.media_type);
  append_text(node, "state", dialog.state);
  append_text(node, "fromAddress", dialog.from_address);
  append_text(node, "toAddress", dialog.to_address);
  append_media_properties(node, dialog.media_properties);
  auto participants = node.append_child("participants");
  for (const auto& participant : dialog.participants) append_participant(participants, participant);
}

std::string render_dialog(const Dialog& dialog) {
  pugi::xml_document doc;
  append_dialog(doc, dialog);
  return serialize(doc);
}

std::string render_dialogs(const std::vector<Dialog>& dialogs) {
  pugi::xml_document doc;
  auto list = doc.append_child("Dialogs");
  for (const auto& dialog : dialogs) append_dialog(list, dialog);
  return serialize(doc);
}

}  // namespace fgw::xml
