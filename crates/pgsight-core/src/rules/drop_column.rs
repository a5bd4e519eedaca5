use super::Context;
use crate::migration::fix::{lock_context, lock_evidence, lock_on, terminated};
use crate::migration::ops::Op;
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::catalog::Column;
use crate::sql::names::quote_ident;

declare_rule! {
    /// ## What it does
    /// Finds `DROP COLUMN` on a table this migration did not create (a column the
    /// same migration added is not reported).
    ///
    /// ## Why it matters
    /// The column's data is gone: no statement brings it back, only a backup. And
    /// code that still reads or writes the column fails from the commit on; ORMs
    /// that list every column in their INSERTs fail even if they never use it.
    ///
    /// ## Example
    /// ```sql
    /// ALTER TABLE users DROP COLUMN legacy_token;
    /// ```
    ///
    /// ## Fix
    /// Deploy the code that stops using the column first (Rails: `ignored_columns`),
    /// keep a copy of the values keyed by the primary key, then drop it.
    id: "drop-column",
    category: Migration,
    severity: Warning,
    summary: "DROP COLUMN destroys data and breaks code that still uses the column",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            for op in &step.ops {
                if let Op::DropColumn { table, column, old, column_new: false, primary_key, indexes, .. } = op {
                    if !table.new {
                        out.push(finding(&migration, step, table, column, old.as_ref(), primary_key, indexes));
                    }
                }
            }
        }
    }
}

fn finding(
    migration: &Migration,
    step: &Step,
    table: &crate::migration::ops::TableRef,
    column: &str,
    old: Option<&Column>,
    primary_key: &[String],
    indexes: &[String],
) -> Finding {
    let qualified = table.qualified();
    let lock = lock_on(step, &qualified);
    let mut f = Finding::new(
        &META,
        format!("DROP COLUMN {qualified}.{column} destroys its data"),
        format!(
            "Dropping {column} destroys its values: no statement brings them back, only a backup. Code that still reads or writes {column} fails from the commit on, and ORMs that list every column in their queries fail even if they never use it."
        ),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock);
    if let Some(old) = old {
        f = f.evidence("Column", format!("{column} {}{}", old.data_type, if old.nullable { "" } else { " NOT NULL" }));
    }
    if !indexes.is_empty() {
        f = f.evidence("Dropped with it", indexes.join(", "));
    }
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let backup_table = quote_ident(&format!("{}_{column}_backup", table.name.name));
    let c = quote_ident(column);
    let keys: Vec<String> = primary_key.iter().map(|k| quote_ident(k)).collect();
    let (sql, rollback) = if keys.is_empty() {
        (None, (None, "Irreversible without a backup: restore the column's values from a copy taken before the migration."))
    } else {
        let join = keys.iter().map(|k| format!("t.{k} = b.{k}")).collect::<Vec<_>>().join(" AND ");
        let restore = old.map(|o| {
            format!(
                "ALTER TABLE {t} ADD COLUMN {c} {};\nUPDATE {t} AS t SET {c} = b.{c} FROM {backup_table} AS b WHERE {join};",
                o.data_type,
                t = table.sql
            )
        });
        (
            Some(format!("CREATE TABLE {backup_table} AS SELECT {}, {c} FROM {};\n{}", keys.join(", "), table.sql, terminated(&step.statement.sql))),
            (restore, "Brings the column back from the copy (batch the UPDATE on a large table); without the copy it is irreversible."),
        )
    };
    f.impact(Impact { text: "Nothing is lost by accident: the values are kept until you are sure no one needs them.".to_owned(), ..Impact::default() })
        .fix(
            sql,
            format!(
                "Confirm no code reads or writes {column}: deploy the release that stops using it first (Rails: ignored_columns; other ORMs: remove it from the model). Keep a copy of the values keyed by the primary key, then drop it."
            ),
        )
        .risk(format!(
            "It takes ACCESS EXCLUSIVE on {qualified} (blocks reads and writes) for an instant; the column is only hidden, no row is rewritten, and its space comes back as rows are updated or the table is rewritten.{context} \
             Indexes and constraints on the column go with it; with CASCADE, so do views that use it."
        ))
        .rollback(rollback.0, rollback.1)
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_with_a_backup_keyed_by_the_primary_key() {
        let found = findings("drop-column/fires.sql", Some("drop-column/schema.sql"), META.id);
        assert_eq!(found.len(), 1, "{found:#?}");
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn quiet_on_columns_added_by_the_migration() {
        assert!(findings("drop-column/quiet.sql", None, META.id).is_empty());
    }
}
