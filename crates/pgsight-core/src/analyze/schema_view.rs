//! The report's schema view: the catalog's tables as a front end shows them, and
//! which findings are about which table.
//!
//! A finding is about a table when its rule named one (its [`Subject`]: the cross
//! findings, `fk-missing-index`), or when it points into a schema input at a
//! statement that defines the table or part of it: the CREATE TABLE, a column, a
//! constraint, a CREATE INDEX. Positions are the key, never the finding's words.

use std::collections::HashMap;

use crate::report::{ColumnView, Finding, ForeignKeyView, IndexView, InputKind, KeyView, Subject, TableView};
use crate::rules::catalog_check;
use crate::rules::schema_support::{schema, SchemaInput};
use crate::rules::{AnalyzedScript, Context};
use crate::sql::catalog::{self, IdentityKind, Index, ReferentialAction, Table};

/// Gives each finding without a subject that points at a table's statement in a
/// schema input that table as its subject (with no columns, so that it takes part
/// in no merge). Runs before [`crate::snapshot::finish`] drops the positions of the
/// findings about a snapshot.
pub(super) fn mark_tables(ctx: &Context, findings: &mut [Finding]) {
    if findings.iter().all(|f| f.subject.is_some() || f.location.line.is_none()) {
        return;
    }
    let Some(schema) = schema(ctx) else { return };
    let owners = statement_owners(&schema);
    for f in findings.iter_mut().filter(|f| f.subject.is_none()) {
        let Some(line) = f.location.line else { continue };
        let Some(script) = ctx.scripts(InputKind::Schema).find(|s| s.input == f.location.input) else { continue };
        let Some(statement) = statement_at(script, line, f.location.column.unwrap_or(1)) else { continue };
        if let Some(table) = owners.get(&(script.input, statement)) {
            f.subject = Some(Subject { table: table.clone(), columns: Vec::new() });
        }
    }
}

/// The tables of the schema inputs, in name order, each with the indexes (into
/// `findings`, the report's, sorted) of the findings whose subject it is.
pub(super) fn tables(ctx: &Context, findings: &[Finding]) -> Vec<TableView> {
    let Some(schema) = schema(ctx) else { return Vec::new() };
    let mut about: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, f) in findings.iter().enumerate() {
        let Some(subject) = &f.subject else { continue };
        if let Some(table) = catalog_check::table(ctx, &subject.table) {
            about.entry(catalog_check::table_key(table)).or_default().push(index);
        }
    }
    schema
        .catalog
        .tables
        .values()
        .map(|table| {
            let findings = about.remove(&catalog_check::table_key(table)).unwrap_or_default();
            table_view(&schema, table, findings)
        })
        .collect()
}

/// For each statement of the schema inputs that defines a table or part of it, by
/// (input, statement index): the table's key (`public.orders`).
fn statement_owners(schema: &SchemaInput<'_>) -> HashMap<(usize, usize), String> {
    let mut owners = HashMap::new();
    for table in schema.catalog.tables.values() {
        let key = catalog_check::table_key(table);
        for at in defined_at(table) {
            if let Some((script, statement)) = schema.statement(at) {
                owners.entry((script.input, statement.index)).or_insert_with(|| key.clone());
            }
        }
    }
    owners
}

/// Where the table and everything of it was defined.
fn defined_at(table: &Table) -> impl Iterator<Item = &catalog::Location> {
    std::iter::once(&table.defined_at)
        .chain(table.columns.iter().map(|c| &c.defined_at))
        .chain(table.primary_key.iter().chain(&table.unique_constraints).map(|k| &k.defined_at))
        .chain(table.foreign_keys.iter().map(|fk| &fk.defined_at))
        .chain(table.check_constraints.iter().map(|c| &c.defined_at))
        .chain(table.exclusion_constraints.iter().map(|e| &e.defined_at))
        .chain(table.indexes.iter().map(|i| &i.defined_at))
}

/// The index of the statement of `script` that holds `line`:`column`.
fn statement_at(script: &AnalyzedScript, line: u32, column: u32) -> Option<usize> {
    let statements = &script.script.statements;
    let after = statements.partition_point(|s| (s.span.line, s.span.column) <= (line, column));
    Some(statements.get(after.checked_sub(1)?)?.index)
}

