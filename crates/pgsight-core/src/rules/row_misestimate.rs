use super::fixsql::{index_name, quote_ident, quote_qualified};
use super::format::{count, factor, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::metrics::{EstimateDirection, Misestimate};
use crate::plan::predicate::conjuncts;
use crate::plan::PlanNode;
use crate::report::{Finding, Impact, Severity};

declare_rule! {
    /// ## What it does
    /// Compares the rows the planner expected with the rows that came, per loop, on
    /// every executed node. It fires where they differ by 10x or more and the larger
    /// side has at least 100 rows, on the node where the error starts (not on every
    /// parent it spreads to). 100x is a warning and 1000x an error.
    ///
    /// ## Why it matters
    /// Every choice the planner makes (join method, join order, index or not, memory
    /// for sorts and hashes) rests on row estimates. A node estimated at 1 row that
    /// returns 50,000 turns a cheap nested loop into 50,000 index probes.
    ///
    /// ## Example
    /// ```text
    /// Seq Scan on orders  (cost=0.00..20406.00 rows=1 width=8) (actual ... rows=50000 loops=1)
    ///   Filter: ((city = 'Paris'::text) AND (country = 'FR'::text))
    /// ```
    ///
    /// ## Fix
    /// Refresh the statistics (`ANALYZE orders;`). When the filter ANDs two columns of
    /// one table that depend on each other, extended statistics let the planner see
    /// the correlation:
    /// ```sql
    /// CREATE STATISTICS orders_city_country_stats (dependencies, ndistinct, mcv) ON city, country FROM orders;
    /// ANALYZE orders;
    /// ```
    /// For a single skewed column, raise its statistics target.
    id: "row-misestimate",
    category: Plan,
    severity: Warning,
    summary: "The planner's row estimate is off by 10x or more",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Misestimate factor (either way) at which a node is reported, as info.
    pub min_factor: f64,
    /// Factor at which the finding is a warning.
    pub warning_factor: f64,
    /// Factor at which the finding is an error.
    pub error_factor: f64,
    /// Rows on the larger side (actual or planned, per loop).
    pub min_rows: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_factor: 10.0, warning_factor: 100.0, error_factor: 1_000.0, min_rows: 100.0 }
    }
}

/// Raised statistics target proposed for a single skewed column.
const STATISTICS_TARGET: u32 = 1_000;

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, m) in plan.nodes() {
            let Some(mis) = m.misestimate else { continue };
            let larger = node.fields.actual_rows.unwrap_or(0.0).max(node.fields.plan_rows.unwrap_or(0.0));
            if mis.factor < t.min_factor
                || larger < t.min_rows
                || inherited(plan, node, mis, t.min_factor)
                || stopped_early(plan, id, mis)
            {
                continue;
            }
            out.push(finding(plan, id, node, mis, &t));
        }
    }
}

/// True when fewer rows than planned came only because a Limit (or an EXISTS-style
/// subplan, which wants one row) above the node stopped pulling: not an estimate error.
fn stopped_early(plan: &AnalyzedPlan, id: usize, mis: Misestimate) -> bool {
    mis.direction == EstimateDirection::Over
        && plan
            .doc
            .plan
            .ancestor(id, |n| n.node_type() == "Limit" || n.fields.subplan_name.as_deref().is_some_and(|s| s.starts_with("SubPlan")))
            .is_some()
}

/// True when a child is already off the same way by a comparable factor: the error
/// started below and this node only passes it on.
fn inherited(plan: &AnalyzedPlan, node: &PlanNode, mis: Misestimate, min_factor: f64) -> bool {
    node.children.iter().any(|&c| {
        plan.metrics.nodes[c].misestimate.is_some_and(|cm| {
            cm.direction == mis.direction && cm.factor >= min_factor && mis.factor < cm.factor * min_factor
        })
    })
}

fn finding(plan: &AnalyzedPlan, id: usize, node: &PlanNode, mis: Misestimate, t: &Thresholds) -> Finding {
    let m = plan.metrics.node(id);
    let planned = node.fields.plan_rows.unwrap_or(0.0);
    let actual = node.fields.actual_rows.unwrap_or(0.0);
    let severity = if mis.factor >= t.error_factor {
        Severity::Error
    } else if mis.factor >= t.warning_factor {
        Severity::Warning
    } else {
        Severity::Info
    };
    let way = match mis.direction {
        EstimateDirection::Under => "underestimated",
        EstimateDirection::Over => "overestimated",
    };
    let label = node.label();
    let mut f = Finding::new(&META, format!("Rows {way} {} on {label}", factor(mis.factor)), format!(
        "The planner expected {} rows per loop from {label} and got {}: {way} by {}. Plans above this node were chosen for the wrong row count.",
        count(planned),
        count(actual),
        factor(mis.factor)
    ))
    .severity(severity)
    .location(plan.location(id))
    .evidence("Plan Rows", count(planned))
    .evidence("Actual Rows", count(actual))
    .evidence("Actual Loops", count(node.loops()))
    .evidence("Misestimate", format!("{} ({way})", factor(mis.factor)));
    for (label, cond) in [
        ("Filter", &node.fields.filter),
        ("Index Cond", &node.fields.index_cond),
        ("Hash Cond", &node.fields.hash_cond),
        ("Merge Cond", &node.fields.merge_cond),
        ("Join Filter", &node.fields.join_filter),
    ] {
        if let Some(cond) = cond {
            f = f.evidence(label, cond.clone());
        }
    }
    let subtree_share = m.inclusive_share;
    f = f.impact(Impact {
        text: match subtree_share {
            Some(share) => format!(
                "The plan above this node ({} of execution time is in this subtree) was costed for {} rows; accurate estimates let the planner pick join methods and memory for {}.",
                percent(share),
                count(planned),
                count(actual)
            ),
            None => format!("The plan above this node was costed for {} rows instead of {}.", count(planned), count(actual)),
        },
        time_share: subtree_share,
        time_ms: None,
        rows: None,
    });
    fix(f, plan, id, node)
}

