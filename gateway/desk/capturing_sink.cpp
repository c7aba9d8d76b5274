#include "gateway/desk/capturing_sink.hpp"

#include <iterator>
#include <utility>

namespace fgw::desk {

void CapturingSink::publish(std::vector<Notification> notifications) {
  std::lock_guard lock(mutex_);
  captured_.insert(captured_.end(), std::make_move_iterator(notifications.begin()),
                   std::make_move_iterator(notifications.end()));
}

std::vector<Notification> CapturingSink::take() {
  std::lock_guard lock(mutex_);
  return std::exchange(captured_, {});
}

}  // namespace fgw::desk
