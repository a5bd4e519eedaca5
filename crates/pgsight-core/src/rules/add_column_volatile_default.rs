use sqlparser::ast::ColumnOption;

use super::Context;
use crate::migration::fix::{
    batched_block_text, batched_do_block, column_def_without, lock_context, lock_evidence, lock_on, not_null_constraint_name, not_null_sequence,
};
use crate::migration::ops::{AddColumn, ColumnRewrite, Op};
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::catalog::types::serial_base;
use crate::sql::names::quote_ident;

declare_rule! {
    /// ## What it does
    /// Finds `ADD COLUMN` on an existing table whose value must be computed for every
    /// existing row: a volatile `DEFAULT` (`random()`, `gen_random_uuid()`,
    /// `clock_timestamp()`, `nextval(...)`), a `serial` / `bigserial` type, an
    /// identity column, or a stored generated column. Stable defaults such as
    /// `now()` and `current_timestamp` do not count: PostgreSQL 11+ evaluates them
    /// once and stores the value in the catalog.
    ///
    /// ## Why it matters
    /// A volatile default gives each row its own value, so PostgreSQL rewrites the
    /// whole table, and all its indexes, under ACCESS EXCLUSIVE: no read or write
    /// gets through until the copy is done, and the copy needs as much free disk as
    /// the table.
    ///
    /// ## Example
    /// ```sql
    /// ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();
    /// ```
    ///
    /// ## Fix
    /// Add the column without the default, set the default for new rows, then fill
    /// the existing rows in batches:
    /// ```sql
    /// ALTER TABLE orders ADD COLUMN public_id uuid;
    /// ALTER TABLE orders ALTER COLUMN public_id SET DEFAULT gen_random_uuid();
    /// -- then a batched UPDATE ... SET public_id = gen_random_uuid() WHERE public_id IS NULL
    /// ```
    id: "add-column-volatile-default",
    category: Migration,
    severity: Warning,
    summary: "ADD COLUMN with a volatile default rewrites the table",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let batch = ctx.thresholds::<super::unbatched_backfill::Thresholds>(&super::unbatched_backfill::META).batch_rows;
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            for op in &step.ops {
                if let Op::AddColumn(a) = op {
                    if let Some(rewrite) = a.rewrite.as_ref().filter(|_| !a.table.new) {
                        out.push(finding(&migration, step, a, rewrite, batch));
                    }
                }
            }
        }
    }
}

