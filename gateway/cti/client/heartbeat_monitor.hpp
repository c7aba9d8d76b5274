#pragma once
// Heartbeat bookkeeping (GED-188.md 2.8), free of timers so it can be tested by itself. The session
// calls tick() once per heartbeat interval and answered() on every HEARTBEAT_CONF.
namespace fgw::cti::client {

class HeartbeatMonitor {
 public:
  enum class Action { None, SendHeartbeat, DeclareDead };
  struct Tick {
    Action action = Action::None;
    bool missed = false;  // the heartbeat sent at the previous tick was not answered
  };

  // Zero allowed misses would declare a side dead before any answer could arrive: treated as 1.
  explicit HeartbeatMonitor(unsigned missed_allowed) : missed_allowed_(missed_allowed == 0 ? 1 : missed_allowed) {}

  // `idle`: an interval passed without traffic in one of the two directions. Nothing received
  // means the server may be gone; nothing sent means its IdleTimeout runs. Either way, heartbeat.
  // While heartbeats go unanswered, one goes out every tick regardless of other traffic.
  Tick tick(bool idle);

  // A HEARTBEAT_CONF arrived. Only a HEARTBEAT_CONF counts as an answer (other traffic does not):
  // a server that streams events but stops answering heartbeats is treated as failing.
  void answered();

  unsigned consecutive_missed() const { return consecutive_missed_; }

 private:
  unsigned missed_allowed_;
  unsigned consecutive_missed_ = 0;
  bool outstanding_ = false;
};

}  // namespace fgw::cti::client
