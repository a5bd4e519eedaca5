use super::format::{count, ms, percent};
use super::Context;
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Fires when planning took at least as long as execution and at least 10 ms.
    ///
    /// ## Why it matters
    /// A query that is planned on every call pays this time again and again. Planning
    /// grows with the number of joined tables and partitions, and with statistics
    /// targets: a query over hundreds of partitions can spend more time being planned
    /// than being run.
    ///
    /// ## Example
    /// ```text
    /// Planning Time: 48.211 ms
    /// Execution Time: 0.912 ms
    /// ```
    ///
    /// ## Fix
    /// Plan once and reuse: prepared statements (most drivers do this for you), with
    /// `plan_cache_mode` left at `auto` or set to `force_generic_plan` when generic
    /// plans are good. Reduce the partitions the planner must consider.
    id: "high-planning-time",
    category: Plan,
    severity: Warning,
    summary: "Planning takes longer than execution",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Planning time (ms) below which it is not reported even if longer than execution.
    pub min_planning_ms: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_planning_ms: 10.0 }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        let doc = &plan.doc;
        let (Some(planning), Some(execution)) = (doc.fields.planning_time, doc.execution_time()) else {
            continue;
        };
        if planning < t.min_planning_ms || planning < execution {
            continue;
        }
        let total = planning + execution;
        let share = planning / total;
        let scanned_relations = doc.plan.nodes.iter().filter(|n| n.fields.relation_name.is_some()).count();
        let mut f = Finding::new(
            &META,
            format!("Planning ({}) takes longer than execution ({})", ms(planning), ms(execution)),
            format!(
                "PostgreSQL spent {} choosing this plan and {} running it: {} of the total is planning.",
                ms(planning),
                ms(execution),
                percent(share)
            ),
        )
        .location(plan.document_location())
        .evidence("Planning Time", ms(planning))
        .evidence("Execution Time", ms(execution))
        .evidence("Relations scanned", count(scanned_relations as f64));
        if let Some(hit) = doc.fields.planning.as_ref().and_then(|p| p.get("Shared Hit Blocks")).and_then(|v| v.as_f64()) {
            f = f.evidence("Planning shared hit blocks", count(hit));
        }
        out.push(
            f.impact(Impact {
                text: format!("A prepared statement that reuses its plan saves up to {} per call.", ms(planning)),
                time_share: Some(share),
                time_ms: Some(planning),
                rows: None,
            })
            .fix(
                Some("SET plan_cache_mode = force_generic_plan;".to_owned()),
                "Run the query as a prepared statement (PREPARE / the driver's prepared statements) so it is planned once; \
                 if the generic plan is as good as the custom ones, force it for this session. With many partitions, \
                 make sure the WHERE clause lets the planner prune them, or use fewer, larger partitions.",
            )
            .risk("A generic plan ignores the actual parameter values: with skewed data it can pick a plan that is bad for some values. Compare EXPLAIN EXECUTE for typical and rare values.")
            .rollback(Some("RESET plan_cache_mode;".to_owned()), "Returns to choosing custom or generic plans automatically."),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn fires_when_planning_dominates() {
        let findings = findings_for_fixture("tests/scenarios/high-planning-time-many-partitions.json", super::META.id);
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn quiet_on_normal_plans() {
        assert!(findings_for_fixture("tests/scenarios/seq-scan-orders-status.json", super::META.id).is_empty());
    }
}
