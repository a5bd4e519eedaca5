//! The SQL front end: splits scripts (pg_dump output, migrations, queries) into
//! statements, reads each as far as it can, and builds a schema catalog from the DDL.
//!
//! - [`split`]: statement boundaries, positions and leading comments, psql-style.
//! - [`parse`]: [`parse_script`] gives each statement a [`parse::StatementClass`].
//! - [`recognize`], [`adjust`], [`classify`]: what sqlparser alone cannot read.
//! - [`catalog`]: the schema the DDL describes, applied in order.

pub mod adjust;
pub mod catalog;
pub mod classify;
pub mod functions;
pub mod names;
pub mod parse;
pub mod recognize;
pub mod split;
pub mod tokens;

pub use catalog::Catalog;
pub use parse::{parse_script, ParsedStatement, Script, StatementClass, StatementCounts};
