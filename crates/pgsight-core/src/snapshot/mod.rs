//! Health snapshots: one read-only query ([`SQL`]) the user runs with psql on their own
//! server, whose JSON output pgsight reads offline as a schema input.
//!
//! A snapshot builds the same catalog as DDL does: its tables, constraints
//! (pg_get_constraintdef) and indexes (pg_get_indexdef) become a DDL script
//! ([`ddl`]) read by the SQL front end, so every schema rule and the plan × schema
//! rules work from a snapshot alone. The statistics views' figures then land on the
//! catalog's tables and indexes ([`crate::sql::catalog::TableStats`]), and the
//! server-wide figures (settings, cache hits, transaction ID age, connections, top
//! statements) stay here for the health rules.

mod ddl;
mod model;
mod time;

#[cfg(feature = "sql")]
use crate::report::{InputSummary, Note, NoteLevel};
#[cfg(feature = "sql")]
use crate::rules::AnalyzedScript;
use crate::rules::Context;
use crate::sql::catalog::{Catalog, IndexStats, TableStats};
use crate::sql::names::QualifiedName;
#[cfg(feature = "sql")]
use crate::sql::parse_script;

pub use ddl::ddl;
pub use model::*;
pub use time::{age_days, epoch_seconds};

/// The snapshot script. Its output carries `"pgsight_snapshot_version": VERSION`.
pub const SQL: &str = include_str!("snapshot.sql");

/// The snapshot format this pgsight writes and reads; older ones are read too.
pub const VERSION: u64 = 1;

/// How to take a snapshot, for help text and the web app.
pub const USAGE: &str = "psql -X -A -t -f pgsight-snapshot.sql \"postgres://user@host/db\" > snapshot.json";

/// A snapshot in the rule context, with the input it came from.
#[derive(Debug, Clone)]
pub struct AnalyzedSnapshot {
    /// Index of the input in the report.
    pub input: usize,
    pub snapshot: Snapshot,
}

/// Whether a schema input's text is a snapshot rather than DDL: a JSON object with
/// the version field (psql's aligned output around it is tolerated).
pub fn is_snapshot(text: &str) -> bool {
    let trimmed = text.trim_start();
    let json_start = trimmed.starts_with('{') || trimmed.lines().take(3).any(|l| l.trim_start().starts_with('{'));
    json_start && text.contains("\"pgsight_snapshot_version\"")
}

/// Reads a snapshot's JSON. psql's default aligned output (a header, `+` at the end
/// of continued lines, a row count) is undone first when the plain text fails.
pub fn parse(text: &str) -> Result<Snapshot, String> {
    let object = |t: &str| -> Option<String> {
        let (start, end) = (t.find('{')?, t.rfind('}')?);
        (start < end).then(|| t[start..=end].to_owned())
    };
    let plain = object(text).ok_or_else(|| "not a pgsight snapshot: no JSON object".to_owned())?;
    let first_error = match serde_json::from_str::<Snapshot>(&plain) {
        Ok(snapshot) => return Ok(snapshot),
        Err(e) => e,
    };
    let unaligned: String = text.lines().map(|l| l.strip_prefix(' ').unwrap_or(l).trim_end().trim_end_matches('+')).collect::<Vec<_>>().join("\n");
    match object(&unaligned).map(|t| serde_json::from_str::<Snapshot>(&t)) {
        Some(Ok(snapshot)) => Ok(snapshot),
        _ => Err(format!("cannot read the snapshot's JSON: {first_error} (run the script with psql -A -t)")),
    }
}

