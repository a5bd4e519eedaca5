//! A fast reading of the statements pg_dump writes by the thousand: `CREATE TABLE`
//! with columns, defaults and checks, `CREATE [UNIQUE] INDEX ... USING method (...)`,
//! `ALTER TABLE [ONLY] ... ADD CONSTRAINT` (primary key, unique, foreign key, check),
//! `... OWNER TO`, `... ALTER COLUMN ... SET DEFAULT` and `... ADD GENERATED ... AS
//! IDENTITY (...)`.
//!
//! sqlparser's tokenizer allocates a string per word and looks every word up among
//! 900 keywords; on a 2,000-table dump that was most of the reading time. Here a
//! byte scanner finds the statement's shape and builds the very value the full path
//! would (the same sqlparser AST, the same [`Recognized`]); only the small pieces
//! whose reading is sqlparser's business — expressions and unusual types — go to
//! sqlparser, on their own text. Anything outside these shapes returns `None` and
//! takes the full path. `tests.rs` holds both readings equal on every DDL file we have.

use std::collections::HashMap;

use sqlparser::ast::helpers::attached_token::AttachedToken;
use sqlparser::ast::helpers::stmt_create_table::CreateTableBuilder;
use sqlparser::ast::{
    AlterColumnOperation, AlterTable, AlterTableOperation, CharacterLength, CheckConstraint, ColumnDef, ColumnOption, ColumnOptionDef, CreateIndex,
    CreateTable, DataType, ExactNumberInfo, Expr, ForeignKeyConstraint, Ident, IndexColumn, IndexType, KeyOrIndexDisplay, NullsDistinctOption,
    ObjectName, ObjectNamePart, OrderByExpr, OrderByOptions, Owner, PrimaryKeyConstraint, ReferentialAction, Statement, TableConstraint,
    TimezoneInfo, UniqueConstraint,
};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::keywords::{Keyword, ALL_KEYWORDS};
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::{Location, Span, Token, TokenWithSpan, Word};

use super::names::{fold, QualifiedName};
use super::parse::StatementClass;
use super::recognize::{Recognized, SequenceOptions};

/// Nesting allowed to a piece handed to sqlparser: half the full path's limit, so a
/// piece read here is never one the full statement would be too deep to read.
const PIECE_RECURSION_LIMIT: usize = super::parse::RECURSION_LIMIT / 2;

/// [`Reader::read`] with a reader of its own.
#[cfg(test)]
pub fn read(sql: &str) -> Option<StatementClass> {
    Reader::default().read(sql)
}

/// Reads the statements of one script, remembering what sqlparser made of each
/// piece: a dump repeats the same defaults, checks and types thousands of times.
#[derive(Default)]
pub struct Reader {
    expressions: HashMap<String, Expr>,
    data_types: HashMap<String, DataType>,
    index_columns: HashMap<String, IndexColumn>,
}

impl Reader {
    /// Reads `sql` (one statement, without its semicolon) if it has one of the
    /// shapes above, exactly as the full path would; `None` sends it there.
    pub fn read(&mut self, sql: &str) -> Option<StatementClass> {
        read_with(self, sql)
    }
}

fn read_with(pieces: &mut Reader, sql: &str) -> Option<StatementClass> {
    let tokens = lex(sql)?;
    let mut c = Cursor { sql, tokens: &tokens, pos: 0, pieces };
    let class = if c.keywords(&["CREATE", "TABLE"]) {
        parsed(Statement::CreateTable(create_table(&mut c)?))
    } else if c.keywords(&["CREATE", "INDEX"]) {
        parsed(Statement::CreateIndex(create_index(&mut c, false)?))
    } else if c.keywords(&["CREATE", "UNIQUE", "INDEX"]) {
        parsed(Statement::CreateIndex(create_index(&mut c, true)?))
    } else if c.keywords(&["ALTER", "TABLE"]) {
        alter_table(&mut c)?
    } else {
        return None;
    };
    c.at_end().then_some(class)
}

