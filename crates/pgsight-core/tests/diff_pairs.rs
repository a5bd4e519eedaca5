//! `pgsight diff` on real before/after pairs and on hand-made reshaped trees.
//!
//! The pairs live in tests/scenarios/diff (made by tests/scenarios/diff/run.sh on a real
//! PostgreSQL): each NAME-after.sql runs the fix SQL the NAME-before plan's finding
//! proposed, and says which rules that fix resolves (`-- resolves:`) or leaves in place
//! (`-- keeps:`). The hand-made trees are in crates/pgsight-core/tests/fixtures/diff.

use pgsight_core::diff::{diff, Change, NodeDiff, PlanDiff};
use pgsight_core::{analyze, Config, Input, InputKind};

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn diff_files(before: &str, after: &str) -> PlanDiff {
    let input = |path: &str| Input::new(InputKind::Plan, path, read(path));
    diff(&input(before), &input(after), &Config::default()).unwrap_or_else(|e| panic!("{before} vs {after}: {e}"))
}

/// The pairs of tests/scenarios/diff, by name (without -before/-after).
fn pairs() -> Vec<String> {
    let dir = repo("tests/scenarios/diff");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok()?.file_name().into_string().ok()?.strip_suffix("-before.sql").map(str::to_owned))
        .collect();
    names.sort();
    names
}

/// Rule ids on a `-- KEY: a, b` header line of a scenario.
fn header(sql: &str, key: &str) -> Vec<String> {
    sql.lines()
        .filter_map(|l| l.strip_prefix(&format!("-- {key}:")))
        .flat_map(|ids| ids.split(',').map(|id| id.trim().to_owned()))
        .filter(|id| !id.is_empty())
        .collect()
}

#[test]
fn every_pair_reports_the_resolved_rule_and_the_time_change() {
    let names = pairs();
    assert!(names.len() >= 5, "expected at least 5 pairs, found {names:?}");
    for name in &names {
        let after_sql = read(&format!("tests/scenarios/diff/{name}-after.sql"));
        let (resolves, keeps) = (header(&after_sql, "resolves"), header(&after_sql, "keeps"));
        assert!(!resolves.is_empty() || !keeps.is_empty(), "{name}-after.sql has no `-- resolves:` or `-- keeps:` line");
        // Both formats, and mixed: the comparison must not depend on how the plans were captured.
        for (b, a) in [("json", "json"), ("txt", "txt"), ("json", "txt"), ("txt", "json")] {
            let d = diff_files(&format!("tests/scenarios/diff/{name}-before.{b}"), &format!("tests/scenarios/diff/{name}-after.{a}"));
            let context = format!("{name} ({b} → {a}): {}", d.headline);
            for rule in &resolves {
                assert!(d.findings.resolved.iter().any(|f| &f.rule == rule), "{context}: {rule} not resolved");
                assert!(d.findings.remaining.iter().chain(&d.findings.new).all(|f| &f.rule != rule), "{context}: {rule} still there");
                assert!(d.headline.contains(rule.as_str()) && d.headline.contains(" resolved"), "{context}: headline lacks {rule}");
            }
            for rule in &keeps {
                assert!(d.findings.remaining.iter().any(|f| &f.rule == rule), "{context}: {rule} should remain");
            }
            let time = d.totals.execution_ms.expect("both plans are timed");
            assert!(time.change < 0.0 && time.percent.is_some_and(|p| p < 0.0), "{context}: no time decrease");
            assert!(d.headline.starts_with("Execution ") && d.headline.contains(" → ") && d.headline.contains("(−"), "{context}");
            // Every node of both plans appears once.
            let before_ids: Vec<usize> = d.nodes.iter().filter_map(|n| n.before.as_ref().map(|s| s.id)).collect();
            let after_ids: Vec<usize> = d.nodes.iter().filter_map(|n| n.after.as_ref().map(|s| s.id)).collect();
            assert_eq!(sorted(before_ids), (0..d.before.plan.nodes.len()).collect::<Vec<_>>(), "{context}");
            assert_eq!(sorted(after_ids), (0..d.after.plan.nodes.len()).collect::<Vec<_>>(), "{context}");
        }
    }
}

fn sorted(mut v: Vec<usize>) -> Vec<usize> {
    v.sort_unstable();
    v
}

