#pragma once
// Carries a REST request's requestId into the notifications it causes (guide 7.3 "RequestId").
// The API registers the request before it sends the CTI request, because CTI may report the
// change before it confirms the request. The first notification batch that touches a registered
// node (and source, where one is named) takes the id; later, unsolicited changes carry none.
// An entry that nothing claims expires, so an id never lands on an unrelated, later event.
#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gateway/desk/notification.hpp"

namespace fgw::desk {

class RequestCorrelation {
 public:
  using Clock = std::chrono::steady_clock;
  // Long enough for a CTI round trip on a loaded peripheral, short enough that a request CTI
  // silently ignored does not stamp the user's next unsolicited change.
  static constexpr auto kExpiry = std::chrono::seconds(10);

  // `source` empty: any notification on `node`. A newer request for the same key replaces an
  // older one, whose change then can no longer be told apart from it.
  void expect(const std::string& node, const std::string& source, const std::string& request_id, Clock::time_point now);
  void forget(const std::string& node, const std::string& source);
  // Sets request_id and the payload's <requestId> of each notification that a pending request
  // caused; the requests it served are done.
  void stamp(std::vector<Notification>& notifications, Clock::time_point now);
  bool empty() const { return pending_.empty(); }

 private:
  struct Pending {
    std::string request_id;
    Clock::time_point expires;
  };
  using Key = std::pair<std::string, std::string>;  // node, source (empty: any)
  std::map<Key, Pending>::iterator match(const Notification& notification);
  void expire(Clock::time_point now);

  std::map<Key, Pending> pending_;
};

}  // namespace fgw::desk
