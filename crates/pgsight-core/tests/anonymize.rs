//! Anonymize before sharing, on every real input the project has: each scenario plan
//! (JSON and text, alone and with the schema it was captured on), the plan fixtures,
//! the migration, query and schema fixtures, pagila. For each:
//! - the anonymized inputs give the same multiset of rule ids (merged ones included);
//! - no table, column, index, constraint, sequence, type or alias name of the
//!   original (from the catalog its DDL builds and from the plan) is left as a word,
//!   except the generic names kept on purpose and the ones the mapping lists as kept;
//! - anonymizing again changes nothing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pgsight_core::anonymize::{anonymize, is_kept_by_design};
use pgsight_core::share::SharedInputs;
use pgsight_core::sql::{parse_script, Catalog};
use pgsight_core::{analyze, plan, Config, Input, InputKind};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn files(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| extensions.iter().any(|e| x == *e)))
        .collect();
    found.sort();
    found
}

fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir).expect("fixtures").filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect();
    found.sort();
    found
}

fn inputs_of(shared: &SharedInputs) -> Vec<Input> {
    let mut inputs = Vec::new();
    if !shared.schema.is_empty() {
        inputs.push(Input::new(InputKind::Schema, "schema.sql", shared.schema.clone()));
    }
    if !shared.plan.is_empty() {
        inputs.push(Input::new(InputKind::Plan, "plan", shared.plan.clone()));
    }
    if !shared.sql.is_empty() {
        let kind = if shared.sql_is_migration { InputKind::Migration } else { InputKind::Query };
        inputs.push(Input::new(kind, "sql", shared.sql.clone()));
    }
    inputs
}

/// Rule ids of every finding, merged ones included, sorted (a multiset).
fn rule_ids(shared: &SharedInputs) -> Vec<String> {
    let report = analyze(&inputs_of(shared), &Config::default());
    let mut ids: Vec<String> = report.findings.iter().flat_map(|f| std::iter::once(f.rule.to_owned()).chain(f.also.iter().cloned())).collect();
    ids.sort();
    ids
}

/// Every name the original defines or shows: its DDL's catalog and its plan's nodes.
fn original_names(shared: &SharedInputs) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for ddl in [&shared.schema, &shared.sql] {
        let mut catalog = Catalog::default();
        for statement in &parse_script(ddl).statements {
            catalog.apply(statement);
        }
        for table in catalog.tables.values() {
            names.insert(table.name.clone());
            names.extend(table.columns.iter().map(|c| c.name.clone()));
            names.extend(table.indexes.iter().map(|i| i.name.clone()));
            names.extend(table.foreign_keys.iter().map(|k| k.name.clone()));
            names.extend(table.primary_key.iter().chain(&table.unique_constraints).map(|k| k.name.clone()));
            names.extend(table.check_constraints.iter().map(|c| c.name.clone()));
        }
        names.extend(catalog.sequences.values().map(|s| s.name.clone()));
        names.extend(catalog.views.values().map(|v| v.name.clone()));
        names.extend(catalog.types.values().map(|t| t.name.clone()));
        names.extend(catalog.schemas.iter().map(|s| s.name.clone()));
    }
    if let Ok(parsed) = plan::parse(&shared.plan) {
        for doc in &parsed.documents {
            for node in &doc.plan.nodes {
                let f = &node.fields;
                for name in [&f.relation_name, &f.index_name, &f.alias, &f.cte_name, &f.schema].into_iter().flatten() {
                    names.insert(name.trim_matches('"').to_owned());
                }
            }
        }
    }
    names
}