/// Reads a snapshot input into `ctx`: its DDL as the input's schema script, its
/// statistics onto the catalog, and the snapshot itself for the health rules.
#[cfg(feature = "sql")]
pub fn load(input: usize, name: &str, text: &str, ctx: &mut Context, summary: &mut InputSummary, notes: &mut Vec<Note>) {
    let note = |level: NoteLevel, message: String| Note { level, message: format!("{name}: {message}"), input, line: None, column: None };
    let snapshot = match parse(text) {
        Ok(snapshot) => snapshot,
        Err(message) => {
            summary.ok = false;
            notes.push(note(NoteLevel::Error, message));
            return;
        }
    };
    if snapshot.pgsight_snapshot_version > VERSION {
        notes.push(note(
            NoteLevel::Warning,
            format!(
                "snapshot version {} is newer than this pgsight reads (version {VERSION}); what it knows is analyzed, the rest is \
                 ignored. Update pgsight, or take the snapshot with `pgsight snapshot-sql` of this version.",
                snapshot.pgsight_snapshot_version
            ),
        ));
    } else if snapshot.pgsight_snapshot_version == 0 {
        notes.push(note(NoteLevel::Warning, "the snapshot has no pgsight_snapshot_version; reading it as version 1".to_owned()));
    }
    if snapshot.pg_stat_statements.as_deref().is_some_and(|s| s != "available") {
        let state = snapshot.pg_stat_statements.as_deref().unwrap_or_default();
        notes.push(note(
            NoteLevel::Info,
            format!("pg_stat_statements is {state} on this server: the snapshot has no top statements (slow-statement needs them)"),
        ));
    }
    let script = parse_script(&ddl(&snapshot));
    summary.statements = script.counts.total;
    for script_note in &script.notes {
        notes.push(note(NoteLevel::Warning, format!("a definition from the snapshot could not be read: {}", script_note.message)));
    }
    let catalog = ctx.catalog.get_or_insert_with(Catalog::default);
    for statement in &script.statements {
        catalog.apply(statement);
    }
    attach_stats(&snapshot, catalog);
    ctx.scripts.push(AnalyzedScript { input, kind: crate::report::InputKind::Schema, script });
    ctx.snapshots.push(AnalyzedSnapshot { input, snapshot });
}

/// Findings about a snapshot point at the input, not at a line: the DDL their
/// positions come from is generated, and the JSON is one line.
pub fn finish(ctx: &Context, findings: &mut [crate::Finding]) {
    for finding in findings.iter_mut().filter(|f| ctx.snapshots.iter().any(|s| s.input == f.location.input)) {
        finding.location.line = None;
        finding.location.column = None;
    }
}

/// Puts each snapshot table's and index's figures on the catalog.
pub fn attach_stats(snapshot: &Snapshot, catalog: &mut Catalog) {
    for t in &snapshot.tables {
        let Some(table) = catalog.tables.get_mut(&QualifiedName::new(Some(&t.schema), &t.name)) else { continue };
        table.stats = Some(table_stats(t));
        for i in &t.indexes {
            if let Some(index) = table.indexes.iter_mut().find(|x| x.name == i.name) {
                index.stats = Some(index_stats(i));
            }
        }
    }
}

fn table_stats(t: &TableSnapshot) -> TableStats {
    TableStats {
        reltuples: t.reltuples.filter(|r| *r >= 0.0),
        table_bytes: t.table_bytes,
        total_bytes: t.total_bytes,
        seq_scan: t.seq_scan,
        seq_tup_read: t.seq_tup_read,
        idx_scan: t.idx_scan,
        n_tup_ins: t.n_tup_ins,
        n_tup_upd: t.n_tup_upd,
        n_tup_del: t.n_tup_del,
        n_live_tup: t.n_live_tup,
        n_dead_tup: t.n_dead_tup,
        n_mod_since_analyze: t.n_mod_since_analyze,
        last_vacuum: t.last_vacuum.clone(),
        last_autovacuum: t.last_autovacuum.clone(),
        last_analyze: t.last_analyze.clone(),
        last_autoanalyze: t.last_autoanalyze.clone(),
        frozen_xid_age: t.frozen_xid_age,
        heap_blks_read: t.heap_blks_read,
        heap_blks_hit: t.heap_blks_hit,
        options: t.options.clone(),
    }
}

