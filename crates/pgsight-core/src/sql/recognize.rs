//! A hand-written recognizer for the statements rules need in one typed shape and
//! that sqlparser 0.63 rejects in the forms pg_dump writes: sequences (pg_dump's
//! option order, `OWNED BY`), `ATTACH`/`DETACH PARTITION` of tables and indexes,
//! identity columns added by `ALTER TABLE`, `DROP INDEX [CONCURRENTLY]`, `REINDEX`,
//! `REFRESH MATERIALIZED VIEW` and the search_path settings names resolve against.
//!
//! It runs before sqlparser, so a rule sees the same type whichever variant was written.
//! Each recognizer gets the cursor after its statement head and returns `None` when
//! the statement is not of its form; the statement then goes on to sqlparser.

use serde::Serialize;
use sqlparser::tokenizer::{Token, TokenWithSpan};

use super::names::QualifiedName;
use super::tokens::Cursor;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Recognized {
    CreateSequence { name: QualifiedName, if_not_exists: bool, options: SequenceOptions },
    AlterSequence { name: QualifiedName, if_exists: bool, options: SequenceOptions, rename_to: Option<String> },
    /// `ALTER TABLE parent ATTACH PARTITION partition FOR VALUES ... | DEFAULT`.
    AttachPartition { parent: QualifiedName, partition: QualifiedName, bound: String },
    DetachPartition { parent: QualifiedName, partition: QualifiedName, concurrently: bool, finalize: bool },
    /// `ALTER INDEX parent ATTACH PARTITION partition` (an index of a partition joins the parent's index).
    AttachIndexPartition { parent: QualifiedName, partition: QualifiedName },
    /// `ALTER TABLE t ALTER COLUMN c ADD GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY (...)`.
    AddIdentity { table: QualifiedName, column: String, always: bool, options: SequenceOptions },
    DropIndex { names: Vec<QualifiedName>, concurrently: bool, if_exists: bool, cascade: bool },
    Reindex { target: ReindexTarget, name: Option<QualifiedName>, concurrently: bool },
    RefreshMaterializedView { name: QualifiedName, concurrently: bool, with_data: bool },
    /// `SET search_path ...` or pg_dump's `SELECT pg_catalog.set_config('search_path', ...)`;
    /// `None` for `SET search_path TO DEFAULT`.
    SetSearchPath { schemas: Option<Vec<String>> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReindexTarget {
    Index,
    Table,
    Schema,
    Database,
    System,
}

/// Sequence options as written; `None` where the statement left the default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SequenceOptions {
    pub data_type: Option<String>,
    pub start: Option<i64>,
    pub increment: Option<i64>,
    pub min_value: Option<i64>,
    pub max_value: Option<i64>,
    pub cache: Option<i64>,
    pub cycle: Option<bool>,
    pub restart: Option<Option<i64>>,
    pub owned_by: Option<OwnedBy>,
    /// `SEQUENCE NAME` in identity options: the sequence behind an identity column.
    pub sequence_name: Option<QualifiedName>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnedBy {
    Column { table: QualifiedName, column: String },
    None,
}

type Recognizer = fn(&mut Cursor, &str) -> Option<Recognized>;

/// Statement heads and the recognizer for what follows them; the first head that
/// matches and whose recognizer accepts the rest wins.
const RECOGNIZERS: &[(&[&str], Recognizer)] = &[
    (&["CREATE", "SEQUENCE"], create_sequence),
    (&["CREATE", "TEMPORARY", "SEQUENCE"], create_sequence),
    (&["CREATE", "TEMP", "SEQUENCE"], create_sequence),
    (&["CREATE", "UNLOGGED", "SEQUENCE"], create_sequence),
    (&["ALTER", "SEQUENCE"], alter_sequence),
    (&["ALTER", "TABLE"], alter_table),
    (&["ALTER", "INDEX"], attach_index_partition),
    (&["DROP", "INDEX"], drop_index),
    (&["REINDEX"], reindex),
    (&["REFRESH", "MATERIALIZED", "VIEW"], refresh_materialized_view),
    (&["SET"], set_search_path),
    (&["SELECT"], set_config_search_path),
];

/// Recognizes a statement from its significant tokens (see [`super::tokens::significant`]).
pub fn recognize(tokens: &[TokenWithSpan], sql: &str) -> Option<Recognized> {
    RECOGNIZERS.iter().find_map(|(head, recognizer)| {
        let mut cursor = Cursor::new(tokens);
        if !cursor.keywords(head) {
            return None;
        }
        recognizer(&mut cursor, sql).filter(|_| cursor.at_end())
    })
}

fn create_sequence(c: &mut Cursor, _: &str) -> Option<Recognized> {
    let if_not_exists = c.keywords(&["IF", "NOT", "EXISTS"]);
    let name = c.qualified_name()?;
    let options = sequence_options(c)?;
    Some(Recognized::CreateSequence { name, if_not_exists, options })
}

fn alter_sequence(c: &mut Cursor, _: &str) -> Option<Recognized> {
    let if_exists = c.keywords(&["IF", "EXISTS"]);
    let name = c.qualified_name()?;
    let rename_to = if c.keywords(&["RENAME", "TO"]) { Some(c.ident()?) } else { None };
    let options = sequence_options(c)?;
    let changed = rename_to.is_some() || options != SequenceOptions::default();
    changed.then_some(Recognized::AlterSequence { name, if_exists, options, rename_to })
}

/// Sequence options in any order, as pg_dump and people write them.
fn sequence_options(c: &mut Cursor) -> Option<SequenceOptions> {
    let mut options = SequenceOptions::default();
    loop {
        if c.keyword("AS") {
            options.data_type = Some(c.dotted_parts()?.join("."));
        } else if c.keyword("INCREMENT") {
            c.keyword("BY");
            options.increment = Some(c.integer()?);
        } else if c.keywords(&["NO", "MINVALUE"]) || c.keywords(&["NO", "MAXVALUE"]) {
            // The default, spelled out by pg_dump.
        } else if c.keywords(&["NO", "CYCLE"]) {
            options.cycle = Some(false);
        } else if c.keyword("MINVALUE") {
            options.min_value = Some(c.integer()?);
        } else if c.keyword("MAXVALUE") {
            options.max_value = Some(c.integer()?);
        } else if c.keyword("START") {
            c.keyword("WITH");
            options.start = Some(c.integer()?);
        } else if c.keyword("RESTART") {
            let with = c.keyword("WITH");
            let value = c.integer();
            if with && value.is_none() {
                return None;
            }
            options.restart = Some(value);
        } else if c.keyword("CACHE") {
            options.cache = Some(c.integer()?);
        } else if c.keyword("CYCLE") {
            options.cycle = Some(true);
        } else if c.keywords(&["OWNED", "BY"]) {
            options.owned_by = Some(owned_by(c)?);
        } else if c.keywords(&["SEQUENCE", "NAME"]) {
            options.sequence_name = Some(c.qualified_name()?);
        } else {
            return Some(options);
        }
    }
}

fn owned_by(c: &mut Cursor) -> Option<OwnedBy> {
    if c.keyword("NONE") {
        return Some(OwnedBy::None);
    }
    let mut parts = c.dotted_parts()?;
    let column = parts.pop()?;
    let table = QualifiedName::from_parts(parts)?;
    Some(OwnedBy::Column { table, column })
}

/// `ALTER TABLE [IF EXISTS] [ONLY] name [*]` followed by one of the actions this
/// module owns; any other action is left to sqlparser.
fn alter_table(c: &mut Cursor, sql: &str) -> Option<Recognized> {
    c.keywords(&["IF", "EXISTS"]);
    c.keyword("ONLY");
    let table = c.qualified_name()?;
    c.token(&Token::Mul);
    if c.keywords(&["ATTACH", "PARTITION"]) {
        let partition = c.qualified_name()?;
        if !(c.peek_is_keyword("FOR") || c.peek_is_keyword("DEFAULT")) {
            return None;
        }
        let bound = c.rest_text(sql);
        skip_to_end(c);
        return Some(Recognized::AttachPartition { parent: table, partition, bound });
    }
    if c.keywords(&["DETACH", "PARTITION"]) {
        let partition = c.qualified_name()?;
        let concurrently = c.keyword("CONCURRENTLY");
        let finalize = c.keyword("FINALIZE");
        return Some(Recognized::DetachPartition { parent: table, partition, concurrently, finalize });
    }
    if c.keyword("ALTER") {
        c.keyword("COLUMN");
        let column = c.ident()?;
        if !c.keywords(&["ADD", "GENERATED"]) {
            return None;
        }
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
        let options = if c.token(&Token::LParen) {
            let options = sequence_options(c)?;
            c.token(&Token::RParen).then_some(options)?
        } else {
            SequenceOptions::default()
        };
        return Some(Recognized::AddIdentity { table, column, always, options });
    }
    None
}

fn attach_index_partition(c: &mut Cursor, _: &str) -> Option<Recognized> {
    let parent = c.qualified_name()?;
    if !c.keywords(&["ATTACH", "PARTITION"]) {
        return None;
    }
    let partition = c.qualified_name()?;
    Some(Recognized::AttachIndexPartition { parent, partition })
}

fn drop_index(c: &mut Cursor, _: &str) -> Option<Recognized> {
    let concurrently = c.keyword("CONCURRENTLY");
    let if_exists = c.keywords(&["IF", "EXISTS"]);
    let mut names = vec![c.qualified_name()?];
    while c.token(&Token::Comma) {
        names.push(c.qualified_name()?);
    }
    let cascade = c.one_of(&["CASCADE", "RESTRICT"]) == Some("CASCADE");
    Some(Recognized::DropIndex { names, concurrently, if_exists, cascade })
}

fn reindex(c: &mut Cursor, _: &str) -> Option<Recognized> {
    let mut concurrently = false;
    if c.token(&Token::LParen) {
        // (CONCURRENTLY [bool], VERBOSE, TABLESPACE x): only CONCURRENTLY matters.
        while let Some(token) = c.advance() {
            match token {
                Token::RParen => break,
                Token::Word(_) if super::tokens::is_keyword(token, "CONCURRENTLY") => {
                    concurrently = !(c.keyword("FALSE") || c.keyword("OFF"));
                    c.keyword("TRUE");
                    c.keyword("ON");
                }
                _ => {}
            }
        }
    }
    let target = match c.one_of(&["INDEX", "TABLE", "SCHEMA", "DATABASE", "SYSTEM"])? {
        "INDEX" => ReindexTarget::Index,
        "TABLE" => ReindexTarget::Table,
        "SCHEMA" => ReindexTarget::Schema,
        "DATABASE" => ReindexTarget::Database,
        _ => ReindexTarget::System,
    };
    concurrently |= c.keyword("CONCURRENTLY");
    let name = if c.at_end() { None } else { Some(c.qualified_name()?) };
    Some(Recognized::Reindex { target, name, concurrently })
}

fn refresh_materialized_view(c: &mut Cursor, _: &str) -> Option<Recognized> {
    let concurrently = c.keyword("CONCURRENTLY");
    let name = c.qualified_name()?;
    let with_data = !c.keywords(&["WITH", "NO", "DATA"]);
    c.keywords(&["WITH", "DATA"]);
    Some(Recognized::RefreshMaterializedView { name, concurrently, with_data })
}

/// `SET [SESSION | LOCAL] search_path {TO | =} schema [, ...] | DEFAULT`.
fn set_search_path(c: &mut Cursor, _: &str) -> Option<Recognized> {
    c.one_of(&["SESSION", "LOCAL"]);
    if !c.keyword("SEARCH_PATH") || !(c.keyword("TO") || c.token(&Token::Eq)) {
        return None;
    }
    if c.keyword("DEFAULT") {
        return Some(Recognized::SetSearchPath { schemas: None });
    }
    let mut schemas = Vec::new();
    loop {
        match c.advance()? {
            Token::SingleQuotedString(list) => schemas.extend(identifier_list(list)),
            Token::Word(word) => schemas.push(super::names::fold(&word.value, word.quote_style.is_some())),
            _ => return None,
        }
        if !c.token(&Token::Comma) {
            return Some(Recognized::SetSearchPath { schemas: Some(schemas) });
        }
    }
}

/// `SELECT [pg_catalog.]set_config('search_path', 'list', is_local)`, as pg_dump writes it.
fn set_config_search_path(c: &mut Cursor, _: &str) -> Option<Recognized> {
    let function = c.dotted_parts()?;
    if !matches!(function.iter().map(String::as_str).collect::<Vec<_>>().as_slice(), ["set_config"] | ["pg_catalog", "set_config"]) {
        return None;
    }
    if !c.token(&Token::LParen) || string(c)? != "search_path" || !c.token(&Token::Comma) {
        return None;
    }
    let list = string(c)?;
    if !c.token(&Token::Comma) {
        return None;
    }
    c.advance()?;
    c.token(&Token::RParen).then(|| Recognized::SetSearchPath { schemas: Some(identifier_list(&list)) })
}

fn string(c: &mut Cursor) -> Option<String> {
    match c.advance()? {
        Token::SingleQuotedString(s) => Some(s.clone()),
        _ => None,
    }
}

/// A search_path value such as `"$user", public, "My Schema"`.
fn identifier_list(list: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut was_quoted = false;
    for ch in list.chars() {
        match ch {
            '"' => {
                quoted = !quoted;
                was_quoted = true;
            }
            ',' if !quoted => {
                items.push(super::names::fold(current.trim(), was_quoted));
                current.clear();
                was_quoted = false;
            }
            _ => current.push(ch),
        }
    }
    items.push(super::names::fold(current.trim(), was_quoted));
    items.retain(|item| !item.is_empty());
    items
}

fn skip_to_end(c: &mut Cursor) {
    while !c.at_end() {
        c.advance();
    }
}

#[cfg(test)]
mod tests;
