//! PostgreSQL server log entries, assembled line by line.
//!
//! Three destinations: `stderr` (a `log_line_prefix`, then `SEVERITY:  message`, the
//! message's further lines indented with a tab), `csvlog` (one CSV record per entry,
//! quoted fields spanning lines) and `jsonlog` (one JSON object per line). The reader
//! holds one entry at a time: memory does not grow with the log.

use serde::Deserialize;

/// How the server wrote its log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Stderr,
    Csvlog,
    Jsonlog,
}

/// One log entry: the prefix fields PostgreSQL wrote, and the message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LogEntry {
    /// 1-based line of the entry's first line.
    pub line: u64,
    pub timestamp: Option<String>,
    pub pid: Option<u32>,
    pub user: Option<String>,
    pub database: Option<String>,
    /// `LOG`, `ERROR`, `DETAIL`...
    pub severity: String,
    /// The message, its lines joined with `\n` (stderr's continuation tabs removed).
    pub message: String,
    /// The entry was longer than the reader keeps; `message` holds its start.
    pub truncated: bool,
}

/// What auto_explain logged: the statement's duration and its plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AutoExplain<'a> {
    pub duration_ms: f64,
    /// The plan as auto_explain wrote it (JSON, text, YAML or XML).
    pub plan: &'a str,
}

impl LogEntry {
    /// The plan, when this is an auto_explain entry: `duration: 1.234 ms  plan:`
    /// followed by the plan on the next lines.
    pub fn auto_explain(&self) -> Option<AutoExplain<'_>> {
        // auto_explain.log_level is LOG by default; DEBUG1 to WARNING are allowed too.
        if !matches!(self.severity.as_str(), "LOG" | "INFO" | "NOTICE" | "WARNING" | "DEBUG" | "DEBUG1" | "DEBUG2" | "DEBUG3" | "DEBUG4" | "DEBUG5") {
            return None;
        }
        let rest = self.message.strip_prefix("duration: ")?;
        let (number, rest) = rest.split_once(' ')?;
        let duration_ms = number.parse::<f64>().ok()?;
        let plan = rest.strip_prefix("ms")?.trim_start_matches(' ').strip_prefix("plan:")?;
        let plan = plan.strip_prefix("\r\n").or_else(|| plan.strip_prefix('\n')).unwrap_or(plan);
        Some(AutoExplain { duration_ms, plan })
    }
}

/// Message severities PostgreSQL writes, and the extra lines of an entry.
const SEVERITIES: &[&str] = &[
    "LOG", "ERROR", "WARNING", "FATAL", "PANIC", "NOTICE", "INFO", "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5", "DEBUG", "DETAIL",
    "HINT", "STATEMENT", "CONTEXT", "QUERY", "LOCATION",
];

/// An entry keeps at most this many bytes of message by default.
pub const DEFAULT_MAX_ENTRY_BYTES: usize = 64 << 20;

/// Counts of what the reader met.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ReaderStats {
    pub lines: u64,
    pub entries: u64,
    /// Lines that belong to no entry (before the first one, or not log output).
    pub skipped_lines: u64,
}

/// Turns log lines into entries. Feed every line (without its line break) to
/// [`LogReader::push_line`], then call [`LogReader::finish`].
#[derive(Debug)]
pub struct LogReader {
    format: Option<LogFormat>,
    pending: Option<LogEntry>,
    /// csvlog: the record's text so far and whether a quoted field is open.
    csv: String,
    csv_open: bool,
    csv_line: u64,
    max_entry_bytes: usize,
    stats: ReaderStats,
}

impl Default for LogReader {
    fn default() -> Self {
        Self::new()
    }
}

impl LogReader {
    /// A reader that detects the format from the first entry.
    pub fn new() -> Self {
        Self {
            format: None,
            pending: None,
            csv: String::new(),
            csv_open: false,
            csv_line: 0,
            max_entry_bytes: DEFAULT_MAX_ENTRY_BYTES,
            stats: ReaderStats::default(),
        }
    }

    /// A reader of one known format.
    pub fn with_format(format: LogFormat) -> Self {
        Self { format: Some(format), ..Self::new() }
    }

    /// Caps the message kept per entry; longer entries come out `truncated`.
    pub fn max_entry_bytes(mut self, bytes: usize) -> Self {
        self.max_entry_bytes = bytes.max(1);
        self
    }

    /// The format, once detected.
    pub fn format(&self) -> Option<LogFormat> {
        self.format
    }

    pub fn stats(&self) -> ReaderStats {
        self.stats
    }

