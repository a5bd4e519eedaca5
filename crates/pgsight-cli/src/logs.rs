//! `pgsight logs FILE...`: PostgreSQL server logs with auto_explain plans, streamed.
//!
//! Each file is read line by line through a `BufReader` (a line is capped, so one
//! runaway line cannot take the memory), the core's reader assembles one entry at a
//! time and the aggregator keeps only per-fingerprint and per-rule totals: a log of
//! any size runs in bounded memory. A progress bar goes to stderr on a terminal.

use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};
use pgsight_core::logs::{LogAggregator, LogFormat, LogReader, LogSummary, QuerySummary, RuleSummary};
use pgsight_core::rules::format;
use pgsight_core::Severity;

use crate::human::{colour_enabled, Paint};
use crate::{paths, write_stdout, UsageError};

/// Bytes of one line kept; the rest of a longer line is skipped.
const MAX_LINE_BYTES: usize = 64 << 20;

#[derive(Args)]
pub struct LogsArgs {
    /// Server logs (stderr, csvlog or jsonlog; glob patterns expanded), or `-` for stdin.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = LogsFormat::Human)]
    format: LogsFormat,
    /// The log's format [default: detected from its first entry].
    #[arg(long, value_enum)]
    log_format: Option<LogFormatArg>,
    /// How many queries and rules to list (json lists them all).
    #[arg(long, default_value_t = 10, value_name = "N")]
    top: usize,
    /// Configuration file [default: pgsight.toml in this folder or the nearest parent].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogsFormat {
    Human,
    Json,
    /// A pull-request comment or a wiki page.
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum LogFormatArg {
    Stderr,
    Csvlog,
    Jsonlog,
}

pub fn run(args: LogsArgs) -> Result<ExitCode, UsageError> {
    let files = paths::expand(args.files)?;
    if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(UsageError("`-` (stdin) can be given only once".into()));
    }
    let config = crate::load_config(args.config.as_ref())?;
    let mut aggregator = LogAggregator::new(config);
    let mut progress = Progress::new(std::io::stderr().is_terminal());
    for path in &files {
        let (name, size, input): (String, Option<u64>, Box<dyn Read>) = if path.as_os_str() == "-" {
            ("stdin".to_owned(), None, Box::new(std::io::stdin().lock()))
        } else {
            let file = File::open(path).map_err(|e| UsageError(format!("cannot read {}: {e}", path.display())))?;
            let size = file.metadata().ok().map(|m| m.len());
            (path.display().to_string(), size, Box::new(file))
        };
        let reader = match args.log_format {
            None => LogReader::new(),
            Some(LogFormatArg::Stderr) => LogReader::with_format(LogFormat::Stderr),
            Some(LogFormatArg::Csvlog) => LogReader::with_format(LogFormat::Csvlog),
            Some(LogFormatArg::Jsonlog) => LogReader::with_format(LogFormat::Jsonlog),
        };
        progress.start(&name, size);
        stream(BufReader::with_capacity(256 << 10, input), reader, &name, &mut aggregator, &mut progress)?;
    }
    progress.clear();
    let summary = aggregator.summary();
    let out = match args.format {
        LogsFormat::Json => summary.to_json() + "\n",
        LogsFormat::Human => render_human(&summary, args.top, Paint(colour_enabled())),
        LogsFormat::Markdown => render_markdown(&summary, args.top),
    };
    write_stdout(&out);
    if summary.plans == 0 {
        eprintln!("pgsight: no auto_explain plan found (is auto_explain.log_min_duration set, and is this a server log?)");
    }
    Ok(ExitCode::SUCCESS)
}

