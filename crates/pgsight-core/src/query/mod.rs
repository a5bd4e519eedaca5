//! Reading SQL queries for the query rules, from sqlparser's AST (never from the
//! text: a `'%x%'` inside a string literal or a comment is not a LIKE).
//!
//! - [`params`]: JDBC-style `?` parameters, which sqlparser's PostgreSQL dialect
//!   reads as the jsonb `?` operator, renamed `$n` so the statement parses.
//! - [`walk`]: every SELECT, UPDATE and DELETE of a statement with its FROM clause,
//!   and the expressions of one block without those of its subqueries.
//! - [`scope`]: the relations a FROM clause names, column resolution, and what the
//!   schema catalog knows of them (column types, indexes).
//! - [`expr`]: conjuncts, column references, literals, canonical expressions, and
//!   splicing rewritten SQL into a printed statement.
//! - [`shape`]: a statement with its literals taken out, to spot the same query
//!   repeated with different values.

use std::borrow::Cow;
use std::collections::HashMap;

use sqlparser::ast::Statement;
use sqlparser::tokenizer::Span;

use crate::report::{Finding, InputKind, Location};
use crate::rules::{AnalyzedScript, Category, Context};
use crate::sql::{ParsedStatement, StatementClass};

pub mod expr;
pub mod params;
pub mod scope;
pub mod shape;
pub mod walk;

/// One statement of a query input, read by sqlparser.
#[derive(Debug)]
pub struct QueryStatement<'a> {
    pub script: &'a AnalyzedScript,
    pub parsed: &'a ParsedStatement,
    pub statement: Cow<'a, Statement>,
    /// `?` parameters were renamed `$n` to read it (printed SQL shows `$n`).
    pub renamed_parameters: bool,
}

/// Every statement of every query input that sqlparser reads, in input order.
/// Statements it rejected only for their `?` parameters are read again with the
/// parameters renamed (see [`params`]).
pub fn statements(ctx: &Context) -> Vec<QueryStatement<'_>> {
    let mut found = Vec::new();
    for script in ctx.scripts(InputKind::Query) {
        for parsed in &script.script.statements {
            let (statement, renamed_parameters) = match &parsed.class {
                StatementClass::Parsed { statement, .. } => (Cow::Borrowed(statement.as_ref()), false),
                StatementClass::Unknown { .. } => match params::parse_with_question_marks(&parsed.sql) {
                    Some(statement) => (Cow::Owned(statement), true),
                    None => continue,
                },
                _ => continue,
            };
            found.push(QueryStatement { script, parsed, statement, renamed_parameters });
        }
    }
    found
}

impl QueryStatement<'_> {
    /// Where the statement starts.
    pub fn location(&self) -> Location {
        self.script.location(self.parsed)
    }

    /// Where an AST node starts, in the file; the statement's start when sqlparser
    /// gave the node no span.
    pub fn location_at(&self, span: Span) -> Location {
        match self.file_position(span.start) {
            Some((line, column)) => Location { line: Some(line), column: Some(column), ..self.location() },
            None => self.location(),
        }
    }

    /// sqlparser's positions are relative to the statement's text (line 1 is the
    /// statement's first line); the statement's span places them in the file.
    fn file_position(&self, at: sqlparser::tokenizer::Location) -> Option<(u32, u32)> {
        let (line, column) = (u32::try_from(at.line).ok()?, u32::try_from(at.column).ok()?);
        if line == 0 {
            return None;
        }
        let local = crate::position::byte_offset(&self.parsed.sql, line, column)?;
        let (line, column) = crate::position::line_column(&self.parsed.sql, local);
        let span = &self.parsed.span;
        Some(if line == 1 { (span.line, span.column + column - 1) } else { (span.line + line - 1, column) })
    }

    /// The statement's text as written, on one line, shortened for evidence.
    pub fn excerpt(&self) -> String {
        excerpt(&self.parsed.sql, 160)
    }

    /// The statement as sqlparser prints it, with its semicolon: the base of
    /// rewritten SQL.
    pub fn printed(&self) -> String {
        format!("{};", self.statement)
    }
}

/// `text` on one line with runs of whitespace collapsed, cut at `max` characters.
pub fn excerpt(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max).collect();
    format!("{} ...", cut.trim_end())
}

/// Collects a rule's query findings, keeping one finding per rule, title and
/// statement shape: the same query pasted fifty times from a log is one finding that
/// says how many statements it stands for (`repeated-query` reports the repetition).
pub struct Findings<'o> {
    out: &'o mut Vec<Finding>,
    seen: HashMap<(usize, String, String), (usize, usize)>,
}

impl<'o> Findings<'o> {
    pub fn new(out: &'o mut Vec<Finding>) -> Self {
        Findings { out, seen: HashMap::new() }
    }

    /// Adds `finding` about `statement`, as a query finding.
    pub fn push(&mut self, statement: &QueryStatement, mut finding: Finding) {
        finding.category = Category::Query;
        let key = (statement.script.input, shape::shape(&statement.statement), finding.title.clone());
        match self.seen.get_mut(&key) {
            Some((_, repeats)) => *repeats += 1,
            None => {
                self.seen.insert(key, (self.out.len(), 1));
                self.out.push(finding);
            }
        }
    }

