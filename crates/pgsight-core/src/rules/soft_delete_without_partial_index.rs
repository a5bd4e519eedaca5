use super::advice::create_index_risk;
use super::fixsql::quote_ident;
use super::schema_support::{column_list, index_entries, mentions_identifier, schema, IndexOrigin, SchemaInput};
use super::Context;
use crate::report::{Finding, Impact};
use crate::sql::catalog::{Column, Table};

declare_rule! {
    /// ## What it does
    /// Finds tables with a soft-delete column (`deleted_at`, `is_deleted`,
    /// `archived_at`, `archived`, `removed_at`, `discarded_at` and the like, of a
    /// boolean, date or timestamp type) when no index of the table has a predicate
    /// that uses it.
    ///
    /// ## Why it matters
    /// With soft deletes nearly every query adds `WHERE deleted_at IS NULL`. Indexes
    /// without that predicate hold the deleted rows too: they grow with history
    /// rather than with live data, and each lookup reads and then throws away the
    /// deleted matches. A partial index holds live rows only, so it stays small and
    /// its entries are exactly what the queries want.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE customers (customer_id bigint PRIMARY KEY, email text NOT NULL, deleted_at timestamptz);
    /// CREATE INDEX customers_email_idx ON customers (email);
    /// ```
    ///
    /// ## Fix
    /// Partial versions of the lookups the application makes on live rows:
    /// ```sql
    /// CREATE INDEX CONCURRENTLY customers_email_live_idx ON customers (email) WHERE deleted_at IS NULL;
    /// ```
    /// Queries must repeat the predicate as written (`deleted_at IS NULL`) for the
    /// planner to use the index.
    id: "soft-delete-without-partial-index",
    category: Schema,
    severity: Info,
    summary: "A soft-delete column that no partial index excludes",
}

/// Column names that mark a row as deleted or archived.
const MARKER_NAMES: &[&str] = &[
    "deleted", "is_deleted", "isdeleted", "archived", "is_archived", "removed", "is_removed", "discarded", "is_discarded", "trashed",
    "is_trashed",
];
/// Name endings of timestamps that mark a row as deleted or archived.
const MARKER_SUFFIXES: &[&str] = &["deleted_at", "archived_at", "removed_at", "discarded_at", "trashed_at", "deleted_on", "archived_on", "deleted_date"];
/// Columns a list of live rows is usually ordered by.
const CREATED_NAMES: &[&str] = &["created_at", "inserted_at", "created_on", "created"];

/// How many partial indexes the fix proposes at most.
const MAX_INDEXES: usize = 3;

fn is_marker(column: &Column) -> bool {
    let name = column.name.to_ascii_lowercase();
    let t = column.normalized_type.as_str();
    let boolean = t == "boolean";
    let temporal = t.starts_with("timestamp") || t == "date";
    (boolean && MARKER_NAMES.contains(&name.as_str())) || (temporal && MARKER_SUFFIXES.iter().any(|s| name == *s || name.ends_with(&format!("_{s}"))))
}