    /// Reads one line; returns the entry it completed, if any.
    pub fn push_line(&mut self, line: &str) -> Option<LogEntry> {
        self.stats.lines += 1;
        let number = self.stats.lines;
        let line = line.strip_suffix('\r').unwrap_or(line);
        let format = match self.format {
            Some(format) => format,
            None => match detect(line) {
                Some(format) => {
                    self.format = Some(format);
                    format
                }
                None => {
                    if !line.trim().is_empty() {
                        self.stats.skipped_lines += 1;
                    }
                    return None;
                }
            },
        };
        let done = match format {
            LogFormat::Stderr => self.push_stderr(line, number),
            LogFormat::Csvlog => self.push_csv(line, number),
            LogFormat::Jsonlog => self.push_json(line, number),
        };
        if done.is_some() {
            self.stats.entries += 1;
        }
        done
    }

    /// The last entry, at the end of the input.
    pub fn finish(&mut self) -> Option<LogEntry> {
        let done = match self.format {
            Some(LogFormat::Csvlog) if !self.csv.is_empty() => {
                let record = std::mem::take(&mut self.csv);
                self.csv_open = false;
                parse_csv_record(&record, self.csv_line, self.max_entry_bytes)
            }
            _ => self.pending.take(),
        };
        if done.is_some() {
            self.stats.entries += 1;
        }
        done
    }

    fn push_stderr(&mut self, line: &str, number: u64) -> Option<LogEntry> {
        if let Some(rest) = line.strip_prefix('\t') {
            // The next line of the open entry's message.
            match &mut self.pending {
                Some(entry) => append(entry, rest, self.max_entry_bytes),
                None => self.stats.skipped_lines += 1,
            }
            return None;
        }
        match parse_stderr_header(line, number) {
            Some(mut entry) => {
                if entry.message.len() > self.max_entry_bytes {
                    truncate(&mut entry.message, self.max_entry_bytes);
                    entry.truncated = true;
                }
                self.pending.replace(entry)
            }
            None => {
                // Not log output (a crash report, pg_ctl's chatter): it ends the entry.
                if !line.trim().is_empty() {
                    self.stats.skipped_lines += 1;
                }
                self.pending.take()
            }
        }
    }

    fn push_csv(&mut self, line: &str, number: u64) -> Option<LogEntry> {
        if self.csv.is_empty() {
            if line.is_empty() {
                self.stats.skipped_lines += 1;
                return None;
            }
            self.csv_line = number;
        } else {
            self.csv.push('\n');
        }
        let quotes = line.bytes().filter(|&b| b == b'"').count();
        if quotes % 2 == 1 {
            self.csv_open = !self.csv_open;
        }
        // Past the cap the text is dropped, but quotes are still counted to find the end.
        if self.csv.len() + line.len() <= self.max_entry_bytes.saturating_add(4096) {
            self.csv.push_str(line);
        } else if !self.csv.ends_with('\u{1}') {
            self.csv.push('\u{1}');
        }
        if self.csv_open {
            return None;
        }
        let record = std::mem::take(&mut self.csv);
        let entry = parse_csv_record(&record, self.csv_line, self.max_entry_bytes);
        if entry.is_none() {
            self.stats.skipped_lines += 1 + record.matches('\n').count() as u64;
        }
        entry
    }

    fn push_json(&mut self, line: &str, number: u64) -> Option<LogEntry> {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            return None;
        }
        let parsed = serde_json::from_str::<JsonLine>(trimmed).ok();
        match parsed {
            Some(j) => {
                let mut entry = LogEntry {
                    line: number,
                    timestamp: j.timestamp,
                    pid: j.pid,
                    user: j.user,
                    database: j.dbname,
                    severity: j.error_severity.unwrap_or_default(),
                    message: j.message.unwrap_or_default(),
                    truncated: false,
                };
                if entry.message.len() > self.max_entry_bytes {
                    truncate(&mut entry.message, self.max_entry_bytes);
                    entry.truncated = true;
                }
                Some(entry)
            }
            None => {
                self.stats.skipped_lines += 1;
                None
            }
        }
    }
}

/// The fields of a jsonlog line that matter here.
#[derive(Deserialize)]
struct JsonLine {
    timestamp: Option<String>,
    user: Option<String>,
    dbname: Option<String>,
    pid: Option<u32>,
    error_severity: Option<String>,
    message: Option<String>,
}

fn append(entry: &mut LogEntry, line: &str, max: usize) {
    if entry.truncated {
        return;
    }
    if entry.message.len() + 1 + line.len() > max {
        entry.truncated = true;
        return;
    }
    entry.message.push('\n');
    entry.message.push_str(line);
}

fn truncate(text: &mut String, max: usize) {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
}

