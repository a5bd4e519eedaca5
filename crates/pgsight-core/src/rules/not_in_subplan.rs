use super::advice::plain_column;
use super::fixsql::{quote_ident, quote_qualified};
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds a `NOT IN (SELECT ...)` that PostgreSQL runs as a plain (not hashed)
    /// subplan, once per outer row: a `Filter` with `NOT (SubPlan N)` (PostgreSQL
    /// 17+ prints `NOT (ANY (x = (SubPlan N).col1))`) whose subplan ran at least 100
    /// loops. `NOT (hashed SubPlan N)` is fine and does not fire.
    ///
    /// ## Why it matters
    /// PostgreSQL hashes the subquery's result only when it fits in `work_mem`.
    /// Otherwise it rescans the subquery for every outer row: the cost grows with
    /// the product of both sizes. `NOT IN` also cannot become an anti join, because
    /// of how it treats NULLs: one NULL in the subquery makes `x NOT IN (...)` NULL
    /// for every x, so the query returns no rows at all.
    ///
    /// ## Example
    /// ```text
    /// Seq Scan on customers  (actual ... rows=0 loops=1)
    ///   Filter: (NOT (SubPlan 1))
    ///   SubPlan 1
    ///     ->  Materialize  (actual ... rows=500000 loops=100000)
    ///           ->  Seq Scan on orders
    /// ```
    ///
    /// ## Fix
    /// Rewrite the predicate as `NOT EXISTS`, which PostgreSQL runs as an anti join
    /// (one pass over each table) and which ignores NULLs:
    /// ```sql
    /// NOT EXISTS (SELECT 1 FROM public.orders WHERE orders.customer_id = customers.id)
    /// ```
    id: "not-in-subplan",
    category: Plan,
    severity: Warning,
    summary: "NOT IN (SELECT ...) run as a subplan once per outer row",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Loops of the subplan (outer rows it was run for).
    pub min_loops: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_loops: 100.0 }
    }
}

/// A negated, non-hashed subplan in a condition.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NegatedSubPlan {
    /// `SubPlan 1`.
    name: String,
    /// The outer expression compared, when the plan prints it (PostgreSQL 17+).
    outer: Option<String>,
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, _) in plan.nodes() {
            for (label, cond) in [("Filter", &node.fields.filter), ("Join Filter", &node.fields.join_filter)] {
                let Some(cond) = cond.as_deref() else { continue };
                for negated in negated_subplans(cond) {
                    let Some(sub) = find_subplan(plan, id, &negated.name) else { continue };
                    if plan.doc.plan.nodes[sub].loops() < t.min_loops {
                        continue;
                    }
                    out.push(finding(plan, id, node, label, cond, &negated, sub));
                }
            }
        }
    }
}

/// Every `NOT (SubPlan N)` / `NOT (ANY (x = (SubPlan N).colK))` in `cond`, skipping
/// hashed subplans.
fn negated_subplans(cond: &str) -> Vec<NegatedSubPlan> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = cond[from..].find("NOT (").map(|i| i + from) {
        let open = at + 4;
        from = open;
        let Some(close) = matching_close(cond, open) else { break };
        let inner = cond[open + 1..close].trim();
        if let Some(name) = subplan_name(inner) {
            found.push(NegatedSubPlan { name, outer: None });
        } else if let Some(any) = inner.strip_prefix("ANY (").and_then(|s| s.strip_suffix(')')) {
            if let Some((outer, right)) = any.split_once(" = ") {
                let right = right.trim();
                let sub = right.strip_prefix('(').and_then(|r| r.split_once(')')).map(|(name, _)| name);
                if let Some(name) = sub.and_then(subplan_name) {
                    found.push(NegatedSubPlan { name, outer: Some(outer.trim().to_owned()) });
                }
            }
        }
    }
    found
}

/// `SubPlan 3` → `Some("SubPlan 3")`; `hashed SubPlan 3` and anything else → `None`.
fn subplan_name(text: &str) -> Option<String> {
    let number = text.trim().strip_prefix("SubPlan ")?;
    number.chars().all(|c| c.is_ascii_digit()).then(|| format!("SubPlan {number}"))
}

