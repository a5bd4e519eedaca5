use super::fixsql::quote_ident;
use super::schema_support::{column_list, column_names, index_entries, schema, IndexOrigin, SchemaInput, LOCK_TIMEOUT};
use super::Context;
use crate::report::{Finding, Impact};
use crate::sql::catalog::Table;

declare_rule! {
    /// ## What it does
    /// Finds tables without a primary key. A partition counts as keyed when its
    /// partitioned table is (partitions inherit the key); views are not tables.
    ///
    /// ## Why it matters
    /// Without a primary key nothing identifies a row: duplicates creep in, an
    /// `UPDATE` or `DELETE` of "that row" can hit several, logical replication cannot
    /// publish the table's updates and deletes (it has no replica identity), and
    /// tools that rewrite tables online, such as pg_repack, refuse it.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE events (happened_at timestamptz NOT NULL, payload jsonb);
    /// ```
    ///
    /// ## Fix
    /// Promote a natural key when a unique index on NOT NULL columns already exists:
    /// ```sql
    /// ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY USING INDEX accounts_email_key;
    /// ```
    /// else add an identity column and make it the key:
    /// ```sql
    /// ALTER TABLE events ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
    /// ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id);
    /// ```
    /// A partitioned table's primary key must include the partition key.
    id: "missing-primary-key",
    category: Schema,
    severity: Warning,
    summary: "A table without a primary key",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    for table in schema.top_tables() {
        if table.primary_key.is_none() && schema.ancestors(table).iter().all(|t| t.primary_key.is_none()) {
            out.push(finding(&schema, table));
        }
    }
}

/// What the fix builds the key from.
enum Plan {
    /// A unique index on NOT NULL columns: `ADD PRIMARY KEY USING INDEX`.
    UsingIndex { index: String, columns: Vec<String>, nullable: Vec<String> },
    /// A unique constraint (or unique index that cannot be taken over) on columns
    /// that may need SET NOT NULL: a new unique index, then USING INDEX.
    NewIndex { from: String, columns: Vec<String>, nullable: Vec<String> },
    /// Nothing unique: a new identity column.
    Identity { column: String },
}

