#include "gateway/cti/client/resync.hpp"

#include <utility>

namespace fgw::cti::client {

QueryAgentStateReq agent_state_query(const AgentToResync& agent) {
  QueryAgentStateReq query;
  query.agent_id = agent.agent_id;
  return query;
}

SnapshotDeviceReq device_snapshot_query(const AgentToResync& agent) {
  SnapshotDeviceReq query;
  query.snapshot_device_type = static_cast<std::uint16_t>(kSnapshotDeviceType);
  query.agent_instrument = agent.extension;
  return query;
}

SnapshotCallReq call_snapshot_query(const SnapshotDeviceCall& call) {
  SnapshotCallReq query;
  query.connection_call_id = call.connection_call_id;
  query.connection_device_id_type = call.connection_device_id_type;
  query.connection_device_id = call.connection_device_id;
  return query;
}

void Resync::run(std::vector<AgentToResync> agents, SendRequest send, Deliver deliver) {
  std::shared_ptr<Resync> resync(new Resync(std::move(agents), std::move(send), std::move(deliver)));
  resync->next_agent();
}

Resync::Resync(std::vector<AgentToResync> agents, SendRequest send, Deliver deliver)
    : agents_(std::move(agents)), send_(std::move(send)), deliver_(std::move(deliver)) {}

void Resync::next_agent() {
  if (agent_index_ >= agents_.size()) return;
  current_ = ResyncResult{};
  current_.agent = agents_[agent_index_];
  send_(agent_state_query(current_.agent),
        [self = shared_from_this()](RequestResult result) { self->on_agent_state(std::move(result)); });
}

void Resync::on_agent_state(RequestResult result) {
  if (!continue_after(result)) return;
  if (!result.ok()) return finish_agent();
  if (const auto* conf = std::get_if<QueryAgentStateConf>(&result.message())) current_.agent_state = *conf;
  if (current_.agent.extension.empty()) return finish_agent();
  send_(device_snapshot_query(current_.agent),
        [self = shared_from_this()](RequestResult next) { self->on_device(std::move(next)); });
}

void Resync::on_device(RequestResult result) {
  if (!continue_after(result)) return;
  if (!result.ok()) return finish_agent();
  if (const auto* conf = std::get_if<SnapshotDeviceConf>(&result.message())) current_.device = *conf;
  call_index_ = 0;
  next_call();
}

void Resync::next_call() {
  if (!current_.device || call_index_ >= current_.device->calls.size()) return finish_agent();
  const auto& call = current_.device->calls[call_index_++];
  send_(call_snapshot_query(call),
        [self = shared_from_this()](RequestResult result) { self->on_call(std::move(result)); });
}

void Resync::on_call(RequestResult result) {
  if (result.ok()) {
    if (const auto* conf = std::get_if<SnapshotCallConf>(&result.message())) current_.calls.push_back(*conf);
  } else if (is_link_failure(result.failure())) {
    return;
  }
  next_call();
}

void Resync::finish_agent() {
  deliver_(current_);
  ++agent_index_;
  next_agent();
}

bool Resync::continue_after(const RequestResult& result) {
  if (result.ok()) return true;
  if (is_link_failure(result.failure())) return false;
  current_.failure = result.failure();
  return true;
}

}  // namespace fgw::cti::client
