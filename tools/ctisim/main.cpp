// finesse-ctisim: runs the GED-188 CTI Server simulator alone (docs/ctisim.md).
#include <charconv>
#include <csignal>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <spdlog/spdlog.h>

#include "tools/ctisim/simulator.hpp"

namespace {

constexpr const char* kUsage =
    "usage: finesse-ctisim --listen HOST:PORT [--listen-b HOST:PORT] --directory FILE\n"
    "                      [--control HOST:PORT] [--peripheral-id N]\n"
    "                      [--wrap-up-seconds N] [--wrap-up-keeps-call] [--verify-passwords]\n"
    "                      [--idle-side refuse|reject]\n";
constexpr unsigned kIoThreads = 2;

int parse_int(std::string_view option, const std::string& text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 0) {
    throw std::invalid_argument(std::string(option) + " needs a non-negative number, not '" + text +
                                "'");
  }
  return value;
}

fgw::ctisim::SimulatorOptions parse_arguments(const std::vector<std::string>& args) {
  fgw::ctisim::SimulatorOptions options;
  bool have_listen = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& option = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw std::invalid_argument(option + " needs a value");
      return args[++i];
    };
    if (option == "--listen") {
      options.side_a = fgw::config::parse_endpoint(value());
      have_listen = true;
    } else if (option == "--listen-b") {
      options.side_b = fgw::config::parse_endpoint(value());
    } else if (option == "--directory") {
      options.directory_path = value();
    } else if (option == "--control") {
      options.control = fgw::config::parse_endpoint(value());
    } else if (option == "--peripheral-id") {
      options.peripheral_id = parse_int(option, value());
    } else if (option == "--wrap-up-seconds") {
      options.wrap_up_time = std::chrono::seconds(parse_int(option, value()));
    } else if (option == "--wrap-up-keeps-call") {
      options.wrap_up_keeps_call = true;
    } else if (option == "--verify-passwords") {
      options.verify_agent_passwords = true;
    } else if (option == "--idle-side") {
      const std::string& mode = value();
      if (mode == "refuse") options.idle_side = fgw::ctisim::IdleSideBehaviour::RefuseConnections;
      else if (mode == "reject")
        options.idle_side = fgw::ctisim::IdleSideBehaviour::RejectOpenWithServerOffline;
      else throw std::invalid_argument("--idle-side is 'refuse' or 'reject', not '" + mode + "'");
    } else {
      throw std::invalid_argument("unknown option '" + option + "'");
    }
  }
  if (!have_listen) throw std::invalid_argument("--listen is required");
  if (options.directory_path.empty()) throw std::invalid_argument("--directory is required");
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  fgw::ctisim::SimulatorOptions options;
  try {
    options = parse_arguments(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "finesse-ctisim: %s\n%s", error.what(), kUsage);
    return 2;
  }
  try {
    boost::asio::io_context io;
    fgw::ctisim::Simulator simulator(io, options);
    // Signals are caught before the listeners open, so that a supervisor's early TERM is clean.
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    // stop() closes every listener, session and timer, so run() returns once their handlers have
    // finished: nothing is left to be destroyed behind the io_context's back.
    signals.async_wait([&](const boost::system::error_code&, int) { simulator.stop(); });
    simulator.start();
    spdlog::info("ctisim: side A on port {}, side B on port {}, control on port {}",
                 simulator.side_port('a'), simulator.side_port('b'), simulator.control_port());
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < kIoThreads; ++i) threads.emplace_back([&] { io.run(); });
    io.run();
    for (auto& thread : threads) thread.join();
  } catch (const std::exception& error) {
    std::fprintf(stderr, "finesse-ctisim: %s\n", error.what());
    return 1;
  }
  return 0;
}
