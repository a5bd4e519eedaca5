use sqlparser::ast::ColumnOption;

use super::Context;
use crate::migration::fix::{column_def_without, lock_context, lock_evidence, lock_on, not_null_constraint_name, not_null_sequence};
use crate::migration::ops::{AddColumn, Op};
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::names::quote_ident;

declare_rule! {
    /// ## What it does
    /// Finds `ADD COLUMN ... NOT NULL` (or `PRIMARY KEY`) without a `DEFAULT` on a
    /// table this migration did not create.
    ///
    /// ## Why it matters
    /// Every existing row gets NULL in the new column, which the constraint
    /// forbids: on a table with rows the statement fails with `ERROR: column "..."
    /// of relation "..." contains null values`, after waiting for its ACCESS
    /// EXCLUSIVE lock. It only works on an empty table.
    ///
    /// ## Example
    /// ```sql
    /// ALTER TABLE users ADD COLUMN region text NOT NULL;
    /// ```
    ///
    /// ## Fix
    /// If one value fits every existing row, give it as the default: a constant
    /// default is stored in the catalog without rewriting the table (PostgreSQL 11+).
    /// Otherwise add the column nullable, backfill it in batches, then set it NOT
    /// NULL through a validated CHECK:
    /// ```sql
    /// ALTER TABLE users ADD COLUMN region text;
    /// -- backfill in batches, then:
    /// ALTER TABLE users ADD CONSTRAINT users_region_not_null CHECK (region IS NOT NULL) NOT VALID;
    /// ALTER TABLE users VALIDATE CONSTRAINT users_region_not_null;
    /// ALTER TABLE users ALTER COLUMN region SET NOT NULL;
    /// ALTER TABLE users DROP CONSTRAINT users_region_not_null;
    /// ```
    id: "add-column-not-null-no-default",
    category: Migration,
    severity: Error,
    summary: "ADD COLUMN NOT NULL without a DEFAULT fails on a table that has rows",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            for op in &step.ops {
                if let Op::AddColumn(a) = op {
                    if a.not_null && a.default.is_none() && a.rewrite.is_none() && !a.table.new {
                        out.push(finding(&migration, step, a));
                    }
                }
            }
        }
    }
}

fn finding(migration: &Migration, step: &Step, a: &AddColumn) -> Finding {
    let table = a.table.qualified();
    let lock = lock_on(step, &table);
    let mut f = Finding::new(
        &META,
        format!("ADD COLUMN {} NOT NULL without a default fails if {table} has rows", a.column),
        format!(
            "Every existing row of {table} would hold NULL in the new column {}, which NOT NULL forbids: if the table has a single row the statement fails with `ERROR: column \"{}\" of relation \"{}\" contains null values`, after waiting for its ACCESS EXCLUSIVE lock. It only works on an empty table.",
            a.column, a.column, a.table.name.name
        ),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock);
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let nullable = column_def_without(&a.def, |o| matches!(o, ColumnOption::NotNull | ColumnOption::PrimaryKey(_)));
    let sql = format!(
        "ALTER TABLE {} ADD COLUMN {nullable};\n-- backfill {} in batches (see unbatched-backfill), then:\n{}",
        a.table.sql,
        quote_ident(&a.column),
        not_null_sequence(&a.table.sql, &a.column, &not_null_constraint_name(&a.table.name.name, &a.column))
    );
    let mut text = format!(
        "If one value fits every existing row, give it as the default (`ADD COLUMN {} {} NOT NULL DEFAULT ...`): a constant default is stored in the catalog, no row is rewritten (PostgreSQL 11+). \
         Otherwise add the column nullable, fill it in batches, and set it NOT NULL through a CHECK validated while traffic flows, as below.",
        quote_ident(&a.column),
        a.data_type
    );
    if a.primary_key {
        text.push_str(" As a primary key it also needs a unique index: build it with CREATE UNIQUE INDEX CONCURRENTLY and attach it with ADD CONSTRAINT ... PRIMARY KEY USING INDEX.");
    }
    f.impact(Impact { text: format!("The migration succeeds on a populated {table} instead of failing."), ..Impact::default() })
        .fix(Some(sql), text)
        .risk(format!(
            "As written it takes ACCESS EXCLUSIVE on {table}, which blocks reads and writes, and fails as soon as a row exists.{context} \
             The nullable ADD COLUMN only changes the catalog; the backfill writes every row (batch it); the CHECK's VALIDATE reads every row under SHARE UPDATE EXCLUSIVE."
        ))
        .rollback(Some(format!("ALTER TABLE {} DROP COLUMN IF EXISTS {};", a.table.sql, quote_ident(&a.column))), "Drops the column and whatever was backfilled into it.")
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_existing_table() {
        let found = findings("add-column-not-null-no-default/fires.sql", None, META.id);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, crate::Severity::Error);
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn quiet_with_a_default_or_on_new_tables() {
        assert!(findings("add-column-not-null-no-default/quiet.sql", None, META.id).is_empty());
    }
}
