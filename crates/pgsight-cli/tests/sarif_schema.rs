//! `--format sarif` validated against the official SARIF 2.1.0 JSON schema (OASIS,
//! vendored in tests/fixtures with its NOTICE), and checked for what GitHub code
//! scanning needs that the schema does not enforce. Inputs are the repository's
//! real plans, migrations, queries and schemas.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use serde_json::{json, Value};

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

/// The schema, with `format` checked too: `artifactLocation.uri` must be a valid
/// `uri-reference`, which is where file names go wrong.
fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let text = std::fs::read_to_string(repo("crates/pgsight-cli/tests/fixtures/sarif-schema-2.1.0.json")).expect("read the schema");
        // The official schema's `language` pattern has a stray `]`, which ECMAScript
        // reads as a literal (Annex B) and the validator's meta-schema check refuses
        // as a regex. Escaping it keeps the same meaning; the file stays verbatim.
        const LANGUAGE: &str = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
        assert_eq!(text.matches(LANGUAGE).count(), 2, "the schema changed: is the workaround still needed?");
        let text = text.replace(LANGUAGE, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
        let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles")
    })
}

fn schema_errors(doc: &Value) -> Vec<String> {
    validator().iter_errors(doc).map(|e| format!("{} (at {})", e, e.instance_path())).collect()
}

/// Runs `pgsight analyze --format sarif` in `dir` and returns the parsed log.
fn analyze_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pgsight"))
        .arg("analyze")
        .args(args)
        .args(["--format", "sarif", "--fail-on", "never"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pgsight");
    child.stdin.take().expect("stdin").write_all(stdin).expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: stdout is not JSON ({e})"))
}

/// From the repository root with relative paths, as a CI job runs it.
fn analyze(args: &[&str]) -> Value {
    analyze_in(Path::new(&repo("")), args, b"")
}

/// Schema-valid, and what GitHub code scanning requires on top
/// (docs.github.com, "SARIF support for code scanning"). `root` is where the
/// relative URIs must resolve.
fn assert_accepted(doc: &Value, root: &Path) {
    let errors = schema_errors(doc);
    assert!(errors.is_empty(), "not valid SARIF 2.1.0:\n{}\n{doc:#}", errors.join("\n"));
    assert_eq!(doc["version"], "2.1.0");
    assert_eq!(doc["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    let runs = doc["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    for run in runs {
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "pgsight");
        let rules = driver["rules"].as_array().expect("driver.rules");
        for (i, rule) in rules.iter().enumerate() {
            let id = rule["id"].as_str().expect("rule id");
            assert!(rules[..i].iter().all(|r| r["id"] != id), "rule {id} is described twice");
            for key in ["shortDescription", "fullDescription", "help"] {
                let text = rule[key]["text"].as_str().unwrap_or_default();
                assert!(!text.trim().is_empty(), "{id}: {key}.text is required and may not be empty");
            }
            for key in ["shortDescription", "fullDescription"] {
                let chars = rule[key]["text"].as_str().unwrap_or_default().chars().count();
                assert!(chars <= 1024, "{id}: GitHub cuts {key} at 1024 characters, this one has {chars}");
            }
            assert!(rule["name"].as_str().is_some_and(|n| !n.is_empty() && n.len() <= 255), "{id}: name");
            let help_uri = rule["helpUri"].as_str().expect("helpUri");
            assert!(help_uri.starts_with("https://") && help_uri.ends_with(id), "{id}: helpUri {help_uri}");
        }
        let results = run["results"].as_array().expect("results (may be empty, not absent)");
        for result in results {
            let rule_id = result["ruleId"].as_str().expect("ruleId");
            assert!(rules.iter().any(|r| r["id"] == rule_id), "{rule_id} has no descriptor in rules");
            let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
            assert_eq!(rules[index]["id"], rule_id, "ruleIndex points at the rule");
            assert!(result["message"]["text"].as_str().is_some_and(|t| !t.trim().is_empty()), "{rule_id}: message.text");
            let locations = result["locations"].as_array().expect("locations");
            assert!((1..=10).contains(&locations.len()), "{rule_id}: GitHub needs 1 to 10 locations");
            let physical = &locations[0]["physicalLocation"];
            let uri = physical["artifactLocation"]["uri"].as_str().expect("uri");
            assert_relative_to(uri, root);
            let region = &physical["region"];
            assert!(region["startLine"].as_u64().is_some_and(|l| l >= 1), "{rule_id}: startLine {region}");
            if uri.ends_with(".sql") {
                // Findings in SQL point at the statement or expression, not just its line.
                assert!(region["startColumn"].as_u64().is_some_and(|c| c >= 1), "{rule_id} in {uri}: startColumn {region}");
            }
            if let Some(fingerprints) = result.get("partialFingerprints") {
                assert!(fingerprints.as_object().is_some_and(|f| f.values().all(Value::is_string)), "{fingerprints}");
            }
        }
    }
}

/// GitHub matches a result to a file by a path relative to the repository root.
fn assert_relative_to(uri: &str, root: &Path) {
    assert!(!uri.starts_with('/') && !uri.contains("://") && !uri.contains('\\'), "{uri} is not relative");
    assert!(!uri.split('/').any(|segment| segment == ".." || segment == "."), "{uri} is not normalized");
    let path = percent_decode(uri);
    assert!(root.join(&path).is_file(), "{uri} ({path}) is not a file under {}", root.display());
}

fn percent_decode(uri: &str) -> String {
    let mut bytes = Vec::new();
    let mut rest = uri.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' && tail.len() >= 2 {
            let hex = std::str::from_utf8(&tail[..2]).expect("ASCII");
            bytes.push(u8::from_str_radix(hex, 16).expect("percent escape"));
            rest = &tail[2..];
        } else {
            bytes.push(b);
            rest = tail;
        }
    }
    String::from_utf8(bytes).expect("UTF-8 path")
}

