#pragma once
// The simulated CTI server's logic: agents, devices, calls and the route-point queue, shared by
// both sides and every session. Pure logic, no sockets and no clock of its own: each operation
// returns the CTI messages it causes, in the order a client must see them (guide 5.4.4 tables,
// GED-188.md 5), and the wrap-up timers the caller must arm.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/directory.hpp"
#include "gateway/cti/message.hpp"
#include "tools/ctisim/dial_plan.hpp"
#include "tools/ctisim/event_factory.hpp"
#include "tools/ctisim/model.hpp"

namespace fgw::ctisim {

struct WorldOptions {
  std::uint32_t peripheral_id = 5000;
  // Zero: an agent leaves a call straight into READY / NOT_READY, without WORK_READY / WORK.
  std::chrono::seconds wrap_up_time{0};
  // When set, SET_AGENT_STATE_REQ LOGIN must carry the directory password as AgentPassword.
  bool verify_agent_passwords = false;
  // When set, a cleared call that an agent talked on stays, without parties, until that agent's
  // wrap-up ends: END_CALL_EVENT comes then, and SET_CALL_DATA_REQ (the wrap-up reason) still
  // finds the call. Guide 5.4.3's WRAP_UP participant state reads as if a Unified CCE PG keeps
  // the call this way, but GED-188.md does not say when END_CALL_EVENT comes, so both orders are
  // offered (docs/decisions.md 41); the gateway's desk handles either.
  bool wrap_up_keeps_call = false;
};

// A wrap-up that ends after wrap_up_time unless the token has gone stale by then.
struct WrapUpTimer {
  std::string agent_id;
  std::uint32_t token = 0;
};

struct Outcome {
  std::optional<cti::Message> reply;  // the CONF or failure for the requesting session
  std::vector<cti::Message> events;   // for every ALL_EVENTS session, in order
  std::vector<WrapUpTimer> timers;
};

// Who sent a request, as its session knows it.
struct RequestContext {
  std::string client_signature;
  std::uint32_t services_granted = 0;
};

enum class ControlError { None, BadRequest, NotFound, Conflict };

struct ControlResult {
  ControlError error = ControlError::None;
  std::string message;  // why, when error != None
  std::uint32_t call_id = 0;
  Outcome outcome;
};

// POST /calls: a call from an outside caller.
struct InboundCall {
  std::string from;
  std::string to;
  std::string dnis;  // defaults to `to`
  cti::CallVariables call_variables;
  std::vector<cti::NamedVariable> named_variables;
};

class World {
 public:
  World(const config::Directory& directory, WorldOptions options);

  // A decoded request from an open session. Every request gets a reply (CONF or failure).
  Outcome handle_request(const cti::Message& request, const RequestContext& context);

  ControlResult place_call(const InboundCall& call);
  ControlResult answer_outside(std::uint32_t call_id);
  ControlResult hang_up_outside(std::uint32_t call_id);
  Outcome end_wrap_up(const std::string& agent_id, std::uint32_t token);

  const std::map<std::string, Agent>& agents() const { return agents_; }
  const std::map<std::uint32_t, Call>& calls() const { return calls_; }
  const WorldOptions& options() const { return options_; }
  const DialPlan& dial_plan() const { return dial_plan_; }

 private:
  friend class RequestHandler;

  Agent* agent_by_id(const std::string& id);
  Agent* agent_on_extension(const std::string& extension);
  Call* find_call(std::uint32_t id);
  // Agent: a signed-in agent's extension, driven by CTI requests. Outside: any other device
  // (outside number, unattended extension), driven by the control API.
  enum class PartyKind { Agent, Outside };
  PartyKind kind_of(const std::string& device);
  // A signed-in agent's phone that is off hook, dialling or talking on some call. The simulator
  // has no call waiting, so a call dialled to it fails BUSY (guide 5.4.4, "Destination is Busy").
  bool agent_phone_busy(const std::string& device);

