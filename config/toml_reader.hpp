#pragma once
// Typed reads from a TOML table that name the full key in every error ("http.listen: expected a
// string"), and that remember which keys were read so that unknown ones can be reported.
// Shared by the daemon config and the directory file.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "config/daemon_config.hpp"

namespace fgw::config {

class TomlTableReader {
 public:
  TomlTableReader(const toml::table& table, std::string key_prefix);

  std::optional<std::string> string(const std::string& key);
  std::optional<int64_t> integer(const std::string& key, int64_t min, int64_t max);
  std::optional<bool> boolean(const std::string& key);
  std::optional<std::vector<std::string>> string_array(const std::string& key);
  std::optional<Endpoint> endpoint(const std::string& key);
  // A sub-table, or nullopt if absent; throws if the key holds something else.
  std::optional<TomlTableReader> table(const std::string& key);
  // An array of tables ([[name]]); empty if absent.
  std::vector<TomlTableReader> table_array(const std::string& key);

  std::string full_key(const std::string& key) const;
  [[noreturn]] void fail(const std::string& key, const std::string& reason) const;
  // Keys present in the table that no read asked for, as full keys.
  std::vector<std::string> unread_keys() const;

 private:
  const toml::node* lookup(const std::string& key);
  const toml::table* table_;
  std::string prefix_;
  std::set<std::string> read_;
};

// Parses TOML text; a syntax error becomes a ConfigError naming the source, line and column.
toml::table parse_toml(std::string_view text, const std::string& source_name);

}  // namespace fgw::config
