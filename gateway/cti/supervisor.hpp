#pragma once
// Supervisor features (GED-188.md 3.2): SUPERVISE_CALL (monitor, whisper, barge-in, intercept,
// clear) and the agent-team messages a supervisor's team view is built from.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gateway/cti/common.hpp"
#include "gateway/cti/enums.hpp"
#include "gateway/cti/invoke_only.hpp"
#include "gateway/cti/message_type.hpp"
#include "gateway/cti/protocol_version.hpp"

namespace fgw::cti {

// SUPERVISE_CALL_REQ 124. Call ids 0xFFFFFFFF mean "the agent's active call" / "no supervisor call".
struct SuperviseCallReq {
  static constexpr MessageType kType = MessageType::SuperviseCallReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  std::uint32_t agent_connection_call_id = 0xFFFFFFFF;
  std::uint32_t supervisor_connection_call_id = 0xFFFFFFFF;
  ConnectionIdType agent_connection_device_id_type = ConnectionIdType::None;
  ConnectionIdType supervisor_connection_device_id_type = ConnectionIdType::None;
  SupervisoryAction supervisory_action = SupervisoryAction::Clear;
  std::optional<std::string> agent_connection_device_id;
  std::optional<std::string> supervisor_connection_device_id;
  std::optional<std::string> agent_extension;
  std::optional<std::string> agent_id;
  std::optional<std::string> agent_instrument;
  std::optional<std::string> supervisor_instrument;
  bool operator==(const SuperviseCallReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.agent_connection_call_id);
    a.fixed(m.supervisor_connection_call_id);
    a.fixed(m.agent_connection_device_id_type);
    a.fixed(m.supervisor_connection_device_id_type);
    a.fixed(m.supervisory_action);
    a.text(Tag::AgentConnectionDeviceId, m.agent_connection_device_id, max_len::kDeviceId);
    a.text(Tag::SupervisorConnectionDeviceId, m.supervisor_connection_device_id, max_len::kDeviceId);
    a.text(Tag::AgentExtension, m.agent_extension, max_len::kAgentExtension);
    a.text(Tag::AgentId, m.agent_id, max_len::kAgentId);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
    a.text(Tag::SupervisorInstrument, m.supervisor_instrument, max_len::kAgentInstrument);
  }
};

// SUPERVISE_CALL_CONF 125.
struct SuperviseCallConf {
  static constexpr MessageType kType = MessageType::SuperviseCallConf;
  std::uint32_t invoke_id = 0;
  std::uint32_t connection_call_id = 0;
  ConnectionIdType connection_device_id_type = ConnectionIdType::None;
  std::optional<std::string> connection_device_id;
  bool operator==(const SuperviseCallConf&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.connection_call_id);
    a.fixed(m.connection_device_id_type);
    a.text(Tag::ConnectionDeviceId, m.connection_device_id, max_len::kDeviceId);
  }
};

// One NumberOfAgents item of AGENT_TEAM_CONFIG_EVENT.
struct TeamMember {
  std::string agent_id;
  std::uint16_t agent_flags = 0;  // 1 primary supervisor, 2 temporary agent, 4 supervisor
  AgentState agent_state = AgentState::Unknown;
  std::uint32_t state_duration = 0;
  bool operator==(const TeamMember&) const = default;

  static constexpr Tag kLeadTag = Tag::AtcAgentId;
  template <class A, class M>
  static void layout(A& a, M& m) {
    a.text(Tag::AtcAgentId, m.agent_id, max_len::kAgentId);
    a.number(Tag::AgentFlags, m.agent_flags);
    a.number(Tag::AtcAgentState, m.agent_state);
    a.number(Tag::AtcStateDuration, m.state_duration);
  }
};

// AGENT_TEAM_CONFIG_EVENT 128. ConfigOperation 0 restore, 1 add, 2 remove.
struct AgentTeamConfigEvent {
  static constexpr MessageType kType = MessageType::AgentTeamConfigEvent;
  std::uint32_t peripheral_id = 0;
  std::uint32_t team_id = 0;
  std::uint16_t config_operation = 0;
  std::int32_t department_id = 0;  // since::kAgentTeamConfigDepartmentId
  std::optional<std::string> agent_team_name;
  std::vector<TeamMember> members;  // NumberOfAgents (<= 64)
  bool operator==(const AgentTeamConfigEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.peripheral_id);
    a.fixed(m.team_id);
    a.count(m.members);
    a.fixed(m.config_operation);
    if (a.version() >= since::kAgentTeamConfigDepartmentId) a.fixed(m.department_id);
    a.text(Tag::AgentTeamName, m.agent_team_name, max_len::kAgentTeamName);
    a.group(m.members);
  }
};

// LIST_AGENT_TEAM_REQ 133.
struct ListAgentTeamReq {
  static constexpr MessageType kType = MessageType::ListAgentTeamReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t supervisor_id = 0;
  bool operator==(const ListAgentTeamReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.supervisor_id);
  }
};

// One NumberOfAgentTeams item of LIST_AGENT_TEAM_CONF.
struct TeamRef {
  std::uint32_t team_id = 0;
  bool operator==(const TeamRef&) const = default;

  static constexpr Tag kLeadTag = Tag::ListTeamId;
  template <class A, class M>
  static void layout(A& a, M& m) {
    a.number(Tag::ListTeamId, m.team_id);
  }
};

// LIST_AGENT_TEAM_CONF 134, possibly in segments (More != 0).
struct ListAgentTeamConf {
  static constexpr MessageType kType = MessageType::ListAgentTeamConf;
  std::uint32_t invoke_id = 0;
  std::uint16_t segment_number = 0;
  std::uint16_t more = 0;
  std::vector<TeamRef> teams;
  bool operator==(const ListAgentTeamConf&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.count(m.teams);
    a.fixed(m.segment_number);
    a.fixed(m.more);
    a.group(m.teams);
  }
};

// MONITOR_AGENT_TEAM_START_REQ 135.
struct MonitorAgentTeamStartReq {
  static constexpr MessageType kType = MessageType::MonitorAgentTeamStartReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t team_id = 0;
  bool operator==(const MonitorAgentTeamStartReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.team_id);
  }
};

// MONITOR_AGENT_TEAM_START_CONF 136 and MONITOR_AGENT_TEAM_STOP_REQ 137: InvokeID + MonitorID.
template <MessageType Type>
struct MonitorIdMessage {
  static constexpr MessageType kType = Type;
  std::uint32_t invoke_id = 0;
  std::uint32_t monitor_id = 0;
  bool operator==(const MonitorIdMessage&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.monitor_id);
  }
};
using MonitorAgentTeamStartConf = MonitorIdMessage<MessageType::MonitorAgentTeamStartConf>;
using MonitorAgentTeamStopReq = MonitorIdMessage<MessageType::MonitorAgentTeamStopReq>;
using MonitorAgentTeamStopConf = InvokeIdOnly<MessageType::MonitorAgentTeamStopConf>;

}  // namespace fgw::cti
