#include "tools/ctisim/world.hpp"

#include <algorithm>
#include <cassert>

namespace fgw::ctisim {

namespace {
using cti::AgentState;
using cti::EventCause;
using cti::LocalConnectionState;

// Call IDs start here so that they never look like a directory extension in logs.
constexpr std::uint32_t kFirstCallId = 100001;

bool is_live(const Party& party) { return party.state != LocalConnectionState::Null; }

// A connection in which the agent is busy at its phone: off hook, dialling, talking or failed.
bool occupies_agent(const Party& party) {
  return party.state == LocalConnectionState::Connect ||
         party.state == LocalConnectionState::Initiate || party.state == LocalConnectionState::Fail;
}

bool ready_like(AgentState state) {
  return state == AgentState::Available || state == AgentState::WorkReady;
}
}  // namespace

Party* Call::find_party(const std::string& device) {
  auto it = std::find_if(parties.begin(), parties.end(),
                         [&](const Party& p) { return p.device == device; });
  return it == parties.end() ? nullptr : &*it;
}

const Party* Call::find_party(const std::string& device) const {
  return const_cast<Call*>(this)->find_party(device);
}

World::World(const config::Directory& directory, WorldOptions options)
    : options_(options),
      dial_plan_(directory),
      events_(options.peripheral_id, dial_plan_),
      directory_(directory),
      next_call_id_(kFirstCallId) {
  for (const auto& user : directory.users()) {
    if (!user.agent && !user.supervisor) continue;
    Agent agent;
    agent.id = user.id;
    agent.login_name = user.login_name;
    agent.team_id = user.team_id;
    agent.supervises = user.supervises;
    agent.supervisor = user.supervisor;
    agents_.emplace(user.id, std::move(agent));
  }
}

Agent* World::agent_by_id(const std::string& id) {
  auto it = agents_.find(id);
  return it == agents_.end() ? nullptr : &it->second;
}

Agent* World::agent_on_extension(const std::string& extension) {
  auto it = agent_by_extension_.find(extension);
  return it == agent_by_extension_.end() ? nullptr : it->second;
}

void World::sign_in(Agent& agent, const std::string& extension) {
  agent.signed_in = true;
  agent.extension = extension;
  agent_by_extension_[extension] = &agent;
  unsettled_agents_.insert(agent.id);
}

void World::sign_out(Agent& agent) {
  agent_by_extension_.erase(agent.extension);
  agent.signed_in = false;
  agent.extension.clear();
  unsettled_agents_.insert(agent.id);
}

void World::add_party(Call& call, Party party) {
  calls_by_device_[party.device].insert(call.id);
  touch_device(party.device);
  call.parties.push_back(std::move(party));
}

void World::set_party_state(Party& party, LocalConnectionState state) {
  party.state = state;
  touch_device(party.device);
}

void World::touch_device(const std::string& device) {
  if (Agent* agent = agent_on_extension(device)) unsettled_agents_.insert(agent->id);
}

void World::erase_call(std::uint32_t id) {
  auto it = calls_.find(id);
  if (it == calls_.end()) return;
  for (const auto& party : it->second.parties) {
    touch_device(party.device);
    unindex(id, party.device);
  }
  calls_.erase(it);
}

void World::remove_parties_if(Call& call, const std::function<bool(const Party&)>& drop) {
  std::vector<std::string> removed;
  for (const auto& party : call.parties) {
    if (drop(party)) removed.push_back(party.device);
  }
  call.parties.erase(std::remove_if(call.parties.begin(), call.parties.end(), drop),
                     call.parties.end());
  for (const auto& device : removed) {
    touch_device(device);
    if (!call.find_party(device)) unindex(call.id, device);  // unless another leg stays
  }
}

void World::unindex(std::uint32_t call_id, const std::string& device) {
  auto calls = calls_by_device_.find(device);
  if (calls == calls_by_device_.end()) return;
  calls->second.erase(call_id);
  if (calls->second.empty()) calls_by_device_.erase(calls);
}

Call* World::find_call(std::uint32_t id) {
  auto it = calls_.find(id);
  return it == calls_.end() ? nullptr : &it->second;
}

World::PartyKind World::kind_of(const std::string& device) {
  return agent_on_extension(device) ? PartyKind::Agent : PartyKind::Outside;
}

Call& World::new_call(cti::CallType type, const std::string& calling, const std::string& called) {
  Call call;
  call.id = next_call_id_++;
  call.type = type;
  call.calling_device = calling;
  call.called_device = called;
  call.dialed_number = called;
  return calls_.emplace(call.id, std::move(call)).first->second;
}

void World::announce(Call& call, Outcome& out) {
  if (call.announced) return;
  call.announced = true;
  out.events.push_back(events_.begin_call(call));
}

void World::offer(Call& call, const std::string& device, EventCause cause, Outcome& out) {
  if (dial_plan_.classify(device) == Destination::RoutePoint) {
    call.queued_at = device;
    call.queued_sequence = ++sequence_;
    return;  // dispatch_queue() delivers it when an agent is READY
  }
  announce(call, out);
  deliver(call, device, cause, out);
}

void World::deliver(Call& call, const std::string& device, EventCause cause, Outcome& out) {
  Party party;
  party.device = device;
  party.state = LocalConnectionState::Alerting;
  if (Agent* agent = agent_on_extension(device);
      agent && derived_state(*agent) == AgentState::Available) {
    // GED-188.md 5.2: the RESERVED agent state may precede the delivery; it does here.
    party.reserved_agent = true;
    add_party(call, party);
    report(*agent, AgentState::Reserved, out);
  } else {
    add_party(call, party);
  }
  out.events.push_back(events_.delivered(call, device, cause));
}

void World::establish(Call& call, Party& answering, Outcome& out) {
  answering.reserved_agent = false;
  set_party_state(answering, LocalConnectionState::Connect);
  for (auto& party : call.parties) {
    if (Agent* agent = agent_on_extension(party.device); agent && is_live(party)) {
      agent->handled_call = true;
    }
  }
  out.events.push_back(events_.established(call, answering.device, EventCause::None));
}

Call& World::originate(const std::string& from, const std::string& dialed, cti::CallType type,
                       EventCause cause, const cti::DialData& data, Outcome& out) {
  Call& call = new_call(type, from, dialed);
  call.ani = from;
  call.call_variables = data.call_variables;
  call.named_variables = data.named_variables;
  call.named_arrays = data.named_arrays;
  Party caller;
  caller.device = from;
  caller.state = LocalConnectionState::Initiate;
  add_party(call, caller);
  // Guide 5.4.4, outbound table: BEGIN_CALL, SERVICE_INITIATED (off hook), ORIGINATED (dialled).
  announce(call, out);
  out.events.push_back(events_.service_initiated(call, from, cause));
  set_party_state(*call.find_party(from), LocalConnectionState::Connect);
  out.events.push_back(events_.originated(call, from, cause));
  const bool unassigned = dial_plan_.classify(dialed) == Destination::Unassigned;
  if (unassigned || agent_phone_busy(dialed)) {
    set_party_state(*call.find_party(from), LocalConnectionState::Fail);
    out.events.push_back(events_.failed(call, dialed, unassigned ? EventCause::DestNotObtainable : EventCause::Busy));
    return call;
  }
  offer(call, dialed, cause, out);
  return call;
}

bool World::agent_phone_busy(const std::string& device) {
  if (kind_of(device) != PartyKind::Agent) return false;
  auto calls = calls_by_device_.find(device);
  if (calls == calls_by_device_.end()) return false;
  for (auto id : calls->second) {
    const Party* party = find_call(id)->find_party(device);
    if (party && occupies_agent(*party)) return true;
  }
  return false;
}

void World::drop_party(Call& call, const std::string& device, EventCause cause, Outcome& out) {
  Party* party = call.find_party(device);
  if (!party || !is_live(*party)) return;
  set_party_state(*party, LocalConnectionState::Null);
  out.events.push_back(events_.connection_cleared(call, device, cause));
  const auto live = std::count_if(call.parties.begin(), call.parties.end(), is_live);
  // A call with one connection left has nobody to talk to: the last party is dropped too
  // (guide 5.4.4: "Caller drops call" then "Agent is dropped from call").
  if (live < 2) clear_call(call, cause, out);
}

void World::clear_call(Call& call, EventCause cause, Outcome& out) {
  for (auto& party : call.parties) {
    if (!is_live(party)) continue;
    set_party_state(party, LocalConnectionState::Null);
    out.events.push_back(events_.connection_cleared(call, party.device, cause));
  }
  if (call.announced) {
    out.events.push_back(events_.cleared(call, cause));
    if (!hold_for_wrap_up(call)) out.events.push_back(events_.end_call(call));
  }
  remove_call(call.id, out);
}

bool World::hold_for_wrap_up(Call& call) {
  if (!options_.wrap_up_keeps_call || options_.wrap_up_time.count() == 0) return false;
  for (const auto& party : call.parties) {
    // handled_call: the agent talked since it was last idle, so leave_calls() will wrap it up.
    Agent* agent = agent_on_extension(party.device);
    if (agent && party.role == PartyRole::Normal && agent->handled_call) call.wrapping_agents.insert(agent->id);
  }
  return !call.wrapping_agents.empty();
}

bool World::still_wrapping_up(const std::string& agent_id) {
  const Agent* agent = agent_by_id(agent_id);
  if (!agent || !agent->signed_in) return false;
  const bool in_work = agent->idle_state == AgentState::WorkReady || agent->idle_state == AgentState::WorkNotReady;
  return in_work || agent->handled_call;  // handled_call: its wrap-up has not started yet
}

void World::release_wrapped_up_calls(Outcome& out) {
  for (auto it = calls_held_for_wrap_up_.begin(); it != calls_held_for_wrap_up_.end();) {
    Call& call = calls_.at(*it);
    std::erase_if(call.wrapping_agents, [&](const std::string& id) { return !still_wrapping_up(id); });
    if (!call.wrapping_agents.empty()) {
      ++it;
      continue;
    }
    out.events.push_back(events_.end_call(call));
    calls_.erase(*it);
    it = calls_held_for_wrap_up_.erase(it);
  }
}

void World::remove_call(std::uint32_t id, Outcome& out) {
  if (Call* call = find_call(id); call && !call->wrapping_agents.empty()) {
    for (const auto& party : call->parties) {
      touch_device(party.device);
      unindex(id, party.device);
    }
    call->parties.clear();  // a held call is on no device: it changes nobody's state
    calls_held_for_wrap_up_.insert(id);
  } else {
    erase_call(id);
  }
  // A silent-monitor call ends with the call it listens to.
  std::vector<std::uint32_t> monitors;
  for (const auto& [monitor_id, monitor] : calls_) {
    if (monitor.monitored_call == id) monitors.push_back(monitor_id);
  }
  for (auto monitor_id : monitors) {
    if (Call* monitor = find_call(monitor_id)) clear_call(*monitor, EventCause::None, out);
  }
}

AgentState World::derived_state(const Agent& agent) const {
  if (!agent.signed_in) return AgentState::Logout;
  bool holding = false;
  bool alerting_reserved = false;
  auto calls = calls_by_device_.find(agent.extension);
  if (calls == calls_by_device_.end()) return agent.idle_state;
  for (const auto id : calls->second) {
    const auto call = calls_.find(id);
    assert(call != calls_.end() && "erase_call() keeps calls_by_device_ free of ended calls");
    for (const auto& party : call->second.parties) {
      if (party.device != agent.extension || party.role == PartyRole::MonitorTarget) continue;
      if (occupies_agent(party)) return AgentState::Talking;
      if (party.state == LocalConnectionState::Hold) holding = true;
      if (party.state == LocalConnectionState::Alerting && party.reserved_agent) {
        alerting_reserved = true;
      }
    }
  }
  if (holding) return AgentState::Hold;
  if (alerting_reserved) return AgentState::Reserved;
  return agent.idle_state;
}

void World::report(Agent& agent, AgentState state, Outcome& out) {
  if (agent.reported == AgentState::Available) available_agents_.erase(agent.available_since);
  agent.reported = state;
  if (state == AgentState::Available) {
    agent.available_since = ++sequence_;
    available_agents_.emplace(agent.available_since, &agent);
  }
  unsettled_agents_.insert(agent.id);
  out.events.push_back(events_.agent_state(agent, current_signature_));
}

void World::become_idle(Agent& agent, AgentState state, std::uint16_t reason) {
  agent.idle_state = state;
  unsettled_agents_.insert(agent.id);
  if (state == AgentState::NotReady) agent.reason_code = reason;
  agent.next_state.reset();
  ++agent.wrap_up_token;  // any running wrap-up timer is now stale
}

// The agent's last call has gone: wrap up if it talked (guide 5.4.5), else return to its state.
void World::leave_calls(Agent& agent, Outcome& out) {
  const AgentState target =
      agent.next_state.value_or(ready_like(agent.idle_state) ? AgentState::Available
                                                             : AgentState::NotReady);
  const std::uint16_t reason =
      agent.next_state ? agent.next_reason_code : agent.reason_code;
  const bool wrap_up = agent.handled_call && options_.wrap_up_time.count() > 0;
  agent.handled_call = false;
  if (!wrap_up) {
    become_idle(agent, target, reason);
    return;
  }
  become_idle(agent, target == AgentState::Available ? AgentState::WorkReady
                                                     : AgentState::WorkNotReady,
              reason);
  agent.reason_code = reason;
  out.timers.push_back({agent.id, agent.wrap_up_token});
}

void World::reconcile_agents(Outcome& out) {
#ifndef NDEBUG
  // The invariant that lets the loop skip agents: nobody unmarked has anything to report.
  for (const auto& [id, agent] : agents_) {
    assert(!agent.signed_in || unsettled_agents_.count(id) ||
           derived_state(agent) == agent.reported);
  }
#endif
  // An agent acting here changes no other agent's state, so visiting only the marked ones, in id
  // order, reports the same states in the same order as visiting every agent. Marks made while
  // visiting (by report / become_idle) go to the fresh set and cost one more look next time.
  std::set<std::string> unsettled;
  unsettled.swap(unsettled_agents_);
  for (const auto& id : unsettled) {
    Agent* found = agent_by_id(id);
    if (!found || !found->signed_in) continue;
    Agent& agent = *found;
    AgentState state = derived_state(agent);
    const bool was_on_call = agent.reported == AgentState::Talking ||
                             agent.reported == AgentState::Hold ||
                             agent.reported == AgentState::Reserved;
    const bool on_call = state == AgentState::Talking || state == AgentState::Hold ||
                         state == AgentState::Reserved;
    if (was_on_call && !on_call) {
      leave_calls(agent, out);
      state = derived_state(agent);
    }
    if (state != agent.reported) report(agent, state, out);
  }
}

void World::dispatch_queue(Outcome& out) {
  while (true) {
    Call* waiting = nullptr;
    for (auto& [id, call] : calls_) {
      if (call.queued_at && (!waiting || call.queued_sequence < waiting->queued_sequence)) {
        waiting = &call;
      }
    }
    if (!waiting) return;
    // After reconcile_agents() every signed-in agent's derived state is the one reported, and a
    // delivery below reports RESERVED at once, so the AVAILABLE agents are those last reported
    // AVAILABLE; available_agents_ holds them longest READY first.
    Agent* longest_ready = nullptr;
    for (const auto& [since, agent] : available_agents_) {
      if (agent->signed_in && derived_state(*agent) == AgentState::Available) {
        longest_ready = agent;
        break;
      }
    }
#ifndef NDEBUG
    for (const auto& [id, agent] : agents_) {
      assert(!agent.signed_in || derived_state(agent) != AgentState::Available ||
             (longest_ready && longest_ready->available_since <= agent.available_since));
    }
#endif
    if (!longest_ready) return;
    waiting->queued_at.reset();
    announce(*waiting, out);
    deliver(*waiting, longest_ready->extension, EventCause::NewCall, out);
  }
}

void World::settle(Outcome& out) {
  // Held calls end before the state that ends a wrap-up is reported, as a call ends before its
  // agent's next state (GED-188.md 5, "Clear").
  release_wrapped_up_calls(out);
  reconcile_agents(out);
  dispatch_queue(out);
  reconcile_agents(out);
  release_wrapped_up_calls(out);
}

ControlResult World::place_call(const InboundCall& inbound) {
  ControlResult result;
  auto reject = [&](ControlError error, std::string message) {
    result.error = error;
    result.message = std::move(message);
    return result;
  };
  if (dial_plan_.classify(inbound.from) == Destination::Invalid) {
    return reject(ControlError::BadRequest, "'from' must be a dialable number");
  }
  if (agent_on_extension(inbound.from)) {
    return reject(ControlError::BadRequest, "'from' is a signed-in agent's extension");
  }
  const Destination destination = dial_plan_.classify(inbound.to);
  if (destination != Destination::Extension && destination != Destination::RoutePoint) {
    return reject(ControlError::NotFound,
                  "'to' is neither an extension nor a route point of the directory");
  }
  if (destination == Destination::Extension && !agent_on_extension(inbound.to)) {
    return reject(ControlError::Conflict, "no agent is signed in on extension " + inbound.to);
  }
  current_signature_.clear();
  const auto type = destination == Destination::RoutePoint ? cti::CallType::AcdIn
                                                           : cti::CallType::OtherIn;
  Call& call = new_call(type, inbound.from, inbound.to);
  call.ani = inbound.from;
  call.dnis = inbound.dnis.empty() ? inbound.to : inbound.dnis;
  call.call_variables = inbound.call_variables;
  call.named_variables = inbound.named_variables;
  add_party(call, {inbound.from, PartyRole::Normal, LocalConnectionState::Connect, false});
  result.call_id = call.id;
  offer(call, inbound.to, EventCause::NewCall, result.outcome);
  settle(result.outcome);
  return result;
}

ControlResult World::answer_outside(std::uint32_t call_id) {
  ControlResult result;
  result.call_id = call_id;
  Call* call = find_call(call_id);
  if (!call) {
    result.error = ControlError::NotFound;
    result.message = "no such call";
    return result;
  }
  current_signature_.clear();
  for (auto& party : call->parties) {
    if (party.state == LocalConnectionState::Alerting && kind_of(party.device) == PartyKind::Outside) {
      establish(*call, party, result.outcome);
      settle(result.outcome);
      return result;
    }
  }
  result.error = ControlError::Conflict;
  result.message = "no outside party of this call is ringing";
  return result;
}

ControlResult World::hang_up_outside(std::uint32_t call_id) {
  ControlResult result;
  result.call_id = call_id;
  Call* call = find_call(call_id);
  if (!call) {
    result.error = ControlError::NotFound;
    result.message = "no such call";
    return result;
  }
  current_signature_.clear();
  if (call->queued_at && !call->announced) {
    // Never delivered, so never announced to CTI: abandoned in queue without events.
    erase_call(call_id);
    return result;
  }
  std::vector<std::string> outside;
  for (const auto& party : call->parties) {
    if (is_live(party) && kind_of(party.device) == PartyKind::Outside) outside.push_back(party.device);
  }
  if (outside.empty()) {
    result.error = ControlError::Conflict;
    result.message = "the call has no outside party";
    return result;
  }
  for (const auto& device : outside) {
    Call* still_there = find_call(call_id);
    if (!still_there) break;
    drop_party(*still_there, device, EventCause::None, result.outcome);
  }
  settle(result.outcome);
  return result;
}

Outcome World::end_wrap_up(const std::string& agent_id, std::uint32_t token) {
  Outcome out;
  Agent* agent = agent_by_id(agent_id);
  if (!agent || !agent->signed_in || agent->wrap_up_token != token) return out;
  const AgentState state = agent->idle_state;
  if (state != AgentState::WorkReady && state != AgentState::WorkNotReady) return out;
  current_signature_.clear();
  become_idle(*agent,
              state == AgentState::WorkReady ? AgentState::Available : AgentState::NotReady,
              agent->reason_code);
  settle(out);
  return out;
}

}  // namespace fgw::ctisim
