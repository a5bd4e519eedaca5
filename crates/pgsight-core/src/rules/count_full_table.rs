use super::fixsql::quote_qualified;
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds a `count(*)` (or `count(col)`) over a whole table: an ungrouped plain
    /// Aggregate (including the Finalize / Gather / Partial Aggregate of a parallel
    /// count) directly above a Seq Scan without a Filter, or an Index Only Scan
    /// without conditions, that read at least 100,000 rows. When the plan is VERBOSE,
    /// the Aggregate's Output must be counts only.
    ///
    /// In SQL queries (query inputs) it finds `SELECT count(*) FROM t` with no WHERE, no
    /// GROUP BY and no join.
    ///
    /// ## Why it matters
    /// PostgreSQL keeps no row count: MVCC means each transaction may see a different
    /// number of rows, so `count(*)` reads every row (or every index entry) each time.
    /// It grows with the table and is a classic cause of slow pagination headers and
    /// dashboards.
    ///
    /// ## Example
    /// ```text
    /// Finalize Aggregate  (actual ... rows=1 loops=1)
    ///   Output: count(*)
    ///   ->  Gather
    ///         ->  Partial Aggregate
    ///               ->  Parallel Seq Scan on public.orders  (actual ... rows=333333 loops=3)
    /// ```
    ///
    /// ## Fix
    /// When an estimate is enough, read the planner's:
    /// ```sql
    /// SELECT reltuples::bigint AS estimate FROM pg_class WHERE oid = 'public.orders'::regclass;
    /// ```
    /// When the exact number is needed often, keep it in a counter table maintained by
    /// an insert/delete trigger.
    id: "count-full-table",
    category: Plan,
    severity: Info,
    summary: "count(*) that reads a whole table",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Rows the unfiltered scan read, over all loops and workers.
    pub min_rows: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_rows: 100_000.0 }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, _) in plan.nodes() {
            if !is_plain_count(node) {
                continue;
            }
            let Some(scan) = counted_scan(plan, node) else { continue };
            let rows = plan.metrics.node(scan).actual_rows_total.unwrap_or(0.0);
            if rows < t.min_rows {
                continue;
            }
            out.push(finding(plan, id, node, scan, rows));
        }
    }
    #[cfg(feature = "sql")]
    check_queries(ctx, out);
}

/// An ungrouped plain Aggregate that is not the partial half of a parallel one,
/// whose Output (when VERBOSE) is only counts.
fn is_plain_count(node: &PlanNode) -> bool {
    let f = &node.fields;
    node.node_type() == "Aggregate"
        && f.strategy.as_deref().is_none_or(|s| s == "Plain")
        && f.partial_mode.as_deref() != Some("Partial")
        && f.group_key.as_ref().is_none_or(|k| k.is_empty())
        && f.output.as_ref().is_none_or(|o| !o.is_empty() && o.iter().all(|e| e.trim_start().starts_with("count(")))
}

/// The unfiltered scan the Aggregate counts: its input, or for a Finalize
/// Aggregate the input of the Partial Aggregate under the Gather.
fn counted_scan(plan: &AnalyzedPlan, node: &PlanNode) -> Option<NodeId> {
    let nodes = &plan.doc.plan.nodes;
    let input = |n: &PlanNode| n.children.iter().copied().find(|&c| nodes[c].fields.subplan_name.is_none());
    let mut child = input(node)?;
    if node.fields.partial_mode.as_deref() == Some("Finalize") {
        let gather = &nodes[child];
        if !matches!(gather.node_type(), "Gather" | "Gather Merge") {
            return None;
        }
        let partial = input(gather)?;
        if nodes[partial].node_type() != "Aggregate" || nodes[partial].fields.partial_mode.as_deref() != Some("Partial") {
            return None;
        }
        child = input(&nodes[partial])?;
    }
    let scan = &nodes[child];
    let f = &scan.fields;
    let unfiltered = f.filter.is_none() && f.index_cond.is_none() && f.relation_name.is_some();
    let whole = matches!(scan.node_type(), "Seq Scan" | "Parallel Seq Scan" | "Index Only Scan" | "Parallel Index Only Scan");
    (unfiltered && whole).then_some(child)
}

