#!/usr/bin/env bash
# Checks the operator assets under deploy/ (ctest: deploy_assets; tests/CMakeLists.txt):
#
#   usage: tests/deploy/check_deploy_assets.sh DAEMON
#
# DAEMON is the finesse-gw binary; its `--list-metrics` ("<name> <type>" a line) is the truth
# the dashboard and the alert rules are checked against.
#
# 1. promtool check config deploy/prometheus/prometheus.yml (its rule_files resolve relative to it)
# 2. promtool check rules deploy/prometheus/finesse-gw-alerts.yml
# 3. promtool test rules deploy/prometheus/finesse-gw-alerts.test.yml
# 4. tests/deploy/check_deploy_metrics.py: every metric named by a dashboard panel's targets
#    (rows' nested panels too), annotation or variable, by a recording or alerting rule, and by a
#    rule test's input series is one DAEMON lists (or a _bucket/_sum/_count of a listed
#    histogram; a recording rule resolves through its expression); no panel without targets, no
#    dashboard without panels, datasources only through the $datasource variable; every alert has
#    for:, a severity, summary/description and a runbook_url pointing at its own section of
#    docs/operations.md, and a rule test in which it fires and one in which it does not.
# 5. promtool check rules on the dashboard's queries (Grafana variables replaced): valid PromQL.
# 6. systemd-analyze verify on deploy/systemd/*.service (skipped, saying so, where it cannot run).
# 7. Self-test: broken copies of the assets must make step 4 fail and name the culprit.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 DAEMON" >&2
  exit 2
