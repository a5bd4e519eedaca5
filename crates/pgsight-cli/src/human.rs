//! `--format human`: each finding as a compiler-style diagnostic, with the source
//! excerpt it points at underlined (annotate-snippets), then its five parts, and a
//! summary line. The wording comes from the core; this file only lays it out.
//!
//! Colour follows the usual conventions: `NO_COLOR` (non-empty) turns it off,
//! `CLICOLOR_FORCE` (not `0`) turns it on, otherwise only a terminal gets it.

use std::io::IsTerminal;
use std::ops::Range;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{normalize_untrusted_str, AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use pgsight_core::report::{Action, Finding, Note, NoteLevel};
use pgsight_core::{Input, InputKind, Report, Severity};

use crate::migration;

/// Whether stdout should get ANSI colours.
pub fn colour_enabled() -> bool {
    colour_from(|name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned()), std::io::stdout().is_terminal())
}

fn colour_from(var: impl Fn(&str) -> Option<String>, terminal: bool) -> bool {
    if var("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    if var("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
        return true;
    }
    if var("CLICOLOR").is_some_and(|v| v == "0") {
        return false;
    }
    terminal
}

/// ANSI styling that collapses to plain text without colour.
#[derive(Clone, Copy)]
pub struct Paint(pub bool);

