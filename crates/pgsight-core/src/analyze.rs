//! The one entry point: inputs in, report out.

use crate::config::Config;
use crate::plan::{self, metrics};
use crate::report::{InputKind, InputSummary, NodeView, Note, NoteLevel, PlanView, Report};
use crate::rules::{AnalyzedPlan, AnalyzedScript, Context, Rule};
use crate::sql::{self, Catalog};

/// One piece of text to analyze.
#[derive(Debug, Clone)]
pub struct Input {
    /// A file name or a label such as `stdin` or `plan`.
    pub name: String,
    pub kind: InputKind,
    pub text: String,
}

impl Input {
    pub fn new(kind: InputKind, name: impl Into<String>, text: impl Into<String>) -> Self {
        Self { name: name.into(), kind, text: text.into() }
    }
}

/// Reads every input, runs every enabled rule, and returns the ranked report. One
/// unreadable input becomes a note; the others are still analyzed.
pub fn analyze(inputs: &[Input], config: &Config) -> Report {
    let mut report = Report::default();
    let mut ctx = Context {
        thresholds: config.thresholds.clone(),
        assume_in_transaction: config.assume_in_transaction,
        ..Context::default()
    };
    for (index, input) in inputs.iter().enumerate() {
        let mut summary =
            InputSummary { name: input.name.clone(), kind: input.kind, format: None, plans: 0, nodes: 0, statements: 0, ok: true };
        match input.kind {
            InputKind::Plan => match plan::parse(&input.text) {
                Ok(parsed) => {
                    summary.format = Some(parsed.format);
                    summary.plans = parsed.documents.len();
                    for (plan_index, doc) in parsed.documents.into_iter().enumerate() {
                        summary.nodes += doc.plan.len();
                        let metrics = metrics::compute(&doc);
                        ctx.plans.push(AnalyzedPlan { input: index, index: plan_index, doc, metrics });
                    }
                }
                Err(error) => {
                    summary.ok = false;
                    report.notes.push(Note {
                        level: NoteLevel::Error,
                        message: format!("{}: {}", input.name, error.message),
                        input: index,
                        line: error.line,
                        column: error.column,
                    });
                }
            },
            InputKind::Schema | InputKind::Migration | InputKind::Query => {
                let script = sql::parse_script(&input.text);
                summary.statements = script.counts.total;
                for note in &script.notes {
                    report.notes.push(Note {
                        level: NoteLevel::Warning,
                        message: format!("{}: {}", input.name, note.message),
                        input: index,
                        line: Some(note.line),
                        column: Some(note.column),
                    });
                }
                if input.kind == InputKind::Schema {
                    let catalog = ctx.catalog.get_or_insert_with(Catalog::default);
                    for statement in &script.statements {
                        catalog.apply(statement);
                    }
                }
                ctx.scripts.push(AnalyzedScript { input: index, kind: input.kind, script });
            }
        }
        report.inputs.push(summary);
    }
    for rule in Rule::ALL.iter().copied().filter(|r| !config.disabled.contains(r.id())) {
        let start = report.findings.len();
        rule.check(&ctx, &mut report.findings);
        if let Some(severity) = config.severity.get(rule.id()) {
            for finding in &mut report.findings[start..] {
                finding.severity = *severity;
            }
        }
    }
    report.plans = ctx.plans.iter().map(plan_view).collect();
    (report.migration, report.rollback_plan) = crate::migration::report::parts(&ctx);
    report.sort();
    report
}

