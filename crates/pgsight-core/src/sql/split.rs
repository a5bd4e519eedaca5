//! Splits SQL text into statements the way psql reads a script.
//!
//! sqlparser is not trusted with this: one statement it cannot parse would lose the
//! rest of the file, and it knows nothing of psql meta-commands or COPY data. The
//! scanner understands only what decides where a statement ends: quotes of every kind,
//! comments, parentheses and `BEGIN ATOMIC ... END` bodies. It never fails; text it
//! cannot close becomes a statement carrying a note.

use serde::Serialize;

use crate::position::line_column;

/// Where a piece of the input lies: a byte range and the 1-based line and character
/// column of its first character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SourceSpan {
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
}

impl SourceSpan {
    /// The spanned text; empty if `text` is not the text the span was made from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// An SQL statement; its span excludes the terminating semicolon.
    Sql,
    /// A psql meta-command line such as `\connect db`: psql runs it, the server never sees it.
    PsqlCommand,
}

/// A problem the splitter worked around, at the position that explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SplitNote {
    pub message: String,
    pub line: u32,
    pub column: u32,
}

/// One statement as found in the text, before any parsing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RawStatement {
    pub kind: StatementKind,
    pub span: SourceSpan,
    /// Comments between the previous statement and this one, in order (where
    /// `-- pgsight-ignore` suppressions live).
    pub leading_comments: Vec<SourceSpan>,
    /// The data lines of `COPY ... FROM stdin`, up to (not including) the `\.` line.
    pub copy_data: Option<SourceSpan>,
    pub note: Option<SplitNote>,
}

/// Splits `text` into statements. Comments after the last statement are dropped.
pub fn split(text: &str) -> Vec<RawStatement> {
    let mut scanner = Scanner { text, bytes: text.as_bytes(), pos: 0, cursor: PositionCursor::new(text) };
    let mut statements = Vec::new();
    while let Some(statement) = scanner.next_statement() {
        statements.push(statement);
    }
    statements
}

/// Why scanning stopped before the end of a construct, with where that construct began.
struct Unterminated {
    what: &'static str,
    opened_at: usize,
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    cursor: PositionCursor<'a>,
}

