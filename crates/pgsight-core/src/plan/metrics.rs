//! Derived figures per plan node: exclusive time, share of the total, misestimate,
//! exclusive buffers and rows removed.
//!
//! PostgreSQL reports per-loop averages (`Actual Total Time`, `Actual Rows`, `Rows
//! Removed by Filter`), inclusive of children. Everything here is converted to totals
//! over all loops first, divided by the number of processes for nodes that ran in
//! parallel workers, and only then compared or subtracted.

use super::model::{NodeId, PlanDocument, PlanNode};

/// Which way the planner was wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EstimateDirection {
    /// More rows came than planned.
    Under,
    /// Fewer rows came than planned.
    Over,
}

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Misestimate {
    /// max(actual, planned) / min(actual, planned), both per loop, zero counted as one.
    pub factor: f64,
    pub direction: EstimateDirection,
}

/// Shared, local and temp block counts of one node.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Buffers {
    pub shared_hit: f64,
    pub shared_read: f64,
    pub shared_dirtied: f64,
    pub shared_written: f64,
    pub local_hit: f64,
    pub local_read: f64,
    pub temp_read: f64,
    pub temp_written: f64,
}

impl Buffers {
    fn of(node: &PlanNode) -> Self {
        let f = &node.fields;
        let v = |x: Option<f64>| x.unwrap_or(0.0);
        Self {
            shared_hit: v(f.shared_hit_blocks),
            shared_read: v(f.shared_read_blocks),
            shared_dirtied: v(f.shared_dirtied_blocks),
            shared_written: v(f.shared_written_blocks),
            local_hit: v(f.local_hit_blocks),
            local_read: v(f.local_read_blocks),
            temp_read: v(f.temp_read_blocks),
            temp_written: v(f.temp_written_blocks),
        }
    }

    fn minus_clamped(self, other: Self) -> Self {
        let d = |a: f64, b: f64| (a - b).max(0.0);
        Self {
            shared_hit: d(self.shared_hit, other.shared_hit),
            shared_read: d(self.shared_read, other.shared_read),
            shared_dirtied: d(self.shared_dirtied, other.shared_dirtied),
            shared_written: d(self.shared_written, other.shared_written),
            local_hit: d(self.local_hit, other.local_hit),
            local_read: d(self.local_read, other.local_read),
            temp_read: d(self.temp_read, other.temp_read),
            temp_written: d(self.temp_written, other.temp_written),
        }
    }

    fn plus(self, other: Self) -> Self {
        Self {
            shared_hit: self.shared_hit + other.shared_hit,
            shared_read: self.shared_read + other.shared_read,
            shared_dirtied: self.shared_dirtied + other.shared_dirtied,
            shared_written: self.shared_written + other.shared_written,
            local_hit: self.local_hit + other.local_hit,
            local_read: self.local_read + other.local_read,
            temp_read: self.temp_read + other.temp_read,
            temp_written: self.temp_written + other.temp_written,
        }
    }

    /// Shared blocks touched (hit + read).
    pub fn shared_total(&self) -> f64 {
        self.shared_hit + self.shared_read
    }
}

/// Figures for one node. Times are in milliseconds of wall-clock time.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NodeMetrics {
    /// Time in the node and its subtree, over all loops.
    pub inclusive_ms: Option<f64>,
    /// Time in this node alone: never negative.
    pub exclusive_ms: Option<f64>,
    /// `exclusive_ms` as a share (0..=1) of the plan's execution time.
    pub exclusive_share: Option<f64>,
    /// `inclusive_ms` as a share (0..=1) of the plan's execution time.
    pub inclusive_share: Option<f64>,
    /// Rows produced over all loops.
    pub actual_rows_total: Option<f64>,
    pub misestimate: Option<Misestimate>,
    pub exclusive_buffers: Buffers,
    /// Rows removed by filter, join filter and index recheck, over all loops.
    pub rows_removed_total: f64,
    /// Processes the node ran in (1 unless under a Gather with launched workers).
    pub processes: f64,
}

/// Metrics of every node of one plan document, indexed by [`NodeId`].
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PlanMetrics {
    pub nodes: Vec<NodeMetrics>,
    /// The time shares are relative to this (execution time), when known.
    pub total_ms: Option<f64>,
}

impl PlanMetrics {
    pub fn node(&self, id: NodeId) -> &NodeMetrics {
        &self.nodes[id]
    }
}

/// True for an InitPlan that materializes a CTE: its time is charged to the CTE Scans
/// that read it, not to the node it hangs under.
fn is_cte_init_plan(node: &PlanNode) -> bool {
    node.fields.subplan_name.as_deref().is_some_and(|n| n.starts_with("CTE "))
}