/// The predicate that keeps live rows.
fn live_predicate(column: &Column) -> String {
    let name = quote_ident(&column.name);
    match column.normalized_type.as_str() {
        "boolean" if column.nullable => format!("{name} IS NOT TRUE"),
        "boolean" => format!("NOT {name}"),
        _ => format!("{name} IS NULL"),
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    for table in schema.top_tables() {
        for column in table.columns.iter().filter(|c| is_marker(c)) {
            let mut indexes = schema.indexes_with_inherited(table).into_iter().map(|(_, i)| i);
            if indexes.any(|i| i.predicate.as_deref().is_some_and(|p| mentions_identifier(p, &column.name))) {
                continue;
            }
            out.push(finding(&schema, table, column));
        }
    }
}

/// The key columns of the partial indexes to propose: the table's plain B-tree
/// indexes first, else a creation-time column, else the primary key.
fn lookups(table: &Table, marker: &str) -> (Vec<Vec<String>>, &'static str) {
    let plain: Vec<Vec<String>> = index_entries(table)
        .into_iter()
        .filter(|e| e.origin == IndexOrigin::Index && !e.unique && e.method == "btree" && e.predicate.is_none())
        .filter(|e| e.keys.iter().all(|k| !k.expression) && e.keys.iter().all(|k| k.target != marker))
        .map(|e| e.keys.iter().map(|k| k.target.clone()).collect())
        .take(MAX_INDEXES)
        .collect();
    if !plain.is_empty() {
        return (plain, "partial twins of its existing indexes");
    }
    if let Some(created) = table.columns.iter().find(|c| CREATED_NAMES.contains(&c.name.as_str())) {
        return (vec![vec![created.name.clone()]], "an index of live rows by creation time, for listings");
    }
    match &table.primary_key {
        Some(pk) => (vec![pk.columns.clone()], "an index of live rows by key, for listings and keyset pagination"),
        None => (Vec::new(), ""),
    }
}

fn finding(schema: &SchemaInput<'_>, table: &Table, column: &Column) -> Finding {
    let table_sql = schema.table_sql(table);
    let name = quote_ident(&column.name);
    let predicate = live_predicate(column);
    let written = schema.column(column);
    let (keys, what) = lookups(table, &column.name);
    let mut creates = Vec::new();
    let mut drops = Vec::new();
    let mut used: Vec<String> = Vec::new();
    for key in &keys {
        let wanted = super::fixsql::index_name(&table.name, key, "live_idx");
        let index = schema.free_name(&table.schema, &wanted, &used);
        creates.push(format!("CREATE INDEX CONCURRENTLY {} ON {table_sql} {} WHERE {predicate};", quote_ident(&index), column_list(key)));
        drops.push(format!("DROP INDEX CONCURRENTLY IF EXISTS {};", schema.sibling_sql(table, &index)));
        used.push(index);
    }
    let existing: Vec<String> = index_entries(table).iter().map(|e| format!("{} {}", e.name, e.shape())).collect();
    let f = Finding::new(
        &META,
        format!("{table_sql} soft-deletes with {name}, but no index leaves deleted rows out"),
        format!(
            "{table_sql}.{name} marks rows as deleted, so queries for live rows add WHERE {predicate}; no index of \
             {table_sql} has that predicate. Its indexes hold deleted rows too: they grow with the table's history rather \
             than its live rows, and every lookup reads the deleted matches only to throw them away."
        ),
    )
    .location(written.location)
    .evidence("Column", if written.text.is_empty() { format!("{name} {}", column.data_type) } else { written.text })
    .evidence(format!("Indexes on {table_sql}"), if existing.is_empty() { "none".to_owned() } else { existing.join("; ") })
    .impact(Impact {
        text: "Lookups of live rows read an index that holds live rows only: smaller, better cached, and with no deleted \
               entries to skip. The more rows are deleted, the larger the gain."
            .to_owned(),
        ..Impact::default()
    });
    if creates.is_empty() {
        return f
            .fix(None, format!("Create partial indexes WHERE {predicate} on the columns your queries look live rows up by."))
            .risk("None until a change is made.")
            .rollback(None, "Nothing to undo.");
    }
    let twins = if what.starts_with("partial twins") { " Once they do, the non-partial indexes on the same columns may be dropped." } else { "" };
    f.fix(
        Some(creates.join("\n")),
        format!(
            "Add {what}, holding live rows only; build it on the columns your queries look live rows up by. Queries must \
             write the predicate as the index does ({predicate}) for the planner to use it.{twins} A unique constraint \
             that should only bind live rows becomes a unique partial index the same way."
        ),
    )
    .risk(create_index_risk(&table_sql))
    .rollback(Some(drops.join("\n")), "Drops the partial indexes without blocking writes.")
}

#[cfg(test)]
mod tests {
    use crate::rules::schema_support::testing::{findings_for_schema_fixture, rule_fixture};
    use crate::rules::test_support::render;

    fn fixture(file: &str) -> Vec<crate::Finding> {
        findings_for_schema_fixture(&rule_fixture(super::META.id, file), super::META.id)
    }

    #[test]
    fn fires_on_soft_delete_without_partial_index() {
        let findings = fixture("fires.sql");
        assert_eq!(findings.len(), 2, "{findings:#?}");
        let customers = findings.iter().find(|f| f.title.starts_with("customers")).expect("customers");
        insta::assert_snapshot!(render(customers));
        let projects = findings.iter().find(|f| f.title.starts_with("projects")).expect("projects");
        assert!(projects.fix.sql.as_deref().is_some_and(|s| s.contains("WHERE NOT is_archived")));
    }

    #[test]
    fn quiet_when_a_partial_index_uses_the_column() {
        assert!(fixture("quiet.sql").is_empty());
    }
}
