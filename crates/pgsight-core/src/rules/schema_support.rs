//! Shared by the schema rules: the catalog with the DDL it came from, so that a
//! finding can point at the column or constraint as written, quote it, and name
//! the objects its fix creates the way the schema names them.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

#[cfg(feature = "sql")]
use sqlparser::tokenizer::{Token, TokenWithSpan};

use super::fixsql::quote_ident;
use super::Context;
#[cfg(feature = "sql")]
use super::AnalyzedScript;
#[cfg(feature = "sql")]
use crate::report::InputKind;
use crate::report::Location;
use crate::sql::catalog::{self, Catalog, Column, Index, Table};
#[cfg(feature = "sql")]
use crate::sql::catalog::ForeignKey;
#[cfg(feature = "sql")]
use crate::sql::names::fold;
use crate::sql::names::{QualifiedName, DEFAULT_SCHEMA};
#[cfg(feature = "sql")]
use crate::sql::tokens::{is_keyword, local_offset, significant_tokens};
#[cfg(feature = "sql")]
use crate::sql::ParsedStatement;

/// PostgreSQL truncates identifiers to 63 bytes.
const MAX_IDENTIFIER_BYTES: usize = 63;

/// The schema the schema inputs describe, with those inputs.
pub struct SchemaInput<'a> {
    pub ctx: &'a Context,
    pub catalog: &'a Catalog,
    /// [`Self::taken_names`] of each schema, built on its first [`Self::free_name`]:
    /// a rule names one object per finding, and building the namespace each time made
    /// a 2,000-table schema take seconds (thousands of findings times 14,000 names).
    namespaces: RefCell<BTreeMap<String, Rc<BTreeSet<String>>>>,
}

/// Some text of the DDL and where it starts.
#[derive(Debug, Clone)]
pub struct Written {
    pub location: Location,
    /// As written, whitespace collapsed; empty when the DDL could not be found.
    pub text: String,
}

/// The schema inputs of `ctx`, or `None` when there are none.
pub fn schema(ctx: &Context) -> Option<SchemaInput<'_>> {
    Some(SchemaInput { ctx, catalog: ctx.catalog.as_ref()?, namespaces: RefCell::default() })
}

impl<'a> SchemaInput<'a> {
    // -----------------------------------------------------------------------------
    // Where things are written.

    /// The statement a catalog object was defined by. The catalog numbers statements
    /// within their script; the script is the schema input whose statement of that
    /// number starts at the recorded position.
    #[cfg(feature = "sql")]
    pub fn statement(&self, at: &catalog::Location) -> Option<(&'a AnalyzedScript, &'a ParsedStatement)> {
        let mut fallback = None;
        for script in self.ctx.scripts(InputKind::Schema) {
            if let Some(statement) = script.script.statements.get(at.statement) {
                if statement.span.line == at.line && statement.span.column == at.column {
                    return Some((script, statement));
                }
                fallback.get_or_insert((script, statement));
            }
        }
        fallback
    }

    /// The report location of a whole statement.
    #[cfg(feature = "sql")]
    pub fn statement_location(&self, at: &catalog::Location) -> Location {
        match self.statement(at) {
            Some((script, statement)) => script.location(statement),
            None => Location { line: Some(at.line), column: Some(at.column), ..Location::default() },
        }
    }

    /// A statement's text, whitespace collapsed.
    #[cfg(feature = "sql")]
    pub fn statement_text(&self, at: &catalog::Location) -> String {
        self.statement(at).map(|(_, s)| collapse(&s.sql)).unwrap_or_default()
    }

    /// A column's definition (`customer_id integer NOT NULL`) and where it is.
    #[cfg(feature = "sql")]
    pub fn column(&self, column: &Column) -> Written {
        let found = self.find(&column.defined_at, |sql, tokens, elements| {
            elements.iter().find(|e| is_column_definition(&tokens[e.start..e.end], &column.name)).map(|e| element_text(sql, tokens, e.start, e.end))
        });
        found.unwrap_or_else(|| Written { location: self.statement_location(&column.defined_at), text: String::new() })
    }

