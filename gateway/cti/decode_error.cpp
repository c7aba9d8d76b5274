#include "gateway/cti/decode_error.hpp"

namespace fgw::cti {

std::string_view name(DecodeErrorCode code) {
  switch (code) {
    case DecodeErrorCode::TruncatedHeader: return "TruncatedHeader";
    case DecodeErrorCode::MessageTooLong: return "MessageTooLong";
    case DecodeErrorCode::FrameSizeMismatch: return "FrameSizeMismatch";
    case DecodeErrorCode::TruncatedFixedPart: return "TruncatedFixedPart";
    case DecodeErrorCode::TruncatedFloatingField: return "TruncatedFloatingField";
    case DecodeErrorCode::BadFieldLength: return "BadFieldLength";
    case DecodeErrorCode::FieldTooLong: return "FieldTooLong";
    case DecodeErrorCode::MissingTerminator: return "MissingTerminator";
    case DecodeErrorCode::DuplicateField: return "DuplicateField";
    case DecodeErrorCode::CountMismatch: return "CountMismatch";
  }
  return {};
}

}  // namespace fgw::cti
