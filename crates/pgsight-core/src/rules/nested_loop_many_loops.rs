use super::advice::index_for_conditions;
use super::catalog_check;
use super::fixsql::quote_qualified;
use super::format::{count, factor, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::metrics::EstimateDirection;
use crate::plan::predicate::{join_keys, ColumnRef};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds a Nested Loop whose inner side runs at least 1,000 times and whose
    /// subtree takes at least 10% of the execution time. What it proposes depends on
    /// the inner side: an index on the join key when the inner side scans and filters
    /// on it; else the outer side's row estimate, when it is off; else a comparison
    /// with a hash join.
    ///
    /// ## Why it matters
    /// A nested loop runs its inner side once per outer row. That is the best plan for
    /// a few outer rows and an index lookup inside; it is the worst when the inner side
    /// scans a table each time, or when the planner expected 10 outer rows and 50,000
    /// came.
    ///
    /// ## Example
    /// ```text
    /// Nested Loop  (actual time=0.05..2210.4 rows=3000 loops=1)
    ///   ->  Seq Scan on orders o  (actual rows=1000 loops=1)
    ///   ->  Seq Scan on order_items oi  (actual rows=3 loops=1000)
    ///         Filter: (order_id = o.id)
    ///         Rows Removed by Filter: 599997
    /// ```
    ///
    /// ## Fix
    /// An index on the inner table's join key turns each loop into a lookup:
    /// ```sql
    /// CREATE INDEX CONCURRENTLY order_items_order_id_idx ON order_items (order_id);
    /// ```
    /// When the plan was made with `enable_hashjoin` or `enable_mergejoin` off, reset
    /// them. When the inner side is already an index lookup, refresh the statistics of
    /// the outer side's tables if its estimate is off (`ANALYZE orders;`), or compare
    /// with a hash join in a test session (`SET enable_nestloop = off`, never
    /// server-wide). When no index serves the join condition (an inner side re-read on
    /// every loop), rewrite it as equalities a hash join can use.
    id: "nested-loop-many-loops",
    category: Plan,
    severity: Warning,
    summary: "A nested loop that runs its inner side thousands of times",
    thresholds: Thresholds,
}

/// Defaults from RULES.md.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Executions of the inner side, over all workers.
    pub min_inner_loops: f64,
    /// Share of execution time in the Nested Loop and its subtree.
    pub min_subtree_share: f64,
    /// Outer-side misestimate (planned vs actual rows) that makes statistics the fix.
    pub outer_misestimate_factor: f64,
    /// Milliseconds in the Nested Loop and its subtree: below this, the loops are cheap
    /// whatever their share.
    pub min_subtree_ms: f64,
}

pub const THRESHOLDS: Thresholds = Thresholds { min_inner_loops: 1_000.0, min_subtree_share: 0.1, outer_misestimate_factor: 10.0, min_subtree_ms: 1.0 };

impl Default for Thresholds {
    fn default() -> Self {
        THRESHOLDS
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, m) in plan.nodes() {
            if node.node_type() != "Nested Loop" {
                continue;
            }
            let Some((outer, inner)) = sides(plan, node) else { continue };
            let inner_loops = plan.doc.plan.nodes[inner].loops();
            if !plan.doc.plan.nodes[inner].executed()
                || inner_loops < t.min_inner_loops
                || m.inclusive_share.unwrap_or(0.0) < t.min_subtree_share
                || m.inclusive_ms.unwrap_or(0.0) < t.min_subtree_ms
            {
                continue;
            }
            out.push(finding(ctx, plan, id, node, outer, inner, &t));
        }
    }
}

/// The outer and inner child, by Parent Relationship, else by position.
fn sides(plan: &AnalyzedPlan, node: &PlanNode) -> Option<(NodeId, NodeId)> {
    let nodes = &plan.doc.plan.nodes;
    let joined: Vec<NodeId> = node
        .children
        .iter()
        .copied()
        .filter(|&c| !matches!(nodes[c].fields.parent_relationship.as_deref(), Some("InitPlan" | "SubPlan")))
        .collect();
    let by = |rel: &str| joined.iter().copied().find(|&c| nodes[c].fields.parent_relationship.as_deref() == Some(rel));
    match (by("Outer"), by("Inner")) {
        (Some(o), Some(i)) => Some((o, i)),
        _ if joined.len() == 2 => Some((joined[0], joined[1])),
        _ => None,
    }
}

