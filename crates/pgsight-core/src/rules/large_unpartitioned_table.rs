use super::fixsql::quote_ident;
use super::format::count;
use super::schema_support::{column_list, schema};
use super::Context;
use crate::report::{Finding, Impact};
use crate::snapshot::bytes_text;
use crate::sql::catalog::{Column, Table};

declare_rule! {
    /// ## What it does
    /// Reads a health snapshot (`pgsight snapshot-sql`) and points out tables of at
    /// least 10 million rows (`min_rows`) that are not partitioned, as advice (info).
    /// It proposes a partition key: a `NOT NULL` timestamp or date column
    /// (`created_at` first), else the primary key, hashed.
    ///
    /// ## Why it matters
    /// Past tens of millions of rows, one table makes every whole-table operation
    /// long: VACUUM and its anti-wraparound freezing, index builds, ANALYZE samples
    /// that miss skew, and deleting old data row by row. Partitioned by time, old
    /// data goes with `DROP TABLE` of a partition, maintenance works partition by
    /// partition, and queries that filter on the key read only the partitions they
    /// need. It is a project, not a quick fix: primary and unique keys must include
    /// the partition key, and the data has to be copied.
    ///
    /// ## Example
    /// ```text
    /// orders: 48,000,000 rows, 21 GB, not partitioned
    /// ```
    ///
    /// ## Fix
    /// Build the partitioned table beside the old one, copy in batches, swap names:
    /// ```sql
    /// CREATE TABLE orders_partitioned (LIKE orders INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (created_at);
    /// ALTER TABLE orders_partitioned ADD PRIMARY KEY (id, created_at);
    /// CREATE TABLE orders_partitioned_default PARTITION OF orders_partitioned DEFAULT;
    /// ```
    id: "large-unpartitioned-table",
    category: Schema,
    severity: Info,
    summary: "A table of 10M+ rows that is not partitioned (health snapshot)",
    thresholds: Thresholds,
}

