//! Query fingerprints: the statement with its literals normalized, so that the same
//! query run with other values groups together, as `pg_stat_statements` groups them.
//!
//! A small lexer rather than the SQL parser: log text is whatever the client sent
//! (several statements, syntax the parser does not know, cut off), and a fingerprint
//! must come out of anything, fast. Numbers, strings (`'...'`, `E'...'`, dollar
//! quotes) and parameters (`$1`) become `?`; a parenthesized list of them (an IN list,
//! a VALUES row) becomes `(...)`, and repeated rows one; comments and spacing go;
//! unquoted words are lower-cased.

/// A query's normalized text and its 64-bit hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub hash: u64,
    /// The normalized statement, as printed in reports.
    pub text: String,
}

impl Fingerprint {
    /// The hash as 16 hex digits.
    pub fn id(&self) -> String {
        format!("{:016x}", self.hash)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    /// `?`: a literal or a parameter.
    Value,
    /// `(...)` or `[...]`: a list of values. `spaced`: blank before it in the source.
    List { square: bool, spaced: bool },
    /// `(` or `[`.
    Open { square: bool, spaced: bool },
    Punct(String),
}

impl Token {
    fn is_list(&self) -> bool {
        matches!(self, Token::List { .. })
    }
}

/// Normalizes `sql` and hashes the result.
pub fn fingerprint(sql: &str) -> Fingerprint {
    let tokens = normalize(sql);
    // The hash ignores where the source put blanks; the text keeps `t (a)` apart from `f(a)`.
    let canonical = render(&tokens, false);
    Fingerprint { hash: fnv1a(canonical.as_bytes()), text: render(&tokens, true) }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn normalize(sql: &str) -> Vec<Token> {
    let b = sql.as_bytes();
    let mut out: Vec<Token> = Vec::new();
    // Positions in `out` of the open parentheses.
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    // Blanks or a comment since the last token.
    let mut gap = false;
    while i < b.len() {
        let c = b[i];
        let spaced = std::mem::replace(&mut gap, true);
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        } else if c == b'-' && b.get(i + 1) == Some(&b'-') {
            i = sql[i..].find('\n').map_or(b.len(), |j| i + j);
            continue;
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i = skip_block_comment(b, i);
            continue;
        }
        gap = false;
        if c == b'\'' {
            i = skip_string(b, i + 1, false);
            push_value(&mut out);
        } else if matches!(c, b'e' | b'E') && b.get(i + 1) == Some(&b'\'') {
            i = skip_string(b, i + 2, true);
            push_value(&mut out);
        } else if matches!(c, b'b' | b'B' | b'x' | b'X' | b'n' | b'N') && b.get(i + 1) == Some(&b'\'') && !prev_is_word_char(b, i) {
            i = skip_string(b, i + 2, false);
            push_value(&mut out);
        } else if c == b'"' {
            let end = sql[i + 1..].find('"').map_or(b.len(), |j| i + 1 + j + 1);
            out.push(Token::Word(sql[i..end].to_owned()));
            i = end;
        } else if c == b'$' {
            let digits = b[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
            if digits > 0 {
                i += 1 + digits;
                push_value(&mut out);
            } else if let Some(end) = dollar_quote_end(sql, i) {
                i = end;
                push_value(&mut out);
            } else {
                out.push(Token::Punct("$".to_owned()));
                i += 1;
            }
        } else if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            i = skip_number(b, i);
            // A sign in front of a number is part of the literal, unless it subtracts.
            let n = out.len();
            if n >= 1 && matches!(&out[n - 1], Token::Punct(p) if p == "-" || p == "+") {
                let unary = n == 1 || matches!(&out[n - 2], Token::Open { .. }) || matches!(&out[n - 2], Token::Punct(p) if p != ")" && p != "]");
                if unary {
                    out.pop();
                }
            }
            push_value(&mut out);
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            let mut end = sql[i..].find(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '$')).map_or(b.len(), |j| i + j);
            if end == i {
                // A symbol outside ASCII: one character on its own.
                end = i + sql[i..].chars().next().map_or(1, char::len_utf8);
            }
            out.push(Token::Word(sql[i..end].to_lowercase()));
            i = end;
        } else if c == b'(' || c == b'[' {
            open.push(out.len());
            out.push(Token::Open { square: c == b'[', spaced });
            i += 1;
        } else if c == b')' || c == b']' {
            i += 1;
            let Some(start) = open.pop() else {
                out.push(Token::Punct((c as char).to_string()));
                continue;
            };
            let (square, open_spaced) = match out[start] {
                Token::Open { square, spaced } => (square, spaced),
                _ => (false, false),
            };
            let inner = &out[start + 1..];
            let only_values = !inner.is_empty()
                && inner.iter().enumerate().all(|(k, t)| if k % 2 == 0 { matches!(t, Token::Value) || t.is_list() } else { *t == Token::Punct(",".to_owned()) });
            if only_values && inner.len() % 2 == 1 {
                out.truncate(start);
                // `(...), (...)`: many rows of values are one.
                if out.len() >= 2 && out[out.len() - 1] == Token::Punct(",".to_owned()) && out[out.len() - 2].is_list() {
                    out.pop();
                } else {
                    out.push(Token::List { square, spaced: open_spaced });
                }
            } else {
                out.push(Token::Punct((c as char).to_string()));
            }
        } else {
            // Operators: a run of operator characters is one token (`::`, `<=`, `->>`).
            let is_op = |ch: u8| b"+-*/<>=~!@#%^&|`?:".contains(&ch);
            let len = if is_op(c) { b[i..].iter().take_while(|&&ch| is_op(ch)).count() } else { sql[i..].chars().next().map_or(1, char::len_utf8) };
            out.push(Token::Punct(sql[i..i + len].to_owned()));
            i += len;
        }
    }
    while matches!(out.last(), Some(Token::Punct(p)) if p == ";") {
        out.pop();
    }
    out
}