fn matching_close(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote = false;
    for (i, b) in s.bytes().enumerate().skip(open) {
        match b {
            b'\'' => quote = !quote,
            b'(' if !quote => depth += 1,
            b')' if !quote => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The subplan node named `name`: a child of the node that evaluates it, else
/// anywhere in the plan.
fn find_subplan(plan: &AnalyzedPlan, id: NodeId, name: &str) -> Option<NodeId> {
    let nodes = &plan.doc.plan.nodes;
    let named = |n: &NodeId| nodes[*n].fields.subplan_name.as_deref() == Some(name);
    nodes[id].children.iter().copied().find(named).or_else(|| (0..nodes.len()).find(named))
}

/// The one table a subplan reads, its scan node, and the column it returns.
struct Inner {
    table: String,
    scan: NodeId,
    column: Option<String>,
}

fn inner_side(plan: &AnalyzedPlan, sub: NodeId) -> Option<Inner> {
    let nodes = &plan.doc.plan.nodes;
    let scans: Vec<NodeId> = plan.doc.plan.subtree(sub).filter(|&n| nodes[n].fields.relation_name.is_some()).collect();
    let [scan] = scans.as_slice() else { return None };
    let column = plan
        .doc
        .plan
        .subtree(sub)
        .find_map(|n| nodes[n].fields.output.as_ref().and_then(|o| o.first()).cloned())
        .and_then(|c| plain_column(&c).map(|(_, name)| name));
    Some(Inner { table: nodes[*scan].qualified_relation()?, scan: *scan, column })
}

/// Where the outer column came from, for the text.
enum OuterSource {
    Plan,
    QueryText,
    Inferred,
}

/// The outer column `NOT IN` compares: printed in the plan (PostgreSQL 17+), read
/// from the query text, or inferred from the names.
fn outer_column(plan: &AnalyzedPlan, node: &PlanNode, negated: &NegatedSubPlan, inner: &Inner) -> Option<(String, OuterSource)> {
    if let Some(outer) = &negated.outer {
        return Some((outer.clone(), OuterSource::Plan));
    }
    if let Some(expr) = plan.doc.fields.query_text.as_deref().and_then(not_in_operand) {
        return Some((expr, OuterSource::QueryText));
    }
    // Inferred: the outer table's `id` when the inner column is `<outer table>_id`,
    // else an outer column of the same name.
    let qualifier = node.fields.alias.clone().or_else(|| node.fields.relation_name.clone())?;
    let outer_table = node.fields.relation_name.as_deref()?;
    let column = inner.column.as_deref()?;
    let singular = outer_table.strip_suffix('s').unwrap_or(outer_table);
    if column == format!("{singular}_id") || column == format!("{outer_table}_id") {
        return Some((format!("{}.id", quote_ident(&qualifier)), OuterSource::Inferred));
    }
    let same_name = node.fields.output.as_deref().unwrap_or_default().iter().any(|o| plain_column(o).is_some_and(|(_, c)| c == column));
    same_name.then(|| (format!("{}.{}", quote_ident(&qualifier), quote_ident(column)), OuterSource::Inferred))
}

/// The expression before `NOT IN (SELECT` in a query text.
fn not_in_operand(query: &str) -> Option<String> {
    let lower = query.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("not in").map(|i| i + from) {
        from = at + 6;
        let after = lower[from..].trim_start();
        if !(after.starts_with('(') && after[1..].trim_start().starts_with("select")) {
            continue;
        }
        let before = query[..at].trim_end();
        let start = before
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '"' | '$')))
            .map_or(0, |i| i + 1);
        let operand = &before[start..];
        if !operand.is_empty() {
            return Some(operand.to_owned());
        }
    }
    None
}

