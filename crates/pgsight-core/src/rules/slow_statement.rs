use super::format::{count, ms, percent};
use super::{AnalyzedScript, Category, Context, Rule};
use crate::query::excerpt;
use crate::report::{Finding, Impact, InputKind, Location, Severity};
use crate::snapshot::StatementStats;
use crate::sql::{parse_script, StatementClass};

declare_rule! {
    /// ## What it does
    /// Reads the top statements of a health snapshot (`pgsight snapshot-sql`, from
    /// `pg_stat_statements`) and reports those that take the most total execution
    /// time: the 5 first (`top`) that take at least 5% of the time of all listed
    /// statements and 10 ms in all (`min_share`, `min_total_ms`). Each statement is
    /// analyzed with the query rules, against the schema the snapshot describes; what
    /// they find (and fix) comes with it, and makes it a warning rather than advice.
    /// Utility statements (DDL, VACUUM, COPY) are left out.
    ///
    /// ## Why it matters
    /// Total time is calls × mean time: where the database spends its effort. A 2 ms
    /// query called a million times costs more than a 10 s report run once, and
    /// speeding it up frees the most capacity. pg_stat_statements shows the
    /// statement with its literals as `$1`, `$2`, so the same query with different
    /// values is one entry.
    ///
    /// ## Example
    /// ```text
    /// SELECT * FROM products WHERE sku = $1
    ///   300 calls, 0.93 ms mean, 278 ms total (75% of the listed time)
    /// ```
    ///
    /// ## Fix
    /// What the query rules propose for the statement, if anything; else its plan:
    /// ```sql
    /// EXPLAIN (GENERIC_PLAN) SELECT * FROM products WHERE sku = $1;
    /// ```
    /// (PostgreSQL 16+; before, EXPLAIN (ANALYZE, BUFFERS) with real values for
    /// the parameters), then `pgsight analyze --plan`.
    id: "slow-statement",
    category: Query,
    severity: Info,
    summary: "A top statement by total time in pg_stat_statements, analyzed with the query rules (health snapshot)",
    thresholds: Thresholds,
}

/// Defaults.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Statements reported at most.
    pub top: usize,
    /// Share of the total time of all listed statements.
    pub min_share: f64,
    pub min_total_ms: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { top: 5, min_share: 0.05, min_total_ms: 10.0 }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for snap in &ctx.snapshots {
        let statements: Vec<&StatementStats> = snap.snapshot.statements.iter().filter(|s| is_query(&s.query)).collect();
        let all_ms: f64 = statements.iter().filter_map(|s| s.total_ms).sum();
        let mut ranked = statements;
        ranked.sort_by(|a, b| b.total_ms.unwrap_or(0.0).total_cmp(&a.total_ms.unwrap_or(0.0)));
        for statement in ranked.into_iter().take(t.top) {
            let total = statement.total_ms.unwrap_or(0.0);
            if total < t.min_total_ms || all_ms <= 0.0 || total / all_ms < t.min_share {
                continue;
            }
            let found = query_findings(ctx, snap.input, &statement.query);
            out.push(finding(snap.input, statement, total / all_ms, &found, snap.snapshot.server_version_num.unwrap_or(0)));
        }
    }
}

/// DML and SELECT, not utility statements nor the snapshot itself.
fn is_query(query: &str) -> bool {
    let first = query.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
    matches!(first.as_str(), "SELECT" | "WITH" | "INSERT" | "UPDATE" | "DELETE" | "MERGE" | "TABLE" | "VALUES" | "(")
        && !query.contains("pgsight_snapshot_version")
}

/// The query rules' findings on one statement, with the snapshot's schema.
fn query_findings(ctx: &Context, input: usize, query: &str) -> Vec<Finding> {
    let script = parse_script(query);
    if !script.statements.iter().any(|s| matches!(s.class, StatementClass::Parsed { .. } | StatementClass::Unknown { .. })) {
        return Vec::new();
    }
    let sub = Context {
        scripts: vec![AnalyzedScript { input, kind: InputKind::Query, script }],
        catalog: ctx.catalog.clone(),
        thresholds: ctx.thresholds.clone(),
        ..Context::default()
    };
    let mut found = Vec::new();
    for rule in Rule::ALL.iter().filter(|r| matches!(r.meta().category, Category::Query | Category::Plan)) {
        if matches!(rule.id(), "slow-statement" | "slow-node" | "unused-suppression") {
            continue;
        }
        rule.check(&sub, &mut found);
    }
    found.retain(|f| f.category == Category::Query);
    found.sort_by_key(|f| std::cmp::Reverse(f.severity));
    found
}

