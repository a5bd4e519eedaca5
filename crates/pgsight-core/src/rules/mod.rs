//! The rule registry.
//!
//! Each rule lives in its own file: a doc comment, a [`declare_rule!`] metadata entry
//! and a `check` function. The table at the bottom of this file is the only list of
//! rules: it generates the [`Rule`] enum, lookup by id, dispatch and the docs.
//!
//! A rule's doc text is kept out of [`RuleMeta`] ([`Rule::doc`]), so a binary that
//! never shows a doc page (the web workers, the web page: it fetches the generated
//! `docs/rules/<id>.md`) does not carry the text of every rule.

use serde::Serialize;

use crate::plan::metrics::{NodeMetrics, PlanMetrics};
use crate::plan::{NodeId, PlanDocument, PlanNode};
#[cfg(feature = "sql")]
use crate::report::InputKind;
use crate::report::{Finding, Location, Severity};
use crate::sql::Catalog;
#[cfg(feature = "sql")]
use crate::sql::{ParsedStatement, Script};

pub mod advice;
pub mod catalog_check;
pub mod schema_support;
pub mod fixsql;
pub mod format;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Plan,
    Schema,
    Migration,
    Query,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Plan => "plan",
            Category::Schema => "schema",
            Category::Migration => "migration",
            Category::Query => "query",
        }
    }
}

/// What a rule is, independent of any input.
#[derive(Debug, Clone, Copy)]
pub struct RuleMeta {
    /// Stable kebab-case id, as in RULES.md.
    pub id: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// One line: what the rule catches.
    pub summary: &'static str,
    /// The rule's thresholds with their defaults, as JSON (`None`: nothing to tune).
    pub default_thresholds: Option<fn() -> serde_json::Value>,
}

/// Declares a rule's metadata from its doc comment, Clippy-style:
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does ...
///     id: "seq-scan-selective-filter",
///     category: Plan,
///     severity: Warning,
///     summary: "Seq Scan whose filter throws most rows away",
///     thresholds: Thresholds, // optional: a `Default + Serialize` struct
/// }
/// ```
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        id: $id:literal,
        category: $category:ident,
        severity: $severity:ident,
        summary: $summary:literal
        $(, thresholds: $thresholds:ty)? $(,)?
    ) => {
        pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            id: $id,
            category: $crate::rules::Category::$category,
            severity: $crate::report::Severity::$severity,
            summary: $summary,
            default_thresholds: declare_rule!(@thresholds $($thresholds)?),
        };
        /// The rule's doc comment, Markdown (see [`Rule::doc`]).
        pub const DOC: &str = concat!($($doc, "\n"),*);
    };
    (@thresholds) => { None };
    (@thresholds $thresholds:ty) => {
        Some(|| serde_json::to_value(<$thresholds>::default()).unwrap_or_default())
    };
}

/// One parsed plan and its metrics, with where it came from.
#[derive(Debug, Clone)]
pub struct AnalyzedPlan {
    /// Index of the input in the report.
    pub input: usize,
    /// Index of the plan within that input.
    pub index: usize,
    pub doc: PlanDocument,
    pub metrics: PlanMetrics,
}

impl AnalyzedPlan {
    pub fn location(&self, node: NodeId) -> Location {
        let n = &self.doc.plan.nodes[node];
        Location {
            input: self.input,
            plan: Some(self.index),
            node: Some(node),
            node_label: Some(n.label()),
            line: n.line,
            column: None,
        }
    }

    /// The plan as a whole, for findings about the document rather than one node.
    pub fn document_location(&self) -> Location {
        Location { input: self.input, plan: Some(self.index), ..Location::default() }
    }

    /// Every node with its id and metrics.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeId, &PlanNode, &NodeMetrics)> {
        self.doc.plan.nodes.iter().enumerate().map(|(id, n)| (id, n, &self.metrics.nodes[id]))
    }
}

/// One SQL input read statement by statement.
#[cfg(feature = "sql")]
#[derive(Debug, Clone)]
pub struct AnalyzedScript {
    /// Index of the input in the report.
    pub input: usize,
    pub kind: InputKind,
    pub script: Script,
}

#[cfg(feature = "sql")]
impl AnalyzedScript {
    /// Where a statement starts.
    pub fn location(&self, statement: &ParsedStatement) -> Location {
        Location { input: self.input, line: Some(statement.span.line), column: Some(statement.span.column), ..Location::default() }
    }
}

