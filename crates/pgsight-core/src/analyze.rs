//! The one entry point: inputs in, report out.

use crate::config::Config;
use crate::plan::{self, metrics};
use crate::report::{InputKind, InputSummary, NodeView, Note, NoteLevel, PlanView, Report};
use crate::rules::{AnalyzedPlan, Context, Rule};
#[cfg(feature = "sql")]
use crate::{
    rules::AnalyzedScript,
    sql::{self, Catalog},
};

#[cfg(feature = "sql")]
mod schema_view;

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
        if input.text.len() > config.max_input_bytes {
            summary.ok = false;
            report.notes.push(Note {
                level: NoteLevel::Error,
                message: format!(
                    "{}: the input is {}, over the input size cap of {} (max-input-mb in pgsight.toml); it was not read",
                    input.name,
                    byte_size(input.text.len()),
                    byte_size(config.max_input_bytes)
                ),
                input: index,
                line: None,
                column: None,
            });
            report.inputs.push(summary);
            continue;
        }
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
            #[cfg(feature = "sql")]
            InputKind::Schema if crate::snapshot::is_snapshot(&input.text) => {
                crate::snapshot::load(index, &input.name, &input.text, &mut ctx, &mut summary, &mut report.notes);
            }
            #[cfg(feature = "sql")]
            InputKind::Schema | InputKind::Migration | InputKind::Query => {
                // A schema goes into the catalog as it is read (its syntax trees are let go).
                let script = match input.kind {
                    InputKind::Schema => sql::parse::parse_schema_into(&input.text, ctx.catalog.get_or_insert_with(Catalog::default)),
                    _ => sql::parse_script(&input.text),
                };
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
                ctx.scripts.push(AnalyzedScript { input: index, kind: input.kind, script });
            }
            // A build without the SQL front end (the web app's plan-only worker) reads
            // plans only; SQL inputs (snapshots included) are refused, not guessed at.
            #[cfg(not(feature = "sql"))]
            InputKind::Schema | InputKind::Migration | InputKind::Query => {
                summary.ok = false;
                report.notes.push(Note {
                    level: NoteLevel::Error,
                    message: format!("{}: this build of pgsight reads EXPLAIN plans only (built without the `sql` feature)", input.name),
                    input: index,
                    line: None,
                    column: None,
                });
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
    // Which table each schema finding is about, while findings about a snapshot still
    // have their positions.
    #[cfg(feature = "sql")]
    schema_view::mark_tables(&ctx, &mut report.findings);
    crate::snapshot::finish(&ctx, &mut report.findings);
    merge_same_facts(&mut report.findings, &ctx);
    for finding in &mut report.findings {
        finding.inputs.push(finding.location.input);
        finding.inputs.sort_unstable();
        finding.inputs.dedup();
    }
    report.plans = ctx.plans.iter().map(plan_view).collect();
    #[cfg(feature = "sql")]
    {
        (report.migration, report.rollback_plan) = crate::migration::report::parts(&ctx);
    }
    report.sort();
    #[cfg(feature = "sql")]
    {
        report.schema = schema_view::tables(&ctx, &report.findings);
    }
    for finding in &mut report.findings {
        finding.subject = None;
    }
    report
}

// ---------------------------------------------------------------------------------
// Findings of several rules (or of one rule on the plan and on the query) about the
// same fact become one.

/// How two findings' columns must relate to be about the same fact.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Columns {
    /// The same columns, in any order.
    Same,
    /// The merged finding's columns lead the kept one's: the index the kept finding
    /// proposes also serves what the merged one asks for.
    Lead,
}

/// One merge: findings of `merged` about the same table and columns as a finding of
/// `kept` (or about the same plan node) are folded into it. `append` keeps the
/// merged diagnosis, when it adds a fact (the foreign key) rather than repeating one.
struct Merge {
    kept: &'static str,
    merged: &'static str,
    columns: Columns,
    append: bool,
}

const MERGES: &[Merge] = &[
    // Why an existing index was not used explains the scans that proposed one.
    Merge { kept: "index-not-used", merged: "non-sargable-predicate", columns: Columns::Same, append: false },
    Merge { kept: "index-not-used", merged: "seq-scan-selective-filter", columns: Columns::Same, append: false },
    Merge { kept: "index-not-used", merged: "index-scan-filter", columns: Columns::Same, append: false },
    // The same condition read from the plan and from the query.
    Merge { kept: "non-sargable-predicate", merged: "non-sargable-predicate", columns: Columns::Same, append: false },
    Merge { kept: "leading-wildcard-like", merged: "leading-wildcard-like", columns: Columns::Same, append: false },
    // The index a plan needs on a foreign key's columns is the one the schema lacks.
    Merge { kept: "seq-scan-selective-filter", merged: "fk-missing-index", columns: Columns::Lead, append: true },
    Merge { kept: "index-scan-filter", merged: "fk-missing-index", columns: Columns::Lead, append: true },
    Merge { kept: "nested-loop-many-loops", merged: "fk-missing-index", columns: Columns::Lead, append: true },
    Merge { kept: "trigger-time", merged: "fk-missing-index", columns: Columns::Same, append: true },
];

