//! Expression helpers: conjuncts, column references, literals, a canonical form to
//! compare a query's expression with an index's, and splicing SQL into a printed
//! statement.

use std::ops::ControlFlow;

use sqlparser::ast::{
    visit_expressions_mut, BinaryOperator, CastKind, DataType, Expr, Function, FunctionArg, FunctionArgExpr, FunctionArguments, Ident,
    ObjectName, ObjectNamePart, Spanned, Statement, TableFactor, Value, Visit, VisitMut, Visitor, VisitorMut,
};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::Span;

use crate::sql::names::fold_ident;

/// A column reference, case-folded: `o.customer_id` → qualifier `["o"]`, name
/// `customer_id`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ColumnName {
    pub qualifier: Vec<String>,
    pub name: String,
}

impl ColumnName {
    /// As SQL, quoted where needed: `o.customer_id`.
    pub fn sql(&self) -> String {
        let mut parts: Vec<String> = self.qualifier.iter().map(|q| crate::rules::fixsql::quote_ident(q)).collect();
        parts.push(crate::rules::fixsql::quote_ident(&self.name));
        parts.join(".")
    }
}

/// The expression without redundant parentheses.
pub fn unnest(mut expr: &Expr) -> &Expr {
    while let Expr::Nested(inner) = expr {
        expr = inner;
    }
    expr
}

/// `col`, `t.col`, `s.t.col` (parentheses allowed).
pub fn column_name(expr: &Expr) -> Option<ColumnName> {
    match unnest(expr) {
        Expr::Identifier(ident) => Some(ColumnName { qualifier: Vec::new(), name: fold_ident(ident) }),
        Expr::CompoundIdentifier(parts) if parts.len() >= 2 => {
            let folded: Vec<String> = parts.iter().map(fold_ident).collect();
            let (name, qualifier) = folded.split_last()?;
            Some(ColumnName { qualifier: qualifier.to_vec(), name: name.clone() })
        }
        _ => None,
    }
}

/// The top-level AND conjuncts of `expr`.
pub fn conjuncts(expr: &Expr) -> Vec<&Expr> {
    match unnest(expr) {
        Expr::BinaryOp { left, op: BinaryOperator::And, right } => {
            let mut all = conjuncts(left);
            all.extend(conjuncts(right));
            all
        }
        other => vec![other],
    }
}

/// Visits the expressions of one query block: subqueries are left out (they are
/// blocks of their own).
struct OwnExpressions<F> {
    depth: usize,
    f: F,
}

impl<F: FnMut(&Expr)> Visitor for OwnExpressions<F> {
    type Break = ();

