#pragma once
// GED-188 protocol version and the wire-format choices that depend on it.
#include <compare>
#include <cstdint>

namespace fgw::cti {

// The VersionNumber sent in OPEN_REQ; it also selects the floating-field encoding (GED-188.md 1.4)
// and the version-dependent fixed fields below.
struct ProtocolVersion {
  std::uint32_t number = 0;
  friend auto operator<=>(const ProtocolVersion&, const ProtocolVersion&) = default;
};

// Version 24 (UCCE 12.6) is the newest version whose framing facts GED-188.md has from a Cisco source
// (12500-byte limit, 2-byte tags) and the first with Active/Standby CTI servers, which the gateway's
// side A/B failover relies on (OPEN_REQ needs VersionNumber >= 24 to be served by a standby side).
// Version 25 adds only UniqueInstanceID, whose tag number GED-188.md does not have. Change it here.
inline constexpr ProtocolVersion kDefaultProtocolVersion{24};

// Width of the tag and of the length of every floating field (GED-188.md 1.4).
enum class FloatingFieldWidth : std::uint8_t { OneByte = 1, TwoBytes = 2 };

// The single switch point for the floating-field width: 1-byte tag/length up to v19, 2 bytes from v20.
constexpr FloatingFieldWidth floating_field_width(ProtocolVersion version) {
  constexpr std::uint32_t kFirstVersionWithTwoByteTags = 20;
  return version.number >= kFirstVersionWithTwoByteTags ? FloatingFieldWidth::TwoBytes
                                                         : FloatingFieldWidth::OneByte;
}

// First protocol versions with a fixed field that older versions lack. GED-188.md is sure of some
// and not of others; each uncertain one is a named constant so that a capture from a real CTI server
// can correct it in one place.
namespace since {
// OPEN_CONF DepartmentID: present in the v20 vector [S4], absent in v19 [S5]. Sure.
inline constexpr ProtocolVersion kOpenConfDepartmentId{20};
// OPEN_CONF SessionType: "v24+/v25" [S1]; absent in the v20 vector. Sure for 24.
inline constexpr ProtocolVersion kOpenConfSessionType{24};
// AGENT_STATE_EVENT DepartmentID: present in the v20 vector, absent in the v19 list. Sure.
inline constexpr ProtocolVersion kAgentStateEventDepartmentId{20};
// QUERY_AGENT_STATE_CONF DepartmentID: "v25; absent in v19 list". UNCERTAIN between 20 and 25; 20 is
// assumed because DepartmentID arrived in OPEN_CONF and AGENT_STATE_EVENT with v20.
inline constexpr ProtocolVersion kQueryAgentStateConfDepartmentId{20};
// CLEAR_CONNECTION_REQ RequestingDeviceIDType: "v25 addition; not in v19 list". UNCERTAIN; taken
// literally as v25.
inline constexpr ProtocolVersion kClearConnectionRequestingDeviceType{25};
// AGENT_TEAM_CONFIG_EVENT DepartmentID: "(v25)". UNCERTAIN; assumed to arrive with the other
// DepartmentID fields in v20.
inline constexpr ProtocolVersion kAgentTeamConfigDepartmentId{20};
}  // namespace since

}  // namespace fgw::cti
