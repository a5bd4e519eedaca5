use super::fixsql::{index_name, quote_ident, quote_qualified, schema_of};
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::predicate::{conjuncts, Conjunct, ConjunctKind};
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
}

/// Defaults from RULES.md.
pub struct Thresholds {
    /// Share of read rows the filter removes.
    pub min_removed_share: f64,
    /// Rows removed over all loops.
    pub min_removed_rows: f64,
}

pub const THRESHOLDS: Thresholds = Thresholds { min_removed_share: 0.9, min_removed_rows: 1_000.0 };

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
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
            if removed < THRESHOLDS.min_removed_rows || read <= 0.0 || removed / read < THRESHOLDS.min_removed_share {
                continue;
            }
            out.push(finding(plan, id, node, filter, removed, returned));
        }
    }
}

fn finding(plan: &AnalyzedPlan, id: usize, node: &PlanNode, filter: &str, removed: f64, returned: f64) -> Finding {
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

    match index_advice(node, &table, filter) {
        Some(advice) => f
            .fix(Some(advice.create_sql.clone()), advice.explanation)
            .risk(format!(
                "CREATE INDEX CONCURRENTLY takes a SHARE UPDATE EXCLUSIVE lock: reads and writes go on, but it scans {table} \
                 twice, cannot run inside a transaction block, and leaves an INVALID index behind if it fails (drop it and \
                 retry). The index takes disk space and adds a little work to every write on the table."
            ))
            .rollback(Some(format!("DROP INDEX CONCURRENTLY IF EXISTS {};", advice.qualified_name)), "Drops the index without blocking writes."),
        None => f
            .fix(None, "The filter has no column-versus-constant test an index can serve as written; rewrite it on the bare columns, or index the expression it uses.")
            .risk("None until a change is made.")
            .rollback(None, "Nothing to undo."),
    }
}

struct IndexAdvice {
    create_sql: String,
    qualified_name: String,
    explanation: String,
}

/// Builds `CREATE INDEX CONCURRENTLY` from the sargable conjuncts of `filter`:
/// equality columns first, range columns last, constant boolean/status tests as the
/// partial-index predicate.
fn index_advice(node: &PlanNode, table: &str, filter: &str) -> Option<IndexAdvice> {
    let own = |c: &Conjunct| {
        c.column.as_ref().is_some_and(|col| match col.qualifier.as_deref() {
            None => true,
            Some(q) => Some(q) == node.fields.alias.as_deref() || Some(q) == node.fields.relation_name.as_deref(),
        })
    };
    let parts: Vec<Conjunct> = conjuncts(filter).into_iter().filter(own).collect();
    let name_of = |c: &Conjunct| c.column.as_ref().map(|c| c.name.clone()).unwrap_or_default();
    let mut equality: Vec<String> = Vec::new();
    let mut range: Vec<String> = Vec::new();
    let mut predicate: Vec<String> = Vec::new();
    for c in &parts {
        let name = name_of(c);
        match &c.kind {
            ConjunctKind::Boolean { .. } | ConjunctKind::NullTest { .. } => predicate.push(bare_condition(c)),
            ConjunctKind::Equality if is_status_like(&name) && is_literal(c) => predicate.push(bare_condition(c)),
            ConjunctKind::Equality => push_unique(&mut equality, name),
            ConjunctKind::Range => push_unique(&mut range, name),
            ConjunctKind::LeadingWildcard | ConjunctKind::Other => {}
        }
    }
    let mut columns = equality;
    for r in range {
        push_unique(&mut columns, r);
    }
    if columns.is_empty() {
        // Only constant tests: index their columns, keeping the partial predicate.
        for c in parts.iter().filter(|c| !matches!(c.kind, ConjunctKind::LeadingWildcard | ConjunctKind::Other)) {
            push_unique(&mut columns, name_of(c));
        }
        if columns.is_empty() {
            return None;
        }
    }
    let name = index_name(table, &columns, "idx");
    let qualified_name = match schema_of(table) {
        Some(schema) => format!("{}.{}", quote_ident(schema), quote_ident(&name)),
        None => quote_ident(&name),
    };
    let column_list = columns.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ");
    let mut sql = format!("CREATE INDEX CONCURRENTLY {} ON {} ({column_list})", quote_ident(&name), quote_qualified(table));
    let mut explanation = format!("Index {table} on ({column_list}), equality columns first and range columns last");
    if !predicate.is_empty() {
        let where_clause = predicate.join(" AND ");
        sql.push_str(&format!(" WHERE {where_clause}"));
        explanation.push_str(&format!(", as a partial index on the rows where {where_clause}"));
    }
    sql.push(';');
    explanation.push('.');
    Some(IndexAdvice { create_sql: sql, qualified_name, explanation })
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn is_status_like(column: &str) -> bool {
    let c = column.to_ascii_lowercase();
    matches!(c.as_str(), "status" | "state" | "type" | "kind") || c.ends_with("_status") || c.ends_with("_state") || c.ends_with("_type")
}

fn is_literal(c: &Conjunct) -> bool {
    c.constant.as_deref().is_some_and(|k| k.starts_with('\'') || k.parse::<f64>().is_ok())
}

/// The condition without the plan's table qualifier, fit for an index predicate.
fn bare_condition(c: &Conjunct) -> String {
    let column = c.column.as_ref().map(|col| quote_ident(&col.name)).unwrap_or_default();
    match (&c.kind, c.operator.as_deref(), c.constant.as_deref()) {
        (ConjunctKind::Boolean { value: true }, _, _) => column,
        (ConjunctKind::Boolean { value: false }, _, _) => format!("NOT {column}"),
        (ConjunctKind::NullTest { negated: false }, _, _) => format!("{column} IS NULL"),
        (ConjunctKind::NullTest { negated: true }, _, _) => format!("{column} IS NOT NULL"),
        (_, Some(op), Some(constant)) => format!("{column} {op} {}", strip_text_cast(constant)),
        _ => c.text.clone(),
    }
}

/// `'open'::text` → `'open'`: the cast PostgreSQL prints is implied by the column.
fn strip_text_cast(constant: &str) -> &str {
    constant
        .strip_suffix("::text")
        .or_else(|| constant.strip_suffix("::character varying"))
        .or_else(|| constant.strip_suffix("::bpchar"))
        .unwrap_or(constant)
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
