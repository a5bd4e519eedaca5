use super::fixsql::quote_ident;
use super::schema_support::{alter_type_rewrite_risk, mentions_identifier, schema, LOCK_TIMEOUT};
use super::Context;
use crate::report::{Finding, Impact, Severity};
use crate::sql::catalog::Table;

declare_rule! {
    /// ## What it does
    /// Finds columns of type `json`. It is a warning when an index expression reads
    /// the column (every write then parses the document again), advice otherwise.
    ///
    /// ## Why it matters
    /// `json` keeps the text as it was given and parses it again every time a query
    /// reads a key. `jsonb` stores it parsed: key lookups are faster, GIN indexes and
    /// the containment and existence operators (`@>`, `?`) work, and it has equality,
    /// so `DISTINCT`, `GROUP BY` and unique indexes work too. Keep `json` only when the
    /// exact text matters: key order, duplicate keys, whitespace.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE events (event_id bigint PRIMARY KEY, payload json NOT NULL);
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb;
    /// ```
    id: "prefer-jsonb",
    category: Schema,
    severity: Info,
    summary: "A json column where jsonb would serve better",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    for (table, column) in schema.columns() {
        if column.normalized_type != "json" {
            continue;
        }
        let table_sql = schema.table_sql(table);
        let name = quote_ident(&column.name);
        let written = schema.column(column);
        let indexed = indexes_reading(table, &column.name);
        let mut f = Finding::new(
            &META,
            format!("{table_sql}.{name} is json, not jsonb"),
            format!(
                "{table_sql}.{name} is json: PostgreSQL keeps the document as text and parses it again every time a query \
                 reads from it. jsonb stores it parsed: faster key lookups, GIN indexes, the @> and ? operators, and \
                 equality (DISTINCT, GROUP BY and unique indexes work). json is only worth keeping if the exact text \
                 matters: key order, duplicate keys, whitespace.{}",
                if indexed.is_empty() {
                    String::new()
                } else {
                    format!(" Index {} reads it, so every insert and update parses the document for the index too.", indexed.join(", "))
                }
            ),
        )
        .location(written.location)
        .evidence("Column", if written.text.is_empty() { format!("{name} json") } else { written.text });
        if !indexed.is_empty() {
            f = f.severity(Severity::Warning).evidence("Indexes reading it", indexed.join(", "));
        }
        out.push(
            f.impact(Impact {
                text: format!(
                    "Reading keys of {name} no longer parses the whole document on every access; containment queries can \
                     use a GIN index (CREATE INDEX ... USING gin ({name} jsonb_path_ops))."
                ),
                ..Impact::default()
            })
            .fix(
                Some(format!("{LOCK_TIMEOUT}\nALTER TABLE {table_sql} ALTER COLUMN {name} TYPE jsonb USING {name}::jsonb;")),
                "Convert the column to jsonb. The ->, ->> and #> operators work the same; code that relies on key order \
                 or duplicate keys in the returned text must not.",
            )
            .risk(format!(
                "{} The conversion fails if a value holds the escape \\u0000 (jsonb cannot store it); duplicate keys keep \
                 only their last value, and key order and whitespace are not kept.",
                alter_type_rewrite_risk(&table_sql)
            ))
            .rollback(
                Some(format!("{LOCK_TIMEOUT}\nALTER TABLE {table_sql} ALTER COLUMN {name} TYPE json USING {name}::json;")),
                "Converts back to json, with jsonb's normalized text: the original key order, whitespace and duplicate keys \
                 are not restored (only a backup has them). It rewrites the table again.",
            ),
        );
    }
}

/// Names of the indexes whose expressions or predicate mention `column`.
fn indexes_reading(table: &Table, column: &str) -> Vec<String> {
    table
        .indexes
        .iter()
        .filter(|i| {
            let expressions = i.keys.iter().filter_map(|k| k.expression.as_deref()).chain(i.predicate.as_deref());
            expressions.into_iter().any(|e| mentions_identifier(e, column))
        })
        .map(|i| i.name.clone())
        .collect()
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
    fn fires_on_json_column() {
        let findings = fixture("fires.sql");
        assert_eq!(findings.len(), 2);
        insta::assert_snapshot!(render(&findings[0]));
        // The indexed one is a warning and ranks first.
        assert_eq!(findings[0].severity, Severity::Warning);
        assert_eq!(findings[1].severity, Severity::Info);
    }

    #[test]
    fn quiet_on_jsonb() {
        assert!(fixture("quiet.sql").is_empty());
    }
}
