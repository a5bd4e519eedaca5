use super::Context;
use crate::migration::fix::{lock_context, lock_evidence, move_out_of_transaction};
use crate::migration::ops::{DropIndex, Op};
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds `DROP INDEX` without `CONCURRENTLY` on an index of a table this
    /// migration did not create.
    ///
    /// ## Why it matters
    /// A plain `DROP INDEX` takes ACCESS EXCLUSIVE on the index's table. The drop
    /// itself is quick, but it first waits for every query using the table, and
    /// while it waits every new query on the table, reads included, queues behind
    /// it. `DROP INDEX CONCURRENTLY` takes SHARE UPDATE EXCLUSIVE and lets traffic
    /// through.
    ///
    /// ## Example
    /// ```sql
    /// DROP INDEX orders_status_idx;
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
    /// ```
    /// One index per statement, outside any transaction block, and without CASCADE.
    id: "drop-index-not-concurrently",
    category: Migration,
    severity: Warning,
    summary: "DROP INDEX without CONCURRENTLY locks the table against reads and writes",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for migration in migrations(ctx) {
        for (at, step) in migration.steps() {
            for op in &step.ops {
                if let Op::DropIndex(d) = op {
                    if !d.concurrently && !d.table.as_ref().is_some_and(|t| t.new) {
                        out.push(finding(&migration, at, step, d));
                    }
                }
            }
        }
    }
}

fn finding(migration: &Migration, at: usize, step: &Step, d: &DropIndex) -> Finding {
    let table = d.table.as_ref().map_or_else(|| format!("the table of {}", d.sql), |t| t.qualified());
    let lock = step.locks.iter().find(|l| l.target == table || l.table.is_none());
    let mut f = Finding::new(
        &META,
        format!("DROP INDEX {} locks {table} against reads and writes", d.sql),
        format!(
            "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on {table}. The drop itself is quick, but it first waits for every query running on {table}, and while it waits every new query on {table}, reads included, queues behind it."
        ),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock);
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let concurrent = format!("DROP INDEX CONCURRENTLY IF EXISTS {};", d.sql);
    let mut text = "Drop it with CONCURRENTLY".to_owned();
    if d.several {
        text.push_str(", one statement per index (CONCURRENTLY drops one at a time)");
    }
    if d.cascade {
        text.push_str(". CONCURRENTLY does not take CASCADE: drop what depends on the index first");
    }
    let sql = if step.transaction.is_some() {
        text.push_str(". It cannot run inside a transaction block, so the transaction is committed before it and reopened after it");
        move_out_of_transaction(migration, at, &concurrent)
    } else {
        concurrent
    };
    text.push('.');
    let rollback = match &d.definition {
        Some(definition) => (Some(definition.clone()), "Rebuilds the index as the schema defines it, without blocking writes."),
        None => (None, "Rebuild the index from its definition: save it before the migration with SELECT indexdef FROM pg_indexes WHERE indexname = '...' (or give the schema with --schema)."),
    };
    f.impact(Impact { text: format!("Queries on {table} keep running while the index is dropped."), ..Impact::default() })
        .fix(Some(sql), text)
        .risk(format!(
            "As written it takes ACCESS EXCLUSIVE on {table}, which blocks reads and writes, though only the catalog changes.{context} \
             DROP INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE: it waits for the transactions using the index, then drops it; a failed run leaves the index INVALID, and running it again finishes the drop. \
             Check first that no query plan still relies on the index (pg_stat_user_indexes.idx_scan)."
        ))
        .rollback(rollback.0, rollback.1)
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_plain_drop_with_the_definition_from_the_schema() {
        let found = findings("drop-index-not-concurrently/fires.sql", Some("drop-index-not-concurrently/schema.sql"), META.id);
        assert_eq!(found.len(), 1, "{found:#?}");
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn quiet_on_concurrent_drops() {
        assert!(findings("drop-index-not-concurrently/quiet.sql", None, META.id).is_empty());
    }
}
