use serde::{Deserialize, Serialize};
use sqlparser::ast::{AssignmentTarget, Statement};

use super::Context;
use crate::migration::fix::{batched_block_text, batched_do_block, lock_context, lock_evidence, lock_on, parse_expr, DEFAULT_BATCH_ROWS};
use crate::migration::ops::{Bound, Op, Write};
use crate::migration::volatility::of_expr;
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::functions::Volatility;

declare_rule! {
    /// ## What it does
    /// Finds `UPDATE` and `DELETE` in a migration, on a table it did not create,
    /// with no WHERE or with a WHERE that cannot bound a batch: one that filters
    /// (`status = 'x'`, `col IS NULL`) but does not limit how many rows it touches,
    /// the way a key range, a key equality or a `LIMIT` subquery does.
    ///
    /// ## Why it matters
    /// One statement over the whole table locks every row it touches until it
    /// commits, writes a new version of each and its WAL (which replicas must replay
    /// before they catch up), and leaves as many dead rows for VACUUM. In a
    /// migration transaction the row locks last until the COMMIT: every write to
    /// those rows waits.
    ///
    /// ## Example
    /// ```sql
    /// UPDATE users SET email_verified = false WHERE email_verified IS NULL;
    /// ```
    ///
    /// ## Fix
    /// Walk the table in key ranges, each batch in its own transaction (a `DO` block
    /// that commits per batch, PostgreSQL 11+), outside the migration's transaction.
    id: "unbatched-backfill",
    category: Migration,
    severity: Warning,
    summary: "UPDATE or DELETE over a whole existing table in one statement",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// Rows per batch in the backfills the migration rules propose.
    pub batch_rows: u64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { batch_rows: DEFAULT_BATCH_ROWS }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            for op in &step.ops {
                if let Op::Write(w) = op {
                    if !w.table.new && matches!(w.bound, Bound::NoWhere | Bound::Unbounded) {
                        out.push(finding(&migration, step, w, t.batch_rows));
                    }
                }
            }
        }
    }
}

fn finding(migration: &Migration, step: &Step, w: &Write, batch: u64) -> Finding {
    let table = w.table.qualified();
    let lock = lock_on(step, &table);
    let verb = if w.delete { "DELETE" } else { "UPDATE" };
    let scope = match (&w.bound, &w.where_sql) {
        (Bound::NoWhere, _) => format!("{verb} without WHERE touches every row of {table}"),
        (_, Some(filter)) => format!("{verb} on {table} WHERE {filter} filters but does not bound how many rows it touches"),
        _ => format!("{verb} on {table} is not bounded"),
    };
    let mut message = if w.delete {
        format!("{scope}, in one statement: every row it deletes stays locked until it commits, goes to the WAL (replicas replay it all before they catch up), and stays behind as a dead row until VACUUM.")
    } else {
        format!("{scope}, in one statement: every row it touches stays locked until it commits, gets a new version and its WAL (replicas replay it all before they catch up), and leaves a dead row for VACUUM.")
    };
    if let Some(transaction) = migration.transaction_of(step) {
        message.push_str(&format!(" It runs inside {}: the row locks last until then.", migration.describe_transaction(transaction)));
    }
    let title = match w.bound {
        Bound::NoWhere => format!("{verb} without WHERE rewrites every row of {table} in one transaction"),
        _ => format!("{verb} on {table} is not batched"),
    };
    let mut f = Finding::new(&META, title, message).location(migration.location(step));
    f = lock_evidence(f, step, lock);
    if let Some(filter) = &w.where_sql {
        f = f.evidence("WHERE", filter.clone());
    }
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let key = w.key.as_deref();
    let guard = restart_guard(&w.statement);
    let block = batched_do_block(&w.table.sql, key, batch, |range| {
        let mut condition = match &w.where_sql {
            Some(filter) => format!("({filter}) AND {range}"),
            None => range.to_owned(),
        };
        if let Some(guard) = &guard {
            condition = format!("{condition} AND ({guard})");
        }
        with_selection(&w.statement, &condition)
    });
    let mut text = format!("Run it in batches of {batch} rows, each its own transaction. {}", batched_block_text(key));
    if guard.is_some() {
        text.push_str(" The IS DISTINCT FROM test skips rows already done, so a stopped run picks up where it was.");
    }
    if step.transaction.is_some() {
        text.push_str(" Take it out of the migration's transaction.");
    }
    f.impact(Impact {
        text: format!("Each batch locks at most {batch} rows for the time it runs, and VACUUM can reclaim the dead rows between batches instead of after the whole table."),
        ..Impact::default()
    })
    .fix(Some(block), text)
    .risk(format!(
        "As written it takes {} on {table} and locks every row it touches until its transaction ends.{context} \
         Batched, the same rows are written and the same WAL produced, only spread out: watch replica lag, and pause between batches (pg_sleep) if it grows.",
        lock.map_or_else(|| "ROW EXCLUSIVE".to_owned(), |l| l.mode.name().to_owned())
    ))
    .rollback(
        None,
        format!(
            "Irreversible without a backup of the rows it {}: copy them first (CREATE TABLE {}_before AS SELECT * FROM {}{}).",
            if w.delete { "deletes" } else { "changes" },
            w.table.name.name,
            w.table.sql,
            w.where_sql.as_ref().map(|f| format!(" WHERE {f}")).unwrap_or_default()
        ),
    )
}

/// `col1 IS DISTINCT FROM v1 OR ...` for an UPDATE whose new values are not
/// volatile: re-running a batch then skips the rows already done.
fn restart_guard(statement: &Statement) -> Option<String> {
    let Statement::Update(update) = statement else { return None };
    let mut terms = Vec::new();
    for assignment in &update.assignments {
        let AssignmentTarget::ColumnName(column) = &assignment.target else { return None };
        if of_expr(&assignment.value).volatility == Volatility::Volatile {
            return None;
        }
        terms.push(format!("{column} IS DISTINCT FROM {}", assignment.value));
    }
    (!terms.is_empty()).then(|| terms.join(" OR "))
}

/// The statement with its WHERE replaced by `condition`.
fn with_selection(statement: &Statement, condition: &str) -> String {
    let Some(expr) = parse_expr(condition) else { return statement.to_string() };
    let mut statement = statement.clone();
    match &mut statement {
        Statement::Update(update) => update.selection = Some(expr),
        Statement::Delete(delete) => delete.selection = Some(expr),
        _ => {}
    }
    statement.to_string()
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_whole_table_writes() {
        let found = findings("unbatched-backfill/fires.sql", Some("unbatched-backfill/schema.sql"), META.id);
        assert_eq!(found.len(), 2, "{found:#?}");
        insta::assert_snapshot!("update", render(&found[0]));
        insta::assert_snapshot!("delete_without_key", render(&found[1]));
    }

    #[test]
    fn quiet_on_bounded_batches_and_new_tables() {
        assert!(findings("unbatched-backfill/quiet.sql", None, META.id).is_empty());
    }
}