    /// A constraint as written and where: the `CONSTRAINT name ...` clause, else the
    /// unnamed `keyword (columns) ...` clause (`FOREIGN`, `PRIMARY`, `UNIQUE`), else
    /// the definition of its only column, else the statement.
    #[cfg(feature = "sql")]
    pub fn constraint(&self, at: &catalog::Location, name: &str, keyword: &str, columns: &[String]) -> Written {
        let found = self.find(at, |sql, tokens, elements| {
            for e in elements {
                let part = &tokens[e.start..e.end];
                if let Some(i) = part.windows(2).position(|w| is_keyword(&w[0].token, "CONSTRAINT") && word_is(&w[1].token, name)) {
                    return Some(element_text(sql, tokens, e.start + i, e.end));
                }
            }
            for e in elements {
                let part = &tokens[e.start..e.end];
                if let Some(i) = part.iter().position(|t| is_keyword(&t.token, keyword)) {
                    if paren_words(&part[i..]).as_deref() == Some(columns) {
                        return Some(element_text(sql, tokens, e.start + i, e.end));
                    }
                }
            }
            match columns {
                [column] => elements.iter().find(|e| is_column_definition(&tokens[e.start..e.end], column)).map(|e| element_text(sql, tokens, e.start, e.end)),
                _ => None,
            }
        });
        found.unwrap_or_else(|| Written { location: self.statement_location(at), text: self.statement_text(at) })
    }

    /// A foreign key as written.
    #[cfg(feature = "sql")]
    pub fn foreign_key(&self, fk: &ForeignKey) -> Written {
        self.constraint(&fk.defined_at, &fk.name, "FOREIGN", &fk.columns)
    }

    /// Where `word` (an identifier or function name, any case) first appears in the
    /// statement at `at`.
    #[cfg(feature = "sql")]
    pub fn word_location(&self, at: &catalog::Location, word: &str) -> Option<Location> {
        let (script, statement) = self.statement(at)?;
        let tokens = significant_tokens(&statement.sql)?;
        let token = tokens.iter().find(|t| matches!(&t.token, Token::Word(w) if w.value.eq_ignore_ascii_case(word)))?;
        Some(token_location(script, statement, token))
    }

    #[cfg(feature = "sql")]
    fn find(&self, at: &catalog::Location, pick: impl Fn(&str, &[TokenWithSpan], &[Element]) -> Option<(usize, String)>) -> Option<Written> {
        let (script, statement) = self.statement(at)?;
        let tokens = significant_tokens(&statement.sql)?;
        let elements = elements(&tokens);
        let (index, text) = pick(&statement.sql, &tokens, &elements)?;
        Some(Written { location: token_location(script, statement, &tokens[index]), text })
    }

    // -----------------------------------------------------------------------------
    // Names for the SQL a fix writes.

    /// A table's name as the schema writes it: schema-qualified unless it lives in
    /// `public` and the DDL created it without a schema. Quoted where needed.
    pub fn table_sql(&self, table: &Table) -> String {
        self.relation_sql(&table.schema, &table.name, &table.defined_at)
    }

    /// Any relation's name (a view, a materialized view) as [`Self::table_sql`] writes
    /// a table's, from the statement that created it.
    pub fn relation_sql(&self, schema: &str, name: &str, defined_at: &catalog::Location) -> String {
        if schema != DEFAULT_SCHEMA || self.written_qualified(defined_at, name) {
            format!("{}.{}", quote_ident(schema), quote_ident(name))
        } else {
            quote_ident(name)
        }
    }

    /// An object of `table`'s schema (an index, a sequence), qualified as the table is.
    pub fn sibling_sql(&self, table: &Table, name: &str) -> String {
        if self.qualifies(table) {
            format!("{}.{}", quote_ident(&table.schema), quote_ident(name))
        } else {
            quote_ident(name)
        }
    }

    /// A catalog name (a sequence, a referenced table) as the SQL of a fix writes it,
    /// qualified unless it lives in `public` and `like` is written unqualified.
    pub fn name_sql(&self, name: &QualifiedName, like: &Table) -> String {
        let schema = name.schema_or_default();
        if schema != DEFAULT_SCHEMA || self.qualifies(like) {
            format!("{}.{}", quote_ident(schema), quote_ident(&name.name))
        } else {
            quote_ident(&name.name)
        }
    }

    /// The SQL name of a table the catalog holds, by its qualified name.
    pub fn referenced_sql(&self, name: &QualifiedName, like: &Table) -> String {
        match self.catalog.tables.get(name) {
            Some(table) => self.table_sql(table),
            None => self.name_sql(name, like),
        }
    }

