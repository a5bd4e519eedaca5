use super::format::{ms, percent};
use super::Context;
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Marks each node that spends 30% or more of the execution time by itself
    /// (exclusive time: its own time minus its children's, over all loops and
    /// workers), and points at the findings that explain it.
    ///
    /// ## Why it matters
    /// Tuning starts where the time goes. A plan of 200 nodes usually has one or two
    /// that matter; this ranks them.
    ///
    /// ## Example
    /// ```text
    /// Sort  (actual time=812.0..944.1 rows=1000000 loops=1)   -- 71% of execution time
    /// ```
    ///
    /// ## Fix
    /// The fix is that of the finding it points at (a spill, a missing index, a
    /// misestimate). Without one, the node is doing work the query asked for: fetch
    /// fewer rows or columns, or precompute.
    id: "slow-node",
    category: Plan,
    severity: Info,
    summary: "A node takes 30% or more of execution time by itself",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Share of execution time a node spends by itself (excluding its children).
    pub min_exclusive_share: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_exclusive_share: 0.30 }
    }
}

/// Runs last in the rule table: it reads the findings of the rules before it.
pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    let mut found = Vec::new();
    for plan in &ctx.plans {
        for (id, node, m) in plan.nodes() {
            let (Some(share), Some(time)) = (m.exclusive_share, m.exclusive_ms) else { continue };
            if share < t.min_exclusive_share {
                continue;
            }
            let explained: Vec<&str> = out
                .iter()
                .filter(|f| f.location.input == plan.input && f.location.plan == Some(plan.index) && f.location.node == Some(id))
                .map(|f| f.rule)
                .collect();
            let label = node.label();
            let mut f = Finding::new(
                &META,
                format!("{label} takes {} of execution time", percent(share)),
                format!("{label} spends {} by itself, {} of the query's execution time.", ms(time), percent(share)),
            )
            .location(plan.location(id))
            .evidence("Exclusive time", ms(time))
            .evidence("Share of execution time", percent(share));
            if let Some(total) = plan.metrics.total_ms {
                f = f.evidence("Execution Time", ms(total));
            }
            f = f.impact(Impact {
                text: format!("This is where the time goes: removing this node's work saves up to {}.", ms(time)),
                time_share: Some(share),
                time_ms: Some(time),
                rows: None,
            });
            f = if explained.is_empty() {
                f.fix(None, "No rule explains this node: it is doing the work the query asks for. Fetch fewer rows or columns, filter earlier, or precompute (a materialized view, a summary table).")
            } else {
                f.fix(None, format!("See the finding(s) on this node: {}.", explained.join(", ")))
            };
            found.push(f.risk("None until a change is made.").rollback(None, "Nothing to undo."));
        }
    }
    out.extend(found);
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn marks_the_hot_node_and_points_at_its_cause() {
        let findings = findings_for_fixture("tests/scenarios/seq-scan-orders-status.json", super::META.id);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].fix.text.contains("seq-scan-selective-filter"));
        insta::assert_snapshot!(render(&findings[0]));
    }
}