fn table_view(schema: &SchemaInput<'_>, table: &Table, findings: Vec<usize>) -> TableView {
    let defined = schema.statement(&table.defined_at);
    let input = defined.map_or(0, |(script, _)| script.input);
    let from_snapshot = schema.ctx.snapshots.iter().any(|s| s.input == input);
    let key = |k: &catalog::Key| KeyView { name: k.name.clone(), columns: k.columns.clone() };
    TableView {
        schema: table.schema.clone(),
        name: table.name.clone(),
        input,
        line: defined.filter(|_| !from_snapshot).map(|(_, statement)| statement.span.line),
        partition_by: table.partition_by.clone(),
        partition_of: table.partition_of.as_ref().map(|p| p.parent.to_string()),
        columns: table.columns.iter().map(column_view).collect(),
        primary_key: table.primary_key.as_ref().map(key),
        unique: table.unique_constraints.iter().map(key).collect(),
        foreign_keys: table
            .foreign_keys
            .iter()
            .map(|fk| ForeignKeyView {
                name: fk.name.clone(),
                columns: fk.columns.clone(),
                references: fk.referenced_table.to_string(),
                referenced_columns: fk.referenced_columns.clone(),
                on_delete: referential_action(fk.on_delete).map(|a| format!("ON DELETE {a}")),
                not_valid: fk.not_valid,
            })
            .collect(),
        indexes: table.indexes.iter().map(|index| index_view(schema, table, index)).collect(),
        rows: table.stats.as_ref().and_then(|s| s.rows()),
        total_bytes: table.stats.as_ref().and_then(|s| s.total_bytes),
        findings,
    }
}

fn column_view(column: &catalog::Column) -> ColumnView {
    let generated = match (&column.identity, &column.generated) {
        (Some(identity), _) => Some(
            match identity.kind {
                IdentityKind::Always => "generated always as identity",
                IdentityKind::ByDefault => "generated by default as identity",
                IdentityKind::Serial => "serial",
            }
            .to_owned(),
        ),
        (None, Some(expression)) => Some(format!("generated always as ({expression}) stored")),
        (None, None) => None,
    };
    ColumnView {
        name: column.name.clone(),
        data_type: column.data_type.clone(),
        nullable: column.nullable,
        default: column.default.clone(),
        generated,
    }
}

fn index_view(schema: &SchemaInput<'_>, table: &Table, index: &Index) -> IndexView {
    let stats = index.stats.as_ref();
    let definition = match stats {
        Some(s) if !s.definition.is_empty() => s.definition.clone(),
        _ => {
            let written = schema.statement_text(&index.defined_at);
            if written.is_empty() {
                crate::migration::read::index_definition(table, index)
            } else {
                written
            }
        }
    };
    IndexView {
        name: index.name.clone(),
        definition,
        bytes: stats.and_then(|s| s.bytes),
        scans: stats.and_then(|s| s.idx_scan),
        invalid: stats.is_some_and(|s| !s.valid),
    }
}

