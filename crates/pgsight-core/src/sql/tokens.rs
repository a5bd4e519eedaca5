//! sqlparser's tokens, seen through a cursor that the recognizer, the classifier
//! and the adjustments share: comments and whitespace dropped, keywords compared
//! case-insensitively, names case-folded.

use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer, TokenizerError};

use super::names::{fold, QualifiedName};
use crate::position::byte_offset;

/// Tokenizes one statement; spans are statement-local (line 1 is its first line).
pub fn tokenize(sql: &str) -> Result<Vec<TokenWithSpan>, TokenizerError> {
    Tokenizer::new(&PostgreSqlDialect {}, sql).tokenize_with_location()
}

/// The tokens that carry meaning: no whitespace, no comments.
pub fn significant(tokens: &[TokenWithSpan]) -> Vec<TokenWithSpan> {
    tokens.iter().filter(|t| !matches!(t.token, Token::Whitespace(_))).cloned().collect()
}

/// The significant tokens of `sql`, for finding text in it (not for parsing it:
/// keywords are not looked up). Most DDL takes a quick lexer; the rest sqlparser's.
pub fn significant_tokens(sql: &str) -> Option<Vec<TokenWithSpan>> {
    super::fast::tokens(sql).or_else(|| Some(significant(&tokenize(sql).ok()?)))
}

/// Is `token` the unquoted keyword `keyword` (given in upper case)?
pub fn is_keyword(token: &Token, keyword: &str) -> bool {
    matches!(token, Token::Word(w) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case(keyword))
}

/// A forward-only cursor over significant tokens.
pub struct Cursor<'a> {
    tokens: &'a [TokenWithSpan],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(tokens: &'a [TokenWithSpan]) -> Self {
        Cursor { tokens, pos: 0 }
    }

    pub fn peek(&self) -> Option<&'a Token> {
        self.tokens.get(self.pos).map(|t| &t.token)
    }

    pub fn peek_is_keyword(&self, keyword: &str) -> bool {
        self.peek().is_some_and(|t| is_keyword(t, keyword))
    }

    /// Consumes and returns the next token.
    pub fn advance(&mut self) -> Option<&'a Token> {
        let token = self.peek()?;
        self.pos += 1;
        Some(token)
    }

    pub fn at_end(&self) -> bool {
        matches!(self.peek(), None | Some(Token::EOF))
    }

    /// Consumes `keyword` if it comes next.
    pub fn keyword(&mut self, keyword: &str) -> bool {
        let found = self.peek_is_keyword(keyword);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Consumes all of `keywords` if they come next, in order; nothing otherwise.
    pub fn keywords(&mut self, keywords: &[&str]) -> bool {
        let found = keywords.iter().enumerate().all(|(i, k)| self.tokens.get(self.pos + i).is_some_and(|t| is_keyword(&t.token, k)));
        if found {
            self.pos += keywords.len();
        }
        found
    }

    /// Consumes the first of `keywords` that comes next.
    pub fn one_of(&mut self, keywords: &[&'static str]) -> Option<&'static str> {
        keywords.iter().copied().find(|k| self.keyword(k))
    }

    pub fn token(&mut self, expected: &Token) -> bool {
        let found = self.peek() == Some(expected);
        if found {
            self.pos += 1;
        }
        found
    }

    /// An identifier, case-folded.
    pub fn ident(&mut self) -> Option<String> {
        match self.peek()? {
            Token::Word(word) => {
                self.pos += 1;
                Some(fold(&word.value, word.quote_style.is_some()))
            }
            _ => None,
        }
    }

    /// `ident(.ident)*`, case-folded.
    pub fn dotted_parts(&mut self) -> Option<Vec<String>> {
        let mut parts = vec![self.ident()?];
        while self.token(&Token::Period) {
            parts.push(self.ident()?);
        }
        Some(parts)
    }

    pub fn qualified_name(&mut self) -> Option<QualifiedName> {
        QualifiedName::from_parts(self.dotted_parts()?)
    }

    /// A possibly signed integer.
    pub fn integer(&mut self) -> Option<i64> {
        let negative = self.token(&Token::Minus);
        match self.peek()? {
            Token::Number(digits, _) => {
                let value: i64 = digits.parse().ok()?;
                self.pos += 1;
                Some(if negative { -value } else { value })
            }
            _ => None,
        }
    }

    /// Skips a parenthesized group (the cursor is on its `(`), nested groups included.
    pub fn skip_parenthesized(&mut self) -> bool {
        if !self.token(&Token::LParen) {
            return false;
        }
        let mut depth = 1usize;
        while let Some(token) = self.advance() {
            match token {
                Token::LParen => depth += 1,
                Token::RParen => {
                    depth -= 1;
                    if depth == 0 {
                        return true;
                    }
                }
                _ => {}
            }
        }
        false
    }

    /// The statement text from the current token to the end, as written.
    pub fn rest_text(&self, sql: &str) -> String {
        let Some(first) = self.tokens.get(self.pos) else { return String::new() };
        let start = local_offset(sql, first).unwrap_or(sql.len());
        sql[start..].trim().trim_end_matches(';').trim_end().to_owned()
    }
}

/// Byte offset of a token within the statement text it was tokenized from.
pub fn local_offset(sql: &str, token: &TokenWithSpan) -> Option<usize> {
    let start = token.span.start;
    byte_offset(sql, u32::try_from(start.line).ok()?, u32::try_from(start.column).ok()?)
}