    fn qualifies(&self, table: &Table) -> bool {
        table.schema != DEFAULT_SCHEMA || self.written_qualified(&table.defined_at, &table.name)
    }

    /// Without the `sql` feature there is no DDL to read (and no catalog: [`schema`]
    /// is `None`), so a name counts as written qualified, as when its DDL is not found.
    #[cfg(not(feature = "sql"))]
    fn written_qualified(&self, _at: &catalog::Location, _name: &str) -> bool {
        true
    }

    /// Whether the statement that created `name` wrote it with a schema.
    #[cfg(feature = "sql")]
    fn written_qualified(&self, at: &catalog::Location, name: &str) -> bool {
        let Some((_, statement)) = self.statement(at) else { return true };
        let Some(tokens) = significant_tokens(&statement.sql) else { return true };
        let position = tokens.iter().position(|t| word_is(&t.token, name));
        position.is_some_and(|i| i > 0 && tokens[i - 1].token == Token::Period)
    }

    /// Every name in `schema`'s relation namespace: tables, views, sequences,
    /// indexes (constraint indexes included) and types.
    pub fn taken_names(&self, schema: &str) -> BTreeSet<String> {
        let c = self.catalog;
        let mut names = BTreeSet::new();
        for table in c.tables.values().filter(|t| t.schema == schema) {
            names.insert(table.name.clone());
            names.extend(table.indexes.iter().map(|i| i.name.clone()));
            names.extend(table.primary_key.iter().chain(&table.unique_constraints).map(|k| k.name.clone()));
            names.extend(table.exclusion_constraints.iter().map(|e| e.name.clone()));
        }
        for view in c.views.values().filter(|v| v.schema == schema) {
            names.insert(view.name.clone());
            names.extend(view.indexes.iter().map(|i| i.name.clone()));
        }
        names.extend(c.sequences.values().filter(|s| s.schema == schema).map(|s| s.name.clone()));
        names.extend(c.types.values().filter(|t| t.schema == schema).map(|t| t.name.clone()));
        names
    }

    /// `wanted` if no relation of `schema` has that name, else PostgreSQL's way out:
    /// `wanted1`, `wanted2`, ... (kept within 63 bytes).
    pub fn free_name(&self, schema: &str, wanted: &str, also_taken: &[String]) -> String {
        let taken = Rc::clone(
            self.namespaces.borrow_mut().entry(schema.to_owned()).or_insert_with(|| Rc::new(self.taken_names(schema))),
        );
        let is_free = |n: &str| !taken.contains(n) && !also_taken.iter().any(|t| t == n);
        if is_free(wanted) {
            return wanted.to_owned();
        }
        (1..).map(|n| numbered(wanted, n)).find(|n| is_free(n)).unwrap_or_else(|| wanted.to_owned())
    }

    /// A free name for an index of `table` on `columns`: `table_col_idx`.
    pub fn free_index_name(&self, table: &Table, columns: &[String], also_taken: &[String]) -> String {
        let wanted = super::fixsql::index_name(&table.name, columns, "idx");
        self.free_name(&table.schema, &wanted, also_taken)
    }

    // -----------------------------------------------------------------------------
    // Partitions.

    /// The partitioned table `table` is a partition of, if the catalog has it.
    pub fn parent(&self, table: &Table) -> Option<&'a Table> {
        self.catalog.tables.get(&table.partition_of.as_ref()?.parent)
    }

    /// The parent, its parent, ... up to the root.
    pub fn ancestors(&self, table: &Table) -> Vec<&'a Table> {
        let mut out: Vec<&Table> = Vec::new();
        let mut current = self.parent(table);
        while let Some(parent) = current {
            if out.iter().any(|t| t.name == parent.name && t.schema == parent.schema) {
                break;
            }
            out.push(parent);
            current = self.parent(parent);
        }
        out
    }

    /// The topmost partitioned table above `table`, or `table` itself.
    pub fn root(&self, table: &'a Table) -> &'a Table {
        self.ancestors(table).last().copied().unwrap_or(table)
    }

    /// Whether the schema also describes the partitioned table `table` belongs to:
    /// what the parent says then holds for it.
    pub fn is_partition(&self, table: &Table) -> bool {
        self.parent(table).is_some()
    }

    /// The tables the rules judge on their own: all but partitions whose parent the
    /// schema describes.
    pub fn top_tables(&self) -> impl Iterator<Item = &'a Table> + '_ {
        self.catalog.tables.values().filter(move |t| !self.is_partition(t))
    }

    /// Every column of the tables the rules judge on their own (partitions share
    /// their parent's columns and are left out).
    pub fn columns(&self) -> Vec<(&'a Table, &'a Column)> {
        self.top_tables().flat_map(|t| t.columns.iter().map(move |c| (t, c))).collect()
    }

    /// The direct partitions of `table`.
    pub fn partitions(&self, table: &Table) -> Vec<&'a Table> {
        let name = table.qualified_name();
        self.catalog.tables.values().filter(|t| t.partition_of.as_ref().is_some_and(|p| p.parent == name)).collect()
    }

    /// Indexes of `table` and those of its ancestors (which PostgreSQL builds on every
    /// partition).
    pub fn indexes_with_inherited(&self, table: &'a Table) -> Vec<(&'a Table, &'a Index)> {
        let mut out: Vec<(&Table, &Index)> = table.indexes.iter().map(|i| (table, i)).collect();
        for parent in self.ancestors(table) {
            out.extend(parent.indexes.iter().map(|i| (parent, i)));
        }
        out
    }
}

