use serde::{Deserialize, Serialize};

use super::Context;
use crate::migration::fix::statement_text;
use crate::migration::{migrations, Lock, Migration, Step};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds the statements of a migration that take a lock blocking writes (SHARE
    /// or stronger: ACCESS EXCLUSIVE, SHARE ROW EXCLUSIVE...) on a table the
    /// migration did not create, with no `SET lock_timeout` in force. One finding per
    /// migration, at the first such statement, lists them all.
    ///
    /// ## Why it matters
    /// A statement that needs ACCESS EXCLUSIVE waits for every transaction already
    /// using the table, and while it waits every new query on the table queues
    /// behind it. A long report or an idle-in-transaction session turns a
    /// millisecond ALTER into minutes of downtime. `lock_timeout` makes the
    /// statement give up instead, and the migration can be retried.
    ///
    /// ## Example
    /// ```sql
    /// ALTER TABLE orders ADD COLUMN note text;
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// SET lock_timeout = '5s';
    /// ```
    /// at the top of the migration, and a retry in the deploy.
    id: "missing-lock-timeout",
    category: Migration,
    severity: Warning,
    summary: "A statement waits for a blocking lock with no lock_timeout set",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// The lock_timeout the fix proposes.
    pub lock_timeout: String,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { lock_timeout: "5s".to_owned() }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for migration in migrations(ctx) {
        let uncovered: Vec<(&Step, &Lock)> = migration
            .steps
            .iter()
            .filter(|s| s.settings.lock_timeout().is_none())
            .filter_map(|s| s.locks.iter().filter(|l| l.blocks_traffic()).max_by_key(|l| (l.mode, l.work)).map(|l| (s, l)))
            .collect();
        if let Some(first) = uncovered.first() {
            out.push(finding(&migration, &uncovered, first.0, &t));
        }
    }
}

fn finding(migration: &Migration, uncovered: &[(&Step, &Lock)], first: &Step, t: &Thresholds) -> Finding {
    let (_, lock) = uncovered[0];
    let count = uncovered.len();
    let title = if count == 1 {
        format!("{} on {} is taken without lock_timeout", lock.mode, lock.target)
    } else {
        format!("{count} statements take blocking locks without lock_timeout, first {} on {}", lock.mode, lock.target)
    };
    let mut f = Finding::new(
        &META,
        title,
        format!(
            "Before it can take {} on {}, the statement waits for every transaction already using the table, and while it waits every new query on {} that conflicts with it queues behind it. \
             No lock_timeout is in force, so one long query or idle-in-transaction session turns an instant schema change into an outage.",
            lock.mode, lock.target, lock.target
        ),
    )
    .location(migration.location(first));
    for (step, lock) in uncovered.iter().take(10) {
        f = f.evidence(format!("Line {}", step.statement.span.line), format!("{} — {}, {}", statement_text(step), lock.describe(), lock.work.name()));
    }
    if count > 10 {
        f = f.evidence("More", format!("{} other statements", count - 10));
    }
    let inside = migration.transaction_of(first).and_then(|tr| tr.begin).map(|b| migration.line(b));
    let place = match inside {
        Some(line) => format!("at the top of the migration, before the BEGIN at line {line} (or SET LOCAL right after it)"),
        None => "at the top of the migration".to_owned(),
    };
    f.impact(Impact {
        text: format!("A lock that cannot be had within {} fails the statement instead of queueing the application's queries behind it.", t.lock_timeout),
        ..Impact::default()
    })
    .fix(
        Some(format!("SET lock_timeout = '{}';", t.lock_timeout)),
        format!("Set lock_timeout {place}, and let the deploy retry the migration a few times with a pause when it fails on the timeout."),
    )
    .risk(format!(
        "Under load a statement can fail with `ERROR: canceling statement due to lock timeout`: the migration must be safe to run again (a transaction, or idempotent statements). \
         The locks themselves are unchanged: {}.",
        lock.describe()
    ))
    .rollback(Some("RESET lock_timeout;".to_owned()), "Returns the session to the server default.")
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_once_for_the_migration() {
        let found = findings("missing-lock-timeout/fires.sql", None, META.id);
        assert_eq!(found.len(), 1, "{found:#?}");
        insta::assert_snapshot!(render(&found[0]));
    }

    #[test]
    fn quiet_with_lock_timeout_or_weak_locks() {
        assert!(findings("missing-lock-timeout/quiet.sql", None, META.id).is_empty());
    }
}