impl Scanner<'_> {
    fn next_statement(&mut self) -> Option<RawStatement> {
        let mut leading_comments = Vec::new();
        loop {
            self.skip_whitespace();
            let start = self.pos;
            if self.starts_with(b"--") {
                self.skip_line_comment();
                leading_comments.push(self.span(start, self.pos));
            } else if self.starts_with(b"/*") {
                if let Err(open) = self.skip_block_comment() {
                    // An unclosed comment swallows the rest of the file: say so.
                    let note = self.note(&open);
                    let span = self.span(start, self.pos);
                    return Some(RawStatement { kind: StatementKind::Sql, span, leading_comments, copy_data: None, note: Some(note) });
                }
                leading_comments.push(self.span(start, self.pos));
            } else if self.peek() == Some(b';') {
                // An empty statement: nothing to keep but its comments.
                self.pos += 1;
            } else {
                break;
            }
        }
        let start = self.pos;
        match self.peek()? {
            b'\\' => {
                let end = self.line_end(start);
                self.pos = end;
                let span = self.span(start, trim_end(self.bytes, start, end));
                Some(RawStatement { kind: StatementKind::PsqlCommand, span, leading_comments, copy_data: None, note: None })
            }
            _ => Some(self.sql_statement(start, leading_comments)),
        }
    }

    fn sql_statement(&mut self, start: usize, leading_comments: Vec<SourceSpan>) -> RawStatement {
        let mut words = WordTracker::default();
        let mut unterminated = None;
        let mut terminated = false;
        while let Some(byte) = self.peek() {
            let at = self.pos;
            let step = match byte {
                b';' if words.begin_depth == 0 => {
                    terminated = true;
                    break;
                }
                b'\'' => self.skip_string(words.escape_string_ahead(at)),
                b'"' => self.skip_quoted_identifier(),
                b'$' => self.skip_dollar_quote_or_sign(),
                b'-' if self.starts_with(b"--") => {
                    self.skip_line_comment();
                    Ok(())
                }
                b'/' if self.starts_with(b"/*") => self.skip_block_comment(),
                b'(' | b')' => {
                    words.paren(byte);
                    self.pos += 1;
                    Ok(())
                }
                b if b.is_ascii_digit() => {
                    self.skip_while(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.');
                    Ok(())
                }
                b if is_identifier_start(b) => {
                    self.skip_while(is_identifier_char);
                    words.word(self.text.get(at..self.pos).unwrap_or_default(), self.pos);
                    Ok(())
                }
                _ => {
                    self.pos += 1;
                    Ok(())
                }
            };
            if let Err(open) = step {
                unterminated = Some(open);
                break;
            }
        }
        let end = trim_end(self.bytes, start, self.pos);
        let span = self.span(start, end);
        if terminated {
            self.pos += 1;
        }
        if unterminated.is_none() && words.begin_depth > 0 {
            unterminated = words.atomic_opened_at.map(|opened_at| Unterminated { what: "BEGIN ATOMIC body (no END)", opened_at });
        }
        let mut note = unterminated.map(|open| self.note(&open));
        let mut copy_data = None;
        if terminated && words.copy_from_stdin() {
            let (data, data_note) = self.copy_data();
            copy_data = Some(data);
            note = note.or(data_note);
        }
        RawStatement { kind: StatementKind::Sql, span, leading_comments, copy_data, note }
    }

    /// The data after `COPY ... FROM stdin;`: from the next line up to a line `\.`.
    fn copy_data(&mut self) -> (SourceSpan, Option<SplitNote>) {
        let data_start = (self.line_end(self.pos) + 1).min(self.bytes.len());
        let mut line_start = data_start;
        while line_start < self.bytes.len() {
            let line_end = self.line_end(line_start);
            let line = &self.bytes[line_start..line_end];
            if line == b"\\." || line == b"\\.\r" {
                self.pos = line_end;
                return (self.span(data_start, line_start), None);
            }
            line_start = line_end + 1;
        }
        self.pos = self.bytes.len();
        let open = Unterminated { what: "COPY data (no \\. line)", opened_at: data_start };
        let note = self.note(&open);
        (self.span(data_start, self.pos), Some(note))
    }

    /// `'...'` with `''` for a quote; in `E'...'` a backslash escapes the next byte.
    fn skip_string(&mut self, backslash_escapes: bool) -> Result<(), Unterminated> {
        let opened_at = self.pos;
        self.pos += 1;
        while let Some(byte) = self.peek() {
            self.pos += 1;
            match byte {
                b'\\' if backslash_escapes => self.pos = (self.pos + 1).min(self.bytes.len()),
                b'\'' if self.peek() == Some(b'\'') => self.pos += 1,
                b'\'' => return Ok(()),
                _ => {}
            }
        }
        Err(Unterminated { what: "string", opened_at })
    }

    fn skip_quoted_identifier(&mut self) -> Result<(), Unterminated> {
        let opened_at = self.pos;
        self.pos += 1;
        while let Some(byte) = self.peek() {
            self.pos += 1;
            if byte == b'"' {
                if self.peek() == Some(b'"') {
                    self.pos += 1;
                } else {
                    return Ok(());
                }
            }
        }
        Err(Unterminated { what: "quoted identifier", opened_at })
    }

    /// `$tag$ ... $tag$` (tag possibly empty); a `$` that opens no quote (`$1`) is skipped.
    fn skip_dollar_quote_or_sign(&mut self) -> Result<(), Unterminated> {
        let opened_at = self.pos;
        let Some(delimiter) = dollar_delimiter(&self.bytes[opened_at..]) else {
            self.pos += 1;
            return Ok(());
        };
        let body_start = opened_at + delimiter.len();
        match find_bytes(&self.bytes[body_start..], delimiter) {
            Some(i) => {
                self.pos = body_start + i + delimiter.len();
                Ok(())
            }
            None => {
                self.pos = self.bytes.len();
                Err(Unterminated { what: "dollar-quoted string", opened_at })
            }
        }
    }

    fn skip_line_comment(&mut self) {
        self.pos = self.line_end(self.pos);
    }

    /// `/* ... */`, nested as PostgreSQL nests them.
    fn skip_block_comment(&mut self) -> Result<(), Unterminated> {
        let opened_at = self.pos;
        let mut depth = 0usize;
        while self.pos < self.bytes.len() {
            if self.starts_with(b"/*") {
                depth += 1;
                self.pos += 2;
            } else if self.starts_with(b"*/") {
                depth -= 1;
                self.pos += 2;
                if depth == 0 {
                    return Ok(());
                }
            } else {
                self.pos += 1;
            }
        }
        Err(Unterminated { what: "block comment", opened_at })
    }

    fn skip_whitespace(&mut self) {
        self.skip_while(|b| b.is_ascii_whitespace());
    }

    fn skip_while(&mut self, keep: impl Fn(u8) -> bool) {
        while self.peek().is_some_and(&keep) {
            self.pos += 1;
        }
    }

    /// Offset of the newline ending the line that holds `from` (or the end of text).
    fn line_end(&self, from: usize) -> usize {
        self.bytes[from.min(self.bytes.len())..].iter().position(|&b| b == b'\n').map_or(self.bytes.len(), |i| from + i)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn starts_with(&self, prefix: &[u8]) -> bool {
        self.bytes[self.pos..].starts_with(prefix)
    }

    fn span(&mut self, start: usize, end: usize) -> SourceSpan {
        let (line, column) = self.cursor.at(start);
        SourceSpan { start, end, line, column }
    }

    fn note(&mut self, open: &Unterminated) -> SplitNote {
        let (line, column) = self.cursor.at(open.opened_at);
        SplitNote { message: format!("unterminated {}: read to the end of the input", open.what), line, column }
    }
}

/// The words of a statement that decide how it is split: its head (to spot
/// `CREATE FUNCTION`/`PROCEDURE` and `COPY`), `BEGIN ... END` nesting at paren depth 0,
/// and `FROM stdin`.
#[derive(Default)]
struct WordTracker {
    head: Vec<String>,
    /// The head is `CREATE [OR REPLACE] FUNCTION|PROCEDURE`.
    routine: bool,
    previous: String,
    paren_depth: usize,
    begin_depth: usize,
    atomic_opened_at: Option<usize>,
    from_stdin: bool,
    /// End offset of the last word when it was a lone `E`: a `'` right after it opens an E'' string.
    lone_e_ends_at: Option<usize>,
}

impl WordTracker {
    const HEAD_LEN: usize = 4;

    fn word(&mut self, word: &str, end: usize) {
        let lower = word.to_ascii_lowercase();
        if self.head.len() < Self::HEAD_LEN {
            self.head.push(lower.clone());
            self.routine = self.is_routine_definition();
        }
        self.lone_e_ends_at = (lower == "e").then_some(end);
        if self.previous == "from" && lower == "stdin" {
            self.from_stdin = true;
        }
        if self.paren_depth == 0 && self.routine {
            // Inside a SQL-standard body CASE ... END also closes with END.
            match lower.as_str() {
                "begin" => {
                    if self.begin_depth == 0 {
                        self.atomic_opened_at = Some(end - word.len());
                    }
                    self.begin_depth += 1;
                }
                "case" if self.begin_depth > 0 => self.begin_depth += 1,
                "end" => self.begin_depth = self.begin_depth.saturating_sub(1),
                _ => {}
            }
        }
        self.previous = lower;
    }

    fn paren(&mut self, byte: u8) {
        self.lone_e_ends_at = None;
        if byte == b'(' {
            self.paren_depth += 1;
        } else {
            self.paren_depth = self.paren_depth.saturating_sub(1);
        }
    }

    fn escape_string_ahead(&self, quote_at: usize) -> bool {
        self.lone_e_ends_at == Some(quote_at)
    }

    /// `CREATE [OR REPLACE] FUNCTION|PROCEDURE`.
    fn is_routine_definition(&self) -> bool {
        let head: Vec<&str> = self.head.iter().map(String::as_str).collect();
        matches!(head.as_slice(), ["create", "function" | "procedure", ..] | ["create", "or", "replace", "function" | "procedure", ..])
    }

    fn copy_from_stdin(&self) -> bool {
        self.head.first().is_some_and(|w| w == "copy") && self.from_stdin
    }
}

/// Converts offsets to line/column through [`line_column`], but only over the text
/// since the previous offset, so a long dump costs one pass instead of one per statement.
struct PositionCursor<'a> {
    text: &'a str,
    offset: usize,
    line: u32,
    column: u32,
}

