use super::Context;
use crate::migration::fix::{lock_context, lock_evidence, lock_on};
use crate::migration::ops::{AddConstraint, ConstraintKind, Op};
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::names::quote_ident;

declare_rule! {
    /// ## What it does
    /// Finds `ADD CHECK` / `ADD CONSTRAINT ... CHECK` without `NOT VALID` on a table
    /// this migration did not create.
    ///
    /// ## Why it matters
    /// Adding a CHECK constraint checks every existing row under ACCESS EXCLUSIVE:
    /// reads and writes on the table wait for the whole scan. With `NOT VALID` the
    /// constraint is added at once and applies to new rows; `VALIDATE CONSTRAINT`
    /// checks the old rows later under SHARE UPDATE EXCLUSIVE, which lets reads and
    /// writes through.
    ///
    /// ## Example
    /// ```sql
    /// ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
    /// ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
    /// ```
    id: "add-check-not-valid",
    category: Migration,
    severity: Warning,
    summary: "A CHECK constraint added without NOT VALID scans the table under ACCESS EXCLUSIVE",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            for op in &step.ops {
                if let Op::AddConstraint(c) = op {
                    if c.kind == ConstraintKind::Check && !c.not_valid && !c.table.new {
                        out.push(finding(&migration, step, c));
                    }
                }
            }
        }
    }
}

fn finding(migration: &Migration, step: &Step, c: &AddConstraint) -> Finding {
    let table = c.table.qualified();
    let lock = lock_on(step, &table);
    let name = quote_ident(&c.name);
    let mut f = Finding::new(
        &META,
        format!("CHECK constraint {} scans {table} while reads and writes wait", c.name),
        format!(
            "Adding {} checks every existing row of {table} under ACCESS EXCLUSIVE: every query on {table}, reads included, waits for the whole scan.",
            c.body
        ),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock);
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let mut text = "Add it NOT VALID (recorded at once, enforced for new and updated rows), then check the existing rows with VALIDATE CONSTRAINT, which lets reads and writes through.".to_owned();
    if step.transaction.is_some() {
        text.push_str(" Run the VALIDATE after the COMMIT, in its own transaction: in the same transaction the ACCESS EXCLUSIVE of the ADD is still held.");
    }
    let sql = format!("ALTER TABLE {t} ADD CONSTRAINT {name} {} NOT VALID;\nALTER TABLE {t} VALIDATE CONSTRAINT {name};", c.body, t = c.table.sql);
    f.impact(Impact { text: format!("Queries on {table} wait only for the instant the constraint is recorded, not for the scan."), ..Impact::default() })
        .fix(Some(sql), text)
        .risk(format!(
            "As written it takes ACCESS EXCLUSIVE on {table}, which blocks reads and writes, and reads every row of {table}.{context} \
             VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE: reads and writes go on. It fails if an existing row breaks the check; the constraint then stays NOT VALID (still enforced for new rows) until those rows are fixed."
        ))
        .rollback(Some(format!("ALTER TABLE {} DROP CONSTRAINT IF EXISTS {name};", c.table.sql)), "Removes the constraint.")
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_validated_check() {
        let found = findings("add-check-not-valid/fires.sql", None, META.id);
        assert_eq!(found.len(), 1, "{found:#?}");
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn quiet_on_not_valid_and_new_tables() {
        assert!(findings("add-check-not-valid/quiet.sql", None, META.id).is_empty());
    }
}
