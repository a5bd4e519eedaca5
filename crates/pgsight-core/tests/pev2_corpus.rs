//! Reads every text plan of the PEV2 corpus (`tests/fixtures/pev2-from-text`, from
//! Dalibo's PEV2 visualizer; see the LICENSE there) through the full path (clean,
//! detect, parse, print as EXPLAIN JSON) and checks that every key of the JSON PEV2
//! expects is in our first document with the same value. Extra keys are fine.
//!
//! PEV2's expectations are what PEV2's own parser builds, which differs from
//! PostgreSQL's `EXPLAIN (FORMAT JSON)` in a few places. Our parser follows PostgreSQL;
//! each difference is accepted by one narrow rule in [`pev2_quirk`].

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

const PAIRS: usize = 47;

#[test]
fn pev2_text_corpus_matches_expected_json() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pev2-from-text");
    let mut plans: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with("-plan")))
        .collect();
    plans.sort();
    assert_eq!(plans.len(), PAIRS, "plan/expect pairs in {}", dir.display());

    let mut failures = Vec::new();
    for plan in &plans {
        let name = plan.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let stem = name.strip_suffix("-plan").unwrap_or(name);
        let problems = check_pair(plan, &plan.with_file_name(format!("{stem}-expect")));
        if !problems.is_empty() {
            failures.push(format!("{stem}:\n    {}", problems.join("\n    ")));
        }
    }
    println!("{} of {} PEV2 pairs pass", plans.len() - failures.len(), plans.len());
    assert!(failures.is_empty(), "{} pairs fail:\n{}", failures.len(), failures.join("\n"));
}

/// The mismatching paths of one pair, empty when it passes.
fn check_pair(plan: &Path, expect: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(plan).expect("plan file");
    let expect_text = std::fs::read_to_string(expect).expect("expect file");
    let expected: Value = serde_json::from_str(&expect_text).expect("expect file is JSON");
    let parsed = match pgsight_core::plan::parse(&text) {
        Ok(parsed) => parsed,
        Err(error) => return vec![format!("parse error: {error}")],
    };
    let printed = pgsight_core::plan::write::to_explain_json(&parsed.documents);
    let documents: Value = serde_json::from_str(&printed).expect("our output is JSON");
    let Some(first) = documents.get(0) else {
        return vec!["no document in our output".to_owned()];
    };
    let mut problems = Vec::new();
    compare(&expected, first, "$", &mut problems);
    problems
}

/// Compares every key of `expected` with `actual`: objects key by key, arrays element
/// by element, numbers with a small tolerance.
fn compare(expected: &Value, actual: &Value, path: &str, problems: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(want), Value::Object(have)) => {
            for (key, want_value) in want {
                if pev2_quirk(key, want_value, have) {
                    continue;
                }
                let key_path = format!("{path}.{key}");
                match have.get(key) {
                    Some(have_value) => compare(want_value, have_value, &key_path, problems),
                    None => problems.push(format!("{key_path}: missing, expected {want_value}")),
                }
            }
        }
        (Value::Array(want), Value::Array(have)) => {
            if want.len() != have.len() {
                problems.push(format!("{path}: expected {} elements, got {}", want.len(), have.len()));
            }
            for (i, (want_item, have_item)) in want.iter().zip(have).enumerate() {
                compare(want_item, have_item, &format!("{path}[{i}]"), problems);
            }
        }
        _ => {
            if !scalars_equal(expected, actual) {
                problems.push(format!("{path}: expected {expected}, got {actual}"));
            }
        }
    }
}

fn scalars_equal(expected: &Value, actual: &Value) -> bool {
    // PEV2 keeps some figures as the text's strings (`"Sort Space Used": "124"`).
    let want = match expected {
        Value::String(text) if actual.is_number() => text.parse::<f64>().ok(),
        other => other.as_f64(),
    };
    match (want, actual.as_f64()) {
        // Relative tolerance: PEV2 wrote the 64-bit Query Identifier through a double.
        (Some(want), Some(have)) => (want - have).abs() <= 1e-9 * want.abs().max(have.abs()).max(1.0),
        _ => expected == actual,
    }
}

/// True when PEV2 expects `want` under `key` where PostgreSQL's JSON (and so ours)
/// says the same thing another way, and `have` holds exactly that other way.
fn pev2_quirk(key: &str, want: &Value, have: &Map<String, Value>) -> bool {
    let ours = |k: &str| have.get(k).and_then(Value::as_str);
    let Some(want_text) = want.as_str() else {
        // PEV2 lists temp hit and dirtied counters at zero; PostgreSQL has no such
        // counters (temp blocks are only read and written).
        return matches!(key, "Temp Hit Blocks" | "Temp Dirtied Blocks")
            && want.as_f64() == Some(0.0)
            && !have.contains_key(key);
    };
    match key {
        "Node Type" => match want_text {
            // PEV2 writes "Nested Loop Join" when the text says `Nested Loop Left Join`;
            // PostgreSQL's type is "Nested Loop" with the Join Type apart.
            "Nested Loop Join" => {
                ours("Node Type") == Some("Nested Loop") && ours("Join Type").is_some_and(|join| join != "Inner")
            }
            // PEV2 keeps the text's aggregate names; PostgreSQL says "Aggregate" plus a Strategy.
            "GroupAggregate" => ours("Node Type") == Some("Aggregate") && ours("Strategy") == Some("Sorted"),
            "HashAggregate" => ours("Node Type") == Some("Aggregate") && ours("Strategy") == Some("Hashed"),
            // PEV2 keeps a ModifyTable's operation (`Merge on t`) as its type.
            "Insert" | "Update" | "Delete" | "Merge" => {
                ours("Node Type") == Some("ModifyTable") && ours("Operation") == Some(want_text)
            }
            // PostgreSQL 8 printed `Subquery Scan alias` without "on"; PEV2 keeps the
            // alias in the type, PostgreSQL's JSON has it as the Alias.
            other => other
                .strip_prefix("Subquery Scan ")
                .is_some_and(|alias| ours("Node Type") == Some("Subquery Scan") && ours("Alias") == Some(alias)),
        },
        // PEV2 keeps VERBOSE's `schema."relation"` as the relation name; PostgreSQL
        // gives the unquoted name, and the schema under "Schema".
        "Relation Name" => match (ours("Schema"), ours("Relation Name")) {
            (Some(schema), Some(relation)) => want_text.replace('"', "") == format!("{schema}.{relation}"),
            _ => false,
        },
        // PEV2 keeps Output as the text line; PostgreSQL gives an array of expressions.
        "Output" => have
            .get("Output")
            .and_then(Value::as_array)
            .is_some_and(|items| items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", ") == want_text),
        _ => false,
    }
}
