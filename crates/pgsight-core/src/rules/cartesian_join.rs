use std::ops::ControlFlow;

use sqlparser::ast::{Expr, JoinConstraint, JoinOperator};

use super::advice::query_rewrite_rollback;
use super::fixsql::quote_ident;
use super::not_in_subquery::join_constraint;
use super::Context;
use crate::query::expr::{column_name, columns_in, conjuncts, Splice};
use crate::query::scope::{Relation, RelationKind, Scope};
use crate::query::walk::{self, Block, BlockKind};
use crate::query::{self, Findings, QueryStatement};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds two relations in one FROM clause with nothing relating them: a
    /// comma-join with no condition between the tables in the WHERE, or a `JOIN ...
    /// ON` whose condition mentions no column of both sides (`ON true`, `ON 1 = 1`).
    /// An explicit `CROSS JOIN` is taken as meant and not reported, and neither are
    /// set-returning functions and LATERAL subqueries.
    ///
    /// ## Why it matters
    /// Without a join condition every row of one table is paired with every row of
    /// the other: 10,000 orders and 5,000 customers make 50 million rows, which the
    /// database builds, sorts or aggregates before the query can return. It is
    /// almost always a forgotten condition, and the results are wrong as well as slow.
    ///
    /// ## Example
    /// ```sql
    /// SELECT o.id, c.email FROM orders o, customers c WHERE o.status = 'open';
    /// ```
    ///
    /// ## Fix
    /// Add the condition that relates the tables; with a schema, pgsight takes it
    /// from the foreign key between them:
    /// ```sql
    /// SELECT o.id, c.email FROM orders o, customers c WHERE o.status = 'open' AND o.customer_id = c.id;
    /// ```
    id: "cartesian-join",
    category: Query,
    severity: Warning,
    summary: "Two tables joined with no condition between them",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut findings = Findings::new(out);
    for q in query::statements(ctx) {
        let top_select = walk::top_query(&q.statement).and_then(walk::single_select).map(|s| s as *const _);
        let mut found = Vec::new();
        walk::for_each_block(&q.statement, |block| {
            // An UPDATE or DELETE without WHERE is missing-where's.
            if block.kind != BlockKind::Select && block.selection.is_none() {
                return;
            }
            let scope = Scope::new(&block.from, block.ctes, ctx.catalog.as_ref());
            if let Some((a, b, via_on)) = unrelated_pair(block, &scope) {
                let is_top = block.select.map(|s| s as *const _) == top_select && top_select.is_some();
                found.push(finding(&q, block, a, b, via_on, is_top));
            }
        });
        for f in found {
            findings.push(&q, f);
        }
    }
    findings.finish();
}

/// Union-find over the block's relations.
struct Groups(Vec<usize>);

impl Groups {
    fn find(&mut self, i: usize) -> usize {
        let mut root = i;
        while self.0[root] != root {
            root = self.0[root];
        }
        self.0[i] = root;
        root
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        self.0[rb] = ra;
    }

    fn join_all(&mut self, members: &[usize]) {
        if members.iter().any(|&m| m >= self.0.len()) {
            return;
        }
        for w in members.windows(2) {
            self.join(w[0], w[1]);
        }
    }
}

/// The relations a condition mentions, through subqueries for qualified names;
/// `None` when a column reference cannot be placed (the condition may relate anything).
fn mentioned(condition: &Expr, scope: &Scope) -> Option<Vec<usize>> {
    let mut found = Vec::new();
    for c in columns_in(condition) {
        found.push(scope.resolve(&c)?);
    }
    // Correlated references inside subqueries (EXISTS (... WHERE x.id = o.id)).
    let _ = sqlparser::ast::visit_expressions(condition, |e| {
        if let Expr::CompoundIdentifier(_) = e {
            if let Some(c) = column_name(e) {
                if let Some(i) = scope.resolve(&c) {
                    found.push(i);
                }
            }
        }
        ControlFlow::<()>::Continue(())
    });
    found.sort_unstable();
    found.dedup();
    Some(found)
}

