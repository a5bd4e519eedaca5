//! The plan scenarios read with the schema they were captured on
//! (tests/scenarios/schema.sql, written by tests/scenarios/dump-schema.sh): plan and
//! schema together.
//! - every scenario still reports what its `-- expect:` header names, as a finding of
//!   its own or merged into another (`also`), from the JSON and from the text;
//! - no finding proposes an index the schema already has, or a name it already uses;
//! - the acceptance cases: an unindexed foreign key scanned by the plan is one
//!   finding, `lower(email)` against an index on `email` is `index-not-used` with an
//!   expression index, an existing index is not proposed again, and a proposed name
//!   that is taken gets a free one.

use std::path::{Path, PathBuf};

use pgsight_core::{analyze, Config, Finding, Input, InputKind, Report, Severity};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn schema() -> &'static str {
    static SCHEMA: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| read("schema.sql"))
}

/// `plan` (a file of tests/scenarios) with the scenario schema, and `extra` DDL after it.
fn report_with(plan: &str, extra: Option<&str>) -> Report {
    let mut inputs = vec![Input::new(InputKind::Plan, plan, read(plan)), Input::new(InputKind::Schema, "schema.sql", schema())];
    if let Some(extra) = extra {
        inputs.push(Input::new(InputKind::Schema, "extra.sql", extra));
    }
    let report = analyze(&inputs, &Config::default());
    assert!(report.inputs.iter().all(|i| i.ok), "{plan}: {:?}", report.notes);
    report
}

fn report(plan: &str) -> Report {
    report_with(plan, None)
}

/// Every index name the scenario schema defines (constraint indexes included).
fn index_names() -> Vec<String> {
    let mut names = Vec::new();
    for line in schema().lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let Some(i) = words.iter().position(|w| *w == "INDEX") {
            if let Some(name) = words.get(i + 1).filter(|w| **w != "CONCURRENTLY") {
                names.push(name.trim_start_matches("ONLY").to_owned());
            }
        }
        if let Some(i) = words.iter().position(|w| *w == "CONSTRAINT") {
            if let Some(name) = words.get(i + 1) {
                names.push((*name).to_owned());
            }
        }
    }
    names
}

/// The names of the indexes a fix creates.
fn created(sql: &str) -> Vec<String> {
    sql.lines()
        .filter_map(|l| l.strip_prefix("CREATE INDEX CONCURRENTLY ").or_else(|| l.strip_prefix("CREATE INDEX ")))
        .filter_map(|rest| rest.split_whitespace().next().map(str::to_owned))
        .collect()
}

/// Rule ids (merged ones included) at or above `min` among the findings that read
/// the plan (input 0): the schema's own findings are about the schema.
fn fired(report: &Report, min: Severity) -> std::collections::BTreeSet<String> {
    report
        .findings
        .iter()
        .filter(|f| f.severity >= min && f.inputs.contains(&0))
        .flat_map(|f| std::iter::once(f.rule.to_owned()).chain(f.also.iter().cloned()))
        .collect()
}

#[test]
fn every_scenario_with_its_schema() {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/scenarios")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sql") && p.file_stem().is_some_and(|s| s != "setup" && s != "schema"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    let existing = index_names();
    assert!(existing.iter().any(|n| n == "customers_email_idx"), "{existing:?}");
    let mut problems = Vec::new();
    for name in &names {
        let Some(expect) = read(&format!("{name}.sql")).lines().find_map(|l| l.strip_prefix("-- expect:")).map(|s| s.trim().to_owned()) else {
            continue;
        };
        let (json, text) = (report(&format!("{name}.json")), report(&format!("{name}.txt")));
        for (capture, r) in [("json", &json), ("txt", &text)] {
            for f in &r.findings {
                for index in created(f.fix.sql.as_deref().unwrap_or("")) {
                    if existing.contains(&index) {
                        problems.push(format!("{name}.{capture}: {} proposes {index}, which exists", f.rule));
                    }
                }
            }
            if expect.starts_with("(nothing") {
                let loud = fired(r, Severity::Warning);
                if !loud.is_empty() {
                    problems.push(format!("{name}.{capture}: clean scenario fires {loud:?}"));
                }
                continue;
            }
            let all = fired(r, Severity::Info);
            for id in expect.split(',').map(str::trim) {
                if !all.contains(id) {
                    problems.push(format!("{name}.{capture}: {id} is not reported (fired: {all:?})"));
                }
            }
        }
        // Separate runs of one query: timings differ, so only warnings must agree.
        if fired(&json, Severity::Warning) != fired(&text, Severity::Warning) {
            problems.push(format!("{name}: JSON and text disagree: {:?} vs {:?}", fired(&json, Severity::Warning), fired(&text, Severity::Warning)));
        }
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

fn about<'r>(report: &'r Report, needle: &str) -> Vec<&'r Finding> {
    report.findings.iter().filter(|f| f.title.contains(needle) || f.message.contains(needle)).collect()
}

