#!/usr/bin/python3
"""Checks that the deploy assets only name metrics the daemon exports.

Run by tests/deploy/check_deploy_assets.sh; see there. Exit status 0 when everything resolves, 1
with one line per problem on stderr otherwise.

Inputs:
  --metrics FILE    the output of `finesse-gw --list-metrics`: one "<name> <type>" a line
  --dashboard FILE  the Grafana dashboard JSON
  --rules FILE      the Prometheus rule file (recording and alerting rules)
  --tests FILE      the promtool unit tests of that rule file
  --runbook FILE    docs/operations.md: every alert's runbook_url anchor must be a heading there
  --promql-out FILE write every dashboard query (Grafana variables replaced) as a rule file, so
                    that `promtool check rules` can check its PromQL syntax

A name counts as exported when it is listed, or when it is <histogram>_bucket|_sum|_count (or
<summary>_sum|_count) of a listed histogram (summary). A recording rule's name counts when every
name in its expression does. Every identifier that starts with finesse_gw (finesse_gw_... or a
recording rule's finesse_gw:...) is checked, and so is anything else that looks like a misspelt
prefix (finess..., fgw...); others (up, label names, functions) are not.
"""

import argparse
import json
import re
import sys

import yaml

TYPES = {"counter", "gauge", "histogram", "summary", "untyped", "info", "stateset", "gaugehistogram"}
SEVERITIES = {"critical", "warning", "info"}
NAME_RE = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*")
# PromQL string literals: double- or single-quoted with escapes, or backtick raw strings.
STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`')
IDENT_RE = re.compile(r"(?<![A-Za-z0-9_:$.])[A-Za-z_:][A-Za-z0-9_:]*")
NAME_MATCHER_RE = re.compile(r'__name__\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`)')
GRAFANA_VAR_RE = re.compile(r"\$\{?(\w+)(?::\w+)?\}?|\[\[(\w+)\]\]")

problems = []


def problem(message):
    problems.append(message)


def load_metrics(path):
    metrics = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 2 or not NAME_RE.fullmatch(parts[0]) or parts[1] not in TYPES:
                problem(f"--list-metrics line {number}: expected '<name> <type>', got {line!r}")
                continue
            name, kind = parts
            if not name.startswith("finesse_gw_"):
                problem(f"--list-metrics line {number}: {name} does not start with finesse_gw_ "
                        "(DESIGN.md: dashboards and alert rules rely on that prefix)")
            metrics[name] = kind
    if not metrics:
        problem("--list-metrics printed no metrics")
    return metrics


class Resolver:
    def __init__(self, metrics, records):
        self.metrics = metrics
        self.records = records  # recording rule name -> expr

    def unknown(self, name, seen=()):
        """The names behind `name` that the daemon does not export (empty: it resolves)."""
        if name in self.metrics:
            return []
        for suffix in ("_bucket", "_sum", "_count"):
            if name.endswith(suffix):
                kind = self.metrics.get(name[: -len(suffix)])
                if kind in ("histogram", "gaugehistogram") or (kind == "summary" and suffix != "_bucket"):
                    return []
        if name in self.records:
            if name in seen:
                return [f"{name} (recording rule defined in terms of itself)"]
            bad = []
            for inner in names_in(self.records[name]):
                bad += [f"{b} (via recording rule {name})" for b in self.unknown(inner, seen + (name,))]
            return bad
        return [name]


def names_in(expr):
    """Metric (and recording rule) names an expression refers to that the checks cover."""
    names = []
    for op, literal in NAME_MATCHER_RE.findall(expr):
        value = literal[1:-1]
        if op == "=":
            names.append(value)
        elif value.startswith("finesse_gw"):
            names.append(f"__name__{op}{literal} (a name matcher other than = cannot be checked)")
    stripped = STRING_RE.sub('""', expr)
    for n in IDENT_RE.findall(stripped):
        if n.startswith("finesse_gw"):
            names.append(n)
        elif re.search(r"finess|fgw", n, re.IGNORECASE):
            names.append(f"{n} (misspelt prefix?)")
    return names


def names_a_series(expr):
    """Whether the query selects something: a finesse_gw metric, or Prometheus's own `up`."""
    return bool(names_in(expr)) or re.search(r"(?<![A-Za-z0-9_:])up\s*[{\[)]", STRING_RE.sub('""', expr)) is not None


