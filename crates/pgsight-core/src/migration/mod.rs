//! Migrations: DDL that will run against a live database.
//!
//! A migration is walked statement by statement ([`walk`]): each statement is read
//! into typed operations ([`ops`], [`read`]) against the catalog as it stands at that
//! point (the `--schema` inputs, then every earlier statement applied), and given
//! the locks and work PostgreSQL documents for it ([`locks`]), in the transaction and
//! with the settings in force. The migration rules read the walked statements; the
//! report gets a per-statement summary and the migration's rollback plan
//! ([`report`]).

pub mod fix;
pub mod locks;
pub mod ops;
pub mod read;
pub mod report;
pub mod rollback;
pub mod types;
pub mod volatility;
pub mod walk;

pub use locks::{LockMode, Work};
pub use walk::{Control, Lock, Migration, Settings, Step, Transaction};

use crate::report::{InputKind, Location};
use crate::rules::Context;

/// Every migration input of `ctx`, walked in input order. Each one starts from the
/// catalog the schema inputs describe with the earlier migrations applied, so a
/// table created by an earlier migration counts as existing.
pub fn migrations(ctx: &Context) -> Vec<Migration<'_>> {
    let mut scripts = ctx.scripts(InputKind::Migration).peekable();
    // Every migration rule asks: without a migration, no copy of the catalog (a
    // 2,000-table schema's took a third of its analysis, once per rule).
    if scripts.peek().is_none() {
        return Vec::new();
    }
    let mut catalog = ctx.catalog.clone().unwrap_or_default();
    scripts
        .map(|script| walk::walk(script.input, &script.script, &mut catalog, ctx.catalog.is_some(), ctx.assume_in_transaction))
        .collect()
}

impl Migration<'_> {
    /// Where a step's statement starts.
    pub fn location(&self, step: &Step) -> Location {
        Location { input: self.input, line: Some(step.statement.span.line), column: Some(step.statement.span.column), ..Location::default() }
    }
}

#[cfg(test)]
pub(crate) mod testing;
