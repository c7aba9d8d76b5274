#pragma once
// Shared fixture for the configuration API tests: a real store in a temporary directory, a small
// directory of users, and a Router built by the register_* functions under test. Requests go
// through router.find and the handler, and ApiErrors become responses as the dispatcher does.

#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <stdlib.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "config/config_store.hpp"
#include "config/daemon_config.hpp"
#include "config/directory.hpp"
#include "gateway/api/api_context.hpp"
#include "gateway/desk/desk.hpp"
#include "gateway/http/api_error.hpp"
#include "gateway/http/router.hpp"
#include "gateway/xml/config_xml.hpp"

namespace fgw::test {

inline constexpr const char* kDirectoryToml = R"(
[[team]]
id = "1"
name = "Default"

[[user]]
id = "1001"
login_name = "jsmith"
password = "agent-pass"
first_name = "John"
last_name = "Smith"
roles = ["Agent"]
team = "1"

[[user]]
id = "1002"
login_name = "ajones"
password = "agent-pass"
first_name = "Ann"
last_name = "Jones"
roles = ["Agent"]
team = "1"

[[user]]
id = "2001"
login_name = "sboss"
password = "super-pass"
first_name = "Sue"
last_name = "Boss"
roles = ["Agent", "Supervisor"]
team = "1"
supervises = ["1"]

[[user]]
id = "9001"
login_name = "admin"
password = "admin-pass"
first_name = "Ada"
last_name = "Admin"
roles = ["Administrator"]
)";

class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "fgw-api-config-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline http::Principal principal_for(const config::User& user) {
  http::Principal p;
  p.user_id = user.id;
  p.login_name = user.login_name;
  p.is_agent = user.agent;
  p.is_supervisor = user.supervisor;
  p.is_administrator = user.administrator;
  p.supervised_teams = user.supervises;
  return p;
}

// A parsed <ApiErrors> body, for asserting on its fields.
struct ParsedError {
  std::string type, message, data;
};

inline std::optional<ParsedError> parse_error(const std::string& body) {
  pugi::xml_document doc;
  if (!doc.load_string(body.c_str())) return std::nullopt;
  auto error = doc.child("ApiErrors").child("ApiError");
  if (!error) return std::nullopt;
  return ParsedError{error.child_value("ErrorType"), error.child_value("ErrorMessage"), error.child_value("ErrorData")};
}

class ConfigApiTest : public ::testing::Test {
 protected:
  ConfigApiTest()
      : directory_(config::Directory::parse(kDirectoryToml, "test", config::HashCost::Minimal)),
        store_(config::ConfigStore::open(temp_.file("finesse.db"), temp_.file("finesse.key"))),
        ctx_{daemon_config_, directory_, *store_, desk_, nullptr} {
    api::register_user_config_read_routes(router_, ctx_);
    api::register_system_config_routes(router_, ctx_);
    api::register_cluster_config_routes(router_, ctx_);
    api::register_database_config_routes(router_, ctx_);
    api::register_layout_config_routes(router_, ctx_);
    api::register_reason_code_routes(router_, ctx_);
    api::register_wrap_up_reason_routes(router_, ctx_);
    api::register_media_properties_layout_routes(router_, ctx_);
  }

  http::Principal as(const std::string& user_id) const { return principal_for(*directory_.find_by_id(user_id)); }
  http::Principal admin() const { return as("9001"); }
  http::Principal agent() const { return as("1001"); }

  // `target` may carry a query ("...?category=LOGOUT"); values in tests need no decoding.
  http::ApiResponse call(http::Method method, const std::string& target, const http::Principal& who,
                         const std::string& body = {}, const std::string& host = {}) {
    http::ApiRequest request;
    request.method = method;
    request.body = body;
    request.host = host;
    request.principal = who;
    const auto question = target.find('?');
    request.path = target.substr(0, question);
    if (question != std::string::npos) add_query(request, target.substr(question + 1));
    const auto lookup = router_.find(method, request.path);
    if (lookup.outcome != http::RouteLookup::Outcome::Found) {
      ADD_FAILURE() << "no route for " << http::method_name(method) << " " << request.path;
      return http::ApiResponse{404, "", "text/plain", {}};
    }
    request.path_params = lookup.params;
    try {
      return lookup.route->handler(request);
    } catch (const http::ApiError& error) {
      return http::error_response(error);
    }
  }

  http::ApiResponse get(const std::string& target, const http::Principal& who) { return call(http::Method::Get, target, who); }
  http::ApiResponse put(const std::string& target, const std::string& body) { return call(http::Method::Put, target, admin(), body); }
  http::ApiResponse post(const std::string& target, const std::string& body, const std::string& host = {}) {
    return call(http::Method::Post, target, admin(), body, host);
  }

  // Everything the store holds, rendered: equal dumps mean an unchanged store.
  std::string dump_store() const {
    std::string dump = xml::render_system_config(store_->system_config());
    dump += xml::render_cluster_config(store_->cluster_config());
    dump += xml::render_enterprise_database_config(store_->enterprise_database_config());
    dump += xml::render_layout_config(store_->layout_xml());
    dump += xml::render_reason_codes(config::ReasonCategory::NotReady, store_->reason_codes(config::ReasonCategory::NotReady));
    dump += xml::render_reason_codes(config::ReasonCategory::Logout, store_->reason_codes(config::ReasonCategory::Logout));
    dump += xml::render_wrap_up_reasons(store_->wrap_up_reasons(), xml::config_wrap_up_reason_uri);
    dump += xml::render_media_properties_layout(store_->media_properties_layout());
    return dump;
  }

  static void add_query(http::ApiRequest& request, const std::string& query) {
    size_t start = 0;
    while (start <= query.size()) {
      const auto end = std::min(query.find('&', start), query.size());
      const auto pair = query.substr(start, end - start);
      const auto equals = pair.find('=');
      if (!pair.empty()) request.query[pair.substr(0, equals)] = equals == std::string::npos ? "" : pair.substr(equals + 1);
      start = end + 1;
    }
  }

  TemporaryDirectory temp_;
  config::DaemonConfig daemon_config_;
  config::Directory directory_;
  desk::Desk desk_;
  std::unique_ptr<config::ConfigStore> store_;
  api::ApiContext ctx_;
  http::Router router_;
};

// One row of a rejection table: the request body and the error it must produce.
struct Rejection {
  std::string name;  // what the row checks, for failure messages
  std::string body;
  int status;
  std::string type;
  std::string message;
  std::string data;
};

// Asserts the error fields and that the store did not change.
#define EXPECT_REJECTED(response, row, before)                                                  \
  do {                                                                                          \
    const auto& resp_ = (response);                                                             \
    EXPECT_EQ(resp_.status, (row).status) << (row).name << ": " << resp_.body;                 \
    const auto parsed_ = ::fgw::test::parse_error(resp_.body);                                 \
    ASSERT_TRUE(parsed_.has_value()) << (row).name << ": not an ApiErrors body: " << resp_.body; \
    EXPECT_EQ(parsed_->type, (row).type) << (row).name;                                         \
    EXPECT_EQ(parsed_->message, (row).message) << (row).name;                                   \
    EXPECT_EQ(parsed_->data, (row).data) << (row).name;                                         \
    EXPECT_EQ(dump_store(), (before)) << (row).name << ": the store changed";                   \
  } while (false)

inline std::string missing(const std::string& parameter) { return parameter + " Parameter missing"; }

}  // namespace fgw::test
