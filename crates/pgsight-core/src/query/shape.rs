//! A statement's shape: the statement with every literal replaced by `?` and lists
//! of literals (`IN (1, 2, 3)`) collapsed to one, so that the statements an N+1 loop
//! sends compare equal. Parameters (`$1`, `:name`) are part of the shape.

use std::ops::ControlFlow;

use sqlparser::ast::{visit_expressions_mut, Expr, Statement, Value, ValueWithSpan, Visit, VisitMut, Visitor, VisitorMut};

/// The statement with its literals taken out, printed.
pub fn shape(statement: &Statement) -> String {
    let mut statement = statement.clone();
    let _ = visit_expressions_mut(&mut statement, |e| {
        if let Expr::InList { list, .. } = e {
            if list.len() > 1 && list.iter().all(super::expr::is_literal) {
                list.truncate(1);
            }
        }
        ControlFlow::<()>::Continue(())
    });
    let _ = VisitMut::visit(&mut statement, &mut Blank);
    statement.to_string()
}

/// The statement's literals, printed, in the order [`Marked`] numbers them.
pub fn literals(statement: &Statement) -> Vec<String> {
    let mut collector = Literals(Vec::new());
    let _ = Visit::visit(statement, &mut collector);
    collector.0
}

fn is_literal(value: &Value) -> bool {
    !matches!(value, Value::Placeholder(_))
}

struct Blank;

impl VisitorMut for Blank {
    type Break = ();

    fn post_visit_value(&mut self, value: &mut ValueWithSpan) -> ControlFlow<()> {
        if is_literal(&value.value) {
            value.value = Value::Placeholder("?".to_owned());
        }
        ControlFlow::Continue(())
    }
}

struct Literals(Vec<String>);

impl Visitor for Literals {
    type Break = ();

    fn post_visit_value(&mut self, value: &ValueWithSpan) -> ControlFlow<()> {
        if is_literal(&value.value) {
            self.0.push(value.value.to_string());
        }
        ControlFlow::Continue(())
    }
}

/// The marker that stands for literal number `n` in a [`marked`] statement.
pub fn marker(n: usize) -> String {
    format!("$pgsight_literal_{n}")
}

/// The statement with literal number `n` (in [`literals`] order) replaced by the
/// placeholder [`marker`]`(n)`, so a rule can find it in the AST.
pub fn marked(statement: &Statement) -> Statement {
    let mut statement = statement.clone();
    let _ = VisitMut::visit(&mut statement, &mut Marked(0));
    statement
}

struct Marked(usize);

impl VisitorMut for Marked {
    type Break = ();

    fn post_visit_value(&mut self, value: &mut ValueWithSpan) -> ControlFlow<()> {
        if is_literal(&value.value) {
            value.value = Value::Placeholder(marker(self.0));
            self.0 += 1;
        }
        ControlFlow::Continue(())
    }
}

/// Literal number `n` when `expr` is its marker.
pub fn marker_index(expr: &Expr) -> Option<usize> {
    match super::expr::unnest(expr) {
        Expr::Value(v) => match &v.value {
            Value::Placeholder(p) => p.strip_prefix("$pgsight_literal_")?.parse().ok(),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(sql: &str) -> Statement {
        crate::sql::parse_script(sql).statements.remove(0).statement().expect("parsed").clone()
    }

    #[test]
    fn literals_do_not_change_the_shape() {
        let a = statement("SELECT * FROM orders WHERE customer_id = 17 AND status IN ('open', 'paid')");
        let b = statement("SELECT * FROM orders WHERE customer_id = 42 AND status IN ('open')");
        assert_eq!(shape(&a), shape(&b));
        assert_eq!(shape(&a), "SELECT * FROM orders WHERE customer_id = ? AND status IN (?)");
        assert_ne!(shape(&a), shape(&statement("SELECT * FROM orders WHERE customer_id = $1 AND status IN ('open')")));
        assert_eq!(literals(&a), vec!["17", "'open'", "'paid'"]);
    }

    #[test]
    fn markers_number_literals_in_order() {
        let m = marked(&statement("SELECT * FROM t WHERE a = 1 AND b = 'x'"));
        assert_eq!(m.to_string(), "SELECT * FROM t WHERE a = $pgsight_literal_0 AND b = $pgsight_literal_1");
    }
}
