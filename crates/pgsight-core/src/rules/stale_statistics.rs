use super::dead_tuples::last;
use super::format::{count, percent};
use super::schema_support::schema;
use super::Context;
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Reads a health snapshot (`pgsight snapshot-sql`) and finds tables whose
    /// planner statistics are missing or stale: never analyzed (neither `ANALYZE`
    /// nor autovacuum's), or analyzed more than a day before the snapshot with at
    /// least 20% of their rows changed since (`n_mod_since_analyze`). Tables under
    /// 1,000 rows are left out (`min_rows`, `min_changed_share`, `min_age_days`).
    ///
    /// ## Why it matters
    /// The planner chooses join methods, join order and index use from these
    /// statistics. Without them it assumes default selectivities and a table size
    /// from its page count; with stale ones it plans for data that is no longer
    /// there. Both give row misestimates that compound up the plan. A partitioned
    /// table's parent is never analyzed by autovacuum: only a manual ANALYZE gives
    /// it statistics.
    ///
    /// ## Example
    /// ```text
    /// events: 30,000 live rows, last analyze: never, last autoanalyze: never
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// ANALYZE VERBOSE events;
    /// ```
    id: "stale-statistics",
    category: Schema,
    severity: Warning,
    summary: "A table never analyzed, or much changed since its last ANALYZE (health snapshot)",
    thresholds: Thresholds,
}

/// Defaults.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Rows the table needs for a finding.
    pub min_rows: f64,
    /// Rows changed since the last ANALYZE, as a share of the table.
    pub min_changed_share: f64,
    /// Days between the last ANALYZE and the snapshot before changes count.
    pub min_age_days: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_rows: 1_000.0, min_changed_share: 0.2, min_age_days: 1.0 }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    let t: Thresholds = ctx.thresholds(&META);
    for table in schema.catalog.tables.values() {
        let Some(stats) = &table.stats else { continue };
        let rows = if table.is_partitioned() {
            let sum: f64 = schema.partitions(table).iter().filter_map(|p| p.stats.as_ref()?.rows()).sum();
            stats.reltuples.unwrap_or(sum).max(sum)
        } else {
            stats.rows().unwrap_or(0.0)
        };
        if rows < t.min_rows {
            continue;
        }
        let location = schema.statement_location(&table.defined_at);
        let snap = ctx.snapshots.iter().find(|s| s.input == location.input);
        let table_sql = schema.table_sql(table);
        let changed = stats.n_mod_since_analyze.unwrap_or(0) as f64;
        let (title, diagnosis) = match stats.last_analyzed() {
            None => (
                format!("{table_sql} has never been analyzed ({} rows)", count(rows)),
                format!(
                    "Neither ANALYZE nor autovacuum has ever analyzed {table_sql}: the planner has no statistics for its \
                     {} rows and guesses every selectivity, which misestimates row counts in every plan that reads it.{}",
                    count(rows),
                    if table.is_partitioned() {
                        " Autovacuum never analyzes a partitioned table's parent; only a manual ANALYZE does."
                    } else if snap.is_some_and(|s| s.snapshot.autovacuum_off()) {
                        " Autovacuum is off on this server."
                    } else {
                        " Autovacuum would analyze it after enough changes; a table loaded in bulk should be analyzed right away."
                    }
                ),
            ),
            Some(at) => {
                let age = snap.and_then(|s| s.snapshot.seconds_before(at)).map(|s| s / 86_400.0);
                if changed < t.min_changed_share * rows || changed < t.min_rows || age.is_some_and(|d| d < t.min_age_days) {
                    continue;
                }
                (
                    format!("{table_sql} changed {} since its last ANALYZE", percent(changed / rows)),
                    format!(
                        "{} rows of {table_sql} changed since it was last analyzed{}: its statistics describe data that is \
                         no longer there, and plans built on them misestimate.",
                        count(changed),
                        age.map(|d| format!(" {d:.1} days before the snapshot")).unwrap_or_default()
                    ),
                )
            }
        };
        let mut f = Finding::new(&META, title, diagnosis)
            .location(location)
            .evidence("Rows", count(rows))
            .evidence("Last analyze", last(stats.last_analyze.as_deref(), snap))
            .evidence("Last autoanalyze", last(stats.last_autoanalyze.as_deref(), snap));
        if changed > 0.0 {
            f = f.evidence("n_mod_since_analyze", count(changed));
        }
        out.push(
            f.impact(Impact {
                text: format!(
                    "Plans that read {table_sql} get row estimates from its current data: better join methods and orders, \
                     and indexes used where they pay off."
                ),
                ..Impact::default()
            })
            .fix(
                Some(format!("ANALYZE VERBOSE {table_sql};")),
                if table.is_partitioned() {
                    format!("Analyze {table_sql} (with its partitions), and schedule it: autovacuum never analyzes the parent.")
                } else {
                    format!("Analyze {table_sql}. After a bulk load, run ANALYZE as part of the load.")
                },
            )
            .risk(format!(
                "ANALYZE reads a sample of {table_sql} (300 × default_statistics_target rows) under a SHARE UPDATE EXCLUSIVE \
                 lock: reads and writes go on. Plans of queries on the table may change, usually for the better; watch the \
                 slow ones after it."
            ))
            .rollback(None, "ANALYZE only replaces planner statistics; the old ones are not kept, and nothing else changes."),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::render;
    use crate::snapshot::testing::{fixture_findings, snapshot_findings, table};

    #[test]
    fn fires_on_the_never_analyzed_table_of_the_fixture() {
        let findings = fixture_findings(super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].title, "events has never been analyzed (30,000 rows)");
        assert_eq!(findings[0].fix.sql.as_deref(), Some("ANALYZE VERBOSE events;"));
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn fires_on_heavy_churn_long_after_the_last_analyze() {
        let findings = snapshot_findings(
            |v| {
                let products = table(v, "products");
                products["n_mod_since_analyze"] = serde_json::json!(9_000);
                products["last_analyze"] = serde_json::json!("2020-01-01T00:00:00+00:00");
            },
            &[],
            super::META.id,
        );
        let churn = findings.iter().find(|f| f.title.contains("products")).expect("products finding");
        assert_eq!(churn.title, "products changed 45% since its last ANALYZE");
    }

    #[test]
    fn quiet_on_recent_churn() {
        let findings = snapshot_findings(|v| table(v, "products")["n_mod_since_analyze"] = serde_json::json!(9_000), &[], super::META.id);
        assert!(findings.iter().all(|f| !f.title.contains("products")), "{findings:#?}");
    }
}