fn parsed(statement: Statement) -> StatementClass {
    StatementClass::Parsed { statement: Box::new(statement), adjustments: Vec::new() }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    QuotedWord,
    Number,
    String,
    /// One byte of punctuation; `::` is [`Kind::Cast`].
    Punct(u8),
    Cast,
    /// `>=`, `<=`, `<>` or `!=`.
    Comparison([u8; 2]),
}

#[derive(Debug, Clone, Copy)]
struct Lexeme {
    kind: Kind,
    start: usize,
    end: usize,
}

/// Splits `sql` into lexemes; `None` for anything this reader leaves to the full path
/// (comments, dollar quotes, escape strings, backslashes, non-ASCII text).
fn lex(sql: &str) -> Option<Vec<Lexeme>> {
    let bytes = sql.as_bytes();
    let mut lexemes = Vec::with_capacity(bytes.len() / 4);
    let mut pos = 0;
    while pos < bytes.len() {
        let start = pos;
        let byte = bytes[pos];
        let kind = match byte {
            b' ' | b'\t' | b'\n' | b'\r' => {
                pos += 1;
                continue;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                pos += 1;
                while pos < bytes.len() && (bytes[pos].is_ascii_alphanumeric() || bytes[pos] == b'_') {
                    pos += 1;
                }
                // `E'...'`, `U&'...'`, `$1`-like words: leave them to the full path.
                if matches!(bytes.get(pos), Some(b'\'' | b'$' | b'&')) {
                    return None;
                }
                Kind::Word
            }
            b'0'..=b'9' => {
                while pos < bytes.len() && bytes[pos].is_ascii_digit() {
                    pos += 1;
                }
                if matches!(bytes.get(pos), Some(b'.' | b'e' | b'E' | b'_' | b'a'..=b'z' | b'A'..=b'Z')) {
                    return None;
                }
                Kind::Number
            }
            b'"' => {
                let close = start + 1 + bytes[start + 1..].iter().position(|&b| b == b'"')?;
                pos = close + 1;
                if close == start + 1 || bytes.get(pos) == Some(&b'"') {
                    return None;
                }
                Kind::QuotedWord
            }
            b'\'' => {
                pos += 1;
                loop {
                    match bytes.get(pos)? {
                        b'\\' => return None,
                        b'\'' if bytes.get(pos + 1) == Some(&b'\'') => pos += 2,
                        b'\'' => break,
                        _ => pos += 1,
                    }
                }
                pos += 1;
                Kind::String
            }
            b':' if bytes.get(pos + 1) == Some(&b':') => {
                pos += 2;
                Kind::Cast
            }
            b'-' if bytes.get(pos + 1) == Some(&b'-') => return None,
            b'/' if bytes.get(pos + 1) == Some(&b'*') => return None,
            b'<' | b'>' | b'=' | b'!' | b'-' | b'+' | b'*' | b'/' if bytes.get(pos + 1).is_some_and(|b| b"<>=!-+*/@#~|&^%?".contains(b)) => {
                let operator = [byte, bytes[pos + 1]];
                // Other operators of several characters are sqlparser's to read.
                if !matches!(&operator, b">=" | b"<=" | b"<>" | b"!=") {
                    return None;
                }
                if bytes.get(pos + 2).is_some_and(|b| b"<>=!-+*/@#~|&^%?".contains(b)) {
                    return None;
                }
                pos += 2;
                Kind::Comparison(operator)
            }
            b'.' if bytes.get(pos + 1).is_some_and(u8::is_ascii_digit) => return None,
            b'(' | b')' | b',' | b'.' | b'=' | b'<' | b'>' | b'+' | b'-' | b'*' | b'/' | b'[' | b']' | b';' => {
                pos += 1;
                Kind::Punct(byte)
            }
            _ => return None,
        };
        lexemes.push(Lexeme { kind, start, end: pos });
    }
    Some(lexemes)
}

