#pragma once
// The children of a live prometheus-cpp family, one per label set, looked up by label values.
// Family::Add() builds a new metric object (for a histogram: its buckets) before it finds that the
// label set exists; on the request path that is an allocation per observation. Here a label set
// seen before costs one map lookup under a mutex. Label sets are bounded (route patterns, GED-188
// names), so the map is too.
#include <prometheus/labels.h>

#include <functional>
#include <initializer_list>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fgw::metrics {

template <class Metric>
class LabelledChildren {
 public:
  // `add` creates the child for a label set seen for the first time (family.Add(labels, ...)).
  using Add = std::function<Metric&(const prometheus::Labels&)>;

  LabelledChildren(std::vector<std::string> label_names, Add add)
      : names_(std::move(label_names)), add_(std::move(add)) {}

  // `values` in the order of the label names. Thread-safe.
  Metric& get(std::initializer_list<std::string_view> values) {
    if (values.size() != names_.size()) throw std::logic_error("label values do not match the label names");
    std::string key;
    for (const auto value : values) {
      key.append(value);
      key.push_back('\x1f');  // a separator no route pattern or GED-188 name contains
    }
    std::lock_guard lock(mutex_);
    if (auto found = children_.find(key); found != children_.end()) return *found->second;
    Metric& child = add_(labels_of(values));
    children_.emplace(std::move(key), &child);
    return child;
  }

 private:
  prometheus::Labels labels_of(std::initializer_list<std::string_view> values) const {
    prometheus::Labels labels;
    auto name = names_.begin();
    for (const auto value : values) labels.emplace(*name++, std::string(value));
    return labels;
  }

  const std::vector<std::string> names_;
  const Add add_;
  std::mutex mutex_;
  std::unordered_map<std::string, Metric*> children_;  // the family owns the metrics
};

}  // namespace fgw::metrics
