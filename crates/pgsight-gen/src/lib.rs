//! Large, realistic inputs for pgsight's benchmarks: EXPLAIN plans in JSON and text
//! (exactly as `psql -At` prints PostgreSQL 15's `EXPLAIN (ANALYZE, BUFFERS, VERBOSE,
//! SETTINGS)`) and a `pg_dump --schema-only` schema. Deterministic: the same call
//! gives the same bytes. Used by the `pgsight-gen` binary and by the core's benches.

pub mod explain;
pub mod plans;
mod rng;
pub mod schema;

pub use explain::Document;

/// What a generated input is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    PlanJson,
    PlanText,
    Schema,
}

/// One generated file.
pub struct Generated {
    /// File name, e.g. `append-10000.json`.
    pub file: String,
    pub kind: Kind,
    pub text: String,
    /// Plan nodes, or tables for a schema.
    pub count: usize,
}

/// A plan of the standard set, before it is written out.
pub struct PlanInput {
    /// File stem, e.g. `append-10000`.
    pub name: &'static str,
    pub doc: Document,
}

/// The plans of the standard set, smallest first.
pub fn standard_plans() -> Vec<PlanInput> {
    vec![
        PlanInput { name: "append-1000", doc: plans::partitioned_count(1_000) },
        PlanInput { name: "join-2000", doc: plans::join_chain(667) },
        PlanInput { name: "append-10000", doc: plans::partitioned_count(10_000) },
        PlanInput { name: "union-50000", doc: plans::union_report(50_000) },
    ]
}

/// Tables and indexes of the standard schema.
pub const SCHEMA_TABLES: usize = 2_000;
pub const SCHEMA_INDEXES: usize = 10_000;

/// Every file of the standard set: each plan in JSON and text, and the schema.
pub fn standard_set() -> Vec<Generated> {
    let mut files = Vec::new();
    for plan in standard_plans() {
        let count = plan.doc.node_count();
        files.push(Generated { file: format!("{}.json", plan.name), kind: Kind::PlanJson, text: plan.doc.json(), count });
        files.push(Generated { file: format!("{}.txt", plan.name), kind: Kind::PlanText, text: plan.doc.text(), count });
    }
    let schema = schema::dump(SCHEMA_TABLES, SCHEMA_INDEXES);
    files.push(Generated { file: "schema-2000.sql".to_owned(), kind: Kind::Schema, text: schema.sql, count: schema.tables });
    files
}
