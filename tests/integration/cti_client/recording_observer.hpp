#pragma once
// A CtiObserver that records every callback, for tests to wait on (condition variable, no sleeps).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "gateway/cti/client/cti_observer.hpp"

namespace fgw::test {

struct ObservedOpen {
  cti::client::Side side;
  cti::OpenConf conf;
};

struct ObservedLoss {
  cti::client::Side side;
  std::string reason;
};

struct Observed {
  std::vector<ObservedOpen> opens;
  std::vector<ObservedLoss> losses;
  std::vector<cti::Message> events;
  std::vector<cti::client::ResyncResult> resyncs;
  std::size_t resync_asks = 0;  // calls of agents_to_resync()
};

class RecordingObserver : public cti::client::CtiObserver {
 public:
  void set_agents_to_resync(std::vector<cti::client::AgentToResync> agents) {
    std::lock_guard lock(mutex_);
    agents_ = std::move(agents);
  }

  void on_session_open(cti::client::Side side, const cti::OpenConf& conf) override {
    record([&](Observed& o) { o.opens.push_back({side, conf}); });
  }
  void on_session_lost(cti::client::Side side, const std::string& reason) override {
    record([&](Observed& o) { o.losses.push_back({side, reason}); });
  }
  void on_event(const cti::Message& event) override {
    record([&](Observed& o) { o.events.push_back(event); });
  }
  std::vector<cti::client::AgentToResync> agents_to_resync() override {
    std::vector<cti::client::AgentToResync> agents;
    record([&](Observed& o) {
      ++o.resync_asks;
      agents = agents_;
    });
    return agents;
  }
  void on_resync(const cti::client::ResyncResult& result) override {
    record([&](Observed& o) { o.resyncs.push_back(result); });
  }

  Observed snapshot() const {
    std::lock_guard lock(mutex_);
    return observed_;
  }

  // True once `predicate` holds for what was observed; false after `timeout`.
  bool wait_until(const std::function<bool(const Observed&)>& predicate,
                  std::chrono::milliseconds timeout = std::chrono::seconds(3)) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return predicate(observed_); });
  }

  bool wait_for_opens(std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(3)) const {
    return wait_until([count](const Observed& o) { return o.opens.size() >= count; }, timeout);
  }

 private:
  template <class F>
  void record(F&& change) {
    {
      std::lock_guard lock(mutex_);
      change(observed_);
    }
    changed_.notify_all();
  }

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  Observed observed_;
  std::vector<cti::client::AgentToResync> agents_;
};

}  // namespace fgw::test
