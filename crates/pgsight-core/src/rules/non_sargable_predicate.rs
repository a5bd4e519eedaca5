use super::advice::{expression_index, query_rewrite_risk, query_rewrite_rollback};
use super::fixsql::{index_name, quote_ident, quote_qualified};
use super::format::{count, ms, percent};
use super::no_partition_pruning::partition_siblings;
use super::{AnalyzedPlan, Context};
use crate::plan::predicate::{range_rewrite, split_top_level, strip_outer_parens, strip_qualifier, wrapped_column, WrappedColumn, Wrapper};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact, Severity};

declare_rule! {
    /// ## What it does
    /// Finds a scan `Filter` that compares a function or a cast of a column with a
    /// value: `lower(email) = ...`, `date_part('year', created_at) = ...`,
    /// `(created_at)::date = ...`. It is advice (info) by default and a warning when
    /// the filter throws away at least 90% of at least 1,000 rows.
    ///
    /// In SQL queries (query inputs) it reads the WHERE conditions. With a schema it
    /// gives the column's type, says whether an index on the bare column exists (and
    /// cannot serve the condition), and stays quiet when an expression index already
    /// matches the condition or the cast is to the column's own type.
    ///
    /// ## Why it matters
    /// An index on `email` stores `email`, not `lower(email)`: the planner cannot use
    /// it for a condition on the function's result, so it reads every row and computes
    /// the function for each. The condition is not *sargable* (usable as a search
    /// argument).
    ///
    /// ## Example
    /// ```text
    /// Seq Scan on customers  (actual time=0.02..41.3 rows=1 loops=1)
    ///   Filter: (lower(email) = 'user42@example.com'::text)
    ///   Rows Removed by Filter: 99999
    /// ```
    ///
    /// ## Fix
    /// For date functions, compare the bare column with a range; a plain index on the
    /// column serves it:
    /// ```sql
    /// -- instead of (created_at)::date = '2023-01-01'
    /// WHERE created_at >= '2023-01-01' AND created_at < '2023-01-02'
    /// ```
    /// For other functions, index the expression exactly as the query writes it:
    /// ```sql
    /// CREATE INDEX CONCURRENTLY customers_lower_email_idx ON customers ((lower(email)));
    /// ```
    id: "non-sargable-predicate",
    category: Plan,
    severity: Info,
    summary: "A filter applies a function or cast to a column, so no index on the column can serve it",
    thresholds: Thresholds,
}

/// Defaults from RULES.md and the brief.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Share of read rows the filter removes for the finding to be a warning.
    pub warning_removed_share: f64,
    /// Rows removed over all loops for the finding to be a warning.
    pub warning_removed_rows: f64,
}

pub const THRESHOLDS: Thresholds = Thresholds { warning_removed_share: 0.9, warning_removed_rows: 1_000.0 };

impl Default for Thresholds {
    fn default() -> Self {
        THRESHOLDS
    }
}

/// Comparisons an index on the expression (or a range on the column) can serve.
const SERVED_OPERATORS: &[&str] = &["=", "<", "<=", ">", ">=", "= ANY"];

/// Functions of dates and times: PostgreSQL rejects an expression index on them over
/// `timestamptz` (they depend on the TimeZone setting, so they are not IMMUTABLE).
const DATE_FUNCTIONS: &[&str] = &["date", "date_part", "extract", "date_trunc", "to_char", "age"];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, _) in plan.nodes() {
            if node.fields.relation_name.is_none() {
                continue;
            }
            let Some(filter) = node.fields.filter.as_deref() else { continue };
            let found = wrapped_columns(node, filter);
            if found.is_empty() {
                continue;
            }
            // Partitions scanned with the same condition make one finding, on the first.
            let scanned = match partition_siblings(plan, id) {
                Some((_, scans)) if scans[0] != id => continue,
                Some((parent, scans)) => Scanned::of(plan, parent_name(node, &parent), scans, true),
                None => Scanned::of(plan, node.qualified_relation().unwrap_or_else(|| "?".to_owned()), vec![id], false),
            };
            out.push(finding(ctx, plan, id, node, filter, &found, &scanned, &t));
        }
    }
    #[cfg(feature = "sql")]
    check_queries(ctx, out);
}