/// Each after scenario ran the fix SQL the before plan's finding proposes today: every
/// line of that SQL is in NAME-after.sql (as run, or quoted where it could not run as is,
/// e.g. CREATE INDEX CONCURRENTLY inside run.sh's transaction).
#[test]
fn each_after_runs_the_fix_its_before_finding_proposed() {
    for name in pairs() {
        let before = format!("tests/scenarios/diff/{name}-before.json");
        let after_sql = read(&format!("tests/scenarios/diff/{name}-after.sql"));
        let report = analyze(&[Input::new(InputKind::Plan, &before, read(&before))], &Config::default());
        let named: Vec<String> = header(&after_sql, "resolves").into_iter().chain(header(&after_sql, "keeps")).collect();
        for rule in &named {
            assert!(report.findings.iter().any(|f| f.rule == rule), "{name}: the before plan has no {rule} finding");
        }
        // The first rule named is the one whose fix was run; the others go away with it.
        let rule = named.first().unwrap_or_else(|| panic!("{name}-after.sql names no rule"));
        let finding = report.findings.iter().find(|f| f.rule == rule).expect("checked above");
        let sql = finding.fix.sql.as_deref().unwrap_or_else(|| panic!("{name}: {rule} proposes no SQL"));
        for line in sql.lines().map(str::trim).filter(|l| !l.is_empty()) {
            assert!(after_sql.contains(line), "{name}-after.sql does not run `{line}` ({rule}'s fix)");
        }
    }
}

// ---- matching on reshaped trees ---------------------------------------------------------

fn fixture_diff(name: &str) -> PlanDiff {
    let dir = "crates/pgsight-core/tests/fixtures/diff";
    let find = |side: &str| {
        ["json", "txt"]
            .iter()
            .map(|ext| format!("{dir}/{name}-{side}.{ext}"))
            .find(|p| std::path::Path::new(&repo(p)).exists())
            .unwrap_or_else(|| panic!("no {name}-{side} fixture"))
    };
    diff_files(&find("before"), &find("after"))
}

/// The row whose before (or, for added nodes, after) label is `label`.
fn row<'d>(d: &'d PlanDiff, label: &str) -> &'d NodeDiff {
    d.nodes.iter().find(|n| n.before.as_ref().or(n.after.as_ref()).is_some_and(|s| s.label == label)).unwrap_or_else(|| {
        panic!(
            "no row {label} in {:#?}",
            d.nodes.iter().map(|n| (n.change, n.before.as_ref().map(|s| &s.label), n.after.as_ref().map(|s| &s.label))).collect::<Vec<_>>()
        )
    })
}

fn pair(d: &PlanDiff, before: &str) -> (Change, String) {
    let r = row(d, before);
    (r.change, r.after.as_ref().map(|s| s.label.clone()).unwrap_or_default())
}

#[test]
fn seq_scan_replaced_by_index_scan() {
    let d = fixture_diff("scan-change");
    assert_eq!(pair(&d, "Seq Scan on orders"), (Change::ScanChanged, "Index Scan using orders_customer_id_idx on orders".to_owned()));
    assert_eq!(d.nodes.len(), 1);
    assert_eq!(
        d.headline,
        "Execution 95.2 ms → 0.080 ms (−99.9%): Seq Scan on orders replaced by Index Scan using orders_customer_id_idx; seq-scan-selective-filter resolved"
    );
    let rows = d.nodes[0].rows.expect("rows");
    assert_eq!((rows.before, rows.after, rows.change), (10.0, 10.0, 0.0));
    let shared = d.nodes[0].shared_blocks.expect("buffers");
    assert_eq!((shared.before, shared.after), (12334.0, 13.0));
}

#[test]
fn join_method_changed() {
    let d = fixture_diff("join-change");
    assert_eq!(pair(&d, "Nested Loop"), (Change::JoinChanged, "Hash Join".to_owned()));
    assert_eq!(pair(&d, "Seq Scan on invoices i"), (Change::Same, "Seq Scan on invoices i".to_owned()));
    assert_eq!(pair(&d, "Index Scan using customers_pkey on customers c"), (Change::ScanChanged, "Seq Scan on customers c".to_owned()));
    assert_eq!(row(&d, "Hash").change, Change::Added);
    let loops = d.totals.loops.expect("loops");
    assert_eq!((loops.before, loops.after), (50002.0, 4.0));
    assert!(d.headline.starts_with("Execution 320 ms → 72.0 ms (−78%): Nested Loop replaced by Hash Join, "), "{}", d.headline);
}

