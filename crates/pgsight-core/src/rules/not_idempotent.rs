use super::Context;
use crate::migration::fix::{after_keywords, insert_after, insert_after_all, lock_evidence, terminated};
use crate::migration::ops::Op;
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::names::quote_ident;

declare_rule! {
    /// ## What it does
    /// Finds statements outside a transaction block that fail when the migration is
    /// run a second time: `CREATE TABLE / INDEX / SEQUENCE / SCHEMA / EXTENSION`
    /// without `IF NOT EXISTS`, `CREATE VIEW` without `OR REPLACE`, `DROP ...`
    /// without `IF EXISTS`, `ADD COLUMN` without `IF NOT EXISTS`, `DROP COLUMN` and
    /// `DROP CONSTRAINT` without `IF EXISTS`. Statements inside BEGIN ... COMMIT are
    /// left alone: a failure rolls the whole transaction back.
    ///
    /// ## Why it matters
    /// Outside a transaction, a migration that fails halfway leaves the statements
    /// before the failure applied. Running it again after fixing the cause then stops
    /// at the first of them, with `ERROR: relation "..." already exists`.
    /// Migrations that use CONCURRENTLY cannot be wrapped in a transaction, so they
    /// are the ones this matters for.
    ///
    /// ## Example
    /// ```sql
    /// CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);
    /// ```
    id: "not-idempotent",
    category: Migration,
    severity: Info,
    summary: "A statement outside a transaction that fails when the migration is re-run",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            if step.transaction.is_some() {
                continue;
            }
            let sql = &step.statement.sql;
            let mut rewritten: Option<String> = None;
            let mut what: Option<(String, &'static str)> = None;
            let mut note = None;
            for op in &step.ops {
                let (fixed, label) = match op {
                    Op::CreateTable { if_not_exists: false, table, .. } => (insert_after(sql, &["TABLE"], " IF NOT EXISTS"), format!("CREATE TABLE {}", table.sql)),
                    Op::CreateIndex(c) if !c.if_not_exists => {
                        let keywords: &[&str] = if c.concurrently { &["INDEX", "CONCURRENTLY"] } else { &["INDEX"] };
                        let insertion = if c.named { " IF NOT EXISTS".to_owned() } else { format!(" IF NOT EXISTS {}", quote_ident(&c.name)) };
                        if c.concurrently {
                            note = Some(format!(
                                "IF NOT EXISTS also skips an INVALID index left by a failed CREATE INDEX CONCURRENTLY: before re-running, check pg_index.indisvalid for {} and drop it (DROP INDEX CONCURRENTLY) if it is invalid.",
                                c.name
                            ));
                        }
                        (insert_after(sql, keywords, &insertion), format!("CREATE INDEX {}", c.name))
                    }
                    Op::CreateObject { kind: "VIEW", if_not_exists: Some(false), name } => (insert_after(sql, &["CREATE"], " OR REPLACE"), format!("CREATE VIEW {name}")),
                    Op::CreateObject { kind, if_not_exists: Some(false), name } => {
                        let keywords: Vec<&str> = kind.split(' ').collect();
                        (insert_after(sql, &keywords, " IF NOT EXISTS"), format!("CREATE {kind} {name}"))
                    }
                    Op::DropTable(d) if !d.if_exists => (insert_after(sql, &["TABLE"], " IF EXISTS"), format!("DROP TABLE {}", d.table.sql)),
                    Op::DropIndex(d) if !d.if_exists => {
                        let keywords: &[&str] = if d.concurrently { &["INDEX", "CONCURRENTLY"] } else { &["INDEX"] };
                        (insert_after(sql, keywords, " IF EXISTS"), format!("DROP INDEX {}", d.sql))
                    }
                    Op::DropObject { kind, name, if_exists: false } => {
                        let keywords: Vec<&str> = kind.split(' ').collect();
                        (insert_after(sql, &keywords, " IF EXISTS"), format!("DROP {kind} {name}"))
                    }
                    Op::AddColumn(a) if !a.if_not_exists => (add_column_fix(sql), format!("ADD COLUMN {}", a.column)),
                    Op::DropColumn { if_exists: false, column, .. } => {
                        (insert_after_all(sql, &["DROP", "COLUMN"], " IF EXISTS"), format!("DROP COLUMN {column}"))
                    }
                    Op::DropConstraint { if_exists: false, name, .. } => {
                        (insert_after_all(sql, &["DROP", "CONSTRAINT"], " IF EXISTS"), format!("DROP CONSTRAINT {name}"))
                    }
                    _ => continue,
                };
                let kind = if label.starts_with("DROP") { "does not exist" } else { "already exists" };
                what.get_or_insert((label, kind));
                // Several operations of one statement: apply the first edit; the
                // *_all edits already cover repeated clauses.
                if rewritten.is_none() {
                    rewritten = fixed;
                }
            }
            if let Some((label, kind)) = what {
                out.push(finding(&migration, step, &label, kind, rewritten, note));
            }
        }
    }
}

/// `ADD COLUMN IF NOT EXISTS` for every `ADD [COLUMN]` that adds a column.
fn add_column_fix(sql: &str) -> Option<String> {
    if after_keywords(sql, &["ADD", "COLUMN"]).is_some() {
        return insert_after_all(sql, &["ADD", "COLUMN"], " IF NOT EXISTS");
    }
    insert_after(sql, &["ADD"], " COLUMN IF NOT EXISTS")
}

fn finding(migration: &Migration, step: &Step, label: &str, kind: &str, rewritten: Option<String>, note: Option<String>) -> Finding {
    let lock = step.locks.iter().max_by_key(|l| (l.mode, l.work));
    let mut f = Finding::new(
        &META,
        format!("{label} fails when the migration is run again"),
        format!(
            "This statement runs outside a transaction block: if the migration fails after it, it stays applied, and running the migration again stops here because the object {kind}."
        ),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock);
    let mut text = "Use the form that does nothing when the work is already done.".to_owned();
    if let Some(note) = note {
        text.push(' ');
        text.push_str(&note);
    }
    f.impact(Impact { text: "The migration can be run again after a partial failure.".to_owned(), ..Impact::default() })
        .fix(rewritten.map(|s| terminated(&s)), text)
        .risk("None beyond the statement's own: IF [NOT] EXISTS checks only the name, so an existing object with a different definition is kept as it is.")
        .rollback(None, "Nothing to undo: the statement does the same work when the object is not there yet.")
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_outside_transactions() {
        let found = findings("not-idempotent/fires.sql", None, META.id);
        let fixes: Vec<&str> = found.iter().map(|f| f.fix.sql.as_deref().unwrap_or("")).collect();
        assert_eq!(
            fixes,
            [
                "CREATE TABLE IF NOT EXISTS coupons (id bigint PRIMARY KEY, code text NOT NULL);",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_coupon_id_idx ON orders (coupon_id);",
                "ALTER TABLE orders ADD COLUMN IF NOT EXISTS coupon_id bigint, ADD COLUMN IF NOT EXISTS coupon_code text;",
                "DROP INDEX CONCURRENTLY IF EXISTS orders_legacy_idx;",
                "ALTER TABLE orders DROP COLUMN IF EXISTS legacy_flag;",
            ],
            "{found:#?}"
        );
        insta::assert_snapshot!(render(&found[1]));
    }

    #[test]
    fn quiet_in_transactions_and_with_guards() {
        assert!(findings("not-idempotent/quiet.sql", None, META.id).is_empty());
    }
}