/// The conjuncts of `filter` that wrap one of the scan's own columns and compare it
/// with a value.
pub(crate) fn wrapped_columns(node: &PlanNode, filter: &str) -> Vec<WrappedColumn> {
    split_top_level(strip_outer_parens(filter), " AND ")
        .into_iter()
        .filter_map(wrapped_column)
        .filter(|w| SERVED_OPERATORS.contains(&w.operator.as_str()))
        .filter(|w| match w.column.qualifier.as_deref() {
            None => true,
            Some(q) => Some(q) == node.fields.alias.as_deref() || Some(q) == node.fields.relation_name.as_deref(),
        })
        .collect()
}

/// `text` without the scan's qualifier.
fn bare(text: &str, w: &WrappedColumn) -> String {
    match &w.column.qualifier {
        Some(q) => strip_qualifier(text, q),
        None => text.to_owned(),
    }
}

fn is_date_wrapper(w: &WrappedColumn) -> bool {
    match &w.wrapper {
        Wrapper::Function { name, .. } => DATE_FUNCTIONS.contains(&name.as_str()),
        Wrapper::Cast { type_name } => type_name == "date",
    }
}

/// The table a finding is about and what its scans did: one scan, or the scans of
/// several partitions of one table with the same condition.
struct Scanned {
    table: String,
    scans: usize,
    /// The partitions' qualified names, when the scans read partitions.
    partitions: Vec<String>,
    partitioned: bool,
    executed: bool,
    returned: f64,
    removed: f64,
    inclusive_ms: Option<f64>,
    share: Option<f64>,
}

impl Scanned {
    fn of(plan: &AnalyzedPlan, table: String, scans: Vec<NodeId>, partitioned: bool) -> Self {
        let nodes = &plan.doc.plan.nodes;
        let ms: Vec<f64> = scans.iter().filter_map(|&s| plan.metrics.nodes[s].inclusive_ms).collect();
        let inclusive_ms = (!ms.is_empty()).then(|| ms.iter().sum::<f64>());
        Scanned {
            table,
            scans: scans.len(),
            partitions: if partitioned { scans.iter().filter_map(|&s| nodes[s].qualified_relation()).collect() } else { Vec::new() },
            partitioned,
            executed: scans.iter().any(|&s| nodes[s].executed()),
            returned: scans.iter().filter_map(|&s| plan.metrics.nodes[s].actual_rows_total).sum(),
            removed: scans.iter().map(|&s| nodes[s].fields.rows_removed_by_filter.unwrap_or(0.0) * nodes[s].loops()).sum(),
            inclusive_ms,
            share: inclusive_ms.zip(plan.metrics.total_ms).map(|(t, total)| (t / total).min(1.0)),
        }
    }
}

/// The partitioned table, schema-qualified like its partitions.
fn parent_name(node: &PlanNode, parent: &str) -> String {
    super::fixsql::qualify(node.fields.schema.as_deref(), parent)
}

