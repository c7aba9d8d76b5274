// finesse-gw --config FILE | --check-config --config FILE | --version | --hash-password
// (DESIGN.md "Contract") | --list-metrics (docs/metrics.md) | provision ... (XMPP accounts and
// rosters, see provision.hpp).

#include <algorithm>
#include <cstring>
#include <iostream>
#include <optional>
#include <spdlog/spdlog.h>
#include <string>
#include <unistd.h>
#include <vector>

#include "config/directory.hpp"
#include "gateway/daemon/daemon.hpp"
#include "gateway/daemon/provision.hpp"
#include "metrics/catalog.hpp"

namespace {

struct Options {
  std::optional<std::string> config_path;
  bool check_config = false;
  bool version = false;
  bool hash_password = false;
  bool list_metrics = false;
};

void usage(std::ostream& out) {
  out << "usage: finesse-gw --config FILE          run the gateway\n"
         "       finesse-gw --check-config --config FILE\n"
         "                                         validate FILE and the directory it names\n"
         "       finesse-gw --hash-password        read a password on stdin, print a password_hash\n"
         "       finesse-gw --version\n"
         "       finesse-gw --list-metrics         print every metric family the gateway exports\n"
         "                                         (\"<name> <counter|gauge|histogram>\", sorted)\n"
         "       finesse-gw provision --config FILE (--print | --apply ejabberd|prosody [--ctl PREFIX | --api URL])\n"
         "                                         create the directory users' XMPP accounts and rosters\n";
}

std::optional<Options> parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--config" && i + 1 < argc) options.config_path = argv[++i];
    else if (arg.rfind("--config=", 0) == 0) options.config_path = arg.substr(9);
    else if (arg == "--check-config") options.check_config = true;
    else if (arg == "--version") options.version = true;
    else if (arg == "--hash-password") options.hash_password = true;
    else if (arg == "--list-metrics") options.list_metrics = true;
    else return std::nullopt;
  }
  return options;
}

int hash_password_from_stdin() {
  std::string password;
  std::getline(std::cin, password);
  if (password.empty()) {
    std::cerr << "finesse-gw: empty password\n";
    return 2;
  }
  std::cout << fgw::config::hash_password(password, fgw::config::HashCost::Interactive) << "\n";
  return 0;
}

// From the exporter's own table (metrics/catalog.hpp), so that the list cannot drift from what
// /metrics serves; CI checks every dashboard query against it.
int list_metrics() {
  std::vector<const fgw::metrics::MetricDef*> defs(fgw::metrics::catalog().begin(), fgw::metrics::catalog().end());
  std::sort(defs.begin(), defs.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
  for (const auto* def : defs) std::cout << def->name << " " << fgw::metrics::to_string(def->kind) << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "provision") == 0) return fgw::daemon::provision_main(argc - 1, argv + 1);
  auto options = parse_options(argc, argv);
  if (!options) {
    usage(std::cerr);
    return 2;
  }
  if (options->version) {
    std::cout << "finesse-gw " << FGW_VERSION << "\n";
    return 0;
  }
  if (options->hash_password) return hash_password_from_stdin();
  if (options->list_metrics) return list_metrics();
  if (!options->config_path) {
    usage(std::cerr);
    return 2;
  }
  try {
    auto config = fgw::config::load_daemon_config(*options->config_path);
    if (options->check_config) {
      fgw::daemon::check_config(config);
      for (const auto& warning : config.warnings) std::cerr << "warning: " << warning << "\n";
      std::cout << *options->config_path << ": configuration OK\n";
      return 0;
    }
    spdlog::set_level(spdlog::level::from_str(config.log_level));
    fgw::daemon::Daemon daemon(std::move(config));
    return daemon.run();
  } catch (const fgw::config::ConfigError& e) {
    std::cerr << "finesse-gw: configuration error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "finesse-gw: " << e.what() << "\n";
    return 1;
  }
}
