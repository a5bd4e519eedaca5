//! Clauses sqlparser 0.63 rejects inside statements it otherwise parses, such as
//! pg_dump's `CREATE INDEX ... ON ONLY` and `WITH NO DATA`. After a failed parse
//! they are edited out of the token stream (tokens keep their positions) and the
//! statement is parsed again; what was removed is recorded on the statement, since
//! it carries meaning the catalog needs.

use serde::Serialize;
use sqlparser::tokenizer::{Token, TokenWithSpan, Word};

use super::tokens::is_keyword;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Adjustment {
    /// `CREATE INDEX ... ON ONLY parent`: the index covers the partitioned table only.
    IndexOnOnly,
    /// `CREATE MATERIALIZED VIEW ... WITH NO DATA`: created unpopulated.
    WithNoData,
    /// `... WITH DATA`, the default, removed.
    WithData,
    /// `CREATE DOMAIN ... NOT NULL`.
    DomainNotNull,
    /// `CREATE DOMAIN ... COLLATE schema.name`: only the collation's name is kept.
    QualifiedCollation,
    /// `GENERATED ALWAYS AS (...) VIRTUAL` (PostgreSQL 18), read as STORED.
    VirtualGeneratedColumn,
}

type Edit = fn(&mut Vec<TokenWithSpan>) -> bool;

/// Each adjustment with the statement heads it applies to and its edit.
const ADJUSTMENTS: &[(Adjustment, &[&[&str]], Edit)] = &[
    (Adjustment::IndexOnOnly, &[&["CREATE", "INDEX"], &["CREATE", "UNIQUE", "INDEX"]], remove_on_only),
    (Adjustment::WithNoData, &[&["CREATE", "MATERIALIZED", "VIEW"], &["CREATE", "TABLE"]], |t| remove_tail(t, &["WITH", "NO", "DATA"])),
    (Adjustment::WithData, &[&["CREATE", "MATERIALIZED", "VIEW"], &["CREATE", "TABLE"]], |t| remove_tail(t, &["WITH", "DATA"])),
    (Adjustment::DomainNotNull, &[&["CREATE", "DOMAIN"]], remove_domain_not_null),
    (Adjustment::QualifiedCollation, &[&["CREATE", "DOMAIN"]], unqualify_collation),
    (Adjustment::VirtualGeneratedColumn, &[&["CREATE", "TABLE"], &["ALTER", "TABLE"]], |t| virtual_to_stored(t)),
];

/// Applies every adjustment that fits; returns the edited tokens and what was done,
/// or `None` when nothing applied.
pub fn adjust(tokens: &[TokenWithSpan]) -> Option<(Vec<TokenWithSpan>, Vec<Adjustment>)> {
    let mut edited = tokens.to_vec();
    let mut applied = Vec::new();
    for (adjustment, heads, edit) in ADJUSTMENTS {
        let head_matches = heads.iter().any(|head| {
            let significant = significant_indices(&edited);
            head.len() <= significant.len() && head.iter().zip(&significant).all(|(k, &i)| is_keyword(&edited[i].token, k))
        });
        if head_matches && edit(&mut edited) {
            applied.push(*adjustment);
        }
    }
    (!applied.is_empty()).then_some((edited, applied))
}

fn significant_indices(tokens: &[TokenWithSpan]) -> Vec<usize> {
    tokens.iter().enumerate().filter(|(_, t)| !matches!(t.token, Token::Whitespace(_) | Token::EOF)).map(|(i, _)| i).collect()
}

/// Indices of significant tokens at parenthesis depth 0.
fn top_level_indices(tokens: &[TokenWithSpan]) -> Vec<usize> {
    let mut depth = 0usize;
    let mut found = Vec::new();
    for i in significant_indices(tokens) {
        match tokens[i].token {
            Token::LParen => depth += 1,
            Token::RParen => depth = depth.saturating_sub(1),
            _ if depth == 0 => found.push(i),
            _ => {}
        }
    }
    found
}

fn remove_indices(tokens: &mut Vec<TokenWithSpan>, mut indices: Vec<usize>) {
    indices.sort_unstable();
    for i in indices.into_iter().rev() {
        tokens.remove(i);
    }
}

