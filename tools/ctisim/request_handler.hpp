#pragma once
// Turns one CTI request into World operations and picks the failure a CTI server gives for an
// invalid one (FAILURE_CONF E_CTI_* for protocol-level errors, CONTROL_FAILURE_CONF CF_* for call
// and agent control). Private to World.
#include "tools/ctisim/world.hpp"

namespace fgw::ctisim {

class RequestHandler {
 public:
  RequestHandler(World& world, const RequestContext& context, Outcome& out)
      : world_(world), context_(context), out_(out) {}

  void handle(const cti::Message& request);

 private:
  template <class Request>
  void on(const Request& request);

  bool check_peripheral(std::uint32_t invoke_id, std::uint32_t peripheral_id);
  bool require_service(std::uint32_t invoke_id, std::uint32_t service);
  void fail(std::uint32_t invoke_id, cti::FailureStatus status);
  void control_fail(std::uint32_t invoke_id, cti::ControlFailureCode code);

  void set_agent_state(const cti::SetAgentStateReq& request);
  void login(const cti::SetAgentStateReq& request, Agent& agent);
  void logout(const cti::SetAgentStateReq& request, Agent& agent);
  void change_ready_state(const cti::SetAgentStateReq& request, Agent& agent);
  void query_agent_state(const cti::QueryAgentStateReq& request);
  void answer(const cti::AnswerCallReq& request);
  void hold(const cti::HoldCallReq& request);
  void retrieve(const cti::RetrieveCallReq& request);
  void clear_connection(const cti::ClearConnectionReq& request);
  void clear_call(const cti::ClearCallReq& request);
  void make_call(const cti::MakeCallReq& request);
  void consult(const cti::ConsultationCallReq& request);
  void transfer(const cti::TransferCallReq& request);
  void conference(const cti::ConferenceCallReq& request);
  void set_call_data(const cti::SetCallDataReq& request);
  void snapshot_call(const cti::SnapshotCallReq& request);
  void snapshot_device(const cti::SnapshotDeviceReq& request);
  void supervise(const cti::SuperviseCallReq& request);
  void monitor(const cti::SuperviseCallReq& request, Agent& supervisor, Agent& agent);
  void barge_in(const cti::SuperviseCallReq& request, Agent& supervisor, Agent& agent);
  void stop_monitoring(const cti::SuperviseCallReq& request, Agent& supervisor);

  // The calling device must be a signed-in agent's extension (CF_INVALID_CALLING_DEVICE).
  Agent* calling_agent(std::uint32_t invoke_id, const std::optional<std::string>& instrument);
  // A call's connection at `device`, or a CONTROL_FAILURE_CONF and nothing.
  Party* connection(std::uint32_t invoke_id, Call*& call, std::uint32_t call_id,
                    const std::optional<std::string>& connection_device,
                    const std::optional<std::string>& instrument);
  // Validates the number dialled by a make-call / consult; false after a CONTROL_FAILURE_CONF.
  bool check_dialed(std::uint32_t invoke_id, const std::string& from,
                    const std::optional<std::string>& dialed);
  // The agent's call that is being talked on (for supervision), if any.
  Call* talking_call(const Agent& agent, std::uint32_t requested_call_id);
  void join_calls(std::uint32_t invoke_id, std::uint32_t active_id, std::uint32_t held_id,
                  const std::optional<std::string>& instrument, bool conference);

  World& world_;
  const RequestContext& context_;
  Outcome& out_;
};

}  // namespace fgw::ctisim
