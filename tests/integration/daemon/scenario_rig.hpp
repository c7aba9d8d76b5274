#pragma once
// The whole gateway in-process (fgw::daemon::Daemon with its in-process simulator on free ports),
// driven the way a desktop and a phone system drive it: REST over HTTP with Basic auth and a
// requestId header, and the simulator's control API for the outside caller. Every notification
// the desk emits reaches an observer, so a test can assert the exact sequence 5.4.4 gives.
//
// Notifications are read through two cursors, one over Dialogs nodes and one over User nodes, so
// a story can expect its dialog updates without listing each User update in between (and vice
// versa). A cursor never skips: an unexpected notification shows up in the next expectation.

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "config/daemon_config.hpp"
#include "integration/support/daemon_process.hpp"
#include "gateway/daemon/daemon.hpp"
#include "gateway/desk/notification.hpp"
#include "integration/ctisim/http_json_client.hpp"
#include "unit/api_agent_state/agent_state_fixture.hpp"
#include "unit/desk/desk_support.hpp"

namespace fgw::testing {

using namespace std::chrono_literals;

// Long enough for a loaded two-core machine and an ASan build; an honest pass takes milliseconds.
inline constexpr auto kScenarioPatience = 10s;

// The directory of the REST unit tests (unit/api_agent_state/agent_state_fixture.hpp): agents
// 1001 and 1002 (team 1), 1003 (team 2), supervisor 2001 of team 1, administrator 9000; each
// user's phone is its id.
inline const char* const kScenarioDirectory = kAgentStateDirectory;

inline const std::string kCredentials1001 = "agent1:pw1";
inline const std::string kCredentials1002 = "agent2:pw2";
inline const std::string kCredentials2001 = "super:pws";

// Everything the desk published, with a condition variable for the waits.
class ObservedNotifications : public desk::NotificationSink {
 public:
  void publish(std::vector<desk::Notification> notifications) override {
    std::lock_guard lock(mutex_);
    for (auto& n : notifications) all_.push_back(std::move(n));
    changed_.notify_all();
  }

  // The next `count` notifications whose node satisfies `on_node`, after `cursor`; fewer if they do
  // not arrive within the patience.
  template <class NodeFilter>
  std::vector<desk::Notification> next(std::size_t& cursor, std::size_t count, NodeFilter on_node) {
    std::unique_lock lock(mutex_);
    std::vector<desk::Notification> out;
    const auto deadline = std::chrono::steady_clock::now() + kScenarioPatience;
    for (;;) {
      for (; cursor < all_.size() && out.size() < count; ++cursor)
        if (on_node(all_[cursor].node)) out.push_back(all_[cursor]);
      if (out.size() == count || changed_.wait_until(lock, deadline) == std::cv_status::timeout) break;
    }
    for (; cursor < all_.size() && out.size() < count; ++cursor)
      if (on_node(all_[cursor].node)) out.push_back(all_[cursor]);
    return out;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<desk::Notification> all_;
};

inline bool is_dialogs_node(const std::string& node) {
  return node.size() > 8 && node.compare(node.size() - 8, 8, "/Dialogs") == 0;
}
inline bool is_user_node(const std::string& node) {
  return node.rfind("/finesse/api/User/", 0) == 0 && !is_dialogs_node(node);
}

// One user state as a User notification carries it.
struct SeenUser {
  std::string user;
  std::string state;
  std::string request_id;
  bool operator==(const SeenUser&) const = default;
};
inline void PrintTo(const SeenUser& s, std::ostream* os) {
  *os << s.user << ":" << s.state << (s.request_id.empty() ? "" : " req=" + s.request_id);
}

class ScenarioRig {
 public:
  explicit ScenarioRig(int wrap_up_s = 0, bool wrap_up_keeps_call = false)
      : dir_(std::filesystem::temp_directory_path() /
             ("fgw-scenario-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++))) {
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "directory.toml") << kScenarioDirectory;
    control_port_ = free_port();
    const std::string toml = "[http]\nlisten = \"127.0.0.1:0\"\n"
                             "[store]\npath = \"" + (dir_ / "finesse.db").string() + "\"\n"
                             "[directory]\npath = \"" + (dir_ / "directory.toml").string() + "\"\n"
                             "[auth]\npassword_hash_cost = \"minimal\"\n"
                             "[cti]\nsimulator = true\nside_a = \"127.0.0.1:" + std::to_string(free_port()) + "\"\n"
                             "simulator_control = \"127.0.0.1:" + std::to_string(control_port_) + "\"\n"
                             "simulator_wrap_up_s = " + std::to_string(wrap_up_s) + "\n" +
                             "simulator_wrap_up_keeps_call = " + (wrap_up_keeps_call ? "true" : "false") + "\n";
    daemon_ = std::make_unique<daemon::Daemon>(config::parse_daemon_config(toml, "scenario"), &observed_);
    runner_ = std::thread([this] { daemon_->run(); });
    wait_in_service();
  }

