//! The rollback plan: the inverse of a migration as runnable SQL, last statement
//! first. What no statement can undo (dropped columns and tables, changed rows) is
//! marked irreversible, with what a backup taken before the migration must hold.

use super::fix::one_line;
use super::ops::*;
use super::walk::{Migration, Step};
use crate::report::RollbackStep;
use crate::sql::names::quote_ident;

/// The inverse of `migration`, in the order to run it.
pub fn plan(migration: &Migration) -> Vec<RollbackStep> {
    let mut steps = Vec::new();
    for step in migration.steps.iter().rev() {
        for op in step.ops.iter().rev() {
            if let Some((sql, irreversible, note)) = inverse(op, step) {
                steps.push(RollbackStep {
                    sql,
                    reverses: one_line(&step.statement.sql, 120),
                    irreversible,
                    input: migration.input,
                    line: step.statement.span.line,
                    note,
                });
            }
        }
    }
    steps
}

type Inverse = (String, bool, Option<String>);

fn undo(sql: String) -> Option<Inverse> {
    Some((sql, false, None))
}

fn undo_with(sql: String, note: impl Into<String>) -> Option<Inverse> {
    Some((sql, false, Some(note.into())))
}

fn lost(sql: String, backup: impl Into<String>) -> Option<Inverse> {
    Some((sql, true, Some(backup.into())))
}

/// `public.orders_user_idx`: an index in its table's schema.
fn index_in(table: &TableRef, index: &str) -> String {
    match &table.name.schema {
        Some(schema) => format!("{}.{}", quote_ident(schema), quote_ident(index)),
        None => quote_ident(index),
    }
}

