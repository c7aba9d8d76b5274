// Encode and decode throughput of the GED-188 codec for a gateway-typical mix, printed next to a
// memcpy of the same bytes measured in the same run (the reference: the cheapest possible "codec").
//   cti_codec_bench [ITERATIONS]
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "gateway/cti/codec.hpp"

namespace {

using namespace fgw::cti;
using Clock = std::chrono::steady_clock;

std::vector<Message> representative_mix() {
  AgentStateEvent state;
  state.peripheral_id = 5000;
  state.peripheral_type = PeripheralType::EnterpriseAgent;
  state.agent_state = AgentState::Talking;
  state.agent_id = "1001";
  state.agent_extension = "1001";
  state.agent_instrument = "1001";
  state.skill_groups = {{10, 200, 0, AgentState::Talking}};

  CallDeliveredEvent delivered;
  delivered.call = {0, 5000, PeripheralType::EnterpriseAgent, ConnectionIdType::Dynamic, 16777217};
  delivered.local_connection_state = LocalConnectionState::Alerting;
  delivered.event_cause = EventCause::NewCall;
  delivered.connection_device_id = "1001";
  delivered.alerting_device_id = "1001";
  delivered.calling_device_id = "5551000";
  delivered.called_device_id = "6000";
  delivered.ani = "5551000";
  delivered.dnis = "2000";
  delivered.dialed_number = "6000";
  for (int i = 0; i < 5; ++i) delivered.call_variables[i] = "value of variable " + std::to_string(i + 1);
  delivered.named_variables = {{"user.acct", "7"}, {"user.segment", "gold"}};

  SetAgentStateReq ready;
  ready.invoke_id = 42;
  ready.peripheral_id = 5000;
  ready.agent_state = AgentState::Available;
  ready.agent_instrument = "1001";
  ready.agent_id = "1001";
  return {state, delivered, ready};
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const long iterations = argc > 1 ? std::atol(argv[1]) : 200000;
  const auto version = kDefaultProtocolVersion;
  const auto mix = representative_mix();
  std::vector<std::vector<std::uint8_t>> frames;
  std::size_t mix_bytes = 0;
  for (const auto& m : mix) {
    frames.push_back(encode(m, version));
    mix_bytes += frames.back().size();
  }
  const double messages = static_cast<double>(iterations) * static_cast<double>(mix.size());
  std::uint64_t sink = 0;  // consumed results, so the optimiser cannot drop the work

  auto start = Clock::now();
  for (long i = 0; i < iterations; ++i) {
    for (const auto& m : mix) sink += encode(m, version).size();
  }
  const double encode_rate = messages / seconds_since(start);

  start = Clock::now();
  for (long i = 0; i < iterations; ++i) {
    for (const auto& f : frames) sink += decode(f, version).ok();
  }
  const double decode_rate = messages / seconds_since(start);

  std::vector<std::uint8_t> copy(16384);
  start = Clock::now();
  for (long i = 0; i < iterations; ++i) {
    for (const auto& f : frames) {
      std::memcpy(copy.data(), f.data(), f.size());
      sink += copy[f.size() - 1];
      __asm__ __volatile__("" : : "r"(copy.data()) : "memory");  // keep each copy
    }
  }
  const double memcpy_rate = messages / seconds_since(start);

  std::printf("mix: AGENT_STATE_EVENT, CALL_DELIVERED_EVENT (5 call variables, 2 ECC), "
              "SET_AGENT_STATE_REQ; %zu bytes per mix; protocol v%u; %ld iterations\n",
              mix_bytes, version.number, iterations);
  std::printf("encode  %12.0f msg/s  (%.1f MB/s)\n", encode_rate, encode_rate * mix_bytes / mix.size() / 1e6);
  std::printf("decode  %12.0f msg/s  (%.1f MB/s)\n", decode_rate, decode_rate * mix_bytes / mix.size() / 1e6);
  std::printf("memcpy  %12.0f msg/s  (reference, same bytes)\n", memcpy_rate);
  std::printf("ratio   encode/memcpy %.4f  decode/memcpy %.4f\n", encode_rate / memcpy_rate,
              decode_rate / memcpy_rate);
  std::printf("(checksum %llu)\n", static_cast<unsigned long long>(sink));
  return 0;
}
