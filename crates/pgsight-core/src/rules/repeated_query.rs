use std::collections::HashMap;

use sqlparser::ast::{Assignment, AssignmentTarget, BinaryOperator, Expr, GroupByExpr, SelectItem, SetExpr, Statement};

use super::advice::query_rewrite_rollback;
use super::fixsql::{quote_ident, quote_qualified};
use super::format::count;
use super::Context;
use crate::query::expr::{column_name, conjuncts, highest_parameter, unnest, Splice};
use crate::query::scope::Scope;
use crate::query::shape::{literals, marked, marker, marker_index, shape};
use crate::query::{self, excerpt, walk, QueryStatement};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds statements in one query input that have the same shape and differ only
    /// in their literals, at least 3 of them: what an application loop sends, one
    /// query per item (the N+1 pattern), as a log or `pg_stat_activity` shows it.
    /// It is advice (info), with the batched statement that replaces them.
    ///
    /// ## Why it matters
    /// Each statement pays a network round trip, a parse and plan (unless prepared)
    /// and an executor start-up, however little it reads. A page that shows 50
    /// orders with one query each spends most of its time waiting on the network;
    /// one statement for the 50 keys does the same work in one round trip.
    ///
    /// ## Example
    /// ```sql
    /// SELECT id, total FROM orders WHERE customer_id = 17;
    /// SELECT id, total FROM orders WHERE customer_id = 18;
    /// SELECT id, total FROM orders WHERE customer_id = 42;
    /// ```
    ///
    /// ## Fix
    /// One statement for all the values, passed as one array parameter:
    /// ```sql
    /// SELECT customer_id, id, total FROM orders WHERE customer_id = ANY($1);
    /// ```
    /// with `$1 = '{17,18,42}'`; inserts become one multi-row `INSERT`, and updates
    /// with different values a join against a `VALUES` list.
    id: "repeated-query",
    category: Query,
    severity: Info,
    summary: "The same statement repeated with different literals (N+1)",
    thresholds: Thresholds,
}

/// Defaults.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Statements of one shape needed for a finding.
    pub min_repeats: usize,
    /// Rows a proposed multi-row statement carries at most.
    pub max_batch_rows: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_repeats: 3, max_batch_rows: 1_000 }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    let statements = query::statements(ctx);
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut by_key: HashMap<(usize, String), usize> = HashMap::new();
    for (i, q) in statements.iter().enumerate() {
        let key = (q.script.input, shape(&q.statement));
        match by_key.get(&key) {
            Some(&g) => groups[g].1.push(i),
            None => {
                by_key.insert(key.clone(), groups.len());
                groups.push((key.1, vec![i]));
            }
        }
    }
    for (shape, members) in groups {
        if members.len() < t.min_repeats.max(2) {
            continue;
        }
        let group: Vec<&QueryStatement> = members.iter().map(|&i| &statements[i]).collect();
        let values: Vec<Vec<String>> = group.iter().map(|q| literals(&q.statement)).collect();
        let mut distinct = values.clone();
        distinct.sort();
        distinct.dedup();
        if distinct.len() < 2 {
            continue;
        }
        let mut f = finding(&group, &shape, &values, ctx, &t);
        f.category = crate::rules::Category::Query;
        out.push(f);
    }
}

/// Positions of the literals that differ between statements; `None` when the
/// statements do not have the same number of literals (lists of different lengths).
fn varying(values: &[Vec<String>]) -> Option<Vec<usize>> {
    let n = values[0].len();
    if values.iter().any(|v| v.len() != n) {
        return None;
    }
    Some((0..n).filter(|&k| values.iter().any(|v| v[k] != values[0][k])).collect())
}

/// A batched rewrite: the SQL and what it asks of the caller.
struct Batch {
    sql: String,
    text: String,
    risk: String,
    evidence: Option<(String, String)>,
}

