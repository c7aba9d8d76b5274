#pragma once
// One way to turn a pugixml document into a response body, so every body has the same prolog
// and formatting.

#include <pugixml.hpp>
#include <string>

namespace fgw::xml {

// `<?xml version="1.0" encoding="UTF-8"?>` followed by the document, without indentation.
std::string serialize(const pugi::xml_document& doc);

// Appends <name>text</name> to parent and returns the new element.
pugi::xml_node append_text(pugi::xml_node parent, const char* name, std::string_view text);

}  // namespace fgw::xml