impl Paint {
    pub fn wrap(self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    pub fn bold(self, text: &str) -> String {
        self.wrap("1", text)
    }

    pub fn dim(self, text: &str) -> String {
        self.wrap("2", text)
    }

    pub fn severity(self, severity: Severity, text: &str) -> String {
        match severity {
            Severity::Error => self.wrap("1;91", text),
            Severity::Warning => self.wrap("1;93", text),
            Severity::Info => self.wrap("1;94", text),
        }
    }
}

pub fn renderer(colour: bool) -> Renderer {
    let renderer = if colour { Renderer::styled() } else { Renderer::plain() };
    renderer.decor_style(DecorStyle::Ascii)
}

/// The whole human report: migration summaries, findings, rollback plan, notes and
/// the summary line. `inputs` are the texts the report was made from, for excerpts.
pub fn render(report: &Report, inputs: &[Input], colour: bool) -> String {
    let renderer = renderer(colour);
    let paint = Paint(colour);
    let mut out = migration::render_summary(report);
    for finding in &report.findings {
        out.push_str(&render_finding(&renderer, report, inputs, finding));
        out.push_str("\n\n");
    }
    out.push_str(&migration::render_rollback(report));
    for note in &report.notes {
        out.push_str(&render_note(&renderer, report, inputs, note));
        out.push('\n');
    }
    out.push_str(&summary_line(report, paint));
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// One finding: title, where it points (excerpt or origin), then the five parts.
pub fn render_finding(renderer: &Renderer, report: &Report, inputs: &[Input], f: &Finding) -> String {
    let loc = &f.location;
    let input = inputs.get(loc.input);
    let name = report.inputs.get(loc.input).map(|i| i.name.as_str()).or(input.map(|i| i.name.as_str())).unwrap_or("input");
    let title = normalize_untrusted_str(&f.title);
    let mut group = Group::with_title(level(f.severity).primary_title(title).id(f.rule));
    let excerpt = match (input, loc.line) {
        (Some(input), Some(line)) if input.kind == InputKind::Plan => plan_excerpt(&input.text, line),
        (Some(input), Some(line)) => sql_excerpt(&input.text, line, loc.column.unwrap_or(1)),
        _ => None,
    };
    let mut at_shown = false;
    match excerpt {
        Some(e) => {
            let label = loc.node_label.as_deref().map(normalize_untrusted_str);
            at_shown = label.is_some();
            let annotation = AnnotationKind::Primary.span(e.span).label(label);
            group = group.element(Snippet::source(e.source).line_start(e.line_start).path(name.to_owned()).annotation(annotation));
        }
        None => {
            let mut origin = Origin::path(name.to_owned());
            if let Some(line) = loc.line {
                origin = origin.line(line as usize);
                if let Some(column) = loc.column {
                    origin = origin.char_column(column as usize);
                }
            }
            group = group.element(origin);
        }
    }
    let part = |label: &'static str, text: String| Level::NOTE.with_name(label).message(normalize_untrusted_str(&text));
    if !at_shown {
        if let Some(label) = &loc.node_label {
            let plan = match (loc.plan, report.inputs.get(loc.input)) {
                (Some(p), Some(i)) if i.plans > 1 => format!(" (plan {})", p + 1),
                _ => String::new(),
            };
            group = group.element(part("at", format!("{label}{plan}")));
        }
    }
    // Findings merged into this one, and the inputs it read (plan and schema).
    if !f.also.is_empty() {
        group = group.element(part("also", f.also.join(", ")));
    }
    let used: Vec<&str> = f.inputs.iter().filter_map(|&i| report.inputs.get(i)).map(|i| i.name.as_str()).collect();
    if used.len() > 1 {
        group = group.element(part("used", used.join(", ")));
    }
    let mut diagnosis = f.message.clone();
    for e in &f.evidence {
        diagnosis.push_str(&format!("\n  {}: {}", e.label, e.value));
    }
    group = group
        .element(part("diagnosis", diagnosis))
        .element(part("fix", action_text(&f.fix)))
        .element(part("impact", f.impact.text.clone()))
        .element(part("risk", f.risk.clone()))
        .element(part("rollback", action_text(&f.rollback)));
    renderer.render(&[group])
}

fn action_text(action: &Action) -> String {
    let mut text = action.text.clone();
    if let Some(sql) = &action.sql {
        for line in sql.lines() {
            text.push_str(&format!("\n  {line}"));
        }
    }
    text
}

fn render_note(renderer: &Renderer, report: &Report, inputs: &[Input], note: &Note) -> String {
    let level = match note.level {
        NoteLevel::Info => Level::NOTE,
        NoteLevel::Warning => Level::WARNING,
        NoteLevel::Error => Level::ERROR,
    };
    let message = normalize_untrusted_str(&note.message);
    let input = inputs.get(note.input);
    let excerpt = match (input, note.line) {
        (Some(input), Some(line)) => sql_excerpt(&input.text, line, note.column.unwrap_or(1)),
        _ => None,
    };
    let group = match excerpt {
        Some(e) => {
            let name = report.inputs.get(note.input).map_or("input", |i| i.name.as_str()).to_owned();
            level.primary_title(message).element(
                Snippet::source(e.source).line_start(e.line_start).path(name).annotation(AnnotationKind::Primary.span(e.span)),
            )
        }
        None => Group::with_title(level.primary_title(message)),
    };
    renderer.render(&[group])
}

/// `5 finding(s): 0 error, 2 warning, 3 info · read a.sql (3 statements)`.
pub fn summary_line(report: &Report, paint: Paint) -> String {
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let counted = |s: Severity| {
        let text = format!("{} {}", count(s), s);
        if count(s) > 0 {
            paint.severity(s, &text)
        } else {
            text
        }
    };
    let read: Vec<String> = report
        .inputs
        .iter()
        .filter(|i| i.ok)
        .map(|i| match i.kind {
            InputKind::Plan => format!("{} ({} plan(s), {} nodes)", i.name, i.plans, i.nodes),
            _ => format!("{} ({} statements)", i.name, i.statements),
        })
        .collect();
    format!(
        "{}: {}, {}, {} {}\n",
        paint.bold(&format!("{} finding(s)", report.findings.len())),
        counted(Severity::Error),
        counted(Severity::Warning),
        counted(Severity::Info),
        paint.dim(&format!("· read {}", if read.is_empty() { "nothing".to_owned() } else { read.join(", ") }))
    )
}

/// A few lines of an input and the span to underline in them.
#[derive(Debug, PartialEq)]
pub struct Excerpt {
    pub source: String,
    /// Line number of the excerpt's first line.
    pub line_start: usize,
    /// Byte range within `source`.
    pub span: Range<usize>,
}

/// Lines of a statement underlined in full; a longer one gets its first line only.
const MAX_STATEMENT_LINES: usize = 4;

/// Byte offsets of the start and end of a 1-based line.
fn line_bounds(text: &str, line: u32) -> Option<(usize, usize)> {
    let start = if line <= 1 { 0 } else { text.match_indices('\n').nth(line as usize - 2).map(|(i, _)| i + 1)? };
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    Some((start, end))
}

/// The plan line of a text-plan node, the node's text underlined (not its `->`
/// arrow, indentation or cost figures).
pub fn plan_excerpt(text: &str, line: u32) -> Option<Excerpt> {
    let (start, end) = line_bounds(text, line)?;
    let source = text[start..end].trim_end_matches('\r').to_owned();
    let lead = source.len() - source.trim_start().len();
    let mut from = lead;
    if source[from..].starts_with("->") {
        from += 2;
        from += source[from..].len() - source[from..].trim_start().len();
    }
    let to = source[from..].find("  (").map_or(source.trim_end().len(), |i| from + i);
    if to <= from {
        return None;
    }
    Some(Excerpt { source, line_start: line as usize, span: from..to })
}

/// The SQL at `line`/`column`: a statement start is underlined to its `;` (over up to
/// [`MAX_STATEMENT_LINES`] lines), any other position one token.
pub fn sql_excerpt(text: &str, line: u32, column: u32) -> Option<Excerpt> {
    let offset = pgsight_core::position::byte_offset(text, line, column)?;
    let (line_start, _) = line_bounds(text, line)?;
    let span_end = if at_statement_start(&text[..offset]) { statement_end(text, offset) } else { token_end(text, offset) };
    // The excerpt runs from the first line to the line holding the span's end.
    let mut end_line = line as usize + text[offset..span_end].matches('\n').count();
    let mut span_end = span_end;
    if end_line - line as usize >= MAX_STATEMENT_LINES {
        span_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        end_line = line as usize;
    }
    let (_, last_end) = line_bounds(text, end_line as u32)?;
    let source = text[line_start..last_end].to_owned();
    let mut span = offset - line_start..span_end - line_start;
    // Never underline trailing blanks; an empty span becomes one character.
    let trimmed = source[span.clone()].trim_end().len();
    span.end = span.start + trimmed;
    if span.is_empty() {
        span.end = source[span.start..].chars().next().map_or(span.start, |c| span.start + c.len_utf8());
    }
    Some(strip_cr(Excerpt { source, line_start: line as usize, span }))
}

/// Drops the `\r` of CRLF line ends (they would print as a symbol), keeping the span
/// on the same text.
fn strip_cr(e: Excerpt) -> Excerpt {
    if !e.source.contains('\r') {
        return e;
    }
    let bytes = e.source.as_bytes();
    let dropped = |i: usize| bytes[i] == b'\r' && matches!(bytes.get(i + 1), None | Some(b'\n'));
    let shift = |at: usize| (0..at.min(bytes.len())).filter(|&i| dropped(i)).count();
    let span = e.span.start - shift(e.span.start)..e.span.end - shift(e.span.end);
    let source = e.source.char_indices().filter(|&(i, _)| !dropped(i)).map(|(_, c)| c).collect();
    Excerpt { source, line_start: e.line_start, span }
}

/// Whether only blanks, comments and `;` come between the last statement and here.
fn at_statement_start(before: &str) -> bool {
    let mut rest = before.trim_end();
    loop {
        if rest.is_empty() || rest.ends_with(';') {
            return true;
        }
        // A `--` comment line above: look at what precedes it.
        let line_start = rest.rfind('\n').map_or(0, |i| i + 1);
        if rest[line_start..].trim_start().starts_with("--") {
            rest = rest[..line_start].trim_end();
            continue;
        }
        if rest.ends_with("*/") {
            match rest.rfind("/*") {
                Some(open) => {
                    rest = rest[..open].trim_end();
                    continue;
                }
                None => return false,
            }
        }
        return false;
    }
}

/// Byte offset just past the statement that starts at `from`: its `;` outside quotes
/// and comments, or the end of the text.
fn statement_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b';' => return i + 1,
            quote @ (b'\'' | b'"') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    i += 1;
                }
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(bytes.len(), |j| i + 2 + j + 1);
            }
            b'$' => {
                // A dollar-quoted body: $tag$ ... $tag$.
                let tag_end = text[i + 1..].find(|c: char| !(c.is_alphanumeric() || c == '_')).map(|j| i + 1 + j);
                if let Some(tag_end) = tag_end.filter(|&e| bytes[e] == b'$') {
                    let tag = &text[i..=tag_end];
                    i = text[tag_end + 1..].find(tag).map_or(bytes.len(), |j| tag_end + 1 + j + tag.len() - 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    text.len()
}

/// Byte offset just past the token at `from`: a word, a quoted name or string, else
/// one character.
fn token_end(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let Some(first) = rest.chars().next() else { return from };
    if first == '"' || first == '\'' {
        return rest[1..].find(first).map_or(text.len(), |i| from + i + 2);
    }
    let word = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.' || c == '$')).unwrap_or(rest.len());
    if word == 0 {
        from + first.len_utf8()
    } else {
        from + word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_no_color_clicolor_force_and_the_terminal() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
        };
        assert!(colour_from(env(&[]), true));
        assert!(!colour_from(env(&[]), false));
        assert!(!colour_from(env(&[("NO_COLOR", "1")]), true));
        assert!(!colour_from(env(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]), true));
        assert!(colour_from(env(&[("NO_COLOR", "")]), true));
        assert!(colour_from(env(&[("CLICOLOR_FORCE", "1")]), false));
        assert!(!colour_from(env(&[("CLICOLOR_FORCE", "0")]), false));
        assert!(!colour_from(env(&[("CLICOLOR", "0")]), true));
    }

    #[test]
    fn statement_spans_run_to_the_semicolon() {
        let sql = "-- add it\nBEGIN;\nCREATE INDEX i ON t (a);\nALTER TABLE t\n  ADD COLUMN b int; -- x\n";
        let e = sql_excerpt(sql, 3, 1).expect("excerpt");
        assert_eq!(&e.source[e.span.clone()], "CREATE INDEX i ON t (a);");
        let e = sql_excerpt(sql, 4, 1).expect("excerpt");
        assert_eq!(e.line_start, 4);
        assert_eq!(&e.source[e.span.clone()], "ALTER TABLE t\n  ADD COLUMN b int;");
        // Inside a statement: one token.
        let e = sql_excerpt(sql, 3, 14).expect("excerpt");
        assert_eq!(&e.source[e.span.clone()], "i");
        assert_eq!(sql_excerpt(sql, 40, 1), None);
    }

    #[test]
    fn crlf_line_ends_are_dropped() {
        let e = sql_excerpt("BEGIN;\r\nCREATE INDEX i\r\n  ON t (a);\r\n", 2, 1).expect("excerpt");
        assert_eq!(e.source, "CREATE INDEX i\n  ON t (a);");
        assert_eq!(&e.source[e.span.clone()], "CREATE INDEX i\n  ON t (a);");
    }

    #[test]
    fn long_statements_underline_their_first_line() {
        let sql = "SELECT 1,\n2,\n3,\n4,\n5;";
        let e = sql_excerpt(sql, 1, 1).expect("excerpt");
        assert_eq!(e.source, "SELECT 1,");
        assert_eq!(&e.source[e.span.clone()], "SELECT 1,");
    }

    #[test]
    fn plan_lines_underline_the_node() {
        let plan = "Limit  (cost=1..2 rows=1 width=4)\n  ->  Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n";
        let e = plan_excerpt(plan, 2).expect("excerpt");
        assert_eq!(&e.source[e.span.clone()], "Seq Scan on t");
    }
}
