#include "tools/ctisim/control_api.hpp"

#include <charconv>
#include <string_view>

#include <boost/json.hpp>

namespace fgw::ctisim {

namespace json = boost::json;

namespace {
constexpr std::string_view kCallVariablePrefix = "callVariable";
constexpr std::string_view kEccPrefix = "user.";

http::ApiResponse json_response(int status, const json::value& body) {
  http::ApiResponse response;
  response.status = status;
  response.body = json::serialize(body);
  response.content_type = "application/json";
  return response;
}

http::ApiResponse error_response(int status, std::string_view message) {
  return json_response(status, json::object{{"error", message}});
}

int status_of(ControlError error) {
  switch (error) {
    case ControlError::None: return 200;
    case ControlError::BadRequest: return 400;
    case ControlError::NotFound: return 404;
    case ControlError::Conflict: return 409;
  }
  return 500;
}

// The GED-188 constant name without its family prefix: AGENT_STATE_NOT_READY -> NOT_READY.
std::string short_name(std::string_view full, std::string_view prefix) {
  if (full.starts_with(prefix)) full.remove_prefix(prefix.size());
  return std::string(full);
}

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    const auto end = path.find('/');
    segments.emplace_back(path.substr(0, end));
    path.remove_prefix(end == std::string_view::npos ? path.size() : end);
  }
  return segments;
}

std::optional<std::uint32_t> parse_call_id(const std::string& text) {
  std::uint32_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A call variable key "callVariable1".."callVariable10" -> index 0..9.
std::optional<std::size_t> call_variable_index(std::string_view key) {
  if (!key.starts_with(kCallVariablePrefix)) return std::nullopt;
  key.remove_prefix(kCallVariablePrefix.size());
  std::size_t number = 0;
  const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), number);
  if (ec != std::errc{} || end != key.data() + key.size() || number < 1 || number > 10) {
    return std::nullopt;
  }
  return number - 1;
}

// Parses the POST /calls body; an error message on a bad one.
std::variant<InboundCall, std::string> parse_inbound_call(const std::string& body) {
  boost::system::error_code ec;
  const json::value parsed = json::parse(body, ec);
  if (ec || !parsed.is_object()) return std::string("the body must be a JSON object");
  const json::object& object = parsed.as_object();
  auto text = [&](const char* key) -> std::optional<std::string> {
    const json::value* value = object.if_contains(key);
    if (!value || !value->is_string()) return std::nullopt;
    return std::string(value->as_string());
  };
  InboundCall call;
  const auto from = text("from");
  const auto to = text("to");
  if (!from || !to) return std::string("'from' and 'to' are required strings");
  call.from = *from;
  call.to = *to;
  if (object.contains("dnis")) {
    const auto dnis = text("dnis");
    if (!dnis) return std::string("'dnis' must be a string");
    call.dnis = *dnis;
  }
  if (const json::value* variables = object.if_contains("variables")) {
    if (!variables->is_object()) return std::string("'variables' must be an object");
    for (const auto& [key, value] : variables->as_object()) {
      if (!value.is_string()) return "variable '" + std::string(key) + "' must be a string";
      const std::string name(key);
      if (auto index = call_variable_index(name)) {
        call.call_variables[*index] = std::string(value.as_string());
      } else if (name.size() > kEccPrefix.size() && name.starts_with(kEccPrefix)) {
        call.named_variables.push_back({name, std::string(value.as_string())});
      } else {
        return "unknown variable '" + name + "': use callVariable1..10 or user.<name>";
      }
    }
  }
  return call;
}

json::value agent_json(const Agent& agent) {
  json::object object{
      {"id", agent.id},
      {"loginName", agent.login_name},
      {"extension", agent.extension},
      {"state", short_name(cti::name(agent.reported), "AGENT_STATE_")},
      {"reasonCode", agent.reason_code},
  };
  object["nextState"] = agent.next_state
                            ? json::value(short_name(cti::name(*agent.next_state), "AGENT_STATE_"))
                            : json::value(nullptr);
  return object;
}

