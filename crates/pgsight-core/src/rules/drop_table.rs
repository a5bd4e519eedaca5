use super::Context;
use crate::migration::fix::{lock_context, lock_evidence, lock_on};
use crate::migration::ops::{DropTable, Op};
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::names::{quote_ident, QualifiedName};

declare_rule! {
    /// ## What it does
    /// Finds `DROP TABLE` of a table this migration did not create.
    ///
    /// ## Why it matters
    /// Every row is gone, and only a backup brings them back. Code that still uses
    /// the table fails from the commit on. The drop also takes ACCESS EXCLUSIVE on
    /// every table its foreign keys reference (to remove their triggers), so a drop
    /// of a quiet table can stall a busy one.
    ///
    /// ## Example
    /// ```sql
    /// DROP TABLE legacy_sessions;
    /// ```
    ///
    /// ## Fix
    /// Rename it first, and drop it a release later when nothing has failed: the
    /// rename is undone in an instant, the drop is not.
    /// ```sql
    /// ALTER TABLE legacy_sessions RENAME TO legacy_sessions_to_drop;
    /// -- a release later:
    /// DROP TABLE legacy_sessions_to_drop;
    /// ```
    id: "drop-table",
    category: Migration,
    severity: Warning,
    summary: "DROP TABLE destroys data; confirm it explicitly",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            for op in &step.ops {
                if let Op::DropTable(d) = op {
                    if !d.table.new {
                        out.push(finding(&migration, step, d));
                    }
                }
            }
        }
    }
}

fn finding(migration: &Migration, step: &Step, d: &DropTable) -> Finding {
    let qualified = d.table.qualified();
    let lock = lock_on(step, &qualified);
    let mut message = format!("Dropping {qualified} destroys every row it holds: no statement brings them back, only a backup. Code that still uses {qualified} fails from the commit on.");
    if !d.references.is_empty() {
        let names: Vec<String> = d.references.iter().map(|r| r.qualified()).collect();
        message.push_str(&format!(
            " It also takes ACCESS EXCLUSIVE on {}, which its foreign keys reference, to remove their triggers: reads and writes there wait too.",
            names.join(", ")
        ));
    }
    let mut f = Finding::new(&META, format!("DROP TABLE {qualified} destroys its data"), message).location(migration.location(step));
    f = lock_evidence(f, step, lock);
    if !d.referenced_by.is_empty() && d.cascade {
        f.message.push_str(" CASCADE drops the foreign keys that point at it, which takes ACCESS EXCLUSIVE on their tables as well.");
    }
    if !d.referenced_by.is_empty() {
        f = f.evidence(
            "Foreign keys pointing at it",
            format!("{}{}", d.referenced_by.join(", "), if d.cascade { " (dropped by CASCADE)" } else { " (the DROP fails without CASCADE)" }),
        );
    }
    if !d.partitions.is_empty() {
        f = f.evidence("Partitions dropped with it", d.partitions.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "));
    }
    for other in step.locks.iter().filter(|l| l.target != qualified) {
        f = f.evidence("Lock", other.describe());
    }
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let parked = format!("{}_to_drop", d.table.name.name);
    let parked_sql = match (&d.table.name.schema, d.table.sql.contains('.')) {
        (Some(schema), true) => format!("{}.{}", quote_ident(schema), quote_ident(&parked)),
        _ => quote_ident(&parked),
    };
    let sql = format!(
        "ALTER TABLE {} RENAME TO {};\n-- a release later, once nothing has failed, and after a backup (pg_dump --table={}):\nDROP TABLE {parked_sql};",
        d.table.sql,
        quote_ident(&parked),
        QualifiedName::new(d.table.name.schema.as_deref(), &parked)
    );
    f.impact(Impact {
        text: "Code that still uses the table fails loudly while the data is still there, and the rename is undone in an instant.".to_owned(),
        ..Impact::default()
    })
    .fix(Some(sql), "Confirm the drop explicitly: park the table under another name first, and drop it a release later, after a backup, when nothing has failed.")
    .risk(format!(
        "It takes ACCESS EXCLUSIVE on {qualified} (blocks reads and writes); the drop is quick, but the data is gone.{context}"
    ))
    .rollback(
        Some(format!("ALTER TABLE {parked_sql} RENAME TO {};", quote_ident(&d.table.name.name))),
        format!("Undoes the rename while the table is parked. After the DROP it is irreversible without a backup (pg_dump --table={qualified})."),
    )
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_with_the_foreign_keys_it_touches() {
        let found = findings("drop-table/fires.sql", Some("drop-table/schema.sql"), META.id);
        assert_eq!(found.len(), 1, "{found:#?}");
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn quiet_on_tables_created_by_the_migration() {
        assert!(findings("drop-table/quiet.sql", None, META.id).is_empty());
    }
}
