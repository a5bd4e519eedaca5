use super::format::count;
use super::{AnalyzedPlan, Context};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds a Gather or Gather Merge that launched fewer parallel workers than the
    /// planner counted on (`Workers Launched` < `Workers Planned`).
    ///
    /// ## Why it matters
    /// The plan was costed as if the work were split across all planned workers. When
    /// the server has no free background workers (`max_parallel_workers` or
    /// `max_worker_processes` is exhausted, or set to 0), the leader does the missing
    /// share alone and the query runs several times slower than planned.
    ///
    /// ## Example
    /// ```text
    /// Gather  (actual time=0.4..1203.5 rows=1000 loops=1)
    ///   Workers Planned: 2
    ///   Workers Launched: 0
    /// ```
    ///
    /// ## Fix
    /// Give the pool room: `max_parallel_workers` (reloadable) and, above it,
    /// `max_worker_processes` (needs a restart). If the session set
    /// `max_parallel_workers` itself, `RESET` it.
    id: "workers-not-launched",
    category: Plan,
    severity: Warning,
    summary: "A Gather launched fewer parallel workers than planned",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for plan in &ctx.plans {
        for (id, node, _) in plan.nodes() {
            if !matches!(node.node_type(), "Gather" | "Gather Merge") {
                continue;
            }
            let (Some(planned), Some(launched)) = (node.fields.workers_planned, node.fields.workers_launched) else {
                continue;
            };
            if launched < planned {
                out.push(finding(plan, id, planned, launched));
            }
        }
    }
}

fn finding(plan: &AnalyzedPlan, id: usize, planned: f64, launched: f64) -> Finding {
    let m = plan.metrics.node(id);
    let session_setting = plan.doc.settings().into_iter().find(|(k, _)| *k == "max_parallel_workers").map(|(_, v)| v.to_owned());
    let wanted = planned.max(8.0);
    let mut f = Finding::new(
        &META,
        format!("Only {} of {} planned parallel workers launched", count(launched), count(planned)),
        format!(
            "The planner split this {} across {} workers but only {} started, so the leader process did the rest alone.",
            plan.doc.plan.nodes[id].node_type(),
            count(planned),
            count(launched)
        ),
    )
    .location(plan.location(id))
    .evidence("Workers Planned", count(planned))
    .evidence("Workers Launched", count(launched));
    if let Some(value) = &session_setting {
        f = f.evidence("Setting max_parallel_workers", value.clone());
    }
    let processes_planned = planned + 1.0;
    let processes_ran = launched + 1.0;
    f = f.impact(Impact {
        text: match m.inclusive_share {
            Some(share) => format!(
                "This parallel section ran in {} process(es) instead of {}: up to {:.1}x slower than planned. It holds {} of execution time.",
                count(processes_ran),
                count(processes_planned),
                processes_planned / processes_ran,
                super::format::percent(share)
            ),
            None => format!("This parallel section ran in {} process(es) instead of {}.", count(processes_ran), count(processes_planned)),
        },
        time_share: m.inclusive_share,
        time_ms: None,
        rows: None,
    });
    match session_setting {
        Some(_) => f
            .fix(Some("RESET max_parallel_workers;".to_owned()), "The plan's Settings show max_parallel_workers was changed for this session; restore the server's value.")
            .risk("None for other sessions. More workers use more CPU and memory (work_mem per worker) for this query.")
            .rollback(None, "Set it again in the session if the limit was intended."),
        None => f
            .fix(
                Some(format!("ALTER SYSTEM SET max_parallel_workers = {};\nSELECT pg_reload_conf();", count(wanted))),
                format!(
                    "Let the pool start the workers the planner counts on. max_parallel_workers is capped by max_worker_processes, \
                     which needs a restart: check SHOW max_worker_processes is at least {} plus the workers other features use.",
                    count(wanted)
                ),
            )
            .risk("More parallel workers mean more concurrent CPU and memory use (each worker gets its own work_mem). Watch CPU saturation under peak load.")
            .rollback(Some("ALTER SYSTEM RESET max_parallel_workers;\nSELECT pg_reload_conf();".to_owned()), "Returns to the previous configuration file value."),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn fires_when_workers_are_missing() {
        let findings = findings_for_fixture("tests/scenarios/workers-not-launched-max-parallel-workers.json", super::META.id);
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn quiet_when_all_workers_start() {
        assert!(findings_for_fixture("tests/scenarios/seq-scan-orders-status.json", super::META.id).is_empty());
    }
}
