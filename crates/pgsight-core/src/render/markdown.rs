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
        report.inputs.iter().map(|i| code(&i.name)).collect::<Vec<_>>().join(", ")
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
            out.push_str(&format!("- **{level}**: {}{position}\n", text(&n.message)));
        }
    }
    out
}

fn finding(out: &mut String, report: &Report, f: &Finding) {
    out.push_str(&format!("### {} `{}` {}\n\n", icon(f.severity), f.rule, text(&f.title)));
    out.push_str(&format!("_{}_\n\n", text(&where_(report, f))));
    let used: Vec<String> = f.inputs.iter().filter_map(|&i| report.inputs.get(i)).map(|i| code(&i.name)).collect();
    if used.len() > 1 {
        out.push_str(&format!("Used: {}\n\n", used.join(", ")));
    }
    if !f.also.is_empty() {
        out.push_str(&format!("Also reported by: {}\n\n", f.also.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")));
    }
    out.push_str(&format!("{}\n\n", text(&f.message)));
    if !f.evidence.is_empty() {
        out.push_str("| Evidence | Value |\n|---|---|\n");
        for e in &f.evidence {
            out.push_str(&format!("| {} | {} |\n", cell(&e.label), code(&e.value).replace('|', "\\|")));
        }
        out.push('\n');
    }
    action(out, "Fix", &f.fix);
    out.push_str(&format!("**Impact:** {}\n\n**Risk:** {}\n\n", text(&f.impact.text), text(&f.risk)));
    action(out, "Rollback", &f.rollback);
}

fn action(out: &mut String, label: &str, a: &Action) {
    out.push_str(&format!("**{label}:** {}\n\n", text(&a.text)));
    if let Some(sql) = &a.sql {
        // A fence longer than any run of backticks in the SQL (CommonMark).
        let fence = "`".repeat(longest_backtick_run(sql).max(2) + 1);
        out.push_str(&format!("{fence}sql\n{sql}\n{fence}\n\n"));
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

/// Prose from the report, with HTML made inert: names in plans and DDL are user
/// input, and GitHub renders raw HTML in comments.
pub(crate) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// Text safe inside a Markdown table cell: inert HTML, no cell breaks.
pub(crate) fn cell(s: &str) -> String {
    text(s).replace('|', "\\|").replace('\n', " ")
}

/// An inline code span holding `s` verbatim, whatever backticks it contains.
pub(crate) fn code(s: &str) -> String {
    let s = s.replace('\n', " ");
    let fence = "`".repeat(longest_backtick_run(&s) + 1);
    // A span that starts or ends with a backtick needs a space inside the fence.
    let pad = if s.starts_with('`') || s.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{s}{pad}{fence}")
}

fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_in_names_is_inert_and_cells_hold() {
        assert_eq!(text("Seq Scan on <img src=x onerror=alert(1)> & co"), "Seq Scan on &lt;img src=x onerror=alert(1)&gt; &amp; co");
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        assert_eq!(code("orders"), "`orders`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(longest_backtick_run("a```b`"), 3);
    }
}
