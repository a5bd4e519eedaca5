use sqlparser::ast::{Expr, Query, SelectItem, Spanned, Statement};

use super::advice::query_rewrite_rollback;
use super::fixsql::quote_ident;
use super::Context;
use crate::query::expr::{column_name, each_expr, Splice};
use crate::query::scope::Scope;
use crate::query::walk::{self, Block};
use crate::query::{self, Findings, QueryStatement};
use crate::report::{Finding, Impact};
use crate::sql::Catalog;

declare_rule! {
    /// ## What it does
    /// Finds `expr NOT IN (SELECT ...)` in a query.
    ///
    /// ## Why it matters
    /// Two problems. NOT IN is NULL-unsafe: if the subquery returns a single NULL,
    /// `x NOT IN (...)` is never true and the query returns no rows at all, and rows
    /// whose `x` is NULL are never returned either. And PostgreSQL cannot turn it into
    /// an anti-join: it runs the subquery as a SubPlan, hashed while its result fits
    /// in `work_mem`, and otherwise re-scans it for every outer row, which is
    /// quadratic. `NOT EXISTS` has neither problem and is planned as a Hash or Merge
    /// Anti Join.
    ///
    /// ## Example
    /// ```sql
    /// SELECT id FROM orders
    /// WHERE customer_id NOT IN (SELECT customer_id FROM blocked_customers);
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// SELECT id FROM orders
    /// WHERE NOT EXISTS (SELECT 1 FROM blocked_customers
    ///                   WHERE blocked_customers.customer_id = orders.customer_id);
    /// ```
    id: "not-in-subquery",
    category: Query,
    severity: Warning,
    summary: "NOT IN (SELECT ...) is NULL-unsafe and cannot become an anti-join",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut findings = Findings::new(out);
    for q in query::statements(ctx) {
        let mut found = Vec::new();
        walk::for_each_block(&q.statement, |block| {
            let scope = Scope::new(&block.from, block.ctes, ctx.catalog.as_ref());
            for condition in conditions(block) {
                each_expr(condition, |e| {
                    if let Expr::InSubquery { expr, subquery, negated: true } = e {
                        found.push(finding(&q, e, expr, subquery, &scope, block.ctes, ctx.catalog.as_ref()));
                    }
                });
            }
        });
        for f in found {
            findings.push(&q, f);
        }
    }
    findings.finish();
}

/// The block's WHERE and its joins' ON conditions.
fn conditions<'s>(block: &Block<'s>) -> Vec<&'s Expr> {
    let mut all: Vec<&Expr> = block.selection.into_iter().collect();
    for twj in &block.from {
        for join in &twj.joins {
            if let Some(sqlparser::ast::JoinConstraint::On(on)) = join_constraint(&join.join_operator) {
                all.push(on);
            }
        }
    }
    all
}

/// The constraint of a join, whatever its kind.
pub(crate) fn join_constraint(op: &sqlparser::ast::JoinOperator) -> Option<&sqlparser::ast::JoinConstraint> {
    use sqlparser::ast::JoinOperator as J;
    match op {
        J::Join(c) | J::Inner(c) | J::Left(c) | J::LeftOuter(c) | J::Right(c) | J::RightOuter(c) | J::FullOuter(c) | J::CrossJoin(c)
        | J::Semi(c) | J::LeftSemi(c) | J::RightSemi(c) | J::Anti(c) | J::LeftAnti(c) | J::RightAnti(c) | J::StraightJoin(c) => Some(c),
        J::AsOf { constraint, .. } => Some(constraint),
        _ => None,
    }
}