/// Flattens one analyzed plan for display.
fn plan_view(plan: &AnalyzedPlan) -> PlanView {
    let nodes = plan
        .nodes()
        .map(|(id, node, m)| {
            let f = &node.fields;
            let conditions = [
                ("Index Cond", &f.index_cond),
                ("Recheck Cond", &f.recheck_cond),
                ("Hash Cond", &f.hash_cond),
                ("Merge Cond", &f.merge_cond),
                ("Join Filter", &f.join_filter),
                ("Filter", &f.filter),
                ("One-Time Filter", &f.one_time_filter),
            ];
            let mut details: Vec<(String, String)> =
                conditions.iter().filter_map(|(k, v)| Some((k.to_string(), v.as_ref()?.clone()))).collect();
            for (k, v) in [("Sort Key", &f.sort_key), ("Group Key", &f.group_key)] {
                if let Some(keys) = v {
                    details.push((k.to_string(), keys.join(", ")));
                }
            }
            if m.rows_removed_total > 0.0 {
                details.push(("Rows removed (all loops)".to_owned(), crate::rules::format::count(m.rows_removed_total)));
            }
            NodeView {
                id,
                parent: node.parent,
                depth: node.depth,
                label: node.label(),
                node_type: node.node_type().to_owned(),
                subplan: f.subplan_name.clone(),
                exclusive_ms: m.exclusive_ms,
                exclusive_share: m.exclusive_share,
                inclusive_ms: m.inclusive_ms,
                actual_rows: f.actual_rows,
                plan_rows: f.plan_rows,
                loops: f.actual_loops,
                misestimate: m.misestimate,
                buffers: m.exclusive_buffers,
                never_executed: f.actual_loops == Some(0.0),
                details,
                line: node.line,
            }
        })
        .collect();
    PlanView {
        input: plan.input,
        plan: plan.index,
        planning_ms: plan.doc.fields.planning_time,
        execution_ms: plan.doc.execution_time(),
        nodes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    fn scenario(name: &str) -> Input {
        let path = format!("{}/../../tests/scenarios/{name}", env!("CARGO_MANIFEST_DIR"));
        Input::new(InputKind::Plan, name, std::fs::read_to_string(path).expect("scenario"))
    }

    #[test]
    fn report_survives_a_trip_through_json() {
        // The web app's worker sends the report to the page as JSON.
        let report = analyze(&[scenario("seq-scan-orders-status.txt")], &Config::default());
        assert!(!report.findings.is_empty() && !report.plans.is_empty());
        let back: Report = serde_json::from_str(&report.to_json()).expect("deserializes");
        assert_eq!(back, report);
    }

    #[test]
    fn plan_view_carries_the_tree_and_figures() {
        let report = analyze(&[scenario("seq-scan-orders-status.json")], &Config::default());
        let view = &report.plans[0];
        assert_eq!(view.nodes.len(), 2);
        assert_eq!(view.nodes[1].parent, Some(0));
        assert_eq!(view.nodes[1].label, "Parallel Seq Scan on public.orders");
        assert!(view.nodes[1].details.iter().any(|(k, _)| k == "Filter"));
        assert!(view.nodes[1].exclusive_share.is_some_and(|s| s > 0.5));
    }

    #[test]
    fn config_disables_and_overrides_severity() {
        let mut config = Config::default();
        config.disabled.insert("slow-node".to_owned());
        config.severity.insert("seq-scan-selective-filter".to_owned(), Severity::Error);
        let report = analyze(&[scenario("seq-scan-orders-status.json")], &config);
        assert!(report.findings.iter().all(|f| f.rule != "slow-node"));
        let seq = report.findings.iter().find(|f| f.rule == "seq-scan-selective-filter").expect("finding");
        assert_eq!(seq.severity, Severity::Error);
    }
}

#[cfg(test)]
mod config_tests {
    use super::*;

    /// Runners such as Flyway or Rails wrap each file in a transaction: with
    /// `assume-in-transaction`, CONCURRENTLY fails there even without a BEGIN.
    #[test]
    fn assume_in_transaction_reaches_the_migration_rules() {
        let migration = Input::new(InputKind::Migration, "m.sql", "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);");
        let fires = |config: &Config| {
            analyze(std::slice::from_ref(&migration), config).findings.iter().any(|f| f.rule == "concurrently-in-transaction")
        };
        assert!(!fires(&Config::default()));
        assert!(fires(&Config { assume_in_transaction: true, ..Config::default() }));
    }
}
