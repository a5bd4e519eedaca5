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

#[test]
fn config_is_found_upward_and_checked() {
    let dir = std::env::temp_dir().join(format!("pgsight-config-{}", std::process::id()));
    let nested = dir.join("a/b");
    std::fs::create_dir_all(&nested).expect("mkdir");
    let plan = repo("tests/scenarios/seq-scan-orders-status.json");
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_pgsight")).args(args).current_dir(&nested).output().expect("run");

    std::fs::write(dir.join("pgsight.toml"), "fail-on = \"warning\"\n[rules]\ndisable = [\"slow-node\"]\n").expect("write");
    let out = run(&["analyze", "--plan", &plan, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "fail-on from the config file");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("\"slow-node\""));
    assert_eq!(run(&["analyze", "--plan", &plan, "--fail-on", "error"]).status.code(), Some(0), "the flag wins");

    std::fs::write(dir.join("pgsight.toml"), "[rules]\nfail-on = 1\n").expect("write");
    let out = run(&["analyze", "--plan", &plan]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2, column 1: unknown key `rules.fail-on`"), "{}", String::from_utf8_lossy(&out.stderr));

    let explicit = dir.join("other.toml");
    std::fs::write(&explicit, "[rules.severity]\nseq-scan-selective-filter = \"error\"\n").expect("write");
    let out = run(&["analyze", "--plan", &plan, "--config", explicit.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1), "--config names the file; severity raised to error");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn generated_rule_docs_are_fresh() {
    let dir = std::env::temp_dir().join(format!("pgsight-docs-{}", std::process::id()));
    let out = pgsight(&["rules", "--write-docs", dir.to_str().expect("utf-8")], None);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::path::PathBuf::from(repo("docs/rules"));
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("generated") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_owned();
        let fresh = std::fs::read_to_string(&path).expect("read");
        if std::fs::read_to_string(committed.join(&name)).ok().as_deref() != Some(fresh.as_str()) {
            stale.push(name.to_string_lossy().into_owned());
        }
    }
    let extra: Vec<String> = std::fs::read_dir(&committed)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name()).filter(|n| !dir.join(n).exists()).map(|n| n.to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        stale.is_empty() && extra.is_empty(),
        "docs/rules is stale (run `cargo run -p pgsight-cli -- rules --write-docs docs/rules`): changed {stale:?}, no longer generated {extra:?}"
    );
}

// ---- pgsight diff --------------------------------------------------------------------------

/// The before/after pairs of tests/scenarios/diff, by name.
fn diff_pairs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo("tests/scenarios/diff"))
        .expect("tests/scenarios/diff")
        .filter_map(|e| e.ok()?.file_name().into_string().ok()?.strip_suffix("-before.sql").map(str::to_owned))
        .collect();
    names.sort();
    names
}

#[test]
fn diff_human_snapshots_of_every_pair() {
    for name in diff_pairs() {
        // JSON before, text after: mixed formats, as a person would paste them.
        let before = format!("tests/scenarios/diff/{name}-before.json");
        let after = format!("tests/scenarios/diff/{name}-after.txt");
        let out = pgsight_in_repo(&["diff", &before, &after]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        insta::assert_snapshot!(format!("diff_{name}"), String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn diff_markdown_snapshot() {
    let out = pgsight_in_repo(&["diff", "tests/scenarios/diff/seq-scan-index-before.json", "tests/scenarios/diff/seq-scan-index-after.json", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("diff_markdown", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn diff_json_is_the_plan_diff() {
    let before = std::fs::read(repo("tests/scenarios/diff/sort-spill-work-mem-before.txt")).expect("read");
    let out = pgsight(&["diff", "-", &repo("tests/scenarios/diff/sort-spill-work-mem-after.json"), "--format", "json"], Some(&before));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let d = json(&out);
    assert!(d["headline"].as_str().is_some_and(|h| h.starts_with("Execution ") && h.contains("sort-spill")), "{}", d["headline"]);
    assert_eq!(d["before"]["name"], "stdin");
    assert_eq!(d["before"]["format"], "text");
    assert_eq!(d["after"]["format"], "json");
    assert!(d["totals"]["execution_ms"]["change"].as_f64().is_some_and(|c| c < 0.0));
    assert!(d["findings"]["resolved"].as_array().expect("resolved").iter().any(|f| f["rule"] == "sort-spill"));
    for key in ["new", "remaining"] {
        assert!(d["findings"][key].is_array());
    }
    let nodes = d["nodes"].as_array().expect("nodes");
    assert!(nodes.iter().any(|n| n["change"] == "scan_changed" && n["time_ms"]["percent"].is_number()));
}

#[test]
fn diff_unreadable_input_exits_2() {
    let good = repo("tests/scenarios/diff/seq-scan-index-before.json");
    let missing = pgsight(&["diff", &good, "/nonexistent/after.json"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/after.json"));
    let garbage = pgsight(&["diff", "-", &good], Some(b"{\"Plan\": {\"Node Type\": \n  oops}}"));
    assert_eq!(garbage.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&garbage.stderr);
    assert!(stderr.contains("stdin: line 2, column 3"), "{stderr}");
    assert_eq!(pgsight(&["diff", "-", "-"], Some(b"x")).status.code(), Some(2), "stdin only once");
    assert_eq!(pgsight(&["diff", &good], None).status.code(), Some(2), "two plans needed");
}

#[test]
fn link_opens_the_web_app_on_the_same_inputs() {
    let plan = repo("tests/scenarios/seq-scan-orders-status.json");
    let out = pgsight(&["analyze", "--plan", &plan, "--link", "--base-url", "http://127.0.0.1:8080/app/"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let url = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let fragment = url.strip_prefix("http://127.0.0.1:8080/app/#/s/").expect("share route");
    let shared = pgsight_core::share::decode(fragment, pgsight_core::share::DEFAULT_MAX_DECODED_BYTES).expect("decodes");
    assert_eq!(shared.plan, std::fs::read_to_string(&plan).expect("plan"));
}
