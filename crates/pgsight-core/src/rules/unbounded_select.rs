use sqlparser::ast::{Expr, GroupByExpr, LimitClause, Query, Select, SelectItem, Spanned};

use super::advice::query_rewrite_rollback;
use super::fixsql::quote_ident;
use super::Context;
use crate::query::expr::{each_expr, function_name, Splice};
use crate::query::scope::Scope;
use crate::query::{self, walk, Findings, QueryStatement};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds a query whose top level reads a table with neither a `WHERE` nor a
    /// `LIMIT` (or `FETCH FIRST`). Queries that return one row (an aggregate without
    /// GROUP BY) or groups (GROUP BY) are left alone. This is advice (info).
    ///
    /// ## Why it matters
    /// The result grows with the table: every row is read, sent over the network and
    /// held in the client's memory. What returns 200 rows in development returns 20
    /// million in production, and the endpoint that runs it slows down, then runs
    /// out of memory.
    ///
    /// ## Example
    /// ```sql
    /// SELECT id, email FROM customers ORDER BY id;
    /// ```
    ///
    /// ## Fix
    /// Page through the rows with a key (keyset pagination): each page costs the same
    /// however large the table grows.
    /// ```sql
    /// SELECT id, email FROM customers ORDER BY id LIMIT 100;
    /// SELECT id, email FROM customers WHERE id > $1 ORDER BY id LIMIT 100;
    /// ```
    /// `$1` is the last `id` of the previous page.
    id: "unbounded-select",
    category: Query,
    severity: Info,
    summary: "A query reads a whole table with neither WHERE nor LIMIT",
    thresholds: Thresholds,
}

/// Defaults.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Rows per page in the proposed pagination.
    pub page_size: u64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { page_size: 100 }
    }
}

/// Functions that fold all rows into one.
pub(crate) const AGGREGATES: &[&str] = &[
    "count", "sum", "avg", "min", "max", "bool_and", "bool_or", "every", "array_agg", "string_agg", "json_agg", "jsonb_agg",
    "json_object_agg", "jsonb_object_agg", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp",
    "percentile_cont", "percentile_disc", "mode", "bit_and", "bit_or", "xmlagg",
];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    let mut findings = Findings::new(out);
    for q in query::statements(ctx) {
        let Some(query) = walk::top_query(&q.statement) else { continue };
        let Some(select) = walk::single_select(query) else { continue };
        if is_bounded(query) || select.selection.is_some() || returns_one_row_or_groups(select) {
            continue;
        }
        let ctes = walk::cte_names(query);
        let scope = Scope::new(&select.from.iter().collect::<Vec<_>>(), &ctes, ctx.catalog.as_ref());
        if !scope.relations.iter().any(|r| r.is_table()) {
            continue;
        }
        findings.push(&q, finding(&q, query, select, &scope, &t));
    }
    findings.finish();
}

fn is_bounded(query: &Query) -> bool {
    let limited = match &query.limit_clause {
        Some(LimitClause::LimitOffset { limit, .. }) => limit.as_ref().is_some_and(|l| !matches!(l, Expr::Value(v) if v.value == sqlparser::ast::Value::Null)),
        Some(LimitClause::OffsetCommaLimit { .. }) => true,
        None => false,
    };
    limited || query.fetch.is_some()
}

/// An aggregate without GROUP BY returns one row; GROUP BY returns groups, a report
/// rather than a listing.
fn returns_one_row_or_groups(select: &Select) -> bool {
    let grouped = match &select.group_by {
        GroupByExpr::All(_) => true,
        GroupByExpr::Expressions(exprs, _) => !exprs.is_empty(),
    };
    if grouped {
        return true;
    }
    let aggregates = |e: &Expr| {
        let mut found = false;
        each_expr(e, |x| found |= matches!(x, Expr::Function(f) if f.over.is_none() && AGGREGATES.contains(&function_name(f).as_str())));
        found
    };
    !select.projection.is_empty()
        && select.projection.iter().all(|item| match item {
            SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } => aggregates(e),
            _ => false,
        })
}