/// Feeds one log through the reader into the aggregator.
fn stream(mut input: impl BufRead, mut reader: LogReader, name: &str, aggregator: &mut LogAggregator, progress: &mut Progress) -> Result<(), UsageError> {
    aggregator.begin_source(name);
    let mut line = Vec::new();
    let mut done: u64 = 0;
    loop {
        let consumed = read_line_capped(&mut input, &mut line, MAX_LINE_BYTES).map_err(|e| UsageError(format!("cannot read {name}: {e}")))?;
        if consumed == 0 {
            break;
        }
        done += consumed as u64;
        if let Some(entry) = reader.push_line(&String::from_utf8_lossy(&line)) {
            aggregator.add(&entry);
        }
        progress.tick(done, aggregator.plans());
    }
    if let Some(entry) = reader.finish() {
        aggregator.add(&entry);
    }
    aggregator.end_source(&reader);
    Ok(())
}

/// Reads up to the next `\n` (dropped, as is a `\r` before it), keeping at most `cap`
/// bytes of the line in `buf`. Returns the bytes consumed, 0 at the end of the input.
fn read_line_capped(input: &mut impl BufRead, buf: &mut Vec<u8>, cap: usize) -> std::io::Result<usize> {
    buf.clear();
    let mut consumed = 0;
    loop {
        let available = match input.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(consumed);
        }
        let (used, line_end) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, Some(i)),
            None => (available.len(), None),
        };
        let content = &available[..line_end.unwrap_or(used)];
        let room = cap.saturating_sub(buf.len());
        buf.extend_from_slice(&content[..content.len().min(room)]);
        input.consume(used);
        consumed += used;
        if line_end.is_some() {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(consumed);
        }
    }
}

/// A one-line progress bar on stderr, redrawn at most ten times a second.
struct Progress {
    enabled: bool,
    name: String,
    size: Option<u64>,
    last: Instant,
    drawn: bool,
}

impl Progress {
    fn new(enabled: bool) -> Self {
        Self { enabled, name: String::new(), size: None, last: Instant::now(), drawn: false }
    }

    fn start(&mut self, name: &str, size: Option<u64>) {
        self.name = name.to_owned();
        self.size = size;
    }

    fn tick(&mut self, done: u64, plans: u64) {
        if !self.enabled || self.last.elapsed() < Duration::from_millis(100) {
            return;
        }
        self.last = Instant::now();
        let line = match self.size.filter(|&s| s > 0) {
            Some(size) => {
                let share = (done as f64 / size as f64).min(1.0);
                let width = 30;
                let filled = (share * width as f64) as usize;
                format!(
                    "[{}{}] {:>3}% {} / {} · {} plans · {}",
                    "=".repeat(filled),
                    " ".repeat(width - filled),
                    (share * 100.0) as u32,
                    bytes(done),
                    bytes(size),
                    format::count(plans as f64),
                    self.name
                )
            }
            None => format!("{} read · {} plans · {}", bytes(done), format::count(plans as f64), self.name),
        };
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
        self.drawn = true;
    }

    fn clear(&mut self) {
        if self.drawn {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.drawn = false;
        }
    }
}

fn bytes(n: u64) -> String {
    let n = n as f64;
    if n >= 1e9 {
        format!("{:.2} GB", n / 1e9)
    } else if n >= 1e6 {
        format!("{:.1} MB", n / 1e6)
    } else {
        format!("{:.0} kB", n / 1e3)
    }
}

/// Milliseconds as `0.042 ms`, `12.3 ms`, `4.2 s`, `1,234 s`.
fn duration(ms: f64) -> String {
    if ms >= 100_000.0 {
        format!("{} s", format::count(ms / 1000.0).split('.').next().unwrap_or("0"))
    } else if ms >= 1000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else {
        format::ms(ms)
    }
}

fn formats(summary: &LogSummary) -> String {
    let mut formats: Vec<&str> = summary
        .sources
        .iter()
        .filter_map(|s| s.format)
        .map(|f| match f {
            LogFormat::Stderr => "stderr",
            LogFormat::Csvlog => "csvlog",
            LogFormat::Jsonlog => "jsonlog",
        })
        .collect();
    formats.dedup();
    formats.join(", ")
}

