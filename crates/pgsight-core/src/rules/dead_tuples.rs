use super::advice::vacuum_risk;
use super::format::{count, percent};
use super::schema_support::schema;
use super::Context;
use crate::report::{Finding, Impact};
use crate::snapshot::AnalyzedSnapshot;

declare_rule! {
    /// ## What it does
    /// Reads a health snapshot (`pgsight snapshot-sql`) and finds tables whose dead
    /// rows (`n_dead_tup`) exceed 20% of their live rows, on tables of at least 10,000
    /// live rows (`min_dead_share`, `min_live_rows`).
    ///
    /// ## Why it matters
    /// An UPDATE or DELETE leaves the old row version behind until VACUUM removes it.
    /// Until then every Seq Scan reads it, indexes point at it, and the table and its
    /// indexes grow. Autovacuum normally keeps dead rows near 20% at most (its default
    /// `autovacuum_vacuum_scale_factor`); more means it is off, throttled, or blocked
    /// by an old transaction or replication slot.
    ///
    /// ## Example
    /// ```text
    /// orders: n_live_tup = 100,000, n_dead_tup = 33,333, last vacuum: never
    /// ```
    ///
    /// ## Fix
    /// Vacuum the table now, then find why autovacuum did not:
    /// ```sql
    /// VACUUM (ANALYZE, VERBOSE) orders;
    /// ```
    /// and, for a large, busy table, make autovacuum visit it sooner:
    /// `ALTER TABLE orders SET (autovacuum_vacuum_scale_factor = 0.05);`.
    id: "dead-tuples",
    category: Schema,
    severity: Warning,
    summary: "A table with many dead rows that VACUUM has not removed (health snapshot)",
    thresholds: Thresholds,
}

/// Defaults.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Dead rows as a share of live rows.
    pub min_dead_share: f64,
    /// Live rows the table needs for a finding.
    pub min_live_rows: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_dead_share: 0.2, min_live_rows: 10_000 }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    let t: Thresholds = ctx.thresholds(&META);
    for table in schema.catalog.tables.values().filter(|t| !t.is_partitioned()) {
        let Some(stats) = &table.stats else { continue };
        let (Some(live), Some(dead)) = (stats.n_live_tup, stats.n_dead_tup) else { continue };
        if live < t.min_live_rows || (dead as f64) < t.min_dead_share * live as f64 {
            continue;
        }
        let location = schema.statement_location(&table.defined_at);
        let snap = ctx.snapshots.iter().find(|s| s.input == location.input);
        let table_sql = schema.table_sql(table);
        let share = dead as f64 / live as f64;
        let autovacuum_off = snap.is_some_and(|s| s.snapshot.autovacuum_off());
        let disabled_here = stats.options.iter().any(|o| o.eq_ignore_ascii_case("autovacuum_enabled=false"));
        let why = if autovacuum_off {
            " Autovacuum is off on this server, so nothing removes them."
        } else if disabled_here {
            " Autovacuum is disabled for this table (autovacuum_enabled=false)."
        } else {
            " Autovacuum has not kept up: it may be throttled, or blocked by an old transaction or a replication slot."
        };
        let mut f = Finding::new(
            &META,
            format!("{table_sql} has {} dead rows ({} of its live rows)", count(dead as f64), percent(share)),
            format!(
                "{table_sql} holds {} dead row versions beside {} live rows. Until VACUUM removes them, every Seq Scan \
                 reads them and the indexes point at them, and the table keeps growing.{why}",
                count(dead as f64),
                count(live as f64)
            ),
        )
        .location(location)
        .evidence("n_live_tup", count(live as f64))
        .evidence("n_dead_tup", count(dead as f64))
        .evidence("Last vacuum", last(stats.last_vacuumed(), snap));
        if let Some(bytes) = stats.table_bytes {
            f = f.evidence("Table size", crate::snapshot::bytes_text(bytes as f64));
        }
        if autovacuum_off {
            f = f.evidence("autovacuum", "off");
        }
        let mut fix = format!("VACUUM (ANALYZE, VERBOSE) {table_sql};");
        let mut fix_text = format!("Vacuum {table_sql} now; VERBOSE reports how many dead rows it could not remove (kept by an old transaction).");
        let mut rollback = "VACUUM changes no data and no schema: there is nothing to undo.".to_owned();
        let mut rollback_sql = None;
        if disabled_here {
            fix.push_str(&format!("\nALTER TABLE {table_sql} RESET (autovacuum_enabled);"));
            fix_text.push_str(" Then let autovacuum look after the table again.");
            rollback = "VACUUM needs no undo; to switch autovacuum off for the table again:".to_owned();
            rollback_sql = Some(format!("ALTER TABLE {table_sql} SET (autovacuum_enabled = false);"));
        } else if autovacuum_off {
            fix_text.push_str(" Then turn autovacuum back on: ALTER SYSTEM SET autovacuum = on; SELECT pg_reload_conf(); (or the parameter group of a managed service).");
        } else {
            fix.push_str(&format!("\nALTER TABLE {table_sql} SET (autovacuum_vacuum_scale_factor = 0.05);"));
            fix_text.push_str(" Then have autovacuum visit it after 5% of its rows changed instead of 20%.");
            rollback = "VACUUM needs no undo; the autovacuum setting goes back with:".to_owned();
            rollback_sql = Some(format!("ALTER TABLE {table_sql} RESET (autovacuum_vacuum_scale_factor);"));
        }
        out.push(
            f.impact(Impact {
                text: format!(
                    "Scans stop reading {} dead rows, and the space they take becomes reusable by new rows (the file \
                     only shrinks with VACUUM FULL or pg_repack).",
                    count(dead as f64)
                ),
                rows: Some(dead as f64),
                ..Impact::default()
            })
            .fix(Some(fix), fix_text)
            .risk(vacuum_risk(&table_sql))
            .rollback(rollback_sql, rollback),
        );
    }
}

