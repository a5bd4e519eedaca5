//! `--format markdown`: a report ready to paste as a pull-request comment.

use crate::report::{Action, Finding, NoteLevel};
use crate::{Report, Severity};

pub fn render(report: &Report) -> String {
    let mut out = String::from("## pgsight report\n\n");
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    out.push_str(&format!(
        "**{}** error(s), **{}** warning(s), **{}** info · {}\n\n",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        report.inputs.iter().map(|i| format!("`{}`", i.name)).collect::<Vec<_>>().join(", ")
    ));
    if !report.findings.is_empty() {
        out.push_str("| | Rule | Finding | Where |\n|---|---|---|---|\n");
        for f in &report.findings {
            out.push_str(&format!("| {} | `{}` | {} | {} |\n", icon(f.severity), f.rule, cell(&f.title), cell(&where_(report, f))));
        }
        out.push('\n');
    }
    for f in &report.findings {
        finding(&mut out, report, f);
    }
    let notes: Vec<_> = report.notes.iter().collect();
    if !notes.is_empty() {
        out.push_str("### Notes\n\n");
        for n in notes {
            let level = match n.level {
                NoteLevel::Error => "error",
                NoteLevel::Warning => "warning",
                NoteLevel::Info => "note",
            };
            let position = n.line.map(|l| format!(" (line {l}{})", n.column.map(|c| format!(", column {c}")).unwrap_or_default())).unwrap_or_default();
            out.push_str(&format!("- **{level}**: {}{position}\n", n.message));
        }
    }
    out
}

fn finding(out: &mut String, report: &Report, f: &Finding) {
    out.push_str(&format!("### {} `{}` {}\n\n", icon(f.severity), f.rule, f.title));
    out.push_str(&format!("_{}_\n\n", where_(report, f)));
    let used: Vec<String> = f.inputs.iter().filter_map(|&i| report.inputs.get(i)).map(|i| format!("`{}`", i.name)).collect();
    if used.len() > 1 {
        out.push_str(&format!("Used: {}\n\n", used.join(", ")));
    }
    if !f.also.is_empty() {
        out.push_str(&format!("Also reported by: {}\n\n", f.also.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")));
    }
    out.push_str(&format!("{}\n\n", f.message));
    if !f.evidence.is_empty() {
        out.push_str("| Evidence | Value |\n|---|---|\n");
        for e in &f.evidence {
            out.push_str(&format!("| {} | `{}` |\n", cell(&e.label), cell(&e.value).replace('`', "'")));
        }
        out.push('\n');
    }
    action(out, "Fix", &f.fix);
    out.push_str(&format!("**Impact:** {}\n\n**Risk:** {}\n\n", f.impact.text, f.risk));
    action(out, "Rollback", &f.rollback);
}

fn action(out: &mut String, label: &str, a: &Action) {
    out.push_str(&format!("**{label}:** {}\n\n", a.text));
    if let Some(sql) = &a.sql {
        out.push_str(&format!("```sql\n{sql}\n```\n\n"));
    }
}

fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "🔴 error",
        Severity::Warning => "🟠 warning",
        Severity::Info => "🔵 info",
    }
}

fn where_(report: &Report, f: &Finding) -> String {
    let input = report.inputs.get(f.location.input).map(|i| i.name.as_str()).unwrap_or("?");
    match (&f.location.node_label, f.location.line) {
        (Some(node), _) => format!("{input}: {node}"),
        (None, Some(line)) => format!("{input}:{line}"),
        (None, None) => input.to_owned(),
    }
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