fn finding(input: usize, statement: &StatementStats, share: f64, found: &[Finding], version: i64) -> Finding {
    let total = statement.total_ms.unwrap_or(0.0);
    let calls = statement.calls.unwrap_or(0);
    let mean = statement.mean_ms.unwrap_or(if calls > 0 { total / calls as f64 } else { 0.0 });
    let text = excerpt(&statement.query, 100);
    let rules: Vec<String> = found.iter().map(|f| f.rule.to_owned()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let mut f = Finding::new(
        &META,
        format!("{text}: {} calls, {} in total", count(calls as f64), ms(total)),
        format!(
            "This statement took {} of the execution time pg_stat_statements recorded for the top statements: {} calls of {} \
             on average.{}",
            percent(share),
            count(calls as f64),
            ms(mean),
            if found.is_empty() {
                " The query rules find nothing wrong in its text: its plan tells where the time goes.".to_owned()
            } else {
                format!(" The query rules find: {}.", rules.join(", "))
            }
        ),
    )
    .location(Location { input, ..Location::default() })
    .evidence("Statement", excerpt(&statement.query, 400))
    .evidence("Calls", count(calls as f64))
    .evidence("Mean time", ms(mean))
    .evidence("Total time", ms(total))
    .evidence("Share of listed time", percent(share));
    if let Some(rows) = statement.rows {
        f = f.evidence("Rows", count(rows as f64));
    }
    if let (Some(hit), Some(read)) = (statement.shared_blks_hit, statement.shared_blks_read) {
        f = f.evidence("Shared blocks hit / read", format!("{} / {}", count(hit as f64), count(read as f64)));
    }
    if let Some(id) = statement.queryid {
        f = f.evidence("queryid", id.to_string());
    }
    for sub in found {
        f = f.evidence(format!("Query rule {}", sub.rule), sub.title.clone());
    }
    f = f.impact(Impact {
        text: format!(
            "Halving its mean time saves {} over the {} calls counted; each millisecond saved per call saves {}.",
            ms(total / 2.0),
            count(calls as f64),
            ms(calls as f64)
        ),
        time_ms: Some(total),
        ..Impact::default()
    });
    match found.iter().find(|s| s.fix.sql.is_some()).or(found.first()) {
        Some(sub) => {
            f.severity(Severity::Warning)
                .fix(sub.fix.sql.clone(), format!("From {}: {}", sub.rule, sub.fix.text))
                .risk(sub.risk.clone())
                .rollback(sub.rollback.sql.clone(), sub.rollback.text.clone())
        }
        None => {
            let query = statement.query.trim().trim_end_matches(';');
            let has_parameters = query.contains('$');
            let (sql, text) = if has_parameters && version >= 160_000 {
                (
                    format!("EXPLAIN (GENERIC_PLAN) {query};"),
                    "Show its plan for any parameter values (PostgreSQL 16+), then give it to pgsight analyze --plan; for the \
                     real times run EXPLAIN (ANALYZE, BUFFERS) with typical values in place of $1, $2, ..."
                        .to_owned(),
                )
            } else {
                (
                    format!("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {query};"),
                    format!(
                        "Run it under EXPLAIN (ANALYZE, BUFFERS){} and give the plan to pgsight analyze --plan: it shows \
                         where the time goes.",
                        if has_parameters { " with typical values in place of $1, $2, ..." } else { "" }
                    ),
                )
            };
            f.fix(Some(sql), text)
                .risk(
                    "EXPLAIN ANALYZE runs the statement: an INSERT, UPDATE or DELETE changes data, so run those inside BEGIN \
                     ... ROLLBACK. It takes the statement's own locks and time.",
                )
                .rollback(None, "Nothing to undo once a data-changing statement was rolled back.")
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::render;
    use crate::snapshot::testing::{fixture_findings, snapshot_findings};
    use crate::Severity;

    #[test]
    fn reports_the_top_statements_of_the_fixture_with_their_query_findings() {
        let findings = fixture_findings(super::META.id);
        let titles: Vec<&str> = findings.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(findings.len(), 2, "{titles:#?}");
        let products = findings.iter().find(|f| f.title.starts_with("SELECT * FROM products WHERE sku = $1: 300 calls")).expect("products lookup");
        assert!(products.evidence.iter().any(|e| e.label == "Query rule select-star"), "{:#?}", products.evidence);
        assert_eq!(products.severity, Severity::Warning);
        insta::assert_snapshot!(render(products));
        let count = findings.iter().find(|f| f.title.starts_with("SELECT count(*) FROM orders")).expect("count");
        assert!(count.fix.sql.is_some());
    }

    #[test]
    fn utility_statements_and_small_ones_are_left_out() {
        let findings = snapshot_findings(
            |v| {
                v["statements"] = serde_json::json!([
                    {"query": "VACUUM ANALYZE orders", "calls": 1, "total_ms": 5000.0, "mean_ms": 5000.0},
                    {"query": "SELECT id FROM orders WHERE id = $1", "calls": 10, "total_ms": 1.0, "mean_ms": 0.1}
                ])
            },
            &[],
            super::META.id,
        );
        assert!(findings.is_empty(), "{findings:#?}");
    }

    #[test]
    fn a_clean_statement_gets_its_plan_asked_for() {
        let findings = snapshot_findings(
            |v| {
                v["server_version_num"] = serde_json::json!(160_004);
                v["statements"] = serde_json::json!([{"query": "SELECT id, status FROM orders WHERE customer_id = $1", "calls": 10, "total_ms": 500.0, "mean_ms": 50.0}]);
            },
            &[],
            super::META.id,
        );
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].severity, Severity::Info);
        assert_eq!(findings[0].fix.sql.as_deref(), Some("EXPLAIN (GENERIC_PLAN) SELECT id, status FROM orders WHERE customer_id = $1;"));
    }
}