json::value call_json(const Call& call) {
  json::array parties;
  for (const auto& party : call.parties) {
    if (party.state == cti::LocalConnectionState::Null) continue;
    parties.push_back(json::object{
        {"device", party.device},
        {"state", short_name(cti::name(party.state), "LCS_")},
        {"monitoring", party.role == PartyRole::MonitorTarget},
    });
  }
  json::object variables;
  for (std::size_t i = 0; i < call.call_variables.size(); ++i) {
    if (call.call_variables[i]) {
      variables[std::string(kCallVariablePrefix) + std::to_string(i + 1)] = *call.call_variables[i];
    }
  }
  for (const auto& variable : call.named_variables) variables[variable.name] = variable.value;
  json::object object{
      {"id", std::to_string(call.id)},
      {"type", short_name(cti::name(call.type), "CALLTYPE_")},
      {"from", call.calling_device},
      {"to", call.called_device},
      {"ani", call.ani},
      {"dnis", call.dnis},
      {"parties", parties},
      {"variables", variables},
  };
  object["queuedAt"] = call.queued_at ? json::value(*call.queued_at) : json::value(nullptr);
  return object;
}

json::value sides_json(const std::map<char, SideStatus>& sides) {
  json::object object;
  for (const auto& [name, side] : sides) {
    if (!side.configured) continue;
    object[std::string(1, name)] = json::object{{"up", side.up}, {"active", side.active}};
  }
  return object;
}

http::ApiResponse control_result(const ControlResult& result) {
  if (result.error != ControlError::None) {
    return error_response(status_of(result.error), result.message);
  }
  return json_response(200, json::object{{"id", std::to_string(result.call_id)}});
}

http::ApiResponse method_not_allowed() { return error_response(405, "method not allowed"); }

http::ApiResponse handle_calls(ControlPort& port, const http::ApiRequest& request,
                               const std::vector<std::string>& segments) {
  if (segments.size() == 1) {
    if (request.method == http::Method::Get) {
      json::array calls;
      for (const auto& call : port.calls()) calls.push_back(call_json(call));
      return json_response(200, calls);
    }
    if (request.method != http::Method::Post) return method_not_allowed();
    auto parsed = parse_inbound_call(request.body);
    if (const auto* message = std::get_if<std::string>(&parsed)) return error_response(400, *message);
    return control_result(port.place_call(std::get<InboundCall>(parsed)));
  }
  const auto id = parse_call_id(segments[1]);
  if (segments.size() != 3 || !id) return error_response(404, "no such resource");
  const std::string& action = segments[2];
  if (action != "answer" && action != "hangup") return error_response(404, "no such resource");
  if (request.method != http::Method::Post) return method_not_allowed();
  return control_result(action == "answer" ? port.answer_call(*id) : port.hang_up_call(*id));
}

http::ApiResponse handle_sides(ControlPort& port, const http::ApiRequest& request,
                               const std::vector<std::string>& segments) {
  if (segments.size() != 3 || segments[1].size() != 1 ||
      (segments[2] != "up" && segments[2] != "down")) {
    return error_response(404, "no such resource");
  }
  if (request.method != http::Method::Post) return method_not_allowed();
  if (!port.set_side(segments[1][0], segments[2] == "up")) {
    return error_response(404, "side " + segments[1] + " is not configured");
  }
  return json_response(200, sides_json(port.sides()));
}
}  // namespace

http::ApiResponse handle_control_request(ControlPort& port, const http::ApiRequest& request) {
  const auto segments = split_path(request.path);
  if (segments.empty()) return error_response(404, "no such resource");
  if (segments[0] == "calls") return handle_calls(port, request, segments);
  if (segments[0] == "sides") return handle_sides(port, request, segments);
  if (segments[0] == "agents" && segments.size() == 1) {
    if (request.method != http::Method::Get) return method_not_allowed();
    json::array agents;
    for (const auto& agent : port.agents()) agents.push_back(agent_json(agent));
    return json_response(200, agents);
  }
  return error_response(404, "no such resource");
}

}  // namespace fgw::ctisim
