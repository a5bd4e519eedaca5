//! The generated inputs read back through pgsight's own parsers with the node counts
//! they were built with, and the text form keeps psql's indentation rules.
//!
//! Scaled-down shapes run with every `cargo test`; the full standard set (100 MB
//! plans) runs in release only: `cargo test --release -p pgsight-gen`.

use pgsight_core::plan::{self, PlanFormat};
use pgsight_gen::{plans, Document, Kind};

/// Parses one form and checks format, document count, node count, and that both forms
/// give the same nodes in the same order.
fn check(doc: &Document, expected_nodes: usize) {
    assert_eq!(doc.node_count(), expected_nodes, "builder's own count");
    let json = plan::parse(&doc.json()).expect("the JSON form parses");
    let text = plan::parse(&doc.text()).expect("the text form parses");
    assert_eq!(json.format, PlanFormat::Json);
    assert_eq!(text.format, PlanFormat::Text);
    for parsed in [&json, &text] {
        assert_eq!(parsed.documents.len(), 1);
        assert_eq!(parsed.documents[0].plan.len(), expected_nodes);
        assert!(parsed.documents[0].execution_time().is_some());
    }
    let labels = |p: &plan::ParsedPlans| p.documents[0].plan.nodes.iter().map(|n| (n.label(), n.depth)).collect::<Vec<_>>();
    assert_eq!(labels(&json), labels(&text), "JSON and text describe the same tree");
    let (j, t) = (&json.documents[0].plan.nodes, &text.documents[0].plan.nodes);
    for (a, b) in j.iter().zip(t) {
        assert_eq!(a.fields.actual_rows, b.fields.actual_rows);
        assert_eq!(a.fields.actual_total_time, b.fields.actual_total_time);
        assert_eq!(a.fields.total_cost, b.fields.total_cost);
    }
}

/// psql's text layout: the root at column 0 with details at 2; a child's `->` at its
/// parent's text start + 2 and its text 4 further; details 2 right of the text start;
/// worker details 2 right of their `Worker` line.
fn check_indentation(text: &str) {
    let mut starts: Vec<usize> = Vec::new();
    let mut in_footer = false;
    for (i, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let body = line.trim_start();
        if i == 0 {
            assert_eq!(indent, 0);
            starts.push(0);
            continue;
        }
        if indent == 0 {
            in_footer = true;
            assert!(["Settings: ", "Planning:", "Planning Time: ", "Execution Time: "].iter().any(|p| body.starts_with(p)), "line {}: {line}", i + 1);
            continue;
        }
        if in_footer {
            assert!(body.starts_with("Buffers: ") && indent == 2, "line {}", i + 1);
            continue;
        }
        if let Some(rest) = body.strip_prefix("->  ") {
            assert!(!rest.starts_with(' '));
            while starts.last().is_some_and(|s| s + 2 != indent) {
                starts.pop();
            }
            assert!(!starts.is_empty(), "line {}: `->` at column {indent} has no parent", i + 1);
            starts.push(indent + 4);
        } else {
            let start = *starts.last().expect("inside a node");
            let worker_detail = indent == start + 4;
            assert!(indent == start + 2 || worker_detail, "line {}: detail at column {indent}, node text at {start}", i + 1);
        }
    }
}

#[test]
fn partitioned_count_reads_back() {
    let doc = plans::partitioned_count(60);
    check(&doc, 64);
    check_indentation(&doc.text());
    let text = doc.text();
    assert!(text.starts_with("Finalize Aggregate  (cost="));
    assert!(text.contains("\n                    ->  Parallel Seq Scan on public.events_p0000 events_1  (cost="));
    assert!(text.contains("Worker 0:  actual time="));
}

#[test]
fn join_chain_reads_back() {
    let doc = plans::join_chain(40);
    check(&doc, 3 * 40 - 1);
    check_indentation(&doc.text());
    let parsed = plan::parse(&doc.json()).expect("parses");
    let max_depth = parsed.documents[0].plan.nodes.iter().map(|n| n.depth).max();
    assert_eq!(max_depth, Some(41), "Sort, 39 joins, then the deepest Hash and its scan");
}

#[test]
fn union_report_reads_back() {
    for nodes in [3, 4, 5, 17, 500] {
        let doc = plans::union_report(nodes);
        check(&doc, nodes);
        check_indentation(&doc.text());
    }
}

#[test]
fn json_is_valid_json_with_postgres_layout() {
    let json = plans::union_report(200).json();
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert!(value[0]["Plan"]["Plans"][0]["Plans"].is_array());
    assert!(json.starts_with("[\n  {\n    \"Plan\": {\n      \"Node Type\": \"Gather\",\n"));
    assert!(json.ends_with("\n  }\n]\n"));
    assert!(json.contains("\"Output\": [\"o_1.id\", \"c_1.email\", \"o_1.amount\"],"));
}

#[test]
fn schema_reads_back() {
    let schema = pgsight_gen::schema::dump(60, 300);
    let script = pgsight_core::sql::parse_script(&schema.sql);
    assert!(script.notes.is_empty(), "{:?}", script.notes.first().map(|n| &n.message));
    let catalog = pgsight_core::sql::Catalog::from_script(&script);
    let counts = catalog.counts();
    assert_eq!(counts.tables, 60);
    // The catalog counts CREATE INDEX only: the 60 primary key indexes come from constraints.
    assert_eq!(counts.indexes, 300 - 60);
    assert_eq!(counts.foreign_keys, schema.foreign_keys);
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(plans::union_report(300).json(), plans::union_report(300).json());
    assert_eq!(pgsight_gen::schema::dump(20, 90).sql, pgsight_gen::schema::dump(20, 90).sql);
}

/// The full standard set: about 250 MB of plans, so release builds only.
#[test]
#[cfg_attr(debug_assertions, ignore = "full-size inputs: run with --release")]
fn standard_set_reads_back() {
    let files = pgsight_gen::standard_set();
    assert_eq!(files.len(), 9);
    for file in files {
        match file.kind {
            Kind::PlanJson | Kind::PlanText => {
                let parsed = plan::parse(&file.text).unwrap_or_else(|e| panic!("{}: {e}", file.file));
                assert_eq!(parsed.documents.len(), 1, "{}", file.file);
                assert_eq!(parsed.documents[0].plan.len(), file.count, "{}", file.file);
                if file.kind == Kind::PlanText {
                    check_indentation(&file.text);
                }
            }
            Kind::Schema => {
                let script = pgsight_core::sql::parse_script(&file.text);
                let counts = pgsight_core::sql::Catalog::from_script(&script).counts();
                assert_eq!(counts.tables, pgsight_gen::SCHEMA_TABLES);
                assert_eq!(counts.indexes, pgsight_gen::SCHEMA_INDEXES - pgsight_gen::SCHEMA_TABLES);
            }
        }
    }
}