/// Computes the metrics of `doc`. Children always follow their parent in the arena,
/// so one backward pass sees every child before its parent.
pub fn compute(doc: &PlanDocument) -> PlanMetrics {
    let nodes = &doc.plan.nodes;
    let mut out: Vec<NodeMetrics> = vec![NodeMetrics::default(); nodes.len()];

    // Forward pass: how many processes each node ran in. A Gather's own loops are
    // the leader's; the nodes below it run in every launched worker and the leader.
    for (id, node) in nodes.iter().enumerate() {
        out[id].processes = match node.parent {
            None => 1.0,
            Some(p) => match (nodes[p].fields.node_type.as_deref(), nodes[p].fields.workers_launched) {
                (Some("Gather" | "Gather Merge"), Some(launched)) => (launched + leader_participates(&nodes[p])).max(1.0),
                _ => out[p].processes,
            },
        };
    }

    for (id, node) in nodes.iter().enumerate() {
        let m = &mut out[id];
        let f = &node.fields;
        let loops = node.loops();
        m.inclusive_ms = f.actual_total_time.map(|t| {
            let processes = m.processes.max(1.0).min(loops.max(1.0));
            t * loops / processes
        });
        m.actual_rows_total = f.actual_rows.map(|r| r * loops);
        m.rows_removed_total = [f.rows_removed_by_filter, f.rows_removed_by_join_filter, f.rows_removed_by_index_recheck]
            .iter()
            .flatten()
            .sum::<f64>()
            * loops;
        m.misestimate = misestimate(node);
    }

    // Backward pass: subtract children (children have larger ids than their parent).
    for id in (0..nodes.len()).rev() {
        let node = &nodes[id];
        let mut child_ms = 0.0;
        let mut child_buffers = Buffers::default();
        for &child in &node.children {
            if is_cte_init_plan(&nodes[child]) {
                continue;
            }
            child_ms += out[child].inclusive_ms.unwrap_or(0.0);
            child_buffers = child_buffers.plus(Buffers::of(&nodes[child]));
        }
        if node.fields.node_type.as_deref() == Some("CTE Scan") {
            if let Some(cte) = cte_plan(doc, node) {
                child_ms += out[cte].inclusive_ms.unwrap_or(0.0);
            }
        }
        let m = &mut out[id];
        m.exclusive_ms = m.inclusive_ms.map(|t| (t - child_ms).max(0.0));
        m.exclusive_buffers = Buffers::of(node).minus_clamped(child_buffers);
    }

    let total_ms = doc.execution_time().filter(|t| *t > 0.0);
    if let Some(total) = total_ms {
        for m in &mut out {
            m.exclusive_share = m.exclusive_ms.map(|t| (t / total).min(1.0));
            m.inclusive_share = m.inclusive_ms.map(|t| (t / total).min(1.0));
        }
    }
    PlanMetrics { nodes: out, total_ms }
}

/// 1 when the Gather's leader also executes the subplan (the default), else 0.
fn leader_participates(gather: &PlanNode) -> f64 {
    match gather.extra.get("Leader Participation").and_then(|v| v.as_bool()) {
        Some(false) => 0.0,
        _ => 1.0,
    }
}

/// The InitPlan that computes the CTE a CTE Scan reads.
fn cte_plan(doc: &PlanDocument, scan: &PlanNode) -> Option<NodeId> {
    let name = format!("CTE {}", scan.fields.cte_name.as_deref()?);
    doc.plan.nodes.iter().position(|n| n.fields.subplan_name.as_deref() == Some(name.as_str()))
}

