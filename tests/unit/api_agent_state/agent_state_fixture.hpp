#pragma once
// The whole desktop dispatcher with a live desk fed by CTI events, a store holding reason codes,
// and a fake CTI link that records every request and lets the test finish each one.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <variant>

#include "config/config_store.hpp"
#include "gateway/api/cti_requests.hpp"
#include "gateway/cti/client/cti_failure.hpp"
#include "gateway/desk/capturing_sink.hpp"
#include "unit/api_desktop/desktop_fixture.hpp"
#include "unit/desk/desk_support.hpp"

namespace fgw::testing {

class FakeCti : public api::CtiRequests {
 public:
  struct Sent {
    cti::Message request;
    Done done;
  };
  void send(cti::Message request, Done done) override { sent.push_back({std::move(request), std::move(done)}); }
  bool in_service() const override { return up; }
  bool saturated() const override { return full; }

  // The n-th request as a T; fails the test (and returns a default T) when it is another message.
  template <class T>
  T request(std::size_t n = 0) const {
    if (n >= sent.size()) {
      ADD_FAILURE() << "only " << sent.size() << " requests were sent";
      return T{};
    }
    const T* typed = std::get_if<T>(&sent[n].request);
    if (!typed) ADD_FAILURE() << "request " << n << " has another type";
    return typed ? *typed : T{};
  }
  void fail(std::size_t n, std::uint32_t code, const std::string& name) {
    cti::client::CtiFailure failure;
    failure.code = code;
    failure.name = name;
    failure.source = cti::client::FailureSource::ControlFailure;
    sent.at(n).done(cti::client::RequestResult(failure));
  }

  std::vector<Sent> sent;
  bool up = true;
  bool full = false;
};

// Users 1001, 1002 (team 1, extensions 1001, 1002), 1003 (team 2), supervisor 2001 of team 1
// (extension 2001), administrator 9000.
inline constexpr const char* kAgentStateDirectory = R"(
[[team]]
id = "1"
name = "Sales"
[[team]]
id = "2"
name = "Support"
[[user]]
id = "1001"
login_name = "agent1"
password = "pw1"
extension = "1001"
roles = ["Agent"]
team = "1"
[[user]]
id = "1002"
login_name = "agent2"
password = "pw2"
extension = "1002"
roles = ["Agent"]
team = "1"
[[user]]
id = "1003"
login_name = "agent3"
password = "pw3"
extension = "1003"
roles = ["Agent"]
team = "2"
[[user]]
id = "2001"
login_name = "super"
password = "pws"
extension = "2001"
roles = ["Agent", "Supervisor"]
team = "1"
supervises = ["1"]
[[user]]
id = "9000"
login_name = "admin"
password = "pwa"
roles = ["Administrator"]
)";

class AgentStateFixture : public ::testing::Test {
 protected:
  AgentStateFixture()
      : dir_(std::filesystem::temp_directory_path() / ("fgw-agent-state-" + std::to_string(::getpid()) + "-" +
                                                         std::to_string(counter()++))),
        config(make_config()),
        directory(config::Directory::parse(kAgentStateDirectory, "test", config::HashCost::Minimal)),
        store(open_store()),
        desk(directory, sink),
        context{config, directory, *store, desk, &cti},
        authenticator(directory, config.auth),
        dispatcher(router, authenticator, desk.service()) {
    api::register_all_routes(router, context);
    lunch = store->create_reason_code({0, config::ReasonCategory::NotReady, 24, "Lunch", true});
    end_of_shift = store->create_reason_code({0, config::ReasonCategory::Logout, 7, "End of shift", true});
  }
  ~AgentStateFixture() override {
    store.reset();
    std::filesystem::remove_all(dir_);
  }

  // `query` is the decoded query string, as the server hands it over (ReasonCodes?category=...).
  http::ApiResponse call(http::Method method, const std::string& path, const std::string& credentials,
                         const std::string& body = "", const std::string& request_id = "",
                         std::map<std::string, std::string> query = {}) {
    http::ApiRequest request;
    request.method = method;
    request.path = path;
    request.query = std::move(query);
    request.body = body;
    request.request_id = request_id;
    request.authorization = basic_auth(credentials);
    request.remote_address = "127.0.0.1";
    return dispatcher.handle(request);
  }
  http::ApiResponse put_user(const std::string& credentials, const std::string& id, const std::string& body) {
    return call(http::Method::Put, "/finesse/api/User/" + id, credentials, body);
  }
  // agent1 signs their own state: the common case.
  http::ApiResponse put_own(const std::string& body) { return put_user("agent1:pw1", "1001", body); }

  // CTI reports the user in `state` on their directory extension.
  void cti_reports(const std::string& user, cti::AgentState state, std::optional<cti::AgentState> next = {}) {
    desk.apply(desk::test::agent_state(user, state, next));
  }

  static std::string text_at(const std::string& xml, const char* xpath) {
    pugi::xml_document doc;
    if (!doc.load_string(xml.c_str())) return "<unparsable>";
    return doc.select_node(xpath).node().text().get();
  }
  static std::string error_type(const http::ApiResponse& r) { return text_at(r.body, "/ApiErrors/ApiError/ErrorType"); }
  static std::string error_data(const http::ApiResponse& r) { return text_at(r.body, "/ApiErrors/ApiError/ErrorData"); }

 private:
  std::filesystem::path dir_;

 protected:
  config::DaemonConfig config;
  config::Directory directory;
  std::unique_ptr<config::ConfigStore> store;
  desk::CapturingSink sink;
  desk::Desk desk;
  FakeCti cti;
  http::Router router;
  api::ApiContext context;
  http::Authenticator authenticator;
  api::Dispatcher dispatcher;
  config::ReasonCode lunch;
  config::ReasonCode end_of_shift;

 private:
  static config::DaemonConfig make_config() {
    config::DaemonConfig c;
    c.auth.password_hash_cost = "minimal";
    return c;
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::unique_ptr<config::ConfigStore> open_store() {
    std::filesystem::create_directories(dir_);
    return config::ConfigStore::open((dir_ / "f.db").string(), (dir_ / "f.key").string());
  }
};

}  // namespace fgw::testing