/// Chooses the statistics fix from what the node filters on.
fn fix(f: Finding, plan: &AnalyzedPlan, id: usize, node: &PlanNode) -> Finding {
    let Some(table) = node.qualified_relation().or_else(|| scanned_table(plan, id)) else {
        return f
            .fix(None, "Refresh statistics on the tables below this node (ANALYZE), and check their join conditions for correlated columns.")
            .risk("ANALYZE reads a sample of each table under a SHARE UPDATE EXCLUSIVE lock: it does not block reads or writes.")
            .rollback(None, "Nothing to undo: ANALYZE only refreshes statistics.");
    };
    let table_sql = quote_qualified(&table);
    let own_columns: Vec<String> = node
        .fields
        .filter
        .as_deref()
        .or(node.fields.index_cond.as_deref())
        .map(conjuncts)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|c| c.column.map(|c| c.name))
        .fold(Vec::new(), |mut acc, c| {
            if !acc.contains(&c) {
                acc.push(c);
            }
            acc
        });
    let risk = format!(
        "ANALYZE reads a sample of {table} under a SHARE UPDATE EXCLUSIVE lock: reads and writes go on. New statistics can change other plans on this table; compare the plans of its hot queries afterwards."
    );
    match own_columns.as_slice() {
        [] => f
            .fix(Some(format!("ANALYZE {table_sql};")), format!("Refresh the statistics of {table}."))
            .risk(risk)
            .rollback(None, "Nothing to undo: ANALYZE only refreshes statistics."),
        [column] => {
            let col = quote_ident(column);
            f.fix(
                Some(format!("ALTER TABLE {table_sql} ALTER COLUMN {col} SET STATISTICS {STATISTICS_TARGET};\nANALYZE {table_sql};")),
                format!("Refresh the statistics of {table} with a finer histogram for {column} (the default target is 100)."),
            )
            .risk(risk)
            .rollback(
                Some(format!("ALTER TABLE {table_sql} ALTER COLUMN {col} SET STATISTICS -1;\nANALYZE {table_sql};")),
                "Returns the column to the default statistics target.",
            )
        }
        columns => {
            let name = index_name(&table, columns, "stats");
            let list = columns.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ");
            f.fix(
                Some(format!(
                    "CREATE STATISTICS {} (dependencies, ndistinct, mcv) ON {list} FROM {table_sql};\nANALYZE {table_sql};",
                    quote_ident(&name)
                )),
                format!("The filter ANDs {} columns of {table}; the planner multiplies their selectivities as if they were independent. Extended statistics record how they depend on each other.", columns.len()),
            )
            .risk(risk)
            .rollback(Some(format!("DROP STATISTICS IF EXISTS {};", quote_ident(&name))), "Drops the extended statistics.")
        }
    }
}

/// For a node with no relation (a join, an aggregate), the single table scanned
/// below it, when there is exactly one.
fn scanned_table(plan: &AnalyzedPlan, id: usize) -> Option<String> {
    let mut tables: Vec<String> = plan.doc.plan.subtree(id).filter_map(|n| plan.doc.plan.nodes[n].qualified_relation()).collect();
    tables.dedup();
    match tables.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn fires_on_correlated_columns() {
        let findings = findings_for_fixture("tests/scenarios/misestimate-correlated.json", super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn rows_cut_short_by_a_limit_are_not_a_misestimate() {
        assert!(findings_for_fixture("tests/scenarios/clean-keyset-page.json", super::META.id).is_empty());
    }

    #[test]
    fn stale_statistics_are_an_error_at_50000x() {
        let findings = findings_for_fixture("tests/scenarios/row-misestimate-stale-statistics.json", super::META.id);
        assert!(findings.iter().any(|f| f.severity == crate::Severity::Error), "{findings:#?}");
        let text = findings_for_fixture("tests/scenarios/row-misestimate-stale-statistics.txt", super::META.id);
        assert_eq!(findings.iter().map(|f| &f.title).collect::<Vec<_>>(), text.iter().map(|f| &f.title).collect::<Vec<_>>());
    }

    #[test]
    fn quiet_on_accurate_estimates() {
        assert!(findings_for_fixture("tests/scenarios/clean-pk-lookup.json", super::META.id).is_empty());
    }
}
