//! The SQL front end: splits scripts (pg_dump output, migrations, queries) into
//! statements, reads each as far as it can, and builds a schema catalog from the DDL.
//!
//! - [`split`]: statement boundaries, positions and leading comments, psql-style.
//! - [`parse`]: [`parse_script`] gives each statement a [`parse::StatementClass`]; `fast`
//!   reads pg_dump's commonest statements without sqlparser's tokenizer.
//! - [`recognize`], [`adjust`], [`classify`]: what sqlparser alone cannot read.
//! - [`catalog`]: the schema the DDL describes, applied in order.
//!
//! Without the `sql` feature only the catalog's types, [`names`] and [`functions`]
//! remain (the plan rules read an optional catalog); nothing here reads SQL then.

#[cfg(feature = "sql")]
pub mod adjust;
pub mod catalog;
#[cfg(feature = "sql")]
pub mod classify;
#[cfg(feature = "sql")]
mod fast;
pub mod functions;
pub mod names;
#[cfg(feature = "sql")]
pub mod parse;
#[cfg(feature = "sql")]
pub mod recognize;
#[cfg(feature = "sql")]
pub mod split;
#[cfg(feature = "sql")]
pub mod tokens;

pub use catalog::Catalog;
#[cfg(feature = "sql")]
pub use parse::{parse_script, ParsedStatement, Script, StatementClass, StatementCounts};
