//! Server logs with auto_explain output: entries read line by line ([`reader`]), each
//! plan analyzed on its own, and only aggregates kept, per query fingerprint
//! ([`fingerprint`]) and per rule. Memory stays bounded however long the log: one
//! entry at a time, a capped number of fingerprints, one sample plan each.
//!
//! No I/O: the caller feeds lines (the CLI streams files through a `BufReader`).

pub mod fingerprint;
pub mod reader;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::analyze::{analyze, Input};
use crate::config::Config;
use crate::plan::{self, PlanFormat};
use crate::report::{InputKind, Severity};
use crate::rules::Category;
use crate::Rule;

pub use fingerprint::{fingerprint, Fingerprint};
pub use reader::{AutoExplain, LogEntry, LogFormat, LogReader, ReaderStats};

/// Fingerprints tracked one by one; the rest are counted together.
pub const MAX_QUERIES: usize = 10_000;
/// The sample plan kept per fingerprint is dropped past this size.
pub const MAX_SAMPLE_BYTES: usize = 256 << 10;
/// Normalized query text kept per fingerprint (the hash covers all of it).
const MAX_QUERY_CHARS: usize = 2_000;
/// Notes about plans that could not be read, kept at most.
const MAX_NOTES: usize = 20;

/// One log read (a file, or stdin).
#[derive(Debug, Clone, Serialize)]
pub struct SourceSummary {
    pub name: String,
    pub format: Option<LogFormat>,
    pub lines: u64,
    pub entries: u64,
    pub plans: u64,
}

/// A rule over the whole log.
#[derive(Debug, Clone, Serialize)]
pub struct RuleSummary {
    pub rule: &'static str,
    pub category: Category,
    /// The most severe finding it made.
    pub severity: Severity,
    pub summary: &'static str,
    /// Plans it fired on.
    pub plans: u64,
    /// Distinct fingerprints it fired on (queries beyond [`MAX_QUERIES`] count as one).
    pub queries: u64,
    /// Milliseconds of execution where it points, summed over every plan: what fixing
    /// it could save at most.
    pub cost_ms: f64,
}

/// A rule on one fingerprint.
#[derive(Debug, Clone, Serialize)]
pub struct QueryRule {
    pub rule: &'static str,
    pub severity: Severity,
    pub plans: u64,
    pub cost_ms: f64,
}

/// A finding of the sample plan, in brief.
#[derive(Debug, Clone, Serialize)]
pub struct SampleFinding {
    pub rule: &'static str,
    pub severity: Severity,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
}

/// The slowest run of a fingerprint.
#[derive(Debug, Clone, Serialize)]
pub struct Sample {
    /// Index into [`LogSummary::sources`].
    pub source: usize,
    pub line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    pub duration_ms: f64,
    /// The query text as logged (literals included).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    pub format: PlanFormat,
    /// The plan as logged; `None` when larger than [`MAX_SAMPLE_BYTES`].
    pub plan: Option<String>,
    pub findings: Vec<SampleFinding>,
}

/// One fingerprint: every run of one query shape.
#[derive(Debug, Clone, Serialize)]
pub struct QuerySummary {
    /// 16 hex digits.
    pub fingerprint: String,
    /// The normalized statement.
    pub query: String,
    pub calls: u64,
    pub total_ms: f64,
    pub mean_ms: f64,
    pub min_ms: f64,
    pub max_ms: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    pub databases: Vec<String>,
    pub users: Vec<String>,
    pub rules: Vec<QueryRule>,
    pub sample: Sample,
}

/// Runs of queries beyond [`MAX_QUERIES`] fingerprints, together.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OtherQueries {
    pub fingerprints: u64,
    pub calls: u64,
    pub total_ms: f64,
}

/// What a log says, over all its plans.
#[derive(Debug, Clone, Serialize)]
pub struct LogSummary {
    pub sources: Vec<SourceSummary>,
    /// Log entries read (all severities).
    pub entries: u64,
    /// auto_explain plans read and analyzed.
    pub plans: u64,
    /// auto_explain entries whose plan could not be read.
    pub unreadable_plans: u64,
    /// Entries longer than the reader keeps (not analyzed).
    pub truncated_entries: u64,
    /// Sum of the plans' durations.
    pub total_ms: f64,
    /// Rules by cost, highest first.
    pub rules: Vec<RuleSummary>,
    /// Fingerprints by total time, highest first.
    pub queries: Vec<QuerySummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_queries: Option<OtherQueries>,
    pub notes: Vec<String>,
}