def check_expr(where, expr, resolver):
    for name in names_in(expr):
        for bad in resolver.unknown(name):
            problem(f"{where}: {bad} is not a metric that finesse-gw --list-metrics prints")


def substitute_grafana_variables(expr):
    """Makes a dashboard query parseable PromQL: variables in strings become text, others 5m."""
    out = []
    last = 0
    for m in STRING_RE.finditer(expr):
        out.append(GRAFANA_VAR_RE.sub("5m", expr[last:m.start()]))
        out.append(GRAFANA_VAR_RE.sub("x", m.group(0)))
        last = m.end()
    out.append(GRAFANA_VAR_RE.sub("5m", expr[last:]))
    return "".join(out)


def walk_panels(panels, parents=()):
    for panel in panels or []:
        yield panel, parents
        yield from walk_panels(panel.get("panels"), parents + (panel.get("title") or "",))


def datasource_is_templated(ds):
    if ds is None:
        return True  # inherits the panel's / dashboard's
    uid = ds.get("uid") if isinstance(ds, dict) else ds
    return isinstance(uid, str) and uid.startswith("$") or uid in ("-- Grafana --", "-- Mixed --", "-- Dashboard --")


def check_dashboard(path, resolver, promql_rules):
    with open(path, encoding="utf-8") as f:
        try:
            dashboard = json.load(f)
        except json.JSONDecodeError as e:
            problem(f"{path}: not JSON: {e}")
            return
    panels = list(walk_panels(dashboard.get("panels")))
    queries = [p for p, _ in panels if p.get("type") != "row"]
    if not queries:
        problem(f"{path}: the dashboard has no panels")
    ids = {}
    for panel, parents in panels:
        title = panel.get("title") or "(untitled)"
        where = f'dashboard panel "{title}" (id {panel.get("id")}' + (f', in row "{parents[-1]}")' if parents else ")")
        if panel.get("id") in ids:
            problem(f"{where}: id also used by panel \"{ids[panel.get('id')]}\"")
        ids[panel.get("id")] = title
        if panel.get("type") == "row":
            if panel.get("targets"):
                problem(f"{where}: a row has targets")
            continue
        if not datasource_is_templated(panel.get("datasource")):
            problem(f"{where}: datasource {panel.get('datasource')!r} is not the $datasource variable")
        targets = panel.get("targets") or []
        if not targets:
            problem(f"{where}: no targets")
        exprs = []
        for target in targets:
            ref = target.get("refId", "?")
            expr = (target.get("expr") or "").strip()
            if not expr:
                problem(f"{where} target {ref}: no expr")
                continue
            if not datasource_is_templated(target.get("datasource")):
                problem(f"{where} target {ref}: datasource {target.get('datasource')!r} is not the $datasource variable")
            if not names_a_series(expr):
                problem(f"{where} target {ref}: names no finesse_gw metric (nor up): {expr}")
            check_expr(f"{where} target {ref}", expr, resolver)
            exprs.append(expr)
        if exprs:
            promql_rules.append({"name": f"{where}", "rules": [
                {"record": f"dashboard_panel_{len(promql_rules)}_query_{i}", "expr": substitute_grafana_variables(e)}
                for i, e in enumerate(exprs)]})

    for annotation in dashboard.get("annotations", {}).get("list", []):
        if annotation.get("builtIn"):
            continue
        where = f'dashboard annotation "{annotation.get("name")}"'
        expr = (annotation.get("expr") or (annotation.get("target") or {}).get("expr") or "").strip()
        if not expr:
            problem(f"{where}: no expr")
            continue
        if not datasource_is_templated(annotation.get("datasource")):
            problem(f"{where}: datasource {annotation.get('datasource')!r} is not the $datasource variable")
        check_expr(where, expr, resolver)
        promql_rules.append({"name": where, "rules": [
            {"record": f"dashboard_annotation_{len(promql_rules)}", "expr": substitute_grafana_variables(expr)}]})

    for variable in dashboard.get("templating", {}).get("list", []):
        if variable.get("type") != "query":
            continue
        query = variable.get("query")
        if isinstance(query, dict):
            query = query.get("query")
        check_expr(f'dashboard variable "{variable.get("name")}"', query or "", resolver)


