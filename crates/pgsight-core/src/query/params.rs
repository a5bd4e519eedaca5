//! Query parameters. sqlparser's PostgreSQL dialect reads `$1` and `:name`, but it
//! takes `?` for the jsonb operator ("does the key exist"), so a statement written
//! with JDBC- or ORM-style `?` parameters fails to parse. After such a failure, each
//! `?` that stands where an operand starts (after `=`, `(`, `,`, `WHERE`, `AND`,
//! `LIMIT`, ...) becomes `$n`, numbered after the statement's own `$n`, and the
//! statement is parsed again. The edit is made on the tokens, which keep their
//! positions, so the AST's spans still point into the text as written. A `?` after
//! an operand (`data ? 'key'`) stays the jsonb operator.

use sqlparser::ast::Statement;
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, TokenWithSpan};

use crate::sql::tokens::tokenize;

/// sqlparser's nesting limit, as the SQL front end sets it.
const RECURSION_LIMIT: usize = 50;

/// Keywords after which an operand starts, so a `?` there is a parameter.
const OPERAND_KEYWORDS: &[&str] = &[
    "SELECT", "WHERE", "AND", "OR", "NOT", "LIMIT", "OFFSET", "BETWEEN", "LIKE", "ILIKE", "THEN", "ELSE", "WHEN", "CASE",
    "HAVING", "FROM", "FIRST", "NEXT", "RETURN", "SIMILAR", "ESCAPE",
];

/// Reads `sql` with its `?` parameters renamed `$n`; `None` when it has none in an
/// operand position or still does not parse.
pub fn parse_with_question_marks(sql: &str) -> Option<Statement> {
    let mut tokens = tokenize(sql).ok()?;
    if !number_question_marks(&mut tokens) {
        return None;
    }
    parse_one(tokens)
}

/// Renames each `?` in an operand position `$n`, numbered after the highest `$n`
/// already in the statement. Returns whether any was renamed.
pub fn number_question_marks(tokens: &mut [TokenWithSpan]) -> bool {
    let mut next = highest_dollar_parameter(tokens) + 1;
    let mut renamed = false;
    let mut previous: Option<usize> = None;
    for i in 0..tokens.len() {
        if matches!(tokens[i].token, Token::Whitespace(_)) {
            continue;
        }
        if tokens[i].token == Token::Question && opens_operand(previous.map(|p| &tokens[p].token)) {
            tokens[i].token = Token::Placeholder(format!("${next}"));
            next += 1;
            renamed = true;
        }
        previous = Some(i);
    }
    renamed
}

fn opens_operand(previous: Option<&Token>) -> bool {
    match previous {
        None => true,
        Some(Token::Word(w)) => w.quote_style.is_none() && OPERAND_KEYWORDS.iter().any(|k| w.value.eq_ignore_ascii_case(k)),
        Some(t) => matches!(
            t,
            Token::LParen
                | Token::Comma
                | Token::Eq
                | Token::DoubleEq
                | Token::Neq
                | Token::Lt
                | Token::Gt
                | Token::LtEq
                | Token::GtEq
                | Token::Plus
                | Token::Minus
                | Token::Mul
                | Token::Div
                | Token::Mod
                | Token::StringConcat
                | Token::LBracket
                | Token::Colon
        ),
    }
}

fn highest_dollar_parameter(tokens: &[TokenWithSpan]) -> usize {
    tokens
        .iter()
        .filter_map(|t| match &t.token {
            Token::Placeholder(p) => p.strip_prefix('$')?.parse::<usize>().ok(),
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

/// Parses exactly one statement from `tokens`.
fn parse_one(tokens: Vec<TokenWithSpan>) -> Option<Statement> {
    let dialect = PostgreSqlDialect {};
    let mut parser = Parser::new(&dialect).with_recursion_limit(RECURSION_LIMIT).with_tokens_with_locations(tokens);
    let statement = parser.parse_statement().ok()?;
    let _ = parser.consume_token(&Token::SemiColon);
    (parser.peek_token().token == Token::EOF).then_some(statement)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn renamed(sql: &str) -> String {
        parse_with_question_marks(sql).map(|s| s.to_string()).unwrap_or_else(|| "(not parsed)".to_owned())
    }

    #[test]
    fn question_marks_become_numbered_parameters() {
        assert_eq!(renamed("SELECT * FROM t WHERE a = ? AND b IN (?, ?) LIMIT ?"), "SELECT * FROM t WHERE a = $1 AND b IN ($2, $3) LIMIT $4");
        // Numbered after the statement's own `$n`.
        assert_eq!(renamed("SELECT * FROM t WHERE a = $1 AND b = ?"), "SELECT * FROM t WHERE a = $1 AND b = $2");
    }

    #[test]
    fn the_jsonb_operator_stays() {
        assert_eq!(renamed("SELECT * FROM t WHERE data ? 'k' AND a = ?"), "SELECT * FROM t WHERE data ? 'k' AND a = $1");
        // Nothing to rename: left to the front end's own reading.
        assert_eq!(renamed("SELECT * FROM t WHERE data ? 'k'"), "(not parsed)");
    }

    #[test]
    fn positions_survive_the_renaming() {
        use sqlparser::ast::Spanned;
        let statement = parse_with_question_marks("SELECT *\nFROM t WHERE a = ? AND b = ?").expect("parses");
        let sqlparser::ast::Statement::Query(q) = &statement else { panic!("{statement}") };
        let sqlparser::ast::SetExpr::Select(s) = q.body.as_ref() else { panic!() };
        let span = s.selection.as_ref().expect("where").span();
        assert_eq!((span.start.line, span.start.column, span.end.column), (2, 14, 29));
    }
}
