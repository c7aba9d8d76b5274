#include "config/directory.hpp"

#include <fstream>
#include <sodium.h>
#include <sstream>

#include "config/toml_reader.hpp"

namespace fgw::config {

namespace {

void ensure_sodium() {
  static const int result = sodium_init();
  if (result < 0) throw std::runtime_error("libsodium failed to initialise");
}

// Guide 5.3: a user id is at most 12 characters.
constexpr size_t kMaxUserIdLength = 12;

void read_roles(TomlTableReader& t, User& user) {
  const auto roles = t.string_array("roles").value_or(std::vector<std::string>{"Agent"});
  for (const auto& role : roles) {
    if (role == "Agent") user.agent = true;
    else if (role == "Supervisor") user.supervisor = true;
    else if (role == "Administrator") user.administrator = true;
    else t.fail("roles", "unknown role \"" + role + "\" (Agent, Supervisor or Administrator)");
  }
}

void read_password(TomlTableReader& t, User& user, HashCost cost) {
  auto password = t.string("password");
  auto hash = t.string("password_hash");
  if (password && hash) t.fail("password", "give password or password_hash, not both");
  if (hash) {
    if (hash->rfind("$argon2", 0) != 0) t.fail("password_hash", "expected a crypto_pwhash_str hash ($argon2...)");
    user.password_hash = *hash;
  } else if (password) {
    user.password_hash = hash_password(*password, cost);
  } else {
    t.fail("password", "required (or password_hash)");
  }
}

User read_user(TomlTableReader& t, HashCost cost) {
  User user;
  user.id = t.string("id").value_or("");
  if (user.id.empty()) t.fail("id", "required");
  if (user.id.size() > kMaxUserIdLength) t.fail("id", "at most 12 characters");
  user.login_name = t.string("login_name").value_or(user.id);
  user.first_name = t.string("first_name").value_or("");
  user.last_name = t.string("last_name").value_or("");
  user.extension = t.string("extension").value_or("");
  user.team_id = t.string("team").value_or("");
  user.supervises = t.string_array("supervises").value_or(std::vector<std::string>{});
  read_roles(t, user);
  read_password(t, user, cost);
  for (auto& key : t.unread_keys()) throw ConfigError(key + ": unknown key");
  return user;
}

}  // namespace

std::string hash_password(const std::string& password, HashCost cost) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  const auto ops = cost == HashCost::Minimal ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const auto mem = cost == HashCost::Minimal ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (crypto_pwhash_str(out, password.data(), password.size(), ops, mem) != 0)
    throw std::runtime_error("crypto_pwhash_str ran out of memory");
  return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const User* Directory::find_by_id(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &users_[it->second];
}

const User* Directory::find_by_id_or_login(const std::string& name) const {
  if (const auto* user = find_by_id(name)) return user;
  auto it = by_login_.find(name);
  return it == by_login_.end() ? nullptr : &users_[it->second];
}

const Team* Directory::find_team(const std::string& id) const {
  for (const auto& team : teams_)
    if (team.id == id) return &team;
  return nullptr;
}

std::vector<const User*> Directory::team_members(const std::string& team_id) const {
  std::vector<const User*> members;
  for (const auto& user : users_)
    if (user.team_id == team_id) members.push_back(&user);
  return members;
}

Directory Directory::parse(std::string_view toml_text, const std::string& source_name, HashCost cost) {
  const auto table = parse_toml(toml_text, source_name);
  TomlTableReader root(table, "");
  Directory directory;
  for (auto& t : root.table_array("team")) {
    Team team{t.string("id").value_or(""), t.string("name").value_or("")};
    if (team.id.empty()) t.fail("id", "required");
    if (team.name.empty()) team.name = team.id;
    if (directory.find_team(team.id)) t.fail("id", "duplicate team id \"" + team.id + "\"");
    directory.teams_.push_back(std::move(team));
  }
  for (auto& t : root.table_array("route_point")) {
    RoutePoint rp{t.string("dn").value_or("")};
    if (rp.dn.empty()) t.fail("dn", "required");
    directory.route_points_.push_back(std::move(rp));
  }
  for (auto& t : root.table_array("user")) {
    User user = read_user(t, cost);
    if (directory.by_id_.count(user.id)) t.fail("id", "duplicate user id \"" + user.id + "\"");
    if (directory.by_login_.count(user.login_name))
      t.fail("login_name", "duplicate login name \"" + user.login_name + "\"");
    if (!user.team_id.empty() && !directory.find_team(user.team_id))
      t.fail("team", "no [[team]] with id \"" + user.team_id + "\"");
    for (const auto& supervised : user.supervises)
      if (!directory.find_team(supervised)) t.fail("supervises", "no [[team]] with id \"" + supervised + "\"");
    directory.by_id_[user.id] = directory.users_.size();
    directory.by_login_[user.login_name] = directory.users_.size();
    directory.users_.push_back(std::move(user));
  }
  for (auto& key : root.unread_keys()) throw ConfigError(source_name + ": unknown key " + key);
  return directory;
}

Directory Directory::load(const std::string& path, HashCost cost) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path + ": cannot open the directory file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path, cost);
}

}  // namespace fgw::config
