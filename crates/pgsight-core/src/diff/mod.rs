//! Two plans of one query, before and after a fix: what changed, node by node, and
//! which findings the fix resolved.
//!
//! [`diff`] reads both plans (JSON or text, mixed), runs the rules on each, matches their
//! nodes ([`matching`]) and returns a [`PlanDiff`]: whole-plan and per-node deltas,
//! findings resolved, new and remaining, and a headline a person can paste into a
//! ticket. The CLI and the web app's Compare view only render it.

pub mod markdown;
pub mod matching;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use matching::{match_plans, Change, Matching};

use crate::plan::metrics::{self, NodeMetrics, PlanMetrics};
use crate::plan::{self, NodeId, PlanDocument, PlanError, PlanFormat, PlanNode};
use crate::report::{Finding, InputKind, PlanView, Severity};
use crate::rules::format;
use crate::{analyze, Config, Input};

/// A value before and after, and how it changed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    pub before: f64,
    pub after: f64,
    /// `after - before`.
    pub change: f64,
    /// The change in % of `before`; `None` when `before` is 0 and `after` is not.
    pub percent: Option<f64>,
}

impl Delta {
    pub fn new(before: f64, after: f64) -> Self {
        let change = after - before;
        let percent = if before != 0.0 {
            Some(change / before.abs() * 100.0)
        } else if after == 0.0 {
            Some(0.0)
        } else {
            None
        };
        Self { before, after, change, percent }
    }

    fn of(before: Option<f64>, after: Option<f64>) -> Option<Self> {
        Some(Self::new(before?, after?))
    }
}

/// The figures of one node, as compared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct NodeFigures {
    /// Time in this node alone, over all loops.
    pub time_ms: Option<f64>,
    /// Time in the node and its subtree, over all loops.
    pub inclusive_ms: Option<f64>,
    /// Rows produced over all loops.
    pub rows: Option<f64>,
    pub loops: Option<f64>,
    /// Shared blocks hit and read by this node alone.
    pub shared_blocks: f64,
    /// Temporary blocks read and written by this node alone.
    pub temp_blocks: f64,
    /// Misestimate factor (1 = right).
    pub misestimate: Option<f64>,
    pub total_cost: Option<f64>,
}

impl NodeFigures {
    fn of(node: &PlanNode, m: &NodeMetrics) -> Self {
        let b = m.exclusive_buffers;
        Self {
            time_ms: m.exclusive_ms,
            inclusive_ms: m.inclusive_ms,
            rows: m.actual_rows_total,
            loops: node.fields.actual_loops,
            shared_blocks: b.shared_total(),
            temp_blocks: b.temp_read + b.temp_written,
            misestimate: m.misestimate.map(|e| e.factor),
            total_cost: node.fields.total_cost,
        }
    }
}

/// One node of one side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeSide {
    /// Node id in that side's plan (and [`DiffSide::plan`]).
    pub id: NodeId,
    pub label: String,
    /// `InitPlan 1`, `SubPlan 2`, `CTE x`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subplan: Option<String>,
    pub figures: NodeFigures,
}

/// One row of the comparison: a matched pair, or a node only one side has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeDiff {
    pub change: Change,
    pub before: Option<NodeSide>,
    pub after: Option<NodeSide>,
    /// Indentation in the merged tree (after plan's shape, removed nodes where they were).
    pub depth: usize,
    /// Deltas, for matched pairs.
    pub time_ms: Option<Delta>,
    pub inclusive_ms: Option<Delta>,
    pub rows: Option<Delta>,
    pub loops: Option<Delta>,
    pub shared_blocks: Option<Delta>,
    pub temp_blocks: Option<Delta>,
    pub misestimate: Option<Delta>,
}

/// Whole-plan changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanDelta {
    pub execution_ms: Option<Delta>,
    pub planning_ms: Option<Delta>,
    /// The root's estimated total cost.
    pub total_cost: Option<Delta>,
    /// Rows the root returned.
    pub rows: Option<Delta>,
    /// Node executions: loops summed over all nodes.
    pub loops: Option<Delta>,
    /// Shared blocks hit and read, over all nodes.
    pub shared_blocks: Delta,
    /// Shared blocks read (not found in shared buffers), over all nodes.
    pub shared_read_blocks: Delta,
    /// Temporary blocks read and written (spills), over all nodes.
    pub temp_blocks: Delta,
    /// The worst misestimate factor of any node.
    pub worst_misestimate: Option<Delta>,
    pub nodes: Delta,
}

