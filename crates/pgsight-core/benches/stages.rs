//! Throughput of each stage of the engine on large generated inputs (see
//! `crates/pgsight-gen`), in MB/s of the input, beside a bare
//! `serde_json::from_slice::<Value>` of the same bytes.
//!
//! `cargo bench -p pgsight-core` (all), or a filter: `cargo bench -p pgsight-core -- union-50000`.
//! Stages run on what the previous stage produced, built once outside the timing:
//! `metrics` and `rules` on a parsed plan, `catalog` and `schema_rules` on a parsed
//! script; `sql_parse_into_catalog` is both of `sql_parse` and `catalog` as `analyze`
//! runs them, each statement applied as it is read. `analyze` is the whole entry point, from text to sorted report. Every
//! figure divides the same input size, so the stages' MB/s compare as times do.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use criterion::measurement::WallTime;
use pgsight_core::analyze::{analyze, Input};
use pgsight_core::config::Config;
use pgsight_core::plan::{self, metrics};
use pgsight_core::report::{Finding, InputKind};
use pgsight_core::rules::{AnalyzedPlan, AnalyzedScript, Context, Rule};
use pgsight_core::sql::{self, Catalog};

/// The default configuration without the input size cap: the biggest generated plans
/// are over the default 64 MiB.
fn config() -> Config {
    Config { max_input_bytes: usize::MAX, ..Config::default() }
}

/// Every enabled rule, as `analyze` runs them.
fn run_rules(ctx: &Context, config: &Config) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in Rule::ALL.iter().copied().filter(|r| !config.disabled.contains(r.id())) {
        rule.check(ctx, &mut findings);
    }
    findings
}

fn group<'c>(c: &'c mut Criterion, name: &str, bytes: usize) -> BenchmarkGroup<'c, WallTime> {
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes as u64));
    // Inputs of 2 to 100 MB: a few long iterations per sample.
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(if bytes > 10_000_000 { 12 } else { 5 }));
    g
}

fn plan_stages(c: &mut Criterion, name: &str, text: &str, json: bool) {
    let config = config();
    let mut g = group(c, name, text.len());
    if json {
        // serde_json stops at 128 nesting levels: the deep join tree is out of its reach.
        if serde_json::from_str::<serde_json::Value>(text).is_ok() {
            g.bench_function("serde_json_value", |b| {
                b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(text.as_bytes())).map(|v| v.is_array()))
            });
        }
    }
    g.bench_function("parse", |b| b.iter(|| plan::parse(black_box(text)).map(|p| p.documents.len())));
    let parsed = plan::parse(text).expect("generated plans parse");
    if json {
        g.bench_function("metrics", |b| b.iter(|| parsed.documents.iter().map(metrics::compute).count()));
        let plans = parsed
            .documents
            .iter()
            .enumerate()
            .map(|(index, doc)| AnalyzedPlan { input: 0, index, doc: doc.clone(), metrics: metrics::compute(doc) })
            .collect();
        let ctx = Context { plans, thresholds: config.thresholds.clone(), ..Context::default() };
        g.bench_function("rules", |b| b.iter(|| run_rules(black_box(&ctx), &config).len()));
    }
    let inputs = [Input::new(InputKind::Plan, name, text)];
    g.bench_function("analyze", |b| b.iter(|| analyze(black_box(&inputs), &config).findings.len()));
    g.finish();
}

fn plans(c: &mut Criterion) {
    for input in pgsight_gen::standard_plans() {
        let json = input.doc.json();
        plan_stages(c, &format!("{}.json", input.name), &json, true);
        drop(json);
        let text = input.doc.text();
        plan_stages(c, &format!("{}.txt", input.name), &text, false);
    }
}

fn schema(c: &mut Criterion) {
    let config = config();
    let text = pgsight_gen::schema::dump(pgsight_gen::SCHEMA_TABLES, pgsight_gen::SCHEMA_INDEXES).sql;
    let mut g = group(c, "schema-2000.sql", text.len());
    g.bench_function("sql_split", |b| b.iter(|| sql::split::split(black_box(&text)).len()));
    g.bench_function("sql_parse", |b| b.iter(|| sql::parse_script(black_box(&text)).statements.len()));
    // What `analyze` does with a schema: each statement applied as read, its tree let go.
    g.bench_function("sql_parse_into_catalog", |b| {
        b.iter(|| {
            let mut catalog = Catalog::default();
            sql::parse::parse_schema_into(black_box(&text), &mut catalog).statements.len() + catalog.counts().tables
        })
    });
    let script = sql::parse_script(&text);
    g.bench_function("catalog", |b| b.iter(|| Catalog::from_script(black_box(&script)).counts().tables));
    let catalog = Catalog::from_script(&script);
    let ctx = Context {
        scripts: vec![AnalyzedScript { input: 0, kind: InputKind::Schema, script }],
        catalog: Some(catalog),
        thresholds: config.thresholds.clone(),
        ..Context::default()
    };
    g.bench_function("schema_rules", |b| b.iter(|| run_rules(black_box(&ctx), &config).len()));
    let inputs = [Input::new(InputKind::Schema, "schema-2000.sql", text.as_str())];
    g.bench_function("analyze", |b| b.iter(|| analyze(black_box(&inputs), &config).findings.len()));
    g.finish();
}

criterion_group!(stages, plans, schema);
criterion_main!(stages);
