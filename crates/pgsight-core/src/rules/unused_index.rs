use super::format::count;
use super::schema_support::{drop_index_risk, index_entries, schema, IndexOrigin};
use super::Context;
use crate::report::{Finding, Impact};
use crate::snapshot::bytes_text;

declare_rule! {
    /// ## What it does
    /// Reads a health snapshot (`pgsight snapshot-sql`) and finds indexes that no query
    /// has scanned since the statistics were last reset (`idx_scan = 0` in
    /// `pg_stat_user_indexes`), that enforce nothing (neither unique nor a primary
    /// key) and that are large enough to be worth reclaiming: 1 MB by default
    /// (`min_bytes`).
    ///
    /// ## Why it matters
    /// Every insert, and every update that is not HOT, writes to every index of the
    /// table, and the index takes disk space, backup time and shared buffers. An
    /// index no query reads only costs.
    ///
    /// The counters are those of the server the snapshot was taken on, since
    /// `stats_reset`: an index used only on a replica, or only by a monthly report,
    /// shows 0 here. Check the replicas and how long the counters ran before
    /// dropping it.
    ///
    /// ## Example
    /// ```text
    /// orders_created_at_idx on orders: 4.3 MB, idx_scan = 0
    /// ```
    ///
    /// ## Fix
    /// Drop it without blocking writes; the rollback is its recorded definition:
    /// ```sql
    /// DROP INDEX CONCURRENTLY IF EXISTS orders_created_at_idx;
    /// -- rollback:
    /// CREATE INDEX CONCURRENTLY orders_created_at_idx ON public.orders USING btree (created_at);
    /// ```
    id: "unused-index",
    category: Schema,
    severity: Warning,
    summary: "An index no query has scanned since the statistics were reset (health snapshot)",
    thresholds: Thresholds,
}

/// Defaults.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Index size from which dropping it is worth a finding.
    pub min_bytes: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_bytes: 1024 * 1024 }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    let t: Thresholds = ctx.thresholds(&META);
    let reset = ctx.snapshots.iter().find_map(|s| s.snapshot.database_stats.as_ref()?.stats_reset.clone());
    for table in schema.catalog.tables.values() {
        for entry in index_entries(table) {
            let Some(index) = entry.index else { continue };
            let Some(stats) = &index.stats else { continue };
            let (Some(0), Some(bytes)) = (stats.idx_scan, stats.bytes) else { continue };
            if entry.origin != IndexOrigin::Index || entry.unique || stats.unique || stats.primary || stats.constraint.is_some() {
                continue;
            }
            // A partition's copy of its parent's index goes with the parent's.
            if entry.attached || !stats.valid || bytes < t.min_bytes {
                continue;
            }
            let table_sql = schema.table_sql(table);
            let rows = table.stats.as_ref().and_then(|s| s.rows());
            let writes = table.stats.as_ref().map(|s| s.n_tup_ins.unwrap_or(0) + s.n_tup_upd.unwrap_or(0) + s.n_tup_del.unwrap_or(0));
            let mut f = Finding::new(
                &META,
                format!("Index {} on {table_sql} is never used ({})", entry.name, bytes_text(bytes as f64)),
                format!(
                    "No query has scanned {} since {}, yet every insert and every non-HOT update of {table_sql} writes \
                     to it, and it takes {} of disk and cache. It enforces nothing (not unique, not a primary key), so \
                     dropping it changes no result.",
                    entry.name,
                    match &reset {
                        Some(at) => format!("the statistics were reset ({at})"),
                        None => "the statistics began (no reset recorded)".to_owned(),
                    },
                    bytes_text(bytes as f64)
                ),
            )
            .location(schema.statement_location(&entry.defined_at))
            .evidence("Index", stats.definition.clone())
            .evidence("idx_scan", "0")
            .evidence("Size", bytes_text(bytes as f64));
            if let Some(rows) = rows {
                f = f.evidence("Table rows", count(rows));
            }
            if let Some(writes) = writes.filter(|w| *w > 0) {
                f = f.evidence("Rows written since reset", count(writes as f64));
            }
            if let Some(at) = &reset {
                f = f.evidence("Statistics reset", at.clone());
            }
            let recreate = recreate_sql(&stats.definition, table.is_partitioned()).unwrap_or_else(|| schema.recreate_sql(&entry));
            out.push(
                f.impact(Impact {
                    text: format!(
                        "Frees {} and removes one index write from every insert and non-HOT update of {table_sql}{}.",
                        bytes_text(bytes as f64),
                        writes.filter(|w| *w > 0).map(|w| format!(" ({} rows written since the reset)", count(w as f64))).unwrap_or_default()
                    ),
                    ..Impact::default()
                })
                .fix(
                    Some(schema.drop_sql(&entry)),
                    format!(
                        "Drop {}. First check that no replica uses it (run the same query there) and that the counters ran over \
                         a full business cycle.",
                        entry.name
                    ),
                )
                .risk(if table.is_partitioned() {
                    drop_index_risk(&entry, &table_sql)
                } else {
                    format!(
                        "DROP INDEX CONCURRENTLY takes a SHARE UPDATE EXCLUSIVE lock: reads and writes on {table_sql} go on, \
                         but it waits for every transaction that uses the table and cannot run inside a transaction block. A \
                         query the counters missed (on a replica, or run rarely) loses the index and may turn into a Seq \
                         Scan; rebuilding it takes as long as the first build."
                    )
                })
                .rollback(Some(recreate), "Builds the index again from the definition the snapshot recorded, without blocking writes."),
            );
        }
    }
}

/// pg_get_indexdef's `CREATE [UNIQUE] INDEX name ON ...` as `CREATE INDEX
/// CONCURRENTLY` (not possible on a partitioned table).
pub fn recreate_sql(definition: &str, partitioned: bool) -> Option<String> {
    let at = definition.find("INDEX ")? + "INDEX ".len();
    if !definition.starts_with("CREATE ") {
        return None;
    }
    let concurrently = if partitioned { "" } else { "CONCURRENTLY " };
    Some(format!("{}{concurrently}{};", &definition[..at], definition[at..].trim_end_matches(';')))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::render;
    use crate::snapshot::testing::{fixture_findings, snapshot_findings};

    #[test]
    fn fires_on_the_unused_index_of_the_fixture() {
        let findings = fixture_findings(super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(findings[0].title.starts_with("Index orders_created_at_idx on orders is never used"), "{}", findings[0].title);
        assert_eq!(findings[0].fix.sql.as_deref(), Some("DROP INDEX CONCURRENTLY IF EXISTS orders_created_at_idx;"));
        assert_eq!(
            findings[0].rollback.sql.as_deref(),
            Some("CREATE INDEX CONCURRENTLY orders_created_at_idx ON public.orders USING btree (created_at);")
        );
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn quiet_below_the_size_threshold() {
        let findings = snapshot_findings(|_| {}, &[("unused-index", "min_bytes", serde_json::json!(1_000_000_000))], super::META.id);
        assert!(findings.is_empty(), "{findings:#?}");
    }

    #[test]
    fn recreate_sql_adds_concurrently() {
        assert_eq!(
            super::recreate_sql("CREATE UNIQUE INDEX a ON public.t USING btree (x)", false).as_deref(),
            Some("CREATE UNIQUE INDEX CONCURRENTLY a ON public.t USING btree (x);")
        );
        assert_eq!(
            super::recreate_sql("CREATE INDEX a ON ONLY public.t USING btree (x)", true).as_deref(),
            Some("CREATE INDEX a ON ONLY public.t USING btree (x);")
        );
    }
}