    fn pre_visit_query(&mut self, _query: &sqlparser::ast::Query) -> ControlFlow<()> {
        self.depth += 1;
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, _query: &sqlparser::ast::Query) -> ControlFlow<()> {
        self.depth -= 1;
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<()> {
        if self.depth == 0 {
            (self.f)(expr);
        }
        ControlFlow::Continue(())
    }
}

/// Calls `f` on `expr` and every expression inside it, outside subqueries.
pub fn each_expr(expr: &Expr, f: impl FnMut(&Expr)) {
    let _ = expr.visit(&mut OwnExpressions { depth: 0, f });
}

/// The columns `expr` mentions outside subqueries.
pub fn columns_in(expr: &Expr) -> Vec<ColumnName> {
    let mut found = Vec::new();
    each_expr(expr, |e| {
        if matches!(e, Expr::Identifier(_) | Expr::CompoundIdentifier(_)) {
            found.extend(column_name(e));
        }
    });
    found
}

/// Whether `expr` holds a subquery.
pub fn has_subquery(expr: &Expr) -> bool {
    let mut found = false;
    each_expr(expr, |e| found |= matches!(e, Expr::Subquery(_) | Expr::Exists { .. } | Expr::InSubquery { .. }));
    found
}

/// A value known before any row is read: literals, parameters, and functions and
/// operators over those (`now() - interval '7 days'`), with no column or subquery.
pub fn is_value(expr: &Expr) -> bool {
    columns_in(expr).is_empty() && !has_subquery(expr)
}

/// The literal's text when `expr` is a string literal, through casts.
pub fn string_literal(expr: &Expr) -> Option<&str> {
    match unnest(expr) {
        Expr::Value(v) => match &v.value {
            Value::SingleQuotedString(s) | Value::EscapedStringLiteral(s) => Some(s),
            Value::DollarQuotedString(d) => Some(&d.value),
            _ => None,
        },
        Expr::Cast { expr, .. } => string_literal(expr),
        _ => None,
    }
}

/// The number when `expr` is a numeric literal (or a string holding one).
pub fn number_literal(expr: &Expr) -> Option<f64> {
    match unnest(expr) {
        Expr::Value(v) => match &v.value {
            Value::Number(n, _) => n.parse().ok(),
            _ => None,
        },
        Expr::Cast { expr, .. } => number_literal(expr),
        _ => None,
    }
}

/// Whether `expr` is a literal (not a parameter): `'open'`, `42`, `true`, `NULL`.
pub fn is_literal(expr: &Expr) -> bool {
    match unnest(expr) {
        Expr::Value(v) => !matches!(v.value, Value::Placeholder(_)),
        Expr::Cast { expr, .. } => is_literal(expr),
        Expr::UnaryOp { expr, .. } => is_literal(expr),
        _ => false,
    }
}

/// A function's name, lower case, without schema: `pg_catalog.lower` → `lower`.
pub fn function_name(f: &Function) -> String {
    match f.name.0.last() {
        Some(ObjectNamePart::Identifier(ident)) => fold_ident(ident),
        _ => f.name.to_string().to_ascii_lowercase(),
    }
}

/// A function's plain positional arguments; `None` when it has others (`*`,
/// named arguments, ORDER BY inside the call, FILTER, OVER).
pub fn function_args(f: &Function) -> Option<Vec<&Expr>> {
    if f.over.is_some() || f.filter.is_some() || !f.within_group.is_empty() {
        return None;
    }
    match &f.args {
        FunctionArguments::None => Some(Vec::new()),
        FunctionArguments::List(list) if list.clauses.is_empty() && list.duplicate_treatment.is_none() => list
            .args
            .iter()
            .map(|a| match a {
                FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => Some(e),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

/// Whether `f` is an aggregate count: `count(*)`, `count(1)`, `count(col)`.
pub fn is_count(f: &Function) -> bool {
    function_name(f) == "count" && f.over.is_none()
}

/// A type as PostgreSQL's catalog spells it, lower case: `DATE` → `date`,
/// `VARCHAR(20)` → `character varying(20)`.
pub fn type_name(data_type: &DataType) -> String {
    crate::sql::catalog::types::normalize(&data_type.to_string())
}

/// Parses one expression.
pub fn parse_expr(text: &str) -> Option<Expr> {
    Parser::new(&PostgreSqlDialect {}).try_with_sql(text).ok()?.parse_expr().ok()
}

/// `expr` without table qualifiers on its columns: `o.email` → `email`.
pub fn without_qualifiers(expr: &Expr) -> Expr {
    let mut expr = expr.clone();
    let _ = visit_expressions_mut(&mut expr, |e| {
        if let Expr::CompoundIdentifier(parts) = e {
            if let Some(last) = parts.last() {
                *e = Expr::Identifier(last.clone());
            }
        }
        ControlFlow::<()>::Continue(())
    });
    expr
}

/// A form of `expr` in which an index's expression and a query's compare equal when
/// PostgreSQL would match them: no table qualifiers, no redundant parentheses, no
/// `::text` on string literals and columns (pg_dump adds them), unquoted names folded and
/// function names in lower case.
pub fn canonical(expr: &Expr) -> String {
    let mut expr = without_qualifiers(expr);
    let _ = visit_expressions_mut(&mut expr, |e| {
        match e {
            Expr::Nested(inner) => *e = (**inner).clone(),
            // pg_dump writes `'key'::text` and `(varchar_col)::text` where the query
            // writes `'key'` and `varchar_col`.
            Expr::Cast { expr: inner, data_type, .. }
                if (string_literal(inner).is_some() || matches!(unnest(inner), Expr::Identifier(_)))
                    && matches!(type_name(data_type).as_str(), "text" | "character varying") =>
            {
                *e = (**inner).clone()
            }
            Expr::Identifier(ident) if ident.quote_style.is_none() => ident.value = ident.value.to_ascii_lowercase(),
            Expr::Function(f) => {
                let name = function_name(f);
                f.name = ObjectName(vec![ObjectNamePart::Identifier(Ident::new(name))]);
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    expr.to_string()
}

/// ANDs `condition` to a WHERE clause (parenthesizing an OR already there).
pub fn add_condition(selection: &mut Option<Expr>, condition: Expr) {
    *selection = Some(match selection.take() {
        None => condition,
        Some(existing) => {
            let left = match &existing {
                Expr::BinaryOp { op: BinaryOperator::Or, .. } => Expr::Nested(Box::new(existing)),
                _ => existing,
            };
            Expr::BinaryOp { left: Box::new(left), op: BinaryOperator::And, right: Box::new(condition) }
        }
    });
}

/// The highest `$n` parameter in `statement` (0 when none).
pub fn highest_parameter(statement: &Statement) -> usize {
    let mut highest = 0;
    let _ = sqlparser::ast::visit_expressions(statement, |e| {
        if let Expr::Value(v) = e {
            if let Value::Placeholder(p) = &v.value {
                if let Some(n) = p.strip_prefix('$').and_then(|n| n.parse::<usize>().ok()) {
                    highest = highest.max(n);
                }
            }
        }
        ControlFlow::<()>::Continue(())
    });
    highest
}

/// Rewrites a statement by replacing AST nodes with SQL text: each replaced node
/// becomes a marker identifier, the statement is printed, and the markers are
/// swapped for the text.
pub struct Splice {
    statement: Statement,
    replacements: Vec<(String, String)>,
}

impl Splice {
    pub fn new(statement: &Statement) -> Self {
        Splice { statement: statement.clone(), replacements: Vec::new() }
    }

    fn marker(&mut self, text: String) -> String {
        let marker = format!("pgsight_splice_{}", self.replacements.len());
        self.replacements.push((marker.clone(), text));
        marker
    }

    /// A placeholder expression that prints as `text`, to put into the AST through
    /// [`Splice::statement_mut`].
    pub fn marker_expr(&mut self, text: impl Into<String>) -> Expr {
        Expr::Identifier(Ident::new(self.marker(text.into())))
    }

    /// Replaces the expression equal to `target` at `target`'s position with `text`.
    /// Returns whether it was found.
    pub fn expr(&mut self, target: &Expr, text: impl Into<String>) -> bool {
        let marker = self.marker(text.into());
        let span = target.span();
        let mut found = false;
        let _ = visit_expressions_mut(&mut self.statement, |e| {
            if !found && e == target && e.span() == span {
                *e = Expr::Identifier(Ident::new(marker.clone()));
                found = true;
            }
            ControlFlow::<()>::Continue(())
        });
        found
    }

    /// Replaces the table factor equal to `target` at its position with `text`.
    pub fn table_factor(&mut self, target: &TableFactor, text: impl Into<String>) -> bool {
        let marker = self.marker(text.into());
        let mut visitor = ReplaceFactor { target, span: target.span(), marker, found: false };
        let _ = VisitMut::visit(&mut self.statement, &mut visitor);
        visitor.found
    }

    /// Changes the statement's AST directly.
    pub fn statement_mut(&mut self) -> &mut Statement {
        &mut self.statement
    }

    /// The rewritten statement, with its semicolon.
    pub fn sql(&self) -> String {
        let mut sql = format!("{};", self.statement);
        for (marker, text) in &self.replacements {
            sql = sql.replace(marker.as_str(), text);
        }
        sql
    }
}

struct ReplaceFactor<'t> {
    target: &'t TableFactor,
    span: Span,
    marker: String,
    found: bool,
}

impl VisitorMut for ReplaceFactor<'_> {
    type Break = ();

    fn post_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<()> {
        if !self.found && factor == self.target && factor.span() == self.span {
            *factor = TableFactor::Table {
                name: ObjectName(vec![ObjectNamePart::Identifier(Ident::new(self.marker.clone()))]),
                alias: None,
                args: None,
                with_hints: Vec::new(),
                version: None,
                with_ordinality: false,
                partitions: Vec::new(),
                json_path: None,
                sample: None,
                index_hints: Vec::new(),
            };
            self.found = true;
        }
        ControlFlow::Continue(())
    }
}

/// `expr::type` written the way PostgreSQL users do: `created_at::date`.
pub fn is_double_colon_cast(expr: &Expr) -> bool {
    matches!(unnest(expr), Expr::Cast { kind: CastKind::DoubleColon, .. })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(text: &str) -> Expr {
        parse_expr(text).expect(text)
    }

    #[test]
    fn canonical_forms_match_pg_dump_and_queries() {
        assert_eq!(canonical(&e("(o.data ->> 'type'::text)")), canonical(&e("data->>'type'")));
        assert_eq!(canonical(&e("LOWER(c.email)")), "lower(email)");
        assert_ne!(canonical(&e("data->>'type'")), canonical(&e("data->>'kind'")));
    }

    #[test]
    fn values_mention_no_column() {
        assert!(is_value(&e("now() - interval '7 days'")));
        assert!(is_value(&e("$1")));
        assert!(!is_value(&e("o.created_at + 1")));
        assert!(!is_value(&e("(SELECT max(id) FROM t)")));
    }

    #[test]
    fn splices_text_into_the_printed_statement() {
        let statement = crate::sql::parse_script("SELECT a FROM t WHERE lower(a) = 'x' AND b = 1").statements.remove(0);
        let statement = statement.statement().expect("parsed").clone();
        let sqlparser::ast::Statement::Query(q) = &statement else { panic!() };
        let sqlparser::ast::SetExpr::Select(s) = q.body.as_ref() else { panic!() };
        let target = conjuncts(s.selection.as_ref().expect("where"))[0].clone();
        let mut splice = Splice::new(&statement);
        assert!(splice.expr(&target, "a = 'x'"));
        assert_eq!(splice.sql(), "SELECT a FROM t WHERE a = 'x' AND b = 1;");
    }
}
