//! Helpers for the migration rule tests: fixtures live in
//! `crates/pgsight-core/tests/fixtures/migrations/`.

use crate::{analyze, Config, Finding, Input, InputKind, Report};

/// The text of a migration fixture (path relative to the fixtures directory).
pub fn fixture(path: &str) -> String {
    let full = format!("{}/tests/fixtures/migrations/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("fixture {full}: {e}"))
}

/// The report for a migration, with an optional schema before it.
pub fn report_sql(migration: &str, schema: Option<&str>) -> Report {
    let mut inputs = Vec::new();
    if let Some(schema) = schema {
        inputs.push(Input::new(InputKind::Schema, "schema.sql", schema));
    }
    inputs.push(Input::new(InputKind::Migration, "migration.sql", migration));
    let report = analyze(&inputs, &Config::default());
    let migration_input = inputs.len() - 1;
    let unread: Vec<_> = report.notes.iter().filter(|n| n.input == migration_input).collect();
    assert!(unread.is_empty(), "the migration did not parse cleanly: {unread:?}");
    report
}

/// Findings of rule `id` for a migration and an optional schema, as SQL text.
pub fn findings_sql(migration: &str, schema: Option<&str>, id: &str) -> Vec<Finding> {
    report_sql(migration, schema).findings.into_iter().filter(|f| f.rule == id).collect()
}

/// Findings of rule `id` for the fixture `migration`, with the fixture `schema`.
pub fn findings(migration: &str, schema: Option<&str>, id: &str) -> Vec<Finding> {
    let schema_text = schema.map(fixture);
    findings_sql(&fixture(migration), schema_text.as_deref(), id)
}
