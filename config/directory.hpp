#pragma once
// The directory of users, teams and route points (DESIGN.md "Directory file"): the part that a
// contact centre keeps in its admin database. Passwords are held only as libsodium
// crypto_pwhash_str hashes; a plain `password` in the file is hashed on load and dropped.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fgw::config {

struct Team {
  std::string id;
  std::string name;
};

struct User {
  std::string id;  // loginId
  std::string login_name;
  std::string password_hash;  // crypto_pwhash_str output
  std::string first_name;
  std::string last_name;
  std::string extension;
  bool agent = false;
  bool supervisor = false;
  bool administrator = false;
  std::string team_id;                 // may be empty
  std::vector<std::string> supervises;  // team ids
};

struct RoutePoint {
  std::string dn;
};

enum class HashCost { Interactive, Minimal };

class Directory {
 public:
  const User* find_by_id(const std::string& id) const;
  // Basic auth accepts a user's id or login name; the id wins when both could match.
  const User* find_by_id_or_login(const std::string& name) const;
  const Team* find_team(const std::string& id) const;
  std::vector<const User*> team_members(const std::string& team_id) const;
  const std::vector<User>& users() const { return users_; }
  const std::vector<Team>& teams() const { return teams_; }
  const std::vector<RoutePoint>& route_points() const { return route_points_; }

  // Throws ConfigError naming the entry and the key on a bad file.
  static Directory parse(std::string_view toml_text, const std::string& source_name, HashCost cost);
  static Directory load(const std::string& path, HashCost cost);

 private:
  std::vector<User> users_;
  std::vector<Team> teams_;
  std::vector<RoutePoint> route_points_;
  std::map<std::string, size_t> by_id_;
  std::map<std::string, size_t> by_login_;
};

// Password hashing, so that the directory and the authenticator agree on one scheme.
std::string hash_password(const std::string& password, HashCost cost);
bool verify_password(const std::string& hash, const std::string& password);

}  // namespace fgw::config
