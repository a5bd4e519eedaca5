use super::Context;
use crate::migration::fix::{batched_block_text, batched_do_block, lock_context, lock_evidence, lock_on};
use crate::migration::ops::{Op, TableRef};
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::names::quote_ident;

declare_rule! {
    /// ## What it does
    /// Finds `RENAME COLUMN` on a table this migration did not create (a column the
    /// same migration added is not reported: nothing uses it yet).
    ///
    /// ## Why it matters
    /// The rename itself is instant, but from its commit on every query, view
    /// definition aside, that still names the old column fails with `ERROR: column
    /// "..." does not exist`: the application servers still running the previous
    /// release, background jobs, reports, replicas' consumers.
    ///
    /// ## Example
    /// ```sql
    /// ALTER TABLE users RENAME COLUMN name TO full_name;
    /// ```
    ///
    /// ## Fix
    /// Expand and contract: add the new column, keep both in step with a trigger
    /// while both releases run, fill it in batches, move readers and writers to the
    /// new name, then drop the old column.
    id: "rename-column",
    category: Migration,
    severity: Warning,
    summary: "RENAME COLUMN breaks every running query that uses the old name",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let batch = ctx.thresholds::<super::unbatched_backfill::Thresholds>(&super::unbatched_backfill::META).batch_rows;
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            for op in &step.ops {
                if let Op::RenameColumn { table, old, new, column_new: false, data_type, key } = op {
                    if !table.new {
                        out.push(finding(&migration, step, table, old, new, data_type.as_deref(), key.as_deref(), batch));
                    }
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn finding(migration: &Migration, step: &Step, table: &TableRef, old: &str, new: &str, data_type: Option<&str>, key: Option<&str>, batch: u64) -> Finding {
    let qualified = table.qualified();
    let lock = lock_on(step, &qualified);
    let mut f = Finding::new(
        &META,
        format!("RENAME COLUMN {qualified}.{old} breaks queries that still use {old}"),
        format!(
            "The rename is instant, but from its commit on every query that names {old} fails with `ERROR: column \"{old}\" does not exist`: application servers still running the previous release, background jobs, reports and ad-hoc scripts."
        ),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock);
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let (o, n, t) = (quote_ident(old), quote_ident(new), &table.sql);
    let function = quote_ident(&format!("{}_{}_sync", table.name.name, new));
    let (sql, text) = match data_type {
        Some(data_type) => {
            let backfill = batched_do_block(t, key, batch, |range| format!("UPDATE {t} SET {n} = {o} WHERE {n} IS DISTINCT FROM {o} AND {range}"));
            let sql = format!(
                "ALTER TABLE {t} ADD COLUMN {n} {data_type};\n\
                 CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$\n\
                 BEGIN\n\
                 \x20 IF TG_OP = 'INSERT' THEN\n\
                 \x20   NEW.{n} := COALESCE(NEW.{n}, NEW.{o});\n\
                 \x20   NEW.{o} := COALESCE(NEW.{o}, NEW.{n});\n\
                 \x20 ELSIF NEW.{o} IS DISTINCT FROM OLD.{o} THEN\n\
                 \x20   NEW.{n} := NEW.{o};\n\
                 \x20 ELSIF NEW.{n} IS DISTINCT FROM OLD.{n} THEN\n\
                 \x20   NEW.{o} := NEW.{n};\n\
                 \x20 END IF;\n\
                 \x20 RETURN NEW;\n\
                 END\n\
                 $$;\n\
                 CREATE TRIGGER {function} BEFORE INSERT OR UPDATE ON {t} FOR EACH ROW EXECUTE FUNCTION {function}();\n\
                 {backfill}\n\
                 -- once every reader and writer uses {n}:\n\
                 DROP TRIGGER {function} ON {t};\n\
                 DROP FUNCTION {function}();\n\
                 ALTER TABLE {t} DROP COLUMN {o};"
            );
            (
                Some(sql),
                format!(
                    "Expand and contract: add {new}, keep {old} and {new} in step with a trigger while the old and the new release both run, fill {new} in batches, deploy the code that uses {new}, then drop {old}. \
                     Recreate on {new} the indexes and constraints {old} has. {}",
                    batched_block_text(key)
                ),
            )
        }
        None => (
            None,
            format!(
                "Expand and contract: add {new} with {old}'s type, keep both in step with a BEFORE INSERT OR UPDATE trigger, fill {new} in batches, deploy the code that uses {new}, then drop {old}. \
                 (Give the schema with --schema and pgsight writes the SQL with the column's type.)"
            ),
        ),
    };
    f.impact(Impact {
        text: format!("No query fails during the deploy: the old and the new release both find their column on {qualified}."),
        ..Impact::default()
    })
    .fix(sql, text)
    .risk(format!(
        "As written it takes ACCESS EXCLUSIVE on {qualified} (blocks reads and writes) for an instant; only the catalog changes.{context} \
         The expand/contract steps write every row once (WAL, replica lag) and the trigger adds a little to every write until it is dropped."
    ))
    .rollback(Some(format!("ALTER TABLE {t} RENAME COLUMN {n} TO {o};")), "Renames the column back (as written); with the fix, drop the new column and the trigger instead.")
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_existing_column() {
        let found = findings("rename-column/fires.sql", Some("rename-column/schema.sql"), META.id);
        assert_eq!(found.len(), 1, "{found:#?}");
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn quiet_on_columns_added_by_the_migration() {
        assert!(findings("rename-column/quiet.sql", None, META.id).is_empty());
    }
}