/// Where a finding of one side points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingSite {
    /// Index into that side's [`DiffSide::findings`].
    pub finding: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<NodeId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_label: Option<String>,
}

/// One finding compared: resolved (before only), new (after only) or remaining (both).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingChange {
    pub rule: String,
    pub severity: Severity,
    pub title: String,
    pub before: Option<FindingSite>,
    pub after: Option<FindingSite>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FindingsDiff {
    pub resolved: Vec<FindingChange>,
    pub new: Vec<FindingChange>,
    pub remaining: Vec<FindingChange>,
}

/// One of the two plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffSide {
    pub name: String,
    pub format: PlanFormat,
    /// Plans in the input; the first one is compared.
    pub plans: usize,
    pub execution_ms: Option<f64>,
    pub planning_ms: Option<f64>,
    /// The compared plan, flattened for display.
    pub plan: PlanView,
    /// The findings on the compared plan, ranked.
    pub findings: Vec<Finding>,
}

/// Everything `pgsight diff` and the Compare view show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanDiff {
    /// One sentence for a ticket: `Execution 1,342 ms → 41.0 ms (−97%): Seq Scan on orders
    /// replaced by Index Scan using orders_customer_id_idx; sort-spill resolved`.
    pub headline: String,
    pub before: DiffSide,
    pub after: DiffSide,
    pub totals: PlanDelta,
    /// Every node of both plans once, in the after plan's pre-order, removed nodes
    /// under the matched node they hung from.
    pub nodes: Vec<NodeDiff>,
    pub findings: FindingsDiff,
    /// Things to know: plans skipped, inputs without ANALYZE data.
    pub notes: Vec<String>,
}

impl PlanDiff {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// Rows whose node is matched, with its change.
    pub fn matched(&self) -> impl Iterator<Item = &NodeDiff> {
        self.nodes.iter().filter(|n| n.before.is_some() && n.after.is_some())
    }
}

/// One line of the whole-plan table, formatted: `Execution time | 74.3 ms | 23.0 ms | −51.3 ms (−69%)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    pub label: &'static str,
    pub before: String,
    pub after: String,
    pub change: String,
}

impl PlanDiff {
    /// The whole-plan figures as the CLI and the Markdown show them; rows without data
    /// on both sides are left out.
    pub fn summary_rows(&self) -> Vec<SummaryRow> {
        let t = &self.totals;
        let ms_row = |label, d: &Option<Delta>| {
            d.map(|d| SummaryRow { label, before: format::ms(d.before), after: format::ms(d.after), change: describe_ms(&d) })
        };
        let count_row = |label, d: Option<Delta>| {
            d.map(|d| SummaryRow { label, before: format::count(d.before), after: format::count(d.after), change: describe_count(&d) })
        };
        let cost_row = |label, d: &Option<Delta>| {
            d.map(|d| SummaryRow {
                label,
                before: cost(d.before),
                after: cost(d.after),
                change: describe_count(&Delta::new(d.before.round(), d.after.round())),
            })
        };
        let factor_row = |label, d: &Option<Delta>| {
            d.map(|d| SummaryRow { label, before: factor(d.before), after: factor(d.after), change: describe_factor(&d) })
        };
        let timed = t.execution_ms.is_some();
        [
            ms_row("Execution time", &t.execution_ms),
            ms_row("Planning time", &t.planning_ms),
            cost_row("Estimated cost", &t.total_cost),
            count_row("Rows returned", t.rows),
            count_row("Node executions (loops)", t.loops),
            count_row("Shared blocks (hit + read)", Some(t.shared_blocks).filter(|_| timed)),
            count_row("Shared blocks read", Some(t.shared_read_blocks).filter(|_| timed)),
            count_row("Temp blocks (read + written)", Some(t.temp_blocks).filter(|_| timed)),
            factor_row("Worst misestimate", &t.worst_misestimate),
            count_row("Nodes", Some(t.nodes)),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// `−51.3 ms (−69%)`, `+2.0 ms (+12%)`, `±0 ms`.
pub fn describe_ms(d: &Delta) -> String {
    if d.change == 0.0 {
        return "±0 ms".to_owned();
    }
    let sign = if d.change < 0.0 { "−" } else { "+" };
    format!("{sign}{} ({})", format::ms(d.change.abs()), signed_percent(d))
}

/// `−1,000 (−50%)`, `+3 (+300%)`, `±0`.
pub fn describe_count(d: &Delta) -> String {
    if d.change == 0.0 {
        return "±0".to_owned();
    }
    let sign = if d.change < 0.0 { "−" } else { "+" };
    format!("{sign}{} ({})", format::count(d.change.abs()), signed_percent(d))
}

/// How a misestimate factor changed: `50,000x better`, `2.1x worse`, `±0` within 5%.
pub fn describe_factor(d: &Delta) -> String {
    let ratio = d.before.max(1.0) / d.after.max(1.0);
    if ratio >= 1.05 {
        format!("{} better", factor(ratio))
    } else if ratio <= 1.0 / 1.05 {
        format!("{} worse", factor(1.0 / ratio))
    } else {
        "±0".to_owned()
    }
}

/// An estimated cost: whole from 100 on (`20,608`), else with two decimals (`1.93`).
pub fn cost(x: f64) -> String {
    format::count(if x.abs() >= 100.0 { x.round() } else { x })
}

/// A misestimate factor: `1x` when right, `50,000x`.
pub fn factor(x: f64) -> String {
    if x < 10.0 {
        format!("{}x", format::count((x * 10.0).round() / 10.0))
    } else {
        format::factor(x)
    }
}

/// Which plan an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffSideName {
    Before,
    After,
}

/// A plan that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffError {
    pub side: DiffSideName,
    /// The input's name.
    pub name: String,
    pub error: PlanError,
}

impl std::fmt::Display for DiffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.name, self.error)
    }
}

