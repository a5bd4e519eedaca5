use super::Context;
use crate::migration::fix::{lock_context, lock_evidence, lock_on, not_null_constraint_name, not_null_sequence};
use crate::migration::ops::{AddConstraint, ConstraintKind, Op};
use crate::migration::{migrations, Migration, Step};
use crate::report::{Finding, Impact};
use crate::sql::names::quote_ident;

declare_rule! {
    /// ## What it does
    /// Finds `ADD UNIQUE` / `ADD PRIMARY KEY` (without `USING INDEX`) on a table this
    /// migration did not create.
    ///
    /// ## Why it matters
    /// The constraint builds its index like `CREATE INDEX`, but under ACCESS
    /// EXCLUSIVE: reads and writes on the table wait for the whole build. The index
    /// can be built first with `CREATE UNIQUE INDEX CONCURRENTLY`, and the
    /// constraint then takes it over in an instant.
    ///
    /// ## Example
    /// ```sql
    /// ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
    /// ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
    /// ```
    /// A primary key also needs its columns NOT NULL: set them through a validated
    /// CHECK first, or `USING INDEX` scans the table to check them.
    id: "add-unique-constraint",
    category: Migration,
    severity: Warning,
    summary: "ADD UNIQUE / PRIMARY KEY builds its index under ACCESS EXCLUSIVE",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for migration in migrations(ctx) {
        for (_, step) in migration.steps() {
            for op in &step.ops {
                if let Op::AddConstraint(c) = op {
                    if matches!(c.kind, ConstraintKind::Unique | ConstraintKind::PrimaryKey) && !c.table.new {
                        out.push(finding(&migration, step, c));
                    }
                }
            }
        }
    }
}

fn finding(migration: &Migration, step: &Step, c: &AddConstraint) -> Finding {
    let table = c.table.qualified();
    let lock = lock_on(step, &table);
    let kind = c.kind.name();
    let mut f = Finding::new(
        &META,
        format!("{kind} {} builds its index on {table} while reads and writes wait", c.name),
        format!(
            "Adding the {kind} constraint {} builds a unique index on ({}) the way CREATE INDEX does, but under ACCESS EXCLUSIVE: every query on {table}, reads included, waits for the whole build.",
            c.name,
            c.columns.join(", ")
        ),
    )
    .location(migration.location(step));
    f = lock_evidence(f, step, lock);
    let context = lock.map(|l| lock_context(migration, step, l)).unwrap_or_default();
    let name = quote_ident(&c.name);
    let columns: Vec<String> = c.columns.iter().map(|col| quote_ident(col)).collect();
    let mut index = format!("CREATE UNIQUE INDEX CONCURRENTLY {name} ON {} ({})", c.table.sql, columns.join(", "));
    if !c.include.is_empty() {
        index.push_str(&format!(" INCLUDE ({})", c.include.iter().map(|col| quote_ident(col)).collect::<Vec<_>>().join(", ")));
    }
    if c.nulls_not_distinct {
        index.push_str(" NULLS NOT DISTINCT");
    }
    let mut sql = vec![format!("{index};")];
    let mut text = "Build the unique index first with CREATE UNIQUE INDEX CONCURRENTLY (reads and writes go on), then let the constraint take it over with USING INDEX, which only changes the catalog. Run the CREATE INDEX outside any transaction block.".to_owned();
    if c.kind == ConstraintKind::PrimaryKey {
        let nullable: Vec<&String> = if migration.schema_given { c.nullable_columns.iter().collect() } else { c.columns.iter().collect() };
        for column in &nullable {
            sql.push(not_null_sequence(&c.table.sql, column, &not_null_constraint_name(&c.table.name.name, column)));
        }
        if !nullable.is_empty() {
            text.push_str(if migration.schema_given {
                " A primary key needs its columns NOT NULL, and PRIMARY KEY USING INDEX would scan the table to check them under ACCESS EXCLUSIVE: set them NOT NULL through a validated CHECK first."
            } else {
                " A primary key needs its columns NOT NULL, and PRIMARY KEY USING INDEX would scan the table to check them under ACCESS EXCLUSIVE: unless they are NOT NULL already, set them through a validated CHECK first."
            });
        }
    }
    sql.push(format!("ALTER TABLE {} ADD CONSTRAINT {name} {kind} USING INDEX {name};", c.table.sql));
    f.impact(Impact {
        text: format!("The index is built while traffic on {table} flows; the constraint's ACCESS EXCLUSIVE lasts an instant."),
        ..Impact::default()
    })
    .fix(Some(sql.join("\n")), text)
    .risk(format!(
        "As written it takes ACCESS EXCLUSIVE on {table}, which blocks reads and writes, and reads and sorts every row of {table} to build the index.{context} \
         CREATE UNIQUE INDEX CONCURRENTLY fails on a duplicate and leaves an INVALID index behind: find the duplicates, drop the index (DROP INDEX CONCURRENTLY IF EXISTS {name}) and build it again."
    ))
    .rollback(Some(format!("ALTER TABLE {} DROP CONSTRAINT IF EXISTS {name};", c.table.sql)), "Drops the constraint and the index it took over.")
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::migration::testing::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_unique_and_primary_key() {
        let found = findings("add-unique-constraint/fires.sql", Some("add-unique-constraint/schema.sql"), META.id);
        assert_eq!(found.len(), 2, "{found:#?}");
        insta::assert_snapshot!("unique", render(&found[0]));
        insta::assert_snapshot!("primary_key", render(&found[1]));
    }

    #[test]
    fn quiet_with_using_index_and_on_new_tables() {
        assert!(findings("add-unique-constraint/quiet.sql", None, META.id).is_empty());
    }
}