/// `name` with `n` appended, cut to fit PostgreSQL's identifier length.
fn numbered(name: &str, n: usize) -> String {
    let suffix = n.to_string();
    let mut base = name.to_owned();
    while base.len() + suffix.len() > MAX_IDENTIFIER_BYTES {
        base.pop();
    }
    format!("{base}{suffix}")
}

/// Whitespace runs collapsed to one space.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `expression` uses the identifier `column`.
pub fn mentions_identifier(expression: &str, column: &str) -> bool {
    let mut word = String::new();
    let mut in_string = false;
    for c in expression.chars().chain(std::iter::once(' ')) {
        if c == '\'' {
            in_string = !in_string;
            word.clear();
            continue;
        }
        if in_string {
            continue;
        }
        if c.is_alphanumeric() || c == '_' || c == '"' {
            word.push(c);
        } else {
            if word.trim_matches('"') == column || (!word.starts_with('"') && word.eq_ignore_ascii_case(column)) {
                return true;
            }
            word.clear();
        }
    }
    false
}

/// `(a, b)` with each name quoted where needed.
pub fn column_list(columns: &[String]) -> String {
    format!("({})", columns.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", "))
}

/// `a, b` quoted where needed, for prose.
pub fn column_names(columns: &[String]) -> String {
    columns.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ")
}

/// `s` with a capital first letter.
pub fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A range of significant tokens: one column or constraint of CREATE TABLE, or one
/// action of ALTER TABLE.
#[cfg(feature = "sql")]
struct Element {
    start: usize,
    /// Exclusive; the separator (comma or closing parenthesis) or the end.
    end: usize,
}

/// CREATE TABLE: the items between its outer parentheses. Anything else: the
/// statement split at top-level commas (ALTER TABLE's actions).
#[cfg(feature = "sql")]
fn elements(tokens: &[TokenWithSpan]) -> Vec<Element> {
    let is_create_table = is_keyword(&tokens.first().map_or(Token::EOF, |t| t.token.clone()), "CREATE")
        && tokens.iter().take(6).any(|t| is_keyword(&t.token, "TABLE"));
    let (from, depth_of_items): (usize, usize) = match is_create_table {
        true => match tokens.iter().position(|t| t.token == Token::LParen) {
            Some(open) => (open + 1, 1),
            None => return Vec::new(),
        },
        false => (0, 0),
    };
    let mut out = Vec::new();
    let mut depth = depth_of_items;
    let mut start = from;
    for (i, t) in tokens.iter().enumerate().skip(from) {
        match t.token {
            Token::LParen => depth += 1,
            Token::RParen => {
                if depth == depth_of_items && depth_of_items == 1 {
                    out.push(Element { start, end: i });
                    return out;
                }
                depth = depth.saturating_sub(1);
            }
            Token::Comma if depth == depth_of_items => {
                out.push(Element { start, end: i });
                start = i + 1;
            }
            _ => {}
        }
    }
    let end = tokens.iter().rposition(|t| t.token != Token::EOF && t.token != Token::SemiColon).map_or(start, |i| i + 1);
    if start < end {
        out.push(Element { start, end });
    }
    out
}

