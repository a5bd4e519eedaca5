#!/usr/bin/env python3
"""Checks that each scenario's plan really shows the conditions its `-- expect:` line claims.

Reads every tests/scenarios/NAME.json (the EXPLAIN ... FORMAT JSON output written by run.sh)
and evaluates the trigger condition of each plan rule on it, independently of the Rust rules,
with the thresholds of the rule catalogue. Prints one line per scenario:

    OK   NAME  expect=[...]  found=[rule(evidence), ...]
    FAIL NAME  ...  missing=[...]          (an expected id is absent)
    FAIL NAME  ...  unexpected=[...]       (a clean scenario shows a warning-level condition)

Per-loop fields (Actual Rows, Rows Removed by ..., Actual Total Time) are multiplied by
Actual Loops. Under a Gather, a node's wall time is its per-loop time x loops divided by the
processes that ran it (workers launched + leader). `slow-node` is informational (every plan
has a slowest node; a one-node plan spends 100% there) and does not fail a clean scenario.

Usage: tests/scenarios/check_conditions.py [--brief] [NAME...]   exit status 1 if any scenario fails
       --brief: rule ids only, no evidence; exempt look-alikes are listed with a trailing '*'.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
INFO_ONLY = {"slow-node"}
PASS_THROUGH = {"Gather", "Gather Merge", "Append", "Result", "Materialize", "Subquery Scan"}
SCAN_TYPES = {"Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan", "Tid Scan",
              "Tid Range Scan", "Sample Scan"}


def num(node, key, default=0.0):
    v = node.get(key)
    return float(v) if isinstance(v, (int, float)) else default


def loops(node):
    return num(node, "Actual Loops", 0.0)


def executed(node):
    return "Actual Loops" in node and loops(node) > 0


def rows_total(node):
    return num(node, "Actual Rows") * loops(node)


def fmt(x):
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.3g}"


class Plan:
    def __init__(self, doc):
        self.doc = doc
        self.root = doc["Plan"]
        self.exec_ms = doc.get("Execution Time")
        self.plan_ms = doc.get("Planning Time")
        # (node, parent, procs, ancestors) for every node, depth first.
        self.nodes = []
        self._walk(self.root, None, 1.0, ())

    def _walk(self, node, parent, procs, ancestors):
        self.nodes.append((node, parent, procs, ancestors))
        child_procs = procs
        if node.get("Node Type") in ("Gather", "Gather Merge"):
            child_procs = num(node, "Workers Launched") + 1.0
        for child in node.get("Plans", []):
            self._walk(child, node, child_procs, ancestors + (node,))

    @staticmethod
    def inclusive_ms(node, procs):
        if "Actual Total Time" not in node or not executed(node):
            return None
        return num(node, "Actual Total Time") * loops(node) / max(procs, 1.0)

    def child_procs(self, node, procs):
        if node.get("Node Type") in ("Gather", "Gather Merge"):
            return num(node, "Workers Launched") + 1.0
        return procs

    def exclusive_ms(self, node, procs):
        inc = self.inclusive_ms(node, procs)
        if inc is None:
            return None
        cp = self.child_procs(node, procs)
        kids = 0.0
        for child in node.get("Plans", []):
            # InitPlan/SubPlan time is already part of the node that runs them.
            c = self.inclusive_ms(child, cp)
            if c is not None:
                kids += c
        return max(inc - kids, 0.0)


def strip_literals(text):
    return re.sub(r"'(?:[^']|'')*'", "''", text)


QUALIFIED_COL = re.compile(r"\b[A-Za-z_][A-Za-z0-9_$]*\.[A-Za-z_\"][A-Za-z0-9_$\"]*")
NOT_FUNCS = {"NOT", "AND", "OR", "ANY", "ALL", "ARRAY", "IN", "IS", "ROW", "SubPlan", "hashed",
             "CASE", "WHEN", "THEN", "ELSE", "COALESCE"}


def column_function_calls(expr):
    """Function calls and casts applied to a column in a (VERBOSE, hence qualified) condition."""
    s = strip_literals(expr)
    hits = []
    for m in re.finditer(r"\b([A-Za-z_][A-Za-z0-9_]*)\(", s):
        name = m.group(1)
        if name in NOT_FUNCS:
            continue
        depth, i = 1, m.end()
        while i < len(s) and depth:
            depth += {"(": 1, ")": -1}.get(s[i], 0)
            i += 1
        args = s[m.end():i - 1]
        if QUALIFIED_COL.search(args):
            hits.append(f"{name}()")
    for m in re.finditer(r"\((\b[A-Za-z_][A-Za-z0-9_]*\.)?([A-Za-z_][A-Za-z0-9_]*)\)::([A-Za-z ]+)", s):
        hits.append(f"{m.group(2)}::{m.group(3).split()[0]}")
    return hits


def check(doc):
    """Returns {rule_id: evidence} for every condition present in one EXPLAIN JSON document."""
    p = Plan(doc)
    found = {}

    def add(rule, evidence):
        found.setdefault(rule, evidence)

    total_exec = p.exec_ms
    for node, parent, procs, ancestors in p.nodes:
        t = node.get("Node Type", "")
        filt = node.get("Filter")
        removed = num(node, "Rows Removed by Filter") * loops(node)
        returned = rows_total(node)

        # seq-scan-selective-filter
        if t == "Seq Scan" and filt and executed(node):
            read = removed + returned
            if removed >= 1000 and read > 0 and removed / read >= 0.9:
                add("seq-scan-selective-filter", f"{node.get('Relation Name')} removed {removed / read:.1%} of {fmt(read)}")

        # index-scan-filter
        if t in ("Index Scan", "Index Only Scan", "Bitmap Heap Scan") and filt and executed(node):
            read = removed + returned
            if removed >= 1000 and read > 0 and removed / read >= 0.5:
                add("index-scan-filter", f"{t} removed {removed / read:.1%} of {fmt(read)}")

        # row-misestimate (per loop, both sides floored at 1). A node below a Limit that
        # returns fewer rows than planned was stopped by the Limit: not a misestimate.
        if executed(node) and "Plan Rows" in node and "Actual Rows" in node:
            a, pl = num(node, "Actual Rows"), num(node, "Plan Rows")
            factor = max(a, 1) / max(min(a, pl), 1) if a >= pl else max(pl, 1) / max(a, 1)
            if factor >= 10 and max(a, pl) >= 100:
                under_limit = any(x.get("Node Type") == "Limit" for x in ancestors) and a < pl
                key = "row-misestimate" if not under_limit else "row-misestimate(under Limit: exempt)"
                add(key, f"{t} planned {fmt(pl)} actual {fmt(a)} ({fmt(factor)}x)")

        # sort-spill
        if t in ("Sort", "Incremental Sort"):
            methods = [node.get("Sort Method", ""), node.get("Sort Space Type", "")]
            for w in node.get("Workers", []):
                methods += [w.get("Sort Method", ""), w.get("Sort Space Type", "")]
            for g in ("Full-sort Groups", "Pre-sorted Groups"):
                grp = node.get(g) or {}
                methods += grp.get("Sort Methods Used", [])
                if "Sort Space Disk" in grp:
                    methods.append("Disk")
            if any(m == "Disk" or "external" in m for m in methods):
                add("sort-spill", f"{t}: {node.get('Sort Method')} {node.get('Sort Space Used', '')}kB")

        # hash-spill
        if t == "Hash" and (num(node, "Hash Batches") > 1 or num(node, "Original Hash Batches") > 1):
            add("hash-spill", f"Hash Batches {fmt(num(node, 'Hash Batches'))}")
        if t == "Aggregate" and node.get("Strategy") in ("Hashed", "Mixed"):
            batches = [num(node, "HashAgg Batches")] + [num(w, "HashAgg Batches") for w in node.get("Workers", [])]
            disk = [num(node, "Disk Usage")] + [num(w, "Disk Usage") for w in node.get("Workers", [])]
            if max(batches) > 1 or max(disk) > 0:
                add("hash-spill", f"HashAggregate Batches {fmt(max(batches))} Disk {fmt(sum(disk))}kB")

        # lossy-bitmap
        if t == "Bitmap Heap Scan":
            lossy = num(node, "Lossy Heap Blocks") + sum(num(w, "Lossy Heap Blocks") for w in node.get("Workers", []))
            if lossy > 0:
                add("lossy-bitmap", f"Lossy Heap Blocks {fmt(lossy)}")

        # heap-fetches (Heap Fetches is a total over loops in PostgreSQL's output)
        if t == "Index Only Scan" and executed(node):
            fetches = num(node, "Heap Fetches")
            if fetches >= 1000 and fetches >= 0.1 * max(returned, 1):
                add("heap-fetches", f"Heap Fetches {fmt(fetches)} for {fmt(returned)} rows")

        # nested-loop-many-loops
        if t == "Nested Loop" and executed(node):
            inner = [c for c in node.get("Plans", []) if c.get("Parent Relationship") == "Inner"]
            inc = p.inclusive_ms(node, procs)
            if inner and loops(inner[0]) >= 1000 and inc is not None and total_exec:
                if inc / total_exec >= 0.1:
                    add("nested-loop-many-loops", f"inner loops {fmt(loops(inner[0]))}, subtree {inc / total_exec:.0%} of time")

        # workers-not-launched
        if t in ("Gather", "Gather Merge") and "Workers Launched" in node:
            if num(node, "Workers Launched") < num(node, "Workers Planned"):
                add("workers-not-launched", f"planned {fmt(num(node, 'Workers Planned'))} launched {fmt(num(node, 'Workers Launched'))}")

        # not-in-subplan: NOT (SubPlan N), not hashed, whose SubPlan runs >= 100 loops
        for cond in (filt, node.get("Join Filter")):
            if not cond:
                continue
            for m in re.finditer(r"NOT \(SubPlan (\d+)\)", cond):
                name = f"SubPlan {m.group(1)}"
                for c in node.get("Plans", []):
                    if c.get("Subplan Name") == name and loops(c) >= 100:
                        add("not-in-subplan", f"{name} loops {fmt(loops(c))}")

        # large-offset
        if t == "Limit" and executed(node) and node.get("Plans"):
            child = node["Plans"][0]
            thrown = rows_total(child) - returned
            if thrown >= 10000:
                add("large-offset", f"Limit discarded {fmt(thrown)} of {fmt(rows_total(child))} rows")

        # no-partition-pruning
        if t in ("Append", "Merge Append"):
            groups = {}
            for c in node.get("Plans", []):
                alias = c.get("Alias") or c.get("Relation Name")
                if alias:
                    groups.setdefault(re.sub(r"_\d+$", "", alias), []).append(c)
            parts = max(groups.values(), key=len, default=[])
            removed_subplans = num(node, "Subplans Removed")
            # A partition that never ran (an ordered Append stopped by a Limit) cost nothing:
            # only partitions scanned for nothing count as empty.
            if len(parts) >= 4 and removed_subplans == 0 and all("Actual Loops" in c for c in parts):
                empty = sum(1 for c in parts if executed(c) and rows_total(c) == 0)
                never = sum(1 for c in parts if not executed(c))
                if empty / len(parts) >= 0.75:
                    add("no-partition-pruning", f"{empty}/{len(parts)} partitions scanned for 0 rows, none pruned")
                elif never and (empty + never) / len(parts) >= 0.75:
                    add("no-partition-pruning(never executed: exempt)",
                        f"{never}/{len(parts)} partitions never executed, {empty} scanned for 0 rows")

        # non-sargable-predicate
        if t in SCAN_TYPES and filt:
            calls = column_function_calls(filt)
            if calls:
                add("non-sargable-predicate", ", ".join(sorted(set(calls))))

        # leading-wildcard-like
        for cond in (filt, node.get("Join Filter")):
            if cond and re.search(r"!?~~\*?\s+'%", cond):
                add("leading-wildcard-like", re.search(r"!?~~\*?\s+'[^']*'", cond).group(0))

        # order-by-random
        if t in ("Sort", "Incremental Sort") and any("random()" in k for k in node.get("Sort Key", [])):
            add("order-by-random", "Sort Key: " + ", ".join(node["Sort Key"]))

        # slow-node
        exc = p.exclusive_ms(node, procs)
        if exc is not None and total_exec and exc / total_exec >= 0.3:
            cur = found.get("slow-node")
            share = exc / total_exec
            if cur is None or share > cur[0]:
                found["slow-node"] = (share, f"{t} {share:.0%} of execution ({fmt(exc)} ms)")

        # read-inefficiency
        if t in SCAN_TYPES and executed(node):
            blocks = num(node, "Shared Hit Blocks") + num(node, "Shared Read Blocks")
            if blocks >= 10000 and blocks / max(returned, 1) >= 100:
                add("read-inefficiency", f"{t} on {node.get('Relation Name')}: {fmt(blocks)} blocks for {fmt(returned)} rows")

        # count-full-table: a plain (ungrouped) count(*) whose input, through pass-through
        # nodes only (Gather, partial aggregates, Append...), is a scan without any condition.
        if (t == "Aggregate" and node.get("Strategy") == "Plain" and "Group Key" not in node
                and any(re.search(r"\bcount\(\*\)", o) for o in node.get("Output", ["count(*)"]))):
            stack = list(node.get("Plans", []))
            while stack:
                sub = stack.pop()
                st = sub.get("Node Type")
                if st in PASS_THROUGH or (st == "Aggregate" and sub.get("Strategy") == "Plain"):
                    stack.extend(c for c in sub.get("Plans", []) if c.get("Parent Relationship") != "InitPlan")
                elif (st in ("Seq Scan", "Index Only Scan", "Index Scan")
                        and not any(k in sub for k in ("Filter", "Index Cond", "Recheck Cond"))
                        and rows_total(sub) >= 100000):
                    add("count-full-table", f"count(*) over {st} of {fmt(rows_total(sub))} rows")

    if "slow-node" in found:
        found["slow-node"] = found["slow-node"][1]

    # jit-overhead
    jit = doc.get("JIT")
    if jit and total_exec:
        timing = jit.get("Timing", {})
        jit_total = timing.get("Total") if isinstance(timing, dict) else None
        if jit_total is not None and jit_total / total_exec >= 0.1:
            add("jit-overhead", f"JIT {fmt(jit_total)} ms of {fmt(total_exec)} ms execution")

    # planner-settings-changed
    off = [k for k, v in (doc.get("Settings") or {}).items() if k.startswith("enable_") and v == "off"]
    if off:
        add("planner-settings-changed", ", ".join(f"{k}=off" for k in off))

    # high-planning-time
    if p.plan_ms is not None and total_exec is not None:
        if p.plan_ms >= total_exec and p.plan_ms >= 10:
            add("high-planning-time", f"planning {fmt(p.plan_ms)} ms >= execution {fmt(total_exec)} ms")

    # trigger-time
    triggers = doc.get("Triggers") or []
    if triggers and total_exec:
        trig_ms = sum(num(tr, "Time") for tr in triggers)
        if trig_ms / total_exec >= 0.1:
            names = ", ".join(tr.get("Trigger Name", "?") for tr in triggers)
            add("trigger-time", f"{fmt(trig_ms)} ms of {fmt(total_exec)} ms in {names}")

    # missing-instrumentation
    missing = []
    if "Actual Rows" not in p.root:
        missing.append("ANALYZE")
    else:
        if "Actual Total Time" not in p.root:
            missing.append("TIMING")
    if not any(k in p.root for k in ("Shared Hit Blocks", "Shared Read Blocks")):
        missing.append("BUFFERS")
    if missing:
        add("missing-instrumentation", "no " + "/".join(missing))

    return found


def expected_ids(sql_path):
    with open(sql_path) as f:
        for line in f:
            m = re.match(r"--\s*expect:\s*(.*)", line)
            if m:
                text = m.group(1).strip()
                if text.startswith("("):
                    return []  # clean scenario
                return [x.strip() for x in text.split(",") if x.strip()]
    return None


def main(argv):
    brief = "--brief" in argv
    argv = [a for a in argv if a != "--brief"]
    names = argv or sorted(f[:-4] for f in os.listdir(HERE) if f.endswith(".sql") and f != "setup.sql")
    failures = 0
    for name in names:
        sql, js = os.path.join(HERE, name + ".sql"), os.path.join(HERE, name + ".json")
        expect = expected_ids(sql)
        if not os.path.exists(js):
            print(f"FAIL {name}: no {name}.json (run tests/scenarios/run.sh {name})")
            failures += 1
            continue
        with open(js) as f:
            doc = json.load(f)[0]
        found = check(doc)
        present = {k for k in found if "(" not in k}
        problems = []
        if expect is None:
            problems.append("no -- expect: line")
        elif expect:
            missing = [e for e in expect if e not in present]
            if missing:
                problems.append(f"missing={missing}")
        else:
            bad = sorted(present - INFO_ONLY)
            if bad:
                problems.append(f"unexpected={bad}")
        status = "FAIL" if problems else "OK  "
        failures += bool(problems)
        exp = "clean" if expect == [] else ",".join(expect or [])
        if brief:
            detail = ", ".join(sorted(k if "(" not in k else k.split("(")[0] + "*" for k in found))
            print(f"{status} {name} [expect {exp}] -> {detail}" + (f"  {' '.join(problems)}" if problems else ""))
        else:
            detail = "; ".join(f"{k} [{v}]" for k, v in sorted(found.items()))
            print(f"{status} {name}  expect={exp}  found: {detail}" + (f"  {' '.join(problems)}" if problems else ""))
    print(f"{len(names) - failures}/{len(names)} scenarios OK")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
