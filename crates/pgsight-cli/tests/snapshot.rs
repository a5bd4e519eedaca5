//! `pgsight snapshot-sql` and `pgsight analyze --schema snapshot.json`, offline, on
//! the fixture snapshot tests/snapshot/run.sh took.

use std::process::{Command, Output};

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn pgsight(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pgsight")).args(args).output().expect("run pgsight")
}

#[test]
fn snapshot_sql_prints_the_script() {
    let out = pgsight(&["snapshot-sql"]);
    assert_eq!(out.status.code(), Some(0));
    let script = String::from_utf8_lossy(&out.stdout);
    assert!(script.contains("'pgsight_snapshot_version', 1"));
    assert!(script.contains("psql -X -A -t -f"), "the header says how to run it");
}

#[test]
fn analyze_reads_a_snapshot_as_a_schema() {
    let out = pgsight(&["analyze", "--schema", &repo("tests/snapshot/snapshot.json"), "--format", "json", "--fail-on", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("report JSON");
    let rules: Vec<&str> = report["findings"].as_array().expect("findings").iter().filter_map(|f| f["rule"].as_str()).collect();
    for rule in ["unused-index", "invalid-index", "dead-tuples", "stale-statistics", "seq-scan-heavy-table", "slow-statement", "missing-primary-key"] {
        assert!(rules.contains(&rule), "{rule} missing from {rules:?}");
    }
    // And with a plan: the plan finding knows the table's size.
    let out = pgsight(&[
        "analyze",
        "--schema",
        &repo("tests/snapshot/snapshot.json"),
        "--plan",
        &repo("tests/scenarios/seq-scan-orders-status.json"),
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("report JSON");
    let seq = report["findings"].as_array().expect("findings").iter().find(|f| f["rule"] == "seq-scan-selective-filter").expect("seq scan");
    assert!(seq["message"].as_str().unwrap_or_default().contains("has 100,000 rows (health snapshot)"));
}
