//! The views above the findings (plan tree, schema, migration) and the plain logic of
//! the schema and migration views: which tables a filter shows, which start open, a
//! table's one-line summary, and the rollback script the copy button takes.

use std::collections::HashSet;

use pgsight_core::report::TableView;
use pgsight_core::Report;

use crate::format::{bytes, compact, plural};

/// Tables listed at first, and added by "Show more tables": a 2,000-table schema
/// renders one page of closed rows.
pub const TABLES_PAGE: usize = 100;

/// Up to this many tables, those with findings start open.
pub const OPEN_AT_FIRST_MAX_TABLES: usize = 50;

/// A view of the results' top pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Plan,
    Schema,
    Migration,
}

impl View {
    pub fn label(self) -> &'static str {
        match self {
            View::Plan => "Plan",
            View::Schema => "Schema",
            View::Migration => "Migration",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            View::Plan => "plan",
            View::Schema => "schema",
            View::Migration => "migration",
        }
    }
}

/// The views the report has something for, in tab order.
pub fn available(report: &Report) -> Vec<View> {
    let mut out = Vec::new();
    if !report.plans.is_empty() {
        out.push(View::Plan);
    }
    if !report.schema.is_empty() {
        out.push(View::Schema);
    }
    if !report.migration.is_empty() || !report.rollback_plan.is_empty() {
        out.push(View::Migration);
    }
    out
}

/// The view to show: the one chosen while the report still has it, else the first.
pub fn current(report: &Report, chosen: Option<View>) -> Option<View> {
    let views = available(report);
    chosen.filter(|v| views.contains(v)).or_else(|| views.first().copied())
}

/// The view that shows where finding `index` points: the plan for a plan node, the
/// schema for a table's finding; `None` when no view shows it.
pub fn view_of_finding(report: &Report, index: usize) -> Option<View> {
    let f = report.findings.get(index)?;
    if f.location.node.is_some() && !report.plans.is_empty() {
        return Some(View::Plan);
    }
    report.schema.iter().any(|t| t.findings.contains(&index)).then_some(View::Schema)
}

/// The view to switch to when finding `index` is selected while `current` shows:
/// none when `current` shows it already (a cross finding is in the plan and in the
/// schema), else the one that does.
pub fn view_for_selection(report: &Report, current: Option<View>, index: usize) -> Option<View> {
    let shows = |view: View| match view {
        View::Plan => report.findings.get(index).is_some_and(|f| f.location.node.is_some()),
        View::Schema => table_of_finding(report, index).is_some(),
        View::Migration => false,
    };
    match current {
        Some(view) if shows(view) => None,
        _ => view_of_finding(report, index).filter(|v| Some(*v) != current),
    }
}

/// The tables (indexes into `report.schema`) whose name or one of whose indexes'
/// names contains `query` (any case), optionally only those with findings.
pub fn matching_tables(report: &Report, query: &str, only_with_findings: bool) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    let matches = |t: &TableView| {
        query.is_empty()
            || format!("{}.{}", t.schema, t.name).to_lowercase().contains(&query)
            || t.indexes.iter().any(|i| i.name.to_lowercase().contains(&query))
    };
    report
        .schema
        .iter()
        .enumerate()
        .filter(|(_, t)| (!only_with_findings || !t.findings.is_empty()) && matches(t))
        .map(|(i, _)| i)
        .collect()
}

/// The tables open at first: those with findings, in a small schema.
pub fn open_at_first(report: &Report) -> HashSet<usize> {
    if report.schema.len() > OPEN_AT_FIRST_MAX_TABLES {
        return HashSet::new();
    }
    report.schema.iter().enumerate().filter(|(_, t)| !t.findings.is_empty()).map(|(i, _)| i).collect()
}

/// The table that finding `index` is about.
pub fn table_of_finding(report: &Report, index: usize) -> Option<usize> {
    report.schema.iter().position(|t| t.findings.contains(&index))
}

/// `10 columns · 2 indexes · 1 foreign key · 1.2M rows · 48 MB` for a closed row.
pub fn table_summary(t: &TableView) -> String {
    let mut parts = vec![plural(t.columns.len(), "column")];
    if !t.indexes.is_empty() {
        parts.push(plural_es(t.indexes.len(), "index", "indexes"));
    }
    if !t.foreign_keys.is_empty() {
        parts.push(plural(t.foreign_keys.len(), "foreign key"));
    }
    if let Some(rows) = t.rows {
        parts.push(format!("{} rows", compact(rows)));
    }
    if let Some(size) = t.total_bytes {
        parts.push(bytes(size as f64));
    }
    parts.join(" · ")
}

