use sqlparser::ast::{BinaryOperator, Expr};

use super::advice::{index_on_columns, IndexAdvice, IndexKey};
use super::format::{count, factor, ms};
use super::schema_support::schema;
use super::Context;
use crate::query::expr::{column_name, columns_in, conjuncts, unnest};
use crate::query::scope::{index_names_in, indexes_leading_with, Scope};
use crate::query::walk::for_each_block;
use crate::report::{Finding, Impact};
use crate::snapshot::{Snapshot, StatementStats};
use crate::sql::catalog::{Catalog, Table};
use crate::sql::{parse_script, StatementClass};

declare_rule! {
    /// ## What it does
    /// Reads a health snapshot (`pgsight snapshot-sql`) and finds tables of at least
    /// 10,000 rows read by sequential scans far more often than through an index: at
    /// least 100 Seq Scans, and 10 times more than index scans (`min_rows`,
    /// `min_seq_scans`, `min_ratio`). When pg_stat_statements lists a query that
    /// filters the table on columns no index leads with, the fix indexes them.
    ///
    /// ## Why it matters
    /// A Seq Scan reads the whole table, whatever the query keeps: on a table read
    /// this way hundreds of times, most of the I/O and CPU of those queries goes to
    /// rows they throw away. A selective filter on an indexed column reads a few
    /// pages instead. (A small lookup table, or a report that reads everything, is
    /// fine as it is: the row threshold leaves small tables out.)
    ///
    /// ## Example
    /// ```text
    /// products: 20,000 rows, seq_scan = 301, idx_scan = 0
    /// pg_stat_statements: SELECT * FROM products WHERE sku = $1 (300 calls)
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// CREATE INDEX CONCURRENTLY products_sku_idx ON products (sku);
    /// ```
    id: "seq-scan-heavy-table",
    category: Schema,
    severity: Warning,
    summary: "A large table read by Seq Scans far more often than by index (health snapshot)",
    thresholds: Thresholds,
}

/// Defaults.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    pub min_rows: f64,
    pub min_seq_scans: i64,
    /// Seq Scans per index scan.
    pub min_ratio: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_rows: 10_000.0, min_seq_scans: 100, min_ratio: 10.0 }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    let t: Thresholds = ctx.thresholds(&META);
    for table in schema.catalog.tables.values().filter(|t| !t.is_partitioned()) {
        let Some(stats) = &table.stats else { continue };
        let (Some(seq), Some(rows)) = (stats.seq_scan, stats.rows()) else { continue };
        let idx = stats.idx_scan.unwrap_or(0);
        if rows < t.min_rows || seq < t.min_seq_scans || (seq as f64) < t.min_ratio * idx as f64 {
            continue;
        }
        let location = schema.statement_location(&table.defined_at);
        let snap = ctx.snapshots.iter().find(|s| s.input == location.input);
        let table_sql = schema.table_sql(table);
        let mut f = Finding::new(
            &META,
            format!("{table_sql} is read by Seq Scan {} times ({} rows), by index {} times", count(seq as f64), count(rows), count(idx as f64)),
            format!(
                "{table_sql} has {} rows and was read by {} sequential scans{}, each reading the whole table, against {} \
                 index scans. Queries that filter it on unindexed columns pay for every row of it every time.",
                count(rows),
                count(seq as f64),
                stats.seq_tup_read.map(|r| format!(" ({} rows read in all)", count(r as f64))).unwrap_or_default(),
                count(idx as f64)
            ),
        )
        .location(location)
        .evidence("Rows", count(rows))
        .evidence("seq_scan", count(seq as f64))
        .evidence("idx_scan", count(idx as f64));
        if let Some(read) = stats.seq_tup_read {
            f = f.evidence("seq_tup_read", count(read as f64));
        }
        if idx > 0 {
            f = f.evidence("Seq Scans per index scan", factor(seq as f64 / idx as f64));
        }
        let impact = Impact {
            text: format!("Each query that an index serves reads a few pages of {table_sql} instead of all {} rows.", count(rows)),
            rows: stats.seq_tup_read.map(|r| r as f64),
            ..Impact::default()
        };
        f = f.impact(impact);
        let found = snap.and_then(|s| index_from_statements(&s.snapshot, schema.catalog, table));
        out.push(match found {
            Some((advice, statement)) => {
                f = f.evidence("Statement", crate::query::excerpt(&statement.query, 160));
                if let (Some(calls), Some(total)) = (statement.calls, statement.total_ms) {
                    f = f.evidence("Calls / total time", format!("{} / {}", count(calls as f64), ms(total)));
                }
                let table_name = advice_table(table);
                let advice = advice.avoiding_names(&index_names_in(schema.catalog, &table.schema));
                let explanation = format!("{} pg_stat_statements shows this filter among the top statements.", advice.explanation);
                let advice = IndexAdvice { explanation, ..advice };
                advice.apply(f, &table_name)
            }
            None => f
                .fix(
                    Some(format!(
                        "SELECT query, calls, total_exec_time, mean_exec_time\nFROM pg_stat_statements\nWHERE query ILIKE '%{}%'\nORDER BY total_exec_time DESC\nLIMIT 10;",
                        table.name.replace('\'', "''")
                    )),
                    format!(
                        "Find the queries that scan {table_sql} (PostgreSQL 12: total_time and mean_time), run EXPLAIN \
                         (ANALYZE, BUFFERS) on them and give the plans to pgsight: it proposes the index their filters need."
                    ),
                )
                .risk("None: the query only reads pg_stat_statements.")
                .rollback(None, "Nothing to undo."),
        });
    }
}