fn finding(migration: &Migration, step: &Step, a: &AddColumn, rewrite: &ColumnRewrite, batch: u64) -> Finding {
    let table = a.table.qualified();
    let lock = lock_on(step, &table);
    let column = quote_ident(&a.column);
    let (what, why) = match rewrite {
        ColumnRewrite::VolatileDefault(v) => (
            format!("DEFAULT {}", v.culprit.clone().unwrap_or_else(|| a.default.clone().unwrap_or_default())),
            format!("{} is VOLATILE ({}): every existing row needs its own value", v.culprit.clone().unwrap_or_default(), v.reason.unwrap_or("a new value at every call")),
        ),
        ColumnRewrite::Serial => (a.data_type.clone(), format!("{} is a nextval() default on a new sequence: every existing row draws its own number", a.data_type)),
        ColumnRewrite::Identity => ("an identity column".to_owned(), "every existing row draws its own number from the identity sequence".to_owned()),
        ColumnRewrite::StoredGenerated => ("a stored generated column".to_owned(), "the expression is computed and stored for every existing row".to_owned()),
    };
    let mut f = Finding::new(
        &META,
        format!("ADD COLUMN {} with {what} rewrites {table}", a.column),
        format!(
            "{why}, so PostgreSQL rewrites {table} and all its indexes under ACCESS EXCLUSIVE: no read or write on {table} gets through until the copy is done. \
             (A stable default such as now() would not: PostgreSQL 11+ evaluates it once and keeps the value in the catalog.)"
        ),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock);
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let key = a.key.as_deref();
    let plain = column_def_without(&a.def, |o| matches!(o, ColumnOption::Default(_) | ColumnOption::NotNull | ColumnOption::Generated { .. }));
    let not_null = |sql: &mut String| {
        if a.not_null {
            sql.push('\n');
            sql.push_str(&not_null_sequence(&a.table.sql, &a.column, &not_null_constraint_name(&a.table.name.name, &a.column)));
        }
    };
    let backfill = |value: &str| {
        batched_do_block(&a.table.sql, key, batch, |range| format!("UPDATE {} SET {column} = {value} WHERE {column} IS NULL AND {range}", a.table.sql))
    };
    let (sql, text) = match rewrite {
        ColumnRewrite::VolatileDefault(_) => {
            let default = a.default.clone().unwrap_or_default();
            let mut sql = format!(
                "ALTER TABLE {t} ADD COLUMN {plain};\nALTER TABLE {t} ALTER COLUMN {column} SET DEFAULT {default};\n{}",
                backfill(&default),
                t = a.table.sql
            );
            not_null(&mut sql);
            (
                Some(sql),
                format!(
                    "Add the column without the default (only the catalog changes), set the default so new rows get a value, then fill the existing rows in batches. {}",
                    batched_block_text(key)
                ),
            )
        }
        ColumnRewrite::Serial | ColumnRewrite::Identity => {
            let sequence = format!("{}_{}_seq", a.table.name.name, a.column);
            let base = serial_base(&a.data_type).unwrap_or("bigint");
            let plain = format!("{column} {base}");
            let next = format!("nextval('{sequence}')");
            let mut sql = format!(
                "CREATE SEQUENCE IF NOT EXISTS {sequence} AS {base};\nALTER TABLE {t} ADD COLUMN {plain};\nALTER SEQUENCE {sequence} OWNED BY {t}.{column};\nALTER TABLE {t} ALTER COLUMN {column} SET DEFAULT {next};\n{}",
                backfill(&next),
                t = a.table.sql
            );
            if a.not_null || matches!(rewrite, ColumnRewrite::Identity) || serial_base(&a.data_type).is_some() {
                sql.push('\n');
                sql.push_str(&not_null_sequence(&a.table.sql, &a.column, &not_null_constraint_name(&a.table.name.name, &a.column)));
            }
            let identity = if matches!(rewrite, ColumnRewrite::Identity) {
                " Once filled, the column can become an identity column without a rewrite: ALTER COLUMN ... ADD GENERATED BY DEFAULT AS IDENTITY (START WITH the next value), after dropping the default."
            } else {
                ""
            };
            (
                Some(sql),
                format!(
                    "Do what serial does, in steps: a sequence, the column without a default, the default for new rows, then the existing rows numbered in batches and the column set NOT NULL through a validated CHECK. {}{identity}",
                    batched_block_text(key)
                ),
            )
        }
        ColumnRewrite::StoredGenerated => {
            let virtual_column = crate::migration::fix::after_keywords(&step.statement.sql, &["STORED"]).map(|end| {
                let sql = &step.statement.sql;
                format!("{}VIRTUAL{};", &sql[..end - "STORED".len()], sql[end..].trim_end().trim_end_matches(';'))
            });
            (
                virtual_column,
                "On PostgreSQL 18, make it VIRTUAL: computed when read, nothing is written. Before 18, add a plain column, keep it in step with a BEFORE INSERT OR UPDATE trigger, and fill the existing rows in batches.".to_owned(),
            )
        }
    };
    f.impact(Impact {
        text: format!("{table} is not rewritten: the ACCESS EXCLUSIVE lock of ADD COLUMN lasts an instant, and the values are written in short batches while traffic flows."),
        ..Impact::default()
    })
    .fix(sql, text)
    .risk(format!(
        "As written it takes ACCESS EXCLUSIVE on {table}, which blocks reads and writes, and rewrites {table} and its indexes (free disk the size of both).{context} \
         The batched backfill writes every row once more (WAL, replica lag, dead rows for VACUUM), but each batch holds its row locks only until its COMMIT."
    ))
    .rollback(Some(format!("ALTER TABLE {} DROP COLUMN IF EXISTS {column};", a.table.sql)), "Drops the column and its values; the sequence, if created, goes with it (OWNED BY).")
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_volatile_defaults_and_serial() {
        let found = findings("add-column-volatile-default/fires.sql", Some("add-column-volatile-default/schema.sql"), META.id);
        let columns: Vec<&str> = found.iter().map(|f| f.title.split_whitespace().nth(2).unwrap_or("")).collect();
        assert_eq!(columns, ["public_id", "jitter", "seen_at", "number"], "{found:#?}");
        insta::assert_snapshot!("uuid", render(&found[0]));
        insta::assert_snapshot!("bigserial", render(&found[3]));
    }

    #[test]
    fn stable_defaults_do_not_rewrite() {
        // now(), current_timestamp, constants: evaluated once, no rewrite.
        assert!(findings("add-column-volatile-default/quiet.sql", None, META.id).is_empty());
    }
}