impl<'a> PositionCursor<'a> {
    fn new(text: &'a str) -> Self {
        PositionCursor { text, offset: 0, line: 1, column: 1 }
    }

    fn at(&mut self, offset: usize) -> (u32, u32) {
        let Some(since) = self.text.get(self.offset..offset) else {
            return line_column(self.text, offset);
        };
        let (lines, column) = line_column(since, since.len());
        if lines == 1 {
            self.column += column - 1;
        } else {
            self.line += lines - 1;
            self.column = column;
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

/// `$$` or `$tag$` at the start of `rest`, if it opens a dollar quote.
fn dollar_delimiter(rest: &[u8]) -> Option<&[u8]> {
    let tag_len = rest[1..].iter().position(|&b| !is_identifier_char(b) || b == b'$')?;
    let tag = &rest[1..1 + tag_len];
    let valid_tag = tag.first().is_none_or(|&b| is_identifier_start(b));
    (valid_tag && rest.get(1 + tag_len) == Some(&b'$')).then(|| &rest[..tag_len + 2])
}

fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn is_identifier_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

fn is_identifier_char(b: u8) -> bool {
    is_identifier_start(b) || b.is_ascii_digit() || b == b'$'
}

fn trim_end(bytes: &[u8], start: usize, end: usize) -> usize {
    let mut end = end;
    while end > start && bytes[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests;
