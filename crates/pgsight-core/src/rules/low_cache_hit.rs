use super::format::{count, percent};
use super::Context;
use crate::report::{Finding, Impact, Location};
use crate::snapshot::{bytes_text, table_sql};

declare_rule! {
    /// ## What it does
    /// Reads a health snapshot (`pgsight snapshot-sql`) and checks the database's
    /// buffer cache hit ratio, `blks_hit / (blks_hit + blks_read)` from
    /// `pg_stat_database`: below 99% (`min_hit_ratio`), once at least 100,000 blocks
    /// were requested (`min_blocks`, so a freshly started server is left alone).
    ///
    /// ## Why it matters
    /// A block missing from shared_buffers is read from the operating system: from
    /// its page cache at best, from disk at worst, hundreds of times slower than a
    /// hit. An OLTP database whose working set fits in memory hits 99% or more; below
    /// that, either shared_buffers is too small for the working set, or queries read
    /// far more than they need (Seq Scans of large tables evict everything else).
    ///
    /// ## Example
    /// ```text
    /// blks_hit = 9,200,000, blks_read = 800,000: 92% hit ratio
    /// shared_buffers = 128 MB
    /// ```
    ///
    /// ## Fix
    /// First make the queries read less (the tables with the most reads are listed
    /// in the finding; see `seq-scan-heavy-table`). If the working set simply does
    /// not fit, give shared_buffers more memory, typically 25% of the server's RAM:
    /// ```sql
    /// ALTER SYSTEM SET shared_buffers = '256MB';  -- takes effect after a restart
    /// ```
    id: "low-cache-hit",
    category: Schema,
    severity: Warning,
    summary: "The database's buffer cache hit ratio is below 99% (health snapshot)",
    thresholds: Thresholds,
}

/// Defaults.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    pub min_hit_ratio: f64,
    /// Blocks requested (hit + read) before the ratio means anything.
    pub min_blocks: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_hit_ratio: 0.99, min_blocks: 100_000 }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for snap in &ctx.snapshots {
        let s = &snap.snapshot;
        let Some(db) = &s.database_stats else { continue };
        let (Some(hit), Some(read)) = (db.blks_hit, db.blks_read) else { continue };
        let total = hit + read;
        if total < t.min_blocks || total <= 0 {
            continue;
        }
        let ratio = hit as f64 / total as f64;
        if ratio >= t.min_hit_ratio {
            continue;
        }
        let database = s.database.clone().unwrap_or_else(|| "the database".to_owned());
        let shared_buffers = s.setting("shared_buffers").and_then(|b| b.bytes());
        let mut f = Finding::new(
            &META,
            format!("Buffer cache hit ratio of {database} is {}", percent(ratio)),
            format!(
                "{} of the {} blocks that queries of {database} asked for were not in shared_buffers and had to be read from \
                 the operating system{}. Below {} the working set does not fit in the cache, or queries read much more \
                 than they return.",
                count(read as f64),
                count(total as f64),
                shared_buffers.map(|b| format!(" (shared_buffers is {})", bytes_text(b))).unwrap_or_default(),
                percent(t.min_hit_ratio)
            ),
        )
        .location(Location { input: snap.input, ..Location::default() })
        .evidence("blks_hit", count(hit as f64))
        .evidence("blks_read", count(read as f64))
        .evidence("Hit ratio", percent(ratio));
        if let Some(b) = shared_buffers {
            f = f.evidence("shared_buffers", bytes_text(b));
        }
        if let Some(size) = db.size_bytes {
            f = f.evidence("Database size", bytes_text(size as f64));
        }
        if let Some(reset) = &db.stats_reset {
            f = f.evidence("Statistics reset", reset.clone());
        }
        let mut readers: Vec<_> = s.tables.iter().filter(|t| t.heap_blks_read.unwrap_or(0) > 0).collect();
        readers.sort_by_key(|t| std::cmp::Reverse(t.heap_blks_read.unwrap_or(0)));
        let top: Vec<String> =
            readers.iter().take(3).map(|t| format!("{} ({} blocks read)", table_sql(&t.schema, &t.name), count(t.heap_blks_read.unwrap_or(0) as f64))).collect();
        if !top.is_empty() {
            f = f.evidence("Most read tables", top.join(", "));
        }
        let proposal = shared_buffers.map(|b| proposal(b * 2.0));
        let (fix_sql, rollback_sql) = match &proposal {
            Some(p) => (Some(format!("ALTER SYSTEM SET shared_buffers = '{p}';")), Some("ALTER SYSTEM RESET shared_buffers;".to_owned())),
            None => (None, None),
        };
        out.push(
            f.impact(Impact {
                text: "Each block served from shared_buffers instead of the operating system saves a system call, and a disk \
                       read when the page cache misses too: queries that read those tables get faster and steadier."
                    .to_owned(),
                ..Impact::default()
            })
            .fix(
                fix_sql,
                format!(
                    "First make the queries read less: index the filters of the queries on the tables read most{} (see \
                     seq-scan-heavy-table and the plans of the top statements). If the working set still does not fit, \
                     double shared_buffers{}, up to about 25% of the server's RAM, and restart. On a managed service, change \
                     it in the parameter group.",
                    if top.is_empty() { String::new() } else { " (listed above)".to_owned() },
                    proposal.map(|p| format!(" to {p}")).unwrap_or_default()
                ),
            )
            .risk(
                "shared_buffers only changes at a restart: a short outage, then a cold cache. Memory given to shared_buffers \
                 is taken from the operating system's page cache and from work_mem; beyond about 40% of RAM it rarely helps, \
                 and too much can make the server swap or be killed for memory.",
            )
            .rollback(rollback_sql, "Returns shared_buffers to its configured value at the next restart."),
        );
    }
}

/// `256MB`, `2GB`: a memory setting PostgreSQL accepts, rounded to a whole unit.
fn proposal(bytes: f64) -> String {
    let mb = (bytes / (1024.0 * 1024.0)).round();
    if mb >= 1024.0 && (mb % 1024.0) == 0.0 {
        format!("{}GB", mb / 1024.0)
    } else {
        format!("{mb}MB")
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::render;
    use crate::snapshot::testing::{fixture_findings, snapshot_findings};

    #[test]
    fn quiet_on_the_fixture() {
        assert!(fixture_findings(super::META.id).is_empty());
    }

    #[test]
    fn fires_below_99_percent() {
        let findings = snapshot_findings(
            |v| {
                v["database_stats"]["blks_hit"] = serde_json::json!(9_200_000);
                v["database_stats"]["blks_read"] = serde_json::json!(800_000);
            },
            &[],
            super::META.id,
        );
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].title, "Buffer cache hit ratio of postgres is 92%");
        assert_eq!(findings[0].fix.sql.as_deref(), Some("ALTER SYSTEM SET shared_buffers = '256MB';"));
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn quiet_on_a_cold_server() {
        let findings = snapshot_findings(
            |v| {
                v["database_stats"]["blks_hit"] = serde_json::json!(500);
                v["database_stats"]["blks_read"] = serde_json::json!(500);
            },
            &[],
            super::META.id,
        );
        assert!(findings.is_empty());
    }
}