fn index_stats(i: &IndexSnapshot) -> IndexStats {
    IndexStats {
        definition: i.definition.clone(),
        bytes: i.bytes,
        idx_scan: i.idx_scan,
        idx_tup_read: i.idx_tup_read,
        valid: i.valid,
        ready: i.ready,
        unique: i.unique,
        primary: i.primary,
        constraint: i.constraint.clone(),
    }
}

/// The row count a snapshot gave the table a plan node scans, when the schema came
/// from a snapshot (or any catalog with statistics).
pub fn plan_table_rows(ctx: &Context, node: &crate::plan::PlanNode) -> Option<f64> {
    let relation = node.fields.relation_name.as_deref()?;
    let table = ctx.catalog.as_ref()?.table(&QualifiedName::new(node.fields.schema.as_deref(), relation))?;
    table.stats.as_ref()?.rows()
}

/// `48 MB`, `1.2 GB`: bytes for prose.
pub fn bytes_text(bytes: f64) -> String {
    const UNITS: [&str; 5] = ["bytes", "kB", "MB", "GB", "TB"];
    let mut value = bytes;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{} bytes", value.round())
    } else if value >= 100.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// A table's name for the SQL of a fix: unqualified in `public`.
pub fn table_sql(schema: &str, name: &str) -> String {
    use crate::rules::fixsql::quote_ident;
    if schema == crate::sql::names::DEFAULT_SCHEMA {
        quote_ident(name)
    } else {
        format!("{}.{}", quote_ident(schema), quote_ident(name))
    }
}

/// Helpers for the health rule tests: the fixture snapshot taken by
/// `tests/snapshot/run.sh`, as is or edited.
#[cfg(all(test, feature = "sql"))]
pub(crate) mod testing {
    use crate::{analyze, Config, Finding, Input, InputKind};

    pub const FIXTURE: &str = "tests/snapshot/snapshot.json";

    pub fn fixture_value() -> serde_json::Value {
        serde_json::from_str(&crate::rules::test_support::fixture(FIXTURE)).expect("fixture snapshot is JSON")
    }

    /// Findings of rule `id` on the fixture snapshot.
    pub fn fixture_findings(id: &str) -> Vec<Finding> {
        snapshot_findings(|_| {}, &[], id)
    }

    /// Findings of rule `id` on the fixture snapshot after `edit`, with threshold
    /// overrides `(rule, threshold, value)`.
    pub fn snapshot_findings(edit: impl FnOnce(&mut serde_json::Value), thresholds: &[(&str, &str, serde_json::Value)], id: &str) -> Vec<Finding> {
        let mut value = fixture_value();
        edit(&mut value);
        value_findings(&value, thresholds, id)
    }

    /// Findings of rule `id` on a snapshot given as JSON.
    pub fn value_findings(value: &serde_json::Value, thresholds: &[(&str, &str, serde_json::Value)], id: &str) -> Vec<Finding> {
        let mut config = Config::default();
        for (rule, key, v) in thresholds {
            config.thresholds.entry((*rule).to_owned()).or_default().insert((*key).to_owned(), v.clone());
        }
        let report = analyze(&[Input::new(InputKind::Schema, "snapshot.json", value.to_string())], &config);
        assert!(report.inputs.iter().all(|i| i.ok), "snapshot did not read: {:?}", report.notes);
        report.findings.into_iter().filter(|f| f.rule == id).collect()
    }

    /// The fixture's table `name`, to edit.
    pub fn table<'v>(value: &'v mut serde_json::Value, name: &str) -> &'v mut serde_json::Value {
        let tables = value["tables"].as_array_mut().expect("tables");
        tables.iter_mut().find(|t| t["name"] == name).expect("table in fixture")
    }
}

#[cfg(all(test, feature = "sql"))]
mod tests;
