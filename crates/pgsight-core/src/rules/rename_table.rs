use super::Context;
use crate::migration::fix::{lock_context, lock_evidence, lock_on};
use crate::migration::ops::{Op, TableRef};
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::names::quote_ident;

declare_rule! {
    /// ## What it does
    /// Finds `ALTER TABLE ... RENAME TO` on a table this migration did not create.
    ///
    /// ## Why it matters
    /// From the commit on, every query that names the old table fails with
    /// `ERROR: relation "..." does not exist`: the previous release still running
    /// during the deploy, background jobs, reports.
    ///
    /// ## Example
    /// ```sql
    /// ALTER TABLE customers RENAME TO accounts;
    /// ```
    ///
    /// ## Fix
    /// Rename, and leave a view under the old name in the same transaction. A view
    /// over one table is updatable, so old code keeps reading and writing through it.
    /// Drop the view once nothing uses the old name.
    /// ```sql
    /// BEGIN;
    /// ALTER TABLE customers RENAME TO accounts;
    /// CREATE VIEW customers AS SELECT * FROM accounts;
    /// COMMIT;
    /// ```
    id: "rename-table",
    category: Migration,
    severity: Warning,
    summary: "RENAME TO breaks every running query that uses the old table name",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            for op in &step.ops {
                if let Op::RenameTable { table, new } = op {
                    if !table.new {
                        out.push(finding(&migration, step, table, new));
                    }
                }
            }
        }
    }
}

/// `new` in the schema `table` was written with.
fn sibling(table: &TableRef, name: &str) -> String {
    match (&table.name.schema, table.sql.contains('.')) {
        (Some(schema), true) => format!("{}.{}", quote_ident(schema), quote_ident(name)),
        _ => quote_ident(name),
    }
}

fn finding(migration: &Migration, step: &Step, table: &TableRef, new: &str) -> Finding {
    let qualified = table.qualified();
    let lock = lock_on(step, &qualified);
    let renamed = sibling(table, new);
    let mut f = Finding::new(
        &META,
        format!("RENAME {qualified} TO {new} breaks queries that still use {}", table.name.name),
        format!(
            "The rename is instant, but from its commit on every query that names {} fails with `ERROR: relation \"{}\" does not exist`: the previous release still running during the deploy, background jobs, reports.",
            table.name.name, table.name.name
        ),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock);
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let sql = format!(
        "BEGIN;\nALTER TABLE {} RENAME TO {};\nCREATE VIEW {} AS SELECT * FROM {renamed};\nCOMMIT;\n-- once nothing uses the old name:\nDROP VIEW {};",
        table.sql,
        quote_ident(new),
        table.sql,
        table.sql
    );
    f.impact(Impact { text: format!("Code that still says {} keeps working through the view during the switch.", table.name.name), ..Impact::default() })
        .fix(
            Some(sql),
            format!(
                "Leave a view under the old name, created in the same transaction as the rename. A view over one table is automatically updatable, so old code keeps reading and writing {}. Drop the view once no query uses the old name (pg_stat_statements shows them).",
                table.name.name
            ),
        )
        .risk(format!(
            "As written it takes ACCESS EXCLUSIVE on {qualified} (blocks reads and writes) for an instant; only the catalog changes.{context} \
             SELECT * in the view is expanded when it is created: columns added to {new} later do not show through it."
        ))
        .rollback(
            Some(format!("BEGIN;\nDROP VIEW IF EXISTS {};\nALTER TABLE {renamed} RENAME TO {};\nCOMMIT;", table.sql, quote_ident(&table.name.name))),
            "Drops the view and gives the table its old name back.",
        )
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_existing_table() {
        let found = findings("rename-table/fires.sql", None, META.id);
        assert_eq!(found.len(), 1, "{found:#?}");
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn quiet_on_tables_created_by_the_migration() {
        assert!(findings("rename-table/quiet.sql", None, META.id).is_empty());
    }
}
