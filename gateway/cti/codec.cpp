#include "gateway/cti/codec.hpp"

#include <array>
#include <string>
#include <utility>

#include "gateway/cti/body_decoder.hpp"
#include "gateway/cti/body_encoder.hpp"
#include "gateway/cti/byte_writer.hpp"
#include "gateway/cti/framing.hpp"

namespace fgw::cti {
namespace {

constexpr std::size_t kTypedAlternatives = std::variant_size_v<Message> - 1;  // all but UnknownMessage

template <class T>
void encode_body(std::vector<std::uint8_t>& out, const T& message, ProtocolVersion version) {
  if constexpr (std::is_same_v<T, UnknownMessage>) {
    out.insert(out.end(), message.body.begin(), message.body.end());
  } else {
    BodyEncoder encoder(out, version);
    T::layout(encoder, message);
  }
}

using DecodeFn = Message (*)(std::span<const std::uint8_t> body, ProtocolVersion version);

template <class T>
Message decode_body(std::span<const std::uint8_t> body, ProtocolVersion version) {
  BodyDecoder decoder(body, version);
  T message;
  T::layout(decoder, message);
  decoder.finish();
  return message;
}

constexpr std::size_t kTypeTableSize = 512;  // above every MessageType the variant holds

template <std::size_t... I>
constexpr std::array<DecodeFn, kTypeTableSize> make_decode_table(std::index_sequence<I...>) {
  std::array<DecodeFn, kTypeTableSize> table{};
  ((table[static_cast<std::size_t>(std::variant_alternative_t<I, Message>::kType)] =
        &decode_body<std::variant_alternative_t<I, Message>>),
   ...);
  return table;
}

constexpr auto kDecodeTable = make_decode_table(std::make_index_sequence<kTypedAlternatives>{});

template <std::size_t... I>
constexpr bool message_types_unique(std::index_sequence<I...>) {
  constexpr MessageType types[] = {std::variant_alternative_t<I, Message>::kType...};
  for (std::size_t i = 0; i < std::size(types); ++i) {
    for (std::size_t j = i + 1; j < std::size(types); ++j) {
      if (types[i] == types[j]) return false;
    }
  }
  return true;
}
static_assert(message_types_unique(std::make_index_sequence<kTypedAlternatives>{}),
              "two Message alternatives share a MessageType");

}  // namespace

std::uint32_t message_type_number(const Message& message) {
  return std::visit(
      [](const auto& m) -> std::uint32_t {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, UnknownMessage>) {
          return m.type;
        } else {
          return static_cast<std::uint32_t>(T::kType);
        }
      },
      message);
}

std::vector<std::uint8_t> encode(const Message& message, ProtocolVersion version) {
  std::vector<std::uint8_t> frame;
  frame.reserve(512);  // above the typical event, so encoding rarely reallocates
  ByteWriter writer(frame);
  writer.write(std::uint32_t{0});  // MessageLength, patched once the body is written
  writer.write(message_type_number(message));
  std::visit([&](const auto& m) { encode_body(frame, m, version); }, message);
  writer.patch_big_endian(0, frame.size() - kHeaderBytes, 4);
  return frame;
}

Result<Message> decode(std::span<const std::uint8_t> frame, ProtocolVersion version) {
  auto header = read_frame_header(frame);
  if (!header) {
    return header.error();
  }
  if (frame.size() != kHeaderBytes + header->message_length) {
    return DecodeFailure{DecodeErrorCode::FrameSizeMismatch,
                         "MessageLength " + std::to_string(header->message_length) + " but " +
                             std::to_string(frame.size() - kHeaderBytes) + " body bytes"};
  }
  const auto body = frame.subspan(kHeaderBytes);
  const auto type = header->message_type;
  const DecodeFn decode_fn = type < kDecodeTable.size() ? kDecodeTable[type] : nullptr;
  if (decode_fn == nullptr) {
    return Message{UnknownMessage{type, std::vector<std::uint8_t>(body.begin(), body.end())}};
  }
  try {
    return decode_fn(body, version);
  } catch (const DecodeError& error) {
    return error.failure();
  }
}

}  // namespace fgw::cti
