use std::collections::BTreeMap;

use super::advice::create_index_risk;
use super::schema_support::{column_list, column_names, index_entries, schema, SchemaInput};
use super::Context;

/// Foreign keys of partitions of one table that are the same key: the topmost
/// partitioned table, the columns and the referenced table.
type ForeignKeyGroup = (QualifiedName, Vec<String>, QualifiedName);
use crate::report::{Finding, Impact};
use crate::sql::catalog::{ForeignKey, Index, ReferentialAction, Table};
use crate::sql::names::QualifiedName;

declare_rule! {
    /// ## What it does
    /// Finds foreign keys whose columns are not the leading columns of any index on
    /// the referencing table. Primary keys, unique constraints, and exclusion
    /// constraints that compare the columns with `=` count as indexes; a partial
    /// index does not (the check looks up every row), unless its predicate only
    /// says the key is not null.
    ///
    /// With a plan beside the schema, the plan's time on the key (a scan or join on
    /// it, or the foreign key's trigger on a DELETE) becomes evidence and the finding
    /// a warning ranked by that time; when the plan's own finding proposes the same
    /// index, the two are one finding (`also: fk-missing-index`).
    ///
    /// ## Why it matters
    /// PostgreSQL indexes the referenced side of a foreign key (it must be unique),
    /// never the referencing side. Every `DELETE` from the referenced table, and every
    /// update of its key, looks for referencing rows: without an index that is a
    /// sequential scan of the referencing table for each row deleted, run by a
    /// trigger while the deleting transaction holds its locks. `ON DELETE CASCADE`
    /// and `SET NULL` then also have to find the rows to change. Joins from the
    /// parent to the child on the key have no index to use either.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);
    /// -- DELETE FROM customers WHERE id = 42 scans all of orders
    /// ```
    ///
    /// ## Fix
    /// An index on the foreign key's columns, built without blocking writes:
    /// ```sql
    /// CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);
    /// ```
    /// On a partitioned table, `CREATE INDEX CONCURRENTLY` is not available: create the
    /// parent's index `ON ONLY` the parent, build each partition's index concurrently
    /// and attach it.
    id: "fk-missing-index",
    category: Schema,
    severity: Warning,
    summary: "A foreign key with no index on its referencing columns",
}

/// What serves lookups on a foreign key's columns, by name.
pub fn covering_index(schema: &SchemaInput<'_>, table: &Table, columns: &[String]) -> Option<String> {
    let leads_with = |keys: &[String]| keys.len() >= columns.len() && columns.iter().all(|c| keys[..columns.len()].contains(c));
    let mut owners = vec![table];
    owners.extend(schema.ancestors(table));
    for owner in owners {
        if let Some(key) = owner.primary_key.iter().chain(&owner.unique_constraints).find(|k| leads_with(&k.columns)) {
            return Some(key.name.clone());
        }
        for index in &owner.indexes {
            if serves_lookup(index, columns) && leads_with(&index.leading_columns()) {
                return Some(index.name.clone());
            }
        }
        for exclusion in &owner.exclusion_constraints {
            let equal_columns: Vec<String> = exclusion.elements.iter().map_while(|e| equality_element(e)).collect();
            if leads_with(&equal_columns) {
                return Some(exclusion.name.clone());
            }
        }
    }
    None
}

/// Can `index` answer `columns = $1` for every row: a B-tree or GiST (btree_gist)
/// index, or a hash index on the one column; not partial, unless the predicate
/// only excludes nulls of those columns (implied by the equality).
fn serves_lookup(index: &Index, columns: &[String]) -> bool {
    let method_fits = match index.method.as_str() {
        "btree" | "gist" => true,
        "hash" => columns.len() == 1 && index.keys.len() == 1,
        _ => false,
    };
    method_fits && index.predicate.as_deref().is_none_or(|p| only_not_null(p, columns))
}

/// `(a IS NOT NULL)`, `a IS NOT NULL AND b IS NOT NULL` over `columns` only.
fn only_not_null(predicate: &str, columns: &[String]) -> bool {
    let text = predicate.replace(['(', ')'], " ");
    let upper = text.to_ascii_uppercase();
    upper.split(" AND ").all(|part| {
        let part = part.trim();
        part.strip_suffix("IS NOT NULL").is_some_and(|column| {
            let column = column.trim().trim_matches('"');
            columns.iter().any(|c| c.eq_ignore_ascii_case(column))
        })
    })
}