fn finding(q: &QueryStatement, whole: &Expr, outer: &Expr, subquery: &Query, scope: &Scope, ctes: &[String], catalog: Option<&Catalog>) -> Finding {
    let inner_select = walk::single_select(subquery);
    let inner_scope = inner_select.map(|s| Scope::new(&s.from.iter().collect::<Vec<_>>(), ctes, catalog)).unwrap_or_default();
    let inner_expr = inner_select.and_then(|s| match s.projection.as_slice() {
        [SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. }] => Some(e),
        _ => None,
    });
    let inner_tables: Vec<String> = inner_scope.tables().map(|(_, r)| r.display()).collect();
    let outer_text = outer.to_string();
    let mut f = Finding::new(
        &META,
        format!("{outer_text} NOT IN (SELECT ...): rewrite as NOT EXISTS"),
        format!(
            "The query filters with `{outer_text} NOT IN (SELECT ...)`{}. If the subquery returns a single NULL, NOT IN is never true and the query returns no rows at all; \
             rows whose {outer_text} is NULL are never returned either. PostgreSQL also cannot plan NOT IN as an anti-join: it runs the subquery as a SubPlan, hashed only while \
             its result fits in work_mem, and otherwise re-scans it for every outer row.",
            if inner_tables.is_empty() { String::new() } else { format!(" over {}", inner_tables.join(", ")) }
        ),
    )
    .location(q.location_at(whole.span()))
    .evidence("Condition", excerpt_of(whole))
    .evidence("Statement", q.excerpt());

    // What the schema says about NULLs on either side.
    let nullability = |scope: &Scope, e: &Expr| -> Option<(String, bool)> {
        let c = column_name(e)?;
        let r = &scope.relations[scope.resolve(&c)?];
        let column = r.table?.column(&c.name)?;
        Some((format!("{}.{}", r.display(), c.name), column.nullable))
    };
    let inner_null = inner_expr.and_then(|e| nullability(&inner_scope, e));
    let outer_null = nullability(scope, outer);
    if let Some((name, nullable)) = &inner_null {
        f = f.evidence(format!("{name} nullable"), if *nullable { "yes" } else { "no (NOT NULL)" });
    }
    if let Some((name, nullable)) = &outer_null {
        f = f.evidence(format!("{name} nullable"), if *nullable { "yes" } else { "no (NOT NULL)" });
    }
    let nulls_text = match (&inner_null, &outer_null) {
        (Some((inner, false)), Some((outer, false))) => format!(
            " Both sides are NOT NULL in the schema ({inner} and {outer}), so the rewrite returns exactly the same rows."
        ),
        (Some((inner, true)), _) => format!(
            " {inner} is nullable: as written, one NULL there makes the query return nothing, which NOT EXISTS fixes."
        ),
        _ => " The two forms differ only where NULLs are: NOT EXISTS returns rows whose value is NULL, and does not return nothing when the subquery yields a NULL.".to_owned(),
    };
    f = f.impact(Impact {
        text: "NOT EXISTS is planned as a Hash or Merge Anti Join: each side is read once, whatever the size of the subquery's result, instead of a SubPlan that can re-run the subquery for every outer row.".to_owned(),
        ..Impact::default()
    });
    let risk = "No lock and no schema change: only the query text changes. The results differ only where NULLs are (see the fix); compare both forms on a copy or inside a transaction before deploying.";
    match rewrite(q, whole, outer, subquery, scope, &inner_scope, inner_expr) {
        Some((sql, condition)) => f.fix(
            Some(sql),
            format!("Replace the NOT IN with NOT EXISTS and a correlated condition, `{condition}`.{nulls_text}"),
        ),
        None => f.fix(
            None,
            format!(
                "Replace `{outer_text} NOT IN (SELECT x FROM ...)` with `NOT EXISTS (SELECT 1 FROM ... WHERE x = {outer_text})`, qualifying both sides with their table's alias.{nulls_text}"
            ),
        ),
    }
    .risk(risk)
    .rollback(None, query_rewrite_rollback())
}

fn excerpt_of(e: &Expr) -> String {
    crate::query::excerpt(&e.to_string(), 200)
}

/// The statement with the NOT IN replaced by NOT EXISTS, and the correlating
/// condition; `None` unless the subquery is a plain SELECT of one expression and both
/// sides can be qualified.
fn rewrite(
    q: &QueryStatement,
    whole: &Expr,
    outer: &Expr,
    subquery: &Query,
    scope: &Scope,
    inner_scope: &Scope,
    inner_expr: Option<&Expr>,
) -> Option<(String, String)> {
    let select = walk::single_select(subquery)?;
    let plain = select.distinct.is_none() && select.having.is_none() && subquery.limit_clause.is_none() && subquery.fetch.is_none();
    let grouped = !matches!(&select.group_by, sqlparser::ast::GroupByExpr::Expressions(e, _) if e.is_empty());
    if !plain || grouped || subquery.with.is_some() {
        return None;
    }
    let inner_expr = inner_expr?;
    let inner = qualified(inner_expr, inner_scope)?;
    let outer_q = qualified(outer, scope)?;
    // The inner relation must not hide the outer one's qualifier.
    let outer_qualifiers: Vec<String> = scope.relations.iter().map(|r| r.qualifier()).collect();
    if inner_scope.relations.iter().any(|r| outer_qualifiers.contains(&r.qualifier())) {
        return None;
    }
    let condition = format!("{inner} = {outer_q}");
    let mut sub = Splice::new(&Statement::Query(Box::new(subquery.clone())));
    let marker = sub.marker_expr(condition.clone());
    let one = sub.marker_expr("1");
    let s = walk::top_query_mut(sub.statement_mut()).and_then(walk::single_select_mut)?;
    s.projection = vec![SelectItem::UnnamedExpr(one)];
    crate::query::expr::add_condition(&mut s.selection, marker);
    let not_exists = format!("NOT EXISTS ({})", sub.sql().trim_end_matches(';'));
    let mut splice = Splice::new(&q.statement);
    splice.expr(whole, not_exists).then(|| (splice.sql(), condition))
}

/// A column reference written with its relation's qualifier: `customer_id` →
/// `orders.customer_id`; `None` when the column's relation is unknown.
fn qualified(e: &Expr, scope: &Scope) -> Option<String> {
    let c = column_name(e)?;
    if !c.qualifier.is_empty() {
        return Some(c.sql());
    }
    let r = &scope.relations[scope.resolve(&c)?];
    Some(format!("{}.{}", quote_ident(&r.qualifier()), quote_ident(&c.name)))
}

#[cfg(test)]
mod tests {
    use crate::query::test_support::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_not_in_subquery() {
        let f = findings("not-in-subquery/fires.sql", Some("schema.sql"), super::META.id);
        assert_eq!(f.len(), 2, "{f:#?}");
        insta::assert_snapshot!(render(&f[0]));
    }

    #[test]
    fn quiet_on_not_exists_and_value_lists() {
        let f = findings("not-in-subquery/quiet.sql", Some("schema.sql"), super::META.id);
        assert!(f.is_empty(), "{f:#?}");
    }
}
