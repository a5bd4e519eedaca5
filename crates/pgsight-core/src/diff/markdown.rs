//! `pgsight diff --format markdown`: a before/after comparison for a pull-request comment.

use super::{Change, FindingChange, NodeDiff, NodeSide, PlanDiff};
use crate::render::markdown::{cell, code, text};
use crate::rules::format;

pub fn render(d: &PlanDiff) -> String {
    let mut out = String::from("## pgsight diff\n\n");
    out.push_str(&format!("**{}**\n\n", cell(&d.headline)));
    out.push_str(&format!("Before: {} · After: {}\n\n", code(&d.before.name), code(&d.after.name)));
    out.push_str("| | Before | After | Change |\n|---|---:|---:|---:|\n");
    for row in d.summary_rows() {
        out.push_str(&format!("| {} | {} | {} | {} |\n", row.label, row.before, row.after, row.change));
    }
    out.push('\n');

    out.push_str("### Nodes\n\n| Change | Node | Self time | Rows |\n|---|---|---:|---:|\n");
    for n in &d.nodes {
        out.push_str(&format!(
            "| {} | {}{} | {} | {} |\n",
            n.change.as_str(),
            "&nbsp;&nbsp;".repeat(n.depth),
            cell(&node_label(n)),
            time_cell(n),
            rows_cell(n)
        ));
    }
    out.push('\n');

    out.push_str("### Findings\n\n");
    for (title, list) in [("Resolved", &d.findings.resolved), ("New", &d.findings.new), ("Remaining", &d.findings.remaining)] {
        out.push_str(&format!("**{title}** ({})\n\n", list.len()));
        for f in list.iter() {
            out.push_str(&format!("- {}\n", finding_line(f)));
        }
        if !list.is_empty() {
            out.push('\n');
        }
    }
    for note in &d.notes {
        out.push_str(&format!("> {}\n", text(note)));
    }
    out
}

/// `Seq Scan on orders → Index Scan using i on orders`, or the one label; a subplan's
/// name comes first: `[SubPlan 1] Materialize`.
pub fn node_label(n: &NodeDiff) -> String {
    let with_subplan = |s: &NodeSide| match &s.subplan {
        Some(name) => format!("[{name}] {}", s.label),
        None => s.label.clone(),
    };
    match (&n.before, &n.after) {
        (Some(b), Some(a)) if b.label != a.label || b.subplan != a.subplan => format!("{} → {}", with_subplan(b), with_subplan(a)),
        (_, Some(a)) => with_subplan(a),
        (Some(b), None) => with_subplan(b),
        (None, None) => String::new(),
    }
}

/// Self time: `59.9 ms → 22.8 ms (−62%)` for a pair, the one side's time otherwise.
pub fn time_cell(n: &NodeDiff) -> String {
    match (&n.time_ms, n.change, &n.before, &n.after) {
        (Some(d), _, _, _) => format!("{} → {} ({})", format::ms(d.before), format::ms(d.after), super::signed_percent(d)),
        (None, Change::Removed, Some(b), _) => b.figures.time_ms.map(format::ms).unwrap_or_else(|| "-".to_owned()),
        (None, _, _, Some(a)) => a.figures.time_ms.map(format::ms).unwrap_or_else(|| "-".to_owned()),
        _ => "-".to_owned(),
    }
}

/// Rows over all loops: `999 → 1,000` for a pair, the one side's rows otherwise.
pub fn rows_cell(n: &NodeDiff) -> String {
    match (&n.rows, &n.before, &n.after) {
        (Some(d), _, _) if d.change == 0.0 => format::count(d.after),
        (Some(d), _, _) => format!("{} → {}", format::count(d.before), format::count(d.after)),
        (None, Some(b), None) => b.figures.rows.map(format::count).unwrap_or_else(|| "-".to_owned()),
        (None, _, Some(a)) => a.figures.rows.map(format::count).unwrap_or_else(|| "-".to_owned()),
        _ => "-".to_owned(),
    }
}

fn finding_line(f: &FindingChange) -> String {
    let at = f.after.as_ref().or(f.before.as_ref()).and_then(|s| s.node_label.as_deref());
    match at {
        Some(at) => format!("`{}` {} — _{}_", f.rule, cell(&f.title), cell(at)),
        None => format!("`{}` {}", f.rule, cell(&f.title)),
    }
}