impl LogSummary {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// Rules by the number of plans they fired on, most first.
    pub fn rules_by_plans(&self) -> Vec<&RuleSummary> {
        let mut rules: Vec<&RuleSummary> = self.rules.iter().collect();
        rules.sort_by(|a, b| b.plans.cmp(&a.plans).then(b.severity.cmp(&a.severity)).then(a.rule.cmp(b.rule)));
        rules
    }
}

#[derive(Debug)]
struct RuleAcc {
    severity: Severity,
    plans: u64,
    cost_ms: f64,
    queries: HashSet<u64>,
}

#[derive(Debug)]
struct QueryAcc {
    query: String,
    calls: u64,
    total_ms: f64,
    min_ms: f64,
    max_ms: f64,
    first_seen: Option<String>,
    last_seen: Option<String>,
    databases: Vec<String>,
    users: Vec<String>,
    rules: HashMap<&'static str, QueryRule>,
    sample: Sample,
}

/// Folds entries into a [`LogSummary`]. Call [`LogAggregator::begin_source`] before
/// the entries of each log and [`LogAggregator::end_source`] after them.
#[derive(Debug)]
pub struct LogAggregator {
    config: Config,
    sources: Vec<SourceSummary>,
    entries: u64,
    plans: u64,
    unreadable_plans: u64,
    truncated_entries: u64,
    total_ms: f64,
    rules: HashMap<&'static str, RuleAcc>,
    queries: HashMap<u64, QueryAcc>,
    other: OtherQueries,
    other_hashes: HashSet<u64>,
    notes: Vec<String>,
}

impl LogAggregator {
    pub fn new(config: Config) -> Self {
        Self {
            config,
            sources: Vec::new(),
            entries: 0,
            plans: 0,
            unreadable_plans: 0,
            truncated_entries: 0,
            total_ms: 0.0,
            rules: HashMap::new(),
            queries: HashMap::new(),
            other: OtherQueries::default(),
            other_hashes: HashSet::new(),
            notes: Vec::new(),
        }
    }

    /// Plans analyzed so far.
    pub fn plans(&self) -> u64 {
        self.plans
    }

    pub fn begin_source(&mut self, name: impl Into<String>) {
        self.sources.push(SourceSummary { name: name.into(), format: None, lines: 0, entries: 0, plans: 0 });
    }

    pub fn end_source(&mut self, reader: &LogReader) {
        if let Some(source) = self.sources.last_mut() {
            let stats = reader.stats();
            source.format = reader.format();
            source.lines = stats.lines;
            source.entries = stats.entries;
        }
    }

    fn note(&mut self, entry: &LogEntry, message: String) {
        if self.notes.len() < MAX_NOTES {
            let name = self.sources.last().map_or("log", |s| s.name.as_str());
            self.notes.push(format!("{name}:{}: {message}", entry.line));
        }
    }

