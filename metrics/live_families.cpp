#include "metrics/live_families.hpp"

#include <stdexcept>
#include <string>

namespace fgw::metrics {

namespace {

void require_kind(const MetricDef& def, Kind kind) {
  if (def.kind != kind)
    throw std::logic_error(std::string(def.name) + " is a " + std::string(to_string(def.kind)) + ", not a " +
                           std::string(to_string(kind)));
}

}  // namespace

prometheus::Family<prometheus::Counter>& register_counter(prometheus::Registry& registry, const MetricDef& def) {
  require_kind(def, Kind::Counter);
  return prometheus::BuildCounter().Name(std::string(def.name)).Help(std::string(def.help)).Register(registry);
}

prometheus::Family<prometheus::Histogram>& register_histogram(prometheus::Registry& registry, const MetricDef& def) {
  require_kind(def, Kind::Histogram);
  return prometheus::BuildHistogram().Name(std::string(def.name)).Help(std::string(def.help)).Register(registry);
}

}  // namespace fgw::metrics