fn misestimate(node: &PlanNode) -> Option<Misestimate> {
    if !node.executed() {
        return None;
    }
    let actual = node.fields.actual_rows?;
    let planned = node.fields.plan_rows?;
    let (a, p) = (actual.max(1.0), planned.max(1.0));
    let factor = a.max(p) / a.min(p);
    let direction = if actual > planned { EstimateDirection::Under } else { EstimateDirection::Over };
    Some(Misestimate { factor, direction })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::parse;

    fn scenario(name: &str) -> PlanDocument {
        let path = format!("{}/../../tests/scenarios/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        parse(&text).expect("scenario parses").documents.remove(0)
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-6)
    }

    /// Figures computed by hand from tests/scenarios/seq-scan-orders-status.json:
    /// Gather 58.806 ms x 1 loop, 2 workers launched; Parallel Seq Scan 47.386 ms per
    /// loop x 3 loops (2 workers + leader) = 47.386 ms of wall time.
    #[test]
    fn parallel_scan_under_gather() {
        let doc = scenario("seq-scan-orders-status.json");
        let m = compute(&doc);
        let (gather, scan) = (&m.nodes[0], &m.nodes[1]);
        assert_eq!(scan.processes, 3.0);
        assert!(close(scan.inclusive_ms, 47.386));
        assert!(close(scan.exclusive_ms, 47.386));
        assert!(close(gather.exclusive_ms, 58.806 - 47.386));
        assert!(close(scan.exclusive_share, 47.386 / 58.898));
        assert!(close(scan.actual_rows_total, 999.0));
        assert_eq!(scan.rows_removed_total, 333_000.0 * 3.0);
        // Buffers are inclusive in PostgreSQL: Gather's own are 6979 - 6979.
        assert_eq!(gather.exclusive_buffers.shared_hit, 0.0);
        assert_eq!(scan.exclusive_buffers.shared_hit, 6979.0);
        let mis = scan.misestimate.expect("estimate");
        assert_eq!(mis.direction, EstimateDirection::Under);
        assert!((mis.factor - 333.0 / 145.0).abs() < 1e-9);
    }

    #[test]
    fn plans_without_analyze_have_no_times() {
        let doc = parse(r#"[{"Plan": {"Node Type": "Seq Scan", "Relation Name": "t", "Plan Rows": 10, "Total Cost": 1.5}}]"#)
            .expect("parse")
            .documents
            .remove(0);
        let m = compute(&doc);
        assert_eq!(m.nodes[0].exclusive_ms, None);
        assert_eq!(m.nodes[0].misestimate, None);
        assert_eq!(m.total_ms, None);
    }

    /// A CTE's InitPlan is charged to the CTE Scan that reads it, not to the parent:
    /// Hash Join 10 ms inclusive; CTE InitPlan 6 ms; CTE Scan 7 ms (includes the 6);
    /// Seq Scan 2 ms. Exclusive: CTE Scan 7 - 6 = 1, Hash Join 10 - 7 - 2 = 1.
    #[test]
    fn cte_time_is_not_subtracted_twice() {
        let text = r#"[{"Plan": {"Node Type": "Hash Join", "Actual Total Time": 10, "Actual Loops": 1, "Actual Rows": 1, "Plan Rows": 1, "Plans": [
            {"Node Type": "Seq Scan", "Parent Relationship": "InitPlan", "Subplan Name": "CTE c", "Actual Total Time": 6, "Actual Loops": 1, "Actual Rows": 1, "Plan Rows": 1},
            {"Node Type": "CTE Scan", "CTE Name": "c", "Parent Relationship": "Outer", "Actual Total Time": 7, "Actual Loops": 1, "Actual Rows": 1, "Plan Rows": 1},
            {"Node Type": "Seq Scan", "Parent Relationship": "Inner", "Actual Total Time": 2, "Actual Loops": 1, "Actual Rows": 1, "Plan Rows": 1}]},
            "Execution Time": 10}]"#;
        let doc = parse(text).expect("parse").documents.remove(0);
        let m = compute(&doc);
        assert!(close(m.nodes[0].exclusive_ms, 1.0));
        assert!(close(m.nodes[1].exclusive_ms, 6.0));
        assert!(close(m.nodes[2].exclusive_ms, 1.0));
        let total: f64 = m.nodes.iter().filter_map(|n| n.exclusive_ms).sum();
        assert!((total - 10.0).abs() < 1e-9, "exclusive times add up to the total");
    }
}

#[cfg(test)]
mod corpus_tests {
    use super::*;
    use crate::plan::parse;

    /// Hand-computed from PEV2 corpus plan 14 (a real plan from explain-analyze.info):
    /// - Sort 1352.373 - Nested Loop Left Join 1271.399 = 80.974 ms;
    /// - outer Nested Loop Left Join 1271.399 - inner one 1116.630 - Index Scan on
    ///   markets 0.003 x 13,988 loops (41.964) = 112.805 ms;
    /// - inner Nested Loop Left Join 1116.630 - Nested Loop 204.019 - Index Scan on
    ///   mls_updates 0.012 x 13,988 (167.856) - SubPlan Limit 0.031 x 22,035 (683.085)
    ///   = 61.67 ms.
    #[test]
    fn loops_and_subplans_on_a_real_plan() {
        let path = format!("{}/tests/fixtures/pev2-from-text/14-plan", env!("CARGO_MANIFEST_DIR"));
        let doc = parse(&std::fs::read_to_string(path).expect("fixture")).expect("parse").documents.remove(0);
        let m = compute(&doc);
        let label = |id: usize| doc.plan.nodes[id].label();
        let exclusive = |id: usize| m.nodes[id].exclusive_ms.expect("timed");
        assert_eq!(label(1), "Sort");
        assert!((exclusive(1) - 80.974).abs() < 1e-6);
        assert_eq!(label(2), "Nested Loop Left Join");
        assert!((exclusive(2) - 112.805).abs() < 1e-6);
        assert_eq!(label(3), "Nested Loop Left Join");
        assert!((exclusive(3) - 61.67).abs() < 1e-6);
        assert_eq!(label(14), "Index Scan using markets_pkey on markets m");
        assert!((m.nodes[14].inclusive_ms.expect("timed") - 41.964).abs() < 1e-6);
        // "Total runtime" (PostgreSQL < 9.4) is the execution time.
        assert_eq!(m.total_ms, Some(1352.834));
        assert!(m.nodes.iter().all(|n| n.exclusive_ms.is_some_and(|t| t >= 0.0)), "never negative");
    }
}