/// `product_id WITH =` → `product_id`.
fn equality_element(element: &str) -> Option<String> {
    let (column, operator) = element.rsplit_once(" WITH ")?;
    let column = column.trim();
    let plain = column.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '"');
    (operator.trim() == "=" && plain).then(|| column.trim_matches('"').to_owned())
}

/// Partial indexes whose leading columns match but whose predicate keeps them from
/// serving the check.
fn partial_lookalikes<'t>(schema: &SchemaInput<'t>, table: &'t Table, columns: &[String]) -> Vec<&'t Index> {
    let leads_with = |keys: &[String]| keys.len() >= columns.len() && columns.iter().all(|c| keys[..columns.len()].contains(c));
    schema
        .indexes_with_inherited(table)
        .into_iter()
        .map(|(_, i)| i)
        .filter(|i| i.predicate.is_some() && !serves_lookup(i, columns) && leads_with(&i.leading_columns()))
        .collect()
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    // Foreign keys declared on each partition of one parent are one finding.
    let mut groups: BTreeMap<ForeignKeyGroup, Vec<(&Table, &ForeignKey)>> = BTreeMap::new();
    let mut singles: Vec<(&Table, &ForeignKey)> = Vec::new();
    for table in schema.catalog.tables.values() {
        for fk in &table.foreign_keys {
            if covering_index(&schema, table, &fk.columns).is_some() {
                continue;
            }
            match schema.parent(table) {
                Some(_) => {
                    let root = schema.root(table).qualified_name();
                    groups.entry((root, fk.columns.clone(), fk.referenced_table.clone())).or_default().push((table, fk));
                }
                None => singles.push((table, fk)),
            }
        }
    }
    for (table, fk) in singles {
        out.push(with_plan(&schema, table, fk, finding(&schema, table, fk)));
    }
    for members in groups.into_values() {
        match members.as_slice() {
            [(table, fk)] => out.push(with_plan(&schema, table, fk, finding(&schema, table, fk))),
            _ => {
                let (table, fk) = members[0];
                out.push(with_plan(&schema, schema.root(table), fk, partition_finding(&schema, &members)));
            }
        }
    }
}

/// With a plan beside the schema: where the plan pays for the missing index (a scan
/// or join on the key, or the foreign key's trigger) becomes evidence, the finding a
/// warning ranked by that time, and the plan an input it used.
fn with_plan(schema: &SchemaInput<'_>, table: &Table, fk: &ForeignKey, f: Finding) -> Finding {
    let f = f.subject(super::catalog_check::table_key(table), fk.columns.clone());
    let Some(usage) = super::catalog_check::foreign_key_use(schema.ctx, table, fk) else { return f };
    let severity = f.severity.max(crate::Severity::Warning);
    let mut f = f.evidence("In the plan", usage.text).severity(severity).used([usage.input]);
    f.impact.time_share = usage.share;
    f.impact.time_ms = usage.time_ms;
    if let Some(time) = usage.time_ms {
        f.impact.text.push_str(&format!(" The plan spends {} where this index would serve it.", super::format::ms(time)));
    }
    f
}