  // Every change to who is signed in where, to the parties of a call or to an agent's reported or
  // idle state goes through these, so that the indexes below stay exact.
  void sign_in(Agent& agent, const std::string& extension);
  void sign_out(Agent& agent);
  void add_party(Call& call, Party party);
  void set_party_state(Party& party, cti::LocalConnectionState state);
  // The connections at `device` changed: its agent (if any) is re-derived at the next settle.
  void touch_device(const std::string& device);
  void remove_parties_if(Call& call, const std::function<bool(const Party&)>& drop);
  void erase_call(std::uint32_t id);
  void unindex(std::uint32_t call_id, const std::string& device);

  Call& new_call(cti::CallType type, const std::string& calling, const std::string& called);
  // Rings `device` on `call` (RESERVED first when an AVAILABLE agent is rung), or queues the call
  // when `device` is a route point.
  void offer(Call& call, const std::string& device, cti::EventCause cause, Outcome& out);
  void announce(Call& call, Outcome& out);
  void deliver(Call& call, const std::string& device, cti::EventCause cause, Outcome& out);
  void establish(Call& call, Party& answering, Outcome& out);
  // Dials `dialed` from agent device `from` as a new call carrying `data`: the make-call /
  // consult sequence. An unassigned internal number ends in CALL_FAILED.
  Call& originate(const std::string& from, const std::string& dialed, cti::CallType type,
                  cti::EventCause cause, const cti::DialData& data, Outcome& out);
  void drop_party(Call& call, const std::string& device, cti::EventCause cause, Outcome& out);
  void clear_call(Call& call, cti::EventCause cause, Outcome& out);
  // Takes the call off every device and ends its silent monitors; erases it unless
  // hold_for_wrap_up() kept it.
  void remove_call(std::uint32_t id, Outcome& out);
  // Whether a cleared call waits for its agents' wrap-up (wrap_up_keeps_call) before END_CALL.
  bool hold_for_wrap_up(Call& call);
  // END_CALL_EVENT for each held call whose agents have all left wrap-up (or signed out).
  void release_wrapped_up_calls(Outcome& out);
  bool still_wrapping_up(const std::string& agent_id);
  // Reports every agent whose state differs from what was last reported; starts wrap-ups.
  void reconcile_agents(Outcome& out);
  void dispatch_queue(Outcome& out);
  // reconcile, route waiting calls to agents that became READY, reconcile again.
  void settle(Outcome& out);

  cti::AgentState derived_state(const Agent& agent) const;
  void leave_calls(Agent& agent, Outcome& out);
  void report(Agent& agent, cti::AgentState state, Outcome& out);
  void become_idle(Agent& agent, cti::AgentState state, std::uint16_t reason);

  WorldOptions options_;
  DialPlan dial_plan_;
  EventFactory events_;
  const config::Directory& directory_;
  std::map<std::string, Agent> agents_;  // by agent id
  std::map<std::uint32_t, Call> calls_;

  // Indexes, so that a request costs what it touches instead of all agents x all calls.
  // Signed-in agents by the extension they signed in on (at most one agent per extension).
  std::unordered_map<std::string, Agent*> agent_by_extension_;
  // The calls that have a party at the device, live or not.
  std::unordered_map<std::string, std::set<std::uint32_t>> calls_by_device_;
  // Agents whose derived state may differ from the one last reported. Every other signed-in agent
  // has derived_state() == reported, so reconcile_agents() visits only these, in agent-id order
  // like a scan of agents_ would.
  std::set<std::string> unsettled_agents_;
  // Agents whose last report was AVAILABLE, by available_since: the longest READY first.
  std::map<std::uint64_t, Agent*> available_agents_;
  // Cleared calls that hold_for_wrap_up() kept; on no device.
  std::set<std::uint32_t> calls_held_for_wrap_up_;
  std::uint32_t next_call_id_;
  std::uint64_t sequence_ = 0;
  std::string current_signature_;  // ClientSignature of the request being handled
};

}  // namespace fgw::ctisim