fn finding(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, label: &str, cond: &str, negated: &NegatedSubPlan, sub: NodeId) -> Finding {
    let nodes = &plan.doc.plan.nodes;
    let sub_node = &nodes[sub];
    let sm = plan.metrics.node(sub);
    let loops = sub_node.loops();
    let inner = inner_side(plan, sub);
    let node_label = node.label();
    let inner_rows = inner.as_ref().and_then(|i| plan.metrics.node(i.scan).actual_rows_total);
    let reads = match inner_rows {
        Some(rows) if rows > 0.0 => format!(", {} rows read in all", count(rows.max(sm.actual_rows_total.unwrap_or(0.0)))),
        _ => String::new(),
    };
    let mut f = Finding::new(
        &META,
        format!("NOT IN subquery re-run {} times on {node_label}", count(loops)),
        format!(
            "{node_label} tests every row with NOT IN against {} (not hashed): PostgreSQL ran the subquery {} times, once per outer row{reads}. \
             It hashes a NOT IN subquery only when the result fits in work_mem, and cannot turn NOT IN into an anti join because of its NULL semantics.",
            negated.name,
            count(loops),
        ),
    )
    .location(plan.location(id))
    .evidence(label, cond)
    .evidence(format!("{} loops", negated.name), count(loops));
    if let Some(rows) = sm.actual_rows_total {
        f = f.evidence(format!("{} rows returned", negated.name), count(rows));
    }
    if let Some(t) = sm.inclusive_ms {
        f = f.evidence(format!("Time in {}", negated.name), ms(t));
    }
    let text = match (sm.inclusive_ms, sm.inclusive_share) {
        (Some(t), Some(share)) => format!(
            "The subquery takes {} ({} of execution time) over its {} runs. As NOT EXISTS it becomes an anti join that reads each table once.",
            ms(t),
            percent(share),
            count(loops)
        ),
        _ => format!("As NOT EXISTS it becomes an anti join that reads each table once instead of {} times.", count(loops)),
    };
    f = f.impact(Impact { text, time_share: sm.inclusive_share, time_ms: sm.inclusive_ms, rows: None });

    let null_trap = "Mind the NULL trap of NOT IN: if the subquery returns a single NULL, `x NOT IN (...)` is never true and the current query returns no rows; \
                     and an outer row whose value is NULL is dropped by NOT IN but kept by NOT EXISTS. When both columns are NOT NULL the two forms return the same rows.";
    let risk = "A query change: no lock, no schema change. The results differ only where NULLs are involved (see the fix); \
                compare both versions' results once before switching.";
    let rollback = "Nothing to undo in the database: deploy the previous query text.";
    let rewrite = inner.as_ref().and_then(|inner| {
        let column = inner.column.clone()?;
        let (outer, source) = outer_column(plan, node, negated, inner)?;
        Some((inner, column, outer, source))
    });
    match rewrite {
        Some((inner, column, outer, source)) => {
            let scan = &nodes[inner.scan];
            let alias = scan.fields.alias.clone().or_else(|| scan.fields.relation_name.clone()).unwrap_or_default();
            let from = if Some(&alias) == scan.fields.relation_name.as_ref() {
                quote_qualified(&inner.table)
            } else {
                format!("{} {}", quote_qualified(&inner.table), quote_ident(&alias))
            };
            // The subquery's own WHERE, as the plan applies it to the inner scan.
            let own = &scan.fields;
            let mut conditions: Vec<String> =
                [&own.index_cond, &own.recheck_cond, &own.filter].into_iter().flatten().cloned().collect();
            conditions.dedup();
            conditions.push(format!("{}.{} = {outer}", quote_ident(&alias), quote_ident(&column)));
            let sql = format!("NOT EXISTS (SELECT 1 FROM {from} WHERE {})", conditions.join(" AND "));
            let origin = match source {
                OuterSource::Plan => String::new(),
                OuterSource::QueryText => " (the outer column is taken from the query text)".to_owned(),
                OuterSource::Inferred => format!(
                    " The plan does not print the outer column NOT IN compares; {outer} is inferred from the names, so check it against the query."
                ),
            };
            f.fix(
                Some(sql),
                format!(
                    "Replace `{outer} NOT IN (SELECT {column} FROM {} ...)` with the NOT EXISTS below; PostgreSQL plans it as an anti join.{origin} {null_trap}",
                    inner.table
                ),
            )
            .risk(risk)
            .rollback(None, rollback)
        }
        None => {
            let what = match &inner {
                Some(inner) => format!(
                    "Rewrite the NOT IN over {}{} as NOT EXISTS (SELECT 1 FROM {} WHERE <its column> = <the outer column>): the plan does not show which columns NOT IN compares.",
                    inner.table,
                    inner.column.as_deref().map(|c| format!(" ({c})")).unwrap_or_default(),
                    inner.table
                ),
                None => "Rewrite the NOT IN (SELECT ...) as NOT EXISTS (SELECT 1 FROM ... WHERE <inner column> = <outer column>), correlated on the column NOT IN compares.".to_owned(),
            };
            f.fix(None, format!("{what} PostgreSQL plans NOT EXISTS as an anti join. {null_trap}")).risk(risk).rollback(None, rollback)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn reads_both_spellings_and_skips_hashed() {
        assert_eq!(negated_subplans("(NOT (SubPlan 1))"), vec![NegatedSubPlan { name: "SubPlan 1".into(), outer: None }]);
        assert!(negated_subplans("(NOT (hashed SubPlan 1))").is_empty());
        assert_eq!(
            negated_subplans("((status = 'x'::text) AND (NOT (ANY (c.id = (SubPlan 2).col1))))"),
            vec![NegatedSubPlan { name: "SubPlan 2".into(), outer: Some("c.id".into()) }]
        );
        assert!(negated_subplans("(NOT (ANY (c.id = (hashed SubPlan 2).col1)))").is_empty());
        assert!(negated_subplans("((SubPlan 1) = $5)").is_empty());
    }

    #[test]
    fn finds_the_operand_in_query_text() {
        assert_eq!(not_in_operand("select * from customers c where c.id not in (select customer_id from orders)"), Some("c.id".into()));
        assert_eq!(not_in_operand("SELECT 1 WHERE x NOT IN (1, 2)"), None);
    }

    #[test]
    fn fires_on_not_in_subplan_low_work_mem() {
        let findings = findings_for_fixture("tests/scenarios/not-in-subplan-low-work-mem.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn text_and_json_agree_on_not_in_subplan_low_work_mem() {
        let json = findings_for_fixture("tests/scenarios/not-in-subplan-low-work-mem.json", META.id);
        let text = findings_for_fixture("tests/scenarios/not-in-subplan-low-work-mem.txt", META.id);
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
    fn reads_the_outer_column_from_newer_plans() {
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/not-in-subplan/pg17-any-subplan.txt", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(
            f.fix.sql.as_deref(),
            Some("NOT EXISTS (SELECT 1 FROM public.orders o WHERE (o.created_at < '2023-01-03 00:00:00+00'::timestamp with time zone) AND o.customer_id = c.id)")
        );
        assert!(!f.fix.text.contains("inferred"), "{}", f.fix.text);
    }

    #[test]
    fn quiet_on_hashed_subplan() {
        assert!(findings_for_fixture("crates/pgsight-core/tests/fixtures/not-in-subplan/hashed-subplan.txt", META.id).is_empty());
    }
}