struct Cursor<'a> {
    sql: &'a str,
    tokens: &'a [Lexeme],
    pos: usize,
    pieces: &'a mut Reader,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<Lexeme> {
        self.tokens.get(self.pos).copied()
    }

    fn text(&self, lexeme: Lexeme) -> &'a str {
        &self.sql[lexeme.start..lexeme.end]
    }

    fn at_end(&self) -> bool {
        self.pos >= self.tokens.len()
    }

    fn is_keyword_at(&self, pos: usize, keyword: &str) -> bool {
        self.tokens.get(pos).is_some_and(|l| l.kind == Kind::Word && self.text(*l).eq_ignore_ascii_case(keyword))
    }

    fn peek_keyword(&self, keyword: &str) -> bool {
        self.is_keyword_at(self.pos, keyword)
    }

    fn keyword(&mut self, keyword: &str) -> bool {
        let found = self.peek_keyword(keyword);
        if found {
            self.pos += 1;
        }
        found
    }

    fn keywords(&mut self, keywords: &[&str]) -> bool {
        let found = keywords.iter().enumerate().all(|(i, k)| self.is_keyword_at(self.pos + i, k));
        if found {
            self.pos += keywords.len();
        }
        found
    }

    fn punct(&mut self, byte: u8) -> bool {
        let found = self.peek().is_some_and(|l| l.kind == Kind::Punct(byte));
        if found {
            self.pos += 1;
        }
        found
    }

    /// An identifier as sqlparser keeps it: unfolded, with its quote style.
    fn ident(&mut self) -> Option<Ident> {
        let lexeme = self.peek()?;
        let ident = match lexeme.kind {
            Kind::Word => Ident::new(self.text(lexeme)),
            Kind::QuotedWord => Ident::with_quote('"', &self.sql[lexeme.start + 1..lexeme.end - 1]),
            _ => return None,
        };
        self.pos += 1;
        Some(ident)
    }

    /// An identifier case-folded, as the recognizer reads names.
    fn folded(&mut self) -> Option<String> {
        let ident = self.ident()?;
        Some(fold(&ident.value, ident.quote_style.is_some()))
    }

    fn object_name(&mut self) -> Option<ObjectName> {
        let mut parts = vec![ObjectNamePart::Identifier(self.ident()?)];
        while self.punct(b'.') {
            parts.push(ObjectNamePart::Identifier(self.ident()?));
        }
        Some(ObjectName(parts))
    }

    fn qualified_name(&mut self) -> Option<QualifiedName> {
        let mut parts = vec![self.folded()?];
        while self.punct(b'.') {
            parts.push(self.folded()?);
        }
        QualifiedName::from_parts(parts)
    }

    /// `(ident, ...)`.
    fn ident_list(&mut self) -> Option<Vec<Ident>> {
        if !self.punct(b'(') {
            return None;
        }
        let mut idents = vec![self.ident()?];
        while self.punct(b',') {
            idents.push(self.ident()?);
        }
        self.punct(b')').then_some(idents)
    }

    fn integer<T: std::str::FromStr>(&mut self) -> Option<T> {
        let lexeme = self.peek().filter(|l| l.kind == Kind::Number)?;
        let value = self.text(lexeme).parse().ok()?;
        self.pos += 1;
        Some(value)
    }

    /// The tokens from here up to (not including) the first, outside parentheses,
    /// that ends the piece: a `,` or unmatched `)`, or a word `stop` accepts.
    /// Returns the piece's byte range; `None` if it is empty.
    fn piece(&mut self, stop: impl Fn(&str) -> bool) -> Option<(usize, usize)> {
        let first = self.pos;
        let mut depth = 0usize;
        while let Some(lexeme) = self.peek() {
            match lexeme.kind {
                Kind::Punct(b'(' | b'[') => depth += 1,
                Kind::Punct(b')' | b']') if depth == 0 => break,
                Kind::Punct(b')' | b']') => depth -= 1,
                Kind::Punct(b',') if depth == 0 => break,
                Kind::Word if depth == 0 && stop(self.text(lexeme)) => break,
                _ => {}
            }
            self.pos += 1;
        }
        (self.pos > first).then(|| (self.tokens[first].start, self.tokens[self.pos - 1].end))
    }

    /// A parenthesized piece: its inside's byte range, the cursor after the `)`.
    fn parenthesized(&mut self) -> Option<(usize, usize)> {
        if !self.punct(b'(') {
            return None;
        }
        let range = self.piece(|_| false)?;
        self.punct(b')').then_some(range)
    }
}

