//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it.

use pgsight_core::report::Finding;
use pgsight_core::{Report, Rule, Severity};
use serde_json::{json, Value};

/// Where each rule's documentation is published.
pub const RULE_DOCS_URL: &str = "https://pgsight.github.io/pgsight/#/rules/";

pub fn render(report: &Report) -> String {
    let mut fired: Vec<&'static str> = Vec::new();
    for f in &report.findings {
        if !fired.contains(&f.rule) {
            fired.push(f.rule);
        }
    }
    let rules: Vec<Value> = fired.iter().filter_map(|id| Rule::from_id(id)).map(descriptor).collect();
    let results: Vec<Value> = report.findings.iter().map(|f| result(report, f, &fired)).collect();
    let sarif = json!({
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
        "fullDescription": { "text": meta.doc_markdown() },
        "helpUri": format!("{RULE_DOCS_URL}{}", meta.id),
        "help": { "text": meta.doc_markdown(), "markdown": meta.doc_markdown() },
        "defaultConfiguration": { "level": level(meta.severity) },
        "properties": { "tags": [meta.category.as_str()] },
    })
}

fn result(report: &Report, f: &Finding, fired: &[&str]) -> Value {
    let uri = report.inputs.get(f.location.input).map(|i| i.name.clone()).unwrap_or_default();
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