fn finding(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, scan: NodeId, rows: f64) -> Finding {
    let m = plan.metrics.node(id);
    let scan_node = &plan.doc.plan.nodes[scan];
    let table = scan_node.qualified_relation().unwrap_or_else(|| "?".to_owned());
    let (title, message) = match &node.fields.output {
        Some(o) => {
            let what = o.join(", ");
            (
                format!("{what} reads all {} rows of {table}", count(rows)),
                format!(
                    "The {what} reads every row of {table} ({} rows, {}) to count them: PostgreSQL keeps no row count, because each transaction may see a different number of rows.",
                    count(rows),
                    scan_node.label()
                ),
            )
        }
        None => (
            format!("An ungrouped aggregate reads all {} rows of {table}", count(rows)),
            format!(
                "An aggregate without GROUP BY reads every row of {table} ({} rows, {}). The plan is not VERBOSE, so it does not show which aggregate: \
                 if it is a count(*), PostgreSQL has no stored row count to use, because each transaction may see a different number of rows.",
                count(rows),
                scan_node.label()
            ),
        ),
    };
    let mut f = Finding::new(&META, title, message)
    .location(plan.location(id));
    if let Some(o) = &node.fields.output {
        f = f.evidence("Output", o.join(", "));
    }
    f = f.evidence(format!("{} Actual Rows", scan_node.label()), count(rows)).evidence("Filter", "none");
    let blocks = plan.doc.plan.subtree(scan).map(|n| plan.metrics.node(n).exclusive_buffers.shared_total()).sum::<f64>();
    if blocks > 0.0 {
        f = f.evidence("Shared blocks (hit + read)", count(blocks));
    }
    if let Some(t) = m.inclusive_ms {
        f = f.evidence("Time for the count", ms(t));
    }
    let text = match (m.inclusive_ms, m.inclusive_share) {
        (Some(t), Some(share)) => format!(
            "The count takes {} ({} of execution time) and grows with the table; the estimate below answers in well under a millisecond.",
            ms(t),
            percent(share)
        ),
        _ => "The count grows with the table; the estimate below answers in well under a millisecond.".to_owned(),
    };
    f = f.impact(Impact { text, time_share: m.inclusive_share, time_ms: m.inclusive_ms, rows: Some(rows) });
    let literal = format!("'{}'", quote_qualified(&table).replace('\'', "''"));
    f.fix(
        Some(format!("SELECT reltuples::bigint AS estimate FROM pg_class WHERE oid = {literal}::regclass;")),
        format!(
            "If an estimate is enough (page counts, dashboards), read the planner's row count for {table}: it is as current as the last VACUUM or ANALYZE, \
             and -1 on PostgreSQL 14+ for a table never vacuumed or analyzed. If the exact number is needed often, keep it in a counter table \
             updated by an AFTER INSERT OR DELETE trigger on {table} (a statement-level trigger with transition tables adds one row change per statement)."
        ),
    )
    .risk(
        "None for the estimate: it only reads the catalog. A counter table makes every insert and delete on the table update the same row, \
         which serializes concurrent writers: use it only where counts are read far more often than rows are written, or spread it over several rows.",
    )
    .rollback(None, "Nothing to undo: the estimate only reads pg_class.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn fires_on_count_full_table() {
        let findings = findings_for_fixture("tests/scenarios/count-full-table.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn text_and_json_agree_on_count_full_table() {
        let json = findings_for_fixture("tests/scenarios/count-full-table.json", META.id);
        let text = findings_for_fixture("tests/scenarios/count-full-table.txt", META.id);
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
    fn quiet_when_filtered_or_not_only_counting() {
        let path = "crates/pgsight-core/tests/fixtures/count-full-table/filtered-and-summed.json";
        assert!(findings_for_fixture(path, META.id).is_empty());
    }

    #[test]
    fn fires_without_verbose_and_says_so() {
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/count-full-table/plain-seq-scan.txt", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(findings[0].message.contains("not VERBOSE"), "{}", findings[0].message);
        assert_eq!(
            findings[0].fix.sql.as_deref(),
            Some("SELECT reltuples::bigint AS estimate FROM pg_class WHERE oid = 'big_log'::regclass;")
        );
    }
}

// ---------------------------------------------------------------------------
// The same rule on SQL queries (query inputs): `SELECT count(*) FROM t` with no
// WHERE, read from sqlparser's AST.

#[cfg(feature = "sql")]
fn check_queries(ctx: &Context, out: &mut Vec<Finding>) {
    use crate::query::expr::{is_count, unnest};
    use crate::query::scope::Scope;
    use crate::query::{self, walk, Findings};
    use sqlparser::ast::{Expr, GroupByExpr, SelectItem};

    let mut findings = Findings::new(out);
    for q in query::statements(ctx) {
        let Some(query) = walk::top_query(&q.statement) else { continue };
        let Some(select) = walk::single_select(query) else { continue };
        let grouped = !matches!(&select.group_by, GroupByExpr::Expressions(e, _) if e.is_empty());
        if select.selection.is_some() || grouped || select.having.is_some() || select.from.len() != 1 || !select.from[0].joins.is_empty() {
            continue;
        }
        let counts: Option<Vec<&Expr>> = select
            .projection
            .iter()
            .map(|item| match item {
                SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } => match unnest(e) {
                    Expr::Function(f) if is_count(f) && f.filter.is_none() => Some(e),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        let Some(counts) = counts.filter(|c| !c.is_empty()) else { continue };
        let ctes = walk::cte_names(query);
        let scope = Scope::new(&[&select.from[0]], &ctes, ctx.catalog.as_ref());
        let Some(relation) = scope.relations.first().filter(|r| r.is_table()) else { continue };
        findings.push(&q, query_finding(&q, &counts, relation));
    }
    findings.finish();
}

#[cfg(feature = "sql")]
fn query_finding(q: &crate::query::QueryStatement, counts: &[&sqlparser::ast::Expr], relation: &crate::query::scope::Relation) -> Finding {
    use sqlparser::ast::Spanned;

    let table = relation.display();
    let what = counts.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(", ");
    let literal = format!("'{}'", quote_qualified(&table).replace('\'', "''"));
    Finding::new(
        &META,
        format!("{what} reads every row of {table}"),
        format!(
            "The query counts the rows of {table} with no WHERE: `{what}` reads every row (or every entry of the smallest index, with visibility checks) on each call, because PostgreSQL keeps no row count: \
             each transaction may see a different number of rows. It grows with the table and is a classic cause of slow pagination headers and dashboards."
        ),
    )
    .location(q.location_at(counts[0].span()))
    .evidence("Statement", q.excerpt())
    .evidence("WHERE", "none")
    .impact(Impact {
        text: format!("The count reads all of {table} on every call and grows with it; the estimate below answers from the catalog in well under a millisecond."),
        ..Impact::default()
    })
    .fix(
        Some(format!("SELECT reltuples::bigint AS estimate FROM pg_class WHERE oid = {literal}::regclass;")),
        format!(
            "If an estimate is enough (page counts, dashboards), read the planner's row count for {table}: it is as current as the last VACUUM or ANALYZE, \
             and -1 on PostgreSQL 14+ for a table never vacuumed or analyzed. If the exact number is needed often, keep it in a counter table \
             updated by an AFTER INSERT OR DELETE trigger on {table} (a statement-level trigger with transition tables adds one row change per statement)."
        ),
    )
    .risk(
        "None for the estimate: it only reads the catalog. A counter table makes every insert and delete on the table update the same row, \
         which serializes concurrent writers: use it only where counts are read far more often than rows are written, or spread it over several rows.",
    )
    .rollback(None, "Nothing to undo: the estimate only reads pg_class.")
}

#[cfg(all(test, feature = "sql"))]
mod query_tests {
    use crate::query::test_support::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_count_without_where() {
        let f = findings("count-full-table/fires.sql", Some("schema.sql"), super::META.id);
        assert_eq!(f.len(), 2, "{f:#?}");
        insta::assert_snapshot!(render(&f[0]));
        assert_eq!(f[1].fix.sql.as_deref(), Some("SELECT reltuples::bigint AS estimate FROM pg_class WHERE oid = 'audit_log'::regclass;"));
    }

    #[test]
    fn quiet_when_filtered_grouped_or_joined() {
        let f = findings("count-full-table/quiet.sql", Some("schema.sql"), super::META.id);
        assert!(f.is_empty(), "{f:#?}");
    }
}