fn finding(group: &[&QueryStatement], shape: &str, values: &[Vec<String>], ctx: &Context, t: &Thresholds) -> Finding {
    let first = group[0];
    let n = group.len();
    let lines: Vec<String> = group.iter().take(6).filter_map(|q| q.location().line).map(|l| l.to_string()).collect();
    let lines_text = if n > 6 { format!("{}, ...", lines.join(", ")) } else { lines.join(", ") };
    let mut f = Finding::new(
        &META,
        format!("The same statement runs {n} times with different values (N+1)"),
        format!(
            "{n} statements in this input have the same shape and differ only in their literals: `{}`. \
             This is what an application loop sends, one statement per item (the N+1 pattern): each pays a network round trip, a parse and plan unless prepared, and an executor start-up, however little it reads.",
            excerpt(shape, 160)
        ),
    )
    .location(first.location())
    .evidence("Statements of this shape", count(n as f64))
    .evidence("Lines", lines_text)
    .evidence("First", first.excerpt());
    let batch = varying(values).and_then(|v| {
        if v.is_empty() {
            return None;
        }
        insert_batch(group, t).or_else(|| any_batch(first, values, &v)).or_else(|| update_join(group, values, &v, ctx, t))
    });
    f = f.impact(Impact {
        text: format!("{n} statements become one: {} fewer round trips and executions, each of which waits on the network before the next starts.", count((n - 1) as f64)),
        ..Impact::default()
    });
    match batch {
        Some(b) => {
            if let Some((label, value)) = b.evidence {
                f = f.evidence(label, value);
            }
            f.fix(Some(b.sql), b.text).risk(b.risk)
        }
        None => f
            .fix(
                None,
                "Send one statement for all the values instead of one per value: compare the varying column with an array parameter (`= ANY($1)`), or join against the values (`JOIN unnest($1::bigint[], $2::text[]) AS v(id, name) ON ...`, or a VALUES list); in the application, load the items in one query rather than in the loop.",
            )
            .risk("One statement returns or changes the rows of every value at once: the application must match them back by the varying column. Keep batches to a few thousand values. No lock or schema change."),
    }
    .rollback(None, query_rewrite_rollback())
}

/// `INSERT ... VALUES (one row)` repeated: one multi-row INSERT.
fn insert_batch(group: &[&QueryStatement], t: &Thresholds) -> Option<Batch> {
    let rows: Vec<_> = group
        .iter()
        .map(|q| match q.statement.as_ref() {
            Statement::Insert(insert) => match insert.source.as_ref().map(|s| s.body.as_ref()) {
                Some(SetExpr::Values(v)) if v.rows.len() == 1 => Some(v.rows[0].clone()),
                _ => None,
            },
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    let mut statement = group[0].statement.clone().into_owned();
    let kept = rows.len().min(t.max_batch_rows);
    if let Statement::Insert(insert) = &mut statement {
        if let Some(SetExpr::Values(v)) = insert.source.as_mut().map(|s| s.body.as_mut()) {
            v.rows = rows.into_iter().take(kept).collect();
        }
    }
    let more = if group.len() > kept { format!(" It carries the first {kept} rows; send the others in batches of the same size.") } else { String::new() };
    Some(Batch {
        sql: format!("{statement};"),
        text: format!("Insert the {} rows with one multi-row INSERT.{more} For thousands of rows, COPY is faster still.", count(group.len() as f64)),
        risk: "One statement is one transaction: a row that fails (a constraint, a conflict) fails the whole batch unless ON CONFLICT handles it. Very large statements cost parse time and memory: keep batches to a few thousand rows. No lock beyond what the single inserts took.".to_owned(),
        evidence: None,
    })
}

/// Where the statement's filter lives in a marked statement.
fn selection_of(statement: &Statement) -> Option<&Expr> {
    match statement {
        Statement::Query(q) => walk::single_select(q)?.selection.as_ref(),
        Statement::Update(u) => u.selection.as_ref(),
        Statement::Delete(d) => d.selection.as_ref(),
        _ => None,
    }
}

/// The conjunct `col = <literal k>` holding every varying literal, on one column.
fn key_conjunct<'m>(selection: &'m Expr, varying: &[usize]) -> Option<(&'m Expr, &'m Expr, usize)> {
    let mut found = None;
    for c in conjuncts(selection) {
        if let Expr::BinaryOp { left, op: BinaryOperator::Eq, right } = unnest(c) {
            let (column, k) = match (column_name(left).is_some(), marker_index(right), column_name(right).is_some(), marker_index(left)) {
                (true, Some(k), _, _) => (left.as_ref(), k),
                (_, _, true, Some(k)) => (right.as_ref(), k),
                _ => continue,
            };
            if varying.contains(&k) {
                if found.is_some() {
                    return None;
                }
                found = Some((c, column, k));
            }
        }
    }
    let (_, _, k) = found?;
    (varying == [k]).then_some(())?;
    found
}

/// Puts the first statement's literals back in place of the markers.
fn restore(sql: String, first: &[String]) -> String {
    let mut sql = sql;
    for k in (0..first.len()).rev() {
        sql = sql.replace(&marker(k), &first[k]);
    }
    sql
}

/// The array literal of the values: `'{17,18,42}'`.
fn array_literal(values: &[&String]) -> String {
    let items: Vec<String> = values
        .iter()
        .map(|v| match v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
            Some(text) => format!("\"{}\"", text.replace("''", "'").replace('\\', "\\\\").replace('"', "\\\"")),
            None => v.to_string(),
        })
        .collect();
    format!("'{{{}}}'", items.join(",").replace('\'', "''"))
}

