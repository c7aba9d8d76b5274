#pragma once
// A Simulator on loopback ports chosen by the OS, served by its own io thread.
#include <gtest/gtest.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <future>
#include <memory>
#include <thread>

#include "config/directory.hpp"
#include "tools/ctisim/simulator.hpp"

namespace fgw::ctisim::test {

inline const char* kTestDirectory = R"(
[[team]]
id = "1"
name = "Sales"

[[route_point]]
dn = "6000"

[[user]]
id = "1001"
login_name = "alice"
password = "alicepw"
extension = "1001"
roles = ["Agent"]
team = "1"

[[user]]
id = "1002"
login_name = "bob"
password = "bobpw"
extension = "1002"
roles = ["Agent"]
team = "1"
)";

class RunningSimulator {
 public:
  explicit RunningSimulator(std::chrono::seconds wrap_up = std::chrono::seconds(0),
                            IdleSideBehaviour idle_side = kDefaultIdleSideBehaviour)
      : work_(boost::asio::make_work_guard(io_)) {
    SimulatorOptions options;
    options.side_a = {"127.0.0.1", 0};
    options.side_b = config::Endpoint{"127.0.0.1", 0};
    options.control = config::Endpoint{"127.0.0.1", 0};
    options.directory =
        config::Directory::parse(kTestDirectory, "test", config::HashCost::Minimal);
    options.wrap_up_time = wrap_up;
    options.idle_side = idle_side;
    simulator_ = std::make_unique<Simulator>(io_, std::move(options));
    simulator_->start();
    thread_ = std::thread([this] {
      io_.run();
      finished_.set_value();
    });
  }

  // Stops the simulator and lets the io thread finish its handlers, so that every session and
  // timer is released on that thread; a simulator that does not wind down in time fails the test.
  ~RunningSimulator() {
    simulator_->stop();
    work_.reset();
    if (finished_.get_future().wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
      ADD_FAILURE() << "the simulator did not wind down after stop()";
      io_.stop();
    }
    thread_.join();
  }

  Simulator& simulator() { return *simulator_; }
  std::uint16_t side_a() const { return simulator_->side_port('a'); }
  std::uint16_t side_b() const { return simulator_->side_port('b'); }
  std::uint16_t control() const { return simulator_->control_port(); }

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::unique_ptr<Simulator> simulator_;
  std::promise<void> finished_;
  std::thread thread_;
};

}  // namespace fgw::ctisim::test
