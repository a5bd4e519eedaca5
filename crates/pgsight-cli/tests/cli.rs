//! The CLI contract, exercised on real plans from tests/scenarios.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn pgsight(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pgsight"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pgsight");
    if let Some(bytes) = stdin {
        child.stdin.take().expect("stdin").write_all(bytes).expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("wait")
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", String::from_utf8_lossy(&output.stdout)))
}

#[test]
fn analyze_json_has_the_contract_shape() {
    let out = pgsight(&["analyze", "--plan", &repo("tests/scenarios/seq-scan-orders-status.json"), "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report = json(&out);
    let finding = report["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["rule"] == "seq-scan-selective-filter"))
        .expect("seq-scan finding");
    for key in ["rule", "severity", "category", "title", "message", "evidence", "location", "impact", "fix", "risk", "rollback"] {
        assert!(finding.get(key).is_some(), "finding lacks {key}");
    }
    assert_eq!(finding["severity"], "warning");
    assert!(finding["fix"]["sql"].as_str().is_some_and(|s| s.starts_with("CREATE INDEX CONCURRENTLY")));
    assert!(finding["rollback"]["sql"].as_str().is_some_and(|s| s.starts_with("DROP INDEX CONCURRENTLY")));
    assert!(finding["evidence"][0]["label"].is_string() && finding["evidence"][0]["value"].is_string());
    assert_eq!(report["inputs"][0]["kind"], "plan");
    assert!(report["notes"].is_array());
}

#[test]
fn fail_on_sets_the_exit_code() {
    let plan = repo("tests/scenarios/seq-scan-orders-status.json");
    assert_eq!(pgsight(&["analyze", "--plan", &plan], None).status.code(), Some(0));
    assert_eq!(pgsight(&["analyze", "--plan", &plan, "--fail-on", "warning"], None).status.code(), Some(1));
    assert_eq!(pgsight(&["analyze", "--plan", &plan, "--fail-on", "never"], None).status.code(), Some(0));
}

#[test]
fn usage_errors_and_unreadable_input_exit_2() {
    let missing = pgsight(&["analyze", "--plan", "/nonexistent/plan.json"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/plan.json"));
    assert_eq!(pgsight(&["analyze"], None).status.code(), Some(2));
    assert_eq!(pgsight(&["analyze", "--bogus"], None).status.code(), Some(2));
    let garbage = pgsight(&["analyze", "--plan", "-"], Some(b"{\"Plan\": {\"Node Type\": \n  oops}}"));
    assert_eq!(garbage.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&garbage.stderr);
    assert!(stderr.contains("line 2, column 3"), "{stderr}");
}

#[test]
fn one_bad_plan_does_not_sink_the_others() {
    let good = repo("tests/scenarios/seq-scan-orders-status.json");
    let out = pgsight(&["analyze", "--plan", &good, "--plan", "-", "--format", "json"], Some(b"\x00\x01binary"));
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!(report["inputs"][1]["ok"], false);
    assert!(report["notes"][0]["message"].as_str().is_some_and(|m| m.contains("NUL")));
    assert!(!report["findings"].as_array().expect("findings").is_empty());
}

#[test]
fn plan_json_prints_postgres_shape_and_round_trips() {
    let path = repo("tests/scenarios/seq-scan-orders-status.json");
    let out = pgsight(&["plan", &path, "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0));
    let printed = json(&out);
    let original: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("fixture JSON");
    assert!(same_values(&printed, &original), "every key PostgreSQL wrote comes back unchanged:\n{printed:#}");
}

/// JSON equality where numbers compare by value (`1000.00` and `1000` are the same).
fn same_values(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value::*;
    match (a, b) {
        (Number(x), Number(y)) => x.as_f64() == y.as_f64(),
        (Array(x), Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_values(x, y)),
        (Object(x), Object(y)) => x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_values(v, w))),
        _ => a == b,
    }
}

#[test]
fn plan_tree_from_text_and_stdin() {
    let text = std::fs::read(repo("tests/scenarios/seq-scan-orders-status.txt")).expect("read");
    let out = pgsight(&["plan", "-"], Some(&text));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.contains("Gather") && tree.contains("Parallel Seq Scan on public.orders"), "{tree}");
    assert!(tree.contains("excl%"));
}

#[test]
fn rules_are_listed_and_documented() {
    let list = pgsight(&["rules"], None);
    assert!(String::from_utf8_lossy(&list.stdout).contains("seq-scan-selective-filter"));
    let doc = pgsight(&["rules", "row-misestimate"], None);
    assert!(String::from_utf8_lossy(&doc.stdout).contains("## Why it matters"));
    assert_eq!(pgsight(&["rules", "no-such-rule"], None).status.code(), Some(2));
}

/// Runs from the repository root with a relative path, so snapshots hold no machine paths.
fn pgsight_in_repo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pgsight"))
        .args(args)
        .current_dir(repo(""))
        .output()
        .expect("run pgsight")
}

#[test]
fn report_formats_snapshots() {
    let plan = "tests/scenarios/sort-spill-limit.json";
    for format in ["human", "markdown", "github", "sarif"] {
        let out = pgsight_in_repo(&["analyze", "--plan", plan, "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        insta::assert_snapshot!(format!("format_{format}"), String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn sarif_has_the_required_structure() {
    let out = pgsight_in_repo(&["analyze", "--plan", "tests/scenarios/sort-spill-limit.json", "--format", "sarif"]);
    let sarif = json(&out);
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"], "ruleIndex points at the rule");
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().expect("level")));
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "tests/scenarios/sort-spill-limit.json");
        assert!(location["region"]["startLine"].as_u64().is_some_and(|l| l >= 1));
    }
    for rule in rules {
        for key in ["id", "name", "shortDescription", "fullDescription", "helpUri"] {
            assert!(rule.get(key).is_some(), "rule descriptor lacks {key}");
        }
    }
}

#[test]
fn schema_stats_count_how_statements_were_read() {
    let out = pgsight(&["schema", "--stats", &repo("crates/pgsight-core/tests/fixtures/sql/pagila/pagila-schema.sql")], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("statements: 388 total"), "{stdout}");
    assert!(stdout.contains("understood: 100.0% parsed or classified"), "{stdout}");
    assert!(stdout.contains("catalog: 71 tables (1 partitioned, 55 partitions)"), "{stdout}");

    let json_out = pgsight(&["schema", "--stats", "--format", "json", &repo("tests/schemas/shop.sql")], None);
    let stats = json(&json_out);
    assert_eq!(stats["catalog"]["tables"], 12);
    assert_eq!(stats["statements"]["unknown"], 0);
    assert!(stats["understood_percent"].as_f64().is_some_and(|p| p >= 99.5));
}

#[test]
fn schema_json_has_one_entry_per_table() {
    let out = pgsight(&["schema", &repo("crates/pgsight-core/tests/fixtures/sql/pagila/pagila-schema.sql"), "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0));
    let catalog = json(&out);
    let tables = catalog["tables"].as_array().expect("tables");
    assert_eq!(tables.len(), 71);
    let film_actor = tables.iter().find(|t| t["name"] == "film_actor").expect("film_actor");
    assert_eq!(film_actor["schema"], "public");
    assert_eq!(film_actor["primary_key"]["columns"], serde_json::json!(["actor_id", "film_id"]));
    assert_eq!(film_actor["foreign_keys"][0]["on_update"], "cascade");
    for key in ["columns", "indexes", "check_constraints", "partition_of"] {
        assert!(film_actor.get(key).is_some(), "table lacks {key}");
    }
}

#[test]
fn schema_reads_stdin_and_notes_what_it_cannot_read() {
    let ddl = b"CREATE TABLE t (id int PRIMARY KEY);\nFROBNICATE t;\nCREATE INDEX t_id ON t (id);\n";
    let out = pgsight(&["schema", "-"], Some(ddl));
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("table public.t"), "{stdout}");
    assert!(stdout.contains("index t_id btree (id)"), "{stdout}");
    assert!(stdout.contains("note: could not read `FROBNICATE t`") && stdout.contains("(line 2, column 1)"), "{stdout}");
    assert_eq!(pgsight(&["schema", "/nonexistent/schema.sql"], None).status.code(), Some(2));
}
