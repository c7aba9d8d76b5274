#include "component/pair_role.hpp"

namespace fgw::component {

PairRole::PairRole(Options options) : options_(options) {}

PairRole::Change PairRole::on_serviceable(bool serviceable) {
  serviceable_ = serviceable;
  return evaluate();
}

PairRole::Change PairRole::on_peer_ping(bool peer_serving) {
  peer_serving_ = peer_serving;
  misses_ = peer_serving ? 0 : misses_ + 1;
  return evaluate();
}

PairRole::Change PairRole::evaluate() {
  bool wanted = serviceable_;
  if (options_.has_peer && serviceable_) {
    if (publishing_)
      wanted = options_.primary || !peer_serving_;  // split brain: the primary keeps publishing
    else
      wanted = !peer_serving_ && misses_ >= misses_before_takeover();
  }
  if (wanted == publishing_) return Change::None;
  publishing_ = wanted;
  return wanted ? Change::TakeOver : Change::StandDown;
}

}  // namespace fgw::component