fn results(doc: &Value) -> &Vec<Value> {
    doc["runs"][0]["results"].as_array().expect("results")
}

fn region_of(result: &Value) -> (&str, u64, Option<u64>) {
    let physical = &result["locations"][0]["physicalLocation"];
    (
        physical["artifactLocation"]["uri"].as_str().expect("uri"),
        physical["region"]["startLine"].as_u64().expect("startLine"),
        physical["region"]["startColumn"].as_u64(),
    )
}

#[test]
fn plan_scenarios_are_valid_sarif() {
    for plan in ["tests/scenarios/sort-spill-limit.json", "tests/scenarios/seq-scan-orders-status.txt"] {
        let doc = analyze(&["--plan", plan]);
        assert_accepted(&doc, Path::new(&repo("")));
        assert!(!results(&doc).is_empty(), "{plan} has findings");
        assert!(results(&doc).iter().all(|r| region_of(r).0 == plan));
    }
}

#[test]
fn migrations_point_at_lines_and_columns() {
    let doc = analyze(&["--migration", "crates/pgsight-core/tests/fixtures/migrations/history/*.sql"]);
    assert_accepted(&doc, Path::new(&repo("")));
    let found = results(&doc);
    assert!(found.len() >= 10, "the migration history has many findings: {}", found.len());
    let one = found
        .iter()
        .find(|r| r["ruleId"] == "create-index-not-concurrently" && region_of(r).0.ends_with("0005_index_orders_user_id.sql"))
        .expect("CREATE INDEX without CONCURRENTLY in 0005");
    assert_eq!(region_of(one), ("crates/pgsight-core/tests/fixtures/migrations/history/0005_index_orders_user_id.sql", 2, Some(1)));
}

#[test]
fn query_findings_point_inside_the_line() {
    let query = "crates/pgsight-core/tests/fixtures/queries/non-sargable-predicate/fires.sql";
    let doc = analyze(&["--query", query]);
    assert_accepted(&doc, Path::new(&repo("")));
    let regions: Vec<_> = results(&doc).iter().map(region_of).collect();
    assert_eq!(regions, [(query, 4, Some(7)), (query, 7, Some(32)), (query, 10, Some(29))]);
}

#[test]
fn schemas_are_valid_sarif() {
    for schema in ["tests/schemas/shop.sql", "crates/pgsight-core/tests/fixtures/sql/pagila/pagila-schema.sql"] {
        let doc = analyze(&["--schema", schema]);
        assert_accepted(&doc, Path::new(&repo("")));
        assert!(!results(&doc).is_empty(), "{schema} has findings");
    }
}