/// SELECT / UPDATE / DELETE whose only varying literal is `col = <value>`:
/// `col = ANY($n)`.
fn any_batch(first: &QueryStatement, values: &[Vec<String>], varying: &[usize]) -> Option<Batch> {
    let marked_statement = marked(&first.statement);
    let selection = selection_of(&marked_statement)?;
    let (conjunct, column, k) = key_conjunct(selection, varying)?;
    if let Statement::Update(u) = &marked_statement {
        let mut in_set = false;
        for a in &u.assignments {
            crate::query::expr::each_expr(&a.value, |e| in_set |= marker_index(e).is_some_and(|i| varying.contains(&i)));
        }
        if in_set {
            return None;
        }
    }
    let parameter = highest_parameter(&first.statement) + 1;
    let column_text = column.to_string();
    let mut splice = Splice::new(&marked_statement);
    if !splice.expr(conjunct, format!("{column_text} = ANY(${parameter})")) {
        return None;
    }
    let mut added = false;
    if let Some(query) = walk::top_query_mut(splice.statement_mut()) {
        if query.limit_clause.is_some() || query.fetch.is_some() {
            return None;
        }
        let select = walk::single_select_mut(query)?;
        let grouped = !matches!(&select.group_by, GroupByExpr::Expressions(e, _) if e.is_empty());
        if grouped {
            return None;
        }
        let star = select.projection.iter().any(|i| matches!(i, SelectItem::Wildcard(_) | SelectItem::QualifiedWildcard(..)));
        let present = select.projection.iter().any(|i| matches!(i, SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } if column_name(e) == column_name(column)));
        let aggregate = select.projection.iter().any(|i| match i {
            SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } => {
                let mut found = false;
                crate::query::expr::each_expr(e, |x| {
                    found |= matches!(x, Expr::Function(f) if super::unbounded_select::AGGREGATES.contains(&crate::query::expr::function_name(f).as_str()))
                });
                found
            }
            _ => false,
        });
        if aggregate {
            select.group_by = GroupByExpr::Expressions(vec![column.clone()], Vec::new());
        }
        if !star && !present {
            select.projection.insert(0, SelectItem::UnnamedExpr(column.clone()));
            added = true;
        }
    }
    let sql = restore(splice.sql(), &values[0]);
    let mut keys: Vec<&String> = values.iter().map(|v| &v[k]).collect();
    keys.sort();
    keys.dedup();
    let shown: Vec<&str> = keys.iter().take(10).map(|s| s.as_str()).collect();
    let array = array_literal(&keys);
    let array_text = if array.len() <= 200 { format!(" (here {array})") } else { String::new() };
    let text = format!(
        "One statement for the {} values of {column_text}: pass them as one array parameter, ${parameter}{array_text}.{}",
        count(keys.len() as f64),
        if added { format!(" {column_text} is added to the select list so that the application can match each row to its value.") } else { String::new() }
    );
    Some(Batch {
        sql,
        text,
        risk: format!(
            "One statement returns or changes the rows of every value at once: the application must match them back by {column_text}. Keep the arrays to a few thousand values per statement. No lock or schema change."
        ),
        evidence: Some((format!("Values of {column_text}"), format!("{}{} ({} distinct)", shown.join(", "), if keys.len() > 10 { ", ..." } else { "" }, count(keys.len() as f64)))),
    })
}

