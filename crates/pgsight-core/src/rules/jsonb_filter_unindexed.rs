use sqlparser::ast::{BinaryOperator, Expr, Spanned, UnaryOperator};

use super::advice::create_index_risk;
use super::fixsql::{index_name, quote_ident, quote_qualified};
use super::Context;
use crate::query::expr::{canonical, column_name, conjuncts, is_literal, is_value, unnest, without_qualifiers, ColumnName};
use crate::query::scope::{expression_index, free_index_name, index_names_in, predicate_holds, Relation, Scope};
use crate::query::walk;
use crate::query::{self, Findings, QueryStatement};
use crate::report::{Finding, Impact};
use crate::sql::catalog::{Index, Table};

declare_rule! {
    /// ## What it does
    /// With a schema, finds a WHERE condition on a `jsonb` column that no index of
    /// the table serves: a comparison of a key's value (`payload ->> 'type' = $1`,
    /// `(payload ->> 'n')::int > 5`) with no expression index on exactly that
    /// expression, or a containment or key test (`payload @> '{"vip": true}'`,
    /// `payload ? 'vip'`) with no GIN index on the column that supports the operator.
    ///
    /// ## Why it matters
    /// Without a matching index, PostgreSQL reads every row, detoasts its document
    /// (large jsonb values are stored compressed, out of line) and parses it to test
    /// the condition. A GIN index on the column does not serve `->>` comparisons, and
    /// a `jsonb_path_ops` GIN index does not serve the `?` operators.
    ///
    /// ## Example
    /// ```sql
    /// SELECT id FROM events WHERE payload ->> 'type' = 'signup' AND kind = 'audit';
    /// ```
    ///
    /// ## Fix
    /// An expression index on the key, partial when another constant condition is
    /// always present; or a GIN index for containment:
    /// ```sql
    /// CREATE INDEX CONCURRENTLY events_payload_type_idx ON public.events ((payload ->> 'type')) WHERE kind = 'audit';
    /// CREATE INDEX CONCURRENTLY events_payload_gin_idx ON public.events USING gin (payload jsonb_path_ops);
    /// ```
    id: "jsonb-filter-unindexed",
    category: Query,
    severity: Warning,
    summary: "A filter on a jsonb key or containment that no index serves",
}

/// What the condition asks of the document.
enum Filter<'e> {
    /// `col ->> 'key' op value`: `access` is the indexed side, casts included.
    Key { access: &'e Expr },
    /// `col @> value`, `col ? 'key'`, ...
    Gin { op: BinaryOperator },
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(catalog) = ctx.catalog.as_ref() else { return };
    let mut findings = Findings::new(out);
    for q in query::statements(ctx) {
        let mut found = Vec::new();
        walk::for_each_block(&q.statement, |block| {
            let Some(selection) = block.selection else { return };
            let scope = Scope::new(&block.from, block.ctes, Some(catalog));
            let all = conjuncts(selection);
            let conditions: Vec<String> = all.iter().map(|c| canonical(c)).collect();
            for condition in &all {
                let Some((filter, column)) = read_filter(condition) else { continue };
                let Some(index) = scope.resolve(&column) else { continue };
                let relation = &scope.relations[index];
                let Some(table) = relation.table else { continue };
                if table.column(&column.name).is_none_or(|c| c.normalized_type != "jsonb") {
                    continue;
                }
                if served(&filter, table, &column.name, &conditions) {
                    continue;
                }
                let partial: Vec<String> = all
                    .iter()
                    .filter(|c| !std::ptr::eq(**c, *condition))
                    .filter_map(|c| constant_predicate(c, &scope, index))
                    .collect();
                let f = finding(&q, condition, &filter, relation, table, &column.name, &partial, catalog);
                found.push(super::catalog_check::with_schema(ctx, f).subject(relation.display(), [column.name.clone()]));
            }
        });
        for f in found {
            findings.push(&q, f);
        }
    }
    findings.finish();
}

/// `col ->> 'k' = v` (either side, casts allowed, `IN (...)` too) or `col @> v`,
/// `col ? k`, `col ?| k`, `col ?& k`, `col @? p`, `col @@ p`, `v <@ col`.
fn read_filter(condition: &Expr) -> Option<(Filter<'_>, ColumnName)> {
    match unnest(condition) {
        Expr::BinaryOp { left, op, right } => match op {
            BinaryOperator::Eq | BinaryOperator::Lt | BinaryOperator::LtEq | BinaryOperator::Gt | BinaryOperator::GtEq => {
                let (access, value) = if key_access(left).is_some() { (left, right) } else { (right, left) };
                let column = key_access(access)?;
                is_value(value).then_some((Filter::Key { access }, column))
            }
            BinaryOperator::AtArrow | BinaryOperator::Question | BinaryOperator::QuestionAnd | BinaryOperator::QuestionPipe | BinaryOperator::AtQuestion | BinaryOperator::AtAt => {
                let column = column_name(left)?;
                is_value(right).then_some((Filter::Gin { op: op.clone() }, column))
            }
            BinaryOperator::ArrowAt => {
                let column = column_name(right)?;
                is_value(left).then_some((Filter::Gin { op: BinaryOperator::AtArrow }, column))
            }
            _ => None,
        },
        Expr::InList { expr, list, negated: false } => {
            let column = key_access(expr)?;
            list.iter().all(is_value).then_some((Filter::Key { access: expr }, column))
        }
        _ => None,
    }
}