#[test]
fn sort_replaced_by_an_ordered_index_scan() {
    let d = fixture_diff("sort-to-index");
    assert_eq!(pair(&d, "Limit"), (Change::Same, "Limit".to_owned()));
    assert_eq!(row(&d, "Sort").change, Change::Removed);
    assert_eq!(pair(&d, "Seq Scan on orders"), (Change::ScanChanged, "Index Scan using orders_created_at_idx on orders".to_owned()));
    // Merged tree: the removed Sort sits under the Limit it hung from, before the scan.
    let order: Vec<(Change, usize)> = d.nodes.iter().map(|n| (n.change, n.depth)).collect();
    assert_eq!(order, [(Change::Same, 0), (Change::Removed, 1), (Change::ScanChanged, 1)]);
    assert!(d.headline.contains("Seq Scan on orders replaced by Index Scan using orders_created_at_idx, Sort removed"), "{}", d.headline);
}

#[test]
fn gather_and_partial_aggregate_added() {
    let d = fixture_diff("gather-added");
    assert_eq!(pair(&d, "Aggregate"), (Change::Replaced, "Finalize Aggregate".to_owned()));
    assert_eq!(row(&d, "Gather").change, Change::Added);
    assert_eq!(row(&d, "Partial Aggregate").change, Change::Added);
    assert_eq!(pair(&d, "Seq Scan on events"), (Change::ScanChanged, "Parallel Seq Scan on events".to_owned()));
    // Time and loops of a parallel node: wall time, loops of all processes.
    let scan = row(&d, "Seq Scan on events");
    assert_eq!(scan.loops.map(|l| (l.before, l.after)), Some((1.0, 3.0)));
    assert!(scan.time_ms.is_some_and(|t| (t.after - 35.0).abs() < 1e-9 && t.change < 0.0));
}

#[test]
fn join_order_changed() {
    let d = fixture_diff("join-order");
    // The top join covers the same three relations; the inner joins pair other relations.
    assert_eq!(d.nodes[0].change, Change::Same);
    let inner: Vec<Change> = d
        .nodes
        .iter()
        .filter(|n| n.before.as_ref().or(n.after.as_ref()).is_some_and(|s| s.label == "Hash Join"))
        .map(|n| n.change)
        .collect();
    assert_eq!(inner, [Change::Same, Change::Removed, Change::Added]);
    for scan in ["Seq Scan on a", "Seq Scan on b", "Seq Scan on c"] {
        let (change, after) = pair(&d, scan);
        assert_eq!(after, scan, "{scan} is matched");
        assert!(matches!(change, Change::Same | Change::Moved), "{scan}: {change:?}");
    }
    // Each Hash stays with the relation it hashes.
    for n in d.matched().filter(|n| n.before.as_ref().is_some_and(|s| s.label == "Hash")) {
        let (b, a) = (n.before.as_ref().expect("b").id, n.after.as_ref().expect("a").id);
        let child =
            |plan: &pgsight_core::report::PlanView, id: usize| plan.nodes.iter().find(|c| c.parent == Some(id)).map(|c| c.label.clone());
        assert_eq!(child(&d.before.plan, b), child(&d.after.plan, a));
    }
}

#[test]
fn self_join_keeps_aliases_apart() {
    let d = fixture_diff("self-join");
    assert_eq!(pair(&d, "Hash Join"), (Change::JoinChanged, "Nested Loop".to_owned()));
    assert_eq!(
        pair(&d, "Seq Scan on nodes child"),
        (Change::ScanChanged, "Index Scan using nodes_parent_id_idx on nodes child".to_owned())
    );
    assert_eq!(pair(&d, "Seq Scan on nodes parent"), (Change::ScanChanged, "Index Scan using nodes_kind_idx on nodes parent".to_owned()));
    assert_eq!(row(&d, "Hash").change, Change::Removed);
}

