//! The snapshot's JSON, as [`super::SQL`] writes it. Every field is optional: a
//! snapshot of another version, or one edited by hand, reads as far as it goes.
//! (`json_agg` over no rows gives `null`, read as empty.)

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

/// `null` read as the type's default.
fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(d: D) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A whole number PostgreSQL may print as a JSON number or (bigint in some drivers) a
/// string.
fn lenient_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        Some(serde_json::Value::Number(n)) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    pub pgsight_snapshot_version: u64,
    pub taken_at: Option<String>,
    pub server_version: Option<String>,
    #[serde(deserialize_with = "lenient_int")]
    pub server_version_num: Option<i64>,
    pub database: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub settings: BTreeMap<String, Setting>,
    pub database_stats: Option<DatabaseStats>,
    /// Every database of the server, oldest frozen transaction ID first.
    #[serde(deserialize_with = "nullable")]
    pub databases: Vec<DatabaseAge>,
    pub connections: Option<Connections>,
    #[serde(deserialize_with = "nullable")]
    pub tables: Vec<TableSnapshot>,
    /// `available`, `not installed` or `not loaded`.
    pub pg_stat_statements: Option<String>,
    /// Top statements of this database by total time.
    #[serde(deserialize_with = "nullable")]
    pub statements: Vec<StatementStats>,
}

/// One row of pg_settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Setting {
    pub setting: Option<String>,
    pub unit: Option<String>,
    pub source: Option<String>,
}

impl Setting {
    /// The value in the setting's base unit scaled to bytes (`unit` `8kB`, `kB`, `MB`),
    /// for memory settings.
    pub fn bytes(&self) -> Option<f64> {
        let value: f64 = self.setting.as_deref()?.parse().ok()?;
        let unit = self.unit.as_deref().unwrap_or("B");
        let (count, unit) = match unit.find(|c: char| !c.is_ascii_digit()) {
            Some(0) | None => (1.0, unit),
            Some(i) => (unit[..i].parse().unwrap_or(1.0), &unit[i..]),
        };
        let scale = match unit {
            "B" => 1.0,
            "kB" => 1024.0,
            "MB" => 1024.0 * 1024.0,
            "GB" => 1024.0 * 1024.0 * 1024.0,
            "TB" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
            _ => return None,
        };
        Some(value * count * scale)
    }

    pub fn number(&self) -> Option<f64> {
        self.setting.as_deref()?.parse().ok()
    }

    /// As `SHOW` would print it, roughly: `4096 kB` → `4 MB`.
    pub fn display(&self) -> String {
        match (self.bytes(), self.unit.as_deref()) {
            (Some(bytes), Some(_)) => super::bytes_text(bytes),
            _ => match (self.setting.as_deref(), self.unit.as_deref()) {
                (Some(s), Some(u)) => format!("{s} {u}"),
                (Some(s), None) => s.to_owned(),
                (None, _) => "?".to_owned(),
            },
        }
    }
}

impl Snapshot {
    pub fn setting(&self, name: &str) -> Option<&Setting> {
        self.settings.get(name)
    }

    /// Whether autovacuum is off server-wide.
    pub fn autovacuum_off(&self) -> bool {
        self.setting("autovacuum").and_then(|s| s.setting.as_deref()) == Some("off")
    }

