//! The report: what the engine concluded. The CLI and the web app only render this.

use serde::{Deserialize, Serialize};

use crate::plan::{NodeId, PlanFormat};
use crate::rules::{Category, RuleMeta};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Severity::Info, Severity::Warning, Severity::Error].into_iter().find(|s| s.as_str() == text)
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One fact a finding rests on, as read from the input: `Rows Removed by Filter: 999,990`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub label: String,
    pub value: String,
}

/// Where a finding points.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Index into [`Report::inputs`].
    pub input: usize,
    /// Plan within that input (auto_explain logs hold several).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<usize>,
    /// Node id (pre-order index) within the plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<NodeId>,
    /// The node's label, `Seq Scan on orders`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_label: Option<String>,
    /// 1-based line in the input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based column in characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
}

/// What the fix should change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    pub text: String,
    /// Share (0..=1) of execution time spent where the finding points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_share: Option<f64>,
    /// Milliseconds the fix could save at most.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_ms: Option<f64>,
    /// Rows no longer read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<f64>,
}

/// SQL to run where there is one, and the words around it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Action {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sql: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule's id (deserializing looks it up: an unknown id is an error).
    pub rule: &'static str,
    pub severity: Severity,
    pub category: Category,
    pub title: String,
    /// The diagnosis: what is wrong.
    pub message: String,
    pub evidence: Vec<Evidence>,
    pub location: Location,
    pub impact: Impact,
    pub fix: Action,
    pub risk: String,
    pub rollback: Action,
    /// Rules whose findings about the same fact were merged into this one
    /// (`fk-missing-index` merged into `seq-scan-selective-filter`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// Every input the finding used, as indexes into [`Report::inputs`]: the one it
    /// points at and, say, the schema it checked an index against. Written out only
    /// when there is more than one; a finding read back without it used its
    /// location's input alone.
    #[serde(skip_serializing_if = "used_one_input")]
    pub inputs: Vec<usize>,
    /// What the finding is about, for merging findings of several rules about the same
    /// fact. Only meaningful inside [`crate::analyze`], which clears it.
    #[serde(skip)]
    pub subject: Option<Subject>,
}

/// A table and the columns a finding is about: `public.orders (customer_id)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
    /// As the finding names it; `analyze` resolves it against the schema.
    pub table: String,
    pub columns: Vec<String>,
}

fn used_one_input(inputs: &[usize]) -> bool {
    inputs.len() <= 1
}

/// A finding as it travels (to a Web Worker and back): the rule id as a string.
#[derive(Deserialize)]
struct FindingWire {
    rule: String,
    severity: Severity,
    category: Category,
    title: String,
    message: String,
    evidence: Vec<Evidence>,
    location: Location,
    impact: Impact,
    fix: Action,
    risk: String,
    rollback: Action,
    #[serde(default)]
    also: Vec<String>,
    #[serde(default)]
    inputs: Vec<usize>,
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        FindingWire::deserialize(deserializer)?.try_into().map_err(serde::de::Error::custom)
    }
}

impl TryFrom<FindingWire> for Finding {
    type Error = String;

    fn try_from(w: FindingWire) -> Result<Self, String> {
        let rule = crate::Rule::from_id(&w.rule).ok_or_else(|| format!("unknown rule `{}`", w.rule))?.id();
        let inputs = if w.inputs.is_empty() { vec![w.location.input] } else { w.inputs };
        Ok(Finding {
            rule,
            severity: w.severity,
            category: w.category,
            title: w.title,
            message: w.message,
            evidence: w.evidence,
            location: w.location,
            impact: w.impact,
            fix: w.fix,
            risk: w.risk,
            rollback: w.rollback,
            also: w.also,
            inputs,
            subject: None,
        })
    }
}

