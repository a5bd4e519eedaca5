use sqlparser::ast::{ColumnOption, Ident, TableConstraint};

use super::Context;
use crate::migration::fix::{column_def_without, lock_context, lock_evidence, lock_on};
use crate::migration::ops::{AddColumn, AddConstraint, ConstraintKind, Op, TableRef};
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::names::quote_ident;

declare_rule! {
    /// ## What it does
    /// Finds a foreign key added to an existing table without `NOT VALID`:
    /// `ADD [CONSTRAINT ...] FOREIGN KEY`, or `ADD COLUMN ... REFERENCES`.
    ///
    /// ## Why it matters
    /// Adding a foreign key checks every existing row against the referenced
    /// table, and holds SHARE ROW EXCLUSIVE on both tables for the whole check:
    /// writes to both wait. With `NOT VALID` the constraint is added at once (new
    /// rows are checked from then on), and `VALIDATE CONSTRAINT` checks the old rows
    /// later under SHARE UPDATE EXCLUSIVE, which lets reads and writes through.
    ///
    /// ## Example
    /// ```sql
    /// ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
    /// ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;
    /// ```
    /// Run the VALIDATE in its own transaction.
    id: "add-foreign-key-not-valid",
    category: Migration,
    severity: Warning,
    summary: "A foreign key added without NOT VALID checks every row while writes wait",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            for op in &step.ops {
                match op {
                    Op::AddConstraint(c) if c.kind == ConstraintKind::ForeignKey && !c.not_valid && !c.table.new => {
                        out.push(on_constraint(&migration, step, c));
                    }
                    Op::AddColumn(a) if a.references.is_some() && !a.table.new => out.push(on_column(&migration, step, a)),
                    _ => {}
                }
            }
        }
    }
}

fn validate_pair(table: &TableRef, name: &str, body: &str) -> String {
    let name = quote_ident(name);
    format!("ALTER TABLE {t} ADD CONSTRAINT {name} {body} NOT VALID;\nALTER TABLE {t} VALIDATE CONSTRAINT {name};", t = table.sql)
}

fn on_constraint(migration: &Migration, step: &Step, c: &AddConstraint) -> Finding {
    let referenced = c.referenced.as_ref().map_or_else(|| "the referenced table".to_owned(), TableRef::qualified);
    let sql = validate_pair(&c.table, &c.name, &c.body);
    finish(migration, step, &c.table, &referenced, &c.name, format!("Foreign key {} on {} checks every row while writes wait", c.name, c.table.qualified()), sql)
}

fn on_column(migration: &Migration, step: &Step, a: &AddColumn) -> Finding {
    let referenced = a.references.as_ref().map_or_else(String::new, TableRef::qualified);
    let name = format!("{}_{}_fkey", a.table.name.name, a.column);
    let fk = a.def.options.iter().find_map(|o| match &o.option {
        ColumnOption::ForeignKey(fk) => Some(fk.clone()),
        _ => None,
    });
    let column = column_def_without(&a.def, |o| matches!(o, ColumnOption::ForeignKey(_)));
    let sql = match fk {
        Some(mut fk) => {
            fk.name = None;
            fk.columns = vec![Ident::new(a.column.clone())];
            let body = TableConstraint::ForeignKey(fk).to_string();
            format!("ALTER TABLE {} ADD COLUMN {column};\n{}", a.table.sql, validate_pair(&a.table, &name, &body))
        }
        None => String::new(),
    };
    finish(migration, step, &a.table, &referenced, &name, format!("Column {} REFERENCES {referenced}: the foreign key is validated while writes wait", a.column), sql)
}

fn finish(migration: &Migration, step: &Step, table: &TableRef, referenced: &str, name: &str, title: String, sql: String) -> Finding {
    let qualified = table.qualified();
    let lock = lock_on(step, &qualified);
    let mode = lock.map_or("SHARE ROW EXCLUSIVE", |l| l.mode.name());
    let held = if mode == "SHARE ROW EXCLUSIVE" {
        format!("holds SHARE ROW EXCLUSIVE on both tables for the whole check: INSERT, UPDATE and DELETE on {qualified} and on {referenced} wait until it ends")
    } else {
        format!("holds {mode} on {qualified} (every query on it waits) and SHARE ROW EXCLUSIVE on {referenced} (its writes wait) for the whole check")
    };
    let mut f = Finding::new(
        &META,
        title,
        format!("Adding a foreign key checks every existing row of {qualified} against {referenced}, and {held}."),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock);
    if let Some(other) = step.locks.iter().find(|l| l.target == referenced) {
        f = f.evidence("Lock on the referenced table", other.describe());
    }
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let mut text = "Add it NOT VALID: it is recorded at once and every new or updated row is checked from then on. VALIDATE CONSTRAINT then checks the existing rows while reads and writes go on.".to_owned();
    if step.transaction.is_some() {
        text.push_str(" Run the VALIDATE after the COMMIT, in its own transaction: inside the same transaction the lock of the ADD would be held through the check anyway.");
    }
    f.impact(Impact {
        text: format!("Writes to {qualified} and {referenced} wait only for the instant the constraint is recorded, not for the scan."),
        ..Impact::default()
    })
    .fix(Some(sql), text)
    .risk(format!(
        "As written it takes {mode} on {qualified} and SHARE ROW EXCLUSIVE on {referenced}, and reads every row of {qualified}.{context} \
         VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE on {qualified} and ROW SHARE on {referenced}; it fails if an existing row has no match, and the constraint then stays NOT VALID (still enforced for new rows) until the rows are fixed."
    ))
    .rollback(Some(format!("ALTER TABLE {} DROP CONSTRAINT IF EXISTS {};", table.sql, quote_ident(name))), "Removes the constraint.")
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_validated_foreign_keys() {
        let found = findings("add-foreign-key-not-valid/fires.sql", None, META.id);
        assert_eq!(found.len(), 2, "{found:#?}");
        insta::assert_snapshot!("constraint", render(&found[0]));
        insta::assert_snapshot!("column", render(&found[1]));
    }

    #[test]
    fn quiet_on_not_valid_and_new_tables() {
        assert!(findings("add-foreign-key-not-valid/quiet.sql", None, META.id).is_empty());
    }
}
