use sqlparser::ast::{SelectItem, SelectItemQualifiedWildcardKind, Spanned};

use super::advice::{query_rewrite_risk, query_rewrite_rollback};
use super::fixsql::quote_ident;
use super::Context;
use crate::query::scope::{Relation, Scope};
use crate::query::{self, walk, Findings, QueryStatement};
use crate::report::{Finding, Impact};
use crate::sql::names::QualifiedName;

declare_rule! {
    /// ## What it does
    /// Finds `SELECT *` (or `t.*`) in the select list of a query's top level, over
    /// at least one table. A `*` inside `EXISTS (SELECT * ...)` or `count(*)` is not
    /// reported: it reads no columns.
    ///
    /// ## Why it matters
    /// `*` reads and sends every column, wide and TOASTed ones included, whether the
    /// caller uses them or not. No index-only scan can serve it, and the result
    /// changes shape when a column is added, dropped or reordered, which breaks
    /// callers that read columns by position.
    ///
    /// ## Example
    /// ```sql
    /// SELECT * FROM orders WHERE customer_id = $1;
    /// ```
    ///
    /// ## Fix
    /// Name the columns the caller reads. With a schema, pgsight lists the table's
    /// columns so you only have to delete the ones you do not need:
    /// ```sql
    /// SELECT id, customer_id, status, total FROM orders WHERE customer_id = $1;
    /// ```
    id: "select-star",
    category: Query,
    severity: Info,
    summary: "SELECT * reads and returns every column",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut findings = Findings::new(out);
    for q in query::statements(ctx) {
        let ctes = walk::top_query(&q.statement).map(walk::cte_names).unwrap_or_default();
        for (position, select) in walk::top_selects(&q.statement).into_iter().enumerate() {
            let Some(star) = select.projection.iter().find(|i| matches!(i, SelectItem::Wildcard(_) | SelectItem::QualifiedWildcard(..))) else {
                continue;
            };
            let scope = Scope::new(&select.from.iter().collect::<Vec<_>>(), &ctes, ctx.catalog.as_ref());
            let covered = covered(star, &scope);
            if !covered.iter().any(|r| r.is_table()) {
                continue;
            }
            let single_select = walk::top_query(&q.statement).and_then(walk::single_select).is_some() && position == 0;
            findings.push(&q, finding(&q, star, &scope, &covered, single_select));
        }
    }
    findings.finish();
}

/// The relations a `*` or `t.*` stands for.
fn covered<'s, 'a>(star: &SelectItem, scope: &'s Scope<'a>) -> Vec<&'s Relation<'a>> {
    match star {
        SelectItem::QualifiedWildcard(SelectItemQualifiedWildcardKind::ObjectName(name), _) => {
            let Some(q) = QualifiedName::from_object_name(name) else { return Vec::new() };
            let column = crate::query::expr::ColumnName {
                qualifier: q.schema.iter().cloned().chain([q.name.clone()]).collect(),
                name: String::new(),
            };
            scope.resolve(&column).map(|i| vec![&scope.relations[i]]).unwrap_or_default()
        }
        _ => scope.relations.iter().collect(),
    }
}