fn inverse(op: &Op, step: &Step) -> Option<Inverse> {
    let line = step.statement.span.line;
    // What a table created by this migration holds goes with its DROP TABLE.
    if let Some(table) = op.table() {
        let on_new = table.new && !matches!(op, Op::CreateTable { .. } | Op::RenameTable { .. } | Op::DropTable(_));
        if on_new {
            return None;
        }
    }
    match op {
        Op::CreateTable { table, if_not_exists, existed, .. } => {
            if *if_not_exists && *existed {
                return None;
            }
            undo_with(format!("DROP TABLE IF EXISTS {};", table.qualified()), "drops the table with every row written to it since the migration")
        }
        Op::CreateIndex(c) => undo(format!("DROP INDEX CONCURRENTLY IF EXISTS {};", index_in(&c.table, &c.name))),
        Op::DropIndex(d) => match &d.definition {
            Some(definition) => undo(definition.clone()),
            None => undo_with(
                format!("-- CREATE INDEX CONCURRENTLY {} ... (definition unknown)", d.sql),
                "save the index definition (SELECT indexdef FROM pg_indexes WHERE indexname = ...) before the migration, or give the schema with --schema",
            ),
        },
        Op::RenameIndex { index, new } => {
            let old = index.rsplit('.').next().unwrap_or(index);
            let schema = index.rsplit_once('.').map(|(s, _)| format!("{s}.")).unwrap_or_default();
            undo(format!("ALTER INDEX {schema}{} RENAME TO {old};", quote_ident(new)))
        }
        Op::AddColumn(a) => undo_with(
            format!("ALTER TABLE {} DROP COLUMN IF EXISTS {};", a.table.sql, quote_ident(&a.column)),
            "drops what was written to the column since the migration",
        ),
        Op::DropColumn { table, column, old, primary_key, .. } => {
            let key = if primary_key.is_empty() { "<primary key>".to_owned() } else { primary_key.iter().map(|k| quote_ident(k)).collect::<Vec<_>>().join(", ") };
            let sql = match old {
                Some(old) => format!("ALTER TABLE {} ADD COLUMN {} {};  -- the column comes back empty", table.sql, quote_ident(column), old.data_type),
                None => format!("-- ALTER TABLE {} ADD COLUMN {} <its type>;  -- type unknown without --schema", table.sql, quote_ident(column)),
            };
            lost(
                sql,
                format!(
                    "irreversible without a backup: the values of {}.{column}. Save them before the migration, keyed by the primary key, e.g. CREATE TABLE {}_{column}_backup AS SELECT {key}, {} FROM {};",
                    table.qualified(),
                    table.name.name,
                    quote_ident(column),
                    table.sql
                ),
            )
        }
        Op::AlterColumnType(a) => match &a.old_type {
            Some(old) => {
                let note = if a.change.may_rewrite() {
                    "rewrites the table again, under ACCESS EXCLUSIVE; fails if a value written since does not fit the old type"
                } else {
                    "fails if a value written since does not fit the old type"
                };
                undo_with(format!("ALTER TABLE {} ALTER COLUMN {} TYPE {old};", a.table.sql, quote_ident(&a.column)), note)
            }
            None => undo_with(
                format!("-- ALTER TABLE {} ALTER COLUMN {} TYPE <its old type>;", a.table.sql, quote_ident(&a.column)),
                "the old type is unknown without --schema",
            ),
        },
        Op::SetNotNull(s) if !s.already => undo(format!("ALTER TABLE {} ALTER COLUMN {} DROP NOT NULL;", s.table.sql, quote_ident(&s.column))),
        Op::DropNotNull { table, column } => undo_with(
            format!("ALTER TABLE {} ALTER COLUMN {} SET NOT NULL;", table.sql, quote_ident(column)),
            "scans the table under ACCESS EXCLUSIVE, and fails if NULLs were written since",
        ),
        Op::SetDefault { table, column, old, .. } => match old {
            Some(old) => undo(format!("ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {old};", table.sql, quote_ident(column))),
            None => undo(format!("ALTER TABLE {} ALTER COLUMN {} DROP DEFAULT;", table.sql, quote_ident(column))),
        },
        Op::DropDefault { table, column, old } => match old {
            Some(old) => undo(format!("ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {old};", table.sql, quote_ident(column))),
            None => undo_with(
                format!("-- ALTER TABLE {} ALTER COLUMN {} SET DEFAULT <its old default>;", table.sql, quote_ident(column)),
                "the old default is unknown without --schema",
            ),
        },
        Op::AddConstraint(c) => undo(format!("ALTER TABLE {} DROP CONSTRAINT IF EXISTS {};", c.table.sql, quote_ident(&c.name))),
        Op::DropConstraint { table, name, old, .. } => match old {
            Some(definition) if definition.starts_with("FOREIGN KEY") || definition.starts_with("CHECK") => undo_with(
                format!(
                    "ALTER TABLE {t} ADD CONSTRAINT {n} {definition} NOT VALID;\nALTER TABLE {t} VALIDATE CONSTRAINT {n};",
                    t = table.sql,
                    n = quote_ident(name)
                ),
                "the VALIDATE fails if rows written since break the constraint",
            ),
            Some(definition) => undo_with(
                format!("ALTER TABLE {} ADD CONSTRAINT {} {definition};", table.sql, quote_ident(name)),
                "builds the constraint's index under ACCESS EXCLUSIVE; fails if duplicates were written since",
            ),
            None => undo_with(
                format!("-- ALTER TABLE {} ADD CONSTRAINT {} ...;  -- definition unknown", table.sql, quote_ident(name)),
                "save the definition (pg_get_constraintdef) before the migration, or give the schema with --schema",
            ),
        },
        Op::RenameColumn { table, old, new, .. } => undo(format!("ALTER TABLE {} RENAME COLUMN {} TO {};", table.sql, quote_ident(new), quote_ident(old))),
        Op::RenameTable { table, new } => {
            let renamed = match &table.name.schema {
                Some(schema) => format!("{}.{}", quote_ident(schema), quote_ident(new)),
                None => quote_ident(new),
            };
            undo(format!("ALTER TABLE {renamed} RENAME TO {};", quote_ident(&table.name.name)))
        }
        Op::RenameConstraint { table, old, new } => {
            undo(format!("ALTER TABLE {} RENAME CONSTRAINT {} TO {};", table.sql, quote_ident(new), quote_ident(old)))
        }
        Op::OtherAlter { table, text, .. } => undo_with(
            format!("-- undo by hand: ALTER TABLE {} {}", table.sql, one_line(text, 100)),
            "pgsight writes no inverse for this form",
        ),
        Op::DropTable(d) => {
            let mut backup = format!(
                "irreversible without a backup: the rows and definition of {} (pg_dump --table={} before the migration)",
                d.table.qualified(),
                d.table.qualified()
            );
            if !d.referenced_by.is_empty() {
                backup.push_str(&format!(", and the foreign keys that pointed at it: {}", d.referenced_by.join(", ")));
            }
            lost(format!("-- restore {} from a backup: pg_restore --table={} ...", d.table.qualified(), d.table.name.name), backup)
        }
        Op::Truncate { tables } => {
            let names: Vec<String> = tables.iter().map(TableRef::qualified).collect();
            lost(format!("-- restore the rows of {} from a backup", names.join(", ")), format!("irreversible without a backup: every row of {}", names.join(", ")))
        }
        Op::Write(w) => {
            let verb = if w.delete { "deletes" } else { "changes" };
            let filter = w.where_sql.as_ref().map(|w| format!(" WHERE {w}")).unwrap_or_default();
            lost(
                format!("-- restore the rows line {line} {verb} in {} from a backup", w.table.qualified()),
                format!(
                    "irreversible without a backup: the rows it {verb}. Save them first, e.g. CREATE TABLE {}_before_line_{line} AS SELECT * FROM {}{filter};",
                    w.table.name.name, w.table.sql
                ),
            )
        }
        Op::Insert { table } => lost(
            format!("-- delete the rows line {line} inserts into {}", table.qualified()),
            "pgsight cannot tell which rows to delete: note their keys when inserting them",
        ),
        Op::CreateObject { kind, name, if_not_exists } => {
            if *if_not_exists == Some(true) && *kind == "EXTENSION" {
                return undo_with(format!("DROP EXTENSION IF EXISTS {name};"), "only if the migration created it (IF NOT EXISTS may have found it installed)");
            }
            undo(format!("DROP {kind} IF EXISTS {name};"))
        }
        Op::DropObject { kind, name, .. } => lost(
            format!("-- recreate {} {name} from its definition", kind.to_ascii_lowercase()),
            format!("the definition of {} {name} (pg_dump --schema-only) before the migration{}", kind.to_ascii_lowercase(), if *kind == "SEQUENCE" { ", and its current value" } else { "" }),
        ),
        Op::EnumAddValue { type_name, value } => lost(
            format!("-- PostgreSQL cannot remove the value '{value}' from {type_name}"),
            format!("to undo it, recreate {type_name} without '{value}' and convert every column that uses it, after moving rows off that value"),
        ),
        Op::EnumRenameValue { type_name, from, to } => undo(format!("ALTER TYPE {type_name} RENAME VALUE '{to}' TO '{from}';")),
        Op::AttachPartition { parent, partition, .. } => undo(format!("ALTER TABLE {} DETACH PARTITION {};", parent.sql, partition.sql)),
        Op::DetachPartition { parent, partition, bound, .. } => match bound {
            Some(bound) => undo(format!("ALTER TABLE {} ATTACH PARTITION {} {bound};", parent.sql, partition.sql)),
            None => undo_with(
                format!("-- ALTER TABLE {} ATTACH PARTITION {} FOR VALUES ...;", parent.sql, partition.sql),
                "the partition bound is unknown without --schema",
            ),
        },
        Op::DoBlock => lost(
            format!("-- undo the DO block at line {line} by hand"),
            "pgsight does not read PL/pgSQL: if the block changes rows, back them up first",
        ),
        Op::Unread { head } => undo_with(format!("-- undo {head} (line {line}) by hand"), "pgsight writes no inverse for this statement"),
        Op::CreateTrigger { table } => undo_with(format!("-- DROP TRIGGER ... ON {};", table.sql), "pgsight does not read the trigger's name"),
        Op::SetNotNull(_)
        | Op::ValidateConstraint { .. }
        | Op::Reindex { .. }
        | Op::Vacuum { .. }
        | Op::Cluster { .. }
        | Op::Analyze { .. }
        | Op::LockTable { .. }
        | Op::RefreshMaterializedView { .. } => None,
    }
}