/// Everything a rule may read.
#[derive(Debug, Default)]
pub struct Context {
    pub plans: Vec<AnalyzedPlan>,
    /// Schema, migration and query inputs, in input order.
    #[cfg(feature = "sql")]
    pub scripts: Vec<AnalyzedScript>,
    /// The schema the schema inputs describe, applied in input order; `None` without
    /// a schema input.
    pub catalog: Option<Catalog>,
    /// Threshold overrides by rule id, from the configuration.
    pub thresholds: ThresholdOverrides,
    /// The migration runner wraps each file in a transaction (configuration).
    pub assume_in_transaction: bool,    /// Health snapshots read from schema inputs, for the health rules.
    pub snapshots: Vec<crate::snapshot::AnalyzedSnapshot>,
}

/// Per-rule threshold overrides: `{"seq-scan-selective-filter": {"min_removed_rows": 5000}}`.
pub type ThresholdOverrides = std::collections::BTreeMap<String, serde_json::Map<String, serde_json::Value>>;

impl Context {
    /// The scripts of one kind of input (schemas, migrations or queries).
    #[cfg(feature = "sql")]
    pub fn scripts(&self, kind: InputKind) -> impl Iterator<Item = &AnalyzedScript> {
        self.scripts.iter().filter(move |s| s.kind == kind)
    }

    /// The rule's thresholds: its defaults with the configured overrides on top.
    /// A bad override falls back to the defaults rather than stopping the analysis
    /// (configuration loading reports it with its position).
    pub fn thresholds<T: Thresholds>(&self, rule: &RuleMeta) -> T {
        match self.thresholds.get(rule.id) {
            Some(overrides) => merge_thresholds::<T>(overrides).unwrap_or_default(),
            None => T::default(),
        }
    }
}

/// A rule's tunable numbers. Defaults live in the rule file, in `Default`.
pub trait Thresholds: Default + Serialize + serde::de::DeserializeOwned {}

impl<T: Default + Serialize + serde::de::DeserializeOwned> Thresholds for T {}

fn merge_thresholds<T: Thresholds>(overrides: &serde_json::Map<String, serde_json::Value>) -> Result<T, String> {
    let mut merged = match serde_json::to_value(T::default()) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => return Err("this rule has no thresholds".to_owned()),
    };
    for (key, value) in overrides {
        if !merged.contains_key(key) {
            let known: Vec<&str> = merged.keys().map(String::as_str).collect();
            return Err(format!("unknown threshold `{key}` (known: {})", known.join(", ")));
        }
        merged.insert(key.clone(), value.clone());
    }
    serde_json::from_value(serde_json::Value::Object(merged)).map_err(|e| e.to_string())
}