impl std::error::Error for DiffError {}

/// Compares two plan texts named `before` and `after`.
pub fn diff_plans(before: &str, after: &str, config: &Config) -> Result<PlanDiff, DiffError> {
    diff(&Input::new(InputKind::Plan, "before", before), &Input::new(InputKind::Plan, "after", after), config)
}

/// Compares two plan inputs (their `kind` is not read: both are plans). Only the first plan
/// of each input is compared.
pub fn diff(before: &Input, after: &Input, config: &Config) -> Result<PlanDiff, DiffError> {
    let b = Prepared::new(before, DiffSideName::Before, config)?;
    let a = Prepared::new(after, DiffSideName::After, config)?;
    let matching = match_plans(&b.doc.plan, &a.doc.plan);
    let mut notes = Vec::new();
    for side in [&b, &a] {
        if side.side.plans > 1 {
            notes.push(format!("{} holds {} plans: only the first is compared", side.side.name, side.side.plans));
        }
        if !side.doc.has_analyze() {
            notes.push(format!("{} has no ANALYZE data: times and actual rows are unknown, costs are compared", side.side.name));
        }
    }
    let nodes = node_rows(&b, &a, &matching);
    let totals = totals(&b, &a);
    let findings = compare_findings(&b.side.findings, &a.side.findings, &matching);
    let headline = headline(&b, &a, &matching, &totals, &nodes, &findings);
    Ok(PlanDiff { headline, before: b.side, after: a.side, totals, nodes, findings, notes })
}

/// One side, read and analyzed.
struct Prepared {
    doc: PlanDocument,
    metrics: PlanMetrics,
    side: DiffSide,
}

impl Prepared {
    fn new(input: &Input, which: DiffSideName, config: &Config) -> Result<Self, DiffError> {
        let fail = |error: PlanError| DiffError { side: which, name: input.name.clone(), error };
        let parsed = plan::parse(&input.text).map_err(fail)?;
        let plans = parsed.documents.len();
        let doc = parsed.documents.into_iter().next().ok_or_else(|| fail(PlanError::new("the input holds no plan")))?;
        let metrics = metrics::compute(&doc);
        let input = Input::new(InputKind::Plan, input.name.clone(), input.text.clone());
        let mut report = analyze(std::slice::from_ref(&input), config);
        let findings: Vec<Finding> = report.findings.into_iter().filter(|f| f.location.plan.unwrap_or(0) == 0).collect();
        let view = if report.plans.is_empty() { PlanView::default() } else { report.plans.swap_remove(0) };
        let side = DiffSide {
            name: input.name,
            format: parsed.format,
            plans,
            execution_ms: doc.execution_time(),
            planning_ms: doc.fields.planning_time,
            plan: view,
            findings,
        };
        Ok(Self { doc, metrics, side })
    }