fi
DAEMON=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PROM="$ROOT/deploy/prometheus"
DASHBOARD="$ROOT/deploy/grafana/finesse-gw-dashboard.json"
RULES="$PROM/finesse-gw-alerts.yml"
RULE_TESTS="$PROM/finesse-gw-alerts.test.yml"
RUNBOOK="$ROOT/docs/operations.md"
CHECKER="$ROOT/tests/deploy/check_deploy_metrics.py"
PYTHON=/usr/bin/python3

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() { echo "check_deploy_assets: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

command -v promtool >/dev/null || fail "promtool not found (Debian package prometheus; deploy/install-deps.sh installs it)"
[ -x "$PYTHON" ] || fail "$PYTHON not found"
"$PYTHON" -c 'import yaml' 2>/dev/null || fail "python3-yaml is missing (deploy/install-deps.sh installs it)"
[ -x "$DAEMON" ] || fail "daemon binary $DAEMON is not executable"

step "promtool check config deploy/prometheus/prometheus.yml"
# From another directory, so that the rule file is found relative to the config, not the cwd.
(cd "$WORK" && promtool check config "$PROM/prometheus.yml") || fail "promtool check config"
grep -q 'SUCCESS: [1-9][0-9]* rule files found' < <(cd "$WORK" && promtool check config "$PROM/prometheus.yml" 2>&1) ||
  fail "prometheus.yml loads no rule file"

step "promtool check rules deploy/prometheus/finesse-gw-alerts.yml"
promtool check rules "$RULES" || fail "promtool check rules"

step "promtool test rules deploy/prometheus/finesse-gw-alerts.test.yml"
(cd "$WORK" && promtool test rules "$RULE_TESTS") || fail "promtool test rules"

step "$DAEMON --list-metrics"
"$DAEMON" --list-metrics > "$WORK/metrics.txt" || fail "$DAEMON --list-metrics exited with $?"
echo "$(wc -l < "$WORK/metrics.txt") metrics listed"

step "metric names in the dashboard, the rules and the rule tests"
check_names() {  # DASHBOARD RULES TESTS [extra args]
  local dashboard=$1 rules=$2 tests=$3; shift 3
  "$PYTHON" "$CHECKER" --metrics "$WORK/metrics.txt" --dashboard "$dashboard" --rules "$rules" \
    --tests "$tests" --runbook "$RUNBOOK" "$@"
}
check_names "$DASHBOARD" "$RULES" "$RULE_TESTS" --promql-out "$WORK/dashboard-queries.yml" ||
  fail "the deploy assets name metrics or miss things listed above"

step "PromQL syntax of the dashboard's queries"
promtool check rules "$WORK/dashboard-queries.yml" > "$WORK/promql.out" 2>&1 || {
  cat "$WORK/promql.out" >&2
  fail "a dashboard query is not valid PromQL (the group names the panel)"
}
grep -q 'FAILED' "$WORK/promql.out" && { cat "$WORK/promql.out" >&2; fail "promtool check rules on the dashboard's queries"; }
grep 'SUCCESS' "$WORK/promql.out" || { cat "$WORK/promql.out" >&2; fail "promtool check rules on the dashboard's queries said nothing"; }

step "systemd-analyze verify deploy/systemd/*.service"
# verify checks that ExecStart= binaries exist, so the copies point at DAEMON (and /bin/true for
# the simulator, whose path this test is not given); everything else is verified as shipped.
# It exits 0 on unknown keys and bad values and only prints them, so any output is a failure.
verify_units() {
  local dir="$WORK/units" out
  mkdir -p "$dir"
  printf '[Unit]\nDescription=probe\n[Service]\nExecStart=/bin/true\n' > "$dir/fgw-probe.service"
  if ! command -v systemd-analyze >/dev/null; then
    echo "SKIPPED: systemd-analyze is not installed"
    return 0
  fi
  if ! out=$(cd "$dir" && systemd-analyze verify --man=no ./fgw-probe.service 2>&1) || [ -n "$out" ]; then
    echo "SKIPPED: systemd-analyze verify does not work here: ${out:-exit status non-zero}"
    return 0
  fi
  rm "$dir/fgw-probe.service"
  for unit in "$ROOT"/deploy/systemd/*.service; do
    sed -e "s#/usr/local/bin/finesse-gw\\b#$DAEMON#g" -e 's#/usr/local/bin/finesse-ctisim\b#/bin/true#g' \
      "$unit" > "$dir/$(basename "$unit")"
  done
  local names=()
  for unit in "$dir"/*.service; do
    case $(basename "$unit") in
      *@.service) names+=("./$(basename "$unit" .service | sed 's/@$//')@primary.service"
                          "./$(basename "$unit" .service | sed 's/@$//')@secondary.service") ;;
      *) names+=("./$(basename "$unit")") ;;
    esac
  done
  out=$(cd "$dir" && systemd-analyze verify --man=no "${names[@]}" 2>&1) || { echo "$out" >&2; fail "systemd-analyze verify"; }
  [ -z "$out" ] || { echo "$out" >&2; fail "systemd-analyze verify complained"; }
  echo "verified: ${names[*]}"
}
verify_units

step "self-test: broken assets must fail"
# Each case: a description, the text the failure must contain, and a Python snippet that breaks
# a copy (d = the dashboard JSON, r = the rule file text, t = the rule tests text).
expect_rejected() {
  local what=$1 must_contain=$2 mutation=$3 out
  cp "$DASHBOARD" "$WORK/d.json"; cp "$RULES" "$WORK/r.yml"; cp "$RULE_TESTS" "$WORK/t.yml"
  "$PYTHON" - "$WORK" "$mutation" <<'EOF'
import json, sys
work, mutation = sys.argv[1], sys.argv[2]
d = json.load(open(f"{work}/d.json"))
r = open(f"{work}/r.yml").read()
t = open(f"{work}/t.yml").read()
def panels(ps):
    for p in ps:
        yield p
        yield from panels(p.get("panels", []))
def panel(title):
    return next(p for p in panels(d["panels"]) if p.get("title") == title)
exec(mutation)
json.dump(d, open(f"{work}/d.json", "w"))
open(f"{work}/r.yml", "w").write(r)
open(f"{work}/t.yml", "w").write(t)
EOF
  if out=$(check_names "$WORK/d.json" "$WORK/r.yml" "$WORK/t.yml" 2>&1); then
    fail "self-test: $what was accepted"
  fi
  grep -qF -- "$must_contain" <<<"$out" || { echo "$out" >&2; fail "self-test: $what: the failure does not say '$must_contain'"; }
  echo "rejected as it should be: $what"
}
# A misspelt metric in the first panel's expression.
expect_rejected "an unknown metric in a panel" 'panel "Publish queue depth"' \
  'p = panel("Publish queue depth"); p["targets"][0]["expr"] = p["targets"][0]["expr"].replace("finesse_gw_xmpp_publish_queue_depth", "finesse_gw_xmpp_queue_depth")'
expect_rejected "an unknown metric in a collapsed row's nested panel" 'in row "Internals' \
  'p = next(p for p in panels(d["panels"]) if p.get("type") == "row" and p.get("collapsed") and p["panels"])["panels"][0]; p["targets"][-1]["expr"] = "rate(finesse_gw_no_such_metric_total[5m])"'
expect_rejected "_bucket of a metric that is not a histogram" 'finesse_gw_xmpp_publishes_total_bucket' \
  'p = panel("Publish latency p50 / p99"); p["targets"][0]["expr"] = p["targets"][0]["expr"].replace("finesse_gw_xmpp_publish_duration_seconds_bucket", "finesse_gw_xmpp_publishes_total_bucket")'
expect_rejected "a panel without targets" 'panel "Active dialogs" (id' \
  'panel("Active dialogs")["targets"] = []'
expect_rejected "a dashboard without panels" 'the dashboard has no panels' \
  'd["panels"] = []'
expect_rejected "a hard-coded datasource" 'is not the $datasource variable' \
  'panel("Active dialogs")["datasource"] = {"type": "prometheus", "uid": "P1809F7CD0C75ACF3"}'
expect_rejected "an unknown metric in an annotation" 'annotation "Pair takeover"' \
  'a = next(a for a in d["annotations"]["list"] if a.get("name") == "Pair takeover"); a["expr"] = a["expr"].replace("takeovers", "take_overs")'
expect_rejected "an unknown metric in an alert" 'alert FinesseGwXmppLinkDown' \
  'r = r.replace("expr: finesse_gw_xmpp_link_up == 0", "expr: finesse_gw_xmpp_link_is_up == 0")'
expect_rejected "an unknown metric behind a recording rule" 'via recording rule finesse_gw:http_requests:rate5m' \
  'r = r.replace("rate(finesse_gw_http_requests_total[5m])", "rate(finesse_gw_http_request_total[5m])")'
expect_rejected "an alert without a test in which it fires" 'alert FinesseGwTwoPublishers has no alert_rule_test in which it fires' \
  't = t.replace("alertname: FinesseGwTwoPublishers\n        exp_alerts:\n          - exp_labels", "alertname: FinesseGwNoPublisher\n        exp_alerts:\n          - exp_labels")'
expect_rejected "a runbook link to a missing section" 'anchor #finessegwnosuchsection' \
  'r = r.replace("docs/operations.md#finessegwnodedown", "docs/operations.md#finessegwnosuchsection")'

echo "check_deploy_assets: all checks passed"
