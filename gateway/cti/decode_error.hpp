#pragma once
// Why a frame could not be decoded. Decoding never has undefined behaviour: every failure is one
// of these, reported as a value by decode() and FrameSplitter.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace fgw::cti {

enum class DecodeErrorCode : std::uint8_t {
  TruncatedHeader,        // fewer than the 8 header bytes
  MessageTooLong,         // MessageLength above the protocol maximum: the stream cannot be trusted
  FrameSizeMismatch,      // the frame holds more or fewer bytes than its MessageLength says
  TruncatedFixedPart,     // the body ends inside the fixed part
  TruncatedFloatingField, // a floating field's tag, length or data runs past the end of the body
  BadFieldLength,         // a numeric floating field whose length is not its type's size
  FieldTooLong,           // a STRING, UNSPEC, NAMEDVAR or NAMEDARRAY over its maximum
  MissingTerminator,      // a STRING (or part of a NAMEDVAR/NAMEDARRAY) without its NUL
  DuplicateField,         // a single-valued floating field sent twice
  CountMismatch,          // a count field disagrees with the repeated fields present
};

std::string_view name(DecodeErrorCode code);

struct DecodeFailure {
  DecodeErrorCode code;
  std::string detail;
};

// Thrown inside the decoder only; decode() and FrameSplitter turn it into a DecodeFailure value.
class DecodeError : public std::runtime_error {
 public:
  DecodeError(DecodeErrorCode code, const std::string& detail)
      : std::runtime_error(detail), code_(code) {}
  DecodeErrorCode code() const { return code_; }
  DecodeFailure failure() const { return {code_, what()}; }

 private:
  DecodeErrorCode code_;
};

}  // namespace fgw::cti
