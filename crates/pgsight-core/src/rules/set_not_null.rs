use super::Context;
use crate::migration::fix::{lock_context, lock_evidence, lock_on, not_null_constraint_name, not_null_sequence};
use crate::migration::ops::{Op, SetNotNull};
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::names::quote_ident;

declare_rule! {
    /// ## What it does
    /// Finds `ALTER COLUMN ... SET NOT NULL` on a table this migration did not
    /// create, unless a validated `CHECK (col IS NOT NULL)` already proves it (from
    /// the schema, or added and validated earlier in the migration).
    ///
    /// ## Why it matters
    /// SET NOT NULL scans the whole table to prove no row holds NULL, under ACCESS
    /// EXCLUSIVE: every query on the table, reads included, waits for the scan.
    /// Since PostgreSQL 12 it skips the scan when a valid CHECK constraint already
    /// proves the column is not null, and such a check can be validated without
    /// blocking traffic.
    ///
    /// ## Example
    /// ```sql
    /// ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// ALTER TABLE orders ADD CONSTRAINT orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;
    /// ALTER TABLE orders VALIDATE CONSTRAINT orders_status_not_null;
    /// ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
    /// ALTER TABLE orders DROP CONSTRAINT orders_status_not_null;
    /// ```
    id: "set-not-null",
    category: Migration,
    severity: Warning,
    summary: "SET NOT NULL scans the table under ACCESS EXCLUSIVE",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            for op in &step.ops {
                if let Op::SetNotNull(s) = op {
                    if !s.table.new && s.proof.is_none() && !s.already {
                        out.push(finding(&migration, step, s));
                    }
                }
            }
        }
    }
}

fn finding(migration: &Migration, step: &Step, s: &SetNotNull) -> Finding {
    let table = s.table.qualified();
    let lock = lock_on(step, &table);
    let mut f = Finding::new(
        &META,
        format!("SET NOT NULL on {table}.{} scans the table under ACCESS EXCLUSIVE", s.column),
        format!(
            "To set {} NOT NULL PostgreSQL reads every row of {table} to prove none holds NULL, under ACCESS EXCLUSIVE: every query on {table}, reads included, waits for the scan. No valid CHECK ({} IS NOT NULL) exists that would let it skip the scan.",
            s.column, s.column
        ),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock);
    if !migration.schema_given {
        f = f.evidence("Schema", "not given: the constraints of the live table are unknown");
    }
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let column = quote_ident(&s.column);
    let (sql, text) = match &s.unvalidated {
        Some(check) => (
            format!(
                "ALTER TABLE {t} VALIDATE CONSTRAINT {c};\nALTER TABLE {t} ALTER COLUMN {column} SET NOT NULL;",
                t = s.table.sql,
                c = quote_ident(check)
            ),
            format!("The constraint {check} already states {} IS NOT NULL but is NOT VALID: validate it first (reads and writes go on), and SET NOT NULL uses it instead of scanning (PostgreSQL 12+).", s.column),
        ),
        None => (
            not_null_sequence(&s.table.sql, &s.column, &not_null_constraint_name(&s.table.name.name, &s.column)),
            "Prove it with a CHECK constraint first (PostgreSQL 12+): added NOT VALID it is recorded at once, VALIDATE checks the rows under SHARE UPDATE EXCLUSIVE while reads and writes go on, \
             SET NOT NULL then uses it and skips the scan, and the CHECK, now redundant, is dropped. Run the VALIDATE in its own transaction."
                .to_owned(),
        ),
    };
    f.impact(Impact { text: format!("The long scan of {table} runs without blocking queries; the ACCESS EXCLUSIVE of SET NOT NULL lasts an instant."), ..Impact::default() })
        .fix(Some(sql), text)
        .risk(format!(
            "As written it takes ACCESS EXCLUSIVE on {table}, which blocks reads and writes, and reads every row of {table}.{context} \
             The VALIDATE fails if a row still holds NULL: backfill those rows first. The CHECK's ADD, the SET NOT NULL and the DROP each take ACCESS EXCLUSIVE for an instant, so set lock_timeout before them."
        ))
        .rollback(Some(format!("ALTER TABLE {} ALTER COLUMN {column} DROP NOT NULL;", s.table.sql)), "Makes the column nullable again; only the catalog changes.")
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_without_a_proving_check() {
        let found = findings("set-not-null/fires.sql", None, META.id);
        assert_eq!(found.len(), 1, "{found:#?}");
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn quiet_when_a_validated_check_proves_it() {
        // The CHECK is in the schema for one column, and added then validated by the
        // migration for the other.
        assert!(findings("set-not-null/quiet.sql", Some("set-not-null/schema.sql"), META.id).is_empty());
    }
}
