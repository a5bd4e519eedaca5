use super::fixsql::quote_ident;
use super::schema_support::{alter_type_rewrite_risk, schema, LOCK_TIMEOUT};
use super::Context;
use crate::report::{Finding, Impact, Severity};

declare_rule! {
    /// ## What it does
    /// Finds `char(n)` / `character(n)` columns. A `char(1)` flag is advice only:
    /// one character has nothing to pad.
    ///
    /// ## Why it matters
    /// `char(n)` pads every value with spaces to `n` characters. The padding is
    /// stored, ignored by `=` but not by `LIKE`, regular expressions or the
    /// application, and dropped by casts to text, so `'ab'` and `'ab '` are equal
    /// in one place and different in the next. It is not faster than `text` either:
    /// PostgreSQL stores both the same way.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE countries (code char(2) PRIMARY KEY, name char(50) NOT NULL);
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// ALTER TABLE countries ALTER COLUMN name TYPE text;
    /// ```
    /// plus a `CHECK (char_length(code) = 2)` where a fixed length is a rule of the data.
    id: "avoid-char",
    category: Schema,
    severity: Warning,
    summary: "A blank-padded char(n) column",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    for (table, column) in schema.columns() {
        let t = column.normalized_type.as_str();
        let length: u32 = match t {
            "character" => 1,
            _ => match t.strip_prefix("character(").and_then(|r| r.strip_suffix(')')).and_then(|n| n.parse().ok()) {
                Some(n) => n,
                None => continue,
            },
        };
        let table_sql = schema.table_sql(table);
        let name = quote_ident(&column.name);
        let written = schema.column(column);
        let check_name = quote_ident(&schema.free_name(&table.schema, &format!("{}_{}_length", table.name, column.name), &[]));
        let mut f = Finding::new(
            &META,
            format!("{table_sql}.{name} is char({length})"),
            format!(
                "{table_sql}.{name} is {}: every value is padded with spaces to {length} character{}. The padding is \
                 stored, ignored by = but not by LIKE, regular expressions or the application, and dropped when the value \
                 is cast to text, so the same value compares equal in one place and different in the next. char(n) is no \
                 faster than text: PostgreSQL stores both the same way.",
                column.data_type,
                if length == 1 { "" } else { "s" }
            ),
        )
        .location(written.location)
        .evidence("Column", if written.text.is_empty() { format!("{name} {}", column.data_type) } else { written.text });
        if length == 1 {
            f = f.severity(Severity::Info);
        }
        out.push(
            f.impact(Impact {
                text: format!("Values of {name} are stored and compared as written, with no padding to trip over; no change in speed."),
                ..Impact::default()
            })
            .fix(
                Some(format!(
                    "{LOCK_TIMEOUT}\nALTER TABLE {table_sql} ALTER COLUMN {name} TYPE text;\n\
                     -- only if every value must have exactly {length} character{}:\n\
                     ALTER TABLE {table_sql} ADD CONSTRAINT {check_name} CHECK (char_length({name}) = {length}) NOT VALID;\n\
                     ALTER TABLE {table_sql} VALIDATE CONSTRAINT {check_name};",
                    if length == 1 { "" } else { "s" }
                )),
                "Make the column text; the conversion strips the trailing padding. Keep a fixed length as a CHECK only \
                 where it is a rule of the data (a code of exactly n characters).",
            )
            .risk(format!(
                "{} Comparisons change meaning: values that differed only by trailing spaces were equal as char and are \
                 not as text (a unique index on the column could then accept both). Application code that trimmed the \
                 padding keeps working.",
                alter_type_rewrite_risk(&table_sql)
            ))
            .rollback(
                Some(format!(
                    "{LOCK_TIMEOUT}\nALTER TABLE {table_sql} DROP CONSTRAINT IF EXISTS {check_name};\nALTER TABLE {table_sql} ALTER COLUMN {name} TYPE char({length});"
                )),
                format!("Pads the values again; it rewrites the table and fails if a value longer than {length} characters was stored meanwhile."),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::schema_support::testing::{findings_for_schema_fixture, rule_fixture};
    use crate::rules::test_support::render;
    use crate::Severity;

    fn fixture(file: &str) -> Vec<crate::Finding> {
        findings_for_schema_fixture(&rule_fixture(super::META.id, file), super::META.id)
    }

    #[test]
    fn fires_on_char_columns() {
        let findings = fixture("fires.sql");
        assert_eq!(findings.len(), 2);
        insta::assert_snapshot!(render(&findings[0]));
        assert_eq!(findings[1].severity, Severity::Info, "char(1) is advice");
    }

    #[test]
    fn quiet_on_text_varchar_and_internal_char() {
        assert!(fixture("quiet.sql").is_empty());
    }
}
