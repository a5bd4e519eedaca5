use super::fixsql::quote_ident;
use super::schema_support::{alter_type_rewrite_risk, schema, LOCK_TIMEOUT};
use super::Context;
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds columns of type `money`.
    ///
    /// ## Why it matters
    /// `money` reads and prints amounts through the server's `lc_monetary` setting:
    /// its text form carries a currency symbol, and a dump restored on a server with
    /// another `lc_monetary` reads different amounts (or fails). The number of
    /// decimals is fixed by the locale, no currency is stored, and multiplying or
    /// dividing rounds to that precision. `numeric(p,s)` is exact and locale-free.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE invoices (invoice_id bigint PRIMARY KEY, total money NOT NULL);
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// ALTER TABLE invoices ALTER COLUMN total TYPE numeric(19,2) USING total::numeric;
    /// ```
    /// `numeric(19,2)` holds every `money` value (a 64-bit count of cents); narrow it if
    /// your amounts allow, and keep the currency in its own column if there can be more
    /// than one.
    id: "avoid-money",
    category: Schema,
    severity: Warning,
    summary: "A column of the locale-dependent money type",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    for (table, column) in schema.columns() {
        if column.normalized_type != "money" {
            continue;
        }
        let table_sql = schema.table_sql(table);
        let name = quote_ident(&column.name);
        let written = schema.column(column);
        out.push(
            Finding::new(
                &META,
                format!("{table_sql}.{name} is money"),
                format!(
                    "{table_sql}.{name} is money, whose text form follows the server's lc_monetary setting: amounts are \
                     printed with a currency symbol and read back through the locale, so a dump restored on a server with \
                     another lc_monetary reads different amounts or fails. The locale also fixes the number of decimals, no \
                     currency is stored with the amount, and multiplication or division rounds to the locale's precision."
                ),
            )
            .location(written.location)
            .evidence("Column", if written.text.is_empty() { format!("{name} money") } else { written.text })
            .impact(Impact {
                text: "Amounts become exact decimals that mean the same on every server and in every dump; arithmetic keeps \
                       the scale you choose. Storage grows from 8 bytes to about 8-12 bytes per value."
                    .to_owned(),
                ..Impact::default()
            })
            .fix(
                Some(format!("{LOCK_TIMEOUT}\nALTER TABLE {table_sql} ALTER COLUMN {name} TYPE numeric(19,2) USING {name}::numeric;")),
                "Convert to numeric(19,2), which holds every money value with two decimals; narrow the precision if your \
                 amounts allow, and store the currency in its own column if there can be more than one. Code that parses \
                 the currency symbol out of the text form must stop doing so.",
            )
            .risk(alter_type_rewrite_risk(&table_sql))
            .rollback(
                Some(format!("{LOCK_TIMEOUT}\nALTER TABLE {table_sql} ALTER COLUMN {name} TYPE money USING {name}::money;")),
                "Converts back through the current lc_monetary; it rewrites the table again and rounds any extra decimals.",
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
    fn fires_on_money_column() {
        let findings = fixture("fires.sql");
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn quiet_on_numeric() {
        assert!(fixture("quiet.sql").is_empty());
    }
}