#[allow(clippy::too_many_arguments)]
fn finding(ctx: &Context, plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, filter: &str, found: &[WrappedColumn], scanned: &Scanned, t: &Thresholds) -> Finding {
    let table = scanned.table.clone();
    let (returned, removed) = (scanned.returned, scanned.removed);
    let read = returned + removed;
    let selective = scanned.executed
        && removed >= t.warning_removed_rows
        && read > 0.0
        && removed / read >= t.warning_removed_share;
    // Prefer a condition that can be rewritten as a range, then an equality.
    let w = found
        .iter()
        .find(|w| range_rewrite(w).is_some())
        .or_else(|| found.iter().find(|w| w.operator == "="))
        .unwrap_or(&found[0]);
    let column = &w.column.name;
    let expression = bare(&w.expression, w);
    let (what, applies) = match &w.wrapper {
        Wrapper::Function { name, .. } => (format!("{name}()"), format!("appl{} {name}() to {column}", if scanned.partitioned { "y" } else { "ies" })),
        Wrapper::Cast { type_name } => (format!("a cast to {type_name}"), format!("cast{} {column} to {type_name}", if scanned.partitioned { "" } else { "s" })),
    };
    let scan = if scanned.partitioned {
        format!("The scans of {} partitions of {table} test", scanned.scans)
    } else {
        format!("The {} on {table} tests", node.node_type().to_ascii_lowercase())
    };
    let read_text = if scanned.executed {
        format!(
            " {} read {} rows and the filter discarded {} of them{}.",
            if scanned.partitioned { "They" } else { "It" },
            count(read),
            count(removed),
            if read > 0.0 { format!(" ({})", percent(removed / read)) } else { String::new() }
        )
    } else {
        String::new()
    };
    let mut f = Finding::new(
        &META,
        format!("Filter on {table} wraps {column} in {}", short(w)),
        format!(
            "{scan} `{}`: {} {applies} before comparing, so no index on {column} can serve the condition; every row is read and the expression computed for each.{read_text}",
            bare(&w.text, w),
            if scanned.partitioned { "they" } else { "it" }
        ),
    )
    .severity(if selective { Severity::Warning } else { Severity::Info })
    .location(plan.location(id))
    .evidence("Filter", filter);
    for other in found {
        f = f.evidence("Non-sargable condition", other.text.clone());
    }
    if scanned.partitioned {
        f = f.evidence("Partitions with this filter", count(scanned.scans as f64));
    }
    if scanned.executed {
        f = f.evidence("Rows Removed by Filter", count(removed)).evidence("Actual Rows", count(returned));
        if node.loops() > 1.0 && !scanned.partitioned {
            f = f.evidence("Actual Loops", count(node.loops()));
        }
    }
    if let Some(time) = scanned.inclusive_ms {
        f = f.evidence(if scanned.partitioned { "Time in these scans" } else { "Time in scan" }, ms(time));
    }
    let impact_text = match (scanned.inclusive_ms, scanned.share) {
        (Some(time), Some(share)) => format!(
            "{} {} ({} of execution time). With an index the condition can use, {} about {} instead of {}.",
            if scanned.partitioned { "These scans take" } else { "This scan takes" },
            ms(time),
            percent(share),
            if scanned.partitioned { "they read" } else { "it reads" },
            rows(returned),
            count(read)
        ),
        _ => "With an index the condition can use, the scan reads only the matching rows.".to_owned(),
    };
    f = f.impact(Impact { text: impact_text, time_share: scanned.share, time_ms: scanned.inclusive_ms, rows: scanned.executed.then_some(removed) });
    f = super::catalog_check::with_schema(ctx, f).subject(table.clone(), [column.clone()]);

    if let Some(rewrite) = range_rewrite(w) {
        if let Some(index_text) = super::catalog_check::bare_column_index(ctx, &table, column) {
            let cast_note = if matches!(w.wrapper, Wrapper::Cast { .. }) || is_date_wrapper(w) {
                " For a timestamptz column the date boundaries are read in the session's TimeZone, as the original condition was."
            } else {
                ""
            };
            return f
                .fix(None, format!("Compare the bare column with a range instead of {what}: replace `{}` with `{rewrite}` in the query.{index_text}", bare(&w.text, w)))
                .risk(format!("{}{cast_note}", query_rewrite_risk()))
                .rollback(None, query_rewrite_rollback());
        }
        let index = index_name(&table, std::slice::from_ref(column), "idx");
        let cast_note = if matches!(w.wrapper, Wrapper::Cast { .. }) || is_date_wrapper(w) {
            " For a timestamptz column the date boundaries are read in the session's TimeZone, as the original condition was."
        } else {
            ""
        };
        return f
            .fix(
                None,
                format!(
                    "Compare the bare column with a range instead of {what}: replace `{}` with `{rewrite}` in the query. A plain B-tree index on {column} then serves it; if {table} has none whose first column is {column}, create one with CREATE INDEX CONCURRENTLY {} ON {} ({});",
                    bare(&w.text, w),
                    quote_ident(&index),
                    quote_qualified(&table),
                    quote_ident(column)
                ),
            )
            .risk(format!("{}{cast_note}", query_rewrite_risk()))
            .rollback(None, query_rewrite_rollback());
    }

    let mut parts = match &w.wrapper {
        Wrapper::Function { name, .. } => vec![name.clone(), column.clone()],
        Wrapper::Cast { type_name } => vec![column.clone(), type_name.split_whitespace().next().unwrap_or("cast").to_owned()],
    };
    parts.dedup();
    let advice = match super::catalog_check::check_index(ctx, expression_index(&table, &expression, &parts)) {
        super::catalog_check::Checked::New(advice) => advice,
        super::catalog_check::Checked::Exists(existing) => return super::catalog_check::existing_fix(f, &existing),
    };
    let mut risk = super::advice::create_index_risk(&table);
    let mut explanation = advice.explanation.clone();
    let (create, drop, drop_text) = if scanned.partitioned {
        // CREATE INDEX CONCURRENTLY does not work on a partitioned table: an index ON
        // ONLY the parent, one built concurrently per partition, each attached.
        let mut sql = vec![advice.create_sql.replacen("CREATE INDEX CONCURRENTLY", "CREATE INDEX", 1).replacen(" ON ", " ON ONLY ", 1)];
        for partition in &scanned.partitions {
            let part = expression_index(partition, &expression, &parts);
            sql.push(part.create_sql);
            sql.push(format!("ALTER INDEX {} ATTACH PARTITION {};", advice.qualified_name, part.qualified_name));
        }
        explanation.push_str(&format!(
            " {table} is partitioned and CREATE INDEX CONCURRENTLY does not work on a partitioned table: the index is created ON ONLY {table} (invalid until every partition's index is attached), then built concurrently on each partition and attached."
        ));
        risk.push_str(&format!(
            " The plan shows {} partitions; if {table} has others, build and attach their indexes the same way, or the parent index stays invalid.",
            scanned.partitions.len()
        ));
        (sql.join("\n"), format!("DROP INDEX IF EXISTS {};", advice.qualified_name), "Drops the parent index and the partitions' indexes attached to it (DROP INDEX CONCURRENTLY does not work on a partitioned index; this takes a brief ACCESS EXCLUSIVE lock on each partition).")
    } else {
        (advice.create_sql.clone(), format!("DROP INDEX CONCURRENTLY IF EXISTS {};", advice.qualified_name), "Drops the index without blocking writes.")
    };
    if is_date_wrapper(w) {
        risk.push_str(&format!(
            " If {column} is timestamp with time zone, PostgreSQL rejects this index (\"functions in index expression must be marked IMMUTABLE\"): write the query as a range on {column} instead."
        ));
    }
    if let Wrapper::Cast { type_name } = &w.wrapper {
        explanation.push_str(&format!(
            " Better still, compare {column} with a value of its own type, so that no cast to {type_name} is needed and an index on {column} serves it."
        ));
    }
    f.fix(Some(create), explanation).risk(risk).rollback(Some(drop), drop_text)
}