/// The column under `col ->> 'k'`, `col -> 'a' ->> 'b'`, `col #>> '{a,b}'`, possibly cast.
fn key_access(expr: &Expr) -> Option<ColumnName> {
    let expr = match unnest(expr) {
        Expr::Cast { expr, .. } => unnest(expr),
        other => other,
    };
    let Expr::BinaryOp { left, op: BinaryOperator::LongArrow | BinaryOperator::HashLongArrow, right } = expr else { return None };
    if !is_literal(right) {
        return None;
    }
    let mut base = unnest(left);
    while let Expr::BinaryOp { left, op: BinaryOperator::Arrow, right } = base {
        if !is_literal(right) {
            return None;
        }
        base = unnest(left);
    }
    column_name(base)
}

/// Whether an index of `table` serves the filter, its predicate implied by the query.
fn served(filter: &Filter, table: &Table, column: &str, conditions: &[String]) -> bool {
    match filter {
        Filter::Key { access } => expression_index(table, &canonical(access), conditions).is_some(),
        Filter::Gin { op } => gin_indexes(table, column).into_iter().any(|i| gin_serves(i, op) && predicate_holds(i, conditions)),
    }
}

fn gin_indexes<'t>(table: &'t Table, column: &str) -> Vec<&'t Index> {
    table.indexes.iter().filter(|i| i.method == "gin" && i.keys.first().and_then(|k| k.column.as_deref()) == Some(column)).collect()
}

fn path_ops(index: &Index) -> bool {
    index.keys.first().and_then(|k| k.opclass.as_deref()).is_some_and(|o| o.ends_with("jsonb_path_ops"))
}

/// jsonb_ops (the default) serves every jsonb operator; jsonb_path_ops only @>, @? and @@.
fn gin_serves(index: &Index, op: &BinaryOperator) -> bool {
    !path_ops(index) || matches!(op, BinaryOperator::AtArrow | BinaryOperator::AtQuestion | BinaryOperator::AtAt)
}

fn is_status_like(column: &str) -> bool {
    matches!(column, "status" | "state" | "type" | "kind") || column.ends_with("_status") || column.ends_with("_state") || column.ends_with("_type")
}

/// A condition on another column of the same table with a constant (no parameter)
/// that suits a partial index: `status = 'open'`, `deleted_at IS NULL`, a boolean
/// column. Written without qualifier.
fn constant_predicate(condition: &Expr, scope: &Scope, relation: usize) -> Option<String> {
    let own = |e: &Expr| column_name(e).filter(|c| scope.resolve(c) == Some(relation));
    let is_boolean = |c: &ColumnName| {
        scope.relations[relation].table.and_then(|t| t.column(&c.name)).is_some_and(|col| col.normalized_type == "boolean")
    };
    let keep = match unnest(condition) {
        Expr::IsNull(e) | Expr::IsNotNull(e) => own(e).is_some(),
        Expr::BinaryOp { left, op: BinaryOperator::Eq, right } => {
            let (column, value) = match (own(left), own(right)) {
                (Some(c), None) => (c, right),
                (None, Some(c)) => (c, left),
                _ => return None,
            };
            is_literal(value) && (is_status_like(&column.name) || is_boolean(&column))
        }
        Expr::UnaryOp { op: UnaryOperator::Not, expr } => own(expr).is_some_and(|c| is_boolean(&c)),
        e @ (Expr::Identifier(_) | Expr::CompoundIdentifier(_)) => own(e).is_some_and(|c| is_boolean(&c)),
        _ => false,
    };
    keep.then(|| without_qualifiers(unnest(condition)).to_string())
}

