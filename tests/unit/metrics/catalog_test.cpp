// The catalog is the one table --list-metrics prints: every family it names is exported, with its
// type and labels, and nothing is exported that it does not name.
#include <gtest/gtest.h>
#include <prometheus/metric_type.h>

#include <map>
#include <set>
#include <string>

#include "gateway/daemon/metrics_feed.hpp"
#include "metrics/catalog.hpp"
#include "metrics/gateway_metrics.hpp"

namespace fgw::metrics {
namespace {

std::string type_name(prometheus::MetricType type) {
  switch (type) {
    case prometheus::MetricType::Counter: return "counter";
    case prometheus::MetricType::Gauge: return "gauge";
    case prometheus::MetricType::Histogram: return "histogram";
    default: return "other";
  }
}

// Every source present, and one observation of each live family, so that each family has a
// sample whose labels can be checked.
std::vector<prometheus::MetricFamily> collect_everything() {
  SnapshotSources sources;
  sources.info = {"0.1.0", "primary", "finesse.localhost"};
  sources.desk = [] {
    DeskSample desk;
    desk.agents_by_state = {{"READY", 1}};
    return desk;
  };
  sources.cti = [] { return daemon::cti_sample({}, true); };
  sources.xmpp = [] { return daemon::xmpp_sample({}); };
  GatewayMetrics metrics(std::move(sources));
  metrics.http().observe("/finesse/api/User/{}", "GET", 200, 0.001);
  metrics.cti().observe("SET_AGENT_STATE_REQ", 0.002, "CF_GENERIC_UNSPECIFIED");
  return metrics.Collect();
}

std::set<std::string> label_set(const std::vector<std::string>& names) { return {names.begin(), names.end()}; }

TEST(MetricCatalog, NamesAreUniqueAndPrefixed) {
  std::set<std::string> seen;
  for (const auto* def : catalog()) {
    EXPECT_TRUE(seen.insert(std::string(def->name)).second) << def->name << " twice";
    EXPECT_EQ(def->name.rfind("finesse_gw_", 0), 0u) << def->name;
    EXPECT_FALSE(def->help.empty()) << def->name;
  }
}

TEST(MetricCatalog, EveryExportedFamilyIsInTheCatalogWithItsTypeAndLabels) {
  std::map<std::string, const MetricDef*> by_name;
  for (const auto* def : catalog()) by_name[std::string(def->name)] = def;

  std::set<std::string> exported;
  for (const auto& family : collect_everything()) {
    exported.insert(family.name);
    const auto found = by_name.find(family.name);
    ASSERT_NE(found, by_name.end()) << family.name << " is exported but --list-metrics does not list it";
    EXPECT_EQ(type_name(family.type), to_string(found->second->kind)) << family.name;
    ASSERT_FALSE(family.metric.empty()) << family.name << " has no sample to check";
    for (const auto& metric : family.metric) {
      std::set<std::string> labels;
      for (const auto& label : metric.label) labels.insert(label.name);
      EXPECT_EQ(labels, label_set(label_names(*found->second))) << family.name;
    }
  }
  for (const auto& [name, def] : by_name) EXPECT_TRUE(exported.contains(name)) << name << " is listed but never exported";
}

TEST(MetricCatalog, LabelNamesSplitAtCommas) {
  EXPECT_EQ(label_names(kHttpRequests), (std::vector<std::string>{"route", "method", "status"}));
  EXPECT_TRUE(label_names(kDialogsActive).empty());
}

}  // namespace
}  // namespace fgw::metrics