/// A Seq Scan filtering on account_events.account_id, a foreign key with no index:
/// the plan's finding and the schema's are one.
#[test]
fn seq_scan_on_an_unindexed_foreign_key_is_one_finding() {
    for capture in ["seq-scan-unindexed-fk.json", "seq-scan-unindexed-fk.txt"] {
        let report = report(capture);
        let on_key: Vec<&Finding> =
            about(&report, "account_events").into_iter().filter(|f| f.fix.sql.as_deref().is_some_and(|s| s.contains("CREATE INDEX") && s.contains("(account_id)"))).collect();
        assert_eq!(on_key.len(), 1, "{capture}: {on_key:#?}");
        let f = on_key[0];
        assert_eq!(f.rule, "seq-scan-selective-filter");
        assert_eq!(f.also, ["fk-missing-index"]);
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.fix.sql.as_deref(), Some("CREATE INDEX CONCURRENTLY account_events_account_id_idx ON public.account_events (account_id);"));
        assert!(f.evidence.iter().any(|e| e.label == "Foreign key" && e.value.contains("account_events_account_id_fkey")), "{f:#?}");
        assert_eq!(f.inputs, [0, 1]);
        assert!(report.findings.iter().all(|f| f.rule != "fk-missing-index" || !f.title.contains("account_events")), "{:#?}", report.findings);
        // The JSON report lists the merged rule and the inputs used.
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("json");
        let merged = json["findings"].as_array().expect("findings").iter().find(|f| f["rule"] == "seq-scan-selective-filter").expect("finding");
        assert_eq!(merged["also"], serde_json::json!(["fk-missing-index"]));
        assert_eq!(merged["inputs"], serde_json::json!([0, 1]));
        // The human rendering names them too.
        let text = f.render_text_with(&report.inputs);
        assert!(text.contains("  also: fk-missing-index\n") && text.contains(&format!("  used: {capture}, schema.sql\n")), "{text}");
    }
}

/// Without the schema the plan alone says the same as before.
#[test]
fn without_the_schema_nothing_changes() {
    let plan = read("seq-scan-unindexed-fk.json");
    let report = analyze(&[Input::new(InputKind::Plan, "p.json", plan)], &Config::default());
    assert!(report.findings.iter().all(|f| f.also.is_empty() && f.inputs == [0]));
    let json = serde_json::to_string(&report.findings).expect("json");
    assert!(!json.contains("\"also\"") && !json.contains("\"inputs\""), "{json}");
}

/// `lower(email) = ...` with customers_email_idx on email: index-not-used, with the
/// expression index as the fix.
#[test]
fn lower_email_against_an_index_on_email() {
    for capture in ["non-sargable-predicate-lower-email.json", "non-sargable-predicate-lower-email.txt"] {
        let report = report(capture);
        let index_rules = ["index-not-used", "non-sargable-predicate", "seq-scan-selective-filter"];
        let on_plan: Vec<&Finding> =
            report.findings.iter().filter(|f| index_rules.contains(&f.rule) || f.also.iter().any(|r| index_rules.contains(&r.as_str()))).collect();
        assert_eq!(on_plan.len(), 1, "{capture}: {on_plan:#?}");
        let f = on_plan[0];
        assert_eq!(f.rule, "index-not-used");
        assert!(f.title.contains("customers_email_idx"), "{}", f.title);
        assert!(f.also.contains(&"non-sargable-predicate".to_owned()), "{:?}", f.also);
        assert_eq!(f.fix.sql.as_deref(), Some("CREATE INDEX CONCURRENTLY customers_lower_email_idx ON public.customers ((lower(email)));"));
    }
}