/// Which format a first line is written in, if it is log output at all.
fn detect(line: &str) -> Option<LogFormat> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('{') {
        return serde_json::from_str::<JsonLine>(trimmed.trim_end())
            .ok()
            .filter(|j| j.error_severity.is_some())
            .map(|_| LogFormat::Jsonlog);
    }
    // csvlog: the time first, the severity in the 12th field (a record's first line
    // holds at least that much, even when its message runs on).
    let fields = split_csv(line);
    if fields.len() >= 12 && starts_with_date(&fields[0]) && SEVERITIES.contains(&fields[11].as_str()) {
        return Some(LogFormat::Csvlog);
    }
    if parse_stderr_header(line, 0).is_some() {
        return Some(LogFormat::Stderr);
    }
    None
}

fn starts_with_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[5..7].iter().all(u8::is_ascii_digit) && b[7] == b'-'
}

/// `<prefix>SEVERITY:  message`: the prefix is whatever `log_line_prefix` made.
fn parse_stderr_header(line: &str, number: u64) -> Option<LogEntry> {
    let (at, severity) = line.match_indices(":  ").find_map(|(at, _)| {
        let before = &line[..at];
        let word_start = before.rfind(|c: char| !c.is_ascii_alphanumeric()).map_or(0, |i| i + 1);
        let word = &before[word_start..];
        SEVERITIES.contains(&word).then_some((word_start, word))
    })?;
    let prefix = &line[..at];
    let mut message = &line[at + severity.len() + 3..];
    // log_error_verbosity = verbose adds the SQLSTATE: `LOG:  00000: duration: ...`.
    if message.len() > 7 && message.as_bytes()[5] == b':' && message[..5].bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        message = message[6..].trim_start_matches(' ');
    }
    let mut entry = LogEntry { line: number, severity: severity.to_owned(), message: message.to_owned(), ..LogEntry::default() };
    read_prefix(prefix, &mut entry);
    Some(entry)
}

/// Picks the time, process id, user and database out of a `log_line_prefix` such as
/// `%m [%p] ` or `%t [%p]: [%l-1] user=%u,db=%d `.
fn read_prefix(prefix: &str, entry: &mut LogEntry) {
    let words: Vec<&str> = prefix.split_whitespace().collect();
    if words.len() >= 2 && starts_with_date(words[0]) && words[1].as_bytes().get(2) == Some(&b':') {
        let mut timestamp = format!("{} {}", words[0], words[1]);
        // A zone name or offset: `UTC`, `CEST`, `+02`.
        if let Some(zone) = words.get(2).filter(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == '+' || c == '-' || c.is_ascii_digit()) && !w.starts_with('[')) {
            timestamp.push(' ');
            timestamp.push_str(zone);
        }
        entry.timestamp = Some(timestamp);
    }
    for word in prefix.split(|c: char| c.is_whitespace() || c == ',') {
        let word = word.trim_end_matches(':');
        if let Some(pid) = word.strip_prefix('[').and_then(|w| w.strip_suffix(']')).and_then(|w| w.parse().ok()) {
            entry.pid.get_or_insert(pid);
        } else if let Some(pid) = word.strip_prefix("pid=").and_then(|w| w.parse().ok()) {
            entry.pid.get_or_insert(pid);
        } else if let Some(user) = word.strip_prefix("user=").filter(|u| !u.is_empty() && *u != "[unknown]") {
            entry.user = Some(user.to_owned());
        } else if let Some(db) = word.strip_prefix("db=").or_else(|| word.strip_prefix("database=")).filter(|d| !d.is_empty() && *d != "[unknown]") {
            entry.database = Some(db.to_owned());
        }
    }
}

/// One csvlog record: log_time, user_name, database_name, process_id, ...,
/// error_severity (12th), sql_state_code, message (14th), ...
fn parse_csv_record(record: &str, line: u64, max: usize) -> Option<LogEntry> {
    let truncated = record.contains('\u{1}');
    let fields = split_csv(record);
    if fields.len() < 14 || !starts_with_date(&fields[0]) {
        return None;
    }
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let mut message = fields[13].clone();
    let mut truncated = truncated;
    if message.len() > max {
        truncate(&mut message, max);
        truncated = true;
    }
    Some(LogEntry {
        line,
        timestamp: non_empty(&fields[0]),
        user: non_empty(&fields[1]),
        database: non_empty(&fields[2]),
        pid: fields[3].parse().ok(),
        severity: fields[11].clone(),
        message,
        truncated,
    })
}

