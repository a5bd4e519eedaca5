//! The volatility of a column default: whether `ADD COLUMN ... DEFAULT expr` can
//! store one value in the catalog (immutable or stable: PostgreSQL 11 evaluates it
//! once) or must compute a value for every existing row (volatile: a rewrite).

use std::ops::ControlFlow;

use sqlparser::ast::{visit_expressions, Expr, FunctionArguments};

use crate::sql::functions::{call_volatility, Volatility};

/// The most volatile call in an expression, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprVolatility {
    pub volatility: Volatility,
    /// The call that decides it, as written: `gen_random_uuid()`.
    pub culprit: Option<String>,
    pub reason: Option<&'static str>,
}

/// Walks every function call in `expr`; functions the shared list does not know
/// count as immutable.
pub fn of_expr(expr: &Expr) -> ExprVolatility {
    let mut worst = ExprVolatility { volatility: Volatility::Immutable, culprit: None, reason: None };
    let _ = visit_expressions(expr, |e| {
        if let Expr::Function(function) = e {
            let arguments = match &function.args {
                FunctionArguments::List(list) => list.args.len(),
                FunctionArguments::None | FunctionArguments::Subquery(_) => 0,
            };
            let (volatility, reason) = call_volatility(&function.name.to_string(), arguments, false);
            if volatility > worst.volatility {
                worst = ExprVolatility { volatility, culprit: Some(e.to_string()), reason };
            }
        }
        ControlFlow::<()>::Continue(())
    });
    worst
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::PostgreSqlDialect;
    use sqlparser::parser::Parser;

    fn volatility(sql: &str) -> Volatility {
        let expr = Parser::new(&PostgreSqlDialect {}).try_with_sql(sql).and_then(|mut p| p.parse_expr()).expect("expression");
        of_expr(&expr).volatility
    }

    #[test]
    fn stable_defaults_are_evaluated_once() {
        for sql in ["now()", "current_timestamp", "CURRENT_DATE", "statement_timestamp()", "now() + interval '1 day'"] {
            assert_eq!(volatility(sql), Volatility::Stable, "{sql}");
        }
        for sql in ["0", "'pending'", "false", "'{}'::jsonb", "lower('A')", "'now'::timestamptz"] {
            assert_eq!(volatility(sql), Volatility::Immutable, "{sql}");
        }
    }

    #[test]
    fn volatile_defaults_are_evaluated_per_row() {
        for sql in ["random()", "gen_random_uuid()", "clock_timestamp()", "nextval('orders_id_seq'::regclass)", "md5(random()::text)", "uuid_generate_v4()"] {
            assert_eq!(volatility(sql), Volatility::Volatile, "{sql}");
        }
        let e = Parser::new(&PostgreSqlDialect {}).try_with_sql("coalesce(gen_random_uuid(), null)").and_then(|mut p| p.parse_expr()).expect("expr");
        assert_eq!(of_expr(&e).culprit.as_deref(), Some("gen_random_uuid()"));
    }
}
