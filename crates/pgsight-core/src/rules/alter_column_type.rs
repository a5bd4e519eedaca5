use super::Context;
use crate::migration::fix::{batched_block_text, batched_do_block, lock_context, lock_evidence, lock_on, replace_column, terminated};
use crate::migration::ops::{AlterColumnType, Op};
use crate::migration::types::TypeChange;
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::names::quote_ident;

declare_rule! {
    /// ## What it does
    /// Finds `ALTER COLUMN ... TYPE` on an existing table when the change rewrites
    /// the table. The binary-compatible changes do not fire: `varchar(n)` to
    /// `varchar(m)` with m ≥ n, to `varchar` or to `text`; `text` to `varchar`;
    /// `numeric(p,s)` to `numeric(p',s)` with p' ≥ p or to `numeric`; `cidr` to
    /// `inet`; a higher timestamp precision. `timestamp` ↔ `timestamptz` skips the
    /// rewrite only when the session TimeZone is UTC (PostgreSQL 12+): it fires
    /// unless the migration sets it. With a schema the current type comes from it;
    /// without one the change is assumed to rewrite.
    ///
    /// ## Why it matters
    /// A rewrite converts every value and rebuilds the table and all its indexes
    /// under ACCESS EXCLUSIVE: no read or write gets through until it is done, and
    /// it needs free disk for a full copy.
    ///
    /// ## Example
    /// ```sql
    /// ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;
    /// ```
    ///
    /// ## Fix
    /// Expand and contract: a new column of the new type kept in step by a trigger,
    /// filled in batches, then swapped in by two renames in one short transaction;
    /// the old column is dropped once nothing reads it.
    id: "alter-column-type",
    category: Migration,
    severity: Warning,
    summary: "ALTER COLUMN TYPE that rewrites the table under ACCESS EXCLUSIVE",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let batch = ctx.thresholds::<super::unbatched_backfill::Thresholds>(&super::unbatched_backfill::META).batch_rows;
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            for op in &step.ops {
                if let Op::AlterColumnType(a) = op {
                    if !a.table.new && a.change.may_rewrite() {
                        out.push(finding(&migration, step, a, batch));
                    }
                }
            }
        }
    }
}

fn finding(migration: &Migration, step: &Step, a: &AlterColumnType, batch: u64) -> Finding {
    let table = a.table.qualified();
    let lock = lock_on(step, &table);
    let old = a.old_type.clone().unwrap_or_else(|| "its current type".to_owned());
    let (title, why) = match &a.change {
        TypeChange::Conditional { condition, met } => (
            format!("{table}.{} to {}: rewritten unless the session TimeZone is UTC", a.column, a.new_type),
            format!(
                "Changing {} from {old} to {} is conditional: {condition}. {}",
                a.column,
                a.new_type,
                match (met, &a.timezone) {
                    (Some(false), Some(zone)) => format!("The migration sets TimeZone to {zone}, so the table is rewritten."),
                    _ => "The migration does not set TimeZone, so it depends on the server's and the role's setting: assume a rewrite.".to_owned(),
                }
            ),
        ),
        TypeChange::UnknownOldType => (
            format!("{table}.{} TYPE {} probably rewrites the table", a.column, a.new_type),
            format!(
                "pgsight does not know the current type of {}.{} (give the schema with --schema); unless it is a binary-compatible widening such as varchar(n) to text, the change converts every row.",
                table, a.column
            ),
        ),
        TypeChange::Rewrite { reason } => {
            (format!("{table}.{} from {old} to {} rewrites the table", a.column, a.new_type), format!("Changing {} from {old} to {}: {reason}.", a.column, a.new_type))
        }
        TypeChange::BinaryCompatible { .. } => (String::new(), String::new()),
    };
    let mut f = Finding::new(
        &META,
        title,
        format!("{why} A rewrite rebuilds {table} and all its indexes under ACCESS EXCLUSIVE: no read or write on {table} gets through until it is done."),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock).evidence("Type change", format!("{old} → {}", a.new_type));
    if !a.indexes.is_empty() {
        f = f.evidence("Indexes and keys on the column", a.indexes.join(", "));
    }
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    if matches!(a.change, TypeChange::Conditional { .. }) && a.using.is_none() {
        return f
            .impact(Impact { text: format!("No rewrite: {table} and its indexes stay as they are, and the ACCESS EXCLUSIVE lock lasts an instant."), ..Impact::default() })
            .fix(
                Some(format!("SET TimeZone = 'UTC';\n{}", terminated(&step.statement.sql))),
                "Set the session TimeZone to UTC before the change: timestamp and timestamptz then store the same bytes and PostgreSQL 12+ keeps the table and its indexes as they are. \
                 The stored wall-clock values are then read as UTC: make sure that is what they mean.",
            )
            .risk(format!(
                "As written it takes ACCESS EXCLUSIVE on {table}, which blocks reads and writes, and may rewrite {table} and its indexes.{context} \
                 With TimeZone set to UTC only the catalog changes; on PostgreSQL 11 and older it rewrites whatever the TimeZone."
            ))
            .rollback(
                a.old_type.as_ref().map(|old| format!("SET TimeZone = 'UTC';\nALTER TABLE {} ALTER COLUMN {} TYPE {old};", a.table.sql, quote_ident(&a.column))),
                "Changes the type back, also without a rewrite under UTC.",
            );
    }
    let (sql, text) = expand_contract(a, batch);
    f.impact(Impact {
        text: format!("No rewrite under ACCESS EXCLUSIVE: the values are converted in short batches while traffic on {table} flows, and the swap takes an instant."),
        ..Impact::default()
    })
    .fix(sql, text)
    .risk(format!(
        "As written it takes ACCESS EXCLUSIVE on {table}, which blocks reads and writes, and may rewrite {table} and its indexes (free disk the size of both).{context} \
         The expand/contract steps write every row once more (WAL, replica lag); indexes, constraints, the default and NOT NULL of the old column must be recreated on the new one before the swap."
    ))
    .rollback(
        a.old_type.as_ref().map(|old| format!("ALTER TABLE {} ALTER COLUMN {} TYPE {old};", a.table.sql, quote_ident(&a.column))),
        "Undoes the statement as written (a rewrite again). With the fix: before the swap, drop the new column and the trigger; after it, rename the old column back.",
    )
}

