//! What a health snapshot (see [`crate::snapshot`]) adds to the catalog: the
//! statistics views' figures for each table and index. DDL carries none of them, so
//! they are `None` on a catalog read from a script.

use serde::Serialize;

/// A table's size and activity, from pg_class, pg_stat_user_tables and
/// pg_statio_user_tables. Counters run from the last statistics reset.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TableStats {
    /// pg_class.reltuples: the planner's row count; `None` before the first VACUUM or
    /// ANALYZE (PostgreSQL 14+ stores -1 then).
    pub reltuples: Option<f64>,
    pub table_bytes: Option<i64>,
    /// Table, indexes and TOAST.
    pub total_bytes: Option<i64>,
    pub seq_scan: Option<i64>,
    pub seq_tup_read: Option<i64>,
    pub idx_scan: Option<i64>,
    pub n_tup_ins: Option<i64>,
    pub n_tup_upd: Option<i64>,
    pub n_tup_del: Option<i64>,
    pub n_live_tup: Option<i64>,
    pub n_dead_tup: Option<i64>,
    pub n_mod_since_analyze: Option<i64>,
    pub last_vacuum: Option<String>,
    pub last_autovacuum: Option<String>,
    pub last_analyze: Option<String>,
    pub last_autoanalyze: Option<String>,
    /// age(relfrozenxid).
    pub frozen_xid_age: Option<i64>,
    pub heap_blks_read: Option<i64>,
    pub heap_blks_hit: Option<i64>,
    /// `autovacuum_enabled=false` and the like, as pg_class.reloptions holds them.
    pub options: Vec<String>,
}

impl TableStats {
    /// Rows in the table: reltuples once known, else the live-row counter.
    pub fn rows(&self) -> Option<f64> {
        match self.reltuples {
            Some(r) if r >= 0.0 => Some(r),
            _ => self.n_live_tup.map(|n| n as f64),
        }
    }

    /// The later of the manual and automatic ANALYZE, as a timestamp string.
    pub fn last_analyzed(&self) -> Option<&str> {
        later(self.last_analyze.as_deref(), self.last_autoanalyze.as_deref())
    }

    /// The later of the manual and automatic VACUUM.
    pub fn last_vacuumed(&self) -> Option<&str> {
        later(self.last_vacuum.as_deref(), self.last_autovacuum.as_deref())
    }
}

/// ISO timestamps in one time zone compare as text.
fn later<'a>(a: Option<&'a str>, b: Option<&'a str>) -> Option<&'a str> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if a >= b { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// An index's size, use and state, from pg_index and pg_stat_user_indexes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IndexStats {
    /// pg_get_indexdef: the index exactly as the server would create it.
    pub definition: String,
    pub bytes: Option<i64>,
    /// Scans since the last statistics reset.
    pub idx_scan: Option<i64>,
    pub idx_tup_read: Option<i64>,
    /// indisvalid: false after a failed (or running) CREATE INDEX CONCURRENTLY.
    pub valid: bool,
    /// indisready: false while the index is not even kept up to date by writes.
    pub ready: bool,
    pub unique: bool,
    pub primary: bool,
    /// The constraint the index stands behind (primary key, unique, exclusion).
    pub constraint: Option<String>,
}
