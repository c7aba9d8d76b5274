#pragma once
// Agent state messages (GED-188.md 3.2): AGENT_STATE_EVENT, QUERY_AGENT_STATE, SET_AGENT_STATE.
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

// One skill group with its state (AGENT_STATE_EVENT NumFltSkillGroups, QUERY_AGENT_STATE_CONF
// NumSkillGroups).
struct AgentSkillGroup {
  std::int32_t number = 0;
  std::uint32_t id = 0;
  std::uint16_t priority = 0;
  AgentState state = AgentState::Unknown;
  bool operator==(const AgentSkillGroup&) const = default;

  static constexpr Tag kLeadTag = Tag::SkillGroupNumber;
  template <class A, class M>
  static void layout(A& a, M& m) {
    a.number(Tag::SkillGroupNumber, m.number);
    a.number(Tag::SkillGroupId, m.id);
    a.number(Tag::SkillGroupPriority, m.priority);
    a.number(Tag::SkillGroupState, m.state);
  }
};

// AGENT_STATE_EVENT 30 (62-byte fixed part from v20; 58 before, without DepartmentID).
struct AgentStateEvent {
  static constexpr MessageType kType = MessageType::AgentStateEvent;
  std::uint32_t monitor_id = 0;
  std::uint32_t peripheral_id = 0;
  std::uint32_t session_id = 0;
  PeripheralType peripheral_type = PeripheralType::None;
  AgentState skill_group_state = AgentState::Unknown;
  std::uint32_t state_duration = 0;
  std::uint32_t skill_group_number = 0;
  std::uint32_t skill_group_id = 0;
  std::uint16_t skill_group_priority = 0;
  AgentState agent_state = AgentState::Unknown;
  std::uint16_t event_reason_code = 0;  // meaningful for NOT_READY and LOGOUT only
  std::int32_t mrd_id = 0;
  std::uint32_t num_tasks = 0;
  std::uint16_t agent_mode = 0;  // 1 routable, 0 not
  std::uint32_t max_task_limit = 0;
  std::int32_t icm_agent_id = 0;
  std::uint32_t agent_availability_status = 0;
  std::int32_t department_id = 0;
  std::optional<std::string> client_signature;
  std::optional<std::string> agent_id;
  std::optional<std::string> agent_extension;
  std::optional<std::string> active_terminal;
  std::optional<std::string> agent_instrument;
  std::optional<std::uint32_t> duration;
  std::optional<AgentState> next_agent_state;
  std::optional<std::uint32_t> direction;
  std::vector<AgentSkillGroup> skill_groups;  // NumFltSkillGroups
  std::optional<std::uint32_t> max_beyond_task_limit;
  bool operator==(const AgentStateEvent&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.monitor_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.session_id);
    a.fixed(m.peripheral_type);
    a.fixed(m.skill_group_state);
    a.fixed(m.state_duration);
    a.fixed(m.skill_group_number);
    a.fixed(m.skill_group_id);
    a.fixed(m.skill_group_priority);
    a.fixed(m.agent_state);
    a.fixed(m.event_reason_code);
    a.fixed(m.mrd_id);
    a.fixed(m.num_tasks);
    a.fixed(m.agent_mode);
    a.fixed(m.max_task_limit);
    a.fixed(m.icm_agent_id);
    a.fixed(m.agent_availability_status);
    a.count(m.skill_groups);
    if (a.version() >= since::kAgentStateEventDepartmentId) a.fixed(m.department_id);
    a.text(Tag::ClientSignature, m.client_signature, max_len::kClientSignature);
    a.text(Tag::AgentId, m.agent_id, max_len::kAgentId);
    a.text(Tag::AgentExtension, m.agent_extension, max_len::kAgentExtension);
    a.text(Tag::ActiveTerminal, m.active_terminal, max_len::kDeviceId);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
    a.number(Tag::Duration, m.duration);
    a.number(Tag::NextAgentState, m.next_agent_state);
    a.number(Tag::Direction, m.direction);
    a.group(m.skill_groups);
    a.number(Tag::MaxBeyondTaskLimit, m.max_beyond_task_limit);
  }
};

// QUERY_AGENT_STATE_REQ 36: one of ICMAgentID / extension / agent ID / instrument identifies the agent.
struct QueryAgentStateReq {
  static constexpr MessageType kType = MessageType::QueryAgentStateReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  std::int32_t mrd_id = 0;
  std::int32_t icm_agent_id = 0;
  std::optional<std::string> agent_extension;
  std::optional<std::string> agent_id;
  std::optional<std::string> agent_instrument;
  bool operator==(const QueryAgentStateReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.mrd_id);
    a.fixed(m.icm_agent_id);
    a.text(Tag::AgentExtension, m.agent_extension, max_len::kAgentExtension);
    a.text(Tag::AgentId, m.agent_id, max_len::kAgentId);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
  }
};

