// Writes seed inputs for cti_decode_fuzzer: one file per message type, each a version byte followed
// by an encoded frame with typical fields set, plus a stream of several frames. Built and run by run.sh.
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "gateway/cti/codec.hpp"

namespace {

using namespace fgw::cti;

void write_seed(const std::string& dir, const std::string& name, std::uint8_t version_selector,
                const std::vector<std::uint8_t>& stream) {
  std::ofstream out(dir + "/" + name + ".bin", std::ios::binary);
  out.put(static_cast<char>(version_selector));
  out.write(reinterpret_cast<const char*>(stream.data()), static_cast<std::streamsize>(stream.size()));
}

std::vector<Message> samples() {
  OpenReq open;
  open.version_number = 24;
  open.client_id = "FGW";
  open.client_password = Bytes{};
  OpenConf conf;
  conf.peripherals = {{5000, 1}};
  SetAgentStateReq login;
  login.agent_id = "3001";
  login.agent_instrument = "1001";
  login.skill_groups = {{10, 1}};
  AgentStateEvent state;
  state.agent_id = "3001";
  state.skill_groups = {{10, 20, 1, AgentState::Available}};
  CallDeliveredEvent delivered;
  delivered.connection_device_id = "1001";
  delivered.call_variables[0] = "x";
  delivered.named_variables = {{"user.a", "7"}};
  delivered.named_arrays = {{1, "user.arr", "v"}};
  BeginCallEvent begin;
  begin.cti_clients = {{"FGW", 1}};
  CallConferencedEvent conferenced;
  conferenced.parties = {{1, ConnectionIdType::Dynamic, "1001"}};
  SnapshotCallConf snapshot;
  snapshot.devices = {{1, ConnectionIdType::Dynamic, "1001", DeviceIdType::DeviceIdentifier, "1001",
                       LocalConnectionState::Connect}};
  AgentTeamConfigEvent team;
  team.members = {{"3001", 1, AgentState::Talking, 5}};
  return {HeartbeatReq{1}, CloseReq{}, FailureConf{1, FailureStatus::CtiServerOffline, 2}, open, conf,
          login, state, delivered, begin, conferenced, snapshot, team, SnapshotDeviceConf{3, {{}}},
          UnknownMessage{277, {1, 2}}};
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : ".";
  const std::uint8_t selectors[] = {0, 2};  // v19 and v24 (see kVersions in the fuzzer)
  std::vector<std::uint8_t> stream;
  int index = 0;
  for (const auto& message : samples()) {
    for (std::uint8_t selector : selectors) {
      const auto frame = encode(message, ProtocolVersion{selector == 0 ? 19u : 24u});
      write_seed(dir, "seed" + std::to_string(index) + "_" + std::to_string(selector), selector, frame);
      if (selector == 2) stream.insert(stream.end(), frame.begin(), frame.end());
    }
    ++index;
  }
  write_seed(dir, "stream", 2, stream);
  return 0;
}
