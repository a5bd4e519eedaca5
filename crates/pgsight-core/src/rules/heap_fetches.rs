use super::advice::vacuum_risk;
use super::fixsql::quote_qualified;
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds an Index Only Scan that had to visit the table anyway: `Heap Fetches` at
    /// least 10% of the rows it returned, and at least 1,000.
    ///
    /// ## Why it matters
    /// An index-only scan skips the table only for pages the visibility map marks
    /// all-visible. VACUUM sets those marks; every write clears them. On pages written
    /// since the last VACUUM, each row costs an extra random read of the table, and
    /// the scan is an ordinary index scan in disguise.
    ///
    /// ## Example
    /// ```text
    /// Index Only Scan using orders_created_at_idx on orders  (actual ... rows=50000 loops=1)
    ///   Index Cond: (created_at >= '2024-01-01')
    ///   Heap Fetches: 48211
    /// ```
    ///
    /// ## Fix
    /// VACUUM the table to set the visibility map, then let autovacuum visit it more
    /// often, including after inserts (PostgreSQL 13+), so the map stays current:
    /// ```sql
    /// VACUUM (ANALYZE) public.orders;
    /// ALTER TABLE public.orders SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
    /// ```
    /// If VACUUM leaves the fetches high, an old open transaction or a replication
    /// slot is holding back the rows it may mark visible.
    id: "heap-fetches",
    category: Plan,
    severity: Warning,
    summary: "An index-only scan that still fetched many rows from the table",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Heap fetches as a share of the rows returned (over all loops).
    pub min_share: f64,
    /// Heap fetches in total.
    pub min_fetches: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_share: 0.1, min_fetches: 1_000.0 }
    }
}

/// Per-table autovacuum scale factors proposed (the defaults are 0.2 and 0.2: a
/// vacuum after a fifth of the table changed).
const VACUUM_SCALE_FACTOR: &str = "0.01";
const INSERT_SCALE_FACTOR: &str = "0.01";

/// Heap fetches over all loops and processes.
///
/// Unlike `Rows Removed by Filter` (explain.c's `show_instrumentation_count`, which
/// divides by the loop count), PostgreSQL prints `Heap Fetches` as the raw
/// `instrument->ntuples2` counter: the total over all loops, and over all parallel
/// workers too (`InstrAggNode` adds theirs into the node's counters). So it is *not*
/// multiplied by `Actual Loops`. (PostgreSQL 15's explain.c:
/// `ExplainPropertyFloat("Heap Fetches", NULL, planstate->instrument->ntuples2, 0, es)`.)
pub fn total_heap_fetches(node: &PlanNode) -> f64 {
    node.fields.heap_fetches.unwrap_or(0.0)
}

/// True when the rule fires on this node with thresholds `t`; read-inefficiency uses
/// it to leave the node to this rule.
pub fn fires_on(plan: &AnalyzedPlan, id: NodeId, t: &Thresholds) -> bool {
    let node = &plan.doc.plan.nodes[id];
    if node.node_type() != "Index Only Scan" {
        return false;
    }
    let fetches = total_heap_fetches(node);
    let returned = plan.metrics.node(id).actual_rows_total.unwrap_or(0.0);
    fetches >= t.min_fetches && fetches >= t.min_share * returned
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, _) in plan.nodes() {
            if fires_on(plan, id, &t) {
                out.push(finding(plan, id, node));
            }
        }
    }
}