/// Defaults.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    pub min_rows: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_rows: 10_000_000.0 }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    let t: Thresholds = ctx.thresholds(&META);
    for table in schema.catalog.tables.values().filter(|t| !t.is_partitioned() && t.partition_of.is_none()) {
        let Some(rows) = table.stats.as_ref().and_then(|s| s.rows()) else { continue };
        if rows < t.min_rows {
            continue;
        }
        let table_sql = schema.table_sql(table);
        let key = partition_key(table);
        let new_name = schema.free_name(&table.schema, &format!("{}_partitioned", table.name), &[]);
        let new_sql = schema.sibling_sql(table, &new_name);
        let default_sql = schema.sibling_sql(table, &format!("{new_name}_default"));
        let (method, key_columns) = match &key {
            Key::Range(column) => ("RANGE", vec![column.name.clone()]),
            Key::Hash(columns) => ("HASH", columns.clone()),
        };
        let mut sql = vec![format!(
            "CREATE TABLE {new_sql} (LIKE {table_sql} INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY {method} {};",
            column_list(&key_columns)
        )];
        if let Some(pk) = &table.primary_key {
            let mut columns = pk.columns.clone();
            for c in &key_columns {
                if !columns.contains(c) {
                    columns.push(c.clone());
                }
            }
            sql.push(format!("ALTER TABLE {new_sql} ADD PRIMARY KEY {};", column_list(&columns)));
        }
        match &key {
            Key::Range(_) => sql.push(format!("CREATE TABLE {default_sql} PARTITION OF {new_sql} DEFAULT;")),
            Key::Hash(_) => {
                for i in 0..4 {
                    let part = schema.sibling_sql(table, &format!("{new_name}_{i}"));
                    sql.push(format!("CREATE TABLE {part} PARTITION OF {new_sql} FOR VALUES WITH (MODULUS 4, REMAINDER {i});"));
                }
            }
        }
        let stats = table.stats.as_ref();
        let mut f = Finding::new(
            &META,
            format!("{table_sql} has {} rows and is not partitioned", count(rows)),
            format!(
                "{table_sql} holds {} rows{} in one table: VACUUM, freezing, index builds and deletes of old data each work \
                 on all of it. Partitioned by {}, maintenance runs per partition, old data leaves with DROP TABLE, and \
                 queries that filter on the key skip the other partitions.",
                count(rows),
                stats.and_then(|s| s.total_bytes).map(|b| format!(" ({} with its indexes)", bytes_text(b as f64))).unwrap_or_default(),
                match &key {
                    Key::Range(c) => format!("range of {}", quote_ident(&c.name)),
                    Key::Hash(c) => format!("hash of {}", column_list(c)),
                }
            ),
        )
        .location(schema.statement_location(&table.defined_at))
        .evidence("Rows", count(rows));
        if let Some(bytes) = stats.and_then(|s| s.total_bytes) {
            f = f.evidence("Total size", bytes_text(bytes as f64));
        }
        out.push(
            f.impact(Impact {
                text: "Maintenance and data retention per partition instead of per table; partition pruning for queries that \
                       filter on the key."
                    .to_owned(),
                ..Impact::default()
            })
            .fix(
                Some(sql.join("\n")),
                format!(
                    "Create the partitioned table beside {table_sql}{}, copy the rows over in batches (keyset on the primary \
                     key), recreate the indexes and foreign keys, then swap the names in one short transaction (ALTER TABLE \
                     ... RENAME) with writes paused or mirrored by a trigger.",
                    match &key {
                        Key::Range(_) => ", add one partition per month or year (FOR VALUES FROM ... TO ...) next to the DEFAULT one",
                        Key::Hash(_) => "",
                    }
                ),
            )
            .risk(
                "Creating the new table touches nothing else. The copy doubles the disk space for a while and adds write \
                 load; the swap takes ACCESS EXCLUSIVE locks on both tables (set a lock_timeout). Primary and unique keys \
                 must include the partition key, so uniqueness of the old key alone is no longer enforced; queries that do \
                 not filter on the key read every partition.",
            )
            .rollback(Some(format!("DROP TABLE IF EXISTS {new_sql};")), "Before the swap, drops the new table and its partitions; the old table is untouched."),
        );
    }
}

enum Key<'a> {
    Range(&'a Column),
    Hash(Vec<String>),
}

fn partition_key(table: &Table) -> Key<'_> {
    let temporal = |c: &&Column| !c.nullable && (c.normalized_type.starts_with("timestamp") || c.normalized_type == "date");
    let preferred = ["created_at", "created", "inserted_at", "occurred_at", "recorded_at", "timestamp", "date"];
    let by_name = preferred.iter().find_map(|name| table.columns.iter().filter(temporal).find(|c| c.name == *name));
    if let Some(column) = by_name.or_else(|| table.columns.iter().find(temporal)) {
        return Key::Range(column);
    }
    match &table.primary_key {
        Some(pk) => Key::Hash(pk.columns.clone()),
        None => Key::Hash(table.columns.iter().take(1).map(|c| c.name.clone()).collect()),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::render;
    use crate::snapshot::testing::{fixture_findings, snapshot_findings};

    #[test]
    fn quiet_on_the_fixture_at_the_default_threshold() {
        assert!(fixture_findings(super::META.id).is_empty());
    }

    #[test]
    fn fires_on_orders_with_a_lowered_threshold() {
        let findings = snapshot_findings(|_| {}, &[("large-unpartitioned-table", "min_rows", serde_json::json!(50_000))], super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].title, "orders has 100,000 rows and is not partitioned");
        assert_eq!(
            findings[0].fix.sql.as_deref(),
            Some(
                "CREATE TABLE orders_partitioned (LIKE orders INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (created_at);\n\
                 ALTER TABLE orders_partitioned ADD PRIMARY KEY (id, created_at);\n\
                 CREATE TABLE orders_partitioned_default PARTITION OF orders_partitioned DEFAULT;"
            )
        );
        insta::assert_snapshot!(render(&findings[0]));
    }
}