def github_anchor(heading):
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def load_anchors(path):
    anchors = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
            if m:
                anchors.add(github_anchor(m.group(1)))
            anchors.update(re.findall(r'<a\s+(?:id|name)="([^"]+)"', line))
    return anchors


def load_rules(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f) or {}
    records, alerts = {}, {}
    for group in doc.get("groups") or []:
        for rule in group.get("rules") or []:
            if "record" in rule:
                records[rule["record"]] = rule.get("expr", "")
            elif "alert" in rule:
                alerts[rule["alert"]] = rule
    return records, alerts


def check_rules(path, resolver, records, alerts, runbook, anchors):
    if not alerts:
        problem(f"{path}: no alerting rules")
    for name, expr in records.items():
        if not name.startswith("finesse_gw:"):
            problem(f"{path}: recording rule {name}: name it finesse_gw:<...> (level:metric:operations)")
        check_expr(f"{path}: recording rule {name}", str(expr), resolver)
    for name, rule in alerts.items():
        where = f"{path}: alert {name}"
        check_expr(where, str(rule.get("expr", "")), resolver)
        if "for" not in rule:
            problem(f"{where}: no for:")
        severity = (rule.get("labels") or {}).get("severity")
        if severity not in SEVERITIES:
            problem(f"{where}: severity label {severity!r} is not one of {sorted(SEVERITIES)}")
        annotations = rule.get("annotations") or {}
        for key in ("summary", "description", "runbook_url"):
            if not annotations.get(key):
                problem(f"{where}: no {key} annotation")
        url = annotations.get("runbook_url") or ""
        m = re.fullmatch(r"docs/operations\.md#([\w-]+)", url)
        if url and not m:
            problem(f"{where}: runbook_url {url!r} is not docs/operations.md#<anchor>")
        elif m and m.group(1) not in anchors:
            problem(f"{where}: runbook_url anchor #{m.group(1)} is not a heading of {runbook}")
        elif m and m.group(1) != github_anchor(name):
            problem(f"{where}: runbook_url should point at its own section #{github_anchor(name)}, not #{m.group(1)}")


def check_rule_tests(path, resolver, alerts):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f) or {}
    firing, quiet = set(), set()
    for test in doc.get("tests") or []:
        name = test.get("name", "(unnamed)")
        for series in test.get("input_series") or []:
            metric = str(series.get("series", "")).split("{", 1)[0].strip()
            if metric.startswith("finesse_gw"):
                for bad in resolver.unknown(metric):
                    problem(f"{path}: test \"{name}\": input series {bad} is not a metric that finesse-gw --list-metrics prints")
        for case in test.get("alert_rule_test") or []:
            alert = case.get("alertname")
            if alert not in alerts:
                problem(f"{path}: test \"{name}\": alert_rule_test for unknown alert {alert}")
            (firing if case.get("exp_alerts") else quiet).add(alert)
    for alert in alerts:
        if alert not in firing:
            problem(f"{path}: alert {alert} has no alert_rule_test in which it fires")
        if alert not in quiet:
            problem(f"{path}: alert {alert} has no alert_rule_test in which it stays quiet")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--metrics", required=True)
    parser.add_argument("--dashboard", required=True)
    parser.add_argument("--rules", required=True)
    parser.add_argument("--tests", required=True)
    parser.add_argument("--runbook", required=True)
    parser.add_argument("--promql-out")
    args = parser.parse_args()

    metrics = load_metrics(args.metrics)
    records, alerts = load_rules(args.rules)
    resolver = Resolver(metrics, records)
    promql_rules = []
    check_dashboard(args.dashboard, resolver, promql_rules)
    check_rules(args.rules, resolver, records, alerts, args.runbook, load_anchors(args.runbook))
    check_rule_tests(args.tests, resolver, alerts)
    if args.promql_out:
        with open(args.promql_out, "w", encoding="utf-8") as f:
            yaml.safe_dump({"groups": promql_rules}, f, sort_keys=False, width=1000)

    for p in problems:
        print(f"check_deploy_metrics: {p}", file=sys.stderr)
    if problems:
        print(f"check_deploy_metrics: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"check_deploy_metrics: {len(metrics)} metrics listed; dashboard, {len(records)} recording and "
          f"{len(alerts)} alerting rules, and the rule tests name only those")
    return 0


if __name__ == "__main__":
    sys.exit(main())