#[allow(clippy::too_many_arguments)]
fn finding(
    q: &QueryStatement,
    condition: &Expr,
    filter: &Filter,
    relation: &Relation,
    table: &Table,
    column: &str,
    partial: &[String],
    catalog: &crate::sql::Catalog,
) -> Finding {
    let table_name = relation.display();
    let condition_text = condition.to_string();
    let taken = index_names_in(catalog, &table.schema);
    let where_clause = if partial.is_empty() { String::new() } else { format!(" WHERE {}", partial.join(" AND ")) };
    let (title, diagnosis, create, name, explanation, extra_risk) = match filter {
        Filter::Key { access } => {
            let expression = without_qualifiers(access).to_string();
            let mut parts = vec![column.to_owned()];
            parts.extend(keys_of(access));
            let name = free_index_name(&taken, &index_name(&table_name, &parts, "idx"));
            let gin = gin_indexes(table, column);
            let gin_text = match gin.first() {
                Some(i) => format!(" The GIN index {} on {column} does not serve a comparison of an extracted value.", i.name),
                None => String::new(),
            };
            (
                format!("{expression} on {table_name} has no matching index"),
                format!(
                    "The query filters `{condition_text}` on {table_name}.{column}, a jsonb column, and no index of {table_name} is on the expression `{expression}`.{gin_text} \
                     Every row is read, its document detoasted and parsed, and the key extracted, to keep the few that match."
                ),
                format!("CREATE INDEX CONCURRENTLY {} ON {} (({expression})){where_clause};", quote_ident(&name), quote_qualified(&table_name)),
                name,
                format!(
                    "Index the expression exactly as the query writes it, `{expression}`: the planner uses an expression index only for the same expression{}.",
                    if partial.is_empty() { String::new() } else { format!(", and as a partial index on the rows where {}, which the query always asks for", partial.join(" AND ")) }
                ),
                format!(" The index serves `{expression}` written this way only: a query that writes it differently (another key, another cast) does not use it."),
            )
        }
        Filter::Gin { op } => {
            let path = matches!(op, BinaryOperator::AtArrow | BinaryOperator::AtQuestion | BinaryOperator::AtAt);
            let existing = gin_indexes(table, column);
            let existing_text = match existing.first() {
                Some(i) if !path => format!(" {} on {column} uses jsonb_path_ops, which serves only @>, @? and @@, not `{op}`.", i.name),
                _ => format!(" No GIN index of {table_name} is on {column}."),
            };
            let name = free_index_name(&taken, &index_name(&table_name, &[column.to_owned()], "gin_idx"));
            let (opclass, why) = if path {
                (" jsonb_path_ops", "jsonb_path_ops is smaller and faster than the default jsonb_ops and serves @>, @? and @@")
            } else {
                ("", "the default jsonb_ops serves the key-existence operators ?, ?| and ?& (jsonb_path_ops does not)")
            };
            (
                format!("{column} {op} ... on {table_name} has no GIN index"),
                format!(
                    "The query tests `{condition_text}` on {table_name}.{column}, a jsonb column.{existing_text} Every row is read and its document detoasted and tested, to keep the few that match."
                ),
                format!("CREATE INDEX CONCURRENTLY {} ON {} USING gin ({}{opclass}){where_clause};", quote_ident(&name), quote_qualified(&table_name), quote_ident(column)),
                name,
                format!(
                    "A GIN index on {column} serves `{op}`: {why}{}.",
                    if partial.is_empty() { String::new() } else { format!("; partial on the rows where {}, which the query always asks for", partial.join(" AND ")) }
                ),
                format!(" A GIN index is larger than a B-tree and slows down writes to {column} (it defers part of the work to a pending list, flushed by VACUUM or when gin_pending_list_limit is reached)."),
            )
        }
    };
    let indexes: Vec<String> = table.indexes.iter().map(|i| i.name.clone()).collect();
    let qualified_name = format!("{}.{}", quote_ident(&table.schema), quote_ident(&name));
    Finding::new(&META, title, diagnosis)
        .location(q.location_at(condition.span()))
        .evidence("Condition", condition_text.clone())
        .evidence(format!("Type of {column}"), "jsonb")
        .evidence(format!("Indexes of {table_name}"), if indexes.is_empty() { "none".to_owned() } else { indexes.join(", ") })
        .impact(Impact {
            text: format!("With the index, the query reads the matching rows through it instead of reading and parsing the document of every row of {table_name}."),
            ..Impact::default()
        })
        .fix(Some(create), explanation)
        .risk(format!("{}{extra_risk}", create_index_risk(&table_name)))
        .rollback(Some(format!("DROP INDEX CONCURRENTLY IF EXISTS {qualified_name};")), "Drops the index without blocking writes.")
}

/// The keys of a path: `payload -> 'a' ->> 'b'` → `a`, `b`.
fn keys_of(access: &Expr) -> Vec<String> {
    let mut keys = Vec::new();
    let _ = sqlparser::ast::visit_expressions(access, |e| {
        if let Expr::Value(v) = e {
            match &v.value {
                sqlparser::ast::Value::SingleQuotedString(s) => keys.push(s.clone()),
                sqlparser::ast::Value::Number(n, _) => keys.push(n.clone()),
                _ => {}
            }
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
    keys
}

#[cfg(test)]
mod tests {
    use crate::query::test_support::{findings, findings_in};
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_unindexed_key_and_containment() {
        let f = findings("jsonb-filter-unindexed/fires.sql", Some("schema.sql"), super::META.id);
        assert_eq!(f.len(), 2, "{f:#?}");
        insta::assert_snapshot!(render(&f[0]));
        insta::assert_snapshot!("containment", render(&f[1]));
    }

    #[test]
    fn quiet_when_an_index_serves_it_or_without_schema() {
        let f = findings("jsonb-filter-unindexed/quiet.sql", Some("schema.sql"), super::META.id);
        assert!(f.is_empty(), "{f:#?}");
        let f = findings_in("SELECT id FROM events WHERE payload ->> 'plan' = 'pro';", None, super::META.id);
        assert!(f.is_empty(), "a schema is needed to know the column is jsonb: {f:#?}");
    }
}
