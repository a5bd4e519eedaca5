//! `--format github`: GitHub Actions workflow commands, one annotation per finding.
//! <https://docs.github.com/actions/reference/workflow-commands-for-github-actions>

use pgsight_core::{Report, Severity};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = Vec::new();
        if let Some(input) = report.inputs.get(f.location.input).filter(|i| i.name != "stdin") {
            props.push(format!("file={}", property(&input.name)));
        }
        if let Some(line) = f.location.line {
            props.push(format!("line={line}"));
        }
        if let Some(column) = f.location.column {
            props.push(format!("col={column}"));
        }
        props.push(format!("title={}", property(&format!("{} ({})", f.title, f.rule))));
        let mut message = f.message.clone();
        if let Some(sql) = &f.fix.sql {
            message.push_str(&format!("\nFix: {sql}"));
        }
        out.push_str(&format!("::{level} {}::{}\n", props.join(","), data(&message)));
    }
    out
}

/// Escaping for the message part of a workflow command.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escaping for a property value (also `:` and `,`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