/// orders_created_at_idx exists: the scan filtering on created_at gets no index
/// proposal, and the finding says why the planner read the table instead.
#[test]
fn an_existing_index_is_not_proposed_again() {
    for capture in ["sort-spill-limit.json", "sort-spill-limit.txt"] {
        let report = report(capture);
        for f in &report.findings {
            let sql = f.fix.sql.as_deref().unwrap_or("");
            assert!(!(sql.contains("CREATE INDEX") && sql.contains("(created_at)")), "{capture}: {f:#?}");
        }
        let f = report.findings.iter().find(|f| f.rule == "index-not-used").expect("index-not-used");
        assert!(f.title.contains("orders_created_at_idx") && f.title.contains("keeps"), "{}", f.title);
        assert!(f.also.contains(&"seq-scan-selective-filter".to_owned()));
        assert!(f.fix.sql.is_none(), "{f:#?}");
    }
}

/// The name a fix would use is taken by another index: the fix takes a free one.
#[test]
fn a_taken_name_gets_a_free_one() {
    let extra = "CREATE INDEX account_events_account_id_idx ON public.account_events (kind);";
    let report = report_with("seq-scan-unindexed-fk.json", Some(extra));
    let f = report.findings.iter().find(|f| f.rule == "seq-scan-selective-filter").expect("finding");
    assert_eq!(f.fix.sql.as_deref(), Some("CREATE INDEX CONCURRENTLY account_events_account_id_idx1 ON public.account_events (account_id);"));
    assert_eq!(f.rollback.sql.as_deref(), Some("DROP INDEX CONCURRENTLY IF EXISTS public.account_events_account_id_idx1;"));
    assert!(f.also.contains(&"fk-missing-index".to_owned()), "{f:#?}");
}

/// The foreign key's trigger in a DELETE plan: the schema's finding on the same
/// foreign key is merged into the plan's, with the trigger's time.
#[test]
fn foreign_key_trigger_and_missing_index_are_one_finding() {
    let report = report("trigger-time-fk-delete.json");
    let f = report.findings.iter().find(|f| f.rule == "trigger-time").expect("trigger-time");
    assert_eq!(f.also, ["fk-missing-index"], "{f:#?}");
    assert!(f.evidence.iter().any(|e| e.label == "In the plan" && e.value.contains("account_events_account_id_fkey")), "{f:#?}");
    assert!(report.findings.iter().all(|f| f.rule != "fk-missing-index" || !f.title.contains("account_events")));
}

/// Plan, query and schema: the query's finding on the same condition is merged too,
/// and its rewritten statement becomes the fix.
#[test]
fn plan_query_and_schema_make_one_finding() {
    let sql = read("non-sargable-predicate-cast-date.sql");
    let query = sql.split("-- query\n").nth(1).expect("query part");
    let inputs = [
        Input::new(InputKind::Plan, "plan.json", read("non-sargable-predicate-cast-date.json")),
        Input::new(InputKind::Query, "query.sql", query),
        Input::new(InputKind::Schema, "schema.sql", schema()),
    ];
    let report = analyze(&inputs, &Config::default());
    let on_created_at: Vec<&Finding> = report.findings.iter().filter(|f| f.title.contains("created_at")).collect();
    assert_eq!(on_created_at.len(), 1, "{on_created_at:#?}");
    let f = on_created_at[0];
    assert_eq!(f.rule, "index-not-used");
    assert_eq!(f.inputs, [0, 1, 2]);
    assert_eq!(
        f.fix.sql.as_deref(),
        Some("SELECT count(*), sum(amount) FROM orders WHERE created_at >= '2023-03-15' AND created_at < '2023-03-16';")
    );
}