/// The table scan at the top of the inner side, through Materialize, Memoize and
/// other single-input nodes.
fn inner_scan(plan: &AnalyzedPlan, mut id: NodeId) -> Option<NodeId> {
    let nodes = &plan.doc.plan.nodes;
    loop {
        let n = &nodes[id];
        if n.fields.relation_name.is_some() {
            return Some(id);
        }
        let inputs: Vec<NodeId> = n
            .children
            .iter()
            .copied()
            .filter(|&c| !matches!(nodes[c].fields.parent_relationship.as_deref(), Some("InitPlan" | "SubPlan")))
            .collect();
        match inputs.as_slice() {
            [only] => id = *only,
            _ => return None,
        }
    }
}

/// `1 row`, `19 rows`.
fn rows(n: f64) -> String {
    format!("{} row{}", count(n), if n == 1.0 { "" } else { "s" })
}

fn is_own(scan: &PlanNode, c: &ColumnRef) -> bool {
    match c.qualifier.as_deref() {
        None => true,
        Some(q) => Some(q) == scan.fields.alias.as_deref() || Some(q) == scan.fields.relation_name.as_deref(),
    }
}

fn finding(ctx: &Context, plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, outer: NodeId, inner: NodeId, t: &Thresholds) -> Finding {
    let nodes = &plan.doc.plan.nodes;
    let m = plan.metrics.node(id);
    let (outer_node, inner_node) = (&nodes[outer], &nodes[inner]);
    let (om, im) = (plan.metrics.node(outer), plan.metrics.node(inner));
    let loops = inner_node.loops();
    let outer_rows = om.actual_rows_total.unwrap_or(0.0);
    let inner_label = inner_node.label();
    let outer_label = outer_node.label();
    let subtree = match (m.inclusive_ms, m.inclusive_share) {
        (Some(time), Some(share)) => format!(" The join takes {} ({} of execution time).", ms(time), percent(share)),
        _ => String::new(),
    };
    let mut f = Finding::new(
        &META,
        format!("Nested Loop runs {inner_label} {} times", count(loops)),
        format!(
            "The nested loop runs its inner side ({inner_label}) {} times, once per row of its outer side ({outer_label}, {} rows).{subtree}",
            count(loops),
            count(outer_rows)
        ),
    )
    .location(plan.location(id))
    .evidence("Inner side", inner_label.clone())
    .evidence("Inner Actual Loops", count(loops))
    .evidence("Outer side", outer_label.clone())
    .evidence("Outer Plan Rows", count(outer_node.fields.plan_rows.unwrap_or(0.0)))
    .evidence("Outer Actual Rows", count(outer_node.fields.actual_rows.unwrap_or(0.0)));
    if outer_node.loops() > 1.0 {
        f = f.evidence("Outer Actual Loops", count(outer_node.loops()));
    }
    if let Some(jf) = &node.fields.join_filter {
        f = f.evidence("Join Filter", jf.clone());
        if let Some(r) = node.fields.rows_removed_by_join_filter {
            f = f.evidence("Rows Removed by Join Filter", count(r * node.loops()));
        }
    }
    let scan = inner_scan(plan, inner);
    if let Some(s) = scan {
        let sn = &nodes[s];
        for (label, cond) in [("Inner Index Cond", &sn.fields.index_cond), ("Inner Recheck Cond", &sn.fields.recheck_cond), ("Inner Filter", &sn.fields.filter)] {
            if let Some(cond) = cond {
                f = f.evidence(label, cond.clone());
            }
        }
        if let Some(r) = sn.fields.rows_removed_by_filter {
            f = f.evidence("Inner Rows Removed by Filter", count(r * sn.loops()));
        }
    }
    if let (Some(hits), Some(misses)) = (inner_node.fields.cache_hits, inner_node.fields.cache_misses) {
        f = f.evidence("Memoize Cache Hits / Misses", format!("{} / {}", count(hits), count(misses)));
    }
    if let Some(time) = im.inclusive_ms {
        f = f.evidence("Inner side time", format!("{} over {} loops ({} per loop)", ms(time), count(loops), ms(time / loops.max(1.0))));
    }

    // 1. The inner side scans and filters on the join key: index it.
    if let Some(s) = scan {
        let sn = &nodes[s];
        let filtered_on_key = [sn.fields.filter.as_deref(), node.fields.join_filter.as_deref()]
            .into_iter()
            .flatten()
            .flat_map(join_keys)
            .find(|(a, b)| is_own(sn, a) != is_own(sn, b));
        if let (Some((a, b)), Some(table)) = (filtered_on_key, sn.qualified_relation()) {
            let key = if is_own(sn, &a) { a.name } else { b.name };
            // The scan's own filter counts only when it discards rows.
            let scan_filter = sn.fields.filter.as_deref().filter(|_| sn.fields.rows_removed_by_filter.unwrap_or(0.0) > 0.0);
            let conditions: Vec<&str> = [
                sn.fields.index_cond.as_deref(),
                sn.fields.recheck_cond.as_deref(),
                scan_filter,
                node.fields.join_filter.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            if let Some(advice) = index_for_conditions(sn, &table, &conditions) {
                // Rows the inner side went through and threw away, over all loops: the
                // scan's filter and the join filter above it.
                let discarded = plan.metrics.nodes[s].rows_removed_total + node.fields.rows_removed_by_join_filter.unwrap_or(0.0) * node.loops();
                let kept = m.actual_rows_total.unwrap_or(0.0);
                let impact = match im.inclusive_ms {
                    Some(time) => format!(
                        "The inner side takes {} over {} loops and goes through {} rows to match {}. With an index on {key} each loop reads only its matching rows: about {} in all instead of {}.",
                        ms(time),
                        count(loops),
                        count(discarded + kept),
                        count(kept),
                        count(kept),
                        count(discarded + kept)
                    ),
                    None => format!("With an index on {key} each of the {} loops becomes a lookup of its matching rows.", count(loops)),
                };
                let mut advice = advice;
                advice.explanation = format!(
                    "The inner side compares {table}.{key} with the outer row in a filter, so every loop reads rows it then discards. {}",
                    advice.explanation
                );
                let used: Vec<String> = sn.fields.index_name.iter().cloned().collect();
                return catalog_check::apply_checked_except(ctx, f, advice, &table, &used)
                    .impact(Impact { text: impact, time_share: m.inclusive_share, time_ms: im.inclusive_ms, rows: Some(discarded) });
            }
        }
    }

    let impact = Impact {
        text: match (m.inclusive_ms, m.inclusive_share) {
            (Some(time), Some(share)) => format!(
                "The join and its inputs take {} ({} of execution time); a join method chosen for {} outer rows would avoid most of the {} inner loops.",
                ms(time),
                percent(share),
                count(outer_rows),
                count(loops)
            ),
            _ => format!("A join method chosen for {} outer rows would avoid most of the {} inner loops.", count(outer_rows), count(loops)),
        },
        time_share: m.inclusive_share,
        time_ms: m.inclusive_ms,
        rows: None,
    };
    let f = f.impact(impact);

    // 2. The session disabled the other join methods: the nested loop was the only choice.
    let disabled: Vec<&str> = plan
        .doc
        .settings()
        .into_iter()
        .filter(|(k, v)| matches!(*k, "enable_hashjoin" | "enable_mergejoin") && v.eq_ignore_ascii_case("off"))
        .map(|(k, _)| k)
        .collect();
    if !disabled.is_empty() {
        let listed = disabled.iter().map(|k| format!("{k} = off")).collect::<Vec<_>>().join(" and ");
        let reset = disabled.iter().map(|k| format!("RESET {k};")).collect::<Vec<_>>().join("\n");
        let set_again = disabled.iter().map(|k| format!("SET {k} = off;")).collect::<Vec<_>>().join("\n");
        return f
            .evidence("Settings", listed.clone())
            .fix(
                Some(reset),
                format!(
                    "The plan was made with {listed}, so {} for {} outer rows. Reset the setting{} and capture the plan again; with {} outer rows a hash join usually reads the inner table once instead of probing it {} times. If production sets it too (postgresql.conf, ALTER ROLE or ALTER DATABASE ... SET), remove it there.",
                    match disabled.as_slice() {
                        [_, _] => "the nested loop was the only join method left".to_owned(),
                        [one] => format!("the planner could not choose a {} join", if *one == "enable_hashjoin" { "hash" } else { "merge" }),
                        _ => String::new(),
                    },
                    count(outer_rows),
                    if disabled.len() == 1 { "" } else { "s" },
                    count(outer_rows),
                    count(loops)
                ),
            )
            .risk("RESET only changes the current session. Where the setting comes from a role or database default, removing it there changes the plans of every query of that role or database: compare their plans first.")
            .rollback(Some(set_again), "Restores the session's settings as they were for this plan.");
    }

    // 3. The planner expected far fewer outer rows: fix the estimate.
    if let Some(mis) = om.misestimate.filter(|mis| mis.direction == EstimateDirection::Under && mis.factor >= t.outer_misestimate_factor) {
        let tables = misestimated_tables(plan, outer, t);
        if !tables.is_empty() {
            let sql = tables.iter().map(|t| format!("ANALYZE {};", quote_qualified(t))).collect::<Vec<_>>().join("\n");
            let listed = tables.join(", ");
            return f
                .evidence("Outer misestimate", format!("{} (underestimated)", factor(mis.factor)))
                .fix(
                    Some(sql),
                    format!(
                        "The planner chose a nested loop because it expected {} per loop from {outer_label} and got {}. Refresh the statistics of {listed}, where the estimate goes wrong, and re-run EXPLAIN; if the estimate stays off, the row-misestimate finding on that scan proposes extended statistics. To see what a hash join would cost meanwhile, run the query in a test session after SET enable_nestloop = off (a test only, never a server setting).",
                        rows(outer_node.fields.plan_rows.unwrap_or(0.0)),
                        count(outer_node.fields.actual_rows.unwrap_or(0.0))
                    ),
                )
                .risk(format!(
                    "ANALYZE reads a sample of {listed} under a SHARE UPDATE EXCLUSIVE lock: reads and writes go on. New statistics can change other plans on {}; compare the plans of {} hot queries afterwards.",
                    if tables.len() == 1 { "this table" } else { "these tables" },
                    if tables.len() == 1 { "its" } else { "their" }
                ))
                .rollback(None, "Nothing to undo: ANALYZE only refreshes statistics.");
        }
    }

    // 4. The estimate holds: either the inner side is an index lookup run many times,
    //    or it re-reads rows on every loop because no index serves the join condition.
    let (planned, actual) = (outer_node.fields.plan_rows.unwrap_or(0.0), outer_node.fields.actual_rows.unwrap_or(0.0));
    let estimate = match om.misestimate {
        Some(mis) if mis.factor >= t.outer_misestimate_factor => format!(
            "The outer side returned far fewer rows than planned ({} planned, {} actual per loop; a LIMIT above may stop it early), so the estimate did not push the planner to a nested loop",
            count(planned),
            count(actual)
        ),
        _ => format!("The outer estimate is close ({} planned, {} actual per loop)", count(planned), count(actual)),
    };
    let lookup = scan.is_some_and(|s| {
        let sn = &nodes[s];
        [sn.fields.index_cond.as_deref(), sn.fields.recheck_cond.as_deref()]
            .into_iter()
            .flatten()
            .any(|c| mentions_outer(sn, c))
    });
    let text = if lookup {
        format!(
            "{estimate}, and the inner side ({inner_label}) is already an index lookup: {} lookups are simply many. Compare with a hash join in a test session. If it is faster, the planner's cost settings (random_page_cost, effective_cache_size) may not match this server, or the query can fetch fewer outer rows before the join; enable_nestloop = off is a diagnostic, not a fix to ship.",
            count(loops)
        )
    } else {
        let per_loop = inner_node.fields.actual_rows.unwrap_or(0.0);
        let condition = node.fields.join_filter.as_deref().map_or_else(String::new, |c| format!(" `{c}`"));
        format!(
            "{estimate}, but the inner side ({inner_label}) is no lookup: it hands over {} on each of the {} loops ({} in all) and the join condition{condition} is tested on each. No index serves that condition as written, and a hash or merge join needs an equality between columns of the two sides: rewrite the condition as such equalities (for an array, unnest it into rows and join with =), then compare with a hash join in a test session (enable_nestloop = off is a diagnostic, not a fix to ship).",
            rows(per_loop),
            count(loops),
            count(per_loop * loops)
        )
    };
    f.fix(
        Some("SET enable_nestloop = off;  -- this session only, as a test\n-- re-run EXPLAIN (ANALYZE, BUFFERS) of the query here, then:\nRESET enable_nestloop;".to_owned()),
        text,
    )
    .risk("SET only changes the current session. Left in place (or set server-wide) it pushes every query away from nested loops, including the many that need them.")
    .rollback(Some("RESET enable_nestloop;".to_owned()), "Returns the session to the server's setting.")
}

/// True when `cond`, on the inner scan, compares with a column of another relation
/// (the outer row) or a parameter: the scan is a lookup driven by the outer side.
fn mentions_outer(scan: &PlanNode, cond: &str) -> bool {
    // Literals out, then every dotted identifier read as a column.
    let mut unquoted = String::with_capacity(cond.len());
    let mut in_literal = false;
    for ch in cond.chars() {
        if ch == '\'' {
            in_literal = !in_literal;
            unquoted.push(' ');
        } else if !in_literal {
            unquoted.push(ch);
        }
    }
    unquoted.contains('$')
        || unquoted
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.' || c == '"'))
            .filter(|word| word.contains('.'))
            .filter_map(crate::plan::predicate::column_ref)
            .any(|c| c.qualifier.is_some() && !is_own(scan, &c))
}

/// Tables under `outer` whose scan underestimates rows by the threshold or more (where
/// the error starts); else every table scanned under it.
fn misestimated_tables(plan: &AnalyzedPlan, outer: NodeId, t: &Thresholds) -> Vec<String> {
    let nodes = &plan.doc.plan.nodes;
    let mut bad = Vec::new();
    let mut all = Vec::new();
    for n in plan.doc.plan.subtree(outer) {
        let Some(table) = nodes[n].qualified_relation() else { continue };
        let off = plan.metrics.nodes[n]
            .misestimate
            .is_some_and(|mis| mis.direction == EstimateDirection::Under && mis.factor >= t.outer_misestimate_factor);
        for list in [Some(&mut all), off.then_some(&mut bad)].into_iter().flatten() {
            if !list.contains(&table) {
                list.push(table.clone());
            }
        }
    }
    if bad.is_empty() {
        all
    } else {
        bad
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{findings_for_fixture, render};
    use crate::rules::index_scan_filter::tests::clean_scenarios;

    const SCENARIO: &str = "tests/scenarios/nested-loop-many-loops-disabled-joins";

    #[test]
    fn fires_on_pk_probe_per_order() {
        let findings = findings_for_fixture(&format!("{SCENARIO}.json"), super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    const FIXTURES: &str = "crates/pgsight-core/tests/fixtures/nested-loop-many-loops";

    #[test]
    fn indexes_the_join_key_an_inner_seq_scan_filters_on() {
        let findings = findings_for_fixture(&format!("{FIXTURES}/inner-seq-scan-filter.json"), super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn indexes_the_join_key_of_a_join_filter_over_materialize() {
        let findings = findings_for_fixture(&format!("{FIXTURES}/join-filter-materialize.json"), super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(
            findings[0].fix.sql.as_deref(),
            Some("CREATE INDEX CONCURRENTLY order_items_order_id_idx ON public.order_items (order_id);")
        );
    }

    /// PEV2 corpus plans 23 and 24: the same join, first as a Materialize re-read on
    /// every loop (the array condition serves no index), then as a bitmap lookup.
    #[test]
    fn tells_a_rescan_from_a_lookup() {
        let corpus = "crates/pgsight-core/tests/fixtures/pev2-from-text";
        let rescan = findings_for_fixture(&format!("{corpus}/23-plan"), super::META.id);
        assert_eq!(rescan.len(), 1, "{rescan:#?}");
        assert!(rescan[0].fix.text.contains("is no lookup: it hands over 894 rows on each of the 25,112 loops"), "{}", rescan[0].fix.text);
        let lookup = findings_for_fixture(&format!("{corpus}/24-plan"), super::META.id);
        assert_eq!(lookup.len(), 1, "{lookup:#?}");
        assert!(lookup[0].fix.text.contains("is already an index lookup"), "{}", lookup[0].fix.text);
    }

    /// PEV2 corpus plan 48: 1,000 loops through a Memoize, but 0.3 ms in all.
    #[test]
    fn quiet_when_the_loops_are_cheap() {
        assert!(findings_for_fixture("crates/pgsight-core/tests/fixtures/pev2-from-text/48-memoize-plan", super::META.id).is_empty());
    }

    /// PEV2 corpus plan 14: the outer side was planned for 1 row and 13,988 came.
    #[test]
    fn outer_misestimate_asks_for_statistics() {
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/pev2-from-text/14-plan", super::META.id);
        assert!(!findings.is_empty());
        for f in &findings {
            assert_eq!(f.fix.sql.as_deref(), Some("ANALYZE listing_search_keys;"), "{f:#?}");
        }
    }

    #[test]
    fn text_and_json_agree() {
        let json = findings_for_fixture(&format!("{SCENARIO}.json"), super::META.id);
        let text = findings_for_fixture(&format!("{SCENARIO}.txt"), super::META.id);
        assert_eq!(json.len(), text.len());
        for (j, t) in json.iter().zip(&text) {
            assert_eq!((&j.title, &j.severity, &j.fix), (&t.title, &t.severity, &t.fix));
        }
    }

    #[test]
    fn quiet_on_clean_scenarios() {
        for path in clean_scenarios() {
            let findings = findings_for_fixture(&path, super::META.id);
            assert!(findings.is_empty(), "{path}: {findings:#?}");
        }
    }
}