/// Does the element define column `name`: `name type ...`, or ALTER TABLE's
/// `ADD [COLUMN] [IF NOT EXISTS] name type ...`?
#[cfg(feature = "sql")]
fn is_column_definition(tokens: &[TokenWithSpan], name: &str) -> bool {
    const NOT_A_COLUMN: &[&str] = &["CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE", "LIKE"];
    let starts_with_name = |t: &[TokenWithSpan]| {
        t.first().is_some_and(|first| word_is(&first.token, name) && !NOT_A_COLUMN.iter().any(|k| is_keyword(&first.token, k)))
    };
    if starts_with_name(tokens) {
        return true;
    }
    // ALTER TABLE ... ADD [COLUMN] [IF NOT EXISTS] name
    let Some(add) = tokens.iter().position(|t| is_keyword(&t.token, "ADD")) else { return false };
    let mut rest = &tokens[add + 1..];
    if rest.first().is_some_and(|t| is_keyword(&t.token, "COLUMN")) {
        rest = &rest[1..];
    } else if rest.first().is_some_and(|t| NOT_A_COLUMN.iter().any(|k| is_keyword(&t.token, k))) {
        return false;
    }
    if rest.len() > 3 && is_keyword(&rest[0].token, "IF") && is_keyword(&rest[1].token, "NOT") && is_keyword(&rest[2].token, "EXISTS") {
        rest = &rest[3..];
    }
    starts_with_name(rest)
}

/// The identifiers of the parenthesized list after the first token: `FOREIGN KEY (a, b)`.
#[cfg(feature = "sql")]
fn paren_words(tokens: &[TokenWithSpan]) -> Option<Vec<String>> {
    let open = tokens.iter().position(|t| t.token == Token::LParen)?;
    let mut out = Vec::new();
    for t in &tokens[open + 1..] {
        match &t.token {
            Token::RParen => return Some(out),
            Token::Word(w) => out.push(fold(&w.value, w.quote_style.is_some())),
            Token::Comma => {}
            _ => return None,
        }
    }
    None
}

#[cfg(feature = "sql")]
fn word_is(token: &Token, name: &str) -> bool {
    matches!(token, Token::Word(w) if fold(&w.value, w.quote_style.is_some()) == name)
}

/// The text of tokens `start..end` of `sql` and the index of its first token.
#[cfg(feature = "sql")]
fn element_text(sql: &str, tokens: &[TokenWithSpan], start: usize, end: usize) -> (usize, String) {
    let from = tokens.get(start).and_then(|t| local_offset(sql, t)).unwrap_or(0);
    let to = tokens.get(end).and_then(|t| local_offset(sql, t)).unwrap_or(sql.len());
    let text = sql.get(from..to.max(from)).unwrap_or("");
    (start, collapse(text.trim().trim_end_matches(';')))
}

/// A token's position in the input: statement-local lines and columns made absolute.
#[cfg(feature = "sql")]
fn token_location(script: &AnalyzedScript, statement: &ParsedStatement, token: &TokenWithSpan) -> Location {
    let local_line = u32::try_from(token.span.start.line).unwrap_or(1).max(1);
    let local_column = u32::try_from(token.span.start.column).unwrap_or(1).max(1);
    let line = statement.span.line + local_line - 1;
    let column = if local_line == 1 { statement.span.column + local_column - 1 } else { local_column };
    Location { input: script.input, line: Some(line), column: Some(column), ..Location::default() }
}

// ---------------------------------------------------------------------------------
// Wording shared by the fixes that change a column's type.

/// Risk of `ALTER TABLE ... ALTER COLUMN ... TYPE` when it rewrites the table.
pub fn alter_type_rewrite_risk(table: &str) -> String {
    format!(
        "ALTER COLUMN ... TYPE takes an ACCESS EXCLUSIVE lock on {table} and rewrites the table and every index on it: \
         reads and writes wait until it finishes, and it needs free disk for a second copy of the table and its indexes. \
         It fails if a view or rule uses the column (drop and recreate them around it). Set a lock_timeout so it \
         does not queue behind long transactions, and run it in a maintenance window; on a large table, add a new \
         column, backfill it in batches and swap it in instead."
    )
}