    /// Notes on each finding how many statements of the same shape it stands for.
    pub fn finish(self) {
        let mut repeated: Vec<(usize, usize)> = self.seen.into_values().filter(|(_, n)| *n > 1).collect();
        repeated.sort_unstable();
        for (index, n) in repeated {
            let finding = &mut self.out[index];
            finding.evidence.push(crate::report::Evidence {
                label: "Statements of this shape".to_owned(),
                value: format!("{n} (this finding stands for all of them)"),
            });
        }
    }
}

/// Test helpers: query fixtures live in `crates/pgsight-core/tests/fixtures/queries/`.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::rules::test_support::fixture;
    use crate::{analyze, Config, Finding, Input, InputKind};

    pub const FIXTURES: &str = "crates/pgsight-core/tests/fixtures/queries";

    /// Findings of rule `id` on the query fixture `queries` (relative to
    /// [`FIXTURES`]), with the schema fixture `schema` when given.
    pub fn findings(queries: &str, schema: Option<&str>, id: &str) -> Vec<Finding> {
        let mut inputs = Vec::new();
        if let Some(schema) = schema {
            let path = format!("{FIXTURES}/{schema}");
            inputs.push(Input::new(InputKind::Schema, path.clone(), fixture(&path)));
        }
        let path = format!("{FIXTURES}/{queries}");
        inputs.push(Input::new(InputKind::Query, path.clone(), fixture(&path)));
        let report = analyze(&inputs, &Config::default());
        report.findings.into_iter().filter(|f| f.rule == id).collect()
    }

    /// Findings of rule `id` on SQL text.
    pub fn findings_in(sql: &str, schema: Option<&str>, id: &str) -> Vec<Finding> {
        let mut inputs = Vec::new();
        if let Some(schema) = schema {
            inputs.push(Input::new(InputKind::Schema, "schema.sql", schema));
        }
        inputs.push(Input::new(InputKind::Query, "queries.sql", sql));
        let report = analyze(&inputs, &Config::default());
        report.findings.into_iter().filter(|f| f.rule == id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::findings_in;

    /// `?`, `:name` and `$1` parameters all parse, and a jsonb `?` stays an operator.
    #[test]
    fn every_parameter_style_parses() {
        use super::test_support::findings;
        let path = "parameters/styles.sql";
        let like = findings(path, Some("schema.sql"), "leading-wildcard-like");
        let lines: Vec<Option<u32>> = like.iter().map(|f| f.location.line).collect();
        assert_eq!(lines, vec![Some(2), Some(8)], "{like:#?}");
        assert!(like[0].title.contains("'%' || $2 || '%'"), "{}", like[0].title);
        let offset = findings(path, Some("schema.sql"), "large-offset");
        assert_eq!(offset.len(), 1, "{offset:#?}");
        assert_eq!(offset[0].location.line, Some(5));
        assert!(offset[0].fix.sql.as_deref().is_some_and(|s| s.contains("customer_id = :customer_id AND (created_at, id) > ($1, $2) ORDER BY created_at, id LIMIT :page_size;")), "{:?}", offset[0].fix.sql);
        let jsonb = findings(path, Some("schema.sql"), "jsonb-filter-unindexed");
        assert_eq!(jsonb.len(), 1, "{jsonb:#?}");
        assert_eq!(jsonb[0].location.line, Some(11));
        assert!(jsonb[0].fix.sql.as_deref().is_some_and(|s| s.ends_with("USING gin (payload);")), "{:?}", jsonb[0].fix.sql);
    }

    /// The same finding on statements that differ only in literals is reported once.
    #[test]
    fn repeated_statements_make_one_finding() {
        let sql = "SELECT * FROM orders WHERE id = 1;\nSELECT * FROM orders WHERE id = 2;\nSELECT * FROM customers WHERE id = 3;";
        let f = findings_in(sql, None, "select-star");
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f[0].evidence.iter().any(|e| e.label == "Statements of this shape" && e.value.starts_with("2 ")), "{:#?}", f[0].evidence);
    }

    #[test]
    fn excerpts_are_one_line() {
        assert_eq!(super::excerpt("SELECT a\n  FROM t", 100), "SELECT a FROM t");
        assert_eq!(super::excerpt("SELECT abcdef", 8), "SELECT a ...");
    }

    /// A finding inside a statement that starts mid-line points at the file's line and
    /// column, not the statement's.
    #[test]
    fn positions_are_the_files() {
        let sql = "SELECT 1; SELECT id FROM t\n  WHERE name LIKE '%son';";
        let f = findings_in(sql, None, "leading-wildcard-like");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].location.line, f[0].location.column), (Some(2), Some(9)));
        let sql = "SELECT 1; SELECT id FROM t WHERE name LIKE '%son';";
        let f = findings_in(sql, None, "leading-wildcard-like");
        assert_eq!((f[0].location.line, f[0].location.column), (Some(1), Some(34)));
    }
}
