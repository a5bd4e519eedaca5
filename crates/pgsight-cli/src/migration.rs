//! The human rendering of what a report says about migrations: each statement with
//! the locks it takes, the work it does under them and its transaction state (printed
//! before the findings), and the rollback plan (after them).

use pgsight_core::report::{MigrationStatement, RollbackStep};
use pgsight_core::Report;

/// Modes that make other sessions wait for writes or reads.
const BLOCKING: &[&str] = &["SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"];

fn input_name(report: &Report, input: usize) -> &str {
    report.inputs.get(input).map_or("migration", |i| i.name.as_str())
}

/// The per-statement lock summary of every migration input; empty without one.
pub fn render_summary(report: &Report) -> String {
    let mut out = String::new();
    for summary in &report.migration {
        out.push_str(&format!("Migration {}: {} statement(s)\n", input_name(report, summary.input), summary.statements.len()));
        for statement in &summary.statements {
            render_statement(&mut out, statement);
        }
        out.push('\n');
    }
    out
}

fn render_statement(out: &mut String, s: &MigrationStatement) {
    out.push_str(&format!("  {:>5}  {:<14}  {}\n", s.line, s.transaction, s.sql));
    let indent = " ".repeat(25);
    for lock in &s.locks {
        let mut line = format!("{indent}{} on {}", lock.mode, lock.relation);
        if lock.new_table {
            line.push_str(" (new table)");
        }
        line.push_str(&format!(" · {} · {}", lock.work, lock.blocks));
        if let Some(until) = lock.held_until_line {
            line.push_str(&format!(" · held until line {until}"));
        }
        if !lock.new_table && BLOCKING.contains(&lock.mode.as_str()) {
            match &s.lock_timeout {
                Some(timeout) => line.push_str(&format!(" · lock_timeout {timeout}")),
                None => line.push_str(" · no lock_timeout"),
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    if let Some(timeout) = &s.statement_timeout {
        if !s.locks.is_empty() {
            out.push_str(&format!("{indent}statement_timeout {timeout}\n"));
        }
    }
    for note in &s.notes {
        out.push_str(&format!("{indent}note: {note}\n"));
    }
}

/// The rollback plan, in the order to run it; empty without a migration.
pub fn render_rollback(report: &Report) -> String {
    if report.rollback_plan.is_empty() {
        return String::new();
    }
    let irreversible = report.rollback_plan.iter().filter(|s| s.irreversible).count();
    let mut out = format!(
        "Rollback plan: {} step(s), run in this order{}\n",
        report.rollback_plan.len(),
        if irreversible > 0 { format!("; {irreversible} irreversible without a backup") } else { String::new() }
    );
    for step in &report.rollback_plan {
        render_step(&mut out, report, step);
    }
    out.push('\n');
    out
}

fn render_step(out: &mut String, report: &Report, step: &RollbackStep) {
    let marker = if step.irreversible { "IRREVERSIBLE " } else { "" };
    out.push_str(&format!("  -- {marker}undoes {} line {}: {}\n", input_name(report, step.input), step.line, step.reverses));
    if let Some(note) = &step.note {
        out.push_str(&format!("  -- {note}\n"));
    }
    for line in step.sql.lines() {
        out.push_str(&format!("  {line}\n"));
    }
}