/// The table as [`index_on_columns`] takes it: `schema.name`, or `name` in public.
fn advice_table(table: &Table) -> String {
    if table.schema == crate::sql::names::DEFAULT_SCHEMA {
        table.name.clone()
    } else {
        format!("{}.{}", table.schema, table.name)
    }
}

/// The index the busiest statement filtering `table` on unindexed columns needs:
/// equality columns first, range columns last.
fn index_from_statements<'s>(snapshot: &'s Snapshot, catalog: &Catalog, table: &Table) -> Option<(IndexAdvice, &'s StatementStats)> {
    let mut statements: Vec<&StatementStats> = snapshot.statements.iter().collect();
    statements.sort_by(|a, b| b.total_ms.unwrap_or(0.0).total_cmp(&a.total_ms.unwrap_or(0.0)));
    for statement in statements {
        let script = parse_script(&statement.query);
        let Some(StatementClass::Parsed { statement: parsed, .. }) = script.statements.first().map(|s| &s.class) else { continue };
        let (mut equality, mut range) = (Vec::new(), Vec::new());
        for_each_block(parsed, |block| {
            let Some(selection) = block.selection else { return };
            let scope = Scope::new(&block.from, block.ctes, Some(catalog));
            let ours = |e: &Expr| -> Option<String> {
                let column = column_name(e)?;
                let relation = &scope.relations[scope.resolve(&column)?];
                let t = relation.table?;
                (t.schema == table.schema && t.name == table.name && t.column(&column.name).is_some()).then_some(column.name)
            };
            for conjunct in conjuncts(selection) {
                match unnest(conjunct) {
                    Expr::BinaryOp { left, op, right } => {
                        let (column, other) = match (ours(left), ours(right)) {
                            (Some(c), None) => (c, right),
                            (None, Some(c)) => (c, left),
                            _ => continue,
                        };
                        if !columns_in(other).is_empty() {
                            continue;
                        }
                        match op {
                            BinaryOperator::Eq => push(&mut equality, column),
                            BinaryOperator::Lt | BinaryOperator::LtEq | BinaryOperator::Gt | BinaryOperator::GtEq => push(&mut range, column),
                            _ => {}
                        }
                    }
                    Expr::Between { expr, negated: false, .. } => {
                        if let Some(column) = ours(expr) {
                            push(&mut range, column);
                        }
                    }
                    _ => {}
                }
            }
        });
        for column in range {
            push(&mut equality, column);
        }
        let Some(first) = equality.first() else { continue };
        if !indexes_leading_with(table, first).is_empty() || table.primary_key.as_ref().is_some_and(|k| k.columns.first() == Some(first)) {
            continue;
        }
        let keys: Vec<IndexKey> = equality.into_iter().map(|column| IndexKey { column, ordering: String::new() }).collect();
        return Some((index_on_columns(&advice_table(table), &keys), statement));
    }
    None
}

fn push(list: &mut Vec<String>, column: String) {
    if !list.contains(&column) {
        list.push(column);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::render;
    use crate::snapshot::testing::{fixture_findings, snapshot_findings};

    #[test]
    fn fires_on_the_products_lookups_of_the_fixture() {
        let findings = fixture_findings(super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(findings[0].title.starts_with("products is read by Seq Scan 301 times"), "{}", findings[0].title);
        assert_eq!(findings[0].fix.sql.as_deref(), Some("CREATE INDEX CONCURRENTLY products_sku_idx ON products (sku);"));
        assert_eq!(findings[0].rollback.sql.as_deref(), Some("DROP INDEX CONCURRENTLY IF EXISTS products_sku_idx;"));
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn without_statements_the_fix_finds_the_queries() {
        let findings = snapshot_findings(|v| v["statements"] = serde_json::Value::Null, &[], super::META.id);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].fix.sql.as_deref().is_some_and(|s| s.contains("WHERE query ILIKE '%products%'")));
    }

    #[test]
    fn quiet_when_index_scans_keep_up() {
        let findings = snapshot_findings(|_| {}, &[("seq-scan-heavy-table", "min_seq_scans", serde_json::json!(1_000))], super::META.id);
        assert!(findings.is_empty(), "{findings:#?}");
    }
}
