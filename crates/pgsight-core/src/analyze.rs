//! The one entry point: inputs in, report out.

use std::collections::{HashMap, HashSet};

use crate::plan::{self, metrics};
use crate::report::{InputKind, InputSummary, Note, NoteLevel, Report, Severity};
use crate::rules::{AnalyzedPlan, Context, Rule};

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

/// Which rules run and at what severity.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub disabled: HashSet<String>,
    pub severity: HashMap<String, Severity>,
}

impl Config {
    fn enabled(&self, rule: Rule) -> bool {
        !self.disabled.contains(rule.id())
    }
}

/// Reads every input, runs every enabled rule, and returns the ranked report. One
/// unreadable input becomes a note; the others are still analyzed.
pub fn analyze(inputs: &[Input], config: &Config) -> Report {
    let mut report = Report::default();
    let mut ctx = Context::default();
    for (index, input) in inputs.iter().enumerate() {
        let mut summary = InputSummary { name: input.name.clone(), kind: input.kind, format: None, plans: 0, nodes: 0, ok: true };
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
                summary.ok = false;
                report.notes.push(Note {
                    level: NoteLevel::Warning,
                    message: format!("{}: SQL inputs are not analyzed by this version; only EXPLAIN plans are", input.name),
                    input: index,
                    line: None,
                    column: None,
                });
            }
        }
        report.inputs.push(summary);
    }
    for rule in Rule::ALL.iter().copied().filter(|r| config.enabled(*r)) {
        let start = report.findings.len();
        rule.check(&ctx, &mut report.findings);
        if let Some(severity) = config.severity.get(rule.id()) {
            for finding in &mut report.findings[start..] {
                finding.severity = *severity;
            }
        }
    }
    report.sort();
    report
}
