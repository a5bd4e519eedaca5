//! A real migration history: the files of `tests/fixtures/migrations/history/`, in
//! order, the way a growing shop evolved its schema. Each file is analyzed as the
//! migration, with every earlier file as the schema it runs against, so "existing
//! table" means what it would mean in production.

use std::collections::BTreeMap;

use pgsight_core::rules::Category;
use pgsight_core::{analyze, Config, Input, InputKind, Report};

fn history() -> Vec<(String, String)> {
    let dir = format!("{}/tests/fixtures/migrations/history", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".sql"))
        .map(|name| {
            let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, text)
        })
        .collect();
    files.sort();
    files
}

/// The report for file `index`, with the files before it as the schema.
fn report_for(files: &[(String, String)], index: usize) -> Report {
    let mut inputs: Vec<Input> = files[..index].iter().map(|(name, text)| Input::new(InputKind::Schema, name.clone(), text.clone())).collect();
    let (name, text) = &files[index];
    inputs.push(Input::new(InputKind::Migration, name.clone(), text.clone()));
    analyze(&inputs, &Config::default())
}

#[test]
fn history_findings() {
    let files = history();
    assert!(files.len() >= 30, "the history has {} files", files.len());
    let mut lines = Vec::new();
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (index, (name, _)) in files.iter().enumerate() {
        let report = report_for(&files, index);
        // Every file reads cleanly, as the migration and as the schema of the next ones.
        assert!(report.notes.is_empty(), "{name}: {:#?}", report.notes);
        assert_eq!(report.migration.len(), 1, "{name}: one statement summary");
        let mut findings: Vec<_> = report.findings.iter().filter(|f| f.category == Category::Migration && f.location.input == index).collect();
        findings.sort_by_key(|f| (f.location.line, f.rule));
        for f in findings {
            *counts.entry(f.rule).or_default() += 1;
            lines.push(format!("{name}:{} {} [{}] {}", f.location.line.unwrap_or(0), f.rule, f.severity, f.title));
        }
    }
    lines.push(String::new());
    lines.push(format!("{} files, {} findings", files.len(), counts.values().sum::<usize>()));
    for (rule, count) in &counts {
        lines.push(format!("{count:>3} {rule}"));
    }
    insta::assert_snapshot!(lines.join("\n"));
    // The history exercises every migration rule.
    for rule in pgsight_core::Rule::ALL.iter().filter(|r| r.meta().category == Category::Migration) {
        assert!(counts.contains_key(rule.id()), "no finding of {} in the history", rule.id());
    }
}

#[test]
fn history_rollback_plans_reverse_each_file() {
    let files = history();
    for index in 0..files.len() {
        let report = report_for(&files, index);
        let lines: Vec<u32> = report.rollback_plan.iter().map(|s| s.line).collect();
        assert!(lines.windows(2).all(|w| w[0] >= w[1]), "{}: the plan runs last statement first: {lines:?}", files[index].0);
        assert!(report.rollback_plan.iter().all(|s| s.input == index));
    }
    // 0029 drops a column: irreversible, with what the backup must hold.
    let drop = report_for(&files, 28);
    let step = drop.rollback_plan.iter().find(|s| s.irreversible).expect("an irreversible step");
    assert!(step.note.as_deref().is_some_and(|n| n.contains("backup")), "{step:?}");
    assert!(step.sql.contains("ADD COLUMN legacy_code varchar(16)"), "{step:?}");
}

#[test]
fn concurrently_on_a_new_table_in_a_transaction() {
    let sql = "BEGIN; CREATE TABLE t (id bigint PRIMARY KEY, user_id bigint REFERENCES users(id)); CREATE INDEX CONCURRENTLY t_user_idx ON t (user_id); COMMIT;";
    let report = analyze(&[Input::new(InputKind::Migration, "m.sql", sql)], &Config::default());
    let of = |id: &str| report.findings.iter().filter(|f| f.rule == id).collect::<Vec<_>>();
    let errors = of("concurrently-in-transaction");
    assert_eq!(errors.len(), 1, "{:#?}", report.findings);
    assert_eq!(errors[0].severity, pgsight_core::Severity::Error);
    assert!(of("create-index-not-concurrently").is_empty(), "{:#?}", report.findings);
}

#[test]
fn json_report_carries_the_rollback_plan_at_the_top() {
    let sql = "SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_idx ON orders (user_id);\nALTER TABLE orders ADD COLUMN note text;\nALTER TABLE orders DROP COLUMN legacy;";
    let report = analyze(&[Input::new(InputKind::Migration, "m.sql", sql)], &Config::default());
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("json");
    let plan = json["rollback_plan"].as_array().expect("rollback_plan");
    let sql_of = |i: usize| plan[i]["sql"].as_str().unwrap_or("").to_owned();
    assert_eq!(plan.len(), 3, "{plan:#?}");
    assert!(plan[0]["irreversible"].as_bool().unwrap_or(false));
    assert_eq!(sql_of(1), "ALTER TABLE orders DROP COLUMN IF EXISTS note;");
    assert_eq!(sql_of(2), "DROP INDEX CONCURRENTLY IF EXISTS public.orders_user_idx;");
    assert_eq!(plan[2]["reverses"], "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_idx ON orders (user_id)");
    let statements = json["migration"][0]["statements"].as_array().expect("summary");
    assert_eq!(statements[2]["locks"][0]["mode"], "ACCESS EXCLUSIVE");
    assert_eq!(statements[2]["lock_timeout"], "'5s'");
}
