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

/// `--anonymize`: the link carries renamed inputs that give the same rule ids, and the
/// mapping file turns the names back.
#[test]
fn anonymized_link_hides_the_names_and_keeps_the_findings() {
    let plan = repo("tests/scenarios/seq-scan-unindexed-fk.txt");
    let schema = repo("tests/scenarios/schema.sql");
    let mapping = std::env::temp_dir().join(format!("pgsight-mapping-{}.tsv", std::process::id()));
    let mapping_arg = mapping.to_string_lossy().into_owned();
    let args = ["analyze", "--plan", &plan, "--schema", &schema, "--link", "--anonymize", "--mapping", &mapping_arg, "--base-url", "http://x/"];
    let out = pgsight(&args, None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let url = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let shared = pgsight_core::share::decode(url.strip_prefix("http://x/#/s/").expect("share route"), pgsight_core::share::DEFAULT_MAX_DECODED_BYTES).expect("decodes");
    for name in ["account_events", "account_id", "accounts", "account_events_account_id_fkey"] {
        assert!(!shared.plan.contains(name) && !shared.schema.contains(name), "{name} is in the link");
    }
    let ids = |plan: &str, schema: &str| {
        use pgsight_core::{Input, InputKind};
        let inputs = [Input::new(InputKind::Plan, "p", plan), Input::new(InputKind::Schema, "s", schema)];
        let mut ids: Vec<String> = pgsight_core::analyze(&inputs, &pgsight_core::Config::default()).findings.iter().map(|f| f.rule.to_owned()).collect();
        ids.sort();
        ids
    };
    let original = (std::fs::read_to_string(&plan).expect("plan"), std::fs::read_to_string(&schema).expect("schema"));
    assert_eq!(ids(&shared.plan, &shared.schema), ids(&original.0, &original.1));
    let table = std::fs::read_to_string(&mapping).expect("mapping written");
    std::fs::remove_file(&mapping).ok();
    assert!(table.lines().any(|l| l.starts_with("table\taccount_events\ttable_")), "{table}");
    let orphan = pgsight(&["analyze", "--plan", &plan, "--anonymize"], None);
    assert_eq!(orphan.status.code(), Some(2), "--anonymize needs --link");
}

#[test]
fn diff_link_opens_the_compare_view_on_both_plans() {
    let before = repo("tests/scenarios/diff/seq-scan-index-before.json");
    let after = repo("tests/scenarios/diff/seq-scan-index-after.txt");
    let out = pgsight(&["diff", &before, &after, "--link", "--base-url", "http://127.0.0.1:8080/app/#/rules"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let url = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let fragment = url.strip_prefix("http://127.0.0.1:8080/app/#/s/").expect("share route");
    let shared = pgsight_core::share::decode(fragment, pgsight_core::share::DEFAULT_MAX_DECODED_BYTES).expect("decodes");
    assert_eq!(shared.plan, std::fs::read_to_string(&before).expect("before"));
    assert_eq!(shared.compare_plan, std::fs::read_to_string(&after).expect("after"));
    assert!(shared.schema.is_empty() && shared.sql.is_empty());
    let empty = pgsight(&["diff", "-", &after, "--link"], Some(b"  \n"));
    assert_eq!(empty.status.code(), Some(2), "an empty plan is not worth a link");
    assert!(String::from_utf8_lossy(&empty.stderr).contains("-: the plan is empty"), "{}", String::from_utf8_lossy(&empty.stderr));
    let orphan = pgsight(&["diff", &before, &after, "--base-url", "http://x/"], None);
    assert_eq!(orphan.status.code(), Some(2), "--base-url needs --link");
}

// ---- --format human, several inputs and globs ---------------------------------------------

#[test]
fn human_format_underlines_the_sql_it_points_at() {
    let migration = "crates/pgsight-core/tests/fixtures/migrations/create-index-not-concurrently/fires.sql";
    let out = pgsight_in_repo(&["analyze", "--migration", migration]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains('\x1b'), "no colour when stdout is a pipe");
    assert!(stdout.contains("5 | CREATE INDEX orders_user_id_created_at_idx ON orders (user_id, created_at DESC);\n  | ^^^^"), "{stdout}");
    insta::assert_snapshot!("format_human_migration", stdout);
}

#[test]
fn colour_is_forced_by_clicolor_force_and_vetoed_by_no_color() {
    let plan = "tests/scenarios/sort-spill-limit.txt";
    let run = |env: &[(&str, &str)]| {
        let out = Command::new(env!("CARGO_BIN_EXE_pgsight"))
            .args(["analyze", "--plan", plan])
            .current_dir(repo(""))
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .envs(env.iter().copied())
            .output()
            .expect("run pgsight");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let forced = run(&[("CLICOLOR_FORCE", "1")]);
    assert!(forced.contains("\x1b["), "CLICOLOR_FORCE colours a pipe");
    assert!(forced.contains("Parallel Seq Scan on public.orders"), "the plan line is excerpted: {forced}");
    assert!(!run(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains('\x1b'), "NO_COLOR wins");
    assert!(!run(&[]).contains('\x1b'));
}

#[test]
fn several_inputs_per_flag_and_globs() {
    let out = pgsight_in_repo(&[
        "analyze",
        "--plan",
        "tests/scenarios/sort-spill-limit.json",
        "tests/scenarios/seq-scan-orders-status.txt",
        "--migration",
        "crates/pgsight-core/tests/fixtures/migrations/history/000[1-3]_*.sql",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report = json(&out);
    let names: Vec<&str> = report["inputs"].as_array().expect("inputs").iter().filter_map(|i| i["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            "tests/scenarios/sort-spill-limit.json",
            "tests/scenarios/seq-scan-orders-status.txt",
            "crates/pgsight-core/tests/fixtures/migrations/history/0001_create_users.sql",
            "crates/pgsight-core/tests/fixtures/migrations/history/0002_create_products.sql",
            "crates/pgsight-core/tests/fixtures/migrations/history/0003_create_orders.sql",
        ]
    );
    let none = pgsight_in_repo(&["analyze", "--plan", "tests/scenarios/*.nothing"]);
    assert_eq!(none.status.code(), Some(2), "a pattern that matches nothing is a usage error");
    assert!(String::from_utf8_lossy(&none.stderr).contains("no file matches `tests/scenarios/*.nothing`"));
}

// ---- pgsight logs ------------------------------------------------------------------------------

#[test]
fn logs_reads_every_fixture_format() {
    let out = pgsight_in_repo(&["logs", "tests/logs/*.log", "tests/logs/csvlog.csv", "tests/logs/jsonlog.json", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let summary = json(&out);
    let sources = summary["sources"].as_array().expect("sources");
    assert_eq!(sources.len(), 5);
    for source in sources {
        assert_eq!(source["plans"], 60, "{source}");
    }
    let formats: Vec<&str> = sources.iter().filter_map(|s| s["format"].as_str()).collect();
    assert_eq!(formats, ["stderr", "stderr", "stderr", "csvlog", "jsonlog"]);
    assert_eq!(summary["plans"], 300);
    let queries = summary["queries"].as_array().expect("queries");
    assert_eq!(queries.len(), 11, "one fingerprint per query shape, across formats");
    assert!(queries.iter().all(|q| q["calls"].as_u64().is_some_and(|c| c % 5 == 0)));
    let rules = summary["rules"].as_array().expect("rules");
    assert!(rules.windows(2).all(|w| w[0]["cost_ms"].as_f64() >= w[1]["cost_ms"].as_f64()), "rules by cost");
    let seq = rules.iter().find(|r| r["rule"] == "seq-scan-selective-filter").expect("seq scan rule");
    assert_eq!(seq["plans"], 125);
    let sample = &queries[0]["sample"];
    assert!(sample["plan"].as_str().is_some_and(|p| p.contains("Query Text")) && sample["line"].as_u64().is_some());
}

#[test]
fn logs_human_and_markdown_snapshots() {
    let out = pgsight_in_repo(&["logs", "tests/logs/stderr-pgbadger.log", "--top", "3"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "no progress bar when stderr is not a terminal");
    insta::assert_snapshot!("logs_human", String::from_utf8_lossy(&out.stdout));
    let md = pgsight_in_repo(&["logs", "tests/logs/jsonlog.json", "--top", "2", "--format", "markdown"]);
    assert_eq!(md.status.code(), Some(0));
    insta::assert_snapshot!("logs_markdown", String::from_utf8_lossy(&md.stdout));
}

#[test]
fn logs_usage_errors_exit_2() {
    assert_eq!(pgsight(&["logs"], None).status.code(), Some(2), "a log is required");
    assert_eq!(pgsight(&["logs", "/nonexistent/postgresql.log"], None).status.code(), Some(2));
    assert_eq!(pgsight(&["logs", &repo("tests/logs/*.nothing")], None).status.code(), Some(2));
    let empty = pgsight(&["logs", "-"], Some(b"not a log\n"));
    assert_eq!(empty.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("no auto_explain plan found"));
}

/// Writes a synthetic stderr log of about `target` bytes: auto_explain plans (text and
/// JSON, literals varying, a few hundred query shapes) among the statement, connection
/// and error chatter a busy server logs. Returns the plans written and the shapes.
fn write_generated_log(out: &mut impl Write, target: usize) -> std::io::Result<(u64, usize)> {
    let mut written = 0;
    let mut plans = 0;
    let mut shapes = std::collections::HashSet::new();
    let mut buf = String::with_capacity(1 << 16);
    let mut n: u64 = 0;
    while written < target {
        n += 1;
        buf.clear();
        let ts = format!("2024-05-01 {:02}:{:02}:{:02}.{:03} UTC", n / 3_600_000 % 24, n / 60_000 % 60, n / 1000 % 60, n % 1000);
        let pid = 1000 + n % 64;
        for k in 0..8 {
            buf.push_str(&format!(
                "{ts} [{pid}] LOG:  duration: 0.{k}{:02} ms  statement: SELECT id, name, email, created_at FROM users WHERE id = {} /* controller:users,action:show */\n",
                n % 100,
                n * 31 + k
            ));
        }
        if n.is_multiple_of(10) {
            buf.push_str(&format!("{ts} [{pid}] ERROR:  duplicate key value violates unique constraint \"users_email_key\"\n{ts} [{pid}] DETAIL:  Key (email)=(user{n}@example.com) already exists.\n{ts} [{pid}] STATEMENT:  INSERT INTO users (email)\n\tVALUES ('user{n}@example.com')\n"));
        }
        let ms = (n * 7919 % 100_000) as f64 / 100.0;
        if n.is_multiple_of(4) && !n.is_multiple_of(100) {
            shapes.insert("json".to_owned());
            buf.push_str(&format!(
                "{ts} [{pid}] LOG:  duration: {ms:.3} ms  plan:\n\t{{\n\t  \"Query Text\": \"SELECT * FROM orders WHERE id = {n}\",\n\t  \"Plan\": {{\n\t    \"Node Type\": \"Index Scan\",\n\t    \"Index Name\": \"orders_pkey\",\n\t    \"Relation Name\": \"orders\",\n\t    \"Alias\": \"orders\",\n\t    \"Startup Cost\": 0.42,\n\t    \"Total Cost\": 8.44,\n\t    \"Plan Rows\": 1,\n\t    \"Plan Width\": 73,\n\t    \"Actual Startup Time\": 0.02,\n\t    \"Actual Total Time\": {ms:.3},\n\t    \"Actual Rows\": 1,\n\t    \"Actual Loops\": 1,\n\t    \"Index Cond\": \"(id = {n})\",\n\t    \"Shared Hit Blocks\": 4\n\t  }}\n\t}}\n"
            ));
        } else {
            // Every 100th plan queries one of 300 tables of its own: 300 more shapes.
            let table = if n.is_multiple_of(100) { format!("orders_{}", n / 100 % 300) } else { "orders".to_owned() };
            shapes.insert(table.clone());
            let country = ["FR", "DE", "ES", "IT"][(n % 4) as usize];
            buf.push_str(&format!(
                "{ts} [{pid}] LOG:  duration: {ms:.3} ms  plan:\n\tQuery Text: SELECT id, customer_id, amount FROM {table}\n\t  WHERE status = 'open' AND country = '{country}' AND id > {n}\n\tSeq Scan on {table}  (cost=0.00..28334.00 rows=261 width=22) (actual time=0.010..{ms:.3} rows=10 loops=1)\n\t  Filter: ((status = 'open'::text) AND (country = '{country}'::text) AND (id > {n}))\n\t  Rows Removed by Filter: 999990\n\t  Buffers: shared read=13334\n"
            ));
        }
        plans += 1;
        out.write_all(buf.as_bytes())?;
        written += buf.len();
    }
    Ok((plans, shapes.len()))
}

/// Peak resident memory of a running process (Linux), in kB, while it is `pgsight`.
#[cfg(target_os = "linux")]
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    if !status.lines().any(|l| l.starts_with("Name:") && l.contains("pgsight")) {
        return None;
    }
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A long log streams through in bounded memory: read line by line, one entry at a
/// time, aggregates only. 200 MB in release builds; 64 MB in debug builds, which
/// analyze each plan several times slower. Either way the input is larger than the
/// bound, which a reader holding the log (or its entries) could not meet.
#[cfg(target_os = "linux")]
#[test]
fn logs_stream_in_bounded_memory() {
    const BOUND_KB: u64 = 48 * 1024;
    let target: usize = if cfg!(debug_assertions) { 64 << 20 } else { 200 << 20 };
    let mut child = Command::new(env!("CARGO_BIN_EXE_pgsight"))
        .args(["logs", "-", "--format", "json", "--top", "3"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pgsight");
    let pid = child.id();
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, &mut stdin);
        let counts = write_generated_log(&mut out, target);
        drop(out);
        counts
    });
    let watcher = std::thread::spawn(move || {
        let mut peak = 0;
        while let Some(kb) = peak_rss_kb(pid) {
            peak = peak.max(kb);
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        peak
    });
    let (plans, shapes) = writer.join().expect("writer").expect("pgsight read the whole log");
    let out = child.wait_with_output().expect("wait");
    let peak = watcher.join().expect("watcher");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let summary = json(&out);
    assert_eq!(summary["plans"].as_u64(), Some(plans));
    assert_eq!(summary["queries"].as_array().map(Vec::len), Some(shapes));
    assert!(peak > 0, "peak memory was measured");
    assert!(peak < BOUND_KB, "peak RSS {peak} kB for a {} MB log (bound {BOUND_KB} kB)", target >> 20);
}
