use std::collections::BTreeMap;

use super::schema_support::{drop_index_risk, index_entries, schema, IndexEntry, IndexOrigin, KeyShape, SchemaInput};
use super::Context;
use crate::report::{Finding, Impact};
use crate::sql::names::QualifiedName;

declare_rule! {
    /// ## What it does
    /// Finds two indexes of one table with the same access method, the same keys
    /// (columns or expressions, operator classes and directions), the same `INCLUDE`
    /// columns and the same predicate. The indexes behind primary keys and unique
    /// constraints count. Identical indexes created on each partition of one table
    /// are one finding.
    ///
    /// ## Why it matters
    /// Queries use one of them; PostgreSQL maintains both on every insert and every
    /// update of their columns, stores and caches both, and vacuums both.
    ///
    /// ## Example
    /// ```sql
    /// CREATE INDEX orders_customer_idx ON orders (customer_id);
    /// CREATE INDEX idx_orders_customer_id ON orders (customer_id);
    /// ```
    ///
    /// ## Fix
    /// Drop the one that does not back a constraint (a unique one is kept over a plain
    /// one, else the first created), without blocking writes:
    /// ```sql
    /// DROP INDEX CONCURRENTLY idx_orders_customer_id;
    /// ```
    id: "duplicate-index",
    category: Schema,
    severity: Warning,
    summary: "Two indexes with the same definition on one table",
}

/// What makes two index entries the same.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Signature {
    method: String,
    keys: Vec<KeyShape>,
    include: Vec<String>,
    predicate: Option<String>,
}

fn signature(entry: &IndexEntry<'_>) -> Signature {
    let mut include = entry.include.clone();
    include.sort();
    Signature { method: entry.method.clone(), keys: entry.keys.clone(), include, predicate: entry.predicate.clone() }
}

/// Which entry of a set of identical ones to keep: the primary key, then a unique
/// constraint, then a partition's copy of its parent's index (it cannot be dropped
/// alone), then a unique index, then the first created.
fn keep_rank(entry: &IndexEntry<'_>) -> (u8, usize, u32) {
    let rank = match entry.origin {
        IndexOrigin::PrimaryKey => 0,
        IndexOrigin::Unique => 1,
        IndexOrigin::Index if entry.attached => 2,
        IndexOrigin::Index if entry.unique => 3,
        IndexOrigin::Index => 4,
    };
    (rank, entry.defined_at.statement, entry.defined_at.line)
}

/// One table's set of identical indexes: the one kept and those to drop.
struct Duplicates<'a> {
    keep: IndexEntry<'a>,
    drop: Vec<IndexEntry<'a>>,
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    let mut partition_groups: BTreeMap<(QualifiedName, Signature), Vec<Duplicates<'_>>> = BTreeMap::new();
    for table in schema.catalog.tables.values() {
        let mut clusters: BTreeMap<Signature, Vec<IndexEntry<'_>>> = BTreeMap::new();
        for entry in index_entries(table) {
            clusters.entry(signature(&entry)).or_default().push(entry);
        }
        for (sig, mut cluster) in clusters {
            if cluster.len() < 2 {
                continue;
            }
            cluster.sort_by_key(keep_rank);
            let keep = cluster.remove(0);
            let drop: Vec<IndexEntry<'_>> = cluster.into_iter().filter(|e| !e.attached).collect();
            if drop.is_empty() {
                // A partition's copies of its parent's indexes: reported on the parent.
                continue;
            }
            let duplicates = Duplicates { keep, drop };
            match schema.parent(table) {
                Some(_) => partition_groups.entry((schema.root(table).qualified_name(), sig)).or_default().push(duplicates),
                None => out.push(finding(&schema, &[duplicates])),
            }
        }
    }
    for group in partition_groups.into_values() {
        out.push(finding(&schema, &group));
    }
}