fn finding(schema: &SchemaInput<'_>, table: &Table) -> Finding {
    let table_sql = schema.table_sql(table);
    let partition_columns = partition_key_columns(table);
    let plan = plan(table, &partition_columns);
    let constraint = schema.free_name(&table.schema, &format!("{}_pkey", table.name), &[]);
    let kind = if table.is_partitioned() { "partitioned table" } else { "table" };
    let mut f = Finding::new(
        &META,
        format!("{table_sql} has no primary key"),
        format!(
            "The {kind} {table_sql} has no primary key, so nothing identifies a row: duplicate rows can creep in, an \
             UPDATE or DELETE meant for one row can hit several, logical replication cannot publish its updates and \
             deletes (no replica identity), and online rewrite tools such as pg_repack refuse it.{}",
            match &plan {
                Plan::UsingIndex { index, .. } => format!(" Unique index {index} already identifies rows and can become the key."),
                Plan::NewIndex { from, .. } => format!(" {from} already identifies rows and can become the key."),
                Plan::Identity { .. } => " No unique key exists to promote.".to_owned(),
            }
        ),
    )
    .location(schema.statement_location(&table.defined_at))
    .evidence("Columns", column_summary(table));
    let uniques: Vec<String> = index_entries(table).iter().filter(|e| e.unique).map(|e| format!("{} {}", e.name, e.shape())).collect();
    f = f.evidence("Unique keys", if uniques.is_empty() { "none".to_owned() } else { uniques.join("; ") });
    if !partition_columns.is_empty() {
        f = f.evidence("Partition key", table.partition_by.clone().unwrap_or_default());
    }
    let impact = Impact {
        text: format!(
            "Every row of {table_sql} gets a unique, non-null identity: duplicates are rejected, single rows can be \
             addressed, and the table can be replicated logically and repacked online."
        ),
        ..Impact::default()
    };
    let drop_pk = format!("ALTER TABLE {table_sql} DROP CONSTRAINT IF EXISTS {};", quote_ident(&constraint));
    match plan {
        Plan::UsingIndex { index, columns, nullable } => {
            let mut sql = vec![LOCK_TIMEOUT.to_owned()];
            let mut rollback = vec![LOCK_TIMEOUT.to_owned(), drop_pk];
            for column in &nullable {
                sql.push(format!("ALTER TABLE {table_sql} ALTER COLUMN {} SET NOT NULL;", quote_ident(column)));
            }
            sql.push(format!("ALTER TABLE {table_sql} ADD CONSTRAINT {} PRIMARY KEY USING INDEX {};", quote_ident(&constraint), quote_ident(&index)));
            rollback.push(recreate_unique(schema, table, &index, &columns));
            for column in &nullable {
                rollback.push(format!("ALTER TABLE {table_sql} ALTER COLUMN {} DROP NOT NULL;", quote_ident(column)));
            }
            let scan = if nullable.is_empty() {
                ", but only for a moment: the index exists and its columns are already NOT NULL, so nothing is built or scanned".to_owned()
            } else {
                format!(
                    ": the index exists, so nothing is built, but SET NOT NULL on {} reads the whole table under that lock and \
                     fails if a row holds NULL",
                    column_names(&nullable)
                )
            };
            f.impact(impact)
                .fix(
                    Some(sql.join("\n")),
                    format!(
                        "Promote the unique index {index} on {} to the primary key: PostgreSQL takes the index over (and renames \
                         it {constraint}) instead of building a new one.",
                        column_list(&columns)
                    ),
                )
                .risk(format!(
                    "ADD CONSTRAINT ... USING INDEX takes an ACCESS EXCLUSIVE lock on {table_sql}{scan}. Set a lock_timeout \
                     so it does not queue behind long transactions."
                ))
                .rollback(Some(rollback.join("\n")), "Dropping the constraint drops its index too: build the unique index again under its old name.")
        }
        Plan::NewIndex { from, columns, nullable } => {
            let index = schema.free_name(&table.schema, &format!("{}_pkey_idx", table.name), &[]);
            let mut sql = vec![LOCK_TIMEOUT.to_owned()];
            for column in &nullable {
                sql.push(format!("ALTER TABLE {table_sql} ALTER COLUMN {} SET NOT NULL;", quote_ident(column)));
            }
            sql.push(format!("CREATE UNIQUE INDEX CONCURRENTLY {} ON {table_sql} {};", quote_ident(&index), column_list(&columns)));
            sql.push(format!("ALTER TABLE {table_sql} ADD CONSTRAINT {} PRIMARY KEY USING INDEX {};", quote_ident(&constraint), quote_ident(&index)));
            let mut rollback = vec![LOCK_TIMEOUT.to_owned(), drop_pk];
            for column in &nullable {
                rollback.push(format!("ALTER TABLE {table_sql} ALTER COLUMN {} DROP NOT NULL;", quote_ident(column)));
            }
            let not_null = if nullable.is_empty() {
                String::new()
            } else {
                format!(
                    " SET NOT NULL on {} reads the whole table under an ACCESS EXCLUSIVE lock, and fails if a row holds NULL.",
                    column_names(&nullable)
                )
            };
            f.impact(impact)
                .fix(
                    Some(sql.join("\n")),
                    format!(
                        "Make {} the primary key, the columns {from} already keeps unique: build a unique index \
                         concurrently, then let the constraint take it over. {from} becomes redundant; drop it once nothing \
                         depends on it.",
                        column_list(&columns)
                    ),
                )
                .risk(format!(
                    "CREATE UNIQUE INDEX CONCURRENTLY takes a SHARE UPDATE EXCLUSIVE lock: reads and writes go on while it \
                     scans {table_sql} twice; it cannot run in a transaction block and leaves an INVALID index behind if it \
                     fails. ADD CONSTRAINT ... USING INDEX then takes an ACCESS EXCLUSIVE lock only for a moment.{not_null}"
                ))
                .rollback(Some(rollback.join("\n")), "Drops the primary key and the index behind it.")
        }
        Plan::Identity { column } => {
            let mut key = vec![column.clone()];
            key.extend(partition_columns.iter().filter(|c| **c != column).cloned());
            let sql = format!(
                "{LOCK_TIMEOUT}\nALTER TABLE {table_sql} ADD COLUMN {} bigint GENERATED ALWAYS AS IDENTITY;\nALTER TABLE {table_sql} ADD CONSTRAINT {} PRIMARY KEY {};",
                quote_ident(&column),
                quote_ident(&constraint),
                column_list(&key)
            );
            let partitioned = if table.is_partitioned() {
                format!(
                    " The key includes the partition key ({}), as PostgreSQL requires. Before PostgreSQL 17 the identity \
                     numbers only rows inserted through the partitioned table, not rows inserted straight into a partition.",
                    column_names(&partition_columns)
                )
            } else {
                String::new()
            };
            f.impact(impact)
                .fix(
                    Some(sql),
                    format!(
                        "No unique key exists to promote: add a bigint identity column {column} and make it the primary key. \
                         If the data has a natural key, make that the primary key instead.{partitioned}"
                    ),
                )
                .risk(format!(
                    "Adding an identity column fills it for every row: PostgreSQL rewrites {table_sql} under an ACCESS \
                     EXCLUSIVE lock, and ADD PRIMARY KEY then builds its index under the same lock; reads and writes wait \
                     for both, and the rewrite needs disk for a second copy. On a large table, add the column without the \
                     identity, backfill it in batches, build a unique index concurrently and promote it with USING INDEX."
                ))
                .rollback(
                    Some(format!("{LOCK_TIMEOUT}\n{drop_pk}\nALTER TABLE {table_sql} DROP COLUMN IF EXISTS {};", quote_ident(&column))),
                    "Drops the key and the column (and its identity sequence); the column's values are gone for good.",
                )
        }
    }
}