/// Reads `text` with one sqlparser function, which must consume all of it.
fn with_sqlparser<T>(text: &str, read: impl FnOnce(&mut Parser) -> Result<T, ParserError>) -> Option<T> {
    let dialect = PostgreSqlDialect {};
    let mut parser = Parser::new(&dialect).with_recursion_limit(PIECE_RECURSION_LIMIT).try_with_sql(text).ok()?;
    let value = read(&mut parser).ok()?;
    (parser.peek_token().token == Token::EOF).then_some(value)
}

/// sqlparser's reading of a piece, remembered by its text.
fn remembered<T: Clone>(memory: &mut HashMap<String, T>, text: &str, read: impl FnOnce(&str) -> Option<T>) -> Option<T> {
    if let Some(value) = memory.get(text) {
        return Some(value.clone());
    }
    let value = read(text)?;
    memory.insert(text.to_owned(), value.clone());
    Some(value)
}

/// The expression [`Cursor::piece`] finds.
fn piece_expression(c: &mut Cursor, stop: impl Fn(&str) -> bool) -> Option<Expr> {
    let range = c.piece(stop)?;
    expression(c, range)
}

/// The expression inside the parentheses that come next.
fn parenthesized_expression(c: &mut Cursor) -> Option<Expr> {
    let range = c.parenthesized()?;
    expression(c, range)
}

fn expression(c: &mut Cursor, (start, end): (usize, usize)) -> Option<Expr> {
    remembered(&mut c.pieces.expressions, &c.sql[start..end], |text| with_sqlparser(text, |p| p.parse_expr()))
}

/// Is `word` one of sqlparser's keywords (which may read as more than a name)?
fn is_sqlparser_keyword(word: &str) -> bool {
    let upper = word.to_ascii_uppercase();
    ALL_KEYWORDS.binary_search(&upper.as_str()).is_ok()
}