/// Folds findings about the same fact into one, per [`MERGES`]: the strongest
/// severity, the kept finding's fix (or the merged one's when only it has SQL), the
/// merged evidence added, and the merged rule ids in `also`.
fn merge_same_facts(findings: &mut Vec<crate::Finding>, ctx: &Context) {
    let table_key = |table: &str| match crate::rules::catalog_check::table(ctx, table) {
        Some(t) => crate::rules::catalog_check::table_key(t),
        None if table.contains('.') => table.to_owned(),
        None => format!("{}.{table}", crate::sql::names::DEFAULT_SCHEMA),
    };
    let mut gone = vec![false; findings.len()];
    // Each rule's findings, by index in ascending order: a big plan has thousands of
    // findings, and most merges have no finding on one side.
    let of_rule = |findings: &[crate::Finding], rule: &str| -> Vec<usize> {
        (0..findings.len()).filter(|&i| findings[i].rule == rule).collect()
    };
    for merge in MERGES {
        let merged_side = of_rule(findings, merge.merged);
        if merged_side.is_empty() {
            continue;
        }
        for k in of_rule(findings, merge.kept) {
            if gone[k] {
                continue;
            }
            for &m in &merged_side {
                if m == k || gone[m] {
                    continue;
                }
                let (kept, merged) = (&findings[k], &findings[m]);
                if merge.kept == merge.merged && (kept.location.node.is_none() || merged.location.node.is_some()) {
                    // One rule on two inputs: the plan's finding is kept, the query's merged.
                    continue;
                }
                if !same_fact(kept, merged, merge.columns, &table_key) {
                    continue;
                }
                let merged = findings[m].clone();
                fold(&mut findings[k], merged, merge.append);
                gone[m] = true;
            }
        }
    }
    let mut index = 0;
    findings.retain(|_| {
        index += 1;
        !gone[index - 1]
    });
}

fn same_fact(kept: &crate::Finding, merged: &crate::Finding, columns: Columns, table_key: &impl Fn(&str) -> String) -> bool {
    let (a, b) = (&kept.location, &merged.location);
    if a.node.is_some() && b.node.is_some() {
        // Two plan findings: the same node of the same plan.
        return (a.input, a.plan, a.node) == (b.input, b.plan, b.node);
    }
    let (Some(x), Some(y)) = (&kept.subject, &merged.subject) else { return false };
    if x.columns.is_empty() || y.columns.is_empty() || table_key(&x.table) != table_key(&y.table) {
        return false;
    }
    let set = |c: &[String]| c.iter().cloned().collect::<std::collections::BTreeSet<String>>();
    match columns {
        Columns::Same => set(&x.columns) == set(&y.columns),
        Columns::Lead => x.columns.len() >= y.columns.len() && set(&x.columns[..y.columns.len()]) == set(&y.columns),
    }
}

fn fold(kept: &mut crate::Finding, merged: crate::Finding, append: bool) {
    kept.severity = kept.severity.max(merged.severity);
    for rule in std::iter::once(merged.rule.to_owned()).chain(merged.also) {
        if rule != kept.rule && !kept.also.contains(&rule) {
            kept.also.push(rule);
        }
    }
    for e in merged.evidence {
        // The same figure under another name (`Time in node`, `Time in scan`) is not repeated.
        if !kept.evidence.iter().any(|k| k.value == e.value) {
            kept.evidence.push(e);
        }
    }
    if append {
        kept.message = format!("{} {}", kept.message, merged.message);
        if kept.fix.sql.is_some() {
            kept.fix.text = format!("{} The same index settles {}: {}.", kept.fix.text, merged.rule, merged.title);
        }
    }
    // A fix with SQL replaces one without when it is the same advice made exact (the
    // query's rewritten statement) or the merged fact's own fix.
    let exact = append || kept.rule == merged.rule || merged.category == crate::rules::Category::Query;
    if kept.fix.sql.is_none() && merged.fix.sql.is_some() && exact {
        (kept.fix, kept.risk, kept.rollback) = (merged.fix, merged.risk, merged.rollback);
    }
    if kept.impact.time_share.is_none() {
        kept.impact.time_share = merged.impact.time_share;
        kept.impact.time_ms = merged.impact.time_ms;
    }
    kept.inputs.extend(merged.inputs);
    kept.inputs.push(merged.location.input);
}

/// `70.5 MiB (73924198 bytes)`, `64 MiB`, or `900 bytes`.
fn byte_size(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    if bytes < MIB {
        format!("{bytes} bytes")
    } else if bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{:.1} MiB ({bytes} bytes)", bytes as f64 / MIB as f64)
    }
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
            let keys = [("Sort Key", &f.sort_key), ("Group Key", &f.group_key)];
            // Plans can have 100,000 nodes: room for exactly this node's details, made once.
            let count = conditions.iter().filter(|(_, v)| v.is_some()).count()
                + keys.iter().filter(|(_, v)| v.is_some()).count()
                + usize::from(m.rows_removed_total > 0.0);
            let mut details: Vec<(String, String)> = Vec::with_capacity(count);
            details.extend(conditions.iter().filter_map(|(k, v)| Some((k.to_string(), v.as_ref()?.clone()))));
            for (k, v) in keys {
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

#[cfg(all(test, feature = "sql"))]
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