fn finding(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode) -> Finding {
    let m = plan.metrics.node(id);
    let fetches = total_heap_fetches(node);
    let returned = m.actual_rows_total.unwrap_or(0.0);
    let table = node.qualified_relation().unwrap_or_else(|| "?".to_owned());
    let label = node.label();
    let share = if returned > 0.0 { fetches / returned } else { 1.0 };
    let how_many = if fetches >= returned {
        format!(
            "visited {table} {} times while returning {} rows: every row needed a visit to the table, and index entries of rows updated or deleted since added more",
            count(fetches),
            count(returned)
        )
    } else {
        format!("went to {table} for {} of the {} rows it returned ({})", count(fetches), count(returned), percent(share))
    };
    let mut f = Finding::new(
        &META,
        format!("{label} fetched {} rows from the table", count(fetches)),
        format!(
            "This index-only scan {how_many}. Those rows sit on pages the visibility map does not mark all-visible: \
             they changed since the last VACUUM, so PostgreSQL must check each row's visibility in the table."
        ),
    )
    .location(plan.location(id));
    if let Some(cond) = &node.fields.index_cond {
        f = f.evidence("Index Cond", cond.clone());
    }
    f = f.evidence("Heap Fetches", count(fetches)).evidence("Actual Rows", count(returned));
    if node.loops() > 1.0 {
        f = f.evidence("Actual Loops", count(node.loops()));
    }
    let blocks = m.exclusive_buffers.shared_total();
    if blocks > 0.0 {
        f = f.evidence("Shared blocks (hit + read)", count(blocks));
    }
    if let Some(t) = m.exclusive_ms {
        f = f.evidence("Time in node", ms(t));
    }
    let text = match (m.exclusive_ms, m.exclusive_share) {
        (Some(t), Some(share)) => format!(
            "The scan takes {} ({} of execution time). With the visibility map current it skips up to {} visits to the table, most of them random reads.",
            ms(t),
            percent(share),
            count(fetches)
        ),
        _ => format!("With the visibility map current the scan skips up to {} visits to the table.", count(fetches)),
    };
    f = f.impact(Impact { text, time_share: m.exclusive_share, time_ms: m.exclusive_ms, rows: Some(fetches) });

    let t = quote_qualified(&table);
    f.fix(
        Some(format!(
            "VACUUM (ANALYZE) {t};\nALTER TABLE {t} SET (autovacuum_vacuum_scale_factor = {VACUUM_SCALE_FACTOR}, autovacuum_vacuum_insert_scale_factor = {INSERT_SCALE_FACTOR});"
        )),
        format!(
            "VACUUM marks the pages of {table} all-visible now; the autovacuum settings make it come back after 1% of the table changed \
             or was inserted instead of the default 20%, so the map stays current (autovacuum_vacuum_insert_scale_factor needs PostgreSQL 13+). \
             If the heap fetches stay high after VACUUM, an old open transaction or a replication slot holds back the rows it can mark visible."
        ),
    )
    .risk(format!(
        "{} The ALTER TABLE takes the same lock for a moment; afterwards autovacuum runs more often on {table}, which adds background I/O.",
        vacuum_risk(&table)
    ))
    .rollback(
        Some(format!("ALTER TABLE {t} RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_scale_factor);")),
        "Returns the table to the server-wide autovacuum settings. The VACUUM itself needs no undo.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn fires_on_heap_fetches_stale_visibility_map() {
        let findings = findings_for_fixture("tests/scenarios/heap-fetches-stale-visibility-map.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn text_and_json_agree_on_heap_fetches_stale_visibility_map() {
        let json = findings_for_fixture("tests/scenarios/heap-fetches-stale-visibility-map.json", META.id);
        let text = findings_for_fixture("tests/scenarios/heap-fetches-stale-visibility-map.txt", META.id);
        assert_eq!(json.len(), text.len(), "{text:#?}");
        assert_eq!(json[0].location.node_label, text[0].location.node_label);
        assert_eq!(json[0].fix.sql, text[0].fix.sql);
    }

    #[test]
    fn quiet_on_clean_plans() {
        for path in crate::rules::advice::clean_scenarios() {
            let findings = findings_for_fixture(&path, META.id);
            assert!(findings.is_empty(), "{path}: {findings:#?}");
        }
    }

    #[test]
    fn heap_fetches_are_a_total_not_per_loop() {
        // Heap Fetches: 1500 over 10 loops of 100 rows: 1,500 fetches for 1,000 rows,
        // not 15,000.
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/heap-fetches/inner-loops-total-fetches.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(findings[0].evidence.iter().any(|e| e.label == "Heap Fetches" && e.value == "1,500"));
        assert!(findings[0].evidence.iter().any(|e| e.label == "Actual Rows" && e.value == "1,000"));
    }
}