fn finding(q: &QueryStatement, query: &Query, select: &Select, scope: &Scope, t: &Thresholds) -> Finding {
    let tables: Vec<String> = scope.tables().map(|(_, r)| r.display()).collect();
    let list = tables.join(", ");
    let first = scope.tables().next().map(|(_, r)| r);
    let mut f = Finding::new(
        &META,
        format!("Query returns every row of {list}: no WHERE, no LIMIT"),
        format!(
            "The query reads {list} with neither a WHERE clause nor a LIMIT: it returns every row, and the result grows with the table. \
             Every row is read, sent over the network and held by the client; what returns a few hundred rows in development can return millions in production."
        ),
    )
    .location(q.location_at(select.span()))
    .evidence("Statement", q.excerpt())
    .evidence("WHERE", "none")
    .evidence("LIMIT", "none");
    if let Some(order_by) = &query.order_by {
        f = f.evidence("ORDER BY", order_by.to_string().trim_start_matches("ORDER BY ").to_owned());
    }
    f = f.impact(Impact {
        text: format!(
            "A page of {} rows costs the same whatever the size of {list}, and the client holds one page at a time instead of the whole table.",
            t.page_size
        ),
        ..Impact::default()
    });
    let risk = "No lock and no schema change: only the query text changes. Callers must fetch page after page, passing the last key they received, instead of getting every row at once.";
    let key = first.and_then(|r| {
        let pk = r.table?.primary_key.as_ref()?;
        match pk.columns.as_slice() {
            [column] => Some((r, column.clone())),
            _ => None,
        }
    });
    let appendable = query.locks.is_empty() && query.limit_clause.is_none() && query.fetch.is_none();
    let fix = match (&query.order_by, key) {
        (Some(order_by), _) if appendable => Some((
            format!("{} LIMIT {};", q.statement, t.page_size),
            format!(
                "Return the rows a page at a time in the query's own order. For the next pages, add to the WHERE clause a comparison of the ORDER BY key ({}) with the last row the client received, rather than an OFFSET that re-reads the rows before it.",
                order_by.to_string().trim_start_matches("ORDER BY ")
            ),
        )),
        (None, Some((relation, column))) if appendable => {
            let qualified = if scope.relations.len() > 1 { format!("{}.{}", quote_ident(&relation.qualifier()), quote_ident(&column)) } else { quote_ident(&column) };
            let first_page = format!("{} ORDER BY {qualified} LIMIT {};", q.statement, t.page_size);
            let next = next_page(q, &qualified, t.page_size);
            Some((
                match next {
                    Some(next) => format!("{first_page}\n{next}"),
                    None => first_page,
                },
                format!(
                    "Page through {} by its primary key {column}: the first statement reads the first page, the second each next page, with ${} the last {column} the client received. An index on the key (the primary key's) serves every page in the same time.",
                    relation.display(),
                    crate::query::expr::highest_parameter(&q.statement) + 1
                ),
            ))
        }
        _ => None,
    };
    match fix {
        Some((sql, text)) => f.fix(Some(sql), text),
        None => f.fix(
            None,
            format!(
                "Add the WHERE clause the caller needs, or page through {list} with ORDER BY a unique key and LIMIT {}, asking each next page for the keys after the last one received (keyset pagination).",
                t.page_size
            ),
        ),
    }
    .risk(risk)
    .rollback(None, query_rewrite_rollback())
}

/// The query for the pages after the first: `WHERE key > $n ORDER BY key LIMIT n`.
fn next_page(q: &QueryStatement, key: &str, page_size: u64) -> Option<String> {
    let parameter = crate::query::expr::highest_parameter(&q.statement) + 1;
    let mut splice = Splice::new(&q.statement);
    let condition = splice.marker_expr(format!("{key} > ${parameter}"));
    let select = walk::top_query_mut(splice.statement_mut()).and_then(walk::single_select_mut)?;
    crate::query::expr::add_condition(&mut select.selection, condition);
    let sql = splice.sql();
    Some(format!("{} ORDER BY {key} LIMIT {page_size};", sql.trim_end_matches(';')))
}

#[cfg(test)]
mod tests {
    use crate::query::test_support::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_a_whole_table_listing() {
        let f = findings("unbounded-select/fires.sql", Some("schema.sql"), super::META.id);
        assert_eq!(f.len(), 2, "{f:#?}");
        insta::assert_snapshot!(render(&f[0]));
        assert!(f[1].fix.sql.as_deref().is_some_and(|s| s.ends_with("ORDER BY created_at DESC LIMIT 100;")), "{:?}", f[1].fix);
    }

    #[test]
    fn quiet_when_filtered_limited_or_aggregated() {
        let f = findings("unbounded-select/quiet.sql", Some("schema.sql"), super::META.id);
        assert!(f.is_empty(), "{f:#?}");
    }
}