    /// Takes one entry: an auto_explain plan is analyzed and counted, anything else
    /// only counted.
    pub fn add(&mut self, entry: &LogEntry) {
        self.entries += 1;
        let Some(explained) = entry.auto_explain() else { return };
        if entry.truncated {
            self.truncated_entries += 1;
            self.note(entry, "plan too large to analyze; skipped".to_owned());
            return;
        }
        let parsed = match plan::parse(explained.plan) {
            Ok(parsed) => parsed,
            Err(error) => {
                self.unreadable_plans += 1;
                self.note(entry, format!("plan not read: {}", error.message));
                return;
            }
        };
        self.plans += 1;
        if let Some(source) = self.sources.last_mut() {
            source.plans += 1;
        }
        let duration = explained.duration_ms;
        self.total_ms += duration;
        let first = parsed.documents.first();
        let query_text = first.and_then(|d| d.fields.query_text.clone());
        let print = match &query_text {
            Some(text) if !text.trim().is_empty() => fingerprint(text),
            _ => {
                let root = first.and_then(|d| d.plan.nodes.first()).map(|n| n.label()).unwrap_or_default();
                fingerprint(&format!("/* no query text */ {root}"))
            }
        };

        let input = Input::new(InputKind::Plan, "log", explained.plan);
        let mut report = analyze(std::slice::from_ref(&input), &self.config);
        report.plans.clear();

        let tracked = self.queries.contains_key(&print.hash) || self.queries.len() < MAX_QUERIES;
        for finding in &report.findings {
            let cost = finding.impact.time_ms.or(finding.impact.time_share.map(|s| s * duration)).unwrap_or(0.0);
            let acc = self.rules.entry(finding.rule).or_insert_with(|| RuleAcc {
                severity: finding.severity,
                plans: 0,
                cost_ms: 0.0,
                queries: HashSet::new(),
            });
            acc.severity = acc.severity.max(finding.severity);
            acc.cost_ms += cost;
            acc.queries.insert(if tracked { print.hash } else { 0 });
        }
        let mut fired: Vec<&'static str> = report.findings.iter().map(|f| f.rule).collect();
        fired.sort_unstable();
        fired.dedup();
        for rule in &fired {
            if let Some(acc) = self.rules.get_mut(rule) {
                acc.plans += 1;
            }
        }

        if !tracked {
            self.other.calls += 1;
            self.other.total_ms += duration;
            if self.other_hashes.len() < MAX_QUERIES && self.other_hashes.insert(print.hash) {
                self.other.fingerprints += 1;
            }
            return;
        }
        let source = self.sources.len().saturating_sub(1);
        let sample = || Sample {
            source,
            line: entry.line,
            timestamp: entry.timestamp.clone(),
            duration_ms: duration,
            query: query_text.clone(),
            format: parsed.format,
            plan: (explained.plan.len() <= MAX_SAMPLE_BYTES).then(|| explained.plan.to_owned()),
            findings: report
                .findings
                .iter()
                .map(|f| SampleFinding { rule: f.rule, severity: f.severity, title: f.title.clone(), node: f.location.node_label.clone() })
                .collect(),
        };
        let acc = self.queries.entry(print.hash).or_insert_with(|| QueryAcc {
            query: shorten(&print.text, MAX_QUERY_CHARS),
            calls: 0,
            total_ms: 0.0,
            min_ms: f64::INFINITY,
            max_ms: f64::NEG_INFINITY,
            first_seen: None,
            last_seen: None,
            databases: Vec::new(),
            users: Vec::new(),
            rules: HashMap::new(),
            sample: sample(),
        });
        acc.calls += 1;
        acc.total_ms += duration;
        acc.min_ms = acc.min_ms.min(duration);
        if duration > acc.max_ms {
            acc.max_ms = duration;
            if acc.calls > 1 {
                acc.sample = sample();
            }
        }
        if let Some(ts) = &entry.timestamp {
            if acc.first_seen.as_ref().is_none_or(|f| ts < f) {
                acc.first_seen = Some(ts.clone());
            }
            if acc.last_seen.as_ref().is_none_or(|l| ts > l) {
                acc.last_seen = Some(ts.clone());
            }
        }
        for (list, value) in [(&mut acc.databases, &entry.database), (&mut acc.users, &entry.user)] {
            if let Some(value) = value {
                if list.len() < 10 && !list.contains(value) {
                    list.push(value.clone());
                }
            }
        }
        for finding in &report.findings {
            let cost = finding.impact.time_ms.or(finding.impact.time_share.map(|s| s * duration)).unwrap_or(0.0);
            let rule = acc.rules.entry(finding.rule).or_insert(QueryRule { rule: finding.rule, severity: finding.severity, plans: 0, cost_ms: 0.0 });
            rule.severity = rule.severity.max(finding.severity);
            rule.cost_ms += cost;
        }
        for rule in fired {
            if let Some(r) = acc.rules.get_mut(rule) {
                r.plans += 1;
            }
        }
    }