/// Two relations nothing relates, the second one's join condition when it has one
/// (`ON true`), or `None`.
fn unrelated_pair<'s, 'a>(block: &Block<'_>, scope: &'s Scope<'a>) -> Option<(&'s Relation<'a>, &'s Relation<'a>, Option<Expr>)> {
    let n = scope.relations.len();
    if n < 2 {
        return None;
    }
    let mut groups = Groups((0..n).collect());
    // Relations that may depend on others (functions, LATERAL) are left out.
    let free = |r: &Relation| r.lateral || r.kind == RelationKind::Function;
    // Join conditions, in FROM order: the relations of each FROM item are numbered in order.
    let mut index = 0;
    let mut on_of: Vec<Option<Expr>> = vec![None; n];
    for twj in &block.from {
        let start = index;
        index += count_relations(&twj.relation);
        for join in &twj.joins {
            let here = index;
            let width = count_relations(&join.relation);
            index += width;
            let members: Vec<usize> = (here..here + width).collect();
            groups.join_all(&members);
            match (&join.join_operator, join_constraint(&join.join_operator)) {
                (JoinOperator::CrossJoin(_) | JoinOperator::CrossApply | JoinOperator::OuterApply, _) => {
                    groups.join_all(&(start..here + width).collect::<Vec<_>>());
                }
                (_, Some(JoinConstraint::On(on))) => match mentioned(on, scope) {
                    Some(rels) if rels.iter().any(|&r| r >= here && r < here + width) && rels.iter().any(|&r| r < here || r >= here + width) => {
                        groups.join_all(&rels);
                    }
                    // Only one side, or no column at all (`ON true`).
                    Some(rels) => {
                        groups.join_all(&rels);
                        if here < n {
                            on_of[here] = Some(on.clone());
                        }
                    }
                    None => groups.join_all(&(start..here + width).collect::<Vec<_>>()),
                },
                // USING, NATURAL, or a kind sqlparser reads without a constraint.
                _ => groups.join_all(&(start..here + width).collect::<Vec<_>>()),
            }
        }
    }
    if let Some(selection) = block.selection {
        for condition in conjuncts(selection) {
            match mentioned(condition, scope) {
                Some(rels) => groups.join_all(&rels),
                // A condition on columns that cannot be placed may relate anything.
                None => return None,
            }
        }
    }
    let first = scope.relations.iter().position(|r| !free(r))?;
    let root = groups.find(first);
    let other = (0..n).find(|&i| !free(&scope.relations[i]) && groups.find(i) != root)?;
    Some((&scope.relations[first], &scope.relations[other], on_of[other].clone()))
}

/// How many relations a FROM item contributes to the scope (a parenthesized join
/// contributes its members).
fn count_relations(factor: &sqlparser::ast::TableFactor) -> usize {
    match factor {
        sqlparser::ast::TableFactor::NestedJoin { table_with_joins, .. } => {
            count_relations(&table_with_joins.relation) + table_with_joins.joins.iter().map(|j| count_relations(&j.relation)).sum::<usize>()
        }
        _ => 1,
    }
}

/// The join condition a foreign key gives between `a` and `b`.
fn foreign_key_condition(a: &Relation, b: &Relation) -> Option<String> {
    let (ta, tb) = (a.table?, b.table?);
    let side = |from: &Relation, from_t: &crate::sql::catalog::Table, to: &Relation, to_t: &crate::sql::catalog::Table| {
        from_t.foreign_keys.iter().find(|fk| fk.referenced_table == to_t.qualified_name()).map(|fk| {
            fk.columns
                .iter()
                .zip(&fk.referenced_columns)
                .map(|(c, r)| format!("{}.{} = {}.{}", quote_ident(&from.qualifier()), quote_ident(c), quote_ident(&to.qualifier()), quote_ident(r)))
                .collect::<Vec<_>>()
                .join(" AND ")
        })
    };
    side(a, ta, b, tb).or_else(|| side(b, tb, a, ta))
}

