#include "gateway/xml/xml_writer.hpp"

namespace fgw::xml {

namespace {
struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
};
}  // namespace

std::string serialize(const pugi::xml_document& doc) {
  StringWriter writer;
  writer.out = R"(<?xml version="1.0" encoding="UTF-8"?>)";
  doc.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return std::move(writer.out);
}

pugi::xml_node append_text(pugi::xml_node parent, const char* name, std::string_view text) {
  auto node = parent.append_child(name);
  node.append_child(pugi::node_pcdata).set_value(std::string(text).c_str());
  return node;
}

}  // namespace fgw::xml