fn finding(schema: &SchemaInput<'_>, groups: &[Duplicates<'_>]) -> Finding {
    let first = &groups[0];
    let table = first.keep.table;
    let table_sql = schema.table_sql(table);
    let dropped = &first.drop[0];
    let kept_written = schema.index_written(&first.keep);
    let dropped_written = schema.index_written(dropped);
    let (title, subject) = if groups.len() == 1 {
        (
            format!("Index {} duplicates {} on {table_sql}", dropped.name, first.keep.name),
            format!("On {table_sql}, {} {}", dropped.label(), dropped.shape()),
        )
    } else {
        let root = schema.table_sql(schema.root(table));
        (
            format!("{} partitions of {root} each have two identical indexes on {}", groups.len(), first.keep.shape()),
            format!("On {} partitions of {root} (for example {table_sql}), {} {}", groups.len(), dropped.label(), dropped.shape()),
        )
    };
    let mut f = Finding::new(
        &META,
        title,
        format!(
            "{subject} is the same index as {}: same method, keys and predicate. Queries use one of them, but PostgreSQL \
             writes both on every insert and on every update of their columns, and stores, caches and vacuums both.",
            first.keep.label()
        ),
    )
    .location(dropped_written.location)
    .evidence("Kept", if kept_written.text.is_empty() { first.keep.label() } else { kept_written.text })
    .evidence("Duplicate", if dropped_written.text.is_empty() { dropped.label() } else { dropped_written.text });
    for extra in first.drop.iter().skip(1) {
        f = f.evidence("Duplicate", schema.index_written(extra).text);
    }
    if groups.len() > 1 {
        let pairs: Vec<String> = groups.iter().flat_map(|g| g.drop.iter().map(move |d| format!("{} = {}", d.name, g.keep.name))).collect();
        f = f.evidence("Duplicates", pairs.join(", "));
    }
    let drops: Vec<&IndexEntry<'_>> = groups.iter().flat_map(|g| g.drop.iter()).collect();
    let fix: Vec<String> = drops.iter().map(|d| schema.drop_sql(d)).collect();
    let rollback: Vec<String> = drops.iter().map(|d| schema.recreate_sql(d)).collect();
    let names: Vec<&str> = drops.iter().map(|d| d.name.as_str()).collect();
    let constraint = drops.iter().any(|d| d.origin != IndexOrigin::Index);
    f.impact(Impact {
        text: format!(
            "Drops {} index{}: its disk space and cache are freed, and every insert and every update of its columns writes \
             one index fewer. Queries keep the same plan through {}.",
            drops.len(),
            if drops.len() == 1 { "" } else { "es" },
            first.keep.name
        ),
        ..Impact::default()
    })
    .fix(
        Some(fix.join("\n")),
        if constraint {
            format!("Drop {}, the constraint that repeats {}; the other keeps enforcing the same rule.", names.join(", "), first.keep.label())
        } else {
            let kept: Vec<&str> = groups.iter().map(|g| g.keep.name.as_str()).collect();
            format!("Drop {} and keep {}.", names.join(", "), kept.join(", "))
        },
    )
    .risk(drop_index_risk(dropped, &table_sql))
    .rollback(Some(rollback.join("\n")), "Builds the dropped index again.")
}

#[cfg(test)]
mod tests {
    use crate::rules::schema_support::testing::{findings_for_schema_fixture, rule_fixture};
    use crate::rules::test_support::render;

    fn fixture(file: &str) -> Vec<crate::Finding> {
        findings_for_schema_fixture(&rule_fixture(super::META.id, file), super::META.id)
    }

    #[test]
    fn fires_on_identical_indexes() {
        let findings = fixture("fires.sql");
        assert_eq!(findings.len(), 2, "{findings:#?}");
        let plain = findings.iter().find(|f| f.title.starts_with("Index orders_customer_id_idx2")).expect("plain duplicate");
        insta::assert_snapshot!(render(plain));
        let unique = findings.iter().find(|f| f.title.contains("customers")).expect("constraint duplicate");
        assert_eq!(unique.fix.sql.as_deref(), Some("DROP INDEX CONCURRENTLY IF EXISTS customers_email_idx;"));
    }

    #[test]
    fn partitions_with_the_same_duplicate_are_one_finding() {
        let findings = fixture("fires-partitions.sql");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].fix.sql.as_deref().map(|s| s.lines().count()), Some(2));
    }

    #[test]
    fn quiet_when_method_predicate_or_order_differ() {
        assert!(fixture("quiet.sql").is_empty());
    }
}
