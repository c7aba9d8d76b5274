#pragma once
// A whole dispatcher (router, authenticator, desk, a store in a temporary directory) driven with
// ApiRequests: everything the HTTP server does except the socket.

#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <memory>
#include <pugixml.hpp>

#include "config/config_store.hpp"
#include "config/daemon_config.hpp"
#include "config/directory.hpp"
#include "gateway/api/api_context.hpp"
#include "gateway/api/dispatcher.hpp"
#include "gateway/desk/desk.hpp"
#include "gateway/http/authenticator.hpp"

namespace fgw::testing {

inline constexpr const char* kTestDirectory = R"(
[[team]]
id = "1"
name = "Sales"
[[team]]
id = "2"
name = "Support"
[[user]]
id = "1001"
login_name = "jsmith"
password = "agentpw"
first_name = "John"
last_name = "Smith"
extension = "1001"
roles = ["Agent"]
team = "1"
[[user]]
id = "1002"
login_name = "mjones"
password = "agentpw"
roles = ["Agent"]
team = "2"
[[user]]
id = "2001"
login_name = "sup"
password = "suppw"
first_name = "Sue"
roles = ["Agent", "Supervisor"]
team = "1"
supervises = ["1"]
[[user]]
id = "9000"
login_name = "admin"
password = "adminpw"
roles = ["Administrator"]
)";

inline std::string basic_auth(const std::string& credentials) {
  std::string out(sodium_base64_encoded_len(credentials.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(credentials.data()),
                    credentials.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);
  return "Basic " + out;
}

class DispatcherFixture : public ::testing::Test {
 protected:
  DispatcherFixture()
      : dir(std::filesystem::temp_directory_path() /
            ("fgw-desktop-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++))),
        config(make_config()),
        directory(config::Directory::parse(kTestDirectory, "test", config::HashCost::Minimal)),
        store(open_store()),
        context{config, directory, *store, desk, nullptr},
        authenticator(directory, config.auth),
        dispatcher(router, authenticator, desk.service()) {
    api::register_all_routes(router, context);
  }
  ~DispatcherFixture() override {
    store.reset();
    std::filesystem::remove_all(dir);
  }

  http::ApiResponse call(http::Method method, const std::string& path, const std::string& credentials,
                         const std::string& body = "", std::map<std::string, std::string> query = {}) {
    http::ApiRequest request;
    request.method = method;
    request.path = path;
    request.query = std::move(query);
    request.body = body;
    request.authorization = credentials.empty() ? "" : basic_auth(credentials);
    request.remote_address = "127.0.0.1";
    return dispatcher.handle(request);
  }
  http::ApiResponse get(const std::string& path, const std::string& credentials) {
    return call(http::Method::Get, path, credentials);
  }

  static std::string text_at(const std::string& xml, const char* xpath) {
    pugi::xml_document doc;
    if (!doc.load_string(xml.c_str())) return "<unparsable>";
    return doc.select_node(xpath).node().text().get();
  }

  std::filesystem::path dir;
  config::DaemonConfig config;
  config::Directory directory;
  std::unique_ptr<config::ConfigStore> store;
  desk::Desk desk;
  http::Router router;
  api::ApiContext context;
  http::Authenticator authenticator;
  api::Dispatcher dispatcher;

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  config::DaemonConfig make_config() {
    config::DaemonConfig c;
    c.auth.password_hash_cost = "minimal";
    c.xmpp.domain = "xmpp.example.com";
    c.xmpp.pubsub = "pubsub.xmpp.example.com";
    c.node.host = "finesse-a.example.com";
    return c;
  }
  std::unique_ptr<config::ConfigStore> open_store() {
    std::filesystem::create_directories(dir);
    return config::ConfigStore::open((dir / "f.db").string(), (dir / "f.key").string());
  }
};

}  // namespace fgw::testing
