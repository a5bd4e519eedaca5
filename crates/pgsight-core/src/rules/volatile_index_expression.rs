use std::ops::ControlFlow;

use sqlparser::ast::{BinaryOperator, Expr, FunctionArg, FunctionArgExpr, FunctionArguments, Value};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;

use super::advice::create_index_risk;
use super::fixsql::quote_ident;
use super::schema_support::{schema, SchemaInput};
use super::Context;
use crate::report::{Finding, Impact};
use crate::sql::catalog::{self, Index, Table};
use crate::sql::functions::{call_volatility, cast_volatility, depends_on_time_zone, Volatility};

declare_rule! {
    /// ## What it does
    /// Finds index expressions and partial-index predicates that call a function
    /// that is not `IMMUTABLE`: `now()`, `current_timestamp`, `random()`,
    /// `gen_random_uuid()`, `to_char()`, `concat()`, ... and the functions and casts
    /// that are only stable on a `timestamptz` (`date_trunc('day', ts)`, `ts::date`,
    /// `extract(... from ts)`), which read the session's `TimeZone`. The list of
    /// function volatilities is shared with the migration rules.
    ///
    /// ## Why it matters
    /// An index entry must stay right for as long as its row is unchanged, so
    /// PostgreSQL accepts only immutable functions there. `CREATE INDEX` fails with
    /// `functions in index expression must be marked IMMUTABLE` (or `... in index
    /// predicate ...`): the index does not exist, and a migration that creates it in a
    /// transaction rolls back.
    ///
    /// ## Example
    /// ```sql
    /// CREATE INDEX sessions_live_idx ON sessions (user_id) WHERE expires_at > now();
    /// CREATE INDEX orders_day_idx ON orders ((placed_at::date));  -- placed_at timestamptz
    /// ```
    ///
    /// ## Fix
    /// Name the time zone, which makes the time functions immutable:
    /// ```sql
    /// CREATE INDEX CONCURRENTLY orders_day_idx ON orders (((placed_at AT TIME ZONE 'UTC')::date));
    /// ```
    /// Keep a test against `now()` in the queries rather than in the index; store a
    /// volatile value in a column and index the column.
    id: "volatile-index-expression",
    category: Schema,
    severity: Error,
    summary: "An index expression or predicate with a function PostgreSQL rejects there",
}

/// Something in an expression that is not immutable.
#[derive(Debug, Clone)]
struct Offender {
    /// As a reader would write it: `now()`, `placed_at::date`.
    shown: String,
    /// The word to point at in the DDL.
    word: String,
    volatility: Volatility,
    reason: String,
    /// Naming the time zone makes it immutable.
    time_zone: bool,
}

fn parse(text: &str) -> Option<Expr> {
    Parser::new(&PostgreSqlDialect {}).try_with_sql(text).ok()?.parse_expr().ok()
}

/// The column an expression names directly, if any.
fn column_name(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Identifier(ident) => Some(crate::sql::names::fold_ident(ident)),
        Expr::CompoundIdentifier(parts) => parts.last().map(crate::sql::names::fold_ident),
        Expr::Nested(inner) => column_name(inner),
        _ => None,
    }
}

fn is_timestamptz(table: Option<&Table>, expr: &Expr) -> bool {
    let Some(table) = table else { return false };
    column_name(expr).and_then(|c| table.column(&c).map(|c| c.normalized_type.clone())).is_some_and(|t| t.starts_with("timestamp") && t.ends_with("with time zone"))
}

