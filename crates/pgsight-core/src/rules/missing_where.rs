use sqlparser::ast::Statement;

use super::Context;
use crate::query::scope::Scope;
use crate::query::walk::{self, BlockKind};
use crate::query::{self, Findings, QueryStatement};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds an `UPDATE` or `DELETE` without a `WHERE` clause in a query input. It
    /// is an error: the statement changes every row of the table.
    ///
    /// ## Why it matters
    /// A forgotten WHERE is the classic way to lose data: `DELETE FROM orders;` runs
    /// without complaint and empties the table, `UPDATE customers SET email = ...`
    /// gives every customer the same email. Once committed, only a backup brings
    /// the rows back. Even when every row is meant, the statement locks every row
    /// until it commits and writes a new version of each (WAL, bloat).
    ///
    /// ## Example
    /// ```sql
    /// UPDATE customers SET city = 'Paris';
    /// ```
    ///
    /// ## Fix
    /// Add the WHERE clause that names the rows meant:
    /// ```sql
    /// UPDATE customers SET city = 'Paris' WHERE id = $1;
    /// ```
    /// When every row really is meant, write `WHERE true` so that the intent is
    /// visible, run it in batches on a large table, and prefer `TRUNCATE` to empty
    /// one.
    id: "missing-where",
    category: Query,
    severity: Error,
    summary: "UPDATE or DELETE without WHERE changes every row",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut findings = Findings::new(out);
    for q in query::statements(ctx) {
        let mut found = Vec::new();
        walk::for_each_block(&q.statement, |block| {
            if block.kind == BlockKind::Select || block.selection.is_some() {
                return;
            }
            let scope = Scope::new(&block.from, block.ctes, ctx.catalog.as_ref());
            let target = scope.relations.first().map(|r| r.display()).unwrap_or_else(|| "?".to_owned());
            let joined: Vec<String> = scope.relations.iter().skip(1).map(|r| r.display()).collect();
            found.push((block.kind, target, joined));
        });
        for (kind, target, joined) in found {
            findings.push(&q, finding(&q, kind, &target, &joined));
        }
    }
    findings.finish();
}

fn finding(q: &QueryStatement, kind: BlockKind, table: &str, joined: &[String]) -> Finding {
    let (verb, does, what) = match kind {
        BlockKind::Delete => ("DELETE", "deletes", "removes"),
        _ => ("UPDATE", "updates", "changes"),
    };
    let join_text = if joined.is_empty() {
        String::new()
    } else {
        format!(
            " It also reads {} ({}), and without a WHERE nothing ties those rows to the rows of {table}: each row of {table} is matched with any of them.",
            joined.join(", "),
            if kind == BlockKind::Delete { "USING" } else { "FROM" }
        )
    };
    let mut f = Finding::new(
        &META,
        format!("{verb} without WHERE {what} every row of {table}"),
        format!(
            "This {verb} has no WHERE clause: it {does} every row of {table}.{join_text} \
             A forgotten WHERE is the classic way to lose data: once committed, the old rows are gone and only a backup brings them back."
        ),
    )
    .location(q.location())
    .evidence("Statement", q.excerpt())
    .evidence("WHERE", "none");
    if let Statement::Update(update) = q.statement.as_ref() {
        let set: Vec<String> = update.assignments.iter().map(ToString::to_string).collect();
        f = f.evidence("SET", set.join(", "));
    }
    let intent = match kind {
        BlockKind::Delete => format!(
            "If every row really is meant, write `WHERE true` so that the intent is visible in review, and consider TRUNCATE {table} instead: it empties the table at once and gives its space back, but takes an ACCESS EXCLUSIVE lock and does not fire DELETE triggers."
        ),
        _ => "If every row really is meant, write `WHERE true` so that the intent is visible in review, and on a large table update it in batches by key range (WHERE id >= $1 AND id < $2), each batch its own transaction, so that locks and WAL stay small.".to_owned(),
    };
    f.impact(Impact { text: format!("The statement touches only the rows the WHERE names instead of every row of {table}."), ..Impact::default() })
        .fix(None, format!("Add the WHERE clause that names the rows meant (usually the primary key: WHERE id = $1). {intent}"))
        .risk(format!(
            "As written, the {verb} locks every row of {table} until it commits, blocking every other writer of those rows, and writes a new version of each (WAL volume, dead rows that bloat the table until VACUUM). \
             Run a statement like this in a transaction and check the row count it reports before COMMIT."
        ))
        .rollback(
            None,
            format!("Nothing to undo for the fix: it only narrows the statement. If the {verb} as written already ran and committed, it is irreversible without a backup (restore, or point-in-time recovery to just before it)."),
        )
}

#[cfg(test)]
mod tests {
    use crate::query::test_support::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_update_and_delete_without_where() {
        let f = findings("missing-where/fires.sql", Some("schema.sql"), super::META.id);
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(f[0].severity, crate::Severity::Error);
        insta::assert_snapshot!(render(&f[0]));
        assert!(f[1].title.starts_with("DELETE without WHERE removes every row of public.orders"), "{}", f[1].title);
    }

    #[test]
    fn quiet_with_a_where() {
        let f = findings("missing-where/quiet.sql", None, super::META.id);
        assert!(f.is_empty(), "{f:#?}");
    }
}
