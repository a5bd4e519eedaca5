//! What a report carries about migrations besides findings: the per-statement lock
//! summary and the rollback plan.

use super::fix::one_line;
use super::walk::{Control, Migration, Step};
use crate::report::{LockSummary, MigrationStatement, MigrationSummary, RollbackStep};
use crate::rules::Context;

/// The per-statement summaries and the rollback plan of every migration input.
/// With several migrations, the plan undoes the last one first.
pub fn parts(ctx: &Context) -> (Vec<MigrationSummary>, Vec<RollbackStep>) {
    let migrations = super::migrations(ctx);
    let summaries = migrations.iter().map(summary).collect();
    let plan = migrations.iter().rev().flat_map(super::rollback::plan).collect();
    (summaries, plan)
}

pub fn summary(migration: &Migration) -> MigrationSummary {
    let statements = migration.steps.iter().map(|step| statement(migration, step)).collect();
    MigrationSummary { input: migration.input, statements }
}

fn statement(migration: &Migration, step: &Step) -> MigrationStatement {
    let transaction = match (&step.control, step.transaction) {
        (Control::Begin, Some(_)) => "begin",
        (Control::Commit { .. }, _) if step.transaction.is_some() => "commit",
        (Control::Rollback { .. }, _) if step.transaction.is_some() => "rollback",
        (_, Some(_)) => "in transaction",
        (_, None) => "autocommit",
    };
    let held_until = migration.transaction_of(step).and_then(|t| t.end).map(|end| migration.line(end));
    let locks = step
        .locks
        .iter()
        .map(|lock| LockSummary {
            relation: lock.target.clone(),
            mode: lock.mode.name().to_owned(),
            work: lock.work.name().to_owned(),
            blocks: lock.mode.blocks().to_owned(),
            new_table: lock.new,
            held_until_line: held_until.filter(|_| !matches!(step.control, Control::Commit { .. } | Control::Rollback { .. })),
        })
        .collect();
    let mut notes = step.notes.clone();
    notes.extend(step.ops.iter().filter_map(op_note));
    if let Some(t) = migration.transaction_of(step) {
        if t.end.is_none() && step.transaction.is_some() && matches!(step.control, Control::Begin) {
            notes.push("the transaction is never committed: the server rolls it back when the session ends".to_owned());
        }
    }
    MigrationStatement {
        line: step.statement.span.line,
        column: step.statement.span.column,
        sql: one_line(&step.statement.sql, 100),
        transaction: transaction.to_owned(),
        locks,
        lock_timeout: step.settings.lock_timeout().map(|s| s.value.clone()),
        statement_timeout: step.settings.statement_timeout().map(|s| s.value.clone()),
        notes,
    }
}

/// What a reader of the summary should know about one operation.
fn op_note(op: &super::ops::Op) -> Option<String> {
    use super::ops::{ColumnRewrite, Op};
    use super::types::TypeChange;
    match op {
        Op::AddColumn(a) if !a.table.new => match (&a.rewrite, &a.volatility) {
            (Some(ColumnRewrite::VolatileDefault(v)), _) => {
                Some(format!("DEFAULT {} is volatile: every existing row gets its own value, the table is rewritten", v.culprit.clone().unwrap_or_default()))
            }
            (Some(ColumnRewrite::Serial), _) => Some("serial: every existing row draws from the sequence, the table is rewritten".to_owned()),
            (Some(ColumnRewrite::Identity), _) => Some("identity: every existing row draws from the sequence, the table is rewritten".to_owned()),
            (Some(ColumnRewrite::StoredGenerated), _) => Some("stored generated column: computed for every existing row, the table is rewritten".to_owned()),
            (None, Some(v)) if v.volatility == crate::sql::functions::Volatility::Stable => Some(format!(
                "DEFAULT {} is stable: evaluated once and stored in the catalog, no rewrite (PostgreSQL 11+)",
                v.culprit.clone().unwrap_or_default()
            )),
            _ => None,
        },
        Op::AlterColumnType(a) if !a.table.new => match &a.change {
            TypeChange::BinaryCompatible { reason } => Some(format!("no rewrite: {reason}")),
            TypeChange::Conditional { condition, met: Some(true) } => Some(format!("no rewrite, conditionally: {condition}, and the migration sets it")),
            TypeChange::Conditional { condition, met } => Some(format!(
                "rewrite {}: {condition}",
                if met.is_some() { "(the migration sets another TimeZone)" } else { "unless the session TimeZone is UTC" }
            )),
            TypeChange::Rewrite { reason } => Some(format!("rewrite: {reason}")),
            TypeChange::UnknownOldType => Some("the current type is unknown without --schema: assume a rewrite".to_owned()),
        },
        Op::SetNotNull(s) if !s.table.new => match (&s.proof, s.already) {
            (_, true) => Some("already NOT NULL: nothing to check".to_owned()),
            (Some(check), _) => Some(format!("the validated CHECK {check} proves it: no scan (PostgreSQL 12+)")),
            _ => None,
        },
        Op::EnumAddValue { value, .. } => Some(format!("the new value '{value}' cannot be used before this transaction commits")),
        _ => None,
    }
}
