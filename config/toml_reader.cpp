#include "config/toml_reader.hpp"

#include <sstream>

namespace fgw::config {

TomlTableReader::TomlTableReader(const toml::table& table, std::string key_prefix)
    : table_(&table), prefix_(std::move(key_prefix)) {}

std::string TomlTableReader::full_key(const std::string& key) const {
  return prefix_.empty() ? key : prefix_ + "." + key;
}

void TomlTableReader::fail(const std::string& key, const std::string& reason) const {
  throw ConfigError(full_key(key) + ": " + reason);
}

const toml::node* TomlTableReader::lookup(const std::string& key) {
  read_.insert(key);
  return table_->get(key);
}

std::optional<std::string> TomlTableReader::string(const std::string& key) {
  const auto* node = lookup(key);
  if (!node) return std::nullopt;
  if (!node->is_string()) fail(key, "expected a string");
  return node->as_string()->get();
}

std::optional<int64_t> TomlTableReader::integer(const std::string& key, int64_t min, int64_t max) {
  const auto* node = lookup(key);
  if (!node) return std::nullopt;
  if (!node->is_integer()) fail(key, "expected an integer");
  const int64_t value = node->as_integer()->get();
  if (value < min || value > max)
    fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return value;
}

std::optional<bool> TomlTableReader::boolean(const std::string& key) {
  const auto* node = lookup(key);
  if (!node) return std::nullopt;
  if (!node->is_boolean()) fail(key, "expected true or false");
  return node->as_boolean()->get();
}

std::optional<std::vector<std::string>> TomlTableReader::string_array(const std::string& key) {
  const auto* node = lookup(key);
  if (!node) return std::nullopt;
  const auto* array = node->as_array();
  if (!array) fail(key, "expected an array of strings");
  std::vector<std::string> values;
  for (const auto& element : *array) {
    if (!element.is_string()) fail(key, "expected an array of strings");
    values.push_back(element.as_string()->get());
  }
  return values;
}

std::optional<Endpoint> TomlTableReader::endpoint(const std::string& key) {
  auto text = string(key);
  if (!text) return std::nullopt;
  try {
    return parse_endpoint(*text);
  } catch (const std::invalid_argument& e) {
    fail(key, e.what());
  }
}

std::optional<TomlTableReader> TomlTableReader::table(const std::string& key) {
  const auto* node = lookup(key);
  if (!node) return std::nullopt;
  if (!node->is_table()) fail(key, "expected a table");
  return TomlTableReader(*node->as_table(), full_key(key));
}

std::vector<TomlTableReader> TomlTableReader::table_array(const std::string& key) {
  std::vector<TomlTableReader> tables;
  const auto* node = lookup(key);
  if (!node) return tables;
  const auto* array = node->as_array();
  if (!array || !array->is_array_of_tables()) fail(key, "expected [[" + full_key(key) + "]] tables");
  size_t index = 0;
  for (const auto& element : *array)
    tables.emplace_back(*element.as_table(), full_key(key) + "[" + std::to_string(index++) + "]");
  return tables;
}

std::vector<std::string> TomlTableReader::unread_keys() const {
  std::vector<std::string> unread;
  for (const auto& [key, value] : *table_) {
    const std::string name(key.str());
    if (!read_.count(name)) unread.push_back(full_key(name));
  }
  return unread;
}

toml::table parse_toml(std::string_view text, const std::string& source_name) {
  try {
    return toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    std::ostringstream message;
    message << source_name << ":" << e.source().begin.line << ":" << e.source().begin.column << ": "
            << e.description();
    throw ConfigError(message.str());
  }
}

}  // namespace fgw::config
