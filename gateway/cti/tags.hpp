#pragma once
// Floating-field tags (GED-188.md 4.14) used by the messages this codec types, and the maximum data
// length of each (GED-188.md 3.2; for STRING the maximum includes the terminating NUL).
#include <cstddef>
#include <cstdint>

namespace fgw::cti {

enum class Tag : std::uint16_t {
  ClientId = 1,
  ClientPassword = 2,
  ClientSignature = 3,
  AgentExtension = 4,
  AgentId = 5,
  AgentInstrument = 6,
  Text = 7,
  Ani = 8,
  UserToUserInfo = 9,
  Dnis = 10,
  DialedNumber = 11,
  CallerEnteredDigits = 12,
  CallVariable1 = 13,  // CallVariable1..10 are 13..22
  CtiClientSignature = 23,
  CtiClientTimestamp = 24,
  ConnectionDeviceId = 25,
  AlertingDeviceId = 26,
  CallingDeviceId = 27,
  CalledDeviceId = 28,
  LastRedirectDeviceId = 29,
  AnsweringDeviceId = 30,
  HoldingDeviceId = 31,
  RetrievingDeviceId = 32,
  ReleasingDeviceId = 33,
  FailingDeviceId = 34,
  PrimaryDeviceId = 35,
  SecondaryDeviceId = 36,
  ControllerDeviceId = 37,
  AddedPartyDeviceId = 38,
  ConnectedPartyCallId = 39,
  ConnectedPartyDeviceIdType = 40,
  ConnectedPartyDeviceId = 41,
  TransferringDeviceId = 42,
  TransferredDeviceId = 43,
  DivertingDeviceId = 44,
  QueueDeviceId = 45,
  CallWrapupData = 46,
  NewConnectionDeviceId = 47,
  TrunkUsedDeviceId = 48,
  AgentPassword = 49,
  ActiveConnectionDeviceId = 50,
  FacilityCode = 51,
  OtherConnectionDeviceId = 52,
  HeldConnectionDeviceId = 53,
  CallConnectionCallId = 56,
  CallConnectionDeviceIdType = 57,
  CallConnectionDeviceId = 58,
  CallDeviceType = 59,
  CallDeviceId = 60,
  CallDeviceConnectionState = 61,
  SkillGroupNumber = 62,
  SkillGroupId = 63,
  SkillGroupPriority = 64,
  SkillGroupState = 65,
  ObjectName = 66,
  DtmfString = 67,
  PositionId = 68,
  SupervisorId = 69,
  RouterCallKeyDay = 72,
  RouterCallKeyCallId = 73,
  CallState = 75,
  AuthorizationCode = 77,
  AccountCode = 78,
  NamedVariable = 82,
  NamedArray = 83,
  CallControlTable = 84,
  SupervisorInstrument = 85,
  AtcAgentId = 86,
  AgentFlags = 87,
  AtcAgentState = 88,
  AtcStateDuration = 89,
  AgentConnectionDeviceId = 90,
  SupervisorConnectionDeviceId = 91,
  ListTeamId = 92,
  CustomerPhoneNumber = 95,
  CustomerAccountNumber = 96,
  ApplicationPathId = 97,
  RouterCallKeySequenceNumber = 110,
  TrunkNumber = 121,
  TrunkGroupNumber = 122,
  NextAgentState = 123,
  Duration = 150,
  SecondaryConnectionCallId = 202,
  EventDeviceId = 206,
  FltPeripheralId = 208,
  AniIi = 215,
  SilentMonitorStatus = 218,
  RequestingDeviceId = 219,
  CallReferenceId = 223,
  MultilineAgentControl = 224,
  NumPeripherals = 228,
  CocConnectionCallId = 229,
  CocConnectionDeviceIdType = 230,
  CocConnectionDeviceId = 231,
  CallOriginatedFrom = 232,
  AgentTeamName = 243,
  Direction = 244,
  InternalAgentState = 255,
  SsoEnabled = 257,
  MaxBeyondTaskLimit = 266,
  ActiveTerminal = 303,
};

constexpr Tag call_variable_tag(std::size_t index) {  // index 0..9 for CallVariable1..10
  return static_cast<Tag>(static_cast<std::uint16_t>(Tag::CallVariable1) + index);
}

namespace max_len {
inline constexpr std::size_t kClientId = 64;
inline constexpr std::size_t kClientPassword = 64;
inline constexpr std::size_t kClientSignature = 64;
inline constexpr std::size_t kAgentExtension = 16;
inline constexpr std::size_t kAgentId = 12;
inline constexpr std::size_t kAgentInstrument = 64;
inline constexpr std::size_t kAgentPassword = 64;
inline constexpr std::size_t kDeviceId = 64;  // every *DeviceID field
inline constexpr std::size_t kText = 255;
inline constexpr std::size_t kAni = 40;
inline constexpr std::size_t kAniIi = 2;
inline constexpr std::size_t kUserToUserInfo = 131;
inline constexpr std::size_t kDnis = 32;
inline constexpr std::size_t kDialedNumber = 40;
inline constexpr std::size_t kCallerEnteredDigits = 40;
inline constexpr std::size_t kCallVariable = 41;
inline constexpr std::size_t kCallWrapupData = 40;
inline constexpr std::size_t kCallReferenceId = 32;
inline constexpr std::size_t kCustomerPhoneNumber = 20;
inline constexpr std::size_t kCustomerAccountNumber = 32;
inline constexpr std::size_t kObjectName = 128;
inline constexpr std::size_t kDtmfString = 32;
inline constexpr std::size_t kPositionId = 12;
inline constexpr std::size_t kSupervisorId = 12;
inline constexpr std::size_t kAgentTeamName = 32;
inline constexpr std::size_t kCallControlTable = 4;
// GED-188.md gives no maximum for FacilityCode, AuthorizationCode and AccountCode. UNCERTAIN: 40,
// the size of the other dialable strings (DialedNumber, CallerEnteredDigits), is assumed.
inline constexpr std::size_t kDialCode = 40;
// NAMEDVAR / NAMEDARRAY parts (GED-188.md 1.5), each including its NUL.
inline constexpr std::size_t kVariableName = 33;
inline constexpr std::size_t kVariableValue = 211;
}  // namespace max_len

}  // namespace fgw::cti