impl Finding {
    /// A finding of `rule` at its default severity; the builder methods fill the rest.
    pub fn new(rule: &RuleMeta, title: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            rule: rule.id,
            severity: rule.severity,
            category: rule.category,
            title: title.into(),
            message: message.into(),
            evidence: Vec::new(),
            location: Location::default(),
            impact: Impact::default(),
            fix: Action::default(),
            risk: String::new(),
            rollback: Action::default(),
            also: Vec::new(),
            inputs: Vec::new(),
            subject: None,
        }
    }

    /// Marks other inputs the finding used (a schema it checked the plan against).
    pub fn used(mut self, inputs: impl IntoIterator<Item = usize>) -> Self {
        self.inputs.extend(inputs);
        self
    }

    /// What the finding is about, so that findings of other rules about the same
    /// table and columns can be merged into one.
    pub fn subject(mut self, table: impl Into<String>, columns: impl IntoIterator<Item = String>) -> Self {
        self.subject = Some(Subject { table: table.into(), columns: columns.into_iter().collect() });
        self
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn evidence(mut self, label: impl Into<String>, value: impl Into<String>) -> Self {
        self.evidence.push(Evidence { label: label.into(), value: value.into() });
        self
    }

    pub fn location(mut self, location: Location) -> Self {
        self.location = location;
        self
    }

    pub fn impact(mut self, impact: Impact) -> Self {
        self.impact = impact;
        self
    }

    pub fn fix(mut self, sql: Option<String>, text: impl Into<String>) -> Self {
        self.fix = Action { sql, text: text.into() };
        self
    }

    pub fn risk(mut self, risk: impl Into<String>) -> Self {
        self.risk = risk.into();
        self
    }

    pub fn rollback(mut self, sql: Option<String>, text: impl Into<String>) -> Self {
        self.rollback = Action { sql, text: text.into() };
        self
    }

    /// Ranking key: severity first, then the time share it explains.
    fn rank(&self) -> (Severity, i64) {
        let share = self.impact.time_share.unwrap_or(0.0);
        (self.severity, (share * 1e6) as i64)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteLevel {
    Info,
    Warning,
    Error,
}

/// Something the engine wants the user to know that is not a rule finding: an input
/// it could not read, a statement it skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub level: NoteLevel,
    pub message: String,
    pub input: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    Plan,
    Schema,
    Migration,
    Query,
}

/// What was read from one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputSummary {
    pub name: String,
    pub kind: InputKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<PlanFormat>,
    /// Plans read (plan inputs).
    pub plans: usize,
    /// Plan nodes read, over all plans (plan inputs).
    pub nodes: usize,
    /// SQL statements read (schema, migration and query inputs).
    #[serde(default)]
    pub statements: usize,
    /// False when nothing could be read; the reason is in the notes.
    pub ok: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub notes: Vec<Note>,
    pub inputs: Vec<InputSummary>,
    /// Every plan read, flattened for display (the web app's plan tree).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<PlanView>,
    /// Each migration input statement by statement: the locks taken, the work done
    /// and the transaction state.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub migration: Vec<MigrationSummary>,
    /// The inverse of the migrations, in the order to run it (last statement first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rollback_plan: Vec<RollbackStep>,
    /// The tables the schema inputs (DDL or a health snapshot) describe, for display
    /// (the web app's schema view), with the findings about each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schema: Vec<TableView>,
}