fn finding(schema: &SchemaInput<'_>, table: &Table, fk: &ForeignKey) -> Finding {
    let table_sql = schema.table_sql(table);
    let referenced = schema.referenced_sql(&fk.referenced_table, table);
    let written = schema.foreign_key(fk);
    let columns = column_names(&fk.columns);
    let mut f = Finding::new(
        &META,
        format!("No index on {table_sql} ({columns}) for foreign key {}", fk.name),
        format!(
            "{table_sql} ({columns}) references {referenced} {}, but no index on {table_sql} starts with {}. \
             Every DELETE from {referenced}, and every change of its key, looks for referencing rows in {table_sql}: \
             without an index that is a sequential scan of {table_sql} for each row deleted{}. Joins from {referenced} \
             to {table_sql} on this key have no index to use either.",
            column_list(&fk.referenced_columns),
            plural_columns(&fk.columns),
            cascade_text(fk)
        ),
    )
    .location(written.location)
    .evidence("Foreign key", if written.text.is_empty() { fk.name.clone() } else { written.text.clone() })
    .evidence(format!("Indexes on {table_sql}"), index_summary(schema, table));
    for partial in partial_lookalikes(schema, table, &fk.columns) {
        let shape = index_entries(table).into_iter().chain(schema.ancestors(table).into_iter().flat_map(index_entries)).find(|e| e.name == partial.name).map(|e| e.shape()).unwrap_or_default();
        f = f.evidence("Partial index", format!("{} {shape}: the check looks up every row, so the planner cannot use it", partial.name));
    }
    f = f.impact(Impact {
        text: format!(
            "Each referential check from {referenced} becomes an index lookup instead of a scan of {table_sql}, so \
             deletes and key updates on {referenced} stop slowing down as {table_sql} grows; joins on {columns} can use \
             the index."
        ),
        ..Impact::default()
    });
    if table.is_partitioned() {
        let (create, drop_sql) = partitioned_index(schema, table, &fk.columns);
        f.fix(
            Some(create),
            format!(
                "Index {table_sql} on {}. {table_sql} is partitioned and CREATE INDEX CONCURRENTLY does not work on a \
                 partitioned table: create the parent's index ON ONLY {table_sql} (it starts invalid), build each \
                 partition's index concurrently and attach it; the parent's index becomes valid once every partition's is \
                 attached.",
                column_list(&fk.columns)
            ),
        )
        .risk(format!(
            "{} CREATE INDEX ... ON ONLY takes a SHARE lock on {table_sql} alone and only briefly (it builds nothing); \
             ATTACH PARTITION is a catalog change.",
            create_index_risk(&table_sql)
        ))
        .rollback(Some(drop_sql), "Dropping the parent's index drops the attached partition indexes with it (DROP INDEX CONCURRENTLY is not available for a partitioned index).")
    } else {
        let name = schema.free_index_name(table, &fk.columns, &[]);
        f.fix(
            Some(format!("CREATE INDEX CONCURRENTLY {} ON {table_sql} {};", quote(&name), column_list(&fk.columns))),
            format!("Index {table_sql} on {}, the foreign key's columns, without blocking writes.", column_list(&fk.columns)),
        )
        .risk(create_index_risk(&table_sql))
        .rollback(Some(format!("DROP INDEX CONCURRENTLY IF EXISTS {};", schema.sibling_sql(table, &name))), "Drops the index without blocking writes.")
    }
}

/// The same foreign key declared on several partitions of one parent.
fn partition_finding(schema: &SchemaInput<'_>, members: &[(&Table, &ForeignKey)]) -> Finding {
    let (first_table, first_fk) = members[0];
    let root = schema.root(first_table);
    let root_sql = schema.table_sql(root);
    let referenced = schema.referenced_sql(&first_fk.referenced_table, first_table);
    let columns = column_names(&first_fk.columns);
    let written = schema.foreign_key(first_fk);
    let partitions: Vec<String> = members.iter().map(|(t, _)| schema.table_sql(t)).collect();
    let mut creates = Vec::new();
    let mut drops = Vec::new();
    let mut used: Vec<String> = Vec::new();
    for (table, _) in members {
        let name = schema.free_index_name(table, &first_fk.columns, &used);
        creates.push(format!("CREATE INDEX CONCURRENTLY {} ON {} {};", quote(&name), schema.table_sql(table), column_list(&first_fk.columns)));
        drops.push(format!("DROP INDEX CONCURRENTLY IF EXISTS {};", schema.sibling_sql(table, &name)));
        used.push(name);
    }
    Finding::new(
        &META,
        format!("No index on {columns} for the foreign keys on {} partitions of {root_sql}", members.len()),
        format!(
            "{} partitions of {root_sql} each declare a foreign key on {} referencing {referenced}, and none of them has \
             an index that starts with {}. Every DELETE from {referenced}, and every change of its key, scans each of \
             these partitions for referencing rows{}.",
            members.len(),
            column_list(&first_fk.columns),
            plural_columns(&first_fk.columns),
            cascade_text(first_fk)
        ),
    )
    .location(written.location)
    .evidence("Foreign key", if written.text.is_empty() { first_fk.name.clone() } else { written.text })
    .evidence("Foreign keys", members.iter().map(|(_, fk)| fk.name.as_str()).collect::<Vec<_>>().join(", "))
    .evidence("Partitions", partitions.join(", "))
    .impact(Impact {
        text: format!(
            "Each referential check from {referenced} becomes one index lookup per partition instead of a scan of {} \
             partitions.",
            members.len()
        ),
        ..Impact::default()
    })
    .fix(Some(creates.join("\n")), format!("Index each partition on {}, without blocking writes.", column_list(&first_fk.columns)))
    .risk(format!("{} Each statement runs on its own, outside a transaction block.", create_index_risk(&root_sql)))
    .rollback(Some(drops.join("\n")), "Drops the indexes without blocking writes.")
}