    /// The summary of everything added so far.
    pub fn summary(&self) -> LogSummary {
        let mut rules: Vec<RuleSummary> = self
            .rules
            .iter()
            .map(|(id, acc)| {
                let meta = Rule::from_id(id).map(|r| r.meta());
                RuleSummary {
                    rule: id,
                    category: meta.map_or(Category::Plan, |m| m.category),
                    severity: acc.severity,
                    summary: meta.map_or("", |m| m.summary),
                    plans: acc.plans,
                    queries: acc.queries.len() as u64,
                    cost_ms: round3(acc.cost_ms),
                }
            })
            .collect();
        rules.sort_by(|a, b| b.cost_ms.total_cmp(&a.cost_ms).then(b.plans.cmp(&a.plans)).then(a.rule.cmp(b.rule)));
        let mut queries: Vec<QuerySummary> = self
            .queries
            .iter()
            .map(|(hash, acc)| {
                let mut rules: Vec<QueryRule> = acc.rules.values().map(|r| QueryRule { cost_ms: round3(r.cost_ms), ..r.clone() }).collect();
                rules.sort_by(|a, b| b.cost_ms.total_cmp(&a.cost_ms).then(b.plans.cmp(&a.plans)).then(a.rule.cmp(b.rule)));
                QuerySummary {
                    fingerprint: format!("{hash:016x}"),
                    query: acc.query.clone(),
                    calls: acc.calls,
                    total_ms: round3(acc.total_ms),
                    mean_ms: round3(acc.total_ms / acc.calls.max(1) as f64),
                    min_ms: acc.min_ms,
                    max_ms: acc.max_ms,
                    first_seen: acc.first_seen.clone(),
                    last_seen: acc.last_seen.clone(),
                    databases: acc.databases.clone(),
                    users: acc.users.clone(),
                    rules,
                    sample: acc.sample.clone(),
                }
            })
            .collect();
        queries.sort_by(|a, b| b.total_ms.total_cmp(&a.total_ms).then(b.calls.cmp(&a.calls)).then(a.fingerprint.cmp(&b.fingerprint)));
        LogSummary {
            sources: self.sources.clone(),
            entries: self.entries,
            plans: self.plans,
            unreadable_plans: self.unreadable_plans,
            truncated_entries: self.truncated_entries,
            total_ms: round3(self.total_ms),
            rules,
            queries,
            other_queries: (self.other.calls > 0).then(|| self.other.clone()),
            notes: self.notes.clone(),
        }
    }
}

/// Milliseconds to the microsecond, as PostgreSQL logs them (no float noise in JSON).
fn round3(ms: f64) -> f64 {
    (ms * 1000.0).round() / 1000.0
}

fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summarize(log: &str) -> LogSummary {
        let mut reader = LogReader::new();
        let mut agg = LogAggregator::new(Config::default());
        agg.begin_source("test.log");
        for line in log.split('\n') {
            if let Some(entry) = reader.push_line(line) {
                agg.add(&entry);
            }
        }
        if let Some(entry) = reader.finish() {
            agg.add(&entry);
        }
        agg.end_source(&reader);
        agg.summary()
    }

    fn entry(ms: f64, query: &str, removed: u64) -> String {
        format!(
            "2024-05-01 10:00:00.000 UTC [1] LOG:  duration: {ms:.3} ms  plan:\n\tQuery Text: {query}\n\tSeq Scan on orders  (cost=0.00..28334.00 rows=261 width=22) (actual time=0.010..{ms:.3} rows=10 loops=1)\n\t  Filter: (status = 'open'::text)\n\t  Rows Removed by Filter: {removed}\n"
        )
    }

    #[test]
    fn plans_group_by_fingerprint_with_rule_hits() {
        let mut log = String::new();
        for (i, country) in ["FR", "DE", "ES"].iter().enumerate() {
            log.push_str(&entry(100.0 + i as f64, &format!("SELECT * FROM orders WHERE status = 'open' AND country = '{country}'"), 999_990));
        }
        log.push_str(&entry(2.0, "SELECT * FROM orders WHERE id IN (1, 2, 3)", 10));
        log.push_str(&entry(4.0, "select * from orders where id in (7)", 10));
        log.push_str("2024-05-01 10:00:01.000 UTC [1] LOG:  checkpoint starting: time\n");
        let summary = summarize(&log);
        assert_eq!((summary.entries, summary.plans), (6, 5));
        assert_eq!(summary.queries.len(), 2, "{:#?}", summary.queries.iter().map(|q| &q.query).collect::<Vec<_>>());
        let top = &summary.queries[0];
        assert_eq!(top.calls, 3);
        assert_eq!(top.query, "select * from orders where status = ? and country = ?");
        assert!((top.total_ms - 303.0).abs() < 1e-9 && (top.mean_ms - 101.0).abs() < 1e-9);
        assert_eq!(top.sample.duration_ms, 102.0);
        assert!(top.sample.query.as_deref().is_some_and(|q| q.contains("'ES'")));
        assert!(top.rules.iter().any(|r| r.rule == "seq-scan-selective-filter" && r.plans == 3));
        assert_eq!(summary.queries[1].calls, 2);
        assert_eq!(summary.queries[1].query, "select * from orders where id in (...)");
        let seq = summary.rules.iter().find(|r| r.rule == "seq-scan-selective-filter").expect("rule");
        assert_eq!((seq.plans, seq.queries), (3, 1));
        assert!(seq.cost_ms > 0.0);
        assert_eq!(summary.sources[0].format, Some(LogFormat::Stderr));
    }

    fn fixture(name: &str) -> LogSummary {
        let path = format!("{}/../../tests/logs/{name}", env!("CARGO_MANIFEST_DIR"));
        summarize(&std::fs::read_to_string(path).expect("fixture log"))
    }

    /// The logs tests/logs/make-log.sh wrote from one workload, in every format: the
    /// same 60 plans in the same 11 fingerprints, whatever the destination.
    #[test]
    fn every_fixture_format_reads_the_same_workload() {
        let formats = [
            ("stderr-json.log", LogFormat::Stderr, PlanFormat::Json),
            ("stderr-text.log", LogFormat::Stderr, PlanFormat::Text),
            ("stderr-pgbadger.log", LogFormat::Stderr, PlanFormat::Text),
            ("csvlog.csv", LogFormat::Csvlog, PlanFormat::Text),
            ("jsonlog.json", LogFormat::Jsonlog, PlanFormat::Json),
        ];
        let mut groups = Vec::new();
        for (name, log_format, plan_format) in formats {
            let summary = fixture(name);
            assert_eq!(summary.sources[0].format, Some(log_format), "{name}");
            assert_eq!((summary.plans, summary.unreadable_plans, summary.truncated_entries), (60, 0, 0), "{name}: {:?}", summary.notes);
            assert!(summary.queries.iter().all(|q| q.sample.format == plan_format), "{name}");
            let mut calls: Vec<(String, String, u64)> = summary.queries.iter().map(|q| (q.fingerprint.clone(), q.query.clone(), q.calls)).collect();
            calls.sort();
            groups.push((name, calls));
            for rule in ["seq-scan-selective-filter", "sort-spill", "hash-spill", "nested-loop-many-loops", "large-offset", "leading-wildcard-like"] {
                assert!(summary.rules.iter().any(|r| r.rule == rule), "{name}: {rule} fires");
            }
            let lookups = summary.queries.iter().find(|q| q.query == "select * from orders where id = ?").expect("pk lookups");
            assert_eq!(lookups.calls, 10, "{name}: two lookups per round, other ids");
            assert!(lookups.rules.iter().all(|r| r.severity < Severity::Warning), "{name}: {:?}", lookups.rules);
            let in_list = summary.queries.iter().find(|q| q.query.contains("customer_id in (...)")).expect("IN lists");
            assert_eq!(in_list.calls, 5, "{name}: IN lists of 2 to 6 values");
        }
        let (first, expected) = &groups[0];
        assert_eq!(expected.len(), 11);
        for (name, calls) in &groups[1..] {
            assert_eq!(calls, expected, "{name} groups as {first} does");
        }
        let pgbadger = fixture("stderr-pgbadger.log");
        assert_eq!(pgbadger.queries[0].databases, ["postgres"]);
        assert_eq!(pgbadger.queries[0].users, ["postgres"]);
    }

    #[test]
    fn unreadable_plans_become_notes() {
        let log = "2024-05-01 10:00:00 UTC [1] LOG:  duration: 1.000 ms  plan:\n\t{\"Plan\": oops}\n";
        let summary = summarize(log);
        assert_eq!((summary.plans, summary.unreadable_plans), (0, 1));
        assert!(summary.notes[0].starts_with("test.log:1: plan not read"), "{:?}", summary.notes);
    }
}