/// Words of `text` (identifier characters), lower-cased.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// A plan's text to look for names in: a JSON plan's values (its keys, `Relation
/// Name`..., are EXPLAIN's own words).
fn plan_text(plan: &str) -> String {
    fn collect(value: &serde_json::Value, out: &mut String) {
        match value {
            serde_json::Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
    match serde_json::from_str::<serde_json::Value>(plan) {
        Ok(value) => {
            let mut out = String::new();
            collect(&value, &mut out);
            out
        }
        Err(_) => plan.to_owned(),
    }
}

/// Checks one set of inputs; returns its problems.
fn check(label: &str, shared: &SharedInputs) -> Vec<String> {
    check_with(label, shared, true)
}

/// `check`, with the idempotence check optional (it doubles the time on big schemas).
fn check_with(label: &str, shared: &SharedInputs, again_too: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let anonymized = anonymize(shared);
    let (before, after) = (rule_ids(shared), rule_ids(&anonymized.inputs));
    if before != after {
        problems.push(format!("{label}: rule ids differ\n  before: {before:?}\n  after:  {after:?}"));
    }
    let out = &anonymized.inputs;
    let text_words = words(&format!("{}\n{}\n{}", out.schema, plan_text(&out.plan), out.sql));
    let kept: BTreeSet<&str> = anonymized.mapping.kept.iter().map(String::as_str).collect();
    let leaked: Vec<String> = original_names(shared)
        .into_iter()
        .filter(|n| !is_kept_by_design(n) && !kept.contains(n.as_str()) && text_words.contains(&n.to_lowercase()))
        .collect();
    if !leaked.is_empty() {
        problems.push(format!("{label}: original names left: {leaked:?}"));
    }
    let again = if again_too { anonymize(out) } else { anonymized.clone() };
    if &again.inputs != out {
        problems.push(format!("{label}: anonymizing again changed the inputs"));
    }
    if !problems.is_empty() && std::env::var_os("ANONYMIZE_DUMP").is_some() {
        eprintln!("--- {label} anonymized:\n{}\n{}\n{}\n--- again:\n{}\n{}", out.schema, out.plan, out.sql, again.inputs.schema, again.inputs.sql);
    }
    if !anonymized.mapping.notes.is_empty() {
        problems.push(format!("{label}: notes {:?}", anonymized.mapping.notes));
    }
    problems
}

fn assert_no_problems(problems: Vec<String>, checked: usize, at_least: usize) {
    assert!(checked >= at_least, "only {checked} inputs found");
    assert!(problems.is_empty(), "{} problem(s) in {checked} inputs:\n{}", problems.len(), problems.join("\n"));
}

fn plan_only(plan: String) -> SharedInputs {
    SharedInputs { plan, ..SharedInputs::default() }
}

#[test]
fn every_scenario_plan_alone_and_with_its_schema() {
    let dir = root().join("tests/scenarios");
    let schema = read(&dir.join("schema.sql"));
    let mut problems = Vec::new();
    let plans = files(&dir, &["json", "txt"]);
    for path in &plans {
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let plan = read(path);
        problems.extend(check(&name, &plan_only(plan.clone())));
        // Anonymizing the 12,000-line schema twice per scenario is slow in debug builds:
        // idempotence is checked on the plans alone and on the schema fixtures.
        let with_schema = SharedInputs { plan, schema: schema.clone(), ..SharedInputs::default() };
        problems.extend(check_with(&format!("{name} + schema.sql"), &with_schema, false));
    }
    assert_no_problems(problems, plans.len(), 60);
}

#[test]
fn every_plan_fixture() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for dir in subdirs(&root().join("crates/pgsight-core/tests/fixtures")) {
        for path in files(&dir, &["json", "txt"]) {
            checked += 1;
            problems.extend(check(&path.display().to_string(), &plan_only(read(&path))));
        }
    }
    assert_no_problems(problems, checked, 20);
}

#[test]
fn every_migration_fixture_with_its_schema() {
    let dir = root().join("crates/pgsight-core/tests/fixtures/migrations");
    let mut problems = Vec::new();
    let mut checked = 0;
    for rule in subdirs(&dir) {
        let schema_path = rule.join("schema.sql");
        let schema = if schema_path.exists() { read(&schema_path) } else { String::new() };
        for path in files(&rule, &["sql"]).into_iter().filter(|p| !p.ends_with("schema.sql")) {
            checked += 1;
            let label = path.strip_prefix(&dir).unwrap_or(&path).display().to_string();
            problems.extend(check(&label, &SharedInputs { schema: schema.clone(), sql: read(&path), sql_is_migration: true, ..SharedInputs::default() }));
        }
    }
    let evolve = root().join("crates/pgsight-core/tests/fixtures/sql/migrations/evolve-orders.sql");
    problems.extend(check("evolve-orders.sql", &SharedInputs { sql: read(&evolve), sql_is_migration: true, ..SharedInputs::default() }));
    assert_no_problems(problems, checked, 40);
}

#[test]
fn every_query_and_suppression_fixture_with_its_schema() {
    let dir = root().join("crates/pgsight-core/tests/fixtures/queries");
    let schema = read(&dir.join("schema.sql"));
    let mut problems = Vec::new();
    let mut checked = 0;
    for rule in subdirs(&dir) {
        for path in files(&rule, &["sql"]) {
            checked += 1;
            let label = path.strip_prefix(&dir).unwrap_or(&path).display().to_string();
            let sql = read(&path);
            problems.extend(check(&label, &SharedInputs { schema: schema.clone(), sql: sql.clone(), ..SharedInputs::default() }));
            problems.extend(check(&format!("{label} alone"), &SharedInputs { sql, ..SharedInputs::default() }));
        }
    }
    for path in files(&root().join("crates/pgsight-core/tests/fixtures/suppressions"), &["sql"]) {
        checked += 1;
        problems.extend(check(&path.display().to_string(), &SharedInputs { sql: read(&path), ..SharedInputs::default() }));
    }
    assert_no_problems(problems, checked, 20);
}

#[test]
fn every_schema_fixture_and_pagila() {
    let dir = root().join("crates/pgsight-core/tests/fixtures/schema");
    let mut problems = Vec::new();
    let mut checked = 0;
    for rule in subdirs(&dir) {
        for path in files(&rule, &["sql"]) {
            checked += 1;
            let label = path.strip_prefix(&dir).unwrap_or(&path).display().to_string();
            problems.extend(check(&label, &SharedInputs { schema: read(&path), ..SharedInputs::default() }));
        }
    }
    let pagila = root().join("crates/pgsight-core/tests/fixtures/sql/pagila/pagila-schema.sql");
    checked += 1;
    problems.extend(check("pagila-schema.sql", &SharedInputs { schema: read(&pagila), ..SharedInputs::default() }));
    assert_no_problems(problems, checked, 25);
}

/// The same inputs give the same output, whatever else was anonymized before.
#[test]
fn deterministic_across_runs() {
    let dir = root().join("tests/scenarios");
    let inputs = SharedInputs { plan: read(&dir.join("seq-scan-unindexed-fk.txt")), schema: read(&dir.join("schema.sql")), ..SharedInputs::default() };
    let first = anonymize(&inputs);
    let _other = anonymize(&plan_only(read(&dir.join("clean-indexed-join.json"))));
    assert_eq!(anonymize(&inputs), first);
    assert!(first.inputs.plan.contains("Seq Scan on public.table_"), "{}", first.inputs.plan);
    assert!(!first.inputs.plan.contains("account_events") && !first.inputs.schema.contains("account_events"));
}