fn headline(summary: &LogSummary) -> String {
    let logs = summary.sources.len();
    format!(
        "{} plan(s) in {} log entries from {} log{} ({}) · {} queries · {} in total",
        format::count(summary.plans as f64),
        format::count(summary.entries as f64),
        logs,
        if logs == 1 { "" } else { "s" },
        if formats(summary).is_empty() { "no log format recognized".to_owned() } else { formats(summary) },
        format::count((summary.queries.len() as u64 + summary.other_queries.as_ref().map_or(0, |o| o.fingerprints)) as f64),
        duration(summary.total_ms)
    )
}

fn sample_place(summary: &LogSummary, q: &QuerySummary) -> String {
    let source = summary.sources.get(q.sample.source).map_or("log", |s| s.name.as_str());
    format!("{source}:{}", q.sample.line)
}

fn severity_cell(paint: Paint, s: Severity) -> String {
    paint.severity(s, &format!("{:<8}", s.as_str()))
}

pub fn render_human(summary: &LogSummary, top: usize, paint: Paint) -> String {
    let mut out = format!("{}\n", paint.bold(&headline(summary)));
    if !summary.rules.is_empty() {
        out.push_str(&format!("\n{}\n", paint.bold("Rules that cost most (execution time where they point, summed over the plans)")));
        out.push_str(&format!("  {:>10}  {:>6}  {:>7}  {:<8}  rule\n", "cost", "plans", "queries", "severity"));
        for r in summary.rules.iter().take(top) {
            out.push_str(&rule_row(r, paint));
        }
        out.push_str(&format!("\n{}\n", paint.bold("Rules that fire most")));
        out.push_str(&format!("  {:>10}  {:>6}  {:>7}  {:<8}  rule\n", "cost", "plans", "queries", "severity"));
        for r in summary.rules_by_plans().into_iter().take(top) {
            out.push_str(&rule_row(r, paint));
        }
    }
    if !summary.queries.is_empty() {
        out.push_str(&format!("\n{}\n", paint.bold("Queries by total time")));
    }
    let width = summary.queries.len().min(top).to_string().len();
    for (i, q) in summary.queries.iter().take(top).enumerate() {
        let share = if summary.total_ms > 0.0 { format!(" ({})", format::percent(q.total_ms / summary.total_ms)) } else { String::new() };
        out.push_str(&format!(
            "{:>width$}. {} total{share} · {} call(s) · mean {} · max {} · {}\n",
            i + 1,
            paint.bold(&duration(q.total_ms)),
            format::count(q.calls as f64),
            duration(q.mean_ms),
            duration(q.max_ms),
            paint.dim(&format!("fingerprint {}", q.fingerprint)),
        ));
        let indent = " ".repeat(width + 2);
        out.push_str(&format!("{indent}{}\n", one_line(&q.query, 160)));
        if !q.rules.is_empty() {
            let rules: Vec<String> = q
                .rules
                .iter()
                .map(|r| format!("{} ({} plan(s), {})", paint.severity(r.severity, r.rule), format::count(r.plans as f64), duration(r.cost_ms)))
                .collect();
            out.push_str(&format!("{indent}rules: {}\n", rules.join(", ")));
        }
        out.push_str(&format!("{indent}slowest: {} ({})\n", sample_place(summary, q), duration(q.sample.duration_ms)));
        for f in &q.sample.findings {
            out.push_str(&format!("{indent}  {} [{}] {}\n", paint.severity(f.severity, f.severity.as_str()), f.rule, f.title));
        }
    }
    if summary.queries.len() > top {
        out.push_str(&format!("… and {} more queries (--top N lists more; --format json lists all)\n", summary.queries.len() - top));
    }
    if let Some(other) = &summary.other_queries {
        out.push_str(&format!(
            "… and {} call(s) of {}+ further queries ({}) beyond the {} tracked one by one\n",
            format::count(other.calls as f64),
            format::count(other.fingerprints as f64),
            duration(other.total_ms),
            pgsight_core::logs::MAX_QUERIES
        ));
    }
    for note in &summary.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    if summary.unreadable_plans + summary.truncated_entries > 0 {
        out.push_str(&format!(
            "{} plan(s) could not be read, {} were too large\n",
            format::count(summary.unreadable_plans as f64),
            format::count(summary.truncated_entries as f64)
        ));
    }
    out
}