/// The statements that index a partitioned table and all its partitions without
/// blocking writes, and the one that undoes them.
fn partitioned_index(schema: &SchemaInput<'_>, table: &Table, columns: &[String]) -> (String, String) {
    let mut used = Vec::new();
    let mut lines = Vec::new();
    let name = index_tree(schema, table, columns, &mut used, &mut lines);
    (lines.join("\n"), format!("DROP INDEX IF EXISTS {};", schema.sibling_sql(table, &name)))
}

fn index_tree(schema: &SchemaInput<'_>, table: &Table, columns: &[String], used: &mut Vec<String>, lines: &mut Vec<String>) -> String {
    let name = schema.free_index_name(table, columns, used);
    used.push(name.clone());
    let table_sql = schema.table_sql(table);
    let partitions = schema.partitions(table);
    if !table.is_partitioned() {
        lines.push(format!("CREATE INDEX CONCURRENTLY {} ON {table_sql} {};", quote(&name), column_list(columns)));
        return name;
    }
    if partitions.is_empty() {
        lines.push(format!("CREATE INDEX {} ON {table_sql} {};", quote(&name), column_list(columns)));
        return name;
    }
    lines.push(format!("CREATE INDEX {} ON ONLY {table_sql} {};", quote(&name), column_list(columns)));
    for partition in partitions {
        let child = index_tree(schema, partition, columns, used, lines);
        lines.push(format!("ALTER INDEX {} ATTACH PARTITION {};", schema.sibling_sql(table, &name), schema.sibling_sql(partition, &child)));
    }
    name
}

fn quote(name: &str) -> String {
    super::fixsql::quote_ident(name)
}

fn plural_columns(columns: &[String]) -> String {
    match columns {
        [one] => super::fixsql::quote_ident(one),
        _ => format!("those {} columns", columns.len()),
    }
}

fn cascade_text(fk: &ForeignKey) -> &'static str {
    match fk.on_delete {
        ReferentialAction::Cascade => ", and ON DELETE CASCADE then has to find the same rows to delete them",
        ReferentialAction::SetNull | ReferentialAction::SetDefault => ", and the ON DELETE action then has to find the same rows to update them",
        _ => "",
    }
}

/// `film_category_pkey (film_id, category_id); idx_x (a)` or `none`.
fn index_summary(schema: &SchemaInput<'_>, table: &Table) -> String {
    let mut owners = vec![table];
    owners.extend(schema.ancestors(table));
    let mut parts: Vec<String> = owners.iter().flat_map(|t| index_entries(t)).map(|e| format!("{} {}", e.name, e.shape())).collect();
    for exclusion in &table.exclusion_constraints {
        parts.push(format!("{} EXCLUDE USING {} ({})", exclusion.name, exclusion.method, exclusion.elements.join(", ")));
    }
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join("; ")
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
    fn fires_on_unindexed_foreign_key() {
        let findings = fixture("fires.sql");
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn partitioned_table_gets_on_only_recipe() {
        let findings = fixture("fires-partitioned.sql");
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn partial_index_does_not_count() {
        let findings = fixture("fires-partial.sql");
        assert_eq!(findings.len(), 1);
        assert!(findings[0].evidence.iter().any(|e| e.label == "Partial index"));
    }

    #[test]
    fn quiet_when_an_index_leads_with_the_columns() {
        // Composite index leading with the key, unique index, primary key, exclusion
        // constraint, partial index on IS NOT NULL.
        assert!(fixture("quiet.sql").is_empty());
    }
}