#[test]
fn several_inputs_make_one_valid_run() {
    let args = [
        "--plan",
        "tests/scenarios/sort-spill-limit.json",
        "--schema",
        "tests/schemas/shop.sql",
        "--migration",
        "crates/pgsight-core/tests/fixtures/migrations/create-index-not-concurrently/fires.sql",
        "--query",
        "crates/pgsight-core/tests/fixtures/queries/select-star/fires.sql",
    ];
    let doc = analyze(&args);
    assert_accepted(&doc, Path::new(&repo("")));
    for input in args.iter().skip(1).step_by(2) {
        assert!(results(&doc).iter().any(|r| region_of(r).0 == *input), "no result in {input}");
    }
    // upload-sarif fingerprints results from rule, path and line: the log must not
    // change between two runs over the same files.
    assert_eq!(doc, analyze(&args), "the same inputs give the same log");
}

#[test]
fn no_findings_is_an_empty_valid_run() {
    let doc = analyze(&["--query", "crates/pgsight-core/tests/fixtures/queries/select-star/quiet.sql"]);
    assert_accepted(&doc, Path::new(&repo("")));
    assert_eq!(doc["runs"][0]["results"], json!([]));
    assert_eq!(doc["runs"][0]["tool"]["driver"]["rules"], json!([]));
    assert!(doc["runs"][0].get("invocations").is_none(), "nothing to notify");
}

#[test]
fn a_bad_input_beside_good_ones_is_notified() {
    let good = "tests/scenarios/sort-spill-limit.json";
    let doc = analyze_in(Path::new(&repo("")), &["--plan", good, "--plan", "-", "--plan", "no-such-plan.json"], b"\x00\x01binary");
    assert_accepted(&doc, Path::new(&repo("")));
    assert!(results(&doc).iter().all(|r| region_of(r).0 == good));
    let invocation = &doc["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true, "the good plan was analyzed");
    let notes = invocation["toolExecutionNotifications"].as_array().expect("notifications");
    assert_eq!(notes.len(), 2, "{notes:#?}");
    assert!(notes.iter().all(|n| n["level"] == "error"));
    assert!(notes[0]["message"]["text"].as_str().is_some_and(|m| m.contains("NUL")));
    assert_eq!(notes[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "no-such-plan.json");
}

#[test]
fn file_names_that_are_not_uris_are_encoded() {
    let dir = std::env::temp_dir().join(format!("pgsight-sarif-{}", std::process::id()));
    let sub = dir.join("db migrations");
    std::fs::create_dir_all(&sub).expect("temp dir");
    let name = "0005 index #orders 100%.sql";
    std::fs::copy(repo("crates/pgsight-core/tests/fixtures/migrations/history/0005_index_orders_user_id.sql"), sub.join(name)).expect("copy");
    let doc = analyze_in(&dir, &["--migration", &format!("db migrations/{name}")], b"");
    assert_accepted(&doc, &dir);
    assert_eq!(region_of(&results(&doc)[0]).0, "db%20migrations/0005%20index%20%23orders%20100%25.sql");
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn the_validator_rejects_invalid_logs() {
    let valid = analyze(&["--plan", "tests/scenarios/sort-spill-limit.json"]);
    assert!(schema_errors(&valid).is_empty());
    type Mutation = fn(&mut Value);
    let broken: [(&str, Mutation); 5] = [
        ("an unknown level", |d| d["runs"][0]["results"][0]["level"] = json!("bogus")),
        ("another SARIF version", |d| d["version"] = json!("2.0.0")),
        ("line 0", |d| d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = json!(0)),
        ("a space in a URI", |d| d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = json!("a b.sql")),
        ("a result without a message", |d| {
            d["runs"][0]["results"][0].as_object_mut().expect("result").remove("message");
        }),
    ];
    for (what, mutate) in broken {
        let mut doc = valid.clone();
        mutate(&mut doc);
        assert!(!schema_errors(&doc).is_empty(), "the schema accepted {what}");
    }
}