/// `2024-05-01T12:00:00+00:00 (3.2 days before the snapshot)`, or `never`.
pub fn last(at: Option<&str>, snap: Option<&AnalyzedSnapshot>) -> String {
    match at {
        None => "never".to_owned(),
        Some(at) => match snap.and_then(|s| s.snapshot.seconds_before(at)) {
            Some(seconds) if seconds >= 86_400.0 => format!("{at} ({:.1} days before the snapshot)", seconds / 86_400.0),
            Some(seconds) if seconds >= 3_600.0 => format!("{at} ({:.1} hours before the snapshot)", seconds / 3_600.0),
            _ => at.to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::render;
    use crate::snapshot::testing::{fixture_findings, snapshot_findings, table};

    #[test]
    fn fires_on_the_updated_orders_of_the_fixture() {
        let findings = fixture_findings(super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(findings[0].title.starts_with("orders has 33,333 dead rows"), "{}", findings[0].title);
        assert!(findings[0].message.contains("Autovacuum is off"), "{}", findings[0].message);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn quiet_below_the_share_and_on_small_tables() {
        let few = snapshot_findings(|v| table(v, "orders")["n_dead_tup"] = serde_json::json!(19_000), &[], super::META.id);
        assert!(few.is_empty(), "{few:#?}");
        let small = snapshot_findings(|_| {}, &[("dead-tuples", "min_live_rows", serde_json::json!(200_000))], super::META.id);
        assert!(small.is_empty(), "{small:#?}");
    }

    #[test]
    fn with_autovacuum_on_the_fix_tunes_the_table() {
        let findings = snapshot_findings(|v| v["settings"]["autovacuum"]["setting"] = serde_json::json!("on"), &[], super::META.id);
        assert_eq!(
            findings[0].fix.sql.as_deref(),
            Some("VACUUM (ANALYZE, VERBOSE) orders;\nALTER TABLE orders SET (autovacuum_vacuum_scale_factor = 0.05);")
        );
        assert_eq!(findings[0].rollback.sql.as_deref(), Some("ALTER TABLE orders RESET (autovacuum_vacuum_scale_factor);"));
    }
}