fn expand_contract(a: &AlterColumnType, batch: u64) -> (Option<String>, String) {
    let t = &a.table.sql;
    let column = quote_ident(&a.column);
    let new_column = quote_ident(&format!("{}_new", a.column));
    let old_column = quote_ident(&format!("{}_old", a.column));
    let function = quote_ident(&format!("{}_{}_sync", a.table.name.name, a.column));
    let convert = |source: &str| match &a.using {
        Some(using) => replace_column(using, &a.column, source).unwrap_or_else(|| using.clone()),
        None => format!("{source}::{}", a.new_type),
    };
    let key = a.key.as_deref();
    let backfill = batched_do_block(t, key, batch, |range| {
        let value = convert(&a.column);
        format!("UPDATE {t} SET {new_column} = {value} WHERE {new_column} IS DISTINCT FROM {value} AND {range}")
    });
    let sql = format!(
        "ALTER TABLE {t} ADD COLUMN {new_column} {new_type};\n\
         CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$\n\
         BEGIN\n\
         \x20 NEW.{new_column} := {converted};\n\
         \x20 RETURN NEW;\n\
         END\n\
         $$;\n\
         CREATE TRIGGER {function} BEFORE INSERT OR UPDATE ON {t} FOR EACH ROW EXECUTE FUNCTION {function}();\n\
         {backfill}\n\
         -- recreate indexes and constraints of {column} on {new_column} (CREATE INDEX CONCURRENTLY ...), then swap:\n\
         BEGIN;\n\
         SET LOCAL lock_timeout = '5s';\n\
         DROP TRIGGER {function} ON {t};\n\
         ALTER TABLE {t} RENAME COLUMN {column} TO {old_column};\n\
         ALTER TABLE {t} RENAME COLUMN {new_column} TO {column};\n\
         COMMIT;\n\
         DROP FUNCTION {function}();\n\
         -- once nothing reads {old_column}:\n\
         ALTER TABLE {t} DROP COLUMN {old_column};",
        new_type = a.new_type,
        converted = convert(&format!("NEW.{}", a.column)),
    );
    let text = format!(
        "Expand and contract: add {new_column} with the new type, keep it in step with a trigger, fill it in batches, recreate on it what the old column had{}, then swap the names in one short transaction and drop the old column once nothing reads it. {}",
        if a.indexes.is_empty() { String::new() } else { format!(" ({})", a.indexes.join(", ")) },
        batched_block_text(key)
    );
    (Some(sql), text)
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_rewriting_changes() {
        let found = findings("alter-column-type/fires.sql", Some("alter-column-type/schema.sql"), META.id);
        let columns: Vec<String> = found.iter().map(|f| f.title.split_whitespace().next().unwrap_or("").to_owned()).collect();
        assert_eq!(columns, ["public.orders.quantity", "public.orders.code", "public.orders.placed_at"], "{found:#?}");
        insta::assert_snapshot!("bigint", render(&found[0]));
        insta::assert_snapshot!("timestamptz", render(&found[2]));
    }

    #[test]
    fn binary_compatible_changes_are_quiet() {
        // varchar(n) → varchar(m > n) / text, numeric(p,s) → numeric(p' > p, s), cidr → inet,
        // and timestamp → timestamptz once the migration sets TimeZone to UTC.
        assert!(findings("alter-column-type/quiet.sql", Some("alter-column-type/schema.sql"), META.id).is_empty());
    }
}
