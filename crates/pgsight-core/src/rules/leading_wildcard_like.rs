use super::advice::{trigram_index, trigram_index_risk};
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::predicate::{conjuncts, split_top_level, strip_outer_parens, Conjunct, ConjunctKind};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact, Severity};

declare_rule! {
    /// ## What it does
    /// Finds a scan `Filter` with `LIKE` or `ILIKE` (`~~`, `~~*` in plans) whose
    /// pattern starts with a wildcard: `name LIKE '%son'`. A warning when the filter
    /// throws away at least 90% of at least 1,000 rows, advice otherwise.
    ///
    /// In SQL queries (query inputs) it reads WHERE and JOIN conditions: `name LIKE '%son'`,
    /// `name ILIKE '%' || $1 || '%'`. With a schema, a column that already has a trigram
    /// index is not reported, and the proposed index takes a free name.
    ///
    /// ## Why it matters
    /// A B-tree index is sorted by the start of the value: it can find `'son%'` but not
    /// `'%son'`, which may match anywhere. The database reads every row and tests the
    /// pattern on each, however few match.
    ///
    /// ## Example
    /// ```text
    /// Seq Scan on customers  (actual time=0.03..52.8 rows=11 loops=1)
    ///   Filter: (email ~~ '%4242%'::text)
    ///   Rows Removed by Filter: 99989
    /// ```
    ///
    /// ## Fix
    /// A trigram index (extension pg_trgm) serves LIKE and ILIKE with the wildcard
    /// anywhere:
    /// ```sql
    /// CREATE EXTENSION IF NOT EXISTS pg_trgm;
    /// CREATE INDEX CONCURRENTLY customers_email_trgm_idx ON customers USING gin (email gin_trgm_ops);
    /// ```
    id: "leading-wildcard-like",
    category: Plan,
    severity: Info,
    summary: "LIKE or ILIKE with a pattern that starts with a wildcard",
    thresholds: Thresholds,
}

/// Defaults from the brief.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Share of read rows the filter removes for the finding to be a warning.
    pub warning_removed_share: f64,
    /// Rows removed over all loops for the finding to be a warning.
    pub warning_removed_rows: f64,
    /// Trigrams need this many characters in a row between wildcards.
    pub min_trigram_chars: usize,
}

pub const THRESHOLDS: Thresholds = Thresholds { warning_removed_share: 0.9, warning_removed_rows: 1_000.0, min_trigram_chars: 3 };

impl Default for Thresholds {
    fn default() -> Self {
        THRESHOLDS
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, _) in plan.nodes() {
            if node.fields.relation_name.is_none() {
                continue;
            }
            let Some(filter) = node.fields.filter.as_deref() else { continue };
            // A LIKE shows as `~~` (`~~*` for ILIKE): without one there is nothing to
            // read, and most filters of a big plan have none.
            if !filter.contains(" ~~") {
                continue;
            }
            let own = |c: &Conjunct| {
                c.kind == ConjunctKind::LeadingWildcard
                    && c.column.as_ref().is_some_and(|col| match col.qualifier.as_deref() {
                        None => true,
                        Some(q) => Some(q) == node.fields.alias.as_deref() || Some(q) == node.fields.relation_name.as_deref(),
                    })
            };
            let Some(like) = conjuncts(filter).into_iter().find(own) else { continue };
            out.push(finding(ctx, plan, id, node, filter, &like, &t));
        }
    }
    #[cfg(feature = "sql")]
    check_queries(ctx, out, &t);
}

/// The pattern between its quotes: `'%son'::text` → `%son`.
fn pattern_of(constant: &str) -> String {
    let parts = split_top_level(strip_outer_parens(constant), "::");
    let base = strip_outer_parens(parts[0]);
    base.strip_prefix('\'').and_then(|b| b.strip_suffix('\'')).unwrap_or(base).replace("''", "'")
}

/// The longest run of plain characters in a LIKE pattern.
fn longest_literal(pattern: &str) -> usize {
    pattern.split(['%', '_']).map(|s| s.chars().count()).max().unwrap_or(0)
}