/// Declares the rule table: `Variant => module`. Generates the module declarations,
/// the [`Rule`] enum, `Rule::ALL`, lookup by id, metadata and dispatch. An entry's
/// attributes (`#[cfg(feature = "sql")]`) apply to all of these.
macro_rules! rule_table {
    ($( $(#[$attr:meta])* $variant:ident => $module:ident ),* $(,)?) => {
        $( $(#[$attr])* pub mod $module; )*

        /// Every rule pgsight knows.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rule { $( $(#[$attr])* $variant, )* }

        impl Rule {
            pub const ALL: &'static [Rule] = &[$( $(#[$attr])* Rule::$variant, )*];

            pub fn meta(self) -> &'static RuleMeta {
                match self { $( $(#[$attr])* Rule::$variant => &$module::META, )* }
            }

            /// The rule's doc comment, as written (rustdoc's space after `///` kept).
            /// Apart from [`RuleMeta`] so that only binaries that show docs link them.
            pub fn doc(self) -> &'static str {
                match self { $( $(#[$attr])* Rule::$variant => $module::DOC, )* }
            }

            /// Runs the rule over everything in `ctx`.
            pub fn check(self, ctx: &Context, out: &mut Vec<Finding>) {
                match self { $( $(#[$attr])* Rule::$variant => $module::check(ctx, out), )* }
            }
        }
    };
}

// Order matters only at the end (see there). Rules that read a schema, a migration,
// a query or a health snapshot need the `sql` feature (all of these are SQL, or are
// read as SQL); without it only the plan rules remain.
rule_table! {
    SeqScanSelectiveFilter => seq_scan_selective_filter,
    RowMisestimate => row_misestimate,
    WorkersNotLaunched => workers_not_launched,
    JitOverhead => jit_overhead,
    PlannerSettingsChanged => planner_settings_changed,
    HighPlanningTime => high_planning_time,
    MissingInstrumentation => missing_instrumentation,
    IndexScanFilter => index_scan_filter,
    NestedLoopManyLoops => nested_loop_many_loops,
    NonSargablePredicate => non_sargable_predicate,
    LeadingWildcardLike => leading_wildcard_like,
    NoPartitionPruning => no_partition_pruning,
    OrderByRandom => order_by_random,
    SortSpill => sort_spill,
    HashSpill => hash_spill,
    LossyBitmap => lossy_bitmap,
    HeapFetches => heap_fetches,
    NotInSubplan => not_in_subplan,
    LargeOffset => large_offset,
    ReadInefficiency => read_inefficiency,
    TriggerTime => trigger_time,
    CountFullTable => count_full_table,
    // Schema rules.
    #[cfg(feature = "sql")]
    FkMissingIndex => fk_missing_index,
    #[cfg(feature = "sql")]
    FkMissingOnDelete => fk_missing_on_delete,
    #[cfg(feature = "sql")]
    MissingPrimaryKey => missing_primary_key,
    #[cfg(feature = "sql")]
    PreferTimestamptz => prefer_timestamptz,
    #[cfg(feature = "sql")]
    PreferJsonb => prefer_jsonb,
    #[cfg(feature = "sql")]
    PreferText => prefer_text,
    #[cfg(feature = "sql")]
    AvoidChar => avoid_char,
    #[cfg(feature = "sql")]
    AvoidMoney => avoid_money,
    #[cfg(feature = "sql")]
    PreferBigintKey => prefer_bigint_key,
    #[cfg(feature = "sql")]
    PreferIdentity => prefer_identity,
    #[cfg(feature = "sql")]
    DuplicateIndex => duplicate_index,
    #[cfg(feature = "sql")]
    RedundantIndex => redundant_index,
    #[cfg(feature = "sql")]
    SoftDeleteWithoutPartialIndex => soft_delete_without_partial_index,
    #[cfg(feature = "sql")]
    VolatileIndexExpression => volatile_index_expression,
    // Migration rules.
    #[cfg(feature = "sql")]
    CreateIndexNotConcurrently => create_index_not_concurrently,
    #[cfg(feature = "sql")]
    ConcurrentlyInTransaction => concurrently_in_transaction,
    #[cfg(feature = "sql")]
    DropIndexNotConcurrently => drop_index_not_concurrently,
    #[cfg(feature = "sql")]
    AddForeignKeyNotValid => add_foreign_key_not_valid,
    #[cfg(feature = "sql")]
    AddCheckNotValid => add_check_not_valid,
    #[cfg(feature = "sql")]
    SetNotNull => set_not_null,
    #[cfg(feature = "sql")]
    AddColumnNotNullNoDefault => add_column_not_null_no_default,
    #[cfg(feature = "sql")]
    AddColumnVolatileDefault => add_column_volatile_default,
    #[cfg(feature = "sql")]
    AlterColumnType => alter_column_type,
    #[cfg(feature = "sql")]
    AddUniqueConstraint => add_unique_constraint,
    #[cfg(feature = "sql")]
    RenameColumn => rename_column,
    #[cfg(feature = "sql")]
    RenameTable => rename_table,
    #[cfg(feature = "sql")]
    DropColumn => drop_column,
    #[cfg(feature = "sql")]
    DropTable => drop_table,
    #[cfg(feature = "sql")]
    MissingLockTimeout => missing_lock_timeout,
    #[cfg(feature = "sql")]
    VacuumFull => vacuum_full,
    #[cfg(feature = "sql")]
    UnbatchedBackfill => unbatched_backfill,
    #[cfg(feature = "sql")]
    NotIdempotent => not_idempotent,
    // Query rules.
    #[cfg(feature = "sql")]
    SelectStar => select_star,
    #[cfg(feature = "sql")]
    NotInSubquery => not_in_subquery,
    #[cfg(feature = "sql")]
    MissingWhere => missing_where,
    #[cfg(feature = "sql")]
    UnboundedSelect => unbounded_select,
    #[cfg(feature = "sql")]
    CartesianJoin => cartesian_join,
    #[cfg(feature = "sql")]
    JsonbFilterUnindexed => jsonb_filter_unindexed,
    #[cfg(feature = "sql")]
    RepeatedQuery => repeated_query,
    #[cfg(feature = "sql")]
    IndexNotUsed => index_not_used,
    // Health rules: a snapshot's statistics (pgsight snapshot-sql).
    #[cfg(feature = "sql")]
    UnusedIndex => unused_index,
    #[cfg(feature = "sql")]
    InvalidIndex => invalid_index,
    #[cfg(feature = "sql")]
    DeadTuples => dead_tuples,
    #[cfg(feature = "sql")]
    StaleStatistics => stale_statistics,
    #[cfg(feature = "sql")]
    SeqScanHeavyTable => seq_scan_heavy_table,
    #[cfg(feature = "sql")]
    LowCacheHit => low_cache_hit,
    #[cfg(feature = "sql")]
    XidWraparoundRisk => xid_wraparound_risk,
    #[cfg(feature = "sql")]
    ConnectionsNearLimit => connections_near_limit,
    #[cfg(feature = "sql")]
    LargeUnpartitionedTable => large_unpartitioned_table,
    #[cfg(feature = "sql")]
    SlowStatement => slow_statement,
    // Rules that read other findings come last: slow-node points at them, and
    // unused-suppression removes the suppressed ones.
    SlowNode => slow_node,
    #[cfg(feature = "sql")]
    UnusedSuppression => unused_suppression,
}

impl Rule {
    pub fn id(self) -> &'static str {
        self.meta().id
    }

    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }

    /// The doc comment with the single space rustdoc leaves after `///` removed.
    pub fn doc_markdown(self) -> String {
        let mut out = String::new();
        for line in self.doc().lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The Markdown page for this rule, as `pgsight rules <id>` and the web app show it.
    pub fn doc_page(self) -> String {
        let meta = self.meta();
        let mut page = format!(
            "# {}\n\n{}\n\nCategory: {} · Default severity: {}\n\n{}",
            meta.id,
            meta.summary,
            meta.category.as_str(),
            meta.severity,
            self.doc_markdown()
        );
        let defaults = meta.default_thresholds.map(|f| f());
        if let Some(serde_json::Value::Object(map)) = defaults.filter(|d| d.as_object().is_some_and(|m| !m.is_empty())) {
            page.push_str(&format!("\n## Thresholds\n\nSet in `pgsight.toml` under `[rules.thresholds.{}]`:\n\n| Name | Default |\n|---|---|\n", meta.id));
            for (name, value) in map {
                page.push_str(&format!("| `{name}` | {value} |\n"));
            }
        }
        page
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for rule in Rule::ALL {
            let meta = rule.meta();
            assert!(seen.insert(meta.id), "duplicate id {}", meta.id);
            assert!(meta.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", meta.id);
            assert_eq!(Rule::from_id(meta.id), Some(*rule));
            for heading in ["## What it does", "## Why it matters", "## Example", "## Fix"] {
                assert!(rule.doc().contains(heading), "{} lacks {heading}", meta.id);
            }
        }
    }
}

/// Helpers for the rule tests. Fixture paths are relative to the repository root:
/// real plans live in `tests/scenarios/`, hand-made edge cases in
/// `crates/pgsight-core/tests/fixtures/`.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::{analyze, Config, Finding, Input, InputKind};

    pub fn fixture(path: &str) -> String {
        let full = format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("fixture {full}: {e}"))
    }

    /// Findings of rule `id` on the plan fixture at `path`.
    pub fn findings_for_fixture(path: &str, id: &str) -> Vec<Finding> {
        let report = analyze(&[Input::new(InputKind::Plan, path, fixture(path))], &Config::default());
        assert!(report.inputs.iter().all(|i| i.ok), "fixture {path} did not parse: {:?}", report.notes);
        report.findings.into_iter().filter(|f| f.rule == id).collect()
    }

    /// What a snapshot holds: the finding as the terminal shows it, then as JSON.
    pub fn render(finding: &Finding) -> String {
        let json = serde_json::to_string_pretty(finding).unwrap_or_else(|e| e.to_string());
        format!("{}\n--- json ---\n{json}\n", finding.render_text())
    }
}
