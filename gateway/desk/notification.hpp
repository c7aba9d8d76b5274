#pragma once
// One pubsub publication (guide 7.2): what the XMPP component sends, to which node.
#include <string>
#include <vector>

namespace fgw::desk {

struct Notification {
  std::string node;          // /finesse/api/User/{id}, /finesse/api/User/{id}/Dialogs, /finesse/api/Team/{id}/Users
  std::string source;        // the <source> of the payload
  std::string event_method;  // POST, PUT or DELETE (DECISIONS.md 6)
  std::string payload_xml;   // the <Update> document, without an XML declaration
  std::string request_id;    // empty for unsolicited changes
  // Only this node emits it: the answer to a request made here (a CTI refusal), not a change that
  // every node of a pair derives from the same CTI events. A standby node still publishes it.
  bool local = false;
  bool operator==(const Notification&) const = default;
};

// Where the desk hands its notifications. publish() is called while the desk applies a change,
// in the order the changes happened, so it must not block: the XMPP component queues them.
class NotificationSink {
 public:
  virtual ~NotificationSink() = default;
  virtual void publish(std::vector<Notification> notifications) = 0;
};

}  // namespace fgw::desk