/// Column option words: where a column's type or default ends.
fn ends_column_piece(word: &str) -> bool {
    const WORDS: &[&str] =
        &["DEFAULT", "NOT", "NULL", "COLLATE", "CONSTRAINT", "CHECK", "PRIMARY", "UNIQUE", "REFERENCES", "GENERATED", "COMMENT", "ON", "AS"];
    WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

fn create_table(c: &mut Cursor) -> Option<CreateTable> {
    let name = c.object_name()?;
    if !c.punct(b'(') {
        return None;
    }
    let mut columns = Vec::new();
    let mut constraints = Vec::new();
    loop {
        if c.peek_keyword("CONSTRAINT") {
            constraints.push(table_check(c)?);
        } else {
            columns.push(column_def(c)?);
        }
        if c.punct(b')') {
            break;
        }
        if !c.punct(b',') {
            return None;
        }
    }
    Some(CreateTableBuilder::new(name).columns(columns).constraints(constraints).build())
}

/// `CONSTRAINT name CHECK (expr)`.
fn table_check(c: &mut Cursor) -> Option<TableConstraint> {
    c.keyword("CONSTRAINT");
    let name = c.ident()?;
    if !c.keyword("CHECK") {
        return None;
    }
    let expr = parenthesized_expression(c)?;
    if c.peek_keyword("NO") || c.peek_keyword("NOT") || c.peek_keyword("ENFORCED") {
        return None;
    }
    Some(TableConstraint::Check(CheckConstraint { name: Some(name), expr: Box::new(expr), no_inherit: false, enforced: None }))
}

/// `name type [DEFAULT expr] [NOT NULL | NULL]...`.
fn column_def(c: &mut Cursor) -> Option<ColumnDef> {
    // Words that open a table constraint or a LIKE clause read differently in sqlparser.
    const TABLE_ELEMENT_WORDS: &[&str] = &["PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE", "LIKE", "INDEX", "KEY", "FULLTEXT", "SPATIAL", "PERIOD"];
    if TABLE_ELEMENT_WORDS.iter().any(|w| c.peek_keyword(w)) {
        return None;
    }
    let name = c.ident()?;
    let range = c.piece(ends_column_piece)?;
    let data_type = data_type(c, range)?;
    let mut options = Vec::new();
    loop {
        let option = if c.keyword("DEFAULT") {
            ColumnOption::Default(piece_expression(c, ends_column_piece)?)
        } else if c.keywords(&["NOT", "NULL"]) {
            ColumnOption::NotNull
        } else if c.keyword("NULL") {
            ColumnOption::Null
        } else {
            break;
        };
        options.push(ColumnOptionDef { name: None, option });
    }
    Some(ColumnDef { name, data_type, options })
}

/// A column's type: the common ones directly, the rest through sqlparser.
fn data_type(c: &mut Cursor, (start, end): (usize, usize)) -> Option<DataType> {
    let text = &c.sql[start..end];
    let common = match text {
        "bigint" => Some(DataType::BigInt(None)),
        "integer" => Some(DataType::Integer(None)),
        "smallint" => Some(DataType::SmallInt(None)),
        "text" => Some(DataType::Text),
        "jsonb" => Some(DataType::JSONB),
        "boolean" => Some(DataType::Boolean),
        "uuid" => Some(DataType::Uuid),
        "date" => Some(DataType::Date),
        "timestamp with time zone" => Some(DataType::Timestamp(None, TimezoneInfo::WithTimeZone)),
        "timestamp without time zone" => Some(DataType::Timestamp(None, TimezoneInfo::WithoutTimeZone)),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    if let Some(inside) = text.strip_prefix("numeric(").and_then(|t| t.strip_suffix(')')) {
        let (precision, scale) = inside.split_once(',')?;
        return Some(DataType::Numeric(ExactNumberInfo::PrecisionAndScale(precision.parse().ok()?, scale.parse().ok()?)));
    }
    if let Some(length) = text.strip_prefix("character varying(").and_then(|t| t.strip_suffix(')')) {
        return Some(DataType::CharacterVarying(Some(CharacterLength::IntegerLength { length: length.parse().ok()?, unit: None })));
    }
    remembered(&mut c.pieces.data_types, text, |text| with_sqlparser(text, |p| p.parse_data_type()))
}

/// `[name] ON table USING method (key, ...) [WHERE predicate]`, after `CREATE [UNIQUE] INDEX`.
fn create_index(c: &mut Cursor, unique: bool) -> Option<CreateIndex> {
    if c.peek_keyword("ON") || c.peek_keyword("CONCURRENTLY") || c.peek_keyword("IF") || c.peek_keyword("ASYNC") {
        return None;
    }
    let name = c.object_name()?;
    if !c.keyword("ON") || c.peek_keyword("ONLY") {
        return None;
    }
    let table_name = c.object_name()?;
    if !c.keyword("USING") {
        return None;
    }
    let using = Some(index_type(c)?);
    let columns = index_columns(c)?;
    let predicate = if c.keyword("WHERE") { Some(piece_expression(c, |_| false)?) } else { None };
    Some(CreateIndex {
        name: Some(name),
        table_name,
        using,
        columns,
        unique,
        concurrently: false,
        r#async: false,
        if_not_exists: false,
        include: Vec::new(),
        nulls_distinct: None,
        with: Vec::new(),
        predicate,
        index_options: Vec::new(),
        alter_options: Vec::new(),
    })
}

fn index_type(c: &mut Cursor) -> Option<IndexType> {
    let lexeme = c.peek().filter(|l| l.kind == Kind::Word)?;
    let method = match c.text(lexeme).to_ascii_lowercase().as_str() {
        "btree" => IndexType::BTree,
        "hash" => IndexType::Hash,
        "gin" => IndexType::GIN,
        "gist" => IndexType::GiST,
        "spgist" => IndexType::SPGiST,
        "brin" => IndexType::BRIN,
        "bloom" => IndexType::Bloom,
        _ => return None,
    };
    c.pos += 1;
    Some(method)
}

/// `(key, ...)`: plain column names directly, expressions and options through sqlparser.
fn index_columns(c: &mut Cursor) -> Option<Vec<IndexColumn>> {
    if !c.punct(b'(') {
        return None;
    }
    let mut columns = Vec::new();
    loop {
        let first = c.pos;
        let range = c.piece(|_| false)?;
        let plain = c.pos == first + 1 && match c.tokens[first].kind {
            Kind::Word => !is_sqlparser_keyword(c.text(c.tokens[first])),
            Kind::QuotedWord => true,
            _ => false,
        };
        let column = if plain {
            let after = c.pos;
            c.pos = first;
            let expr = Expr::Identifier(c.ident()?);
            c.pos = after;
            IndexColumn { column: OrderByExpr { expr, options: OrderByOptions { sort: None, nulls_first: None }, with_fill: None }, operator_class: None }
        } else {
            let text = &c.sql[range.0..range.1];
            remembered(&mut c.pieces.index_columns, text, |text| with_sqlparser(text, |p| p.parse_create_index_expr()))?
        };
        columns.push(column);
        if c.punct(b')') {
            return Some(columns);
        }
        if !c.punct(b',') {
            return None;
        }
    }
}

/// After `ALTER TABLE`: `[ONLY] name` and one action of pg_dump's.
fn alter_table(c: &mut Cursor) -> Option<StatementClass> {
    if c.peek_keyword("IF") {
        return None;
    }
    let only = c.keyword("ONLY");
    let start = c.pos;
    let name = c.object_name()?;
    let operation = if c.keywords(&["ADD", "CONSTRAINT"]) {
        add_constraint(c)?
    } else if c.keywords(&["OWNER", "TO"]) {
        let lexeme = c.peek()?;
        let special = ["CURRENT_ROLE", "CURRENT_USER", "SESSION_USER"].iter().any(|w| c.text(lexeme).eq_ignore_ascii_case(w));
        if special {
            return None;
        }
        AlterTableOperation::OwnerTo { new_owner: Owner::Ident(c.ident()?) }
    } else if c.keyword("ALTER") {
        if !c.keyword("COLUMN") {
            return None;
        }
        let column_at = c.pos;
        let column_name = c.ident()?;
        if c.keywords(&["SET", "DEFAULT"]) {
            let value = piece_expression(c, |_| false)?;
            AlterTableOperation::AlterColumn { column_name, op: AlterColumnOperation::SetDefault { value } }
        } else if c.keywords(&["ADD", "GENERATED"]) {
            // The recognizer's form, which it reads before sqlparser is asked.
            let after = c.pos;
            c.pos = start;
            let table = c.qualified_name()?;
            c.pos = column_at;
            let column = c.folded()?;
            c.pos = after;
            return add_identity(c, table, column);
        } else {
            return None;
        }
    } else {
        return None;
    };
    let alter = AlterTable {
        name,
        if_exists: false,
        only,
        operations: vec![operation],
        location: None,
        on_cluster: None,
        table_type: None,
        end_token: AttachedToken::empty(),
    };
    Some(parsed(Statement::AlterTable(alter)))
}

/// `name PRIMARY KEY (...) | UNIQUE (...) | FOREIGN KEY (...) REFERENCES t(...) [ON DELETE|UPDATE action]... | CHECK (...)`.
fn add_constraint(c: &mut Cursor) -> Option<AlterTableOperation> {
    let name = Some(c.ident()?);
    let constraint = if c.keywords(&["PRIMARY", "KEY"]) {
        let columns = index_columns(c)?;
        TableConstraint::PrimaryKey(PrimaryKeyConstraint {
            name,
            index_name: None,
            index_type: None,
            columns,
            include: Vec::new(),
            index_options: Vec::new(),
            characteristics: None,
        })
    } else if c.keyword("UNIQUE") {
        if c.peek_keyword("NULLS") {
            return None;
        }
        let columns = index_columns(c)?;
        TableConstraint::Unique(UniqueConstraint {
            name,
            index_name: None,
            index_type_display: KeyOrIndexDisplay::None,
            index_type: None,
            columns,
            include: Vec::new(),
            index_options: Vec::new(),
            characteristics: None,
            nulls_distinct: NullsDistinctOption::None,
        })
    } else if c.keywords(&["FOREIGN", "KEY"]) {
        let columns = c.ident_list()?;
        if !c.keyword("REFERENCES") {
            return None;
        }
        let foreign_table = c.object_name()?;
        let referred_columns = if c.peek().is_some_and(|l| l.kind == Kind::Punct(b'(')) { c.ident_list()? } else { Vec::new() };
        let (mut on_delete, mut on_update) = (None, None);
        loop {
            if c.keywords(&["ON", "DELETE"]) && on_delete.is_none() {
                on_delete = Some(referential_action(c)?);
            } else if c.keywords(&["ON", "UPDATE"]) && on_update.is_none() {
                on_update = Some(referential_action(c)?);
            } else if c.peek_keyword("ON") {
                return None;
            } else {
                break;
            }
        }
        TableConstraint::ForeignKey(ForeignKeyConstraint {
            name,
            index_name: None,
            columns,
            foreign_table,
            referred_columns,
            on_delete,
            on_update,
            match_kind: None,
            characteristics: None,
        })
    } else if c.keyword("CHECK") {
        let expr = parenthesized_expression(c)?;
        TableConstraint::Check(CheckConstraint { name, expr: Box::new(expr), no_inherit: false, enforced: None })
    } else {
        return None;
    };
    let not_valid = c.keywords(&["NOT", "VALID"]);
    Some(AlterTableOperation::AddConstraint { constraint, not_valid })
}

fn referential_action(c: &mut Cursor) -> Option<ReferentialAction> {
    Some(if c.keyword("CASCADE") {
        ReferentialAction::Cascade
    } else if c.keyword("RESTRICT") {
        ReferentialAction::Restrict
    } else if c.keywords(&["SET", "NULL"]) {
        ReferentialAction::SetNull
    } else if c.keywords(&["SET", "DEFAULT"]) {
        ReferentialAction::SetDefault
    } else if c.keywords(&["NO", "ACTION"]) {
        ReferentialAction::NoAction
    } else {
        return None;
    })
}

/// `{ALWAYS | BY DEFAULT} AS IDENTITY [(options)]`, after `ADD GENERATED`.
fn add_identity(c: &mut Cursor, table: QualifiedName, column: String) -> Option<StatementClass> {
    let always = if c.keyword("ALWAYS") {
        true
    } else if c.keywords(&["BY", "DEFAULT"]) {
        false
    } else {
        return None;
    };
    if !c.keywords(&["AS", "IDENTITY"]) {
        return None;
    }
    let mut options = SequenceOptions::default();
    if c.punct(b'(') {
        loop {
            if c.keywords(&["SEQUENCE", "NAME"]) {
                options.sequence_name = Some(c.qualified_name()?);
            } else if c.keyword("START") {
                c.keyword("WITH");
                options.start = Some(signed(c)?);
            } else if c.keyword("INCREMENT") {
                c.keyword("BY");
                options.increment = Some(signed(c)?);
            } else if c.keywords(&["NO", "MINVALUE"]) || c.keywords(&["NO", "MAXVALUE"]) {
                // The default, spelled out by pg_dump.
            } else if c.keyword("MINVALUE") {
                options.min_value = Some(signed(c)?);
            } else if c.keyword("MAXVALUE") {
                options.max_value = Some(signed(c)?);
            } else if c.keyword("CACHE") {
                options.cache = Some(signed(c)?);
            } else {
                break;
            }
        }
        if !c.punct(b')') {
            return None;
        }
    }
    Some(StatementClass::Recognized(Box::new(Recognized::AddIdentity { table, column, always, options })))
}

fn signed(c: &mut Cursor) -> Option<i64> {
    let negative = c.punct(b'-');
    let value: i64 = c.integer()?;
    Some(if negative { -value } else { value })
}

/// The significant tokens of `sql` as sqlparser's tokenizer gives them (keywords
/// not looked up: `Word::keyword` is always `NoKeyword`), for code that looks for
/// text in a statement rather than parsing it; `None` where [`lex`] gives up.
pub(super) fn tokens(sql: &str) -> Option<Vec<TokenWithSpan>> {
    let lexemes = lex(sql)?;
    let mut position = LineColumn { offset: 0, line: 1, column: 1 };
    let mut tokens = Vec::with_capacity(lexemes.len());
    for lexeme in lexemes {
        let text = &sql[lexeme.start..lexeme.end];
        let token = match lexeme.kind {
            Kind::Word => Token::Word(Word { value: text.to_owned(), quote_style: None, keyword: Keyword::NoKeyword }),
            Kind::QuotedWord => Token::Word(Word { value: text[1..text.len() - 1].to_owned(), quote_style: Some('"'), keyword: Keyword::NoKeyword }),
            Kind::Number => Token::Number(text.to_owned(), false),
            Kind::String => Token::SingleQuotedString(text[1..text.len() - 1].replace("''", "'")),
            Kind::Cast => Token::DoubleColon,
            Kind::Comparison(operator) => match &operator {
                b">=" => Token::GtEq,
                b"<=" => Token::LtEq,
                _ => Token::Neq,
            },
            Kind::Punct(byte) => match byte {
                b'(' => Token::LParen,
                b')' => Token::RParen,
                b',' => Token::Comma,
                b'.' => Token::Period,
                b'=' => Token::Eq,
                b'<' => Token::Lt,
                b'>' => Token::Gt,
                b'+' => Token::Plus,
                b'-' => Token::Minus,
                b'*' => Token::Mul,
                b'/' => Token::Div,
                b'[' => Token::LBracket,
                b']' => Token::RBracket,
                _ => Token::SemiColon,
            },
        };
        let start = position.advance(sql, lexeme.start);
        let end = position.advance(sql, lexeme.end);
        tokens.push(TokenWithSpan::new(token, Span::new(start, end)));
    }
    Some(tokens)
}

/// Walks forward through text, counting lines and columns as sqlparser does.
struct LineColumn {
    offset: usize,
    line: u64,
    column: u64,
}

impl LineColumn {
    fn advance(&mut self, sql: &str, to: usize) -> Location {
        for &byte in &sql.as_bytes()[self.offset..to] {
            if byte == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if byte & 0xC0 != 0x80 {
                // Columns count characters: UTF-8 continuation bytes add none.
                self.column += 1;
            }
        }
        self.offset = to;
        Location::new(self.line, self.column)
    }
}

#[cfg(test)]
mod tests;
