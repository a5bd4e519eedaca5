use super::testing::{fixture_value, FIXTURE};
use super::*;
use crate::rules::test_support::fixture;
use crate::{analyze, Config, Input, InputKind};

fn report_of(text: &str) -> crate::Report {
    analyze(&[Input::new(InputKind::Schema, "snapshot.json", text)], &Config::default())
}

#[test]
fn detects_snapshots_and_leaves_ddl_alone() {
    assert!(is_snapshot(&fixture(FIXTURE)));
    assert!(is_snapshot("{\"pgsight_snapshot_version\": 1}"));
    assert!(!is_snapshot("CREATE TABLE t (doc jsonb DEFAULT '{\"pgsight_snapshot_version\": 1}');"));
    assert!(!is_snapshot("CREATE TABLE t (id int);"));
}

#[test]
fn the_script_is_one_read_only_statement_with_its_version() {
    let script = crate::sql::parse_script(SQL);
    assert_eq!(script.statements.len(), 1, "{:?}", script.statements.iter().map(|s| &s.sql).collect::<Vec<_>>());
    assert!(SQL.contains(&format!("'pgsight_snapshot_version', {VERSION}")));
    let upper = SQL.to_ascii_uppercase();
    for write in ["INSERT ", "UPDATE ", "DELETE ", "CREATE ", "ALTER ", "DROP ", "SET "] {
        let code: String = upper.lines().filter(|l| !l.trim_start().starts_with("--")).collect::<Vec<_>>().join("\n");
        assert!(!code.contains(write), "the snapshot script must not contain {write}");
    }
}

#[test]
fn the_fixture_builds_the_catalog_with_stats() {
    let snapshot = parse(&fixture(FIXTURE)).expect("fixture parses");
    assert_eq!(snapshot.pgsight_snapshot_version, VERSION);
    let script = crate::sql::parse_script(&ddl(&snapshot));
    assert!(script.notes.is_empty(), "{:?}", script.notes);
    let mut catalog = Catalog::from_script(&script);
    attach_stats(&snapshot, &mut catalog);
    let orders = catalog.table(&QualifiedName::new(None, "orders")).expect("orders");
    assert_eq!(orders.primary_key.as_ref().map(|k| k.columns.clone()), Some(vec!["id".to_owned()]));
    assert_eq!(orders.foreign_keys.len(), 1);
    assert_eq!(orders.check_constraints.len(), 1);
    // The invalid index is left out; the others carry their figures.
    let names: Vec<&str> = orders.indexes.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["orders_created_at_idx", "orders_customer_id_idx"]);
    assert!(orders.indexes.iter().all(|i| i.stats.is_some()));
    let stats = orders.stats.as_ref().expect("orders stats");
    assert_eq!(stats.rows(), Some(100_000.0));
    assert!(stats.n_dead_tup.unwrap_or(0) > 30_000);
    let measurements = catalog.table(&QualifiedName::new(None, "measurements")).expect("partitioned");
    assert!(measurements.is_partitioned());
    let partition = catalog.table(&QualifiedName::new(None, "measurements_2024")).expect("partition");
    assert!(partition.partition_of.is_some());
    assert!(partition.indexes[0].parent_index.is_some(), "{:?}", partition.indexes);
    let events = catalog.table(&QualifiedName::new(None, "events")).expect("events");
    assert_eq!(events.stats.as_ref().and_then(|s| s.reltuples), None, "never analyzed: reltuples -1");
    assert_eq!(events.stats.as_ref().and_then(|s| s.rows()), Some(30_000.0));
}

#[test]
fn schema_rules_run_on_a_snapshot_without_positions() {
    let report = report_of(&fixture(FIXTURE));
    assert!(report.inputs[0].ok && report.inputs[0].statements > 10, "{:?}", report.inputs);
    // The partitioned table has no primary key: a schema rule, from the snapshot alone.
    assert!(report.findings.iter().any(|f| f.rule == "missing-primary-key" && f.title.contains("measurements")), "{:#?}", report.findings);
    // Constraint indexes are not read twice (as an index and as the constraint).
    assert!(report.findings.iter().all(|f| f.rule != "duplicate-index"), "{:#?}", report.findings);
    assert!(report.findings.iter().all(|f| f.location.input == 0 && f.location.line.is_none()));
}

