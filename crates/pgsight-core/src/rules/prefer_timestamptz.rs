use super::fixsql::quote_ident;
use super::schema_support::{alter_type_rewrite_risk, schema, LOCK_TIMEOUT};
use super::Context;
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds columns of type `timestamp` (`timestamp without time zone`).
    ///
    /// ## Why it matters
    /// `timestamp` stores a wall-clock reading without its zone. The same instant
    /// written by sessions in different time zones is stored as different values;
    /// comparing with `now()` converts through the session's `TimeZone`; around a
    /// daylight-saving change an hour repeats or goes missing. `timestamptz` stores an
    /// absolute instant (UTC inside) in the same 8 bytes and converts only for display.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE orders (order_id bigint PRIMARY KEY, placed_at timestamp NOT NULL);
    /// ```
    ///
    /// ## Fix
    /// Convert the column, naming the zone the stored values were written in:
    /// ```sql
    /// ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz USING placed_at AT TIME ZONE 'UTC';
    /// ```
    /// When the values are UTC, `SET timezone = 'UTC'` and the conversion without
    /// `USING` changes only the catalog (PostgreSQL 12 and later): no table rewrite.
    id: "prefer-timestamptz",
    category: Schema,
    severity: Warning,
    summary: "A timestamp column without time zone",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    for (table, column) in schema.columns() {
        let t = &column.normalized_type;
        if !(t.starts_with("timestamp") && t.ends_with("without time zone")) {
            continue;
        }
        let table_sql = schema.table_sql(table);
        let name = quote_ident(&column.name);
        let precision = t.trim_start_matches("timestamp").trim_end_matches("without time zone").trim().to_owned();
        let new_type = format!("timestamptz{precision}");
        let old_type = format!("timestamp{precision}");
        let written = schema.column(column);
        out.push(
            Finding::new(
                &META,
                format!("{table_sql}.{name} is timestamp without time zone"),
                format!(
                    "{table_sql}.{name} is {}: it stores a wall-clock reading without its time zone. The same instant \
                     written from sessions in different zones is stored as different values, comparisons with now() or \
                     a timestamptz convert through each session's TimeZone setting, and around a daylight-saving change \
                     an hour repeats or goes missing. timestamptz stores the instant itself, in the same 8 bytes.",
                    column.data_type
                ),
            )
            .location(written.location)
            .evidence("Column", if written.text.is_empty() { format!("{name} {}", column.data_type) } else { written.text })
            .evidence("Type", column.normalized_type.clone())
            .impact(Impact {
                text: format!(
                    "Values of {name} become unambiguous instants: ordering, differences and comparisons with now() are \
                     right whatever the session's time zone, and across daylight-saving changes. Storage stays 8 bytes."
                ),
                ..Impact::default()
            })
            .fix(
                Some(format!("{LOCK_TIMEOUT}\nALTER TABLE {table_sql} ALTER COLUMN {name} TYPE {new_type} USING {name} AT TIME ZONE 'UTC';")),
                "Convert the column, telling PostgreSQL which zone the stored values are in: 'UTC' here; put the zone \
                 your application wrote them in (e.g. 'Europe/Berlin'). If they are UTC, running SET timezone = 'UTC' \
                 first and leaving out the USING clause converts them without rewriting the table (PostgreSQL 12 and \
                 later). Application code that reads the column gets timestamptz values back: check drivers and \
                 queries that compare it with timestamp literals.",
            )
            .risk(format!(
                "{} Indexes whose expressions are immutable only on timestamp (a ::date cast, date_trunc) cannot be rebuilt on \
                 timestamptz and make the statement fail: rewrite them with AT TIME ZONE first.",
                alter_type_rewrite_risk(&table_sql)
            ))
            .rollback(
                Some(format!("{LOCK_TIMEOUT}\nALTER TABLE {table_sql} ALTER COLUMN {name} TYPE {old_type} USING {name} AT TIME ZONE 'UTC';")),
                "Converts back to the same wall-clock values in the same zone; it rewrites the table again.",
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
    fn fires_on_timestamp_column() {
        let findings = fixture("fires.sql");
        assert_eq!(findings.len(), 2, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
        assert!(findings[1].fix.sql.as_deref().is_some_and(|s| s.contains("TYPE timestamptz(3)")));
    }

    #[test]
    fn quiet_on_timestamptz() {
        assert!(fixture("quiet.sql").is_empty());
    }
}
