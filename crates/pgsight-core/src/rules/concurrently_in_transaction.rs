use super::Context;
use crate::migration::fix::{lock_evidence, lock_on, move_out_of_transaction, remove_keyword, terminated};
use crate::migration::ops::Op;
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::names::quote_ident;

declare_rule! {
    /// ## What it does
    /// Finds `CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY`,
    /// `REINDEX ... CONCURRENTLY` and `DETACH PARTITION ... CONCURRENTLY` inside a
    /// `BEGIN ... COMMIT` block.
    ///
    /// ## Why it matters
    /// PostgreSQL refuses them there: `ERROR: CREATE INDEX CONCURRENTLY cannot run
    /// inside a transaction block`. The migration stops at that statement and
    /// everything before it in the transaction is rolled back.
    ///
    /// ## Example
    /// ```sql
    /// BEGIN;
    /// ALTER TABLE orders ADD COLUMN coupon_id bigint;
    /// CREATE INDEX CONCURRENTLY orders_coupon_id_idx ON orders (coupon_id);
    /// COMMIT;
    /// ```
    ///
    /// ## Fix
    /// Commit before it and run it on its own; the rest of the transaction is
    /// reopened after it. On a table the same migration created, drop
    /// `CONCURRENTLY` instead: nobody uses the table yet, so a plain build inside the
    /// transaction blocks nobody.
    id: "concurrently-in-transaction",
    category: Migration,
    severity: Error,
    summary: "A CONCURRENTLY operation inside a transaction block fails at run time",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for migration in migrations(ctx) {
        for (at, step) in migration.steps() {
            if step.transaction.is_none() {
                continue;
            }
            for op in &step.ops {
                let (what, on_new) = match op {
                    Op::CreateIndex(c) if c.concurrently => ("CREATE INDEX CONCURRENTLY", c.table.new),
                    Op::DropIndex(d) if d.concurrently => ("DROP INDEX CONCURRENTLY", false),
                    Op::Reindex { concurrently: true, .. } => ("REINDEX CONCURRENTLY", false),
                    Op::DetachPartition { concurrently: true, .. } => ("ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY", false),
                    _ => continue,
                };
                out.push(finding(&migration, at, step, op, what, on_new));
            }
        }
    }
}

fn finding(migration: &Migration, at: usize, step: &Step, op: &Op, what: &str, on_new: bool) -> Finding {
    let transaction = migration.transaction_of(step).map(|t| migration.describe_transaction(t)).unwrap_or_default();
    let target = op.table().map(|t| t.qualified());
    let lock = target.as_deref().and_then(|t| lock_on(step, t)).or_else(|| step.locks.first());
    let mut f = Finding::new(
        &META,
        format!("{what} cannot run inside a transaction block"),
        format!(
            "PostgreSQL refuses it: `ERROR: {what} cannot run inside a transaction block`. The statement is inside {transaction}: the migration fails at line {} and everything before it in the transaction is rolled back.",
            step.statement.span.line
        ),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock).evidence("Transaction", transaction);
    let (sql, text, risk) = match op {
        Op::CreateIndex(c) if on_new => {
            let plain = remove_keyword(&step.statement.sql, "CONCURRENTLY").unwrap_or_else(|| step.statement.sql.clone());
            (
                Some(terminated(&plain)),
                format!(
                    "{} was created by this migration, so nobody reads or writes it yet: build the index without CONCURRENTLY, inside the transaction. The SHARE lock it takes blocks nobody, and the index builds instantly on an empty table.",
                    c.table.qualified()
                ),
                format!("None for a new table: the SHARE lock of a plain CREATE INDEX on {} blocks nobody.", c.table.qualified()),
            )
        }
        _ => (
            Some(move_out_of_transaction(migration, at, &step.statement.sql)),
            "Commit the transaction before it and run it on its own; the statements after it run in a transaction reopened after it, in the same order.".to_owned(),
            format!(
                "Run outside the transaction, it no longer rolls back with the rest: if a later statement fails, it stays done. {}",
                match op {
                    Op::CreateIndex(c) => format!(
                        "If the build itself fails it leaves an INVALID index {}: drop it with DROP INDEX CONCURRENTLY IF EXISTS before running it again. It takes SHARE UPDATE EXCLUSIVE: reads and writes go on.",
                        quote_ident(&c.name)
                    ),
                    _ => "It takes SHARE UPDATE EXCLUSIVE: reads and writes go on, but it waits for every transaction that uses the table.".to_owned(),
                }
            ),
        ),
    };
    f.impact(Impact { text: format!("The migration runs instead of failing at line {}.", step.statement.span.line), ..Impact::default() })
        .fix(sql, text)
        .risk(risk)
        .rollback(
            rollback_sql(op),
            match op {
                Op::CreateIndex(_) => "Drops the index without blocking reads or writes.",
                Op::DropIndex(d) if d.definition.is_some() => "Rebuilds the index as the schema defines it.",
                Op::DetachPartition { bound: Some(_), .. } => "Attaches the partition again.",
                _ => "Nothing to undo for the fix: it only moves the statement.",
            },
        )
}

fn rollback_sql(op: &Op) -> Option<String> {
    match op {
        Op::CreateIndex(c) => Some(format!("DROP INDEX CONCURRENTLY IF EXISTS {};", quote_ident(&c.name))),
        Op::DropIndex(d) => d.definition.clone(),
        Op::DetachPartition { parent, partition, bound: Some(bound), .. } => Some(format!("ALTER TABLE {} ATTACH PARTITION {} {bound};", parent.sql, partition.sql)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_inside_a_transaction() {
        let found = findings("concurrently-in-transaction/fires.sql", None, META.id);
        assert_eq!(found.len(), 1, "{found:#?}");
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn new_table_drops_concurrently() {
        let found = findings("concurrently-in-transaction/new-table.sql", None, META.id);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].fix.sql.as_deref(), Some("CREATE INDEX t_user_idx ON t (user_id);"));
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn quiet_outside_transactions() {
        assert!(findings("concurrently-in-transaction/quiet.sql", None, META.id).is_empty());
    }
}