    fn node_side(&self, id: NodeId) -> NodeSide {
        let node = &self.doc.plan.nodes[id];
        NodeSide {
            id,
            label: node.label(),
            subplan: node.fields.subplan_name.clone(),
            figures: NodeFigures::of(node, &self.metrics.nodes[id]),
        }
    }
}

/// The merged tree: the after plan in pre-order, each removed node right after the
/// matched node it hung from (its nearest matched ancestor), removed nodes without one first.
fn node_rows(b: &Prepared, a: &Prepared, m: &Matching) -> Vec<NodeDiff> {
    let bn = &b.doc.plan.nodes;
    // Nearest matched ancestor of every before node (parents come first in the arena).
    let mut anchor: Vec<Option<NodeId>> = vec![None; bn.len()];
    let mut removed_under: HashMap<Option<NodeId>, Vec<NodeId>> = HashMap::new();
    for id in 0..bn.len() {
        anchor[id] = bn[id].parent.and_then(|p| if m.after_of[p].is_some() { Some(p) } else { anchor[p] });
        if m.after_of[id].is_none() {
            removed_under.entry(anchor[id]).or_default().push(id);
        }
    }
    let mut rows = Vec::with_capacity(bn.len() + a.doc.plan.nodes.len());
    let push_removed = |rows: &mut Vec<NodeDiff>, under: Option<NodeId>, base: usize| {
        for &id in removed_under.get(&under).map(Vec::as_slice).unwrap_or(&[]) {
            let depth = match under {
                Some(anc) => base + bn[id].depth - bn[anc].depth,
                None => bn[id].depth,
            };
            rows.push(NodeDiff { change: Change::Removed, before: Some(b.node_side(id)), after: None, depth, ..blank() });
        }
    };
    push_removed(&mut rows, None, 0);
    for (id, node) in a.doc.plan.nodes.iter().enumerate() {
        let after = a.node_side(id);
        match m.before_of[id] {
            Some(bid) => {
                let change = m.after_of[bid].map_or(Change::Same, |(_, c)| c);
                let before = b.node_side(bid);
                let (x, y) = (&before.figures, &after.figures);
                rows.push(NodeDiff {
                    change,
                    depth: node.depth,
                    time_ms: Delta::of(x.time_ms, y.time_ms),
                    inclusive_ms: Delta::of(x.inclusive_ms, y.inclusive_ms),
                    rows: Delta::of(x.rows, y.rows),
                    loops: Delta::of(x.loops, y.loops),
                    shared_blocks: Some(Delta::new(x.shared_blocks, y.shared_blocks)),
                    temp_blocks: Some(Delta::new(x.temp_blocks, y.temp_blocks)),
                    misestimate: Delta::of(x.misestimate, y.misestimate),
                    before: Some(before),
                    after: Some(after),
                });
                push_removed(&mut rows, Some(bid), node.depth);
            }
            None => rows.push(NodeDiff { change: Change::Added, before: None, after: Some(after), depth: node.depth, ..blank() }),
        }
    }
    rows
}

fn blank() -> NodeDiff {
    NodeDiff {
        change: Change::Same,
        before: None,
        after: None,
        depth: 0,
        time_ms: None,
        inclusive_ms: None,
        rows: None,
        loops: None,
        shared_blocks: None,
        temp_blocks: None,
        misestimate: None,
    }
}

fn totals(b: &Prepared, a: &Prepared) -> PlanDelta {
    struct Sums {
        loops: Option<f64>,
        shared: f64,
        shared_read: f64,
        temp: f64,
        worst: Option<f64>,
    }
    let sums = |p: &Prepared| {
        let mut s = Sums { loops: None, shared: 0.0, shared_read: 0.0, temp: 0.0, worst: None };
        for (node, m) in p.doc.plan.nodes.iter().zip(&p.metrics.nodes) {
            if let Some(l) = node.fields.actual_loops {
                s.loops = Some(s.loops.unwrap_or(0.0) + l);
            }
            let buf = m.exclusive_buffers;
            s.shared += buf.shared_total();
            s.shared_read += buf.shared_read;
            s.temp += buf.temp_read + buf.temp_written;
            if let Some(e) = m.misestimate {
                s.worst = Some(s.worst.map_or(e.factor, |w: f64| w.max(e.factor)));
            }
        }
        s
    };
    let (x, y) = (sums(b), sums(a));
    let root_rows = |p: &Prepared| p.metrics.nodes.first().and_then(|m| m.actual_rows_total);
    let root_cost = |p: &Prepared| p.doc.plan.root().and_then(|r| r.fields.total_cost);
    PlanDelta {
        execution_ms: Delta::of(b.side.execution_ms, a.side.execution_ms),
        planning_ms: Delta::of(b.side.planning_ms, a.side.planning_ms),
        total_cost: Delta::of(root_cost(b), root_cost(a)),
        rows: Delta::of(root_rows(b), root_rows(a)),
        loops: Delta::of(x.loops, y.loops),
        shared_blocks: Delta::new(x.shared, y.shared),
        shared_read_blocks: Delta::new(x.shared_read, y.shared_read),
        temp_blocks: Delta::new(x.temp, y.temp),
        worst_misestimate: Delta::of(x.worst, y.worst),
        nodes: Delta::new(b.doc.plan.len() as f64, a.doc.plan.len() as f64),
    }
}

