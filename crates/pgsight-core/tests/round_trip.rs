//! Nothing lost: every JSON plan in every corpus, read and printed again as EXPLAIN
//! JSON (`plan::write::to_explain_json`), gives back every key and value PostgreSQL
//! wrote, unknown keys included, and nothing else. Numbers compare by value
//! (`1000.00` and `1000` are the same number); key order is free.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Files in `dir` (and below, when `deep`) whose name passes `keep`.
fn files(dir: &Path, deep: bool, keep: &dyn Fn(&str) -> bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_dir() {
            if deep {
                files(&path, deep, keep, out);
            }
        } else if path.file_name().and_then(|n| n.to_str()).is_some_and(keep) {
            out.push(path);
        }
    }
}

/// Every JSON plan fixture: the scenarios and their diff pairs, the core's rule and
/// diff fixtures, the PEV2 corpus's expected JSON, and the web app's examples.
fn json_plans() -> Vec<PathBuf> {
    let root = repo();
    let json = |n: &str| n.ends_with(".json");
    let mut out = Vec::new();
    files(&root.join("tests/scenarios"), false, &json, &mut out);
    files(&root.join("tests/scenarios/diff"), false, &json, &mut out);
    files(&root.join("crates/pgsight-core/tests/fixtures"), true, &json, &mut out);
    files(&root.join("crates/pgsight-core/tests/fixtures/pev2-from-text"), false, &|n| n.ends_with("-expect"), &mut out);
    files(&root.join("web/examples"), false, &json, &mut out);
    out.sort();
    out
}

/// The first place where `printed` differs from `original`, as a JSON path.
fn difference(original: &Value, printed: &Value, path: &str) -> Option<String> {
    use Value::*;
    match (original, printed) {
        (Number(a), Number(b)) if a.as_f64() == b.as_f64() => None,
        (Array(a), Array(b)) if a.len() == b.len() => {
            a.iter().zip(b).enumerate().find_map(|(i, (a, b))| difference(a, b, &format!("{path}[{i}]")))
        }
        (Object(a), Object(b)) => {
            let lost = a.keys().find(|k| !b.contains_key(*k)).map(|k| format!("{path}.{k:?} was lost"));
            let added = b.keys().find(|k| !a.contains_key(*k)).map(|k| format!("{path}.{k:?} was added"));
            lost.or(added).or_else(|| a.iter().find_map(|(k, v)| difference(v, &b[k], &format!("{path}.{k:?}"))))
        }
        _ if original == printed => None,
        _ => Some(format!("{path}: {original} became {printed}")),
    }
}

#[test]
fn every_json_plan_round_trips_without_loss() {
    let plans = json_plans();
    assert!(plans.len() >= 100, "found only {} JSON plans: are the fixture folders where they were?", plans.len());
    let mut failures = Vec::new();
    for path in &plans {
        let name = path.strip_prefix(repo()).unwrap_or(path).display().to_string();
        let text = std::fs::read_to_string(path).expect("read fixture");
        let original: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"));
        // `EXPLAIN (FORMAT JSON)` prints an array of documents; PEV2 keeps a bare one.
        let original = if original.is_array() { original } else { Value::Array(vec![original]) };
        let parsed = match pgsight_core::plan::parse(&text) {
            Ok(parsed) => parsed,
            Err(e) => {
                failures.push(format!("{name}: does not parse: {e}"));
                continue;
            }
        };
        let printed_text = pgsight_core::plan::write::to_explain_json(&parsed.documents);
        let printed: Value = serde_json::from_str(&printed_text).unwrap_or_else(|e| panic!("{name}: printed JSON is invalid: {e}"));
        if let Some(diff) = difference(&original, &printed, "$") {
            failures.push(format!("{name}: {diff}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} plans do not round trip:\n{}", failures.len(), plans.len(), failures.join("\n"));
}

#[test]
fn the_comparison_catches_loss() {
    let original = serde_json::json!([{"Plan": {"Node Type": "Result", "Plan Rows": 1.0, "Odd": [1, {"x": null}]}}]);
    assert_eq!(difference(&original, &serde_json::json!([{"Plan": {"Node Type": "Result", "Plan Rows": 1, "Odd": [1, {"x": null}]}}]), "$"), None);
    assert!(difference(&original, &serde_json::json!([{"Plan": {"Node Type": "Result", "Plan Rows": 1}}]), "$").is_some_and(|d| d.contains("lost")));
    assert!(difference(&original, &serde_json::json!([{"Plan": {"Node Type": "Result", "Plan Rows": 2, "Odd": [1, {"x": null}]}}]), "$").is_some());
}
