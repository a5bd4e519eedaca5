use super::advice::index_for_filter;
use super::catalog_check;
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::PlanNode;
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds a sequential scan whose `Filter` throws away most of the rows it reads:
    /// at least 90% of them, and at least 1,000 rows over all loops and workers.
    ///
    /// ## Why it matters
    /// A Seq Scan reads every row of the table to keep a few. Its cost grows with the
    /// table, not with the result: a query that returns 10 rows from a 1M-row table
    /// reads all 1M, every time. An index on the filtered columns reads only the rows
    /// that match.
    ///
    /// ## Example
    /// ```text
    /// Seq Scan on orders  (actual time=0.02..412.7 rows=12 loops=1)
    ///   Filter: ((customer_id = 42) AND (status = 'open'::text))
    ///   Rows Removed by Filter: 999988
    /// ```
    ///
    /// ## Fix
    /// An index on the filtered columns, equality columns first and range columns
    /// last, built without blocking writes:
    /// ```sql
    /// CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id) WHERE status = 'open';
    /// ```
    /// A constant boolean or status test becomes the predicate of a partial index,
    /// which is smaller and only holds the rows the query looks for.
    id: "seq-scan-selective-filter",
    category: Plan,
    severity: Warning,
    summary: "A Seq Scan whose filter discards most of the rows it reads",
    thresholds: Thresholds,
}

/// Defaults from RULES.md.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Share of read rows the filter removes.
    pub min_removed_share: f64,
    /// Rows removed over all loops.
    pub min_removed_rows: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_removed_share: 0.9, min_removed_rows: 1_000.0 }
    }
}

impl Thresholds {
    /// Whether this scan is one the rule reports (read-inefficiency defers to it).
    pub fn fires_on(&self, node: &PlanNode) -> bool {
        if !matches!(node.node_type(), "Seq Scan" | "Parallel Seq Scan") || node.fields.filter.is_none() {
            return false;
        }
        let removed = node.fields.rows_removed_by_filter.unwrap_or(0.0) * node.loops();
        let read = removed + node.fields.actual_rows.unwrap_or(0.0) * node.loops();
        removed >= self.min_removed_rows && read > 0.0 && removed / read >= self.min_removed_share
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, m) in plan.nodes() {
            if !matches!(node.node_type(), "Seq Scan" | "Parallel Seq Scan") {
                continue;
            }
            let (Some(filter), Some(returned)) = (node.fields.filter.as_deref(), m.actual_rows_total) else {
                continue;
            };
            let removed = node.fields.rows_removed_by_filter.unwrap_or(0.0) * node.loops();
            let read = removed + returned;
            if removed < t.min_removed_rows || read <= 0.0 || removed / read < t.min_removed_share {
                continue;
            }
            out.push(finding(ctx, plan, id, node, filter, removed, returned));
        }
    }
}

fn finding(ctx: &Context, plan: &AnalyzedPlan, id: usize, node: &PlanNode, filter: &str, removed: f64, returned: f64) -> Finding {
    let m = plan.metrics.node(id);
    let table = node.qualified_relation().unwrap_or_else(|| "?".to_owned());
    let read = removed + returned;
    let share_removed = removed / read;
    let mut f = Finding::new(
        &META,
        format!("Seq Scan on {table} discards {} of the rows it reads", percent(share_removed)),
        format!(
            "The sequential scan on {table} reads {} rows and its filter throws {} of them away to return {}. \
             An index on the filtered columns would read only the matching rows.",
            count(read),
            count(removed),
            count(returned)
        ),
    )
    .location(plan.location(id))
    .evidence("Filter", filter)
    .evidence("Rows Removed by Filter", count(removed))
    .evidence("Actual Rows", count(returned));
    if let Some(rows) = crate::snapshot::plan_table_rows(ctx, node) {
        f.message.push_str(&format!(" {table} has {} rows (health snapshot): this Seq Scan reads all of them every time.", count(rows)));
        f = f.evidence("Table rows (snapshot)", count(rows));
    }
    if node.loops() > 1.0 {
        f = f.evidence("Actual Loops", count(node.loops()));
    }
    if let Some(t) = m.exclusive_ms {
        f = f.evidence("Time in node", ms(t));
    }
    let impact_text = match (m.exclusive_ms, m.exclusive_share) {
        (Some(t), Some(share)) => format!(
            "This scan takes {} ({} of execution time). With an index it reads about {} rows instead of {}.",
            ms(t),
            percent(share),
            count(returned),
            count(read)
        ),
        _ => format!("With an index the scan reads about {} rows instead of {}.", count(returned), count(read)),
    };
    f = f.impact(Impact { text: impact_text, time_share: m.exclusive_share, time_ms: m.exclusive_ms, rows: Some(removed) });

    match index_for_filter(node, &table, filter) {
        Some(advice) => catalog_check::apply_checked(ctx, f, advice, &table),
        None => f
            .fix(None, "The filter has no column-versus-constant test an index can serve as written; rewrite it on the bare columns, or index the expression it uses.")
            .risk("None until a change is made.")
            .rollback(None, "Nothing to undo."),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn fires_on_selective_seq_scan() {
        let findings = findings_for_fixture("tests/scenarios/seq-scan-orders-status.json", super::META.id);
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn text_and_json_agree() {
        let json = findings_for_fixture("tests/scenarios/seq-scan-orders-status.json", super::META.id);
        let text = findings_for_fixture("tests/scenarios/seq-scan-orders-status.txt", super::META.id);
        assert_eq!(json.len(), text.len());
        assert_eq!(json[0].fix, text[0].fix);
    }

    #[test]
    fn quiet_when_filter_keeps_most_rows() {
        assert!(findings_for_fixture("tests/scenarios/clean-pk-lookup.json", super::META.id).is_empty());
    }
}
