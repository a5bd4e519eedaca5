use super::fixsql::quote_ident;
use super::schema_support::{alter_type_no_rewrite_risk, schema, LOCK_TIMEOUT};
use super::Context;
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds `varchar(n)` (`character varying(n)`) columns.
    ///
    /// ## Why it matters
    /// In PostgreSQL `varchar(n)` and `text` are stored the same way and are equally
    /// fast: the length limit is the only difference. A limit picked by habit
    /// (`varchar(255)`) turns long-but-valid input into errors, and raising it is an
    /// `ALTER TABLE` under an exclusive lock that fails while views use the column.
    /// When the limit is a business rule, a `CHECK` constraint states it and can be
    /// changed without touching the type.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE customers (customer_id bigint PRIMARY KEY, name varchar(255) NOT NULL);
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// ALTER TABLE customers ALTER COLUMN name TYPE text;
    /// -- only if the limit is a business rule:
    /// ALTER TABLE customers ADD CONSTRAINT customers_name_length CHECK (char_length(name) <= 255) NOT VALID;
    /// ALTER TABLE customers VALIDATE CONSTRAINT customers_name_length;
    /// ```
    /// `varchar(n)` to `text` is binary compatible: no rewrite, no index rebuild.
    id: "prefer-text",
    category: Schema,
    severity: Info,
    summary: "A varchar(n) column where text would do",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    for (table, column) in schema.columns() {
        let Some(limit) = column.normalized_type.strip_prefix("character varying(").and_then(|rest| rest.strip_suffix(')')) else { continue };
        let table_sql = schema.table_sql(table);
        let name = quote_ident(&column.name);
        let written = schema.column(column);
        let check_name = schema.free_name(&table.schema, &format!("{}_{}_length", table.name, column.name), &[]);
        let check_name = quote_ident(&check_name);
        out.push(
            Finding::new(
                &META,
                format!("{table_sql}.{name} is varchar({limit})"),
                format!(
                    "{table_sql}.{name} is {}. PostgreSQL stores varchar(n) exactly like text and is no faster with it: the \
                     only difference is that values longer than {limit} characters are rejected. If {limit} is not a rule \
                     of the data, the limit only turns valid input into errors, and raising it later takes an ALTER TABLE \
                     that fails while a view uses the column.",
                    column.data_type
                ),
            )
            .location(written.location)
            .evidence("Column", if written.text.is_empty() { format!("{name} {}", column.data_type) } else { written.text })
            .impact(Impact {
                text: "No change in storage or speed. The length limit stops being a type property: input longer than the \
                       limit is accepted, or rejected by a CHECK that can be changed without altering the column."
                    .to_owned(),
                ..Impact::default()
            })
            .fix(
                Some(format!(
                    "{LOCK_TIMEOUT}\nALTER TABLE {table_sql} ALTER COLUMN {name} TYPE text;\n\
                     -- only if {limit} characters is a rule of the data:\n\
                     ALTER TABLE {table_sql} ADD CONSTRAINT {check_name} CHECK (char_length({name}) <= {limit}) NOT VALID;\n\
                     ALTER TABLE {table_sql} VALIDATE CONSTRAINT {check_name};"
                )),
                format!("Make the column text; keep the limit as a CHECK only if {limit} characters is a rule of the data."),
            )
            .risk(format!(
                "{} ADD CONSTRAINT ... NOT VALID also takes ACCESS EXCLUSIVE for a moment; VALIDATE CONSTRAINT then reads \
                 the table under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.",
                alter_type_no_rewrite_risk(&table_sql)
            ))
            .rollback(
                Some(format!(
                    "{LOCK_TIMEOUT}\nALTER TABLE {table_sql} DROP CONSTRAINT IF EXISTS {check_name};\nALTER TABLE {table_sql} ALTER COLUMN {name} TYPE varchar({limit});"
                )),
                format!(
                    "Going back to varchar({limit}) makes PostgreSQL check every value: it rewrites the table under an ACCESS \
                     EXCLUSIVE lock, and fails if a longer value was stored meanwhile."
                ),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::schema_support::testing::{findings_for_schema_fixture, rule_fixture};
    use crate::rules::test_support::render;

    fn fixture(file: &str) -> Vec<crate::Finding> {
        findings_for_schema_fixture(&rule_fixture(super::META.id, file), super::META.id)
    }

    #[test]
    fn fires_on_varchar_with_length() {
        let findings = fixture("fires.sql");
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn quiet_on_text_and_unbounded_varchar() {
        assert!(fixture("quiet.sql").is_empty());
    }
}
