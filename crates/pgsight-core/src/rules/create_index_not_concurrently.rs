use sqlparser::ast::{Ident, ObjectName, Statement};

use super::Context;
use crate::migration::fix::{insert_after, lock_context, lock_evidence, lock_on, move_out_of_transaction, terminated};
use crate::migration::ops::{CreateIndex, Op};
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::names::quote_ident;

declare_rule! {
    /// ## What it does
    /// Finds `CREATE INDEX` without `CONCURRENTLY` on a table that already exists
    /// (one this migration did not create).
    ///
    /// ## Why it matters
    /// A plain `CREATE INDEX` holds a SHARE lock on the table for the whole build:
    /// reads go on, but every INSERT, UPDATE and DELETE waits until the index is
    /// built, which on a large table takes minutes. `CREATE INDEX CONCURRENTLY`
    /// builds it under SHARE UPDATE EXCLUSIVE, which lets writes through.
    ///
    /// ## Example
    /// ```sql
    /// CREATE INDEX orders_user_id_idx ON orders (user_id);
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);
    /// ```
    /// It cannot run inside a transaction block, so it moves after the COMMIT. A
    /// partitioned table takes the index `ON ONLY` the parent, then one
    /// `CREATE INDEX CONCURRENTLY` per partition attached to it.
    id: "create-index-not-concurrently",
    category: Migration,
    severity: Warning,
    summary: "CREATE INDEX without CONCURRENTLY blocks writes to an existing table",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for migration in migrations(ctx) {
        for (at, step) in migration.steps() {
            for op in &step.ops {
                match op {
                    Op::CreateIndex(c) if !c.concurrently && !c.table.new && !c.only => out.push(finding(&migration, at, step, c)),
                    _ => {}
                }
            }
        }
    }
}

fn finding(migration: &Migration, at: usize, step: &Step, c: &CreateIndex) -> Finding {
    let table = c.table.qualified();
    let lock = lock_on(step, &table);
    let mut f = Finding::new(
        &META,
        format!("CREATE INDEX {} blocks writes to {table} while it builds", c.name),
        format!(
            "CREATE INDEX without CONCURRENTLY holds a SHARE lock on {table} for the whole build: reads go on, but every INSERT, UPDATE and DELETE on {table} waits until the index is built, and a large table takes minutes to index."
        ),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock);
    if let Some(t) = migration.transaction_of(step) {
        f = f.evidence("Transaction", migration.describe_transaction(t));
    }
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let (sql, text) = if c.partitioned {
        partitioned_fix(step, c)
    } else {
        let concurrent = insert_after(&step.statement.sql, &["INDEX"], " CONCURRENTLY").unwrap_or_else(|| step.statement.sql.clone());
        if step.transaction.is_some() {
            (
                Some(move_out_of_transaction(migration, at, &concurrent)),
                "Build it with CONCURRENTLY. CONCURRENTLY cannot run inside a transaction block, so the transaction is committed before it and reopened after it; every statement keeps its order.".to_owned(),
            )
        } else {
            (Some(terminated(&concurrent)), "Build it with CONCURRENTLY, on its own, outside any transaction block.".to_owned())
        }
    };
    f.impact(Impact {
        text: format!("Writes to {table} go on while the index builds. The build takes longer: two passes over the table, and a wait for the transactions that started before it."),
        ..Impact::default()
    })
    .fix(sql, text)
    .risk(format!(
        "As written it takes SHARE on {table}, which blocks writes, and reads every row of {table} to build the index.{context} \
         CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE instead (reads and writes go on) but waits for every transaction older than it, so a long-running transaction stalls it. \
         If it fails (a deadlock, a duplicate in a UNIQUE index, a cancel) it leaves an INVALID index that still slows writes: drop it with DROP INDEX CONCURRENTLY IF EXISTS and run it again."
    ))
    .rollback(Some(format!("DROP INDEX CONCURRENTLY IF EXISTS {};", index_name(c))), "Drops the index without blocking reads or writes.")
}

fn index_name(c: &CreateIndex) -> String {
    match &c.table.name.schema {
        Some(schema) if c.table.sql.contains('.') => format!("{}.{}", quote_ident(schema), quote_ident(&c.name)),
        _ => quote_ident(&c.name),
    }
}

/// CONCURRENTLY is not supported on a partitioned table: the index goes `ON ONLY`
/// the parent (instant, invalid until every partition has its index), then one
/// concurrent build per partition, attached to it.
fn partitioned_fix(step: &Step, c: &CreateIndex) -> (Option<String>, String) {
    let parent = insert_after(&step.statement.sql, &["ON"], " ONLY").map(|s| terminated(&s));
    let Some(Statement::CreateIndex(create)) = step.statement.statement() else { return (None, String::new()) };
    let text = format!(
        "{} is partitioned, and CREATE INDEX CONCURRENTLY does not work on a partitioned table. Create the index ON ONLY the parent (instant: it stays invalid until every partition has its index), \
         build each partition's index CONCURRENTLY, and attach it; the parent's index becomes valid when the last one is attached.",
        c.table.qualified()
    );
    if c.partitions.is_empty() {
        let text = format!("{text} The catalog lists no partition: list them with SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = '{}'::regclass;", c.table.qualified());
        return (parent, text);
    }
    let mut lines = vec![parent.unwrap_or_default()];
    for partition in &c.partitions {
        let mut child = create.clone();
        let name = format!("{}_{}", partition.name, c.name.strip_prefix(&format!("{}_", c.table.name.name)).unwrap_or(&c.name));
        child.name = Some(ObjectName::from(vec![Ident::new(name.clone())]));
        child.table_name = ObjectName::from(partition.to_string().split('.').map(Ident::new).collect::<Vec<_>>());
        child.concurrently = true;
        lines.push(format!("{child};"));
        let parent_index = index_name(c);
        lines.push(format!("ALTER INDEX {parent_index} ATTACH PARTITION {};", quote_ident(&name)));
    }
    (Some(lines.join("\n")), text)
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::{findings, findings_sql};
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_existing_table() {
        let found = findings("create-index-not-concurrently/fires.sql", None, META.id);
        assert_eq!(found.len(), 1, "{found:#?}");
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn partitioned_table_gets_one_build_per_partition() {
        let found = findings("create-index-not-concurrently/partitioned.sql", Some("create-index-not-concurrently/partitioned-schema.sql"), META.id);
        assert_eq!(found.len(), 1, "{found:#?}");
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn quiet_on_concurrent_builds_and_new_tables() {
        assert!(findings("create-index-not-concurrently/quiet.sql", None, META.id).is_empty());
    }

    #[test]
    fn new_table_in_a_transaction_is_not_reported_with_concurrently() {
        // The acceptance case: CONCURRENTLY in the transaction is an error, and no
        // CREATE INDEX here is "not concurrent".
        let sql = "BEGIN; CREATE TABLE t (id bigint PRIMARY KEY, user_id bigint REFERENCES users(id)); CREATE INDEX CONCURRENTLY t_user_idx ON t (user_id); COMMIT;";
        assert!(findings_sql(sql, None, META.id).is_empty());
        let errors = findings_sql(sql, None, "concurrently-in-transaction");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].severity, crate::Severity::Error);
    }
}