fn finding(ctx: &Context, plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, filter: &str, like: &Conjunct, t: &Thresholds) -> Finding {
    let m = plan.metrics.node(id);
    let table = node.qualified_relation().unwrap_or_else(|| "?".to_owned());
    let column = like.column.as_ref().map(|c| c.name.clone()).unwrap_or_default();
    let operator = match like.operator.as_deref() {
        Some("~~*") => "ILIKE",
        _ => "LIKE",
    };
    let pattern = pattern_of(like.constant.as_deref().unwrap_or(""));
    let returned = m.actual_rows_total.unwrap_or(0.0);
    let removed = node.fields.rows_removed_by_filter.unwrap_or(0.0) * node.loops();
    let read = returned + removed;
    let selective = node.executed()
        && removed >= t.warning_removed_rows
        && read > 0.0
        && removed / read >= t.warning_removed_share;
    let read_text = if node.executed() {
        format!(" It read {} rows to return {}.", count(read), count(returned))
    } else {
        String::new()
    };
    let mut f = Finding::new(
        &META,
        format!("{operator} '{pattern}' on {table}.{column} cannot use a B-tree index"),
        format!(
            "The {} on {table} tests {column} {operator} '{pattern}'. The pattern starts with a wildcard, so no B-tree index on {column} can narrow the search: every row is read and matched.{read_text}",
            node.node_type().to_ascii_lowercase()
        ),
    )
    .severity(if selective { Severity::Warning } else { Severity::Info })
    .location(plan.location(id))
    .evidence("Filter", filter)
    .evidence("Pattern", format!("{operator} '{pattern}'"));
    if node.executed() {
        f = f.evidence("Rows Removed by Filter", count(removed)).evidence("Actual Rows", count(returned));
        if node.loops() > 1.0 {
            f = f.evidence("Actual Loops", count(node.loops()));
        }
    }
    if let Some(time) = m.inclusive_ms {
        f = f.evidence("Time in scan", ms(time));
    }
    let impact_text = match (m.inclusive_ms, m.inclusive_share) {
        (Some(time), Some(share)) => format!(
            "This scan takes {} ({} of execution time). A trigram index reads the candidate rows for '{pattern}' (about {}, plus rechecked false positives) instead of all {}.",
            ms(time),
            percent(share),
            count(returned),
            count(read)
        ),
        _ => format!("A trigram index reads only the candidate rows for '{pattern}' instead of every row."),
    };
    f = f.impact(Impact { text: impact_text, time_share: m.inclusive_share, time_ms: m.inclusive_ms, rows: node.executed().then_some(removed) });

    let f = super::catalog_check::with_schema(ctx, f).subject(table.clone(), [column.clone()]);
    let mut advice = match super::catalog_check::check_index(ctx, trigram_index(&table, &column)) {
        super::catalog_check::Checked::New(advice) => advice,
        super::catalog_check::Checked::Exists(existing) => return super::catalog_check::existing_fix(f, &existing),
    };
    if longest_literal(&pattern) < t.min_trigram_chars {
        advice.explanation.push_str(&format!(
            " Note that '{pattern}' has fewer than {} characters between wildcards: it extracts no trigram, and the index will not help this particular pattern.",
            t.min_trigram_chars
        ));
    }
    let drop = format!("DROP INDEX CONCURRENTLY IF EXISTS {};", advice.qualified_name);
    f.fix(Some(advice.create_sql), advice.explanation).risk(trigram_index_risk(&table)).rollback(
        Some(drop),
        "Drops the index without blocking writes. The pg_trgm extension may stay: other indexes or queries may use it (DROP EXTENSION pg_trgm only once nothing does).",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{findings_for_fixture, render};
    use crate::rules::index_scan_filter::tests::clean_scenarios;

    const SCENARIO: &str = "tests/scenarios/leading-wildcard-like";

    #[test]
    fn fires_on_leading_wildcard() {
        let findings = findings_for_fixture(&format!("{SCENARIO}.json"), super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn short_ilike_pattern_is_flagged_in_the_fix() {
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/leading-wildcard-like/short-ilike.json", super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.severity, crate::Severity::Warning);
        assert!(f.title.starts_with("ILIKE '%ab%' on public.customers.city"), "{}", f.title);
        assert!(f.fix.sql.as_deref().is_some_and(|s| s.contains("USING gin (city gin_trgm_ops)")));
        assert!(f.fix.text.contains("fewer than 3 characters"));
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

    #[test]
    fn reads_patterns() {
        assert_eq!(pattern_of("'%son'::text"), "%son");
        assert_eq!(longest_literal("%ab%"), 2);
        assert_eq!(longest_literal("%gift wrap%"), 9);
    }
}

// ---------------------------------------------------------------------------
// The same rule on SQL queries (query inputs), read from sqlparser's AST.

#[cfg(feature = "sql")]
/// A LIKE / ILIKE (or `~~` / `~~*`) whose pattern starts with a wildcard, on a table's
/// column, in a query's WHERE or JOIN conditions.
fn check_queries(ctx: &Context, out: &mut Vec<Finding>, t: &Thresholds) {
    use crate::query::expr::each_expr;
    use crate::query::scope::Scope;
    use crate::query::{self, walk, Findings};

    let mut findings = Findings::new(out);
    for q in query::statements(ctx) {
        let mut found = Vec::new();
        walk::for_each_block(&q.statement, |block| {
            let scope = Scope::new(&block.from, block.ctes, ctx.catalog.as_ref());
            let mut conditions: Vec<&sqlparser::ast::Expr> = block.selection.into_iter().collect();
            for twj in &block.from {
                for join in &twj.joins {
                    if let Some(sqlparser::ast::JoinConstraint::On(on)) = super::not_in_subquery::join_constraint(&join.join_operator) {
                        conditions.push(on);
                    }
                }
            }
            for condition in conditions {
                each_expr(condition, |e| {
                    if let Some(like) = query_like(e, &scope) {
                        let f = query_finding(&q, e, &like, t).subject(like.table.clone(), [like.column.clone()]);
                        found.push(super::catalog_check::with_schema(ctx, f));
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

#[cfg(feature = "sql")]
/// What a query's leading-wildcard LIKE tests.
struct QueryLike {
    table: String,
    column: String,
    operator: &'static str,
    /// The pattern as written: `'%son'`, or `'%' || $1 || '%'`.
    pattern: String,
    /// The literal pattern, when it is one.
    literal: Option<String>,
    taken: Vec<String>,
}

#[cfg(feature = "sql")]
fn query_like(e: &sqlparser::ast::Expr, scope: &crate::query::scope::Scope) -> Option<QueryLike> {
    use crate::query::expr::{column_name, string_literal, unnest};
    use sqlparser::ast::{BinaryOperator, Expr};

    let (column, pattern, operator) = match e {
        Expr::Like { negated: false, any: false, expr, pattern, .. } => (expr, pattern, "LIKE"),
        Expr::ILike { negated: false, any: false, expr, pattern, .. } => (expr, pattern, "ILIKE"),
        Expr::BinaryOp { left, op: BinaryOperator::PGLikeMatch, right } => (left, right, "LIKE"),
        Expr::BinaryOp { left, op: BinaryOperator::PGILikeMatch, right } => (left, right, "ILIKE"),
        _ => return None,
    };
    // The pattern's first piece: the literal itself, or the left end of a concatenation.
    let mut head = unnest(pattern);
    while let Expr::BinaryOp { left, op: BinaryOperator::StringConcat, .. } = head {
        head = unnest(left);
    }
    if !string_literal(head).is_some_and(|p| p.starts_with('%') || p.starts_with('_')) {
        return None;
    }
    let name = column_name(column)?;
    let relation = &scope.relations[scope.resolve(&name)?];
    if !relation.is_table() {
        return None;
    }
    // A trigram index on the column serves the pattern: nothing to report.
    let taken = match relation.table {
        Some(table) => {
            let served = table.indexes.iter().any(|i| {
                matches!(i.method.as_str(), "gin" | "gist")
                    && i.keys.first().is_some_and(|k| k.column.as_deref() == Some(name.name.as_str()) && k.opclass.as_deref().is_some_and(|o| o.contains("trgm")))
            });
            if served {
                return None;
            }
            table.indexes.iter().map(|i| i.name.clone()).collect()
        }
        None => Vec::new(),
    };
    Some(QueryLike {
        table: relation.display(),
        column: name.name,
        operator,
        pattern: pattern.to_string(),
        literal: string_literal(pattern).map(str::to_owned),
        taken,
    })
}

#[cfg(feature = "sql")]
fn query_finding(q: &crate::query::QueryStatement, e: &sqlparser::ast::Expr, like: &QueryLike, t: &Thresholds) -> Finding {
    use sqlparser::ast::Spanned;

    let QueryLike { table, column, operator, pattern, .. } = like;
    let f = Finding::new(
        &META,
        format!("{operator} {pattern} on {table}.{column} cannot use a B-tree index"),
        format!(
            "The query tests `{e}`. The pattern starts with a wildcard, so no B-tree index on {column} can narrow the search: every row of {table} is read and matched."
        ),
    )
    .location(q.location_at(e.span()))
    .evidence("Condition", e.to_string())
    .evidence("Pattern", format!("{operator} {pattern}"))
    .impact(Impact {
        text: format!("A trigram index reads only the candidate rows for {pattern} (plus rechecked false positives) instead of every row of {table}."),
        ..Impact::default()
    });
    let mut advice = trigram_index(table, column);
    let free = crate::query::scope::free_index_name(&like.taken, &advice.name());
    if free != advice.name() {
        advice.create_sql = advice.create_sql.replacen(&super::fixsql::quote_ident(&advice.name()), &super::fixsql::quote_ident(&free), 1);
        advice.qualified_name = advice.qualified_name.replacen(&super::fixsql::quote_ident(&advice.name()), &super::fixsql::quote_ident(&free), 1);
    }
    match &like.literal {
        Some(literal) if longest_literal(literal) < t.min_trigram_chars => advice.explanation.push_str(&format!(
            " Note that '{literal}' has fewer than {} characters between wildcards: it extracts no trigram, and the index will not help this particular pattern.",
            t.min_trigram_chars
        )),
        None => advice.explanation.push_str(&format!(
            " The pattern is built from a parameter: values with fewer than {} characters between wildcards extract no trigram and still read the whole index.",
            t.min_trigram_chars
        )),
        _ => {}
    }
    let drop = format!("DROP INDEX CONCURRENTLY IF EXISTS {};", advice.qualified_name);
    f.fix(Some(advice.create_sql), advice.explanation).risk(trigram_index_risk(table)).rollback(
        Some(drop),
        "Drops the index without blocking writes. The pg_trgm extension may stay: other indexes or queries may use it (DROP EXTENSION pg_trgm only once nothing does).",
    )
}

#[cfg(all(test, feature = "sql"))]
mod query_tests {
    use crate::query::test_support::{findings, findings_in};
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_leading_wildcard_in_queries() {
        let f = findings("leading-wildcard-like/fires.sql", Some("schema.sql"), super::META.id);
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(f[0].category, crate::rules::Category::Query);
        insta::assert_snapshot!(render(&f[0]));
        assert!(f[1].fix.text.contains("built from a parameter"), "{}", f[1].fix.text);
    }

    #[test]
    fn quiet_on_literals_comments_prefixes_and_trigram_indexes() {
        let f = findings("leading-wildcard-like/quiet.sql", Some("schema.sql"), super::META.id);
        assert!(f.is_empty(), "{f:#?}");
        // A pattern in a string that is not a LIKE, and one in a comment.
        let f = findings_in("SELECT '%x%' AS p FROM orders WHERE note = '%x%'; -- note LIKE '%x%'", None, super::META.id);
        assert!(f.is_empty(), "{f:#?}");
    }
}