fn rule_row(r: &RuleSummary, paint: Paint) -> String {
    format!(
        "  {:>10}  {:>6}  {:>7}  {}  {}  {}\n",
        duration(r.cost_ms),
        format::count(r.plans as f64),
        format::count(r.queries as f64),
        severity_cell(paint, r.severity),
        r.rule,
        paint.dim(r.summary)
    )
}

/// The text on one line, cut at `max` characters.
fn one_line(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &flat[..at]),
        None => flat,
    }
}

/// Markdown table cell: no line breaks, `|` escaped.
fn cell(text: &str) -> String {
    one_line(text, 300).replace('|', "\\|")
}

pub fn render_markdown(summary: &LogSummary, top: usize) -> String {
    let mut out = format!("## pgsight: server log\n\n{}\n\n", headline(summary));
    if !summary.rules.is_empty() {
        out.push_str("### Rules by cost\n\n| Rule | Severity | Plans | Queries | Cost | What it catches |\n|---|---|--:|--:|--:|---|\n");
        for r in summary.rules.iter().take(top) {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} | {} |\n",
                r.rule,
                r.severity,
                format::count(r.plans as f64),
                format::count(r.queries as f64),
                duration(r.cost_ms),
                cell(r.summary)
            ));
        }
        out.push('\n');
    }
    if !summary.queries.is_empty() {
        out.push_str("### Queries by total time\n\n| # | Query | Calls | Total | Mean | Max | Rules |\n|--:|---|--:|--:|--:|--:|---|\n");
        for (i, q) in summary.queries.iter().take(top).enumerate() {
            let rules: Vec<String> = q.rules.iter().map(|r| format!("`{}`", r.rule)).collect();
            out.push_str(&format!(
                "| {} | `{}` | {} | {} | {} | {} | {} |\n",
                i + 1,
                cell(&one_line(&q.query, 200)).replace('`', "'"),
                format::count(q.calls as f64),
                duration(q.total_ms),
                duration(q.mean_ms),
                duration(q.max_ms),
                rules.join(" ")
            ));
        }
        out.push('\n');
        for (i, q) in summary.queries.iter().take(top).enumerate().filter(|(_, q)| !q.sample.findings.is_empty()) {
            out.push_str(&format!("<details><summary>#{} slowest run: {} at {}</summary>\n\n", i + 1, duration(q.sample.duration_ms), sample_place(summary, q)));
            for f in &q.sample.findings {
                out.push_str(&format!("- **{}** `{}` {}\n", f.severity, f.rule, cell(&f.title)));
            }
            if let Some(plan) = &q.sample.plan {
                let fence = if plan.contains("```") { "````" } else { "```" };
                out.push_str(&format!("\n{fence}\n{}\n{fence}\n", plan.trim_end()));
            }
            out.push_str("\n</details>\n\n");
        }
    }
    if !summary.notes.is_empty() {
        out.push_str("### Notes\n\n");
        for note in &summary.notes {
            out.push_str(&format!("- {}\n", cell(note)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_capped_and_crlf_trimmed() {
        let mut input = std::io::Cursor::new(b"short\r\nabcdefghij\nlast".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_line_capped(&mut input, &mut buf, 4).expect("read"), 7);
        assert_eq!(buf, b"shor");
        assert_eq!(read_line_capped(&mut input, &mut buf, 4).expect("read"), 11);
        assert_eq!(buf, b"abcd");
        assert_eq!(read_line_capped(&mut input, &mut buf, 100).expect("read"), 4);
        assert_eq!(buf, b"last");
        assert_eq!(read_line_capped(&mut input, &mut buf, 100).expect("read"), 0);
    }

    #[test]
    fn durations_scale() {
        assert_eq!(duration(12.34), "12.3 ms");
        assert_eq!(duration(4200.0), "4.2 s");
        assert_eq!(duration(1_234_000.0), "1,234 s");
    }
}
