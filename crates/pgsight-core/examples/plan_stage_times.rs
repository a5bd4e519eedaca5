//! One-shot timing of each stage of a plan analysis, and of each rule, on a plan
//! file: where the time goes, before reaching for `perf` or the criterion bench.
//!
//! `cargo run --release -p pgsight-core --example plan_stage_times -- /tmp/inputs/union-50000.txt`
//! (inputs from `pgsight-gen /tmp/inputs`). Each figure is the best of `--runs N` (3).

use std::time::{Duration, Instant};

use pgsight_core::analyze::{analyze, Input};
use pgsight_core::config::Config;
use pgsight_core::plan::{self, metrics};
use pgsight_core::report::InputKind;
use pgsight_core::rules::{AnalyzedPlan, Context, Rule};

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed());
        last = Some(out);
    }
    (best, last.expect("at least one run"))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut path, mut runs, mut only_parse) = (None, 3, false);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(3),
            // Parsing alone, `runs` times: for `perf record`.
            "--parse-only" => only_parse = true,
            _ => path = Some(arg),
        }
    }
    let path = path.expect("usage: plan_stage_times <plan file> [--runs N] [--parse-only]");
    let text = std::fs::read_to_string(&path).expect("readable plan file");
    let config = Config { max_input_bytes: usize::MAX, ..Config::default() };
    let ms = |d: Duration| d.as_secs_f64() * 1e3;

    let (parse, parsed) = best(runs, || plan::parse(&text).expect("plan parses"));
    if only_parse {
        println!("{:>10.1} ms  parse (with drop)", ms(parse));
        return;
    }
    let (metrics_time, _) = best(runs, || parsed.documents.iter().map(metrics::compute).count());
    let plans = parsed
        .documents
        .iter()
        .enumerate()
        .map(|(index, doc)| AnalyzedPlan { input: 0, index, doc: doc.clone(), metrics: metrics::compute(doc) })
        .collect();
    let ctx = Context { plans, thresholds: config.thresholds.clone(), ..Context::default() };
    let mut rule_times = Vec::new();
    let mut rules_total = Duration::ZERO;
    for rule in Rule::ALL.iter().copied().filter(|r| !config.disabled.contains(r.id())) {
        let (time, found) = best(runs, || {
            let mut out = Vec::new();
            rule.check(&ctx, &mut out);
            out.len()
        });
        rules_total += time;
        rule_times.push((time, rule.id(), found));
    }
    let inputs = [Input::new(InputKind::Plan, &path, text.as_str())];
    let (whole, report) = best(runs, || analyze(&inputs, &config));
    let (to_json, _) = best(runs, || report.to_json().len());
    let no_rules = Config { disabled: Rule::ALL.iter().map(|r| r.id().to_owned()).collect(), ..config.clone() };
    let (without_rules, _) = best(runs, || analyze(&inputs, &no_rules));

    println!("{path}: {} bytes, {} nodes, {} findings", text.len(), parsed.documents.iter().map(|d| d.plan.len()).sum::<usize>(), report.findings.len());
    println!("{:>10.1} ms  parse (with drop)", ms(parse));
    println!("{:>10.1} ms  metrics", ms(metrics_time));
    println!("{:>10.1} ms  rules (sum of each)", ms(rules_total));
    println!("{:>10.1} ms  analyze (whole)", ms(whole));
    println!("{:>10.1} ms  analyze with every rule disabled", ms(without_rules));
    println!("{:>10.1} ms  report to JSON", ms(to_json));
    rule_times.sort_by(|a, b| b.0.cmp(&a.0));
    for (time, id, found) in rule_times.iter().take(12) {
        println!("{:>10.2} ms  {id} ({found})", ms(*time));
    }
}
