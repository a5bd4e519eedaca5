use super::schema_support::{drop_index_risk, index_entries, schema, IndexEntry, IndexOrigin, SchemaInput};
use super::Context;
use crate::report::{Finding, Impact, Severity};

declare_rule! {
    /// ## What it does
    /// Finds a non-unique B-tree index whose keys are the leading keys of another
    /// B-tree index of the same table with the same predicate (primary keys and
    /// unique constraints included): `(a)` next to `(a, b)`. Its `INCLUDE` columns, if
    /// any, must be in the other index too. A warning when the other index has just
    /// one key more and no `INCLUDE` columns (it is barely larger), advice otherwise.
    ///
    /// ## Why it matters
    /// A B-tree on `(a, b)` serves every search on `a` alone, in either direction:
    /// the shorter index repeats part of it. PostgreSQL still maintains it on every
    /// insert and every update of `a`, and stores, caches and vacuums it.
    ///
    /// ## Example
    /// ```sql
    /// CREATE INDEX orders_customer_idx ON orders (customer_id);
    /// CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at);
    /// ```
    ///
    /// ## Fix
    /// ```sql
    /// DROP INDEX CONCURRENTLY orders_customer_idx;
    /// ```
    /// The shorter index is smaller, so a query that reads many of its entries is
    /// somewhat faster through it; keep it if a hot query depends on that.
    id: "redundant-index",
    category: Schema,
    severity: Info,
    summary: "An index whose keys lead another index",
}

/// Can `wider` serve every search `narrow` serves: same predicate, and `narrow`'s
/// keys are its leading keys (direction ignored for a single key, which a B-tree
/// reads both ways).
fn covers(narrow: &IndexEntry<'_>, wider: &IndexEntry<'_>) -> bool {
    if wider.method != "btree" || wider.predicate != narrow.predicate || wider.keys.len() <= narrow.keys.len() {
        return false;
    }
    let prefix = narrow.keys.iter().zip(&wider.keys).all(|(a, b)| {
        let same_direction = a.descending == b.descending || narrow.keys.len() == 1;
        a.target == b.target && a.expression == b.expression && a.opclass == b.opclass && same_direction
    });
    let included = narrow.include.iter().all(|c| wider.include.contains(c) || wider.keys.iter().any(|k| !k.expression && &k.target == c));
    prefix && included
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    for table in schema.catalog.tables.values() {
        let entries = index_entries(table);
        for narrow in &entries {
            if narrow.origin != IndexOrigin::Index || narrow.unique || narrow.method != "btree" || narrow.attached {
                continue;
            }
            let best = entries.iter().filter(|w| w.name != narrow.name && covers(narrow, w)).min_by_key(|w| (w.keys.len(), w.include.len()));
            if let Some(wider) = best {
                // A partition's index whose twin is also local: reported per partition.
                out.push(finding(&schema, narrow, wider));
            }
        }
    }
}

fn finding(schema: &SchemaInput<'_>, narrow: &IndexEntry<'_>, wider: &IndexEntry<'_>) -> Finding {
    let table_sql = schema.table_sql(narrow.table);
    let narrow_written = schema.index_written(narrow);
    let wider_written = schema.index_written(wider);
    let close = wider.keys.len() == narrow.keys.len() + 1 && wider.include.is_empty();
    let f = Finding::new(
        &META,
        format!("Index {} on {table_sql} is covered by {}", narrow.name, wider.name),
        format!(
            "On {table_sql}, {} {} indexes the leading keys of {} {}: every search {} serves, {} serves too, reading the \
             same leading keys. PostgreSQL still writes {} on every insert and every update of its columns, and stores, \
             caches and vacuums it.",
            narrow.label(),
            narrow.shape(),
            wider.label(),
            wider.shape(),
            narrow.name,
            wider.name,
            narrow.name
        ),
    )
    .location(narrow_written.location)
    .evidence("Redundant", if narrow_written.text.is_empty() { narrow.label() } else { narrow_written.text })
    .evidence("Covered by", if wider_written.text.is_empty() { wider.label() } else { wider_written.text });
    let f = if close { f.severity(Severity::Warning) } else { f };
    f.impact(Impact {
        text: format!(
            "Frees the space and cache {} takes, and every insert and every update of its columns writes one index fewer. \
             Searches on its keys go through {}, which is larger by {} key{}{}: slightly more pages per search.",
            narrow.name,
            wider.name,
            wider.keys.len() - narrow.keys.len(),
            if wider.keys.len() - narrow.keys.len() == 1 { "" } else { "s" },
            if wider.include.is_empty() { String::new() } else { " and its INCLUDE columns".to_owned() }
        ),
        ..Impact::default()
    })
    .fix(
        Some(schema.drop_sql(narrow)),
        format!(
            "Drop {} and let {} serve its searches. Keep it if a hot query reads many of its entries (a range scan or an \
             index-only scan), where the smaller index is measurably faster: check pg_stat_user_indexes.idx_scan for both first.",
            narrow.name, wider.name
        ),
    )
    .risk(drop_index_risk(narrow, &table_sql))
    .rollback(Some(schema.recreate_sql(narrow)), "Builds the index again.")
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
    fn fires_on_prefix_index() {
        let findings = fixture("fires.sql");
        assert_eq!(findings.len(), 2, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
        assert_eq!(findings[0].severity, Severity::Warning);
        assert_eq!(findings[1].severity, Severity::Info);
    }

    #[test]
    fn quiet_when_unique_partial_or_not_a_prefix() {
        assert!(fixture("quiet.sql").is_empty());
    }
}