#[test]
fn real_not_in_rewrite_moves_the_outer_scan_under_the_anti_join() {
    let d = diff_files("tests/scenarios/diff/not-in-not-exists-before.json", "tests/scenarios/diff/not-in-not-exists-after.json");
    assert_eq!(pair(&d, "Seq Scan on public.customers c"), (Change::Moved, "Seq Scan on public.customers c".to_owned()));
    assert_eq!(row(&d, "Materialize").change, Change::Removed);
    assert_eq!(row(&d, "Nested Loop Anti Join").change, Change::Added);
    assert_eq!(row(&d, "Index Scan using orders_created_at_idx on public.orders o").change, Change::ScanChanged);
}

#[test]
fn findings_are_paired_by_rule_and_matched_node() {
    let d = diff_files(
        "tests/scenarios/diff/sort-spill-parallel-work-mem-before.json",
        "tests/scenarios/diff/sort-spill-parallel-work-mem-after.json",
    );
    // The Sort is the same node: its spill remains, on both sides.
    let spill = d.findings.remaining.iter().find(|f| f.rule == "sort-spill").expect("sort-spill remains");
    assert_eq!(spill.before.as_ref().and_then(|s| s.node_label.as_deref()), Some("Sort"));
    assert_eq!(spill.after.as_ref().and_then(|s| s.node_label.as_deref()), Some("Sort"));
    // The scan finding is gone with the Seq Scan; a document-level finding stays.
    assert!(d.findings.resolved.iter().any(|f| f.rule == "seq-scan-selective-filter"));
    assert!(d
        .findings
        .remaining
        .iter()
        .any(|f| f.rule == "planner-settings-changed" && f.before.as_ref().is_some_and(|s| s.node.is_none())));
    // Indexes point into each side's findings.
    for f in d.findings.resolved.iter().chain(&d.findings.remaining) {
        let site = f.before.as_ref().expect("before site");
        assert_eq!(d.before.findings[site.finding].rule, f.rule);
    }
}

// ---- big plans --------------------------------------------------------------------------

/// A plan with `width` partitions under an Append, `depth` Limits above it, as JSON.
fn big_plan(depth: usize, width: usize, scan: &str, reverse: bool) -> String {
    let mut text = String::from("[{\"Plan\": ");
    for _ in 0..depth {
        text.push_str(r#"{"Node Type": "Limit", "Actual Total Time": 1, "Actual Loops": 1, "Actual Rows": 1, "Plan Rows": 1, "Plans": ["#);
    }
    text.push_str(r#"{"Node Type": "Append", "Actual Total Time": 1, "Actual Loops": 1, "Actual Rows": 1, "Plan Rows": 1, "Plans": ["#);
    let mut parts: Vec<usize> = (0..width).collect();
    if reverse {
        parts.reverse();
    }
    let scans: Vec<String> = parts
        .iter()
        .map(|i| format!(r#"{{"Node Type": "{scan}", "Relation Name": "p{i}", "Alias": "p{i}", "Actual Total Time": 0.001, "Actual Loops": 1, "Actual Rows": 1, "Plan Rows": 1}}"#))
        .collect();
    text.push_str(&scans.join(","));
    text.push_str("]}");
    for _ in 0..depth {
        text.push_str("]}");
    }
    text.push_str(", \"Execution Time\": 1}]");
    text
}

#[test]
fn ten_thousand_levels_and_ten_thousand_partitions() {
    let config = Config::default();
    // Deep: every node of a 10,000-level chain matched, without recursion.
    let before = big_plan(10_000, 2, "Seq Scan", false);
    let after = big_plan(10_000, 2, "Index Scan", false);
    let d = pgsight_core::diff::diff_plans(&before, &after, &config).expect("deep diff");
    assert_eq!(d.nodes.iter().filter(|n| n.change == Change::Same).count(), 10_001);
    assert_eq!(d.nodes.iter().filter(|n| n.change == Change::ScanChanged).count(), 2);
    // Wide: 10,000 partitions in the other order, matched by relation (near-linear).
    let start = std::time::Instant::now();
    let before = big_plan(1, 10_000, "Seq Scan", false);
    let after = big_plan(1, 10_000, "Seq Scan", true);
    let d = pgsight_core::diff::diff_plans(&before, &after, &config).expect("wide diff");
    assert!(d.nodes.iter().all(|n| n.before.is_some() && n.after.is_some()), "every partition matched");
    assert!(start.elapsed().as_secs() < 20, "matching 10,000 partitions took {:?}", start.elapsed());
}
