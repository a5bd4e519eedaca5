//! Reads a whole script: splits it, then gives each statement the first reading that
//! works — the recognizer (typed forms rules need), sqlparser (with adjustments for
//! clauses it rejects), the irrelevance table — or keeps it as unknown with a note at
//! the position sqlparser gave up. One bad statement never sinks the others.

use serde::Serialize;
use sqlparser::ast::Statement;
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::{Token, TokenWithSpan};

use super::adjust::{adjust, Adjustment};
use super::classify::irrelevance;
use super::recognize::{recognize, Recognized};
use super::split::{split, RawStatement, SourceSpan, StatementKind};
use super::tokens::{significant, tokenize};
use crate::position::{byte_offset, line_column};

/// sqlparser's nesting limit; deep enough for real DDL, shallow enough for a wasm stack.
pub(super) const RECURSION_LIMIT: usize = 50;

/// A script read statement by statement.
#[derive(Debug, Clone)]
pub struct Script {
    pub statements: Vec<ParsedStatement>,
    /// Unterminated constructs and statements nothing could read, in input order.
    pub notes: Vec<ScriptNote>,
    pub counts: StatementCounts,
}

#[derive(Debug, Clone)]
pub struct ParsedStatement {
    /// Position in [`Script::statements`].
    pub index: usize,
    pub kind: StatementKind,
    pub span: SourceSpan,
    /// The statement's text, without its semicolon.
    pub sql: String,
    /// Comments between the previous statement and this one.
    pub leading_comments: Vec<Comment>,
    pub class: StatementClass,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    pub text: String,
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone)]
pub enum StatementClass {
    /// Parsed by sqlparser, possibly after removing clauses it rejects (listed).
    Parsed { statement: Box<Statement>, adjustments: Vec<Adjustment> },
    /// Read by pgsight's own recognizer.
    Recognized(Box<Recognized>),
    /// Understood well enough to be left unread.
    Irrelevant { reason: &'static str },
    /// Nothing could read it; a [`ScriptNote`] says where reading failed.
    Unknown { message: String },
    /// Parsed or recognized, applied to a catalog and let go (see [`parse_schema_into`]).
    Applied,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScriptNote {
    pub message: String,
    pub line: u32,
    pub column: u32,
    /// The statement the note is about.
    pub statement: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatementCounts {
    pub total: usize,
    pub parsed: usize,
    pub recognized: usize,
    pub irrelevant: usize,
    pub unknown: usize,
}

impl StatementCounts {
    /// Percentage of statements parsed, recognized or deliberately classified (100 for none).
    pub fn understood_percent(&self) -> f64 {
        if self.total == 0 {
            return 100.0;
        }
        (self.total - self.unknown) as f64 * 100.0 / self.total as f64
    }
}

impl ParsedStatement {
    /// The statement's first `words` words in upper case, e.g. `CREATE AGGREGATE`:
    /// how reports name a kind of statement.
    pub fn head(&self, words: usize) -> String {
        let words: Vec<String> = self
            .sql
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\\'))
            .filter(|w| !w.is_empty())
            .take(words)
            .map(str::to_uppercase)
            .collect();
        words.join(" ")
    }

    pub fn statement(&self) -> Option<&Statement> {
        match &self.class {
            StatementClass::Parsed { statement, .. } => Some(statement),
            _ => None,
        }
    }

    pub fn adjustments(&self) -> &[Adjustment] {
        match &self.class {
            StatementClass::Parsed { adjustments, .. } => adjustments,
            _ => &[],
        }
    }
}

/// Splits and reads `text`. Never fails: what cannot be read is noted.
pub fn parse_script(text: &str) -> Script {
    read_script(text, Reading::Fast)
}

/// Whether pg_dump's commonest statements take [`super::fast`]'s reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    Fast,
    /// sqlparser and the recognizer only: what the fast reading is tested against.
    #[cfg_attr(not(test), allow(dead_code))]
    Full,
}

/// Reads a schema script into `catalog`, statement by statement, keeping of each
/// statement what the rules read of a schema: its text, position and comments. What
/// it was read as goes into the catalog and is let go ([`StatementClass::Applied`]):
/// a dump's syntax trees were most of the memory and much of the time of its analysis.
pub fn parse_schema_into(text: &str, catalog: &mut super::Catalog) -> Script {
    read_script_with(text, Reading::Fast, |statement| {
        catalog.apply(statement);
        if matches!(statement.class, StatementClass::Parsed { .. } | StatementClass::Recognized(_)) {
            statement.class = StatementClass::Applied;
        }
    })
}

pub(crate) fn read_script(text: &str, reading: Reading) -> Script {
    read_script_with(text, reading, |_| {})
}

/// Reads `text`, handing each statement to `each` as soon as it is read.
fn read_script_with(text: &str, reading: Reading, mut each: impl FnMut(&mut ParsedStatement)) -> Script {
    let mut statements = Vec::new();
    let mut notes = Vec::new();
    let mut counts = StatementCounts::default();
    let mut fast = super::fast::Reader::default();
    for (index, raw) in split(text).into_iter().enumerate() {
        let sql = raw.span.text(text);
        let (class, failed_at) = match raw.kind {
            StatementKind::PsqlCommand => (StatementClass::Irrelevant { reason: "psql meta-command" }, None),
            StatementKind::Sql => match (reading == Reading::Fast).then(|| fast.read(sql)).flatten() {
                Some(class) => (class, None),
                None => read_statement(sql),
            },
        };
        if let Some(note) = &raw.note {
            notes.push(ScriptNote { message: note.message.clone(), line: note.line, column: note.column, statement: index });
        } else if let StatementClass::Unknown { message } = &class {
            // sqlparser speaks statement-local positions; the note speaks the file's.
            let local = failed_at.and_then(|(line, column)| byte_offset(sql, line, column)).unwrap_or(0);
            let (line, column) = line_column(text, raw.span.start + local);
            let head = head_of(sql);
            notes.push(ScriptNote { message: format!("could not read {head}: {message}"), line, column, statement: index });
        }
        count(&mut counts, &class);
        let mut statement = ParsedStatement { index, kind: raw.kind, span: raw.span, sql: sql.to_owned(), leading_comments: comments(text, &raw), class };
        each(&mut statement);
        statements.push(statement);
    }
    Script { statements, notes, counts }
}

/// Reads one statement; for an unknown one, also where (statement-local line and
/// column) reading failed.
pub(crate) fn read_statement(sql: &str) -> (StatementClass, Option<(u32, u32)>) {
    let tokens = match tokenize(sql) {
        Ok(tokens) => tokens,
        Err(error) => {
            let at = (to_u32(error.location.line), to_u32(error.location.column));
            return (StatementClass::Unknown { message: error.message }, Some(at));
        }
    };
    let significant = significant(&tokens);
    if let Some(recognized) = recognize(&significant, sql) {
        return (StatementClass::Recognized(Box::new(recognized)), None);
    }
    let error = match parse_one(tokens.clone()) {
        Ok(statement) => return (StatementClass::Parsed { statement: Box::new(statement), adjustments: Vec::new() }, None),
        Err(error) => error,
    };
    if let Some((edited, adjustments)) = adjust(&tokens) {
        if let Ok(statement) = parse_one(edited) {
            return (StatementClass::Parsed { statement: Box::new(statement), adjustments }, None);
        }
    }
    if let Some(reason) = irrelevance(&significant) {
        return (StatementClass::Irrelevant { reason }, None);
    }
    // `?` placeholders (JDBC, many drivers) are the jsonb operator to sqlparser; read
    // them as `$n` parameters, keeping token positions.
    let mut numbered = tokens;
    if crate::query::params::number_question_marks(&mut numbered) {
        if let Ok(statement) = parse_one(numbered) {
            return (StatementClass::Parsed { statement: Box::new(statement), adjustments: Vec::new() }, None);
        }
    }
    let (message, at) = split_location(&error);
    (StatementClass::Unknown { message }, at)
}

/// Parses exactly one statement from `tokens`.
fn parse_one(tokens: Vec<TokenWithSpan>) -> Result<Statement, ParserError> {
    let dialect = PostgreSqlDialect {};
    let mut parser = Parser::new(&dialect).with_recursion_limit(RECURSION_LIMIT).with_tokens_with_locations(tokens);
    let statement = parser.parse_statement()?;
    let _ = parser.consume_token(&Token::SemiColon);
    let next = parser.peek_token();
    if next.token != Token::EOF {
        return parser.expected("end of statement", next);
    }
    Ok(statement)
}

/// sqlparser puts the position in the message (`... at Line: 3, Column: 5`): take it out.
fn split_location(error: &ParserError) -> (String, Option<(u32, u32)>) {
    let message = match error {
        ParserError::ParserError(message) | ParserError::TokenizerError(message) => message.as_str(),
        ParserError::RecursionLimitExceeded => return ("nested too deeply".to_owned(), None),
    };
    let Some((text, position)) = message.rsplit_once(" at Line: ") else { return (message.to_owned(), None) };
    let at = position.split_once(", Column: ").and_then(|(line, column)| Some((line.trim().parse().ok()?, column.trim().parse().ok()?)));
    (text.to_owned(), at)
}

fn head_of(sql: &str) -> String {
    let words: Vec<&str> = sql.split_whitespace().take(3).collect();
    let head = words.join(" ");
    if sql.split_whitespace().nth(3).is_some() {
        format!("`{head} ...`")
    } else {
        format!("`{head}`")
    }
}

fn comments(text: &str, raw: &RawStatement) -> Vec<Comment> {
    raw.leading_comments.iter().map(|span| Comment { text: span.text(text).to_owned(), line: span.line, column: span.column }).collect()
}

fn count(counts: &mut StatementCounts, class: &StatementClass) {
    counts.total += 1;
    match class {
        StatementClass::Parsed { .. } => counts.parsed += 1,
        StatementClass::Recognized(_) => counts.recognized += 1,
        StatementClass::Irrelevant { .. } => counts.irrelevant += 1,
        StatementClass::Unknown { .. } => counts.unknown += 1,
        StatementClass::Applied => {}
    }
}

fn to_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;
