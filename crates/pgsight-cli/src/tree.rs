//! `pgsight plan`: the plan as an indented tree with its figures.

use pgsight_core::plan::metrics::{self, EstimateDirection};
use pgsight_core::plan::PlanDocument;
use pgsight_core::rules::format::{count, ms, percent};

/// One table per plan: exclusive share and time, rows actual vs planned, misestimate,
/// loops, then the node indented under its parent.
pub fn render(documents: &[PlanDocument]) -> String {
    let mut out = String::new();
    for (i, doc) in documents.iter().enumerate() {
        if documents.len() > 1 {
            out.push_str(&format!("Plan {} of {}\n", i + 1, documents.len()));
        }
        render_document(doc, &mut out);
        out.push('\n');
    }
    out
}

fn render_document(doc: &PlanDocument, out: &mut String) {
    let m = metrics::compute(doc);
    out.push_str(&format!("{:>7} {:>11} {:>11} {:>11} {:>11} {:>7}  node\n", "excl%", "excl time", "rows", "planned", "estimate", "loops"));
    for (id, node) in doc.plan.nodes.iter().enumerate() {
        let nm = &m.nodes[id];
        let cell = |v: Option<String>| v.unwrap_or_else(|| "-".to_owned());
        let estimate = nm.misestimate.filter(|e| e.factor >= 1.5).map(|e| {
            let arrow = match e.direction {
                EstimateDirection::Under => "under",
                EstimateDirection::Over => "over",
            };
            format!("{}x {arrow}", count((e.factor * 10.0).round() / 10.0))
        });
        let rows = if node.fields.actual_loops == Some(0.0) { Some("never run".to_owned()) } else { node.fields.actual_rows.map(count) };
        let relationship = match node.fields.subplan_name.as_deref() {
            Some(name) => format!("[{name}] "),
            None => String::new(),
        };
        out.push_str(&format!(
            "{:>7} {:>11} {:>11} {:>11} {:>11} {:>7}  {}{}{}\n",
            cell(nm.exclusive_share.map(percent)),
            cell(nm.exclusive_ms.map(ms)),
            cell(rows),
            cell(node.fields.plan_rows.map(count)),
            cell(estimate),
            cell(node.fields.actual_loops.map(count)),
            "  ".repeat(node.depth),
            relationship,
            node.label()
        ));
    }
    let mut summary = Vec::new();
    if let Some(t) = doc.fields.planning_time {
        summary.push(format!("planning {}", ms(t)));
    }
    if let Some(t) = doc.execution_time() {
        summary.push(format!("execution {}", ms(t)));
    }
    summary.push(format!("{} nodes", doc.plan.len()));
    if !doc.has_analyze() {
        summary.push("no ANALYZE data: times and actual rows are unknown".to_owned());
    }
    out.push_str(&summary.join(" · "));
    out.push('\n');
}