/// Risk of `ALTER COLUMN ... TYPE` when PostgreSQL only changes the catalog.
pub fn alter_type_no_rewrite_risk(table: &str) -> String {
    format!(
        "ALTER COLUMN ... TYPE takes an ACCESS EXCLUSIVE lock on {table}, but this change is binary compatible: no \
         rewrite and no index rebuild, so the lock is held only for a moment. It still waits for (and blocks everything \
         behind) transactions using the table: set a lock_timeout. It fails if a view or rule uses the column (drop \
         and recreate them around it)."
    )
}

/// `SET lock_timeout` line every fix that takes ACCESS EXCLUSIVE starts with.
pub const LOCK_TIMEOUT: &str = "SET lock_timeout = '5s';";

// ---------------------------------------------------------------------------------
// Indexes compared by shape (duplicate and redundant indexes).

/// Whether an index entry is a plain index or stands behind a constraint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexOrigin {
    Index,
    PrimaryKey,
    Unique,
}

/// One key of an index, as compared: a column or a normalized expression, its
/// operator class (schema stripped) and direction.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct KeyShape {
    pub target: String,
    pub expression: bool,
    pub opclass: Option<String>,
    pub descending: bool,
}

impl KeyShape {
    /// As SQL: `"Name"`, `(lower(email))`, `key text_pattern_ops DESC`.
    pub fn sql(&self) -> String {
        let mut out = if self.expression { format!("({})", self.target) } else { quote_ident(&self.target) };
        if let Some(opclass) = &self.opclass {
            out.push(' ');
            out.push_str(opclass);
        }
        if self.descending {
            out.push_str(" DESC");
        }
        out
    }
}

/// An index of a table, or the index behind its primary key or a unique constraint.
#[derive(Debug, Clone)]
pub struct IndexEntry<'a> {
    pub name: String,
    pub table: &'a Table,
    pub origin: IndexOrigin,
    pub method: String,
    pub keys: Vec<KeyShape>,
    pub include: Vec<String>,
    /// Normalized `WHERE` of a partial index.
    pub predicate: Option<String>,
    pub unique: bool,
    /// Attached to an index of the parent table (a partition's copy of it).
    pub attached: bool,
    pub index: Option<&'a Index>,
    pub defined_at: catalog::Location,
}

impl IndexEntry<'_> {
    /// `(a, b DESC) INCLUDE (c) WHERE ...` for prose.
    pub fn shape(&self) -> String {
        let mut out = String::new();
        if self.method != "btree" {
            out.push_str(&format!("USING {} ", self.method));
        }
        out.push_str(&format!("({})", self.keys.iter().map(KeyShape::sql).collect::<Vec<_>>().join(", ")));
        if !self.include.is_empty() {
            out.push_str(&format!(" INCLUDE {}", column_list(&self.include)));
        }
        if let Some(p) = &self.predicate {
            out.push_str(&format!(" WHERE {p}"));
        }
        out
    }

    /// What it is, for prose: `index x`, `primary key x`, `unique constraint x`.
    pub fn label(&self) -> String {
        match self.origin {
            IndexOrigin::Index if self.unique => format!("unique index {}", self.name),
            IndexOrigin::Index => format!("index {}", self.name),
            IndexOrigin::PrimaryKey => format!("primary key {}", self.name),
            IndexOrigin::Unique => format!("unique constraint {}", self.name),
        }
    }
}

/// Expression text compared loosely: no whitespace, no outer parentheses.
pub fn normalize_expression(text: &str) -> String {
    let mut t: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    while t.starts_with('(') && t.ends_with(')') && balanced(&t[1..t.len() - 1]) {
        t = t[1..t.len() - 1].trim().to_owned();
    }
    t
}

fn balanced(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// Every index entry of `table`: its indexes, then its primary key and unique
/// constraints.
pub fn index_entries(table: &Table) -> Vec<IndexEntry<'_>> {
    let mut out = Vec::new();
    for index in &table.indexes {
        let keys = index
            .keys
            .iter()
            .map(|k| KeyShape {
                target: k.column.clone().unwrap_or_else(|| normalize_expression(k.expression.as_deref().unwrap_or(""))),
                expression: k.column.is_none(),
                opclass: k.opclass.as_ref().map(|o| o.rsplit('.').next().unwrap_or(o).to_owned()),
                descending: k.descending,
            })
            .collect();
        out.push(IndexEntry {
            name: index.name.clone(),
            table,
            origin: IndexOrigin::Index,
            method: index.method.clone(),
            keys,
            include: index.include.clone(),
            predicate: index.predicate.as_deref().map(normalize_expression),
            unique: index.unique,
            attached: index.parent_index.is_some(),
            index: Some(index),
            defined_at: index.defined_at,
        });
    }
    let constraints = table.primary_key.iter().map(|k| (k, IndexOrigin::PrimaryKey)).chain(table.unique_constraints.iter().map(|k| (k, IndexOrigin::Unique)));
    for (key, origin) in constraints {
        out.push(IndexEntry {
            name: key.name.clone(),
            table,
            origin,
            method: "btree".to_owned(),
            keys: key.columns.iter().map(|c| KeyShape { target: c.clone(), expression: false, opclass: None, descending: false }).collect(),
            include: key.include.clone(),
            predicate: None,
            unique: true,
            attached: false,
            index: None,
            defined_at: key.defined_at,
        });
    }
    out
}

