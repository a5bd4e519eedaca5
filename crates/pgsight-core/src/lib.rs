//! pgsight's engine: reads EXPLAIN plans (and, later, DDL and queries), runs the rules
//! and returns a [`Report`]. No I/O: the CLI and the web app feed it text.

pub mod analyze;
#[cfg(feature = "sql")]
pub mod anonymize;
pub mod config;
pub mod diff;
pub mod logs;
#[cfg(feature = "sql")]
pub mod migration;
pub mod plan;
pub mod position;
#[cfg(feature = "sql")]
pub mod query;
pub mod render;
pub mod report;
pub mod rules;
pub mod sql;
pub mod share;
pub mod snapshot;

pub use analyze::{analyze, Input};
pub use config::Config;
pub use report::{Finding, InputKind, Report, Severity};
pub use rules::Rule;
