//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it.

use pgsight_core::report::{Finding, Note, NoteLevel};
use pgsight_core::{Report, Rule, Severity};
use serde_json::{json, Value};
use std::path::Path;

/// Where each rule's documentation is published.
pub const RULE_DOCS_URL: &str = "https://pgsight.github.io/pgsight/#/rules/";

/// GitHub code scanning cuts a rule's `shortDescription` and `fullDescription` at
/// 1024 characters (docs.github.com, "SARIF support for code scanning").
pub const GITHUB_DESCRIPTION_LIMIT: usize = 1024;

/// `cwd` is the directory the paths were given from: an absolute path under it is
/// written relative to it (GitHub maps results to files by their path in the
/// repository), any other absolute path as a `file://` URI.
pub fn render(report: &Report, cwd: Option<&Path>) -> String {
    let uris: Vec<String> = report.inputs.iter().map(|i| artifact_uri(&i.name, cwd)).collect();
    let mut fired: Vec<&'static str> = Vec::new();
    for f in &report.findings {
        if !fired.contains(&f.rule) {
            fired.push(f.rule);
        }
    }
    let rules: Vec<Value> = fired.iter().filter_map(|id| Rule::from_id(id)).map(descriptor).collect();
    let results: Vec<Value> = report.findings.iter().map(|f| result(f, &fired, &uris)).collect();
    let mut sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "pgsight",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://pgsight.github.io/pgsight/",
                    "rules": rules,
                }
            },
            "results": results,
        }]
    });
    // Why an input was skipped would otherwise be lost from the log: SARIF carries
    // it as a tool execution notification (§3.20.21).
    if !report.notes.is_empty() {
        sarif["runs"][0]["invocations"] = json!([{
            "executionSuccessful": report.inputs.iter().any(|i| i.ok),
            "toolExecutionNotifications": report.notes.iter().map(|n| notification(n, &uris)).collect::<Vec<_>>(),
        }]);
    }
    serde_json::to_string_pretty(&sarif).unwrap_or_default() + "\n"
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn descriptor(rule: Rule) -> Value {
    let meta = rule.meta();
    json!({
        "id": meta.id,
        "name": meta.id.split('-').map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        }).collect::<String>(),
        "shortDescription": { "text": meta.summary },
        "fullDescription": { "text": full_description(rule) },
        "helpUri": format!("{RULE_DOCS_URL}{}", meta.id),
        "help": { "text": rule.doc_markdown(), "markdown": rule.doc_markdown() },
        "defaultConfiguration": { "level": level(meta.severity) },
        "properties": { "tags": [meta.category.as_str()] },
    })
}

fn result(f: &Finding, fired: &[&str], uris: &[String]) -> Value {
    let uri = uris.get(f.location.input).cloned().unwrap_or_default();
    let mut region = serde_json::Map::new();
    region.insert("startLine".into(), json!(f.location.line.unwrap_or(1)));
    if let Some(column) = f.location.column {
        region.insert("startColumn".into(), json!(column));
    }
    let mut text = format!("{}: {}", f.title, f.message);
    if let Some(sql) = &f.fix.sql {
        text.push_str(&format!("\nFix: {sql}"));
    }
    json!({
        "ruleId": f.rule,
        "ruleIndex": fired.iter().position(|id| *id == f.rule).unwrap_or(0),
        "level": level(f.severity),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri },
                "region": region,
            }
        }],
    })
}

fn notification(note: &Note, uris: &[String]) -> Value {
    let mut notification = json!({
        "level": match note.level {
            NoteLevel::Error => "error",
            NoteLevel::Warning => "warning",
            NoteLevel::Info => "note",
        },
        "message": { "text": note.message },
    });
    if let Some(uri) = uris.get(note.input) {
        let mut location = json!({ "artifactLocation": { "uri": uri } });
        if let Some(line) = note.line {
            location["region"] = json!({ "startLine": line });
            if let Some(column) = note.column {
                location["region"]["startColumn"] = json!(column);
            }
        }
        notification["locations"] = json!([{ "physicalLocation": location }]);
    }
    notification
}