/// `UPDATE t SET a = <v> WHERE key = <k>` with different values: one UPDATE joined
/// to a VALUES list.
fn update_join(group: &[&QueryStatement], values: &[Vec<String>], varying: &[usize], ctx: &Context, t: &Thresholds) -> Option<Batch> {
    let marked_statement = marked(&group[0].statement);
    let Statement::Update(update) = &marked_statement else { return None };
    if update.from.is_some() || update.returning.is_some() || !update.table.joins.is_empty() {
        return None;
    }
    let selection = update.selection.as_ref()?;
    // The key: the one conjunct `key = <varying>`.
    let mut key = None;
    for c in conjuncts(selection) {
        let mut in_c = Vec::new();
        crate::query::expr::each_expr(c, |e| in_c.extend(marker_index(e).filter(|i| varying.contains(i))));
        if in_c.is_empty() {
            continue;
        }
        let Expr::BinaryOp { left, op: BinaryOperator::Eq, right } = unnest(c) else { return None };
        let (column, k) = match (column_name(left), marker_index(right), column_name(right), marker_index(left)) {
            (Some(col), Some(k), _, _) | (_, _, Some(col), Some(k)) => (col, k),
            _ => return None,
        };
        if key.is_some() {
            return None;
        }
        key = Some((c, column, k));
    }
    let (key_conjunct, key_column, key_k) = key?;
    // The assignments: `col = <varying>` become `col = v.col`; others stay.
    let scope = Scope::new(&[&update.table], &[], ctx.catalog.as_ref());
    let relation = scope.relations.first()?;
    let mut columns = vec![(key_column.name.clone(), key_k)];
    let mut set = Vec::new();
    for Assignment { target, value } in &update.assignments {
        let AssignmentTarget::ColumnName(name) = target else { return None };
        let name = crate::sql::names::QualifiedName::from_object_name(name)?.name;
        match marker_index(value) {
            Some(k) if varying.contains(&k) => {
                let cast = relation.table.and_then(|t| t.column(&name)).map(|c| format!("::{}", c.normalized_type)).unwrap_or_default();
                set.push(format!("{} = v.{}{cast}", quote_ident(&name), quote_ident(&name)));
                columns.push((name, k));
            }
            _ => {
                let mut varies = false;
                crate::query::expr::each_expr(value, |e| varies |= marker_index(e).is_some_and(|i| varying.contains(&i)));
                if varies {
                    return None;
                }
                set.push(format!("{} = {}", quote_ident(&name), value));
            }
        }
    }
    let covered: Vec<usize> = columns.iter().map(|(_, k)| *k).collect();
    if varying.iter().any(|k| !covered.contains(k)) {
        return None;
    }
    let rows: Vec<String> = values.iter().take(t.max_batch_rows).map(|v| format!("({})", columns.iter().map(|(_, k)| v[*k].clone()).collect::<Vec<_>>().join(", "))).collect();
    let names: Vec<String> = columns.iter().map(|(c, _)| quote_ident(c)).collect();
    let target = relation.from_text();
    let qualifier = quote_ident(&relation.qualifier());
    let mut conditions = vec![format!("{qualifier}.{} = v.{}", quote_ident(&key_column.name), quote_ident(&key_column.name))];
    for c in conjuncts(selection) {
        if !std::ptr::eq(c, key_conjunct) {
            conditions.push(restore(c.to_string(), &values[0]));
        }
    }
    let sql = format!(
        "UPDATE {target} SET {}\nFROM (VALUES\n  {}\n) AS v({})\nWHERE {};",
        restore(set.join(", "), &values[0]),
        rows.join(",\n  "),
        names.join(", "),
        conditions.join(" AND ")
    );
    let table = quote_qualified(&relation.display());
    Some(Batch {
        sql,
        text: format!(
            "One UPDATE of {table} joined to the {} (key, values) pairs as a VALUES list. {}",
            count(rows.len() as f64),
            if relation.table.is_some() { "The new values are cast to the columns' types from the schema." } else { "VALUES types its columns from the first row: cast the values to the columns' types where they differ (text into an enum or a timestamp)." }
        ),
        risk: "One statement is one transaction: it locks every row it updates until it commits, and a failing row fails the batch. If a key appears twice in the list, the row is updated with one of the pairs, unpredictably. Keep batches to a few thousand rows.".to_owned(),
        evidence: None,
    })
}

#[cfg(test)]
mod tests {
    use crate::query::test_support::{findings, findings_in};
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_a_pasted_n_plus_one() {
        let f = findings("repeated-query/fires.sql", Some("schema.sql"), super::META.id);
        assert_eq!(f.len(), 3, "{f:#?}");
        insta::assert_snapshot!(render(&f[0]));
        insta::assert_snapshot!("insert", render(&f[1]));
        insta::assert_snapshot!("update", render(&f[2]));
    }

    #[test]
    fn quiet_on_distinct_or_identical_statements() {
        let f = findings("repeated-query/quiet.sql", Some("schema.sql"), super::META.id);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn two_statements_are_not_a_pattern() {
        let sql = "SELECT id FROM orders WHERE customer_id = 1;\nSELECT id FROM orders WHERE customer_id = 2;";
        assert!(findings_in(sql, None, super::META.id).is_empty());
    }
}
