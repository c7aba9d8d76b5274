#include "gateway/desk/request_correlation.hpp"

#include <set>

#include "gateway/xml/notification_xml.hpp"

namespace fgw::desk {

void RequestCorrelation::expect(const std::string& node, const std::string& source, const std::string& request_id,
                                Clock::time_point now) {
  if (request_id.empty()) return;
  pending_[{node, source}] = {request_id, now + kExpiry};
}

void RequestCorrelation::forget(const std::string& node, const std::string& source) {
  pending_.erase({node, source});
}

std::map<RequestCorrelation::Key, RequestCorrelation::Pending>::iterator RequestCorrelation::match(
    const Notification& notification) {
  auto exact = pending_.find({notification.node, notification.source});
  if (exact != pending_.end()) return exact;
  return pending_.find({notification.node, std::string()});
}

void RequestCorrelation::expire(Clock::time_point now) {
  std::erase_if(pending_, [now](const auto& entry) { return entry.second.expires <= now; });
}

void RequestCorrelation::stamp(std::vector<Notification>& notifications, Clock::time_point now) {
  if (pending_.empty()) return;
  expire(now);
  std::set<Key> served;
  for (auto& notification : notifications) {
    if (!notification.request_id.empty()) continue;
    auto it = match(notification);
    if (it == pending_.end()) continue;
    notification.request_id = it->second.request_id;
    notification.payload_xml = xml::with_request_id(notification.payload_xml, notification.request_id);
    served.insert(it->first);
  }
  for (const auto& key : served) pending_.erase(key);
}

}  // namespace fgw::desk