  ~ScenarioRig() {
    daemon_->stop();
    runner_.join();
    daemon_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  HttpReply rest(const std::string& method, const std::string& target, const std::string& credentials,
                 const std::string& body = "", const std::string& request_id = "") {
    return http_call(daemon_->http_port(), method, target, credentials, body, request_id);
  }
  ctisim::test::JsonReply control(const std::string& target, const std::string& body = "") {
    return ctisim::test::http_post(control_port_, target, body);
  }

  // PUT User/{id} with a <state> (and extension for LOGIN); asserts the 202.
  void put_state(const std::string& user, const std::string& credentials, const std::string& state,
                 const std::string& request_id = "") {
    std::string body = "<User><state>" + state + "</state>";
    if (state == "LOGIN") body += "<extension>" + user + "</extension>";
    body += "</User>";
    const auto r = rest("PUT", "/finesse/api/User/" + user, credentials, body, request_id);
    ASSERT_EQ(r.status, 202) << state << ": " << r.body;
  }
  void put_dialog(const std::string& dialog, const std::string& credentials, const std::string& inner,
                  const std::string& request_id = "") {
    const auto r = rest("PUT", "/finesse/api/Dialog/" + dialog, credentials, "<Dialog>" + inner + "</Dialog>",
                        request_id);
    ASSERT_EQ(r.status, 202) << inner << ": " << r.body;
  }

  std::vector<desk::test::Seen> next_dialogs(std::size_t count) {
    return desk::test::read_dialogs(observed_.next(dialog_cursor_, count, is_dialogs_node));
  }
  std::vector<desk::Notification> next_dialog_notifications(std::size_t count) {
    return observed_.next(dialog_cursor_, count, is_dialogs_node);
  }
  std::vector<SeenUser> next_users(std::size_t count) {
    std::vector<SeenUser> out;
    for (const auto& n : observed_.next(user_cursor_, count, is_user_node)) {
      pugi::xml_document doc;
      doc.load_string(n.payload_xml.c_str());
      const auto update = doc.child("Update");
      out.push_back({update.child("data").child("user").child("loginId").text().get(),
                     update.child("data").child("user").child("state").text().get(),
                     update.child("requestId").text().get()});
    }
    return out;
  }
  // Signs `user` in and out of NOT_READY and consumes its User notification.
  void sign_in(const std::string& user, const std::string& credentials) {
    put_state(user, credentials, "LOGIN");
    EXPECT_EQ(next_users(1), (std::vector<SeenUser>{{user, "NOT_READY", ""}}));
  }
  void make_ready(const std::string& user, const std::string& credentials) {
    put_state(user, credentials, "READY");
    EXPECT_EQ(next_users(1), (std::vector<SeenUser>{{user, "READY", ""}}));
  }
  // Places a call from the outside caller 5551000 to `to`; returns the simulator's call id.
  std::string call_from_outside(const std::string& to) {
    const auto reply = control("/calls", R"({"from":"5551000","to":")" + to + R"(","dnis":"2000"})");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return std::string(reply.json().at("id").as_string());
  }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  void wait_in_service() {
    const auto deadline = std::chrono::steady_clock::now() + kScenarioPatience;
    while (std::chrono::steady_clock::now() < deadline) {
      if (daemon_->http_port() != 0) {
        const auto health = http_call(daemon_->http_port(), "GET", "/health");
        if (health.status == 200) return;
      }
      std::this_thread::sleep_for(20ms);
    }
    FAIL() << "the gateway did not come into service";
  }

  std::filesystem::path dir_;
  std::uint16_t control_port_ = 0;
  ObservedNotifications observed_;
  std::unique_ptr<daemon::Daemon> daemon_;
  std::thread runner_;
  std::size_t dialog_cursor_ = 0;
  std::size_t user_cursor_ = 0;
};

}  // namespace fgw::testing