/// The first paragraph of the rule's "What it does": the whole page is in `help`,
/// and GitHub cuts descriptions at 1024 characters.
fn full_description(rule: Rule) -> String {
    let doc = rule.doc_markdown();
    let what = doc.split("## What it does").nth(1).unwrap_or("");
    let paragraph = what.trim_start().split("\n\n").next().unwrap_or("").split("\n## ").next().unwrap_or("");
    let mut text = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    // A paragraph that introduces a list ends in `:`; the list stays in `help`.
    if text.ends_with(':') {
        text.pop();
        text.push('.');
    }
    let text = if text.is_empty() { rule.meta().summary.to_owned() } else { text };
    if text.chars().count() <= GITHUB_DESCRIPTION_LIMIT {
        return text;
    }
    let cut: String = text.chars().take(GITHUB_DESCRIPTION_LIMIT - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// An input's name as a SARIF `uri-reference`: relative to `cwd` when it is an
/// absolute path under it, `file://` + the path when it is another absolute path, as
/// given otherwise. `/` stays, anything RFC 3986 does not allow in a path (a space,
/// `#`, `%`, non-ASCII) is percent-encoded.
fn artifact_uri(name: &str, cwd: Option<&Path>) -> String {
    let path = Path::new(name);
    let (prefix, name) = match cwd.and_then(|cwd| path.strip_prefix(cwd).ok()) {
        Some(relative) if path.is_absolute() => ("", relative.to_str().unwrap_or(name)),
        _ if path.is_absolute() => ("file://", name),
        _ => ("", name),
    };
    let mut uri = String::with_capacity(prefix.len() + name.len());
    uri.push_str(prefix);
    for byte in name.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => uri.push(byte as char),
            b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b'@' => uri.push(byte as char),
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_full_description_fits_github() {
        for rule in Rule::ALL {
            let text = full_description(*rule);
            assert!(!text.is_empty(), "{}", rule.id());
            assert!(text.chars().count() <= GITHUB_DESCRIPTION_LIMIT, "{}: {} characters", rule.id(), text.chars().count());
            assert!(!text.contains('#'), "{}: a heading leaked in: {text}", rule.id());
        }
    }

    #[test]
    fn full_description_is_the_first_paragraph_of_what_it_does() {
        let text = full_description(Rule::from_id("index-not-used").expect("rule"));
        assert!(text.starts_with("With a schema beside the plan, finds a scan"), "{text}");
        assert!(text.ends_with("read from the plan and the schema."), "{text}");
    }

    #[test]
    fn absolute_paths_are_relative_to_the_working_directory_or_file_uris() {
        let cwd = Some(Path::new("/home/ci/repo"));
        assert_eq!(artifact_uri("/home/ci/repo/migrations/1 a.sql", cwd), "migrations/1%20a.sql");
        assert_eq!(artifact_uri("/tmp/plan.json", cwd), "file:///tmp/plan.json");
        assert_eq!(artifact_uri("/home/ci/repository/x.sql", cwd), "file:///home/ci/repository/x.sql");
        assert_eq!(artifact_uri("plans/a.json", cwd), "plans/a.json");
        assert_eq!(artifact_uri("/tmp/plan.json", None), "file:///tmp/plan.json");
    }

    #[test]
    fn artifact_uris_are_percent_encoded_relative_references() {
        assert_eq!(artifact_uri("migrations/0001_create users.sql", None), "migrations/0001_create%20users.sql");
        assert_eq!(artifact_uri("plans/100%#1.json", None), "plans/100%25%231.json");
        assert_eq!(artifact_uri("schémas/a.sql", None), "sch%C3%A9mas/a.sql");
        assert_eq!(artifact_uri("tests/scenarios/sort-spill-limit.json", None), "tests/scenarios/sort-spill-limit.json");
    }
}