fn plural_es(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The whole rollback plan as one script, in the order to run it: each step's SQL
/// under a comment naming the statement it undoes (as the CLI prints it).
pub fn rollback_script(report: &Report) -> String {
    let mut out = String::new();
    for step in &report.rollback_plan {
        let input = report.inputs.get(step.input).map_or("migration", |i| i.name.as_str());
        let marker = if step.irreversible { "IRREVERSIBLE " } else { "" };
        out.push_str(&format!("-- {marker}undoes {input} line {}: {}\n", step.line, step.reverses));
        if let Some(note) = &step.note {
            out.push_str(&format!("-- {note}\n"));
        }
        out.push_str(step.sql.trim_end());
        out.push_str("\n\n");
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pgsight_core::{analyze, Config, Input, InputKind};

    fn read(path: &str) -> String {
        let full = format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
    }

    fn report(inputs: &[(InputKind, &str)]) -> Report {
        let inputs: Vec<Input> = inputs.iter().map(|(kind, path)| Input::new(*kind, *path, read(path))).collect();
        analyze(&inputs, &Config::default())
    }

    const SCHEMA: &str = "tests/scenarios/schema.sql";
    const PLAN: &str = "tests/scenarios/non-sargable-predicate-lower-email.json";
    const MIGRATION: &str = "crates/pgsight-core/tests/fixtures/sql/migrations/evolve-orders.sql";

    #[test]
    fn views_follow_what_the_report_holds() {
        let plan_only = report(&[(InputKind::Plan, PLAN)]);
        assert_eq!(available(&plan_only), [View::Plan]);
        let both = report(&[(InputKind::Plan, PLAN), (InputKind::Schema, SCHEMA)]);
        assert_eq!(available(&both), [View::Plan, View::Schema]);
        assert_eq!(current(&both, None), Some(View::Plan));
        assert_eq!(current(&both, Some(View::Schema)), Some(View::Schema));
        // A choice the new report has no view for falls back to the first.
        assert_eq!(current(&plan_only, Some(View::Schema)), Some(View::Plan));
        let migration = report(&[(InputKind::Migration, MIGRATION)]);
        assert_eq!(available(&migration), [View::Migration]);
    }

    #[test]
    fn a_finding_opens_the_view_that_shows_it() {
        let r = report(&[(InputKind::Plan, PLAN), (InputKind::Schema, SCHEMA)]);
        let on_node = r.findings.iter().position(|f| f.location.node.is_some()).expect("a plan finding");
        assert_eq!(view_of_finding(&r, on_node), Some(View::Plan));
        let schema_only = r.findings.iter().position(|f| f.rule == "missing-primary-key").expect("missing-primary-key");
        assert_eq!(view_of_finding(&r, schema_only), Some(View::Schema));
        let table = table_of_finding(&r, schema_only).expect("on a table");
        assert!(r.findings[schema_only].title.contains(&r.schema[table].name));

        // Selecting: the schema finding leaves the plan for the schema; a cross finding
        // (on a plan node and on a table) stays in whichever view shows it.
        assert_eq!(view_for_selection(&r, Some(View::Plan), schema_only), Some(View::Schema));
        assert_eq!(view_for_selection(&r, Some(View::Schema), schema_only), None);
        let cross = r.findings.iter().position(|f| f.rule == "index-not-used").expect("index-not-used");
        assert!(table_of_finding(&r, cross).is_some());
        assert_eq!(view_for_selection(&r, Some(View::Schema), cross), None);
        assert_eq!(view_for_selection(&r, Some(View::Plan), cross), None);
    }

    #[test]
    fn the_filter_matches_tables_and_index_names() {
        let r = report(&[(InputKind::Schema, SCHEMA)]);
        let names = |ids: Vec<usize>| ids.into_iter().map(|i| r.schema[i].name.clone()).collect::<Vec<_>>();
        assert_eq!(matching_tables(&r, "", false).len(), r.schema.len());
        assert_eq!(names(matching_tables(&r, "CUSTOMERS", false)), ["customers"]);
        assert_eq!(names(matching_tables(&r, "customers_email_idx", false)), ["customers"]);
        let with_findings = names(matching_tables(&r, "", true));
        assert!(with_findings.contains(&"events".to_owned()) && !with_findings.contains(&"customers".to_owned()));
    }

    #[test]
    fn a_large_schema_starts_closed_a_small_one_opens_its_findings() {
        let large = report(&[(InputKind::Schema, SCHEMA)]);
        assert!(large.schema.len() > OPEN_AT_FIRST_MAX_TABLES);
        assert!(open_at_first(&large).is_empty());
        let small = report(&[(InputKind::Schema, "crates/pgsight-core/tests/fixtures/migrations/add-column-volatile-default/schema.sql")]);
        let open = open_at_first(&small);
        assert!(open.iter().all(|&i| !small.schema[i].findings.is_empty()));
        assert_eq!(open.len(), small.schema.iter().filter(|t| !t.findings.is_empty()).count());
    }

    #[test]
    fn summaries_count_what_a_closed_row_hides() {
        let r = report(&[(InputKind::Schema, SCHEMA)]);
        let orders = r.schema.iter().find(|t| t.name == "orders").expect("orders");
        assert_eq!(table_summary(orders), "10 columns · 2 indexes · 1 foreign key");
        let snapshot = report(&[(InputKind::Schema, "tests/snapshot/snapshot.json")]);
        let sized = snapshot.schema.iter().find(|t| t.rows.is_some() && t.total_bytes.is_some()).expect("a table with figures");
        assert!(table_summary(sized).ends_with(&bytes(sized.total_bytes.unwrap_or_default() as f64)));
    }

    #[test]
    fn the_rollback_script_holds_every_step_in_order() {
        let r = report(&[(InputKind::Migration, MIGRATION)]);
        assert!(!r.rollback_plan.is_empty());
        let script = rollback_script(&r);
        let mut at = 0;
        for step in &r.rollback_plan {
            let found = script[at..].find(step.sql.trim_end()).map(|i| at + i);
            assert!(found.is_some(), "step `{}` missing or out of order in\n{script}", step.sql);
            at = found.unwrap_or(at);
        }
        assert!(script.starts_with("-- ") && script.ends_with('\n') && !script.ends_with("\n\n"), "{script}");
        assert!(rollback_script(&report(&[(InputKind::Plan, PLAN)])).is_empty());
    }
}