/// RFC 4180 fields: `"..."` quoted with `""` for a quote, else bare up to the comma.
fn split_csv(record: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = record.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            }
            '"' if field.is_empty() => quoted = true,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(reader: &mut LogReader, text: &str) -> Vec<LogEntry> {
        let mut entries: Vec<LogEntry> = text.split('\n').filter_map(|l| reader.push_line(l)).collect();
        entries.extend(reader.finish());
        entries
    }

    #[test]
    fn stderr_entries_with_continuation_lines() {
        let log = "2024-05-01 10:00:00.123 UTC [4242] LOG:  duration: 12.500 ms  plan:\n\tQuery Text: select 1\n\tResult  (cost=0.00..0.01 rows=1 width=4) (actual time=0.001..0.001 rows=1 loops=1)\n2024-05-01 10:00:01.000 UTC [4243] LOG:  checkpoint starting: time\n";
        let mut reader = LogReader::new();
        let entries = read_all(&mut reader, log);
        assert_eq!(reader.format(), Some(LogFormat::Stderr));
        assert_eq!(entries.len(), 2);
        let e = &entries[0];
        assert_eq!((e.line, e.pid, e.timestamp.as_deref()), (1, Some(4242), Some("2024-05-01 10:00:00.123 UTC")));
        let ae = e.auto_explain().expect("auto_explain");
        assert_eq!(ae.duration_ms, 12.5);
        assert!(ae.plan.starts_with("Query Text: select 1\nResult  (cost"), "{}", ae.plan);
        assert_eq!(entries[1].auto_explain(), None);
    }

    #[test]
    fn pgbadger_prefix_gives_user_and_database() {
        let log = "2024-05-01 10:00:00 UTC [77]: [3-1] user=app,db=shop LOG:  00000: duration: 0.050 ms  plan:\n\t{\"Plan\": {}}";
        let entries = read_all(&mut LogReader::new(), log);
        let e = &entries[0];
        assert_eq!((e.pid, e.user.as_deref(), e.database.as_deref()), (Some(77), Some("app"), Some("shop")));
        assert_eq!(e.timestamp.as_deref(), Some("2024-05-01 10:00:00 UTC"));
        assert_eq!(e.auto_explain().map(|a| a.plan), Some("{\"Plan\": {}}"));
    }

    #[test]
    fn csvlog_records_span_lines() {
        let log = "2024-05-01 10:00:00.123 UTC,\"postgres\",\"shop\",4242,\"127.0.0.1:5555\",663,1,\"SELECT\",2024-05-01 10:00:00 UTC,3/4,0,LOG,00000,\"duration: 1.000 ms  plan:\nQuery Text: select 'a, \"\"b\"\"'\nResult  (cost=0.00..0.01 rows=1 width=32)\",,,,,,,,\"\",\"client backend\",,0\n2024-05-01 10:00:01.000 UTC,,,4000,,663,2,,2024-05-01 10:00:00 UTC,,0,LOG,00000,\"checkpoint starting: time\",,,,,,,,,\"\",\"checkpointer\",,0\n";
        let mut reader = LogReader::new();
        let entries = read_all(&mut reader, log);
        assert_eq!(reader.format(), Some(LogFormat::Csvlog));
        assert_eq!(entries.len(), 2);
        let e = &entries[0];
        assert_eq!((e.user.as_deref(), e.database.as_deref(), e.pid), (Some("postgres"), Some("shop"), Some(4242)));
        let plan = e.auto_explain().expect("plan").plan;
        assert_eq!(plan, "Query Text: select 'a, \"b\"'\nResult  (cost=0.00..0.01 rows=1 width=32)");
        assert_eq!(entries[1].line, 4);
    }

    #[test]
    fn jsonlog_one_entry_per_line() {
        let log = r#"{"timestamp":"2024-05-01 10:00:00.123 UTC","user":"postgres","dbname":"shop","pid":4242,"error_severity":"LOG","message":"duration: 3.5 ms  plan:\n{\n  \"Query Text\": \"select 1\"\n}"}
{"timestamp":"2024-05-01 10:00:01.000 UTC","pid":4000,"error_severity":"LOG","message":"checkpoint starting: time"}"#;
        let mut reader = LogReader::new();
        let entries = read_all(&mut reader, log);
        assert_eq!(reader.format(), Some(LogFormat::Jsonlog));
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].auto_explain().map(|a| a.duration_ms), Some(3.5));
        assert_eq!(entries[0].database.as_deref(), Some("shop"));
    }

    #[test]
    fn junk_before_the_first_entry_is_skipped_and_caps_hold() {
        let log = "waiting for server to start....\n\tstray\n2024-05-01 10:00:00 UTC [1] LOG:  duration: 1 ms  plan:\n\taaaaaaaaaa\n\tbbbbbbbbbb\n";
        let mut reader = LogReader::new().max_entry_bytes(40);
        let entries = read_all(&mut reader, log);
        assert_eq!(entries.len(), 1);
        assert!(entries[0].truncated);
        assert!(entries[0].message.len() <= 40);
        assert_eq!(reader.stats().skipped_lines, 2);
    }
}
