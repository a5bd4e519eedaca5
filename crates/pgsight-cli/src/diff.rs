//! `pgsight diff BEFORE AFTER`: two plans of one query, before and after a fix.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use pgsight_core::diff::markdown::{node_label, rows_cell};
use pgsight_core::diff::{self, describe_ms, Change, FindingChange, NodeDiff, PlanDiff};
use pgsight_core::rules::format;
use pgsight_core::share::SharedInputs;
use pgsight_core::{Input, InputKind};

use crate::{read_input, write_stdout, UsageError};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    /// The comparison as JSON (what the web app's Compare view renders).
    Json,
    /// A pull-request comment.
    Markdown,
}

pub fn run(before: &PathBuf, after: &PathBuf, format: DiffFormat) -> Result<ExitCode, UsageError> {
    let mut stdin_used = false;
    let (before_name, before_text) = read_input(before, &mut stdin_used)?;
    let (after_name, after_text) = read_input(after, &mut stdin_used)?;
    let config = crate::load_config(None)?;
    let d =
        diff::diff(&Input::new(InputKind::Plan, before_name, before_text), &Input::new(InputKind::Plan, after_name, after_text), &config)
            .map_err(|e| UsageError(e.to_string()))?;
    let out = match format {
        DiffFormat::Human => render_human(&d),
        DiffFormat::Json => d.to_json() + "\n",
        DiffFormat::Markdown => diff::markdown::render(&d),
    };
    write_stdout(&out);
    Ok(ExitCode::SUCCESS)
}

/// `diff --link`: both plans packed into a link that opens the web app's Compare view
/// (the URL fragment never reaches a server).
pub fn run_link(before: &PathBuf, after: &PathBuf, base_url: &str) -> Result<ExitCode, UsageError> {
    let mut stdin_used = false;
    let (_, plan) = read_input(before, &mut stdin_used)?;
    let (_, compare_plan) = read_input(after, &mut stdin_used)?;
    for (path, text) in [(before, &plan), (after, &compare_plan)] {
        if text.trim().is_empty() {
            return Err(UsageError(format!("{}: the plan is empty", path.display())));
        }
    }
    crate::print_link(&SharedInputs { plan, compare_plan, ..SharedInputs::default() }, base_url)
}

/// Headline, whole-plan figures, the node table, then the findings.
pub fn render_human(d: &PlanDiff) -> String {
    let mut out = format!("{}\n\n", d.headline);
    out.push_str(&format!("before: {} · after: {}\n\n", d.before.name, d.after.name));
    let rows = d.summary_rows();
    let width = rows.iter().map(|r| r.label.len()).max().unwrap_or(0);
    out.push_str(&format!("{:width$}  {:>12}  {:>12}  change\n", "", "before", "after"));
    for r in &rows {
        out.push_str(&format!("{:width$}  {:>12}  {:>12}  {}\n", r.label, r.before, r.after, r.change));
    }

    out.push_str("\nNodes (self time; rows over all loops)\n");
    out.push_str(&format!("{:<12} {:>10} {:>10} {:>18} {:>19}  node\n", "change", "before", "after", "Δ time", "rows"));
    for n in &d.nodes {
        let (before, after) = times(n);
        out.push_str(&format!(
            "{:<12} {:>10} {:>10} {:>18} {:>19}  {}{}\n",
            n.change.as_str(),
            before,
            after,
            n.time_ms.map(|t| describe_ms(&t)).unwrap_or_else(|| "-".to_owned()),
            rows_cell(n),
            "  ".repeat(n.depth),
            node_label(n)
        ));
    }

    out.push_str("\nFindings\n");
    let lists = [("resolved", &d.findings.resolved), ("new", &d.findings.new), ("remaining", &d.findings.remaining)];
    for (status, list) in lists {
        for f in list.iter() {
            out.push_str(&format!("  {status:<9} {}\n", finding_line(f)));
        }
    }
    out.push_str(&format!(
        "{} resolved, {} new, {} remaining\n",
        d.findings.resolved.len(),
        d.findings.new.len(),
        d.findings.remaining.len()
    ));
    for note in &d.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    out
}

/// Self time on each side, `-` where the node is missing or has no timing.
fn times(n: &NodeDiff) -> (String, String) {
    let t = |side: &Option<diff::NodeSide>| side.as_ref().and_then(|s| s.figures.time_ms).map(format::ms).unwrap_or_else(|| "-".to_owned());
    match n.change {
        Change::Added => ("-".to_owned(), t(&n.after)),
        Change::Removed => (t(&n.before), "-".to_owned()),
        _ => (t(&n.before), t(&n.after)),
    }
}

fn finding_line(f: &FindingChange) -> String {
    let at = f.after.as_ref().or(f.before.as_ref()).and_then(|s| s.node_label.as_deref()).unwrap_or("plan");
    format!("{:<7} [{}] {} (at: {at})", f.severity.as_str(), f.rule, f.title)
}