impl SchemaInput<'_> {
    /// An index entry as written: the CREATE INDEX statement, or the constraint.
    #[cfg(feature = "sql")]
    pub fn index_written(&self, entry: &IndexEntry<'_>) -> Written {
        match entry.origin {
            IndexOrigin::Index => Written { location: self.statement_location(&entry.defined_at), text: self.statement_text(&entry.defined_at) },
            IndexOrigin::PrimaryKey | IndexOrigin::Unique => {
                let keyword = if entry.origin == IndexOrigin::PrimaryKey { "PRIMARY" } else { "UNIQUE" };
                let columns: Vec<String> = entry.keys.iter().map(|k| k.target.clone()).collect();
                self.constraint(&entry.defined_at, &entry.name, keyword, &columns)
            }
        }
    }

    /// Without the `sql` feature no DDL is kept (there is no catalog either: [`schema`]
    /// is `None`); as when the statement is not found, only its position is known.
    #[cfg(not(feature = "sql"))]
    pub fn index_written(&self, entry: &IndexEntry<'_>) -> Written {
        Written { location: Location { line: Some(entry.defined_at.line), column: Some(entry.defined_at.column), ..Location::default() }, text: String::new() }
    }

    /// SQL that creates the index entry again, without blocking writes where
    /// PostgreSQL allows it.
    pub fn recreate_sql(&self, entry: &IndexEntry<'_>) -> String {
        let table_sql = self.table_sql(entry.table);
        match entry.origin {
            IndexOrigin::PrimaryKey | IndexOrigin::Unique => {
                let kind = if entry.origin == IndexOrigin::PrimaryKey { "PRIMARY KEY" } else { "UNIQUE" };
                let columns: Vec<String> = entry.keys.iter().map(|k| k.target.clone()).collect();
                let mut sql = format!("ALTER TABLE {table_sql} ADD CONSTRAINT {} {kind} {}", quote_ident(&entry.name), column_list(&columns));
                if !entry.include.is_empty() {
                    sql.push_str(&format!(" INCLUDE {}", column_list(&entry.include)));
                }
                sql.push(';');
                sql
            }
            IndexOrigin::Index => {
                let concurrently = if entry.table.is_partitioned() { "" } else { " CONCURRENTLY" };
                let unique = if entry.unique { "UNIQUE " } else { "" };
                let mut sql = format!("CREATE {unique}INDEX{concurrently} {} ON {table_sql} ", quote_ident(&entry.name));
                if entry.method != "btree" {
                    sql.push_str(&format!("USING {} ", entry.method));
                }
                sql.push_str(&format!("({})", entry.keys.iter().map(KeyShape::sql).collect::<Vec<_>>().join(", ")));
                if !entry.include.is_empty() {
                    sql.push_str(&format!(" INCLUDE {}", column_list(&entry.include)));
                }
                if let Some(p) = &entry.predicate {
                    sql.push_str(&format!(" WHERE {p}"));
                }
                sql.push(';');
                sql
            }
        }
    }

    /// SQL that drops the index entry: concurrently for a plain index of a table
    /// that is not partitioned.
    pub fn drop_sql(&self, entry: &IndexEntry<'_>) -> String {
        match entry.origin {
            IndexOrigin::Index if entry.table.is_partitioned() => format!("DROP INDEX IF EXISTS {};", self.sibling_sql(entry.table, &entry.name)),
            IndexOrigin::Index => format!("DROP INDEX CONCURRENTLY IF EXISTS {};", self.sibling_sql(entry.table, &entry.name)),
            _ => format!("ALTER TABLE {} DROP CONSTRAINT {};", self.table_sql(entry.table), quote_ident(&entry.name)),
        }
    }
}