fn remove_on_only(tokens: &mut Vec<TokenWithSpan>) -> bool {
    let top = top_level_indices(tokens);
    let only = top.windows(2).find(|w| is_keyword(&tokens[w[0]].token, "ON")).map(|w| w[1]).filter(|&i| is_keyword(&tokens[i].token, "ONLY"));
    only.map(|i| tokens.remove(i)).is_some()
}

fn remove_tail(tokens: &mut Vec<TokenWithSpan>, tail: &[&str]) -> bool {
    let significant = significant_indices(tokens);
    let Some(start) = significant.len().checked_sub(tail.len()) else { return false };
    let last = &significant[start..];
    let matches = tail.iter().zip(last).all(|(k, &i)| is_keyword(&tokens[i].token, k));
    if matches {
        remove_indices(tokens, last.to_vec());
    }
    matches
}

/// Removes a domain's `NOT NULL` constraints.
fn remove_domain_not_null(tokens: &mut Vec<TokenWithSpan>) -> bool {
    let top = top_level_indices(tokens);
    let pairs: Vec<usize> = top
        .windows(2)
        .filter(|w| is_keyword(&tokens[w[0]].token, "NOT") && is_keyword(&tokens[w[1]].token, "NULL"))
        .flat_map(|w| [w[0], w[1]])
        .collect();
    let found = !pairs.is_empty();
    remove_indices(tokens, pairs);
    found
}

/// `COLLATE pg_catalog."C"` becomes `COLLATE "C"`.
fn unqualify_collation(tokens: &mut Vec<TokenWithSpan>) -> bool {
    let significant = significant_indices(tokens);
    let Some(at) = significant.windows(4).find(|w| is_keyword(&tokens[w[0]].token, "COLLATE") && tokens[w[2]].token == Token::Period) else {
        return false;
    };
    let (schema, period) = (at[1], at[2]);
    remove_indices(tokens, vec![schema, period]);
    true
}

fn virtual_to_stored(tokens: &mut [TokenWithSpan]) -> bool {
    let significant = significant_indices(tokens);
    let virtual_at: Vec<usize> =
        significant.windows(2).filter(|w| tokens[w[0]].token == Token::RParen && is_keyword(&tokens[w[1]].token, "VIRTUAL")).map(|w| w[1]).collect();
    for &i in &virtual_at {
        tokens[i].token = Token::Word(Word { value: "STORED".into(), quote_style: None, keyword: sqlparser::keywords::Keyword::STORED });
    }
    !virtual_at.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::tokens::tokenize;

    fn adjusted(sql: &str) -> Option<(String, Vec<Adjustment>)> {
        let (tokens, applied) = adjust(&tokenize(sql).expect("tokenizes"))?;
        let text: String = tokens.iter().map(|t| t.token.to_string()).collect();
        Some((text.split_whitespace().collect::<Vec<_>>().join(" "), applied))
    }

    #[test]
    fn edits_keep_the_rest_of_the_statement() {
        let cases = [
            ("CREATE INDEX i ON ONLY s.t USING btree (a)", "CREATE INDEX i ON s.t USING btree (a)", Adjustment::IndexOnOnly),
            ("CREATE MATERIALIZED VIEW v AS SELECT 1\n  WITH NO DATA", "CREATE MATERIALIZED VIEW v AS SELECT 1", Adjustment::WithNoData),
            ("CREATE DOMAIN d AS integer NOT NULL DEFAULT 1", "CREATE DOMAIN d AS integer DEFAULT 1", Adjustment::DomainNotNull),
            ("CREATE DOMAIN d AS text COLLATE pg_catalog.\"C\"", "CREATE DOMAIN d AS text COLLATE \"C\"", Adjustment::QualifiedCollation),
            ("CREATE TABLE t (h numeric GENERATED ALWAYS AS (1) VIRTUAL)", "CREATE TABLE t (h numeric GENERATED ALWAYS AS (1) STORED)", Adjustment::VirtualGeneratedColumn),
        ];
        for (sql, expected, adjustment) in cases {
            assert_eq!(adjusted(sql), Some((expected.to_owned(), vec![adjustment])), "{sql}");
        }
        assert_eq!(adjusted("CREATE INDEX i ON t (only_col)"), None);
        assert_eq!(adjusted("CREATE DOMAIN d AS integer DEFAULT NULL"), None);
    }
}
