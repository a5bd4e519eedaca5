use super::format::{count, ms, percent};
use super::Context;
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Compares the time spent compiling the query with LLVM (`JIT` → `Timing` →
    /// `Total`) with the execution time, and fires when JIT takes 10% or more.
    ///
    /// ## Why it matters
    /// JIT compilation pays off for long analytical queries. For short queries the
    /// compile time (often 50 to 500 ms with inlining and optimization) can be larger
    /// than the work it speeds up. It kicks in on cost estimates, so a misestimated
    /// OLTP query can pay it on every call.
    ///
    /// ## Example
    /// ```text
    /// JIT:
    ///   Functions: 12
    ///   Timing: Generation 1.2 ms, Inlining 48.0 ms, Optimization 92.3 ms, Emission 60.1 ms, Total 201.6 ms
    /// Execution Time: 230.4 ms
    /// ```
    ///
    /// ## Fix
    /// Raise `jit_above_cost` above this query's cost so JIT is kept for big queries,
    /// or turn JIT off for the role or session that runs this workload.
    id: "jit-overhead",
    category: Plan,
    severity: Warning,
    summary: "JIT compilation takes a large share of execution time",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// JIT time as a share of execution time.
    pub min_share: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_share: 0.10 }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        let doc = &plan.doc;
        let (Some(jit_ms), Some(exec_ms)) = (doc.jit_number(&["Timing", "Total"]), doc.execution_time()) else {
            continue;
        };
        if exec_ms <= 0.0 || jit_ms / exec_ms < t.min_share {
            continue;
        }
        let share = (jit_ms / exec_ms).min(1.0);
        let cost = doc.plan.root().and_then(|r| r.fields.total_cost).unwrap_or(0.0);
        // Ten times the query's cost keeps this query (and its like) below the threshold.
        let new_threshold = ((cost * 10.0).max(500_000.0) / 100_000.0).ceil() * 100_000.0;
        let mut f = Finding::new(
            &META,
            format!("JIT compilation takes {} of execution time", percent(share)),
            format!("PostgreSQL spent {} compiling this query with JIT, out of {} of execution time.", ms(jit_ms), ms(exec_ms)),
        )
        .location(plan.document_location())
        .evidence("JIT Timing Total", ms(jit_ms))
        .evidence("Execution Time", ms(exec_ms));
        if let Some(functions) = doc.jit_number(&["Functions"]) {
            f = f.evidence("JIT Functions", count(functions));
        }
        for phase in ["Generation", "Inlining", "Optimization", "Emission"] {
            if let Some(t) = doc.jit_number(&["Timing", phase]) {
                f = f.evidence(format!("JIT {phase}"), ms(t));
            }
        }
        if cost > 0.0 {
            f = f.evidence("Plan total cost", count(cost));
        }
        out.push(
            f.impact(Impact {
                text: format!("Without JIT this query would save about {} per execution ({}).", ms(jit_ms), percent(share)),
                time_share: Some(share),
                time_ms: Some(jit_ms),
                rows: None,
            })
            .fix(
                Some(format!("SET jit_above_cost = {};", count(new_threshold).replace(',', ""))),
                format!(
                    "Raise jit_above_cost above this query's cost ({}) so JIT stays for larger queries; set it for the role that runs \
                     this workload (ALTER ROLE ... SET), or use SET jit = off for short OLTP queries.",
                    count(cost)
                ),
            )
            .risk("Queries whose cost is below the new threshold lose JIT. Long analytical queries near that cost may run slower: compare their timings.")
            .rollback(Some("RESET jit_above_cost;".to_owned()), "Returns to the configured threshold."),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn fires_when_jit_dominates() {
        let findings = findings_for_fixture("tests/scenarios/jit-overhead-forced.json", super::META.id);
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn quiet_without_jit() {
        assert!(findings_for_fixture("tests/scenarios/clean-pk-lookup.json", super::META.id).is_empty());
    }
}