/// `1 row`, `20 rows`.
fn rows(n: f64) -> String {
    format!("{} row{}", count(n), if n == 1.0 { "" } else { "s" })
}

/// `lower()`, `::date`: how the title names the wrapper.
fn short(w: &WrappedColumn) -> String {
    match &w.wrapper {
        Wrapper::Function { name, .. } => format!("{name}()"),
        Wrapper::Cast { type_name } => format!("::{type_name}"),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{findings_for_fixture, render};
    use crate::rules::index_scan_filter::tests::clean_scenarios;

    const SCENARIO: &str = "tests/scenarios/non-sargable-predicate-lower-email";

    #[test]
    fn fires_on_lower_email() {
        let findings = findings_for_fixture(&format!("{SCENARIO}.json"), super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn cast_to_date_becomes_a_range() {
        let findings = findings_for_fixture("tests/scenarios/non-sargable-predicate-cast-date.json", super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    /// Twelve partitions scanned with the same condition make one finding, about the
    /// partitioned table.
    #[test]
    fn partitions_with_one_condition_make_one_finding() {
        let findings = findings_for_fixture("tests/scenarios/no-partition-pruning-date-trunc.json", super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(findings[0].title.contains("public.events "), "{}", findings[0].title);
        assert!(findings[0].fix.text.contains("created_at >= '2023-03-15 00:00:00+00' AND created_at < '2023-03-16 00:00:00+00'"));
    }

    #[test]
    fn expression_index_on_a_partitioned_table_is_built_per_partition() {
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/non-sargable-predicate/partitions-lower-email.json", super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn unselective_filter_is_advice() {
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/non-sargable-predicate/date-part-year.json", super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].severity, crate::Severity::Info);
        assert!(findings[0].fix.text.contains("created_at >= '2023-01-01' AND created_at < '2024-01-01'"));
    }

    #[test]
    fn text_and_json_agree() {
        let json = findings_for_fixture(&format!("{SCENARIO}.json"), super::META.id);
        let text = findings_for_fixture(&format!("{SCENARIO}.txt"), super::META.id);
        assert_eq!(json.len(), text.len());
        for (j, t) in json.iter().zip(&text) {
            assert_eq!((&j.title, &j.severity, &j.fix), (&t.title, &t.severity, &t.fix));
        }
    }

    #[test]
    fn quiet_on_clean_scenarios() {
        for path in clean_scenarios() {
            let findings = findings_for_fixture(&path, super::META.id);
            assert!(findings.is_empty(), "{path}: {findings:#?}");
        }
    }
}

// ---------------------------------------------------------------------------
// The same rule on SQL queries (query inputs), read from sqlparser's AST. With a
// schema it also says what the column's type is, whether an index on the bare
// column exists (and cannot be used), and stays quiet when an expression index
// already serves the condition.

#[cfg(feature = "sql")]
fn check_queries(ctx: &Context, out: &mut Vec<Finding>) {
    use crate::query::expr::{canonical, conjuncts};
    use crate::query::scope::{expression_index, Scope};
    use crate::query::{self, walk, Findings};

    let mut findings = Findings::new(out);
    for q in query::statements(ctx) {
        let mut found = Vec::new();
        walk::for_each_block(&q.statement, |block| {
            let Some(selection) = block.selection else { return };
            let scope = Scope::new(&block.from, block.ctes, ctx.catalog.as_ref());
            let all = conjuncts(selection);
            let conditions: Vec<String> = all.iter().map(|c| canonical(c)).collect();
            for condition in all {
                let Some(w) = query_wrapped(condition, &scope) else { continue };
                let relation = &scope.relations[w.relation];
                if let Some(table) = relation.table {
                    let column_type = table.column(&w.column.name).map(|c| c.normalized_type.as_str());
                    // A cast to the column's own type changes nothing.
                    if matches!(&w.wrapped.wrapper, Wrapper::Cast { type_name } if Some(type_name.as_str()) == column_type) {
                        continue;
                    }
                    if expression_index(table, &canonical(w.expr), &conditions).is_some() {
                        continue;
                    }
                }
                let f = query_finding(&q, condition, &w, relation, ctx.catalog.as_ref()).subject(relation.display(), [w.column.name.clone()]);
                found.push(if relation.table.is_some() { super::catalog_check::with_schema(ctx, f) } else { f });
            }
        });
        for f in found {
            findings.push(&q, f);
        }
    }
    findings.finish();
}

#[cfg(feature = "sql")]
/// A query condition `f(col) op value`.
struct QueryWrapped<'e> {
    /// The wrapped side as written.
    expr: &'e sqlparser::ast::Expr,
    column: crate::query::expr::ColumnName,
    relation: usize,
    /// The same, as the plan side reads it (for the range rewrite and the index).
    wrapped: WrappedColumn,
}

#[cfg(feature = "sql")]
fn query_wrapped<'e>(condition: &'e sqlparser::ast::Expr, scope: &crate::query::scope::Scope) -> Option<QueryWrapped<'e>> {
    use crate::query::expr::{is_value, unnest, without_qualifiers};
    use sqlparser::ast::{BinaryOperator as B, Expr};

    let (expr, operator, value) = match unnest(condition) {
        Expr::BinaryOp { left, op, right } => {
            let op_text = match op {
                B::Eq => "=",
                B::Lt => "<",
                B::LtEq => "<=",
                B::Gt => ">",
                B::GtEq => ">=",
                _ => return None,
            };
            if wrapped_side(left).is_some() && is_value(right) {
                (left.as_ref(), op_text.to_owned(), right.to_string())
            } else if wrapped_side(right).is_some() && is_value(left) {
                let flipped = match op_text {
                    "<" => ">",
                    ">" => "<",
                    "<=" => ">=",
                    ">=" => "<=",
                    other => other,
                };
                (right.as_ref(), flipped.to_owned(), left.to_string())
            } else {
                return None;
            }
        }
        Expr::InList { expr, list, negated: false } if wrapped_side(expr).is_some() && list.iter().all(is_value) => {
            (expr.as_ref(), "= ANY".to_owned(), format!("({})", list.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")))
        }
        _ => return None,
    };
    let (column, wrapper) = wrapped_side(expr)?;
    let relation = scope.resolve(&column)?;
    if !scope.relations[relation].is_table() {
        return None;
    }
    let wrapped = WrappedColumn {
        text: without_qualifiers(condition).to_string(),
        expression: without_qualifiers(expr).to_string(),
        column: crate::plan::predicate::ColumnRef { qualifier: None, name: column.name.clone() },
        wrapper,
        operator,
        value,
    };
    Some(QueryWrapped { expr, column, relation, wrapped })
}

#[cfg(feature = "sql")]
/// `f(col)`, `col::type`, `EXTRACT(field FROM col)`, or a nesting of those around
/// exactly one column; casts of a bare column to text types are sargable (an index
/// on a varchar column serves them) and not reported.
fn wrapped_side(expr: &sqlparser::ast::Expr) -> Option<(crate::query::expr::ColumnName, Wrapper)> {
    use crate::query::expr::{column_name, function_args, function_name, is_value, type_name, unnest, without_qualifiers};
    use sqlparser::ast::Expr;

    let inner_column = |e: &Expr| column_name(e).or_else(|| wrapped_side(e).map(|(c, _)| c));
    match unnest(expr) {
        Expr::Function(f) => {
            let name = function_name(f);
            if super::unbounded_select::AGGREGATES.contains(&name.as_str()) {
                return None;
            }
            let args = function_args(f)?;
            let mut column = None;
            for a in &args {
                if let Some(c) = inner_column(a) {
                    if column.is_some() {
                        return None;
                    }
                    column = Some(c);
                } else if !is_value(a) {
                    return None;
                }
            }
            let args = args.iter().map(|a| without_qualifiers(a).to_string()).collect();
            Some((column?, Wrapper::Function { name, args }))
        }
        Expr::Cast { expr: inner, data_type, .. } => {
            let type_name = type_name(data_type);
            if column_name(inner).is_some() && matches!(type_name.split('(').next().unwrap_or(""), "text" | "character varying" | "character") {
                return None;
            }
            Some((inner_column(inner)?, Wrapper::Cast { type_name }))
        }
        Expr::Extract { field, expr: inner, .. } => {
            let column = inner_column(inner)?;
            Some((column, Wrapper::Function { name: "extract".to_owned(), args: vec![field.to_string().to_ascii_lowercase(), without_qualifiers(inner).to_string()] }))
        }
        _ => None,
    }
}

#[cfg(feature = "sql")]
fn query_finding(
    q: &crate::query::QueryStatement,
    condition: &sqlparser::ast::Expr,
    qw: &QueryWrapped,
    relation: &crate::query::scope::Relation,
    catalog: Option<&crate::sql::Catalog>,
) -> Finding {
    use crate::query::scope::{free_index_name, index_names_in, indexes_leading_with};
    use sqlparser::ast::Spanned;

    let w = &qw.wrapped;
    let table = relation.display();
    let column = &w.column.name;
    let (what, applies) = match &w.wrapper {
        Wrapper::Function { name, .. } => (format!("{name}()"), format!("applies {name}() to {column}")),
        Wrapper::Cast { type_name } => (format!("a cast to {type_name}"), format!("casts {column} to {type_name}")),
    };
    let column_type = relation.table.and_then(|t| t.column(column)).map(|c| c.normalized_type.clone());
    let bare_indexes = relation.table.map(|t| indexes_leading_with(t, column));
    let taken = catalog.zip(relation.table).map(|(c, t)| index_names_in(c, &t.schema)).unwrap_or_default();
    let schema_text = match (&column_type, &bare_indexes) {
        (Some(ty), Some(names)) if names.is_empty() => format!(" {table}.{column} is {ty}, and {table} has no index on {column} either."),
        (Some(ty), Some(names)) => format!(
            " {table}.{column} is {ty}. {table} has an index on {column} ({}), which this condition cannot use.",
            names.join(", ")
        ),
        _ => String::new(),
    };
    let mut f = Finding::new(
        &META,
        format!("Condition on {table} wraps {column} in {}", short(w)),
        format!(
            "The query tests `{condition}`: it {applies} before comparing, so no index on {column} can serve the condition; every row of {table} is read and the expression computed for each.{schema_text}"
        ),
    )
    .location(q.location_at(condition.span()))
    .evidence("Condition", condition.to_string());
    if let Some(ty) = &column_type {
        f = f.evidence(format!("Type of {column}"), ty.clone());
    }
    if let Some(names) = &bare_indexes {
        f = f.evidence(format!("Indexes on {column}"), if names.is_empty() { "none".to_owned() } else { names.join(", ") });
    }
    f = f.evidence("Statement", q.excerpt()).impact(Impact {
        text: format!("With an index the condition can use, the query reads only the matching rows instead of every row of {table}."),
        ..Impact::default()
    });
    let timestamptz = column_type.as_deref() == Some("timestamp with time zone");

    if let Some(rewrite) = range_rewrite(w) {
        let rewrite = qualified_rewrite(&rewrite, &qw.column);
        let mut splice = crate::query::expr::Splice::new(&q.statement);
        let sql = splice.expr(condition, rewrite.clone()).then(|| splice.sql());
        let index_text = match &bare_indexes {
            Some(names) if !names.is_empty() => format!(" The index {} on {column} then serves it.", names[0]),
            _ => {
                let name = free_index_name(&taken, &index_name(&table, std::slice::from_ref(column), "idx"));
                let create = format!("CREATE INDEX CONCURRENTLY {} ON {} ({});", quote_ident(&name), quote_qualified(&table), quote_ident(column));
                match &bare_indexes {
                    Some(_) => format!(" {table} has no index on {column}: create one for it, {create}"),
                    None => format!(" A plain B-tree index on {column} then serves it; if {table} has none whose first column is {column}, create one with {create}"),
                }
            }
        };
        let cast_note = if (matches!(w.wrapper, Wrapper::Cast { .. }) || is_date_wrapper(w)) && column_type.as_deref() != Some("date") {
            " For a timestamptz column the date boundaries are read in the session's TimeZone, as the original condition was."
        } else {
            ""
        };
        return f
            .fix(sql, format!("Compare the bare column with a range instead of {what}: replace `{condition}` with `{rewrite}`.{index_text}"))
            .risk(format!("{}{cast_note}", query_rewrite_risk()))
            .rollback(None, query_rewrite_rollback());
    }
    if timestamptz && is_date_wrapper(w) {
        return f
            .fix(
                None,
                format!(
                    "{column} is timestamp with time zone: PostgreSQL rejects an index on {what} of it (\"functions in index expression must be marked IMMUTABLE\"), since the result depends on the TimeZone setting. Write the condition as a range on {column} itself (`{column} >= <start> AND {column} < <end>`), which a plain index on {column} serves."
                ),
            )
            .risk(query_rewrite_risk())
            .rollback(None, query_rewrite_rollback());
    }
    let mut parts = match &w.wrapper {
        Wrapper::Function { name, .. } => vec![name.clone(), column.clone()],
        Wrapper::Cast { type_name } => vec![column.clone(), type_name.split_whitespace().next().unwrap_or("cast").to_owned()],
    };
    parts.dedup();
    let mut advice = expression_index(&table, &w.expression, &parts);
    let free = free_index_name(&taken, &advice.name());
    if free != advice.name() {
        advice.create_sql = advice.create_sql.replacen(&quote_ident(&advice.name()), &quote_ident(&free), 1);
        advice.qualified_name = advice.qualified_name.replacen(&quote_ident(&advice.name()), &quote_ident(&free), 1);
    }
    let mut explanation = advice.explanation.clone();
    if let Wrapper::Cast { type_name } = &w.wrapper {
        explanation.push_str(&format!(
            " Better still, compare {column} with a value of its own type{}, so that no cast to {type_name} is needed and an index on {column} serves it.",
            column_type.as_ref().map(|t| format!(" ({t})")).unwrap_or_default()
        ));
    }
    let mut risk = super::advice::create_index_risk(&table);
    if is_date_wrapper(w) && column_type.is_none() {
        risk.push_str(&format!(
            " If {column} is timestamp with time zone, PostgreSQL rejects this index (\"functions in index expression must be marked IMMUTABLE\"): write the query as a range on {column} instead."
        ));
    }
    let drop = format!("DROP INDEX CONCURRENTLY IF EXISTS {};", advice.qualified_name);
    f.fix(Some(advice.create_sql), explanation).risk(risk).rollback(Some(drop), "Drops the index without blocking writes.")
}

#[cfg(feature = "sql")]
/// The range rewrite with the column qualified as the query qualified it.
fn qualified_rewrite(rewrite: &str, column: &crate::query::expr::ColumnName) -> String {
    use sqlparser::ast::{visit_expressions_mut, Expr, Ident};
    if column.qualifier.is_empty() {
        return rewrite.to_owned();
    }
    let Some(mut expr) = crate::query::expr::parse_expr(rewrite) else { return rewrite.to_owned() };
    let _ = visit_expressions_mut(&mut expr, |e| {
        if let Expr::Identifier(ident) = e {
            if crate::sql::names::fold_ident(ident) == column.name {
                let mut parts: Vec<Ident> = column.qualifier.iter().map(|q| Ident::new(quote_ident(q))).collect();
                parts.push(ident.clone());
                *e = Expr::CompoundIdentifier(parts);
            }
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
    expr.to_string()
}

#[cfg(all(test, feature = "sql"))]
mod query_tests {
    use crate::query::test_support::{findings, findings_in};
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_functions_and_casts_in_queries() {
        let f = findings("non-sargable-predicate/fires.sql", Some("schema.sql"), super::META.id);
        assert_eq!(f.len(), 3, "{f:#?}");
        insta::assert_snapshot!(render(&f[0]));
        insta::assert_snapshot!("query_lower_email", render(&f[1]));
        assert!(f[2].fix.sql.is_none() && f[2].fix.text.contains("IMMUTABLE"), "{:#?}", f[2]);
    }

    #[test]
    fn without_schema_still_proposes_the_rewrite() {
        let sql = "SELECT id FROM orders o WHERE o.created_at::date = '2024-03-01' AND o.status = 'open';";
        let f = findings_in(sql, None, super::META.id);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].fix.sql.as_deref(),
            Some("SELECT id FROM orders o WHERE o.created_at >= '2024-03-01' AND o.created_at < '2024-03-02' AND o.status = 'open';")
        );
    }

    #[test]
    fn quiet_on_sargable_conditions_and_served_expressions() {
        let f = findings("non-sargable-predicate/quiet.sql", Some("schema.sql"), super::META.id);
        assert!(f.is_empty(), "{f:#?}");
    }
}
