use super::Context;
use crate::migration::fix::{lock_context, lock_evidence};
use crate::migration::ops::{Op, TableRef};
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact, Severity};

declare_rule! {
    /// ## What it does
    /// Finds `VACUUM FULL` and `CLUSTER` in a migration, on a table it did not
    /// create (or on every table, when none is named).
    ///
    /// ## Why it matters
    /// Both write a new copy of the table and rebuild its indexes under ACCESS
    /// EXCLUSIVE: nothing reads or writes the table until the copy is done, and the
    /// copy needs free disk the size of the table and its indexes. `VACUUM` also
    /// cannot run inside a transaction block.
    ///
    /// ## Example
    /// ```sql
    /// VACUUM FULL orders;
    /// ```
    ///
    /// ## Fix
    /// Plain `VACUUM` makes dead space reusable without blocking traffic. To give
    /// space back to the operating system online, use `pg_repack` (or `pg_squeeze`),
    /// which copies the table while writes go on and takes ACCESS EXCLUSIVE only for
    /// the final swap.
    id: "vacuum-full",
    category: Migration,
    severity: Warning,
    summary: "VACUUM FULL or CLUSTER rewrites the table under ACCESS EXCLUSIVE",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            for op in &step.ops {
                let (what, table) = match op {
                    Op::Vacuum { table, full: true, .. } => ("VACUUM FULL", table),
                    Op::Cluster { table } => ("CLUSTER", table),
                    _ => continue,
                };
                if table.as_ref().is_some_and(|t| t.new) {
                    continue;
                }
                out.push(finding(&migration, step, what, table.as_ref()));
            }
        }
    }
}

fn finding(migration: &Migration, step: &Step, what: &str, table: Option<&TableRef>) -> Finding {
    let name = table.map_or_else(|| "every table of the database".to_owned(), TableRef::qualified);
    let lock = step.locks.first();
    let mut message = format!(
        "{what} writes a new copy of {name} and rebuilds its indexes under ACCESS EXCLUSIVE: no query reads or writes {name} until the copy is done, and the copy needs free disk the size of the table and its indexes."
    );
    let in_transaction = step.transaction.is_some() && what == "VACUUM FULL";
    if in_transaction {
        message.push_str(" Inside a transaction block it does not even run: `ERROR: VACUUM cannot run inside a transaction block`.");
    }
    let mut f = Finding::new(&META, format!("{what} on {name} blocks reads and writes while it rewrites"), message).location(migration.location(step));
    if in_transaction {
        f = f.severity(Severity::Error);
    }
    f = lock_evidence(f, step, lock);
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let target = table.map_or_else(String::new, |t| format!(" {}", t.sql));
    let repack = table.map_or_else(|| "pg_repack --all".to_owned(), |t| format!("pg_repack --table={}", t.qualified()));
    f.impact(Impact { text: format!("Traffic on {name} keeps flowing; dead space becomes reusable (VACUUM) or is returned online (pg_repack)."), ..Impact::default() })
        .fix(
            Some(format!("VACUUM (ANALYZE){target};")),
            format!(
                "Plain VACUUM makes the dead space reusable under SHARE UPDATE EXCLUSIVE, which lets reads and writes through; it runs outside a transaction block. \
                 If the space must go back to the operating system, use the pg_repack extension from a shell ({repack}): it copies the table while writes go on and takes ACCESS EXCLUSIVE only for the final swap."
            ),
        )
        .risk(format!(
            "As written it takes ACCESS EXCLUSIVE on {name}, which blocks reads and writes, and rewrites it with its indexes.{context} \
             pg_repack needs the same free disk and a primary key or unique index on the table."
        ))
        .rollback(None, "Nothing to undo: VACUUM changes no data.")
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_vacuum_full_and_cluster() {
        let found = findings("vacuum-full/fires.sql", None, META.id);
        assert_eq!(found.len(), 2, "{found:#?}");
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn quiet_on_plain_vacuum() {
        assert!(findings("vacuum-full/quiet.sql", None, META.id).is_empty());
    }
}
