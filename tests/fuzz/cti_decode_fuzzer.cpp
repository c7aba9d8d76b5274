// libFuzzer target for the GED-188 codec. The first input byte picks the protocol version (so both
// floating-field widths are explored); the rest is a TCP byte stream fed to FrameSplitter in chunks.
// Every frame that decodes is re-encoded and must decode to the same message again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "gateway/cti/codec.hpp"
#include "gateway/cti/framing.hpp"

namespace {

constexpr fgw::cti::ProtocolVersion kVersions[] = {{19}, {20}, {24}, {25}};

void check_round_trip(std::span<const std::uint8_t> frame, fgw::cti::ProtocolVersion version) {
  auto first = fgw::cti::decode(frame, version);
  if (!first) {
    return;
  }
  const auto again = fgw::cti::encode(*first, version);
  auto second = fgw::cti::decode(again, version);
  if (!second || !(*second == *first)) {
    std::abort();  // re-encoding changed the message: a codec bug
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const auto version = kVersions[data[0] % std::size(kVersions)];
  const std::span<const std::uint8_t> stream(data + 1, size - 1);

  // The whole input as one frame exercises decode() on frames the splitter would never cut.
  check_round_trip(stream, version);

  fgw::cti::FrameSplitter splitter;
  const std::size_t chunk = 1 + data[0] / std::size(kVersions);
  for (std::size_t offset = 0; offset < stream.size(); offset += chunk) {
    splitter.feed(stream.subspan(offset, std::min(chunk, stream.size() - offset)));
    for (;;) {
      auto next = splitter.next();
      if (!next || !next->has_value()) {
        break;
      }
      check_round_trip(**next, version);
    }
  }
  return 0;
}