fn plan(table: &Table, partition_columns: &[String]) -> Plan {
    let not_null = |c: &String| table.column(c).is_some_and(|c| !c.nullable);
    let covers_partition_key = |columns: &[String]| partition_columns.iter().all(|p| columns.contains(p));
    let entries = index_entries(table);
    // A unique B-tree index on NOT NULL columns, not partial, no expressions.
    let candidate = |e: &&super::schema_support::IndexEntry<'_>| {
        e.unique && e.method == "btree" && e.predicate.is_none() && e.keys.iter().all(|k| !k.expression && k.opclass.is_none()) && e.include.is_empty()
    };
    let columns_of = |e: &super::schema_support::IndexEntry<'_>| e.keys.iter().map(|k| k.target.clone()).collect::<Vec<_>>();
    if !table.is_partitioned() {
        // A plain unique index is taken over as it is; on NOT NULL columns first.
        let indexes: Vec<_> = entries.iter().filter(candidate).filter(|e| e.origin == IndexOrigin::Index).collect();
        if let Some(e) = indexes.iter().find(|e| columns_of(e).iter().all(not_null)).or(indexes.first()) {
            let columns = columns_of(e);
            let nullable = columns.iter().filter(|c| !not_null(c)).cloned().collect();
            return Plan::UsingIndex { index: e.name.clone(), columns, nullable };
        }
    }
    if !table.is_partitioned() {
        if let Some(e) = entries.iter().filter(candidate).find(|e| covers_partition_key(&columns_of(e))) {
            let columns = columns_of(e);
            let nullable = columns.iter().filter(|c| !not_null(c)).cloned().collect();
            return Plan::NewIndex { from: capitalize_first(&e.label()), columns, nullable };
        }
    }
    let column = ["id", &format!("{}_id", table.name), "row_id"].into_iter().find(|c| table.column(c).is_none()).unwrap_or("pk_id").to_owned();
    Plan::Identity { column }
}

fn capitalize_first(s: &str) -> String {
    super::schema_support::capitalized(s)
}

/// `HASH (customer_id)` → `["customer_id"]`; expressions are left out.
fn partition_key_columns(table: &Table) -> Vec<String> {
    let Some(by) = &table.partition_by else { return Vec::new() };
    let Some(open) = by.find('(') else { return Vec::new() };
    let inner = by[open + 1..].trim_end().trim_end_matches(')');
    inner
        .split(',')
        .map(|p| p.trim().trim_matches('"'))
        .filter(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .map(|p| if table.column(p).is_some() { p.to_owned() } else { p.to_ascii_lowercase() })
        .collect()
}

fn column_summary(table: &Table) -> String {
    let mut parts: Vec<String> = table.columns.iter().take(8).map(|c| format!("{} {}{}", quote_ident(&c.name), c.data_type, if c.nullable { "" } else { " NOT NULL" })).collect();
    if table.columns.len() > 8 {
        parts.push(format!("... ({} columns)", table.columns.len()));
    }
    parts.join(", ")
}

fn recreate_unique(schema: &SchemaInput<'_>, table: &Table, index: &str, columns: &[String]) -> String {
    format!("CREATE UNIQUE INDEX CONCURRENTLY {} ON {} {};", quote_ident(index), schema.table_sql(table), column_list(columns))
}

#[cfg(test)]
mod tests {
    use crate::rules::schema_support::testing::{findings_for_schema_fixture, rule_fixture};
    use crate::rules::test_support::render;

    fn fixture(file: &str) -> Vec<crate::Finding> {
        findings_for_schema_fixture(&rule_fixture(super::META.id, file), super::META.id)
    }

    #[test]
    fn fires_on_table_without_key() {
        let findings = fixture("fires.sql");
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn promotes_a_unique_index_on_not_null_columns() {
        let findings = fixture("fires-natural-key.sql");
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn partitioned_table_fires_once_with_the_partition_key() {
        let findings = fixture("fires-partitioned.sql");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(findings[0].fix.sql.as_deref().is_some_and(|s| s.contains("PRIMARY KEY (id, customer_id)")));
    }

    #[test]
    fn quiet_with_keys_partitions_and_views() {
        assert!(fixture("quiet.sql").is_empty());
    }
}
