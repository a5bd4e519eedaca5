use super::format::{count, percent};
use super::Context;
use crate::report::{Finding, Impact, Location, Severity};
use crate::snapshot::table_sql;

declare_rule! {
    /// ## What it does
    /// Reads a health snapshot (`pgsight snapshot-sql`) and checks how old each
    /// database's oldest unfrozen transaction ID is (`age(datfrozenxid)`), and its
    /// oldest multixact (`mxid_age(datminmxid)`): a warning from 1 billion, an error
    /// from 1.5 billion (`warning_age`, `error_age`), of the 2.1 billion after which
    /// PostgreSQL stops accepting writes.
    ///
    /// ## Why it matters
    /// Transaction IDs are 32-bit and wrap around. VACUUM freezes old rows so that
    /// their IDs can be reused; autovacuum starts doing so aggressively at
    /// `autovacuum_freeze_max_age` (200 million by default). An age far beyond that
    /// means freezing is not keeping up, usually because something holds back the
    /// oldest visible transaction: a long-running or forgotten transaction, an
    /// abandoned prepared transaction or replication slot. Near the limit the server
    /// refuses every write until a VACUUM completes, which on a large table takes
    /// hours.
    ///
    /// ## Example
    /// ```text
    /// postgres: age(datfrozenxid) = 1,200,000,000 (56% of the limit)
    /// ```
    ///
    /// ## Fix
    /// Remove what holds freezing back, then freeze the oldest tables, connected to
    /// that database:
    /// ```sql
    /// VACUUM (FREEZE, VERBOSE) orders;
    /// ```
    id: "xid-wraparound-risk",
    category: Schema,
    severity: Warning,
    summary: "Transaction ID age approaching wraparound (health snapshot)",
    thresholds: Thresholds,
}

/// Defaults.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    pub warning_age: i64,
    pub error_age: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { warning_age: 1_000_000_000, error_age: 1_500_000_000 }
    }
}

/// 2^31: where transaction IDs wrap around.
const LIMIT: f64 = 2_147_483_648.0;

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for snap in &ctx.snapshots {
        let s = &snap.snapshot;
        for db in &s.databases {
            let xid = db.frozen_xid_age.unwrap_or(0);
            let mxid = db.min_mxid_age.unwrap_or(0);
            let (kind, age) = if xid >= mxid { ("transaction ID", xid) } else { ("multixact ID", mxid) };
            if age < t.warning_age {
                continue;
            }
            let here = s.database.as_deref() == Some(db.name.as_str());
            let mut f = Finding::new(
                &META,
                format!("Database {} is {} {kind}s from wraparound ({} of the limit used)", db.name, count((LIMIT - age as f64).max(0.0)), percent(age as f64 / LIMIT)),
                format!(
                    "The oldest unfrozen {kind} of {} is {} transactions old. At about 2.1 billion PostgreSQL stops accepting \
                     writes in every database of the server until a VACUUM freezes the old rows. Autovacuum starts freezing \
                     at autovacuum_freeze_max_age ({}); this far beyond it, something holds freezing back.",
                    db.name,
                    count(age as f64),
                    s.setting("autovacuum_freeze_max_age").and_then(|v| v.number()).map(count).unwrap_or_else(|| "200,000,000 by default".to_owned())
                ),
            )
            .location(Location { input: snap.input, ..Location::default() })
            .evidence("age(datfrozenxid)", count(xid as f64))
            .evidence("mxid_age(datminmxid)", count(mxid as f64));
            if age >= t.error_age {
                f = f.severity(Severity::Error);
            }
            if let Some(seconds) = s.connections.as_ref().and_then(|c| c.oldest_xact_seconds).filter(|s| *s >= 3_600) {
                f = f.evidence("Oldest open transaction", format!("{:.1} hours", seconds as f64 / 3_600.0));
            }
            let mut oldest: Vec<_> = if here { s.tables.iter().filter(|t| t.frozen_xid_age.is_some()).collect() } else { Vec::new() };
            oldest.sort_by_key(|t| std::cmp::Reverse(t.frozen_xid_age.unwrap_or(0)));
            let oldest: Vec<_> = oldest.into_iter().take(5).collect();
            if !oldest.is_empty() {
                let list: Vec<String> =
                    oldest.iter().map(|t| format!("{} ({})", table_sql(&t.schema, &t.name), count(t.frozen_xid_age.unwrap_or(0) as f64))).collect();
                f = f.evidence("Oldest tables", list.join(", "));
            }
            let fix = if oldest.is_empty() {
                "VACUUM (FREEZE, VERBOSE);".to_owned()
            } else {
                oldest.iter().map(|t| format!("VACUUM (FREEZE, VERBOSE) {};", table_sql(&t.schema, &t.name))).collect::<Vec<_>>().join("\n")
            };
            out.push(
                f.impact(Impact {
                    text: "Freezing the oldest tables moves datfrozenxid forward and keeps the server from refusing writes."
                        .to_owned(),
                    ..Impact::default()
                })
                .fix(
                    Some(fix),
                    format!(
                        "First remove what holds freezing back: long-running transactions (pg_stat_activity, xact_start), \
                         prepared transactions (pg_prepared_xacts) and unused replication slots (pg_replication_slots, \
                         xmin). Then, connected to {}, freeze the oldest tables{}.",
                        db.name,
                        if oldest.is_empty() { " (the statement above freezes the whole database)" } else { "" }
                    ),
                )
                .risk(
                    "VACUUM FREEZE reads and may write every page not yet frozen: heavy I/O and WAL for a large table, though \
                     it takes only a SHARE UPDATE EXCLUSIVE lock (reads and writes go on). Do not cancel an anti-wraparound \
                     autovacuum already running on the table: it does the same work.",
                )
                .rollback(None, "Freezing changes no data and no schema: there is nothing to undo."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::render;
    use crate::snapshot::testing::{fixture_findings, snapshot_findings};
    use crate::Severity;

    #[test]
    fn quiet_on_the_fixture() {
        assert!(fixture_findings(super::META.id).is_empty());
    }

    #[test]
    fn fires_on_an_old_datfrozenxid() {
        let findings = snapshot_findings(
            |v| {
                v["databases"][0]["frozen_xid_age"] = serde_json::json!(1_200_000_000);
                for t in v["tables"].as_array_mut().expect("tables") {
                    if t["name"] == "orders" {
                        t["frozen_xid_age"] = serde_json::json!(1_200_000_000);
                    }
                }
            },
            &[],
            super::META.id,
        );
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].severity, Severity::Warning);
        assert!(findings[0].fix.sql.as_deref().is_some_and(|s| s.starts_with("VACUUM (FREEZE, VERBOSE) orders;")), "{:?}", findings[0].fix);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn an_error_near_the_limit() {
        let findings = snapshot_findings(|v| v["databases"][1]["frozen_xid_age"] = serde_json::json!(1_800_000_000), &[], super::META.id);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Error);
        assert_eq!(findings[0].fix.sql.as_deref(), Some("VACUUM (FREEZE, VERBOSE);"));
    }
}