fn arguments(args: &FunctionArguments) -> Vec<&Expr> {
    match args {
        FunctionArguments::List(list) => list
            .args
            .iter()
            .filter_map(|a| match a {
                FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) | FunctionArg::Named { arg: FunctionArgExpr::Expr(e), .. } => Some(e),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Every non-immutable call or cast in `expr`.
fn offenders(expr: &Expr, table: Option<&Table>) -> Vec<Offender> {
    let mut out = Vec::new();
    let _ = sqlparser::ast::visit_expressions(expr, |e| {
        match e {
            Expr::Function(f) => {
                let name = f.name.to_string();
                let bare = name.rsplit('.').next().unwrap_or(&name).trim_matches('"').to_ascii_lowercase();
                let args = arguments(&f.args);
                let with_tz = args.iter().any(|a| is_timestamptz(table, a));
                let (volatility, reason) = call_volatility(&bare, args.len(), with_tz);
                if volatility != Volatility::Immutable {
                    let shown = if matches!(f.args, FunctionArguments::None) { bare.to_ascii_uppercase() } else { format!("{bare}()") };
                    out.push(Offender {
                        shown,
                        word: bare.clone(),
                        volatility,
                        reason: reason.unwrap_or("").to_owned(),
                        time_zone: with_tz && depends_on_time_zone(&bare),
                    });
                }
            }
            Expr::Cast { expr: inner, data_type, .. } => {
                if let (Some(column), Some(t)) = (column_name(inner), table) {
                    if let Some(c) = t.column(&column) {
                        let target = crate::sql::catalog::types::normalize(&data_type.to_string());
                        if cast_volatility(&c.normalized_type, &target) != Volatility::Immutable {
                            let tz = c.normalized_type.starts_with("timestamp") && c.normalized_type.ends_with("with time zone");
                            out.push(Offender {
                                shown: format!("{}::{}", quote_ident(&column), crate::sql::catalog::types::lower_unquoted(&data_type.to_string())),
                                word: column.clone(),
                                volatility: Volatility::Stable,
                                reason: if tz {
                                    "a cast from timestamptz depends on the session's TimeZone".to_owned()
                                } else {
                                    "this cast depends on the session's DateStyle or TimeZone settings".to_owned()
                                },
                                time_zone: tz && !target.starts_with("text") && !target.starts_with("character"),
                            });
                        }
                    }
                }
            }
            Expr::Extract { expr: inner, .. } if is_timestamptz(table, inner) => out.push(Offender {
                shown: "extract(... FROM timestamptz)".to_owned(),
                word: "extract".to_owned(),
                volatility: Volatility::Stable,
                reason: "on a timestamptz, depends on the session's TimeZone".to_owned(),
                time_zone: true,
            }),
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    out
}

/// `expr` with each timestamptz column read in UTC where a time-zone dependent
/// function or cast uses it.
fn in_utc(mut expr: Expr, table: Option<&Table>) -> Expr {
    let utc = |column: Expr| Expr::Nested(Box::new(Expr::AtTimeZone { timestamp: Box::new(column), time_zone: Box::new(Expr::value(Value::SingleQuotedString("UTC".to_owned()))) }));
    let _ = sqlparser::ast::visit_expressions_mut(&mut expr, |e| {
        match e {
            Expr::Function(f) if depends_on_time_zone(&f.name.to_string()) => {
                if let FunctionArguments::List(list) = &mut f.args {
                    for arg in &mut list.args {
                        if let FunctionArg::Unnamed(FunctionArgExpr::Expr(a)) = arg {
                            if is_timestamptz(table, a) {
                                *a = utc(a.clone());
                            }
                        }
                    }
                }
            }
            Expr::Cast { expr: inner, .. } | Expr::Extract { expr: inner, .. } if is_timestamptz(table, inner) => {
                **inner = utc((**inner).clone());
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    expr
}

/// The AND-ed parts of a predicate.
fn conjuncts(expr: Expr) -> Vec<Expr> {
    match expr {
        Expr::BinaryOp { left, op: BinaryOperator::And, right } => {
            let mut out = conjuncts(*left);
            out.extend(conjuncts(*right));
            out
        }
        Expr::Nested(inner) if matches!(*inner, Expr::BinaryOp { op: BinaryOperator::And, .. }) => conjuncts(*inner),
        other => vec![other],
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    for table in schema.catalog.tables.values() {
        for index in &table.indexes {
            if let Some(f) = finding(&schema, Some(table), &schema.table_sql(table), index, &table.defined_at) {
                out.push(f);
            }
        }
    }
    for view in schema.catalog.views.values() {
        let view_sql = schema.relation_sql(&view.schema, &view.name, &view.defined_at);
        for index in &view.indexes {
            if let Some(f) = finding(&schema, None, &view_sql, index, &view.defined_at) {
                out.push(f);
            }
        }
    }
}

fn finding(schema: &SchemaInput<'_>, table: Option<&Table>, relation: &str, index: &Index, _defined_at: &catalog::Location) -> Option<Finding> {
    let keys: Vec<(Option<Expr>, String)> = index
        .keys
        .iter()
        .map(|k| match (&k.column, &k.expression) {
            (Some(c), _) => (None, quote_ident(c)),
            (None, Some(e)) => (parse(e), e.clone()),
            _ => (None, String::new()),
        })
        .collect();
    let predicate = index.predicate.as_deref().and_then(parse);
    let key_offenders: Vec<Offender> = keys.iter().filter_map(|(e, _)| e.as_ref()).flat_map(|e| offenders(e, table)).collect();
    let predicate_offenders: Vec<Offender> = predicate.as_ref().map(|p| offenders(p, table)).unwrap_or_default();
    let all: Vec<&Offender> = key_offenders.iter().chain(&predicate_offenders).collect();
    let first = *all.first()?;
    let place = match (key_offenders.is_empty(), predicate_offenders.is_empty()) {
        (false, true) => "expression",
        (true, false) => "predicate",
        _ => "expression and predicate",
    };
    let error_word = if key_offenders.is_empty() { "predicate" } else { "expression" };
    let location = schema.word_location(&index.defined_at, &first.word).unwrap_or_else(|| schema.statement_location(&index.defined_at));
    let mut shown: Vec<String> = Vec::new();
    for o in &all {
        if !shown.contains(&o.shown) {
            shown.push(o.shown.clone());
        }
    }
    let tz_only = all.iter().all(|o| o.time_zone);
    let clock_in_predicate = predicate_offenders.iter().any(|o| !o.time_zone);
    let mut why = String::new();
    if tz_only {
        why.push_str(" On a timestamptz the result depends on the session's TimeZone: the same row would be indexed differently for different sessions. Naming the zone makes it immutable.");
    } else if clock_in_predicate {
        why.push_str(" A predicate on the clock would have to change which rows the index holds as time passes, which an index cannot do.");
    }
    let mut f = Finding::new(
        &META,
        format!("Index {} on {relation} uses {}: PostgreSQL rejects it", index.name, shown.join(", ")),
        format!(
            "The {place} of index {} uses {} ({}, {}). Index expressions and predicates may only use IMMUTABLE functions, so \
             CREATE INDEX fails with \"functions in index {error_word} must be marked IMMUTABLE\": the index does not exist \
             wherever this DDL ran, and a transaction that creates it rolls back.{why}",
            index.name,
            first.shown,
            first.volatility.keyword(),
            first.reason
        ),
    )
    .location(location)
    .evidence("Index", schema.statement_text(&index.defined_at));
    for o in all.iter().skip(1) {
        f = f.evidence("Also", format!("{} ({}, {})", o.shown, o.volatility.keyword(), o.reason));
    }
    // An index PostgreSQL accepts: time-zone dependent parts read in UTC, clock tests
    // moved out of the predicate (not for a unique index, whose meaning would change).
    let mut fixed_keys = Vec::new();
    for (expr, text) in &keys {
        match expr {
            Some(e) => {
                let fixed = in_utc(e.clone(), table);
                if !offenders(&fixed, table).is_empty() {
                    return Some(no_sql_fix(f, &all));
                }
                fixed_keys.push(format!("({fixed})"));
            }
            None => fixed_keys.push(text.clone()),
        }
    }
    let mut removed = Vec::new();
    let fixed_predicate = match predicate {
        Some(p) => {
            let mut kept = Vec::new();
            for part in conjuncts(in_utc(p, table)) {
                if offenders(&part, table).is_empty() {
                    kept.push(part.to_string());
                } else {
                    removed.push(part.to_string());
                }
            }
            if !removed.is_empty() && index.unique {
                return Some(no_sql_fix(f, &all));
            }
            (!kept.is_empty()).then(|| kept.join(" AND "))
        }
        None => None,
    };
    let mut sql = format!(
        "CREATE {}INDEX{} {} ON {relation} ",
        if index.unique { "UNIQUE " } else { "" },
        if table.is_some_and(|t| t.is_partitioned()) { "" } else { " CONCURRENTLY" },
        quote_ident(&index.name)
    );
    if index.method != "btree" {
        sql.push_str(&format!("USING {} ", index.method));
    }
    let with_opclass: Vec<String> = fixed_keys
        .iter()
        .zip(&index.keys)
        .map(|(k, key)| {
            let mut s = k.clone();
            if let Some(op) = &key.opclass {
                s.push_str(&format!(" {op}"));
            }
            if key.descending {
                s.push_str(" DESC");
            }
            s
        })
        .collect();
    sql.push_str(&format!("({})", with_opclass.join(", ")));
    if !index.include.is_empty() {
        sql.push_str(&format!(" INCLUDE ({})", index.include.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ")));
    }
    if let Some(p) = &fixed_predicate {
        sql.push_str(&format!(" WHERE {p}"));
    }
    sql.push(';');
    let mut text = Vec::new();
    if all.iter().any(|o| o.time_zone) {
        text.push(
            "Read the timestamptz in a named zone (AT TIME ZONE 'UTC', or your business time zone): the expression becomes \
             immutable. Queries must use the same expression to use the index."
                .to_owned(),
        );
    }
    if !removed.is_empty() {
        text.push(format!(
            "Index without the clock test ({}) and keep it in the queries: the planner still uses the index for them. If \
             the index should hold recent rows only, compare with a constant instead and recreate the index from time to time.",
            removed.join(" AND ")
        ));
    }
    let name_sql = match table {
        Some(t) => schema.sibling_sql(t, &index.name),
        None => quote_ident(&index.name),
    };
    Some(
        f.impact(Impact {
            text: "The index can be created: the queries it was written for get their index, and the DDL runs to the end.".to_owned(),
            ..Impact::default()
        })
        .fix(Some(sql), text.join(" "))
        .risk(create_index_risk(relation))
        .rollback(Some(format!("DROP INDEX CONCURRENTLY IF EXISTS {name_sql};")), "Drops the index without blocking writes."),
    )
}

/// A fix in words, when no immutable rewrite exists.
fn no_sql_fix(f: Finding, offenders: &[&Offender]) -> Finding {
    let volatile = offenders.iter().any(|o| o.volatility == Volatility::Volatile);
    let mut text = if volatile {
        "A value that changes at every call cannot be indexed: store it in a column (filled by a DEFAULT, the application \
         or a trigger) and index the column."
            .to_owned()
    } else {
        "Store the computed value in a column (a generated column needs an immutable expression too, so fill it from the \
         application or a trigger) and index that column, or use an immutable equivalent."
            .to_owned()
    };
    let words: Vec<&str> = offenders.iter().map(|o| o.word.as_str()).collect();
    if words.iter().any(|w| *w == "concat" || *w == "concat_ws") {
        text.push_str(" For text, the || operator is immutable where concat() is not.");
    }
    if words.contains(&"unaccent") {
        text.push_str(" For unaccent, a wrapper function declared IMMUTABLE that names its dictionary (unaccent('unaccent', $1)) is the usual way, as long as the dictionary never changes.");
    }
    if words.contains(&"now") || words.contains(&"current_timestamp") || words.contains(&"current_date") {
        text.push_str(" Tests against the current time belong in the queries, not in the index.");
    }
    f.impact(Impact { text: "The index can be created once it no longer depends on the session or the clock.".to_owned(), ..Impact::default() })
        .fix(None, text)
        .risk("None until a change is made.")
        .rollback(None, "Nothing to undo: PostgreSQL rejected the statement, so nothing was created.")
}

#[cfg(test)]
mod tests {
    use crate::rules::schema_support::testing::{findings_for_schema_fixture, rule_fixture};
    use crate::rules::test_support::render;

    fn fixture(file: &str) -> Vec<crate::Finding> {
        findings_for_schema_fixture(&rule_fixture(super::META.id, file), super::META.id)
    }

    #[test]
    fn fires_on_now_in_predicate() {
        let findings = fixture("fires.sql");
        let titles: Vec<&str> = findings.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(titles.len(), 4, "{titles:#?}");
        let now = findings.iter().find(|f| f.title.starts_with("Index sessions_live_idx")).expect("now()");
        insta::assert_snapshot!(render(now));
    }

    #[test]
    fn timestamptz_cast_is_read_in_utc() {
        let findings = fixture("fires.sql");
        let day = findings.iter().find(|f| f.title.starts_with("Index orders_day_idx")).expect("cast");
        insta::assert_snapshot!(render(day));
    }

    #[test]
    fn volatile_function_gets_a_fix_in_words() {
        let findings = fixture("fires.sql");
        let random = findings.iter().find(|f| f.title.starts_with("Index orders_sample_idx")).expect("random()");
        assert!(random.fix.sql.is_none());
    }

    #[test]
    fn quiet_on_immutable_expressions() {
        assert!(fixture("quiet.sql").is_empty());
    }
}
