//! pgsight's engine: reads EXPLAIN plans (and, later, DDL and queries), runs the rules
//! and returns a [`Report`]. No I/O: the CLI and the web app feed it text.

pub mod analyze;
pub mod plan;
pub mod position;
pub mod render;
pub mod report;
pub mod rules;
pub mod sql;
pub mod share;

pub use analyze::{analyze, Config, Input};
pub use report::{Finding, InputKind, Report, Severity};
pub use rules::Rule;