fn push_value(out: &mut Vec<Token>) {
    out.push(Token::Value);
}

fn prev_is_word_char(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

/// Past the closing quote of a string opened before `from`; `''` is a quote, and with
/// `backslash` (E'...') so is `\'`.
fn skip_string(b: &[u8], from: usize, backslash: bool) -> usize {
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'\\' if backslash => i += 2,
            b'\'' if b.get(i + 1) == Some(&b'\'') => i += 2,
            b'\'' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

fn skip_block_comment(b: &[u8], from: usize) -> usize {
    let mut depth = 0;
    let mut i = from;
    while i + 1 < b.len() {
        if b[i] == b'/' && b[i + 1] == b'*' {
            depth += 1;
            i += 2;
        } else if b[i] == b'*' && b[i + 1] == b'/' {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    b.len()
}

fn skip_number(b: &[u8], from: usize) -> usize {
    let mut i = from;
    if b[i] == b'0' && matches!(b.get(i + 1), Some(b'x' | b'X' | b'o' | b'O' | b'b' | b'B')) {
        i += 2;
        while i < b.len() && (b[i].is_ascii_hexdigit() || b[i] == b'_') {
            i += 1;
        }
        return i;
    }
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_' || b[i] == b'.') {
        i += 1;
    }
    if i < b.len() && matches!(b[i], b'e' | b'E') {
        let mut j = i + 1;
        if j < b.len() && matches!(b[j], b'+' | b'-') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            i = j;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
    }
    i
}

/// The end of a `$tag$ ... $tag$` string starting at `from`, if one starts there.
fn dollar_quote_end(sql: &str, from: usize) -> Option<usize> {
    let rest = &sql[from + 1..];
    let tag_len = rest.find('$')?;
    let tag = &rest[..tag_len];
    if !tag.chars().all(|c| c.is_alphanumeric() || c == '_') || tag.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let delimiter = &sql[from..from + tag_len + 2];
    let body = from + delimiter.len();
    Some(sql[body..].find(delimiter).map_or(sql.len(), |j| body + j + delimiter.len()))
}

/// Words that take a space before `(`; after any other word `(` opens a call.
const SPACED_BEFORE_PAREN: &[&str] = &[
    "in", "values", "exists", "any", "all", "some", "and", "or", "not", "on", "using", "as", "from", "join", "where", "select", "by", "with",
    "over", "filter", "within", "set", "into", "table", "lateral", "then", "else", "when", "case",
];

/// The tokens as text, one blank between them except around brackets, dots, commas
/// and casts. `source_spacing`: after a word, `(` gets a blank where the source had
/// one (`t (a, b)` against `f(a)`); without it, where the word is a keyword.
fn render(tokens: &[Token], source_spacing: bool) -> String {
    let mut out = String::new();
    let mut prev: Option<&Token> = None;
    for token in tokens {
        let text = match token {
            Token::Word(w) => w.as_str(),
            Token::Value => "?",
            Token::List { square: false, .. } => "(...)",
            Token::List { square: true, .. } => "[...]",
            Token::Open { square: false, .. } => "(",
            Token::Open { square: true, .. } => "[",
            Token::Punct(p) => p.as_str(),
        };
        let space = match (prev, token) {
            (None, _) => false,
            (Some(Token::Open { .. }), _) => false,
            (Some(Token::Punct(p)), _) if p == "." || p == "::" => false,
            (_, Token::Punct(p)) if p == ")" || p == "]" || p == "," || p == "." || p == "::" || p == ";" => false,
            (Some(Token::Word(w)), Token::Open { spaced, .. } | Token::List { spaced, .. }) => {
                if source_spacing {
                    *spaced
                } else {
                    SPACED_BEFORE_PAREN.contains(&w.as_str())
                }
            }
            _ => true,
        };
        if space {
            out.push(' ');
        }
        out.push_str(text);
        prev = Some(token);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(sql: &str) -> String {
        fingerprint(sql).text
    }

    #[test]
    fn literals_and_parameters_become_placeholders() {
        assert_eq!(text("SELECT * FROM orders WHERE id = 42"), "select * from orders where id = ?");
        assert_eq!(text("select *\n  from Orders\n where id=$1;"), "select * from orders where id = ?");
        assert_eq!(
            text("SELECT a FROM t WHERE s = 'it''s' AND e = E'a\\'b' AND d = $x$q'$x$ AND f > -1.5e3 AND g = x'ff'"),
            "select a from t where s = ? and e = ? and d = ? and f > ? and g = ?"
        );
        assert_eq!(text("SELECT \"Odd\".\"Name\", t.b::text FROM t -- note\n/* c */"), "select \"Odd\".\"Name\", t.b::text from t");
        assert_eq!(text("SELECT a - 1, lower(email) FROM t"), "select a - ?, lower(email) from t");
    }

    #[test]
    fn lists_collapse_whatever_their_length() {
        let short = fingerprint("SELECT * FROM t WHERE id IN (1, 2)");
        let long = fingerprint("select * from t where id in (3,4,5,6,7)");
        assert_eq!(short, long);
        assert_eq!(short.text, "select * from t where id in (...)");
        assert_eq!(text("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y'), ($1, $2)"), "insert into t (a, b) values (...)");
        assert_eq!(text("SELECT ARRAY[1,2,3]"), "select array[...]");
        // Blanks do not change the fingerprint, only how it prints.
        assert_eq!(fingerprint("insert into t(a) values(1)").hash, fingerprint("INSERT INTO t (a) VALUES (2)").hash);
        assert_eq!(text("SELECT count(*) FROM t"), "select count(*) from t");
        assert_eq!(text("SELECT * FROM t WHERE a IN (-1, +2) AND b = -3"), "select * from t where a in (...) and b = ?");
    }

    #[test]
    fn different_queries_differ() {
        assert_ne!(fingerprint("SELECT a FROM t WHERE id = 1").hash, fingerprint("SELECT b FROM t WHERE id = 1").hash);
        assert_eq!(fingerprint("SELECT 1").id().len(), 16);
    }

    #[test]
    fn never_panics_on_cut_off_text() {
        for sql in ["SELECT 'open", "SELECT $tag$ body", "SELECT /* open", ")))", "SELECT E'\\", "é'ü", "$", "0x", "1e"] {
            let _ = fingerprint(sql);
        }
    }
}