/// Pairs findings by rule id and matched node (or both about the whole plan).
fn compare_findings(before: &[Finding], after: &[Finding], m: &Matching) -> FindingsDiff {
    let site = |i: usize, f: &Finding| FindingSite { finding: i, node: f.location.node, node_label: f.location.node_label.clone() };
    let change = |f: &Finding, before: Option<FindingSite>, after: Option<FindingSite>| FindingChange {
        rule: f.rule.to_owned(),
        severity: f.severity,
        title: f.title.clone(),
        before,
        after,
    };
    let mut open: HashMap<(&str, Option<NodeId>), Vec<usize>> = HashMap::new();
    for (i, f) in after.iter().enumerate().rev() {
        open.entry((f.rule, f.location.node)).or_default().push(i);
    }
    let mut used = vec![false; after.len()];
    let mut out = FindingsDiff::default();
    for (i, f) in before.iter().enumerate() {
        // A finding on a removed node has nothing to remain on.
        let key = match f.location.node {
            Some(node) => m.after_of.get(node).copied().flatten().map(|(a, _)| (f.rule, Some(a))),
            None => Some((f.rule, None)),
        };
        match key.and_then(|k| open.get_mut(&k)).and_then(Vec::pop) {
            Some(j) => {
                used[j] = true;
                out.remaining.push(change(&after[j], Some(site(i, f)), Some(site(j, &after[j]))));
            }
            None => out.resolved.push(change(f, Some(site(i, f)), None)),
        }
    }
    for (j, f) in after.iter().enumerate() {
        if !used[j] {
            out.new.push(change(f, None, Some(site(j, f))));
        }
    }
    out
}

/// Rules that restate other findings or only point at the slowest node: the headline
/// leaves them out (the node and finding lists have them).
const DERIVED_RULES: &[&str] = &["slow-node"];

/// `Execution 1,342 ms → 41.0 ms (−97%): Seq Scan on orders replaced by Index Scan using
/// orders_customer_id_idx; sort-spill resolved`.
fn headline(b: &Prepared, a: &Prepared, m: &Matching, totals: &PlanDelta, nodes: &[NodeDiff], findings: &FindingsDiff) -> String {
    let mut out = match (&totals.execution_ms, &totals.total_cost) {
        (Some(t), _) => format!("Execution {} → {} ({})", format::ms(t.before), format::ms(t.after), signed_percent(t)),
        (None, Some(c)) => format!("Estimated cost {} → {} ({})", format::count(c.before), format::count(c.after), signed_percent(c)),
        (None, None) => "Plan compared".to_owned(),
    };
    let mut parts = Vec::new();
    let shape = shape_changes(b, a, m, nodes);
    if !shape.is_empty() {
        parts.push(shape.join(", "));
    }
    fn rules(list: &[FindingChange]) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for c in list {
            if !ids.contains(&c.rule.as_str()) {
                ids.push(&c.rule);
            }
        }
        ids.retain(|id| !DERIVED_RULES.contains(id));
        ids
    }
    let resolved = rules(&findings.resolved);
    if !resolved.is_empty() {
        parts.push(format!("{} resolved", and_list(&resolved)));
    }
    let new = rules(&findings.new);
    if !new.is_empty() {
        parts.push(format!("new: {}", and_list(&new)));
    }
    if parts.is_empty() {
        parts.push(if nodes.iter().all(|n| n.change == Change::Same) { "same plan".to_owned() } else { "plan reshaped".to_owned() });
    }
    out.push_str(": ");
    out.push_str(&parts.join("; "));
    out
}