/// Risk of dropping an index.
pub fn drop_index_risk(entry: &IndexEntry<'_>, table: &str) -> String {
    match entry.origin {
        IndexOrigin::Index if entry.table.is_partitioned() => format!(
            "{table} is partitioned, and DROP INDEX CONCURRENTLY does not work on a partitioned index: DROP INDEX takes an \
             ACCESS EXCLUSIVE lock on {table} and its partitions for a moment (set a lock_timeout), and drops the \
             partitions' attached indexes with it. Queries that used the index switch to the one kept; check their plans."
        ),
        IndexOrigin::Index => format!(
            "DROP INDEX CONCURRENTLY takes a SHARE UPDATE EXCLUSIVE lock: reads and writes on {table} go on, but it \
             waits for every transaction that uses the table to finish, and cannot run inside a transaction block. \
             Queries that used the index switch to the one kept; check their plans, and anything that names the index \
             (hints, monitoring)."
        ),
        _ => format!(
            "ALTER TABLE ... DROP CONSTRAINT takes an ACCESS EXCLUSIVE lock on {table} for a moment (set a lock_timeout). \
             It fails if a foreign key depends on the constraint's index; re-point the foreign key first."
        ),
    }
}

// ---------------------------------------------------------------------------------
// Tests.

/// Helpers for the schema rule tests: fixtures are paths from the repository root.
#[cfg(test)]
pub mod testing {
    use crate::rules::test_support::fixture;
    use crate::{analyze, Config, Finding, Input, InputKind};

    /// Findings of rule `id` on the schema SQL fixture at `path`.
    pub fn findings_for_schema_fixture(path: &str, id: &str) -> Vec<Finding> {
        findings_for_schema_sql(path, &fixture(path), id)
    }

    /// Findings of rule `id` on schema `sql`.
    pub fn findings_for_schema_sql(name: &str, sql: &str, id: &str) -> Vec<Finding> {
        all_schema_findings(name, sql).into_iter().filter(|f| f.rule == id).collect()
    }

    /// Every schema-rule finding on schema `sql`, ranked as the report ranks them.
    pub fn all_schema_findings(name: &str, sql: &str) -> Vec<Finding> {
        let report = analyze(&[Input::new(InputKind::Schema, name, sql)], &Config::default());
        report.findings.into_iter().filter(|f| f.category == crate::rules::Category::Schema).collect()
    }

    /// The fixture directory of a rule.
    pub fn rule_fixture(rule: &str, file: &str) -> String {
        format!("crates/pgsight-core/tests/fixtures/schema/{rule}/{file}")
    }

    /// One line per finding: `severity rule line:column title`, as the real-schema
    /// snapshots hold them.
    pub fn listing(findings: &[Finding]) -> String {
        let mut out = String::new();
        for f in findings {
            let at = match (f.location.line, f.location.column) {
                (Some(l), Some(c)) => format!("{l}:{c}"),
                (Some(l), None) => format!("{l}"),
                _ => "-".to_owned(),
            };
            out.push_str(&format!("{} {} {} {}\n", f.severity, f.rule, at, f.title));
        }
        out
    }
}

/// All schema rules over real pg_dump output: the list of findings is snapshotted so
/// that a change in any rule shows up here.
#[cfg(all(test, feature = "sql"))]
mod real_schemas {
    use super::testing::{all_schema_findings, listing};
    use crate::rules::test_support::fixture;

    fn run(path: &str) -> String {
        let findings = all_schema_findings(path, &fixture(path));
        let mut counts = std::collections::BTreeMap::new();
        for f in &findings {
            *counts.entry(f.rule).or_insert(0usize) += 1;
        }
        let summary: Vec<String> = counts.iter().map(|(rule, n)| format!("{rule}: {n}")).collect();
        format!("{} findings ({})\n\n{}", findings.len(), summary.join(", "), listing(&findings))
    }

    #[test]
    fn pagila() {
        insta::assert_snapshot!(run("crates/pgsight-core/tests/fixtures/sql/pagila/pagila-schema.sql"));
    }

    #[test]
    fn shop() {
        insta::assert_snapshot!(run("tests/schemas/shop.sql"));
    }

    #[test]
    fn tracker() {
        insta::assert_snapshot!(run("tests/schemas/tracker.sql"));
    }
}