fn finding(q: &QueryStatement, block: &Block, a: &Relation, b: &Relation, on: Option<Expr>, is_top: bool) -> Finding {
    let (an, bn) = (a.display(), b.display());
    let how = match &on {
        Some(on) => format!("joined with `ON {on}`, a condition that mentions no column of both"),
        None => "listed in the FROM clause with no condition between them in the WHERE".to_owned(),
    };
    let mut f = Finding::new(
        &META,
        format!("{bn} is joined to {an} with no join condition"),
        format!(
            "{bn} and {an} are {how}: every row of {an} is paired with every row of {bn}, so the result has rows({an}) × rows({bn}) rows before anything else runs. \
             It is almost always a forgotten condition, and the rows returned are wrong as well as many."
        ),
    )
    .location(q.location_at(b.span))
    .evidence("FROM", block.from.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
    .evidence("Join condition", format!("none between {} and {}", a.from_text(), b.from_text()));
    if let Some(w) = block.selection {
        f = f.evidence("WHERE", crate::query::excerpt(&w.to_string(), 200));
    }
    f = f.impact(Impact {
        text: format!("With the condition, the join returns the matching pairs (about as many rows as the larger side) instead of rows({an}) × rows({bn})."),
        ..Impact::default()
    });
    let condition = foreign_key_condition(a, b);
    let sql = condition.as_ref().and_then(|c| with_condition(q, block, &on, c, is_top));
    let text = match (&condition, &sql) {
        (Some(c), Some(_)) => format!("Add the condition the foreign key between {an} and {bn} gives: `{c}`."),
        (Some(c), None) => format!("Add the condition the foreign key between {an} and {bn} gives, `{c}`, to the ON clause or the WHERE clause."),
        (None, _) => format!(
            "Add the condition that relates {} to {} (a key of one equal to the column that references it in the other){}. If the cross product is really meant, write it as CROSS JOIN so that readers see the intent.",
            b.qualifier(),
            a.qualifier(),
            if a.table.is_some() && b.table.is_some() { "; the schema has no foreign key between them" } else { "" }
        ),
    };
    f.fix(sql, text)
        .risk("No lock and no schema change: only the query text changes. The query returns fewer rows, the matching pairs instead of every combination: that is the point, but check that no caller relied on the cross product.")
        .rollback(None, query_rewrite_rollback())
}

/// The statement with the condition added: in place of a constant ON, else ANDed to
/// the top-level WHERE.
fn with_condition(q: &QueryStatement, block: &Block, on: &Option<Expr>, condition: &str, is_top: bool) -> Option<String> {
    let mut splice = Splice::new(&q.statement);
    if let Some(on) = on {
        return splice.expr(on, condition.to_owned()).then(|| splice.sql());
    }
    if !is_top || block.kind != BlockKind::Select {
        return None;
    }
    let marker = splice.marker_expr(condition.to_owned());
    let select = walk::top_query_mut(splice.statement_mut()).and_then(walk::single_select_mut)?;
    crate::query::expr::add_condition(&mut select.selection, marker);
    Some(splice.sql())
}

#[cfg(test)]
mod tests {
    use crate::query::test_support::{findings, findings_in};
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_comma_join_without_condition() {
        let f = findings("cartesian-join/fires.sql", Some("schema.sql"), super::META.id);
        assert_eq!(f.len(), 2, "{f:#?}");
        insta::assert_snapshot!(render(&f[0]));
        assert!(f[1].fix.sql.as_deref().is_some_and(|s| s.contains("ON o.customer_id = c.id")), "{:?}", f[1].fix);
    }

    #[test]
    fn quiet_with_conditions_cross_join_and_lateral() {
        let f = findings("cartesian-join/quiet.sql", Some("schema.sql"), super::META.id);
        assert!(f.is_empty(), "{f:#?}");
        // Without a schema, bare columns may relate the tables: no guess.
        let f = findings_in("SELECT * FROM orders o, customers c WHERE customer_id = id;", None, super::META.id);
        assert!(f.is_empty(), "{f:#?}");
    }
}
