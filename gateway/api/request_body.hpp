#pragma once
// Reading Finesse request bodies. Rules shared by every PUT and POST:
// - the body must be well-formed XML whose root element is the object's name (else 400 Invalid Input);
// - when a tag is repeated, the last one wins (guide 4.5 and 4.6 notes; DECISIONS.md 5);
// - element names match case-insensitively, because the guide itself spells some names two ways
//   (forAll/forall, callVariables/callvariables; DECISIONS.md 6).

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace fgw::api {

// Throws http::ApiError (400 Invalid Input) for an empty body, malformed XML or the wrong root.
pugi::xml_document parse_body(const std::string& body, std::string_view expected_root);

// The root element of a document returned by parse_body.
pugi::xml_node root_of(const pugi::xml_document& doc);

// The last child element of `parent` named `name` (case-insensitive), or an empty node.
pugi::xml_node last_child(pugi::xml_node parent, std::string_view name);

// The text of last_child(parent, name), or nullopt when no such element exists.
std::optional<std::string> last_child_text(pugi::xml_node parent, std::string_view name);

// Parses a whole decimal integer in [min, max]; nullopt for anything else (sign, spaces, junk).
std::optional<long long> parse_integer(std::string_view text, long long min, long long max);

// ASCII case-insensitive equality, the comparison every element-name rule here uses.
bool iequals(std::string_view a, std::string_view b);

// "true"/"false" (case-insensitive); nullopt otherwise.
std::optional<bool> parse_boolean(std::string_view text);

}  // namespace fgw::api