#[test]
fn a_newer_version_is_read_with_a_note() {
    let mut value = fixture_value();
    value["pgsight_snapshot_version"] = serde_json::json!(VERSION + 1);
    let report = report_of(&value.to_string());
    assert!(report.inputs[0].ok);
    assert!(report.notes.iter().any(|n| n.message.contains("newer than this pgsight reads")), "{:?}", report.notes);
    assert!(report.findings.iter().any(|f| f.rule == "unused-index"));
    let current = report_of(&fixture(FIXTURE));
    assert!(current.notes.iter().all(|n| !n.message.contains("newer")), "{:?}", current.notes);
}

#[test]
fn psql_aligned_output_is_read_too() {
    let value = fixture_value();
    let pretty = serde_json::to_string_pretty(&value).expect("json");
    let aligned: String = pretty.lines().map(|l| format!(" {l}+\n")).collect::<String>();
    let text = format!(" json_build_object \n-------------------\n{aligned}\n(1 row)\n");
    assert!(parse(&text).is_ok());
}

#[test]
fn broken_json_is_an_error_note() {
    let report = report_of("{\"pgsight_snapshot_version\": 1, \"tables\": [");
    assert!(!report.inputs[0].ok);
    assert!(report.notes.iter().any(|n| n.message.contains("snapshot")), "{:?}", report.notes);
}

#[test]
fn without_pg_stat_statements_the_rest_still_reads() {
    let mut value = fixture_value();
    value["pg_stat_statements"] = serde_json::json!("not installed");
    value["statements"] = serde_json::Value::Null;
    let report = report_of(&value.to_string());
    assert!(report.notes.iter().any(|n| n.message.contains("pg_stat_statements is not installed")), "{:?}", report.notes);
    assert!(report.findings.iter().all(|f| f.rule != "slow-statement"));
    assert!(report.findings.iter().any(|f| f.rule == "dead-tuples"));
}

#[test]
fn settings_scale_to_bytes() {
    let s = |setting: &str, unit: Option<&str>| Setting { setting: Some(setting.to_owned()), unit: unit.map(str::to_owned), source: None };
    assert_eq!(s("4096", Some("kB")).bytes(), Some(4.0 * 1024.0 * 1024.0));
    assert_eq!(s("16384", Some("8kB")).bytes(), Some(128.0 * 1024.0 * 1024.0));
    assert_eq!(s("4096", Some("kB")).display(), "4.0 MB");
    assert_eq!(s("100", None).number(), Some(100.0));
    assert_eq!(bytes_text(4_513_792.0), "4.3 MB");
}

#[test]
fn plan_findings_mention_the_row_count_of_the_snapshot() {
    let plan = "tests/scenarios/seq-scan-orders-status.json";
    let inputs = [Input::new(InputKind::Schema, "snapshot.json", fixture(FIXTURE)), Input::new(InputKind::Plan, plan, fixture(plan))];
    let report = analyze(&inputs, &Config::default());
    let seq = report.findings.iter().find(|f| f.rule == "seq-scan-selective-filter").expect("seq scan finding");
    assert!(seq.message.contains("public.orders has 100,000 rows (health snapshot)"), "{}", seq.message);
    assert!(seq.evidence.iter().any(|e| e.label == "Table rows (snapshot)" && e.value == "100,000"));
    // Without a snapshot, no row count.
    let alone = analyze(&inputs[1..], &Config::default());
    let seq = alone.findings.iter().find(|f| f.rule == "seq-scan-selective-filter").expect("seq scan finding");
    assert!(!seq.message.contains("health snapshot"));
}
