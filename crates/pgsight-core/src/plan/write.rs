//! Prints plans as PostgreSQL's own EXPLAIN JSON shape, with its key names.
//!
//! Node nesting is walked with a heap stack, so a plan of any depth prints.

use serde_json::Value;

use super::model::{NodeId, PlanDocument};

/// `[{"Plan": {...}, "Planning Time": ..., "Execution Time": ...}, ...]`, pretty printed.
pub fn to_explain_json(documents: &[PlanDocument]) -> String {
    let mut out = String::from("[");
    for (i, doc) in documents.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        write_document(&mut out, doc, 1);
    }
    out.push_str("\n]\n");
    out
}

fn write_document(out: &mut String, doc: &PlanDocument, indent: usize) {
    pad(out, indent);
    out.push('{');
    let mut first = true;
    if !doc.plan.is_empty() {
        key(out, "Plan", indent + 1, &mut first);
        write_node_tree(out, doc, 0, indent + 1);
    }
    let mut entries = Vec::new();
    doc.fields.write_to(&mut entries);
    for (k, v) in entries.iter().map(|(k, v)| (*k, v)).chain(doc.extra.iter().map(|(k, v)| (k.as_str(), v))) {
        key(out, k, indent + 1, &mut first);
        write_value(out, v, indent + 1);
    }
    out.push('\n');
    pad(out, indent);
    out.push('}');
}

/// Writes a node and its subtree; `indent` is the level of the node's own braces.
fn write_node_tree(out: &mut String, doc: &PlanDocument, root: NodeId, indent: usize) {
    // Each frame: a node whose fields are written, and how many children are done.
    let mut stack: Vec<(NodeId, usize, usize)> = Vec::new();
    open_node(out, doc, root, indent);
    stack.push((root, 0, indent));
    while let Some((id, next_child, level)) = stack.pop() {
        let children = &doc.plan.nodes[id].children;
        if next_child < children.len() {
            if next_child == 0 {
                let mut first = false;
                key(out, "Plans", level + 1, &mut first);
                out.push('[');
            } else {
                out.push(',');
            }
            out.push('\n');
            stack.push((id, next_child + 1, level));
            let child = children[next_child];
            pad(out, level + 2);
            open_node(out, doc, child, level + 2);
            stack.push((child, 0, level + 2));
        } else {
            if !children.is_empty() {
                out.push('\n');
                pad(out, level + 1);
                out.push(']');
            }
            out.push('\n');
            pad(out, level);
            out.push('}');
        }
    }
}

fn open_node(out: &mut String, doc: &PlanDocument, id: NodeId, indent: usize) {
    let node = &doc.plan.nodes[id];
    out.push('{');
    let mut entries = Vec::new();
    node.fields.write_to(&mut entries);
    let mut first = true;
    for (k, v) in entries.iter().map(|(k, v)| (*k, v)).chain(node.extra.iter().map(|(k, v)| (k.as_str(), v))) {
        key(out, k, indent + 1, &mut first);
        write_value(out, v, indent + 1);
    }
    if first {
        // An empty node still needs valid JSON when children follow.
        out.push_str("\n");
        pad(out, indent + 1);
        out.push_str("\"Node Type\": null");
    }
}

fn key(out: &mut String, k: &str, indent: usize, first: &mut bool) {
    if !*first {
        out.push(',');
    }
    *first = false;
    out.push('\n');
    pad(out, indent);
    push_json_string(out, k);
    out.push_str(": ");
}

/// Writes a shallow value (the parser caps its depth), pretty printed at `indent`.
fn write_value(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                pad(out, indent + 1);
                write_value(out, item, indent + 1);
            }
            out.push('\n');
            pad(out, indent);
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            out.push('{');
            let mut first = true;
            for (k, v) in map {
                key(out, k, indent + 1, &mut first);
                write_value(out, v, indent + 1);
            }
            out.push('\n');
            pad(out, indent);
            out.push('}');
        }
        Value::String(s) => push_json_string(out, s),
        other => out.push_str(&other.to_string()),
    }
}

fn push_json_string(out: &mut String, s: &str) {
    out.push_str(&Value::String(s.to_owned()).to_string());
}

fn pad(out: &mut String, indent: usize) {
    for _ in 0..indent {
        out.push_str("  ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::json::parse_documents;

    #[test]
    fn round_trips_through_our_own_parser() {
        let text = r#"[{"Plan": {"Node Type": "Limit", "Plan Rows": 10, "Plans": [
            {"Node Type": "Sort", "Sort Key": ["a", "b"], "Weird": {"x": [1, 2]}, "Plans": [
                {"Node Type": "Seq Scan", "Relation Name": "t", "Actual Rows": 1.5}]},
            {"Node Type": "Result"}]},
            "Planning Time": 0.1, "Execution Time": 2.25, "Unknown": true}]"#;
        let docs = parse_documents(text).expect("parse");
        let printed = to_explain_json(&docs);
        let reparsed: Value = serde_json::from_str(&printed).expect("valid JSON");
        let original: Value = serde_json::from_str(text).expect("valid JSON");
        assert_eq!(reparsed, original);
    }
}
