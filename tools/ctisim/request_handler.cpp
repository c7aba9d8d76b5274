#include "tools/ctisim/request_handler.hpp"

#include <algorithm>
#include <type_traits>

#include "tools/ctisim/services.hpp"

namespace fgw::ctisim {

namespace {
using cti::AgentState;
using cti::ControlFailureCode;
using cti::EventCause;
using cti::FailureStatus;
using cti::LocalConnectionState;

// SIMULATOR CHOICES where GED-188.md names no exact failure. Each is one constant.
// A request for an agent that is not signed in.
constexpr FailureStatus kAgentNotSignedIn = FailureStatus::AgentNotLoggedOn;
// A request the agent's or the connection's current state does not allow.
constexpr ControlFailureCode kStateIncompatible = ControlFailureCode::InvalidObjectState;
// SET_AGENT_STATE_REQ for a state that only the server sets (TALKING, RESERVED, WORK_*, ...).
constexpr ControlFailureCode kUnsettableState = ControlFailureCode::ValueOutOfRange;
// A message a client may not send, or that the simulator does not serve.
constexpr FailureStatus kNotServed = FailureStatus::FunctionNotAvailable;
// A request that needs a service the session was not granted.
constexpr FailureStatus kServiceNotGranted = FailureStatus::FunctionNotAvailable;
// Single-step transfer / conference, whisper and intercept are not simulated (Finesse 8.5 uses
// none of them).
constexpr ControlFailureCode kFeatureNotSimulated = ControlFailureCode::InvalidFeature;
// A supervisor acting on an agent outside the teams it supervises.
constexpr ControlFailureCode kNotSupervisedAgent =
    ControlFailureCode::PrivilegeViolationOnSpecifiedDevice;
// ECC variable names the simulator accepts: UCCE's expanded call variables are "user.*".
constexpr std::string_view kEccPrefix = "user.";
// ConsultType values (GED-188.md 4.13): 0 unspecified, 1 transfer, 2 conference.
constexpr std::uint16_t kLargestConsultType = 2;
constexpr std::uint32_t kNoCall = 0xFFFFFFFF;

bool is_live(const Party& party) { return party.state != LocalConnectionState::Null; }

template <class T>
concept HasInvokeId = requires(const T& t) { t.invoke_id; };

std::uint32_t invoke_id_of(const cti::UnknownMessage& message) {
  if (message.body.size() < 4) return 0;
  return (std::uint32_t{message.body[0]} << 24) | (std::uint32_t{message.body[1]} << 16) |
         (std::uint32_t{message.body[2]} << 8) | std::uint32_t{message.body[3]};
}

void merge_call_variables(cti::CallVariables& into, const cti::CallVariables& from) {
  for (std::size_t i = 0; i < into.size(); ++i) {
    if (from[i]) into[i] = from[i];
  }
}

void merge_named_variables(std::vector<cti::NamedVariable>& into,
                           const std::vector<cti::NamedVariable>& from) {
  for (const auto& variable : from) {
    auto it = std::find_if(into.begin(), into.end(),
                           [&](const auto& v) { return v.name == variable.name; });
    if (it == into.end()) into.push_back(variable);
    else it->value = variable.value;
  }
}

void merge_named_arrays(std::vector<cti::NamedArray>& into,
                        const std::vector<cti::NamedArray>& from) {
  for (const auto& element : from) {
    auto it = std::find_if(into.begin(), into.end(), [&](const auto& e) {
      return e.name == element.name && e.index == element.index;
    });
    if (it == into.end()) into.push_back(element);
    else it->value = element.value;
  }
}

bool ecc_names_configured(const std::vector<cti::NamedVariable>& variables,
                          const std::vector<cti::NamedArray>& arrays) {
  auto configured = [](const std::string& name) {
    return name.size() > kEccPrefix.size() && name.starts_with(kEccPrefix);
  };
  return std::all_of(variables.begin(), variables.end(),
                     [&](const auto& v) { return configured(v.name); }) &&
         std::all_of(arrays.begin(), arrays.end(), [&](const auto& a) { return configured(a.name); });
}

const std::string& first_other_party(const Call& call, const std::string& device) {
  for (const auto& party : call.parties) {
    if (is_live(party) && party.device != device) return party.device;
  }
  return device;
}
}  // namespace

Outcome World::handle_request(const cti::Message& request, const RequestContext& context) {
  Outcome out;
  current_signature_ = context.client_signature;
  RequestHandler(*this, context, out).handle(request);
  settle(out);
  return out;
}

void RequestHandler::handle(const cti::Message& request) {
  std::visit([this](const auto& message) { on(message); }, request);
}

template <class Request>
void RequestHandler::on(const Request& request) {
  using T = Request;
  using namespace fgw::cti;
  if constexpr (std::is_same_v<T, SetAgentStateReq>) set_agent_state(request);
  else if constexpr (std::is_same_v<T, QueryAgentStateReq>) query_agent_state(request);
  else if constexpr (std::is_same_v<T, AnswerCallReq>) answer(request);
  else if constexpr (std::is_same_v<T, HoldCallReq>) hold(request);
  else if constexpr (std::is_same_v<T, RetrieveCallReq>) retrieve(request);
  else if constexpr (std::is_same_v<T, ClearConnectionReq>) clear_connection(request);
  else if constexpr (std::is_same_v<T, ClearCallReq>) clear_call(request);
  else if constexpr (std::is_same_v<T, MakeCallReq>) make_call(request);
  else if constexpr (std::is_same_v<T, ConsultationCallReq>) consult(request);
  else if constexpr (std::is_same_v<T, TransferCallReq>) transfer(request);
  else if constexpr (std::is_same_v<T, ConferenceCallReq>) conference(request);
  else if constexpr (std::is_same_v<T, SetCallDataReq>) set_call_data(request);
  else if constexpr (std::is_same_v<T, SnapshotCallReq>) snapshot_call(request);
  else if constexpr (std::is_same_v<T, SnapshotDeviceReq>) snapshot_device(request);
  else if constexpr (std::is_same_v<T, SuperviseCallReq>) supervise(request);
  else if constexpr (std::is_same_v<T, ReleaseCallReq>) {
    if (check_peripheral(request.invoke_id, request.peripheral_id)) {
      out_.reply = ReleaseCallConf{request.invoke_id};
    }
  } else if constexpr (std::is_same_v<T, ClientEventReportReq>) {
    out_.reply = ClientEventReportConf{request.invoke_id};
  } else if constexpr (std::is_same_v<T, SendDtmfSignalReq>) {
    if (!check_peripheral(request.invoke_id, request.peripheral_id)) return;
    Call* call = nullptr;
    Party* party = connection(request.invoke_id, call, request.connection_call_id,
                              request.connection_device_id, request.agent_instrument);
    if (!party) return;
    if (party->state != LocalConnectionState::Connect) {
      return control_fail(request.invoke_id, ControlFailureCode::NoActiveCall);
    }
    out_.reply = SendDtmfSignalConf{request.invoke_id};
  } else if constexpr (std::is_same_v<T, UnknownMessage>) {
    fail(invoke_id_of(request), kNotServed);
  } else if constexpr (HasInvokeId<T>) {
    fail(request.invoke_id, kNotServed);
  } else {
    fail(0, kNotServed);
  }
}

bool RequestHandler::check_peripheral(std::uint32_t invoke_id, std::uint32_t peripheral_id) {
  if (peripheral_id == world_.options_.peripheral_id) return true;
  fail(invoke_id, FailureStatus::InvalidPeripheralId);
  return false;
}

bool RequestHandler::require_service(std::uint32_t invoke_id, std::uint32_t service) {
  if (context_.services_granted & service) return true;
  fail(invoke_id, kServiceNotGranted);
  return false;
}

void RequestHandler::fail(std::uint32_t invoke_id, FailureStatus status) {
  out_.reply = cti::FailureConf{invoke_id, status, std::nullopt};
}

void RequestHandler::control_fail(std::uint32_t invoke_id, ControlFailureCode code) {
  out_.reply = cti::ControlFailureConf{invoke_id, code, 0};
}

// ---- agent state ----------------------------------------------------------------------------

void RequestHandler::set_agent_state(const cti::SetAgentStateReq& request) {
  const auto invoke = request.invoke_id;
  if (!require_service(invoke, service::kClientControl)) return;
  if (!check_peripheral(invoke, request.peripheral_id)) return;
  Agent* agent = nullptr;
  if (request.agent_id) {
    agent = world_.agent_by_id(*request.agent_id);
    if (!agent) return control_fail(invoke, ControlFailureCode::InvalidAgentIdSpecified);
  } else if (request.agent_instrument) {
    agent = world_.agent_on_extension(*request.agent_instrument);
    if (!agent) return fail(invoke, kAgentNotSignedIn);
  } else {
    return fail(invoke, FailureStatus::RequiredDataMissing);
  }
  switch (request.agent_state) {
    case AgentState::Login:
      return login(request, *agent);
    case AgentState::Logout:
      return logout(request, *agent);
    case AgentState::Available:
    case AgentState::NotReady:
      return change_ready_state(request, *agent);
    default:
      return control_fail(invoke, kUnsettableState);
  }
}

void RequestHandler::login(const cti::SetAgentStateReq& request, Agent& agent) {
  const auto invoke = request.invoke_id;
  if (!request.agent_instrument || request.agent_instrument->empty()) {
    return fail(invoke, FailureStatus::RequiredDataMissing);
  }
  const std::string& instrument = *request.agent_instrument;
  if (agent.signed_in) {
    if (agent.extension != instrument) {
      return control_fail(invoke, ControlFailureCode::SpecifiedAgentAlreadySignedOn);
    }
    // Finesse forces a sign-in (guide 3.1.4): the agent stays as it is and hears its state again.
    out_.reply = cti::SetAgentStateConf{invoke};
    world_.report(agent, agent.reported, out_);
    return;
  }
  if (world_.dial_plan_.classify(instrument) != Destination::Extension) {
    return control_fail(invoke, ControlFailureCode::InvalidLogonDeviceSpecified);
  }
  if (world_.agent_on_extension(instrument)) {
    return control_fail(invoke, ControlFailureCode::SpecifiedExtensionAlreadyInUse);
  }
  if (world_.options_.verify_agent_passwords) {
    const config::User* user = world_.directory_.find_by_id(agent.id);
    if (!user || !request.agent_password ||
        !config::verify_password(user->password_hash, *request.agent_password)) {
      return control_fail(invoke, ControlFailureCode::InvalidPasswordSpecified);
    }
  }
  out_.reply = cti::SetAgentStateConf{invoke};
  world_.sign_in(agent, instrument);
  agent.handled_call = false;
  // GED-188.md 5.1.6: LOGIN, then NOT_READY (guide 3.1.4: "automatically set to NOT_READY").
  world_.report(agent, AgentState::Login, out_);
  world_.become_idle(agent, AgentState::NotReady, request.event_reason_code);
  world_.report(agent, AgentState::NotReady, out_);
}

void RequestHandler::logout(const cti::SetAgentStateReq& request, Agent& agent) {
  const auto invoke = request.invoke_id;
  if (!agent.signed_in) return fail(invoke, kAgentNotSignedIn);
  const AgentState state = world_.derived_state(agent);
  if (state == AgentState::Talking || state == AgentState::Hold || state == AgentState::Reserved) {
    return control_fail(invoke, kStateIncompatible);
  }
  out_.reply = cti::SetAgentStateConf{invoke};
  world_.become_idle(agent, AgentState::Logout, 0);
  agent.reason_code = request.event_reason_code;
  world_.report(agent, AgentState::Logout, out_);
  world_.sign_out(agent);
}

void RequestHandler::change_ready_state(const cti::SetAgentStateReq& request, Agent& agent) {
  const auto invoke = request.invoke_id;
  if (!agent.signed_in) return fail(invoke, kAgentNotSignedIn);
  const AgentState target = request.agent_state;
  const std::uint16_t reason = target == AgentState::NotReady ? request.event_reason_code : 0;
  const AgentState state = world_.derived_state(agent);
  if (state == AgentState::Reserved) return control_fail(invoke, kStateIncompatible);
  out_.reply = cti::SetAgentStateConf{invoke};
  if (state == AgentState::Talking || state == AgentState::Hold) {
    // Guide 5.4.5: the choice decides the wrap-up state; it is reported as NextAgentState.
    agent.next_state = target;
    agent.next_reason_code = reason;
    world_.report(agent, state, out_);
    return;
  }
  const bool reason_changed = target == AgentState::NotReady && agent.reason_code != reason;
  world_.become_idle(agent, target, reason);
  if (state == target && reason_changed) world_.report(agent, target, out_);
}

void RequestHandler::query_agent_state(const cti::QueryAgentStateReq& request) {
  const auto invoke = request.invoke_id;
  if (!check_peripheral(invoke, request.peripheral_id)) return;
  Agent* agent = nullptr;
  if (request.agent_id) agent = world_.agent_by_id(*request.agent_id);
  else if (request.agent_extension) agent = world_.agent_on_extension(*request.agent_extension);
  else if (request.agent_instrument) agent = world_.agent_on_extension(*request.agent_instrument);
  else return fail(invoke, FailureStatus::RequiredDataMissing);
  if (!agent) return control_fail(invoke, ControlFailureCode::InvalidAgentIdSpecified);
  out_.reply = world_.events_.query_agent_state(*agent, invoke);
}

// ---- call control ---------------------------------------------------------------------------

Agent* RequestHandler::calling_agent(std::uint32_t invoke_id,
                                     const std::optional<std::string>& instrument) {
  if (!instrument) {
    fail(invoke_id, FailureStatus::RequiredDataMissing);
    return nullptr;
  }
  Agent* agent = world_.agent_on_extension(*instrument);
  if (!agent) control_fail(invoke_id, ControlFailureCode::InvalidCallingDevice);
  return agent;
}

Party* RequestHandler::connection(std::uint32_t invoke_id, Call*& call, std::uint32_t call_id,
                                  const std::optional<std::string>& connection_device,
                                  const std::optional<std::string>& instrument) {
  const std::optional<std::string>& device = connection_device ? connection_device : instrument;
  if (!device) {
    fail(invoke_id, FailureStatus::RequiredDataMissing);
    return nullptr;
  }
  call = world_.find_call(call_id);
  if (!call || !call->announced) {
    control_fail(invoke_id, ControlFailureCode::InvalidCstaCallIdentifier);
    return nullptr;
  }
  Party* party = call->find_party(*device);
  if (!party || !is_live(*party) || party->role == PartyRole::MonitorTarget) {
    control_fail(invoke_id, ControlFailureCode::InvalidCstaConnectionIdentifier);
    return nullptr;
  }
  return party;
}

bool RequestHandler::check_dialed(std::uint32_t invoke_id, const std::string& from,
                                  const std::optional<std::string>& dialed) {
  if (!dialed) {
    fail(invoke_id, FailureStatus::RequiredDataMissing);
    return false;
  }
  if (world_.dial_plan_.classify(*dialed) == Destination::Invalid || *dialed == from) {
    control_fail(invoke_id, ControlFailureCode::InvalidCalledDevice);
    return false;
  }
  return true;
}

void RequestHandler::answer(const cti::AnswerCallReq& request) {
  const auto invoke = request.invoke_id;
  if (!require_service(invoke, service::kClientControl)) return;
  if (!check_peripheral(invoke, request.peripheral_id)) return;
  std::uint32_t call_id = request.connection_call_id;
  const auto& device = request.connection_device_id ? request.connection_device_id
                                                    : request.agent_instrument;
  if (call_id == kNoCall && device) {
    // "0xFFFFFFFF allowed if unknown": the call alerting at the device.
    for (const auto& [id, call] : world_.calls_) {
      const Party* party = call.find_party(*device);
      if (party && party->state == LocalConnectionState::Alerting) call_id = id;
    }
  }
  if (call_id == kNoCall) return control_fail(invoke, ControlFailureCode::NoCallToAnswer);
  Call* call = nullptr;
  Party* party = connection(invoke, call, call_id, request.connection_device_id,
                            request.agent_instrument);
  if (!party) return;
  if (party->state != LocalConnectionState::Alerting) {
    return control_fail(invoke, ControlFailureCode::NoCallToAnswer);
  }
  Agent* agent = world_.agent_on_extension(party->device);
  if (!agent) return control_fail(invoke, ControlFailureCode::InvalidCstaDeviceIdentifier);
  if (world_.derived_state(*agent) == AgentState::Talking) {
    return control_fail(invoke, kStateIncompatible);
  }
  out_.reply = cti::AnswerCallConf{invoke};
  world_.establish(*call, *party, out_);
}

void RequestHandler::hold(const cti::HoldCallReq& request) {
  const auto invoke = request.invoke_id;
  if (!require_service(invoke, service::kClientControl)) return;
  if (!check_peripheral(invoke, request.peripheral_id)) return;
  Call* call = nullptr;
  Party* party = connection(invoke, call, request.connection_call_id, request.connection_device_id,
                            request.agent_instrument);
  if (!party) return;
  if (party->state != LocalConnectionState::Connect) {
    return control_fail(invoke, ControlFailureCode::NoActiveCall);
  }
  out_.reply = cti::HoldCallConf{invoke};
  world_.set_party_state(*party, LocalConnectionState::Hold);
  out_.events.push_back(world_.events_.held(*call, party->device));
}

void RequestHandler::retrieve(const cti::RetrieveCallReq& request) {
  const auto invoke = request.invoke_id;
  if (!require_service(invoke, service::kClientControl)) return;
  if (!check_peripheral(invoke, request.peripheral_id)) return;
  Call* call = nullptr;
  Party* party = connection(invoke, call, request.held_connection_call_id,
                            request.held_connection_device_id, request.agent_instrument);
  if (!party) return;
  if (party->state != LocalConnectionState::Hold) {
    return control_fail(invoke, ControlFailureCode::NoHeldCall);
  }
  if (Agent* agent = world_.agent_on_extension(party->device);
      agent && world_.derived_state(*agent) == AgentState::Talking) {
    return control_fail(invoke, kStateIncompatible);
  }
  out_.reply = cti::RetrieveCallConf{invoke};
  world_.set_party_state(*party, LocalConnectionState::Connect);
  out_.events.push_back(world_.events_.retrieved(*call, party->device));
}

void RequestHandler::clear_connection(const cti::ClearConnectionReq& request) {
  const auto invoke = request.invoke_id;
  if (!require_service(invoke, service::kClientControl)) return;
  if (!check_peripheral(invoke, request.peripheral_id)) return;
  Call* call = nullptr;
  Party* party = connection(invoke, call, request.connection_call_id, request.connection_device_id,
                            request.agent_instrument);
  if (!party) return;
  out_.reply = cti::ClearConnectionConf{invoke};
  world_.drop_party(*call, party->device, EventCause::None, out_);
}

void RequestHandler::clear_call(const cti::ClearCallReq& request) {
  const auto invoke = request.invoke_id;
  if (!require_service(invoke, service::kClientControl)) return;
  if (!check_peripheral(invoke, request.peripheral_id)) return;
  Call* call = world_.find_call(request.connection_call_id);
  if (!call || !call->announced) return control_fail(invoke, ControlFailureCode::NoCallToClear);
  out_.reply = cti::ClearCallConf{invoke};
  world_.clear_call(*call, EventCause::None, out_);
}

void RequestHandler::make_call(const cti::MakeCallReq& request) {
  const auto invoke = request.invoke_id;
  if (!require_service(invoke, service::kClientControl)) return;
  if (!check_peripheral(invoke, request.peripheral_id)) return;
  Agent* agent = calling_agent(invoke, request.agent_instrument);
  if (!agent) return;
  if (!check_dialed(invoke, agent->extension, request.dialed_number)) return;
  const AgentState state = world_.derived_state(*agent);
  if (state == AgentState::Talking || state == AgentState::Reserved) {
    return control_fail(invoke, kStateIncompatible);
  }
  const Destination destination = world_.dial_plan_.classify(*request.dialed_number);
  const bool inside = destination == Destination::Extension || destination == Destination::RoutePoint;
  const std::uint32_t call_id = world_.next_call_id_;
  cti::MakeCallConf conf;
  conf.invoke_id = invoke;
  conf.new_connection_call_id = call_id;
  conf.new_connection_device_id_type = cti::ConnectionIdType::Static;
  conf.new_connection_device_id = agent->extension;
  out_.reply = conf;
  world_.originate(agent->extension, *request.dialed_number,
                   inside ? cti::CallType::AgentInside : cti::CallType::AgentOut, EventCause::None,
                   request.data, out_);
}

void RequestHandler::consult(const cti::ConsultationCallReq& request) {
  const auto invoke = request.invoke_id;
  if (!require_service(invoke, service::kClientControl)) return;
  if (!check_peripheral(invoke, request.peripheral_id)) return;
  if (request.consult_type > kLargestConsultType) {
    return control_fail(invoke, ControlFailureCode::InvalidConsultType);
  }
  Agent* agent = calling_agent(invoke, request.agent_instrument);
  if (!agent) return;
  Call* original = world_.find_call(request.active_connection_call_id);
  Party* party = original ? original->find_party(agent->extension) : nullptr;
  if (!party || party->state != LocalConnectionState::Connect) {
    return control_fail(invoke, ControlFailureCode::InvalidConnectionIdForActiveCall);
  }
  if (!check_dialed(invoke, agent->extension, request.dialed_number)) return;
  cti::ConsultationCallConf conf;
  conf.invoke_id = invoke;
  conf.new_connection_call_id = world_.next_call_id_;
  conf.new_connection_device_id_type = cti::ConnectionIdType::Static;
  conf.new_connection_device_id = agent->extension;
  out_.reply = conf;
  // Guide 5.4.4 transfer table: the original call is held first, then the consult call starts.
  world_.set_party_state(*party, LocalConnectionState::Hold);
  out_.events.push_back(world_.events_.held(*original, agent->extension));
  // UCCE carries the caller's call data into the consult call.
  cti::DialData data = request.data;
  cti::CallVariables variables = original->call_variables;
  merge_call_variables(variables, data.call_variables);
  data.call_variables = variables;
  std::vector<cti::NamedVariable> named = original->named_variables;
  merge_named_variables(named, data.named_variables);
  data.named_variables = named;
  world_.originate(agent->extension, *request.dialed_number, cti::CallType::Consult,
                   EventCause::Consult, data, out_);
}

void RequestHandler::transfer(const cti::TransferCallReq& request) {
  if (!require_service(request.invoke_id, service::kClientControl)) return;
  if (!check_peripheral(request.invoke_id, request.peripheral_id)) return;
  join_calls(request.invoke_id, request.active_connection_call_id, request.held_connection_call_id,
             request.agent_instrument, false);
}

void RequestHandler::conference(const cti::ConferenceCallReq& request) {
  if (!require_service(request.invoke_id, service::kClientControl)) return;
  if (!check_peripheral(request.invoke_id, request.peripheral_id)) return;
  join_calls(request.invoke_id, request.active_connection_call_id, request.held_connection_call_id,
             request.agent_instrument, true);
}

// Transfer: the held (original) call survives with the consulted parties in place of the agent
// (guide 5.4.4: the original call is POSTed to agent B, the consult call is deleted).
// Conference: the consulted parties join the held call and the agent is retrieved into it.
void RequestHandler::join_calls(std::uint32_t invoke, std::uint32_t active_id,
                                std::uint32_t held_id, const std::optional<std::string>& instrument,
                                bool conference) {
  if (held_id == kNoCall) return control_fail(invoke, kFeatureNotSimulated);
  Agent* agent = calling_agent(invoke, instrument);
  if (!agent) return;
  Call* held = world_.find_call(held_id);
  Call* active = world_.find_call(active_id);
  if (!held || !active || held == active) {
    return control_fail(invoke, ControlFailureCode::InvalidCstaCallIdentifier);
  }
  Party* held_leg = held->find_party(agent->extension);
  Party* active_leg = active->find_party(agent->extension);
  if (!held_leg || held_leg->state != LocalConnectionState::Hold) {
    return control_fail(invoke, ControlFailureCode::NoHeldCall);
  }
  if (!active_leg || active_leg->state != LocalConnectionState::Connect) {
    return control_fail(invoke, ControlFailureCode::NoActiveCall);
  }
  const std::string consulted = first_other_party(*active, agent->extension);
  if (consulted == agent->extension) {
    return control_fail(invoke, ControlFailureCode::NoCallToComplete);
  }
  // The agent's held leg is changed before the consulted parties are appended: appending may
  // move the parties, and the pointer with them.
  if (conference) world_.set_party_state(*held_leg, LocalConnectionState::Connect);
  for (const auto& party : active->parties) {
    if (is_live(party) && party.device != agent->extension) world_.add_party(*held, party);
  }
  const std::uint32_t consult_id = active->id;
  if (!conference) {
    world_.remove_parties_if(*held, [&](const Party& p) { return p.device == agent->extension; });
  }
  world_.remove_parties_if(*held, [](const Party& p) { return !is_live(p); });
  if (conference) {
    cti::ConferenceCallConf conf;
    conf.invoke_id = invoke;
    conf.new_connection_call_id = held->id;
    conf.new_connection_device_id_type = cti::ConnectionIdType::Static;
    conf.new_connection_device_id = agent->extension;
    conf.parties = world_.events_.parties(*held);
    out_.reply = conf;
    out_.events.push_back(world_.events_.conferenced(*held, consult_id, agent->extension,
                                                     consulted, EventCause::None));
  } else {
    cti::TransferCallConf conf;
    conf.invoke_id = invoke;
    conf.new_connection_call_id = held->id;
    conf.new_connection_device_id_type = cti::ConnectionIdType::Static;
    conf.new_connection_device_id = consulted;
    conf.parties = world_.events_.parties(*held);
    out_.reply = conf;
    out_.events.push_back(
        world_.events_.transferred(*held, consult_id, agent->extension, consulted));
  }
  out_.events.push_back(world_.events_.end_call(*active));
  const std::uint32_t survivor = held->id;
  world_.remove_call(consult_id, out_);
  // Guide 3.2.6: a silent monitor ends when the monitored agent transfers the call.
  if (!conference) {
    std::vector<std::uint32_t> monitors;
    for (const auto& [id, call] : world_.calls_) {
      if (call.monitored_call == survivor) monitors.push_back(id);
    }
    for (auto id : monitors) {
      if (Call* monitor = world_.find_call(id)) world_.clear_call(*monitor, EventCause::None, out_);
    }
  }
  if (Call* call = world_.find_call(survivor);
      call && std::count_if(call->parties.begin(), call->parties.end(), is_live) < 2) {
    world_.clear_call(*call, EventCause::None, out_);
  }
}

// ---- call data and snapshots ----------------------------------------------------------------

void RequestHandler::set_call_data(const cti::SetCallDataReq& request) {
  const auto invoke = request.invoke_id;
  if (!require_service(invoke, service::kCallDataUpdate)) return;
  if (!check_peripheral(invoke, request.peripheral_id)) return;
  Call* call = world_.find_call(request.connection_call_id);
  if (!call || !call->announced) return fail(invoke, FailureStatus::InvalidCallid);
  // Guide 3.2.3: an invalid variable fails the whole request and no event is sent.
  if (!ecc_names_configured(request.named_variables, request.named_arrays)) {
    return fail(invoke, FailureStatus::NamedVariableNotConfigured);
  }
  merge_call_variables(call->call_variables, request.call_variables);
  merge_named_variables(call->named_variables, request.named_variables);
  merge_named_arrays(call->named_arrays, request.named_arrays);
  if (request.ani) call->ani = *request.ani;
  if (request.call_wrapup_data) call->wrapup_data = request.call_wrapup_data;
  out_.reply = cti::SetCallDataConf{invoke};
  out_.events.push_back(world_.events_.data_update(*call));
}

void RequestHandler::snapshot_call(const cti::SnapshotCallReq& request) {
  const auto invoke = request.invoke_id;
  if (!check_peripheral(invoke, request.peripheral_id)) return;
  Call* call = world_.find_call(request.connection_call_id);
  if (!call || !call->announced) {
    return control_fail(invoke, ControlFailureCode::InvalidCstaCallIdentifier);
  }
  out_.reply = world_.events_.snapshot_call(*call, invoke);
}

void RequestHandler::snapshot_device(const cti::SnapshotDeviceReq& request) {
  const auto invoke = request.invoke_id;
  if (!check_peripheral(invoke, request.peripheral_id)) return;
  if (!request.agent_instrument) return fail(invoke, FailureStatus::RequiredDataMissing);
  const std::string& device = *request.agent_instrument;
  if (world_.dial_plan_.classify(device) != Destination::Extension) {
    return control_fail(invoke, ControlFailureCode::InvalidCstaDeviceIdentifier);
  }
  // SilentMonitorStatus (GED-188.md 3.2): 1 monitor initiator, 2 monitor target.
  constexpr std::uint16_t kInitiator = 1;
  constexpr std::uint16_t kTarget = 2;
  cti::SnapshotDeviceConf conf;
  conf.invoke_id = invoke;
  for (const auto& [id, call] : world_.calls_) {
    const Party* party = call.find_party(device);
    if (!call.announced || !party || !is_live(*party) || party->role == PartyRole::MonitorTarget) {
      continue;
    }
    std::uint16_t status = call.monitored_call ? kInitiator : 0;
    for (const auto& [monitor_id, monitor] : world_.calls_) {
      const Party* target = monitor.find_party(device);
      if (monitor.monitored_call == id && target && target->role == PartyRole::MonitorTarget) {
        status = kTarget;
      }
    }
    conf.calls.push_back({id, cti::ConnectionIdType::Static, device, party->state, status});
  }
  out_.reply = conf;
}

// ---- supervision ----------------------------------------------------------------------------

Call* RequestHandler::talking_call(const Agent& agent, std::uint32_t requested_call_id) {
  for (auto& [id, call] : world_.calls_) {
    if (requested_call_id != kNoCall && id != requested_call_id) continue;
    if (call.monitored_call) continue;
    const Party* party = call.find_party(agent.extension);
    if (party && party->state == LocalConnectionState::Connect &&
        party->role == PartyRole::Normal) {
      return &call;
    }
  }
  return nullptr;
}

void RequestHandler::supervise(const cti::SuperviseCallReq& request) {
  const auto invoke = request.invoke_id;
  if (!require_service(invoke, service::kSupervisor)) return;
  if (!check_peripheral(invoke, request.peripheral_id)) return;
  if (!request.supervisor_instrument) return fail(invoke, FailureStatus::RequiredDataMissing);
  Agent* supervisor = world_.agent_on_extension(*request.supervisor_instrument);
  if (!supervisor) return control_fail(invoke, ControlFailureCode::InvalidCallingDevice);
  if (!supervisor->supervisor) return control_fail(invoke, kNotSupervisedAgent);
  if (request.supervisory_action == cti::SupervisoryAction::Clear) {
    return stop_monitoring(request, *supervisor);
  }
  Agent* agent = nullptr;
  if (request.agent_id) agent = world_.agent_by_id(*request.agent_id);
  else if (request.agent_extension) agent = world_.agent_on_extension(*request.agent_extension);
  else if (request.agent_instrument) agent = world_.agent_on_extension(*request.agent_instrument);
  else return fail(invoke, FailureStatus::RequiredDataMissing);
  if (!agent || !agent->signed_in) {
    return control_fail(invoke, ControlFailureCode::InvalidAgentIdSpecified);
  }
  const auto& teams = supervisor->supervises;
  if (std::find(teams.begin(), teams.end(), agent->team_id) == teams.end()) {
    return control_fail(invoke, kNotSupervisedAgent);
  }
  switch (request.supervisory_action) {
    case cti::SupervisoryAction::Monitor:
      return monitor(request, *supervisor, *agent);
    case cti::SupervisoryAction::BargeIn:
      return barge_in(request, *supervisor, *agent);
    default:
      return control_fail(invoke, kFeatureNotSimulated);
  }
}

void RequestHandler::monitor(const cti::SuperviseCallReq& request, Agent& supervisor,
                             Agent& agent) {
  const auto invoke = request.invoke_id;
  Call* monitored = talking_call(agent, request.agent_connection_call_id);
  if (!monitored) return control_fail(invoke, ControlFailureCode::NoActiveCall);
  if (world_.derived_state(supervisor) == AgentState::Talking) {
    return control_fail(invoke, kStateIncompatible);
  }
  const std::uint32_t monitored_id = monitored->id;
  const cti::CallVariables variables = monitored->call_variables;
  const auto named = monitored->named_variables;
  Call& call = world_.new_call(cti::CallType::SupervisorMonitor, supervisor.extension,
                               agent.extension);
  call.monitored_call = monitored_id;
  call.call_variables = variables;
  call.named_variables = named;
  world_.add_party(call, {supervisor.extension, PartyRole::Normal,
                                 LocalConnectionState::Initiate, false});
  cti::SuperviseCallConf conf;
  conf.invoke_id = invoke;
  conf.connection_call_id = call.id;
  conf.connection_device_id_type = cti::ConnectionIdType::Static;
  conf.connection_device_id = supervisor.extension;
  out_.reply = conf;
  // GED-188.md 5.10: the supervisor's monitor call, CallType SUPERVISOR_MONITOR, EventCause 46.
  constexpr EventCause kCause = EventCause::SupervisorMonitor;
  world_.announce(call, out_);
  out_.events.push_back(world_.events_.service_initiated(call, supervisor.extension, kCause));
  world_.set_party_state(call.parties.front(), LocalConnectionState::Connect);
  out_.events.push_back(world_.events_.originated(call, supervisor.extension, kCause));
  world_.add_party(call, {agent.extension, PartyRole::MonitorTarget,
                                 LocalConnectionState::Connect, false});
  out_.events.push_back(world_.events_.established(call, agent.extension, kCause));
}

void RequestHandler::barge_in(const cti::SuperviseCallReq& request, Agent& supervisor,
                              Agent& agent) {
  const auto invoke = request.invoke_id;
  Call* target = talking_call(agent, request.agent_connection_call_id);
  if (!target) return control_fail(invoke, ControlFailureCode::NoActiveCall);
  Call* monitor = nullptr;
  for (auto& [id, call] : world_.calls_) {
    if (call.monitored_call == target->id && call.calling_device == supervisor.extension) {
      monitor = &call;
    }
  }
  if (!monitor && world_.derived_state(supervisor) == AgentState::Talking) {
    return control_fail(invoke, kStateIncompatible);
  }
  const std::uint32_t secondary = monitor ? monitor->id : target->id;
  world_.add_party(*target, {supervisor.extension, PartyRole::Normal,
                                    LocalConnectionState::Connect, false});
  supervisor.handled_call = true;
  cti::SuperviseCallConf conf;
  conf.invoke_id = invoke;
  conf.connection_call_id = target->id;
  conf.connection_device_id_type = cti::ConnectionIdType::Static;
  conf.connection_device_id = supervisor.extension;
  out_.reply = conf;
  // GED-188.md 5.11: barge-in is conference-like, EventCause SUPERVISOR_BARGE_IN (48).
  out_.events.push_back(world_.events_.conferenced(*target, secondary, supervisor.extension,
                                                   supervisor.extension,
                                                   EventCause::SupervisorBargeIn));
  if (monitor) {
    out_.events.push_back(world_.events_.end_call(*monitor));
    world_.erase_call(secondary);
  }
}

void RequestHandler::stop_monitoring(const cti::SuperviseCallReq& request, Agent& supervisor) {
  for (auto& [id, call] : world_.calls_) {
    if (!call.monitored_call || call.calling_device != supervisor.extension) continue;
    if (request.supervisor_connection_call_id != kNoCall &&
        request.supervisor_connection_call_id != id) {
      continue;
    }
    cti::SuperviseCallConf conf;
    conf.invoke_id = request.invoke_id;
    conf.connection_call_id = id;
    conf.connection_device_id_type = cti::ConnectionIdType::Static;
    conf.connection_device_id = supervisor.extension;
    out_.reply = conf;
    world_.clear_call(call, EventCause::SupervisorClear, out_);
    return;
  }
  control_fail(request.invoke_id, ControlFailureCode::NoCallToClear);
}

}  // namespace fgw::ctisim