    /// Seconds from `timestamp` to when the snapshot was taken.
    pub fn seconds_before(&self, timestamp: &str) -> Option<f64> {
        Some(super::epoch_seconds(self.taken_at.as_deref()?)? - super::epoch_seconds(timestamp)?)
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DatabaseStats {
    #[serde(deserialize_with = "lenient_int")]
    pub blks_hit: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub blks_read: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub xact_commit: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub xact_rollback: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub temp_files: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub temp_bytes: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub deadlocks: Option<i64>,
    pub stats_reset: Option<String>,
    #[serde(deserialize_with = "lenient_int")]
    pub size_bytes: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DatabaseAge {
    pub name: String,
    #[serde(deserialize_with = "lenient_int")]
    pub frozen_xid_age: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub min_mxid_age: Option<i64>,
}

/// Client connections (pg_stat_activity, client backends only).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Connections {
    #[serde(deserialize_with = "lenient_int")]
    pub total: Option<i64>,
    /// `active`, `idle`, `idle in transaction`, ...; `unknown` for sessions the user
    /// may not see.
    #[serde(deserialize_with = "nullable")]
    pub by_state: BTreeMap<String, i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub oldest_xact_seconds: Option<i64>,
}

/// `{"schema": ..., "name": ...}`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct RelationName {
    pub schema: String,
    pub name: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TableSnapshot {
    pub schema: String,
    pub name: String,
    /// pg_class.relkind: `r` table, `p` partitioned table.
    pub kind: String,
    /// pg_class.relpersistence: `p` permanent, `u` unlogged.
    pub persistence: String,
    /// `RANGE (created_at)`, for a partitioned table.
    pub partition_key: Option<String>,
    pub partition_of: Option<RelationName>,
    /// `FOR VALUES FROM (...) TO (...)` or `DEFAULT`, for a partition.
    pub partition_bound: Option<String>,
    /// -1 before the first VACUUM or ANALYZE (PostgreSQL 14+).
    pub reltuples: Option<f64>,
    #[serde(deserialize_with = "lenient_int")]
    pub relpages: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub table_bytes: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub total_bytes: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub frozen_xid_age: Option<i64>,
    #[serde(deserialize_with = "nullable")]
    pub options: Vec<String>,
    #[serde(deserialize_with = "lenient_int")]
    pub seq_scan: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub seq_tup_read: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub idx_scan: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub idx_tup_fetch: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub n_tup_ins: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub n_tup_upd: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub n_tup_del: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub n_tup_hot_upd: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub n_live_tup: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub n_dead_tup: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub n_mod_since_analyze: Option<i64>,
    pub last_vacuum: Option<String>,
    pub last_autovacuum: Option<String>,
    pub last_analyze: Option<String>,
    pub last_autoanalyze: Option<String>,
    #[serde(deserialize_with = "lenient_int")]
    pub heap_blks_read: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub heap_blks_hit: Option<i64>,
    #[serde(deserialize_with = "nullable")]
    pub columns: Vec<ColumnSnapshot>,
    #[serde(deserialize_with = "nullable")]
    pub constraints: Vec<ConstraintSnapshot>,
    #[serde(deserialize_with = "nullable")]
    pub indexes: Vec<IndexSnapshot>,
}

impl TableSnapshot {
    pub fn is_partitioned(&self) -> bool {
        self.kind == "p"
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ColumnSnapshot {
    pub name: String,
    /// format_type: `timestamp with time zone`, `character varying(20)`.
    #[serde(rename = "type")]
    pub data_type: String,
    pub not_null: bool,
    pub default: Option<String>,
    /// The expression of a generated column.
    pub generated: Option<String>,
    /// pg_attribute.attidentity: `a` (ALWAYS) or `d` (BY DEFAULT).
    pub identity: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ConstraintSnapshot {
    pub name: String,
    /// pg_constraint.contype: `p`, `u`, `f`, `c`, `x`.
    #[serde(rename = "type")]
    pub kind: String,
    /// pg_get_constraintdef.
    pub definition: String,
    pub index: Option<String>,
    pub inherited: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct IndexSnapshot {
    pub name: String,
    /// pg_get_indexdef.
    pub definition: String,
    #[serde(deserialize_with = "lenient_int")]
    pub bytes: Option<i64>,
    pub unique: bool,
    pub primary: bool,
    pub valid: bool,
    pub ready: bool,
    /// The constraint the index stands behind.
    pub constraint: Option<String>,
    /// The partitioned index this partition's index is attached to.
    pub parent_index: Option<RelationName>,
    #[serde(deserialize_with = "lenient_int")]
    pub idx_scan: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub idx_tup_read: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub idx_tup_fetch: Option<i64>,
}

/// One pg_stat_statements entry.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StatementStats {
    #[serde(deserialize_with = "lenient_int")]
    pub queryid: Option<i64>,
    pub query: String,
    #[serde(deserialize_with = "lenient_int")]
    pub calls: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub rows: Option<i64>,
    pub total_ms: Option<f64>,
    pub mean_ms: Option<f64>,
    #[serde(deserialize_with = "lenient_int")]
    pub shared_blks_hit: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub shared_blks_read: Option<i64>,
    #[serde(deserialize_with = "lenient_int")]
    pub temp_blks_written: Option<i64>,
}