// QUERY_AGENT_STATE_CONF 37.
struct QueryAgentStateConf {
  static constexpr MessageType kType = MessageType::QueryAgentStateConf;
  std::uint32_t invoke_id = 0;
  AgentState agent_state = AgentState::Unknown;
  std::int32_t mrd_id = 0;
  std::uint32_t num_tasks = 0;
  std::uint16_t agent_mode = 0;
  std::uint32_t max_task_limit = 0;
  std::int32_t icm_agent_id = 0;
  std::uint32_t agent_availability_status = 0;
  std::int32_t department_id = 0;  // from since::kQueryAgentStateConfDepartmentId
  std::optional<std::string> agent_id;
  std::optional<std::string> agent_extension;
  std::optional<std::string> agent_instrument;
  std::vector<AgentSkillGroup> skill_groups;  // NumSkillGroups
  std::optional<std::uint16_t> internal_agent_state;
  std::optional<std::uint32_t> max_beyond_task_limit;
  bool operator==(const QueryAgentStateConf&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.agent_state);
    a.count(m.skill_groups);
    a.fixed(m.mrd_id);
    a.fixed(m.num_tasks);
    a.fixed(m.agent_mode);
    a.fixed(m.max_task_limit);
    a.fixed(m.icm_agent_id);
    a.fixed(m.agent_availability_status);
    if (a.version() >= since::kQueryAgentStateConfDepartmentId) a.fixed(m.department_id);
    a.text(Tag::AgentId, m.agent_id, max_len::kAgentId);
    a.text(Tag::AgentExtension, m.agent_extension, max_len::kAgentExtension);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
    a.group(m.skill_groups);
    a.number(Tag::InternalAgentState, m.internal_agent_state);
    a.number(Tag::MaxBeyondTaskLimit, m.max_beyond_task_limit);
  }
};

// One NumSkillGroups item of SET_AGENT_STATE_REQ.
struct RequestedSkillGroup {
  std::int32_t number = 0;
  std::uint16_t priority = 0;
  bool operator==(const RequestedSkillGroup&) const = default;

  static constexpr Tag kLeadTag = Tag::SkillGroupNumber;
  template <class A, class M>
  static void layout(A& a, M& m) {
    a.number(Tag::SkillGroupNumber, m.number);
    a.number(Tag::SkillGroupPriority, m.priority);
  }
};

// SET_AGENT_STATE_REQ 38 (21-byte fixed part: ForcedFlag is a single UCHAR).
struct SetAgentStateReq {
  static constexpr MessageType kType = MessageType::SetAgentStateReq;
  std::uint32_t invoke_id = 0;
  std::uint32_t peripheral_id = 0;
  AgentState agent_state = AgentState::Unknown;
  std::uint16_t agent_work_mode = 0;  // 0 unspecified, 1 auto-in, 2 manual-in, 3/4 remote agent
  std::uint16_t event_reason_code = 0;
  std::uint8_t forced_flag = 0;  // 0 false, 1 true, 2 authenticate only
  std::uint32_t agent_service_req = 0;
  std::optional<std::string> agent_instrument;
  std::optional<std::string> active_terminal;
  std::optional<std::string> agent_id;
  std::optional<std::string> agent_password;
  std::optional<std::string> position_id;
  std::optional<std::string> supervisor_id;
  // SSOEnabled 257: GED-188.md names the tag but not its type. UNCERTAIN: taken as a 2-byte BOOL.
  std::optional<std::uint16_t> sso_enabled;
  std::vector<RequestedSkillGroup> skill_groups;  // NumSkillGroups (<= 10); none = all on logout
  bool operator==(const SetAgentStateReq&) const = default;

  template <class A, class M>
  static void layout(A& a, M& m) {
    a.fixed(m.invoke_id);
    a.fixed(m.peripheral_id);
    a.fixed(m.agent_state);
    a.fixed(m.agent_work_mode);
    a.count(m.skill_groups);
    a.fixed(m.event_reason_code);
    a.fixed(m.forced_flag);
    a.fixed(m.agent_service_req);
    a.text(Tag::AgentInstrument, m.agent_instrument, max_len::kAgentInstrument);
    a.text(Tag::ActiveTerminal, m.active_terminal, max_len::kDeviceId);
    a.text(Tag::AgentId, m.agent_id, max_len::kAgentId);
    a.text(Tag::AgentPassword, m.agent_password, max_len::kAgentPassword);
    a.text(Tag::PositionId, m.position_id, max_len::kPositionId);
    a.text(Tag::SupervisorId, m.supervisor_id, max_len::kSupervisorId);
    a.number(Tag::SsoEnabled, m.sso_enabled);
    a.group(m.skill_groups);
  }
};
using SetAgentStateConf = InvokeIdOnly<MessageType::SetAgentStateConf>;

}  // namespace fgw::cti