/// A plan as a flat list of display rows, in pre-order, with the figures the engine
/// derived. Front ends render it; they compute nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    pub input: usize,
    pub plan: usize,
    pub planning_ms: Option<f64>,
    pub execution_ms: Option<f64>,
    pub nodes: Vec<NodeView>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NodeView {
    pub id: NodeId,
    pub parent: Option<NodeId>,
    pub depth: usize,
    /// `Index Scan using orders_pkey on orders o`.
    pub label: String,
    pub node_type: String,
    /// `InitPlan 1`, `SubPlan 2`, `CTE x`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subplan: Option<String>,
    pub exclusive_ms: Option<f64>,
    pub exclusive_share: Option<f64>,
    pub inclusive_ms: Option<f64>,
    pub actual_rows: Option<f64>,
    pub plan_rows: Option<f64>,
    pub loops: Option<f64>,
    pub misestimate: Option<crate::plan::metrics::Misestimate>,
    pub buffers: crate::plan::metrics::Buffers,
    pub never_executed: bool,
    /// `Filter`, `Index Cond`, `Sort Key`... as `(key, value)` for the detail panel.
    pub details: Vec<(String, String)>,
    /// Line of the node in a text plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

impl Report {
    /// Orders findings the way a reader should see them: most severe, then the most
    /// time saved, then by position.
    pub fn sort(&mut self) {
        self.findings.sort_by(|a, b| {
            b.rank()
                .cmp(&a.rank())
                .then(a.location.input.cmp(&b.location.input))
                .then(a.location.plan.cmp(&b.location.plan))
                .then(a.location.node.cmp(&b.location.node))
                .then(a.location.line.cmp(&b.location.line))
                .then(a.rule.cmp(b.rule))
        });
    }

    /// The most severe finding, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}

impl Finding {
    /// Plain-text rendering of the five parts, as the terminal and snapshots show it.
    pub fn render_text(&self) -> String {
        self.render_text_with(&[])
    }

    /// [`Self::render_text`] with a `used:` line naming the inputs the finding read,
    /// when it read more than one of `inputs` (the report's).
    pub fn render_text_with(&self, inputs: &[InputSummary]) -> String {
        let mut out = format!("{} [{}] {}\n", self.severity, self.rule, self.title);
        if !self.also.is_empty() {
            out.push_str(&format!("  also: {}\n", self.also.join(", ")));
        }
        let used: Vec<&str> = self.inputs.iter().filter_map(|&i| inputs.get(i)).map(|i| i.name.as_str()).collect();
        if used.len() > 1 {
            out.push_str(&format!("  used: {}\n", used.join(", ")));
        }
        if let Some(label) = &self.location.node_label {
            out.push_str(&format!("  at: {label}"));
            if let Some(line) = self.location.line {
                out.push_str(&format!(" (line {line})"));
            }
            out.push('\n');
        } else if let (Some(line), Some(column)) = (self.location.line, self.location.column) {
            out.push_str(&format!("  at: line {line}, column {column}\n"));
        }
        out.push_str(&format!("  diagnosis: {}\n", self.message));
        for e in &self.evidence {
            out.push_str(&format!("    {}: {}\n", e.label, e.value));
        }
        push_action(&mut out, "fix", &self.fix);
        out.push_str(&format!("  impact: {}\n", self.impact.text));
        out.push_str(&format!("  risk: {}\n", self.risk));
        push_action(&mut out, "rollback", &self.rollback);
        out
    }
}

fn push_action(out: &mut String, label: &str, action: &Action) {
    out.push_str(&format!("  {label}: {}\n", action.text));
    if let Some(sql) = &action.sql {
        for line in sql.lines() {
            out.push_str(&format!("    {line}\n"));
        }
    }
}

/// One migration input, statement by statement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MigrationSummary {
    /// Index into [`Report::inputs`].
    pub input: usize,
    pub statements: Vec<MigrationStatement>,
}

/// One statement of a migration: what it locks, what work it does under the lock,
/// and the transaction and settings it runs with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MigrationStatement {
    pub line: u32,
    pub column: u32,
    /// The statement on one line, shortened.
    pub sql: String,
    /// `autocommit`, `begin`, `in transaction`, `commit` or `rollback`.
    pub transaction: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locks: Vec<LockSummary>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_timeout: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement_timeout: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A lock one statement takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LockSummary {
    /// `public.orders`.
    pub relation: String,
    /// `ACCESS EXCLUSIVE`.
    pub mode: String,
    /// `catalog only`, `row writes`, `full scan`, `index build` or `table rewrite`.
    pub work: String,
    /// What waits for it: `blocks reads and writes`.
    pub blocks: String,
    /// The migration created the table: nobody else uses it yet.
    pub new_table: bool,
    /// Inside a transaction: the line of the COMMIT or ROLLBACK that releases it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_until_line: Option<u32>,
}

/// One step of a rollback plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RollbackStep {
    /// Runnable SQL; a comment when no statement can undo it.
    pub sql: String,
    /// The statement it undoes, on one line.
    pub reverses: String,
    /// Data is lost: only a backup taken before the migration brings it back.
    pub irreversible: bool,
    /// The migration input and line of the statement it undoes.
    pub input: usize,
    pub line: u32,
    /// What to know before running it, or what the backup must hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One table of the schema, as a front end shows it: columns, keys, indexes and
/// foreign keys, the figures a snapshot gave, and the findings about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TableView {
    pub schema: String,
    pub name: String,
    /// The schema input that defined it.
    pub input: usize,
    /// Line of its CREATE TABLE in that input; `None` for a snapshot's tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// `PARTITION BY RANGE (created_at)` as written, for a partitioned table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_by: Option<String>,
    /// The partitioned table this one is a partition of: `public.events`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_of: Option<String>,
    pub columns: Vec<ColumnView>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_key: Option<KeyView>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unique: Vec<KeyView>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub foreign_keys: Vec<ForeignKeyView>,
    /// Indexes made by CREATE INDEX (those behind keys are the keys).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indexes: Vec<IndexView>,
    /// Rows, from a snapshot (reltuples, else the live-row count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<f64>,
    /// Table, indexes and TOAST, from a snapshot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_bytes: Option<i64>,
    /// The findings about this table or its indexes, as indexes into
    /// [`Report::findings`], in report order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ColumnView {
    pub name: String,
    /// As written: `character varying(50)`, `bigint`.
    pub data_type: String,
    pub nullable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// `generated always as identity`, `serial`, `generated always as (...) stored`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<String>,
}

/// A primary key or unique constraint.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KeyView {
    pub name: String,
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ForeignKeyView {
    pub name: String,
    pub columns: Vec<String>,
    /// The referenced table: `public.customers`.
    pub references: String,
    pub referenced_columns: Vec<String>,
    /// `ON DELETE CASCADE`; `None` for the default (NO ACTION).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_delete: Option<String>,
    /// Added `NOT VALID`: existing rows were not checked.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_valid: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IndexView {
    pub name: String,
    /// The statement that creates it, as the schema wrote it (a snapshot: as
    /// pg_get_indexdef prints it).
    pub definition: String,
    /// Size, from a snapshot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<i64>,
    /// Scans since the last statistics reset, from a snapshot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scans: Option<i64>,
    /// A failed CREATE INDEX CONCURRENTLY left it invalid (indisvalid, from a snapshot).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub invalid: bool,
}