/// The SQL of an action other than the default.
fn referential_action(action: ReferentialAction) -> Option<&'static str> {
    match action {
        ReferentialAction::NoAction => None,
        ReferentialAction::Restrict => Some("RESTRICT"),
        ReferentialAction::Cascade => Some("CASCADE"),
        ReferentialAction::SetNull => Some("SET NULL"),
        ReferentialAction::SetDefault => Some("SET DEFAULT"),
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use crate::report::{InputKind, Report, TableView};
    use crate::rules::test_support::fixture;
    use crate::{analyze, Config, Input};

    fn report(inputs: &[(InputKind, &str)]) -> Report {
        let inputs: Vec<Input> = inputs.iter().map(|(kind, path)| Input::new(*kind, *path, fixture(path))).collect();
        let report = analyze(&inputs, &Config::default());
        assert!(report.inputs.iter().all(|i| i.ok), "{:?}", report.notes);
        report
    }

    fn table<'r>(report: &'r Report, name: &str) -> &'r TableView {
        report.schema.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("no table {name}"))
    }

    fn rules_of(report: &Report, table: &TableView) -> Vec<&'static str> {
        table.findings.iter().map(|&i| report.findings[i].rule).collect()
    }

    /// The view as text: one block per table, findings by rule and title.
    fn render(report: &Report, tables: &[&TableView]) -> String {
        let mut out = String::new();
        for t in tables {
            let _ = write!(out, "{}.{}", t.schema, t.name);
            if let Some(line) = t.line {
                let _ = write!(out, " (line {line})");
            }
            if let Some(by) = &t.partition_by {
                let _ = write!(out, " {by}");
            }
            out.push('\n');
            for c in &t.columns {
                let _ = write!(out, "  {} {}{}", c.name, c.data_type, if c.nullable { "" } else { " not null" });
                if let Some(d) = &c.default {
                    let _ = write!(out, " default {d}");
                }
                if let Some(g) = &c.generated {
                    let _ = write!(out, " [{g}]");
                }
                out.push('\n');
            }
            for (label, key) in t.primary_key.iter().map(|k| ("primary key", k)).chain(t.unique.iter().map(|k| ("unique", k))) {
                let _ = writeln!(out, "  {label} {} ({})", key.name, key.columns.join(", "));
            }
            for fk in &t.foreign_keys {
                let _ = writeln!(
                    out,
                    "  foreign key {} ({}) -> {} ({}){}",
                    fk.name,
                    fk.columns.join(", "),
                    fk.references,
                    fk.referenced_columns.join(", "),
                    fk.on_delete.as_deref().map(|a| format!(" {a}")).unwrap_or_default()
                );
            }
            for index in &t.indexes {
                let _ = writeln!(out, "  index {}", index.definition);
            }
            for &i in &t.findings {
                let _ = writeln!(out, "  finding [{}] {}", report.findings[i].rule, report.findings[i].title);
            }
        }
        out
    }

    #[test]
    fn the_scenario_schema_as_tables_with_their_findings() {
        let report = report(&[(InputKind::Schema, "tests/scenarios/schema.sql")]);
        let catalog_tables = report.schema.len();
        assert!(catalog_tables > 300, "every table, partitions included: {catalog_tables}");
        let top: Vec<&TableView> = report.schema.iter().filter(|t| t.partition_of.is_none()).collect();
        insta::assert_snapshot!(render(&report, &top));
    }

    #[test]
    fn every_schema_finding_with_a_position_lands_on_a_table() {
        let report = report(&[(InputKind::Schema, "tests/scenarios/schema.sql")]);
        let placed: Vec<usize> = report.schema.iter().flat_map(|t| t.findings.iter().copied()).collect();
        for (i, f) in report.findings.iter().enumerate() {
            if f.location.line.is_some() && f.rule != "unused-suppression" {
                assert_eq!(placed.iter().filter(|&&p| p == i).count(), 1, "{} at line {:?}", f.rule, f.location.line);
            }
        }
    }

    /// A cross finding names its table as the plan does; it lands on the schema's table.
    #[test]
    fn a_plan_finding_checked_against_the_schema_lands_on_its_table() {
        let report = report(&[
            (InputKind::Plan, "tests/scenarios/non-sargable-predicate-lower-email.json"),
            (InputKind::Schema, "tests/scenarios/schema.sql"),
        ]);
        let customers = table(&report, "customers");
        assert!(rules_of(&report, customers).contains(&"index-not-used"), "{:?}", rules_of(&report, customers));
        assert!(customers.indexes.iter().any(|i| i.name == "customers_email_idx" && i.definition.starts_with("CREATE INDEX customers_email_idx")));
    }

    /// A snapshot builds the same view, with the figures DDL lacks, and its findings
    /// (whose positions the report drops) still land on their tables.
    #[test]
    fn a_snapshot_gives_rows_sizes_index_use_and_findings() {
        let report = report(&[(InputKind::Schema, crate::snapshot::testing::FIXTURE)]);
        assert!(!report.schema.is_empty());
        assert!(report.schema.iter().all(|t| t.line.is_none()));
        assert!(report.schema.iter().any(|t| t.rows.is_some_and(|r| r > 0.0) && t.total_bytes.is_some()));
        let indexes: Vec<_> = report.schema.iter().flat_map(|t| &t.indexes).collect();
        assert!(indexes.iter().any(|i| i.definition.starts_with("CREATE") && i.scans.is_some() && i.bytes.is_some()));
        let placed: usize = report.schema.iter().map(|t| t.findings.len()).sum();
        let about_tables = report.findings.iter().filter(|f| ["unused-index", "dead-tuples", "stale-statistics", "seq-scan-heavy-table"].contains(&f.rule)).count();
        assert!(about_tables > 0 && placed >= about_tables, "{placed} placed, {about_tables} about tables");
    }

    #[test]
    fn no_schema_no_view() {
        let report = report(&[(InputKind::Plan, "tests/scenarios/seq-scan-orders-status.json")]);
        assert!(report.schema.is_empty());
        assert!(!report.to_json().contains("\"schema\""));
    }

    #[test]
    fn the_view_survives_a_trip_through_json() {
        let report = report(&[(InputKind::Schema, crate::snapshot::testing::FIXTURE)]);
        let back: Report = serde_json::from_str(&report.to_json()).expect("deserializes");
        assert_eq!(back.schema, report.schema);
    }
}