/// `−97%`, `+12%`, `−3.4%`: whole percents from 10% on, never rounded to ±100% unless exact.
pub fn signed_percent(d: &Delta) -> String {
    let Some(p) = d.percent else { return "new".to_owned() };
    let magnitude = p.abs();
    let mut shown = if magnitude >= 10.0 { magnitude.round() } else { (magnitude * 10.0).round() / 10.0 };
    if shown >= 100.0 && magnitude < 100.0 {
        shown = (magnitude * 10.0).floor() / 10.0;
    }
    if shown == 0.0 {
        return "±0%".to_owned();
    }
    format!("{}{}%", if p < 0.0 { "−" } else { "+" }, format::count(shown))
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The two biggest changes of plan shape, in words: nodes replaced, and nodes added or
/// removed (the top of each added or removed part), by the time they account for.
fn shape_changes(b: &Prepared, a: &Prepared, m: &Matching, nodes: &[NodeDiff]) -> Vec<String> {
    let weight = |s: &NodeSide| s.figures.inclusive_ms.or(s.figures.total_cost).unwrap_or(0.0);
    let mut replaced: Vec<(f64, String)> = Vec::new();
    let mut added_removed: Vec<(f64, String)> = Vec::new();
    for row in nodes {
        match (&row.before, &row.after) {
            (Some(x), Some(y)) if row.change.is_reshaped() => {
                let bn = &b.doc.plan.nodes[x.id];
                let an = &a.doc.plan.nodes[y.id];
                let same_target = bn.fields.relation_name.is_some() && bn.fields.relation_name == an.fields.relation_name;
                let after_label = short_label(a, y.id, !same_target);
                replaced.push((weight(x).max(weight(y)), format!("{} replaced by {after_label}", short_label(b, x.id, true))));
            }
            (Some(x), None) if region_top(&b.doc.plan.nodes[x.id], |p| m.after_of[p].is_some()) => {
                if let Some(text) = notable(b, x.id) {
                    added_removed.push((weight(x), format!("{text} removed")));
                }
            }
            (None, Some(y)) if region_top(&a.doc.plan.nodes[y.id], |p| m.before_of[p].is_some()) => {
                if let Some(text) = notable(a, y.id) {
                    added_removed.push((weight(y), format!("{text} added")));
                }
            }
            _ => {}
        }
    }
    // The two that account for the most time; replacements read first. Stable sorts:
    // ties keep plan order.
    let mut all: Vec<(bool, f64, String)> =
        replaced.into_iter().map(|(w, t)| (true, w, t)).chain(added_removed.into_iter().map(|(w, t)| (false, w, t))).collect();
    all.sort_by(|x, y| y.1.total_cmp(&x.1));
    all.truncate(2);
    all.sort_by_key(|x| !x.0);
    all.into_iter().map(|(_, _, text)| text).collect()
}

/// True for the root of an added or removed part: its parent is matched (or it is the root).
fn region_top(node: &PlanNode, matched: impl Fn(NodeId) -> bool) -> bool {
    node.parent.is_none_or(matched)
}

/// How an added or removed node reads in the headline; `None` for nodes that only come
/// with another change (the Hash of a Hash Join, a Bitmap Index Scan under its heap scan).
fn notable(p: &Prepared, id: NodeId) -> Option<String> {
    let node = &p.doc.plan.nodes[id];
    match node.node_type() {
        "Hash" | "Bitmap Index Scan" | "Result" => None,
        _ => Some(match node.fields.subplan_name.as_deref() {
            Some(name) => format!("{name} ({})", short_label(p, id, true)),
            None => short_label(p, id, true),
        }),
    }
}

/// `Seq Scan on orders`, `Index Scan using orders_pkey` (no schema, no alias); a Bitmap
/// Heap Scan names the index of its Bitmap Index Scan.
fn short_label(p: &Prepared, id: NodeId, with_target: bool) -> String {
    let node = &p.doc.plan.nodes[id];
    let mut bare = PlanNode { fields: node.fields.clone(), ..PlanNode::default() };
    let f = &mut bare.fields;
    let (relation, index) = (f.relation_name.take(), f.index_name.take());
    f.schema = None;
    f.alias = None;
    f.cte_name = None;
    f.function_name = None;
    let mut label = bare.label();
    let index = index.or_else(|| {
        (node.node_type() == "Bitmap Heap Scan")
            .then(|| node.children.iter().find_map(|&c| p.doc.plan.nodes[c].fields.index_name.clone()))
            .flatten()
    });
    if let Some(index) = index {
        label.push_str(" using ");
        label.push_str(&index);
    }
    if with_target {
        let target = relation.or_else(|| node.fields.cte_name.clone()).or_else(|| node.fields.function_name.clone());
        if let Some(target) = target {
            label.push_str(" on ");
            label.push_str(&target);
        }
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_style() {
        assert_eq!(signed_percent(&Delta::new(1342.0, 41.0)), "−97%");
        assert_eq!(signed_percent(&Delta::new(100.0, 103.4)), "+3.4%");
        assert_eq!(signed_percent(&Delta::new(1000.0, 0.5)), "−99.9%");
        assert_eq!(signed_percent(&Delta::new(10.0, 0.0)), "−100%");
        assert_eq!(signed_percent(&Delta::new(10.0, 10.0)), "±0%");
        assert_eq!(signed_percent(&Delta::new(0.0, 1.0)), "new");
    }

    #[test]
    fn headline_in_the_ticket_style() {
        let before = r#"[{"Plan": {"Node Type": "Sort", "Actual Total Time": 1300, "Actual Loops": 1, "Actual Rows": 10, "Plan Rows": 10,
            "Sort Method": "external merge", "Sort Space Type": "Disk", "Sort Space Used": 90000, "Sort Key": ["o.amount"], "Temp Written Blocks": 11000, "Temp Read Blocks": 11000,
            "Plans": [{"Node Type": "Seq Scan", "Relation Name": "orders", "Alias": "o", "Actual Total Time": 1000, "Actual Loops": 1, "Actual Rows": 10, "Plan Rows": 10,
            "Filter": "(customer_id = 42)", "Rows Removed by Filter": 999990}]}, "Execution Time": 1342}]"#;
        let after = r#"[{"Plan": {"Node Type": "Sort", "Actual Total Time": 40, "Actual Loops": 1, "Actual Rows": 10, "Plan Rows": 10,
            "Sort Method": "quicksort", "Sort Space Type": "Memory", "Sort Space Used": 25, "Sort Key": ["o.amount"],
            "Plans": [{"Node Type": "Index Scan", "Index Name": "orders_customer_id_idx", "Relation Name": "orders", "Alias": "o",
            "Actual Total Time": 39, "Actual Loops": 1, "Actual Rows": 10, "Plan Rows": 10, "Index Cond": "(customer_id = 42)"}]}, "Execution Time": 41}]"#;
        let d = diff_plans(before, after, &Config::default()).expect("diff");
        assert!(
            d.headline.starts_with(
                "Execution 1,342 ms → 41.0 ms (−97%): Seq Scan on orders replaced by Index Scan using orders_customer_id_idx; "
            ),
            "{}",
            d.headline
        );
        assert!(d.headline.contains("sort-spill"), "{}", d.headline);
        assert!(d.findings.resolved.iter().any(|f| f.rule == "sort-spill"));
    }

    #[test]
    fn diff_survives_a_trip_through_json() {
        let plan = r#"[{"Plan": {"Node Type": "Seq Scan", "Relation Name": "t", "Actual Total Time": 2, "Actual Loops": 1, "Actual Rows": 5, "Plan Rows": 5}, "Execution Time": 2.5}]"#;
        let d = diff_plans(
            plan,
            "Seq Scan on t  (cost=0.00..1.05 rows=5 width=4) (actual time=0.010..1.000 rows=5 loops=1)\nExecution Time: 1.2 ms",
            &Config::default(),
        )
        .expect("diff");
        assert_eq!(d.before.format, PlanFormat::Json);
        assert_eq!(d.after.format, PlanFormat::Text);
        let back: PlanDiff = serde_json::from_str(&d.to_json()).expect("deserializes");
        assert_eq!(back, d);
    }

    #[test]
    fn unreadable_side_is_named() {
        let good = r#"[{"Plan": {"Node Type": "Result"}}]"#;
        let err = diff_plans(good, "   ", &Config::default()).expect_err("empty after");
        assert_eq!(err.side, DiffSideName::After);
        assert!(err.to_string().starts_with("after: "), "{err}");
    }
}