fn finding(q: &QueryStatement, star: &SelectItem, scope: &Scope, covered: &[&Relation], single_select: bool) -> Finding {
    let names: Vec<String> = covered.iter().map(|r| r.display()).collect();
    let list = names.join(", ");
    let star_text = star.to_string();
    let all_known = covered.iter().all(|r| r.table.is_some());
    let column_count: usize = covered.iter().filter_map(|r| r.table).map(|t| t.columns.len()).sum();
    let columns_text = if all_known {
        format!(" That is {column_count} columns today.")
    } else {
        String::new()
    };
    let mut f = Finding::new(
        &META,
        format!("SELECT {star_text} returns every column of {list}"),
        format!(
            "The query's select list is `{star_text}`: it reads and returns every column of {list}, whether the caller uses it or not.{columns_text} \
             Wide and TOASTed values are fetched and sent, no index-only scan can serve the query, and the result changes shape whenever a column is added, dropped or reordered."
        ),
    )
    .location(q.location_at(star.span()))
    .evidence("Select list", star_text.clone())
    .evidence("Statement", q.excerpt());
    for r in covered {
        if let Some(t) = r.table {
            let cols: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
            f = f.evidence(format!("Columns of {}", r.display()), format!("{} ({})", cols.len(), cols.join(", ")));
        }
    }
    f = f.impact(Impact {
        text: format!(
            "Only the columns the caller needs are read and sent{}; with an index that holds them, an index-only scan becomes possible, and adding a column to {list} no longer changes what the query returns.",
            if all_known { format!(" instead of all {column_count}") } else { String::new() }
        ),
        ..Impact::default()
    });
    let risk = format!(
        "{} Check every caller of this query: code that reads a column you leave out, or reads columns by position, breaks.",
        query_rewrite_risk()
    );
    let rewrite = (all_known && single_select).then(|| named_columns_sql(q, star, scope, covered)).flatten();
    match rewrite {
        Some(sql) => f
            .fix(
                Some(sql),
                format!("Name the columns the caller reads. The list is every column the schema defines for {list} today: delete the ones the caller does not use."),
            ),
        None => f.fix(
            None,
            format!(
                "Replace `{star_text}` with the columns the caller reads from {list}{}.",
                if all_known { String::new() } else { " (pass the schema with --schema and pgsight lists them)".to_owned() }
            ),
        ),
    }
    .risk(risk)
    .rollback(None, query_rewrite_rollback())
}

/// The statement with the `*` replaced by the covered tables' columns, qualified
/// when the query reads several relations; columns whose names repeat across tables
/// get an alias so that the result's names stay distinct.
fn named_columns_sql(q: &QueryStatement, star: &SelectItem, scope: &Scope, covered: &[&Relation]) -> Option<String> {
    let qualify = scope.relations.len() > 1;
    let mut seen: Vec<String> = Vec::new();
    let mut items = Vec::new();
    for r in covered {
        let table = r.table?;
        for c in &table.columns {
            let name = quote_ident(&c.name);
            let mut item = if qualify { format!("{}.{name}", quote_ident(&r.qualifier())) } else { name };
            if seen.contains(&c.name) {
                item.push_str(&format!(" AS {}", quote_ident(&format!("{}_{}", r.qualifier(), c.name))));
            }
            seen.push(c.name.clone());
            items.push(item);
        }
    }
    let mut splice = crate::query::expr::Splice::new(&q.statement);
    let marker = splice.marker_expr(items.join(", "));
    let select = walk::top_query_mut(splice.statement_mut()).and_then(walk::single_select_mut)?;
    let position = select.projection.iter().position(|i| i == star)?;
    select.projection[position] = SelectItem::UnnamedExpr(marker);
    Some(splice.sql())
}

#[cfg(test)]
mod tests {
    use crate::query::test_support::{findings, findings_in};
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_select_star_with_the_schemas_columns() {
        let f = findings("select-star/fires.sql", Some("schema.sql"), super::META.id);
        assert_eq!(f.len(), 2, "{f:#?}");
        insta::assert_snapshot!(render(&f[0]));
        assert!(f[1].fix.sql.as_deref().is_some_and(|s| s.contains("o.id, o.customer_id")), "{:?}", f[1].fix);
    }

    #[test]
    fn without_a_schema_names_no_columns() {
        let f = findings("select-star/fires.sql", None, super::META.id);
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f[0].fix.sql.is_none());
    }

    #[test]
    fn quiet_on_named_columns_exists_and_count() {
        assert!(findings("select-star/quiet.sql", Some("schema.sql"), super::META.id).is_empty());
        assert!(findings_in("-- SELECT * FROM orders\nSELECT '*' FROM orders WHERE id = 1;", None, super::META.id).is_empty());
    }
}
