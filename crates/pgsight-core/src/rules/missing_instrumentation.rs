use super::Context;
use crate::plan::PlanDocument;
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Notices what a plan cannot tell because of how it was captured: no `ANALYZE`
    /// (estimates only), no `BUFFERS` (no I/O figures), or `TIMING OFF` (no times).
    ///
    /// ## Why it matters
    /// Most diagnoses compare what the planner expected with what happened. Without
    /// ANALYZE there are no actual rows or times; without BUFFERS there is no way to
    /// tell a cached read from a disk read; without timing no node can be ranked.
    ///
    /// ## Example
    /// ```text
    /// Seq Scan on orders  (cost=0.00..18334.00 rows=1000000 width=42)
    /// ```
    ///
    /// ## Fix
    /// Capture the plan again with every option pgsight reads:
    /// ```sql
    /// EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT JSON) SELECT ...;
    /// ```
    /// ANALYZE runs the statement: wrap data-changing statements in
    /// `BEGIN; ... ROLLBACK;`.
    id: "missing-instrumentation",
    category: Plan,
    severity: Info,
    summary: "The plan lacks ANALYZE, BUFFERS or timing data",
}

const FULL_OPTIONS: &str = "EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT JSON)";

/// What the capture left out, in the words of EXPLAIN's options.
fn missing(doc: &PlanDocument) -> Vec<&'static str> {
    let nodes = &doc.plan.nodes;
    if !doc.has_analyze() {
        return vec!["ANALYZE"];
    }
    let mut out = Vec::new();
    let executed = nodes.iter().filter(|n| n.executed());
    if executed.clone().any(|n| n.fields.actual_total_time.is_none()) {
        out.push("TIMING");
    }
    let has_buffers = nodes.iter().any(|n| {
        let f = &n.fields;
        [f.shared_hit_blocks, f.shared_read_blocks, f.local_hit_blocks, f.local_read_blocks, f.temp_read_blocks, f.temp_written_blocks]
            .iter()
            .any(Option::is_some)
    });
    if !has_buffers {
        out.push("BUFFERS");
    }
    out
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for plan in &ctx.plans {
        let lacking = missing(&plan.doc);
        if lacking.is_empty() {
            continue;
        }
        let consequence = |what: &str| match what {
            "ANALYZE" => "there are no actual rows, loops or times, so misestimates, spills and slow nodes cannot be seen",
            "TIMING" => "TIMING OFF leaves no per-node times, so nodes cannot be ranked by the time they take",
            _ => "there are no buffer counts, so cached reads cannot be told from disk reads",
        };
        let query = plan.doc.fields.query_text.as_deref().map(str::trim).filter(|q| !q.is_empty());
        let sql = match query {
            Some(q) => format!("{FULL_OPTIONS}\n{};", q.trim_end_matches(';')),
            None => FULL_OPTIONS.to_owned(),
        };
        let mut f = Finding::new(
            &META,
            format!("Plan captured without {}", lacking.join(", ")),
            format!(
                "{}: {}.",
                lacking.iter().map(|w| format!("Without {w}")).collect::<Vec<_>>().join("; "),
                lacking.iter().map(|w| consequence(w)).collect::<Vec<_>>().join("; ")
            ),
        )
        .location(plan.document_location());
        for what in &lacking {
            f = f.evidence("Missing", format!("{what} data"));
        }
        out.push(
            f.impact(Impact { text: "Several rules need these figures; with them pgsight can rank nodes by time and check estimates.".to_owned(), ..Impact::default() })
                .fix(
                    Some(sql),
                    match query {
                        Some(_) => "Run the same query again with every option pgsight reads.".to_owned(),
                        None => "Put these options in front of the same query and run it again.".to_owned(),
                    },
                )
                .risk("EXPLAIN ANALYZE executes the statement: for INSERT, UPDATE or DELETE wrap it in BEGIN; ... ROLLBACK;. TIMING adds overhead on some platforms; it does not change the plan.")
                .rollback(None, "Nothing to undo."),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn fires_on_plain_explain() {
        let findings = findings_for_fixture("tests/scenarios/missing-instrumentation-plain-explain.txt", super::META.id);
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn quiet_on_full_capture() {
        assert!(findings_for_fixture("tests/scenarios/seq-scan-orders-status.json", super::META.id).is_empty());
    }
}
