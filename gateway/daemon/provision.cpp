#include "gateway/daemon/provision.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <utility>

#include "config/toml_reader.hpp"

namespace fgw::daemon {

namespace {

using Args = std::vector<std::pair<std::string, std::string>>;  // (API name, value), in ctl order

// RFC 7622 forbids these in a localpart; ids with them cannot become JIDs.
bool valid_localpart(const std::string& user) {
  if (user.empty() || user.size() > 1023) return false;
  for (const unsigned char c : user) {
    if (c <= 0x20 || c == 0x7f || std::strchr("\"&'/:<>@", c) != nullptr) return false;
  }
  return true;
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A Lua string literal that survives any byte (passwords can hold quotes or backslashes).
std::string lua_quote(const std::string& text) {
  std::string out = "\"";
  for (const unsigned char c : text) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\%03u", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::vector<std::string> split_blanks(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// ---------------------------------------------------------------------------------------------
// Child processes with a deadline

struct ProcessOutput {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs argv in its own process group, feeding stdin from `stdin_fd` (or /dev/null), and kills the
// whole group when `timeout` passes: ejabberdctl forks erl, which would outlive a plain kill.
ProcessOutput run_process(const std::vector<std::string>& argv, int stdin_fd, std::chrono::seconds timeout) {
  if (argv.empty()) throw ProvisionError("empty command");
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw ProvisionError(std::string("pipe2: ") + std::strerror(errno));
  const pid_t pid = fork();
  if (pid < 0) throw ProvisionError(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    setpgid(0, 0);
    const int in = stdin_fd >= 0 ? stdin_fd : open("/dev/null", O_RDONLY);
    dup2(in, STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    dup2(out[1], STDERR_FILENO);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    std::fprintf(stderr, "cannot run %s: %s\n", args[0], std::strerror(errno));
    _exit(127);
  }
  close(out[1]);
  ProcessOutput result;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool timed_out = false;
  char buffer[4096];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{out[0], POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;  // the deadline check above ends the loop
    const ssize_t n = read(out[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    result.output.append(buffer, static_cast<size_t>(n));
  }
  close(out[0]);
  if (timed_out) kill(-pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    throw ProvisionError(argv[0] + " " + (argv.size() > 1 ? argv[1] : "") + ": no answer within " +
                         std::to_string(timeout.count()) + " s");
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

// ---------------------------------------------------------------------------------------------
// ejabberd: the same commands through ejabberdctl or mod_http_api

struct CallResult {
  enum Status { ok, false_result, error } status = error;
  std::string text;
};

class EjabberdCommands {
 public:
  virtual ~EjabberdCommands() = default;
  virtual CallResult call(const std::string& command, const Args& args) = 0;
  // get_roster's answer -> whether `contact` is in it with subscription both.
  virtual bool roster_has(const std::string& roster_text, const std::string& contact) const = 0;
};

// One ejabberdctl process per command (about 1 s each: the Erlang VM starts every time).
class EjabberdCtl final : public EjabberdCommands {
 public:
  EjabberdCtl(std::vector<std::string> prefix, std::chrono::seconds timeout)
      : prefix_(std::move(prefix)), timeout_(timeout) {}

  CallResult call(const std::string& command, const Args& args) override {
    std::vector<std::string> argv = prefix_;
    argv.push_back(command);
    for (const auto& [name, value] : args) argv.push_back(value);
    auto out = run_process(argv, -1, timeout_);
    // A rescode command answering "false" exits 1 with exactly "Error: false".
    if (out.exit_code == 0) return {CallResult::ok, out.output};
    if (out.exit_code == 1 && trim(out.output) == "Error: false") return {CallResult::false_result, out.output};
    return {CallResult::error, "exit " + std::to_string(out.exit_code) + ": " + trim(out.output)};
  }

  // Lines "jid<TAB>nick<TAB>subscription<TAB>ask<TAB>group".
  bool roster_has(const std::string& roster_text, const std::string& contact) const override {
    std::istringstream in(roster_text);
    for (std::string line; std::getline(in, line);) {
      std::vector<std::string> fields;
      std::stringstream cells(line);
      for (std::string cell; std::getline(cells, cell, '\t');) fields.push_back(cell);
      if (fields.size() >= 3 && fields[0] == contact && fields[2] == "both") return true;
    }
    return false;
  }

 private:
  std::vector<std::string> prefix_;
  std::chrono::seconds timeout_;
};

// mod_http_api over one keep-alive connection: a few milliseconds per command.
class EjabberdHttpApi final : public EjabberdCommands {
 public:
  EjabberdHttpApi(const std::string& url, std::chrono::seconds timeout) : timeout_(timeout) { parse_url(url); }

  CallResult call(const std::string& command, const Args& args) override {
    boost::json::object body;
    for (const auto& [name, value] : args) body[name] = value;
    auto [status, text] = post(base_path_ + "/" + command, boost::json::serialize(body));
    if (status != 200) return {CallResult::error, "HTTP " + std::to_string(status) + ": " + trim(text)};
    // Rescode commands answer 0 (true / done) or 1 (false).
    const std::string answer = trim(text);
    if (answer == "1") return {CallResult::false_result, text};
    return {CallResult::ok, text};
  }

  // A JSON array of {"jid","nick","subscription","ask","group"}.
  bool roster_has(const std::string& roster_text, const std::string& contact) const override {
    boost::system::error_code ec;
    const auto value = boost::json::parse(roster_text, ec);
    if (ec || !value.is_array()) throw ProvisionError("get_roster: unexpected answer " + roster_text);
    for (const auto& item : value.as_array()) {
      const auto* object = item.if_object();
      if (object == nullptr) continue;
      const auto* jid = object->if_contains("jid");
      const auto* subscription = object->if_contains("subscription");
      if (jid && subscription && jid->is_string() && subscription->is_string() && jid->as_string() == contact &&
          subscription->as_string() == "both") {
        return true;
      }
    }
    return false;
  }

 private:
  void parse_url(const std::string& url) {
    const std::string scheme = "http://";
    if (url.rfind(scheme, 0) != 0) throw ProvisionError("--api: expected http://HOST:PORT/PATH, got " + url);
    const auto rest = url.substr(scheme.size());
    const auto slash = rest.find('/');
    const auto authority = rest.substr(0, slash);
    base_path_ = slash == std::string::npos ? "" : rest.substr(slash);
    while (!base_path_.empty() && base_path_.back() == '/') base_path_.pop_back();
    const auto colon = authority.rfind(':');
    host_ = authority.substr(0, colon);
    port_ = colon == std::string::npos ? "80" : authority.substr(colon + 1);
    if (host_.empty()) throw ProvisionError("--api: no host in " + url);
  }

  // Runs one asynchronous operation with the request deadline.
  template <typename Start>
  void run_with_deadline(Start start, const char* what) {
    boost::system::error_code result = boost::asio::error::would_block;
    stream_.expires_after(timeout_);
    start([&result](boost::system::error_code ec, auto&&...) { result = ec; });
    io_.restart();
    io_.run();
    if (result) {
      stream_.close();
      connected_ = false;
      throw ProvisionError(std::string("HTTP API ") + what + " (" + host_ + ":" + port_ + "): " + result.message());
    }
  }

  void connect() {
    boost::asio::ip::tcp::resolver resolver(io_);
    const auto endpoints = resolver.resolve(host_, port_);
    run_with_deadline([&](auto handler) { stream_.async_connect(endpoints, handler); }, "connect");
    connected_ = true;
  }

  std::pair<unsigned, std::string> post(const std::string& target, const std::string& json) {
    namespace http = boost::beast::http;
    for (int attempt = 0;; ++attempt) {
      if (!connected_) connect();
      http::request<http::string_body> request{http::verb::post, target, 11};
      request.set(http::field::host, host_);
      request.set(http::field::content_type, "application/json");
      request.keep_alive(true);
      request.body() = json;
      request.prepare_payload();
      http::response<http::string_body> response;
      try {
        run_with_deadline([&](auto handler) { http::async_write(stream_, request, handler); }, "write");
        run_with_deadline([&](auto handler) { http::async_read(stream_, buffer_, response, handler); }, "read");
      } catch (const ProvisionError&) {
        if (attempt == 0) continue;  // the server may have closed an idle keep-alive connection
        throw;
      }
      if (!response.keep_alive()) {
        stream_.close();
        connected_ = false;
      }
      return {response.result_int(), response.body()};
    }
  }

  std::chrono::seconds timeout_;
  std::string host_;
  std::string port_;
  std::string base_path_;
  boost::asio::io_context io_;
  boost::beast::tcp_stream stream_{io_};
  boost::beast::flat_buffer buffer_;
  bool connected_ = false;
};

enum class Outcome { created, updated, unchanged };

CallResult must_succeed(EjabberdCommands& server, const std::string& command, const Args& args,
                        const std::string& user) {
  auto result = server.call(command, args);
  if (result.status != CallResult::ok) {
    throw ProvisionError(command + " for " + user + " failed: " +
                         (result.status == CallResult::false_result ? "the server answered false" : result.text));
  }
  return result;
}

bool ask(EjabberdCommands& server, const std::string& command, const Args& args, const std::string& user) {
  const auto result = server.call(command, args);
  if (result.status == CallResult::error) throw ProvisionError(command + " for " + user + " failed: " + result.text);
  return result.status == CallResult::ok;
}

// Checks first, changes only what is missing, so a second run changes nothing.
Outcome provision_on_ejabberd(EjabberdCommands& server, const ProvisionPlan& plan, const ProvisionAccount& account) {
  const auto& u = account.user;
  const auto& host = plan.domain;
  Outcome outcome = Outcome::unchanged;
  if (!ask(server, "check_account", {{"user", u}, {"host", host}}, u)) {
    must_succeed(server, "register", {{"user", u}, {"host", host}, {"password", account.password}}, u);
    outcome = Outcome::created;
  } else if (!ask(server, "check_password", {{"user", u}, {"host", host}, {"password", account.password}}, u)) {
    must_succeed(server, "change_password", {{"user", u}, {"host", host}, {"newpass", account.password}}, u);
    outcome = Outcome::updated;
  }
  const auto roster = must_succeed(server, "get_roster", {{"user", u}, {"host", host}}, u);
  if (!server.roster_has(roster.text, plan.contact_jid())) {
    must_succeed(server, "add_rosteritem",
                 {{"localuser", u}, {"localhost", host}, {"user", "finesse"}, {"host", plan.component},
                  {"nick", "Finesse"}, {"group", "Finesse"}, {"subs", "both"}},
                 u);
    if (outcome == Outcome::unchanged) outcome = Outcome::updated;
  }
  return outcome;
}

void count(ApplyReport& report, Outcome outcome) {
  switch (outcome) {
    case Outcome::created: ++report.created; break;
    case Outcome::updated: ++report.updated; break;
    case Outcome::unchanged: ++report.unchanged; break;
  }
}

void apply_on_ejabberd(const ProvisionPlan& plan, const ApplyOptions& options, ApplyReport& report) {
  std::unique_ptr<EjabberdCommands> server;
  if (!options.api_url.empty()) {
    server = std::make_unique<EjabberdHttpApi>(options.api_url, options.http_timeout);
  } else {
    auto prefix = split_blanks(options.ctl_prefix.empty() ? "ejabberdctl" : options.ctl_prefix);
    server = std::make_unique<EjabberdCtl>(std::move(prefix), options.command_timeout);
  }
  for (const auto& account : plan.accounts) count(report, provision_on_ejabberd(*server, plan, account));
}

// ---------------------------------------------------------------------------------------------
// Prosody: one `prosodyctl shell` session runs a Lua line per user inside the server

// The script goes through a temporary file that is unlinked at once: it holds passwords.
int script_as_stdin(const std::string& script) {
  char path[] = "/tmp/fgw-provision-XXXXXX";
  const int fd = mkostemp(path, O_CLOEXEC);
  if (fd < 0) throw ProvisionError(std::string("mkostemp: ") + std::strerror(errno));
  unlink(path);
  size_t written = 0;
  while (written < script.size()) {
    const ssize_t n = write(fd, script.data() + written, script.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      throw ProvisionError(std::string("writing the prosodyctl script: ") + std::strerror(errno));
    }
    written += static_cast<size_t>(n);
  }
  lseek(fd, 0, SEEK_SET);
  return fd;
}

// The shell answers each line with "| Result: provisioned <user> <outcome>" or "! <error>".
void read_prosody_results(const std::string& output, const ProvisionPlan& plan, ApplyReport& report) {
  std::istringstream in(output);
  size_t seen = 0;
  for (std::string line; std::getline(in, line);) {
    const auto error = line.find("! ");
    if (line.rfind("prosody> ! ", 0) == 0 || line.rfind("! ", 0) == 0) {
      throw ProvisionError("prosodyctl shell: " + trim(line.substr(error + 2)));
    }
    const auto marker = line.find("Result: provisioned ");
    if (marker == std::string::npos) continue;
    const auto words = split_blanks(line.substr(marker + std::strlen("Result: provisioned ")));
    if (words.size() != 2) continue;
    count(report, words[1] == "created" ? Outcome::created : words[1] == "updated" ? Outcome::updated : Outcome::unchanged);
    ++seen;
  }
  if (seen != plan.accounts.size()) {
    throw ProvisionError("prosodyctl shell answered for " + std::to_string(seen) + " of " +
                         std::to_string(plan.accounts.size()) + " users; its output:\n" + output);
  }
}

void apply_on_prosody(const ProvisionPlan& plan, const ApplyOptions& options, ApplyReport& report) {
  if (plan.accounts.empty()) return;
  auto argv = split_blanks(options.ctl_prefix.empty() ? "prosodyctl" : options.ctl_prefix);
  argv.push_back("shell");
  const int script = script_as_stdin(prosody_shell_script(plan));
  ProcessOutput out;
  try {
    out = run_process(argv, script, options.command_timeout);
  } catch (...) {
    close(script);
    throw;
  }
  close(script);
  if (out.exit_code != 0) {
    throw ProvisionError("prosodyctl shell failed (exit " + std::to_string(out.exit_code) + "): " + trim(out.output));
  }
  read_prosody_results(out.output, plan, report);
}

// ---------------------------------------------------------------------------------------------
// CLI

struct CliOptions {
  std::string config_path;
  std::optional<XmppServerKind> print;
  std::optional<XmppServerKind> apply;
  std::string ctl_prefix;
  std::string api_url;
};

void provision_usage(std::ostream& out) {
  out << "usage: finesse-gw provision --config FILE --print [ejabberd|prosody]\n"
         "       finesse-gw provision --config FILE --apply ejabberd|prosody [--ctl PREFIX] [--api URL]\n"
         "  Creates an XMPP account (id@[xmpp] domain, the directory password) and the roster item\n"
         "  finesse@[xmpp] component (subscription both) for every directory user. Idempotent.\n"
         "  --ctl PREFIX  command that stands for ejabberdctl/prosodyctl, split on blanks\n"
         "                (e.g. \"deploy/xmpp/xmpp-server.sh ctl var/xmpp\")\n"
         "  --api URL     ejabberd only: mod_http_api base URL, e.g. http://127.0.0.1:5280/api (fast)\n";
}

std::optional<CliOptions> parse_cli(int argc, char** argv) {
  CliOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--config" && has_value) {
      options.config_path = argv[++i];
    } else if (arg == "--print") {
      options.print = XmppServerKind::ejabberd;
      if (has_value) {
        if (auto kind = parse_xmpp_server_kind(argv[i + 1])) {
          options.print = kind;
          ++i;
        }
      }
    } else if (arg == "--apply" && has_value) {
      options.apply = parse_xmpp_server_kind(argv[++i]);
      if (!options.apply) return std::nullopt;
    } else if (arg == "--ctl" && has_value) {
      options.ctl_prefix = argv[++i];
    } else if (arg == "--api" && has_value) {
      options.api_url = argv[++i];
    } else {
      return std::nullopt;
    }
  }
  if (options.config_path.empty() || options.print.has_value() == options.apply.has_value()) return std::nullopt;
  return options;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw config::ConfigError("directory.path: cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::optional<XmppServerKind> parse_xmpp_server_kind(std::string_view name) {
  if (name == "ejabberd") return XmppServerKind::ejabberd;
  if (name == "prosody") return XmppServerKind::prosody;
  return std::nullopt;
}

ProvisionPlan plan_provisioning(const config::XmppSettings& xmpp, const config::Directory& directory,
                                std::string_view directory_toml, const std::string& source_name) {
  if (xmpp.domain.empty()) throw config::ConfigError("xmpp.domain: required for provisioning");
  if (xmpp.component.empty()) throw config::ConfigError("xmpp.component: required for provisioning");
  ProvisionPlan plan{xmpp.domain, xmpp.component, {}, {}};

  std::map<std::string, std::string> plain_passwords;
  const auto table = config::parse_toml(directory_toml, source_name);
  if (const auto* users = table["user"].as_array()) {
    for (const auto& node : *users) {
      const auto* user = node.as_table();
      if (user == nullptr) continue;
      const auto id = (*user)["id"].value<std::string>();
      const auto password = (*user)["password"].value<std::string>();
      if (id && password) plain_passwords[*id] = *password;
    }
  }
  for (const auto& user : directory.users()) {
    if (!valid_localpart(user.id)) {
      plan.skipped.push_back(user.id + ": not a valid JID local part");
    } else if (const auto found = plain_passwords.find(user.id); found == plain_passwords.end()) {
      plan.skipped.push_back(user.id + ": only a password_hash in " + source_name +
                             "; the XMPP server needs the password (create this account by hand)");
    } else {
      plan.accounts.push_back({user.id, found->second});
    }
  }
  return plan;
}

std::string ejabberd_command_script(const ProvisionPlan& plan) {
  std::string script =
      "# finesse-gw provision: ejabberd. 'register' fails with 'already registered' for an existing\n"
      "# account (--apply checks first and fixes only what differs); add_rosteritem is idempotent.\n";
  for (const auto& account : plan.accounts) {
    script += "ejabberdctl register " + shell_quote(account.user) + " " + shell_quote(plan.domain) + " " +
              shell_quote(account.password) + "\n";
    script += "ejabberdctl add_rosteritem " + shell_quote(account.user) + " " + shell_quote(plan.domain) +
              " finesse " + shell_quote(plan.component) + " Finesse Finesse both\n";
  }
  return script;
}

// Each line runs inside the server (">" = Lua in prosodyctl shell): create the account or fix
// its password, then make sure the roster holds the contact with subscription both. Uses
// Prosody's own usermanager/rostermanager, so storage and online sessions stay consistent.
std::string prosody_shell_script(const ProvisionPlan& plan) {
  std::string script;
  for (const auto& account : plan.accounts) {
    script += "> local um, rm = require\"core.usermanager\", require\"core.rostermanager\"; "
              "local u, h, p, c = " +
              lua_quote(account.user) + ", " + lua_quote(plan.domain) + ", " + lua_quote(account.password) + ", " +
              lua_quote(plan.contact_jid()) +
              "; local outcome = \"unchanged\"; "
              "if not um.user_exists(u, h) then assert(um.create_user(u, p, h)); outcome = \"created\"; "
              "elseif not um.test_password(u, h, p) then assert(um.set_password(u, p, h)); outcome = \"updated\"; end; "
              "local r = assert(rm.load_roster(u, h)); local item = r[c]; "
              "if not (item and item.subscription == \"both\") then "
              "r[c] = { subscription = \"both\", name = \"Finesse\", groups = { Finesse = true } }; "
              "assert(rm.save_roster(u, h, r)); if outcome == \"unchanged\" then outcome = \"updated\" end; end; "
              "return \"provisioned \" .. u .. \" \" .. outcome\n";
  }
  return script;
}

ApplyReport apply_provisioning(const ProvisionPlan& plan, const ApplyOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  ApplyReport report;
  if (options.kind == XmppServerKind::ejabberd) {
    apply_on_ejabberd(plan, options, report);
  } else {
    if (!options.api_url.empty()) throw ProvisionError("--api is for ejabberd only");
    apply_on_prosody(plan, options, report);
  }
  report.elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  return report;
}

int provision_main(int argc, char** argv) {
  const auto options = parse_cli(argc, argv);
  if (!options) {
    provision_usage(std::cerr);
    return 2;
  }
  try {
    const auto config = config::load_daemon_config(options->config_path);
    const auto& path = config.directory.path;
    // Minimal cost: the hashes made while loading are thrown away; only validation matters.
    const auto directory = config::Directory::load(path, config::HashCost::Minimal);
    const auto plan = plan_provisioning(config.xmpp, directory, read_file(path), path);
    for (const auto& skipped : plan.skipped) std::cerr << "finesse-gw provision: skipped " << skipped << "\n";

    if (options->print) {
      std::cout << (*options->print == XmppServerKind::ejabberd ? ejabberd_command_script(plan)
                                                                 : prosody_shell_script(plan));
      return 0;
    }
    const ApplyOptions apply{*options->apply, options->ctl_prefix, options->api_url};
    const auto report = apply_provisioning(plan, apply);
    std::cout << "provisioned " << plan.accounts.size() << " accounts on "
              << (apply.kind == XmppServerKind::ejabberd ? "ejabberd" : "prosody") << ": " << report.created
              << " created, " << report.updated << " updated, " << report.unchanged << " unchanged, "
              << plan.skipped.size() << " skipped, in " << report.elapsed.count() << " ms\n";
    return 0;
  } catch (const config::ConfigError& e) {
    std::cerr << "finesse-gw provision: configuration error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "finesse-gw provision: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace fgw::daemon
