use std::collections::BTreeSet;

use super::fixsql::quote_ident;
use super::format::count;
use super::schema_support::{alter_type_rewrite_risk, schema, SchemaInput, LOCK_TIMEOUT};
use super::Context;
use crate::report::{Finding, Impact};
use crate::sql::catalog::{Column, IdentityKind, Sequence, Table};
use crate::sql::names::QualifiedName;

declare_rule! {
    /// ## What it does
    /// Finds primary keys of type `integer` or `smallint` (`serial` included), foreign
    /// keys of those types that point at a `bigint` key, and `bigint` keys fed by a
    /// sequence declared `AS integer`. A column of a composite primary key counts
    /// only when a sequence or identity generates it.
    ///
    /// An `integer` key is a warning on tables that grow with activity: partitioned
    /// tables, and tables that reference at least two others (rentals, payments,
    /// order lines); on lookup and entity tables it is advice. `smallint` keys,
    /// narrow foreign keys and narrow sequences are always warnings.
    ///
    /// ## Why it matters
    /// An `integer` key stops at 2,147,483,647 (`smallint` at 32,767). When the
    /// sequence gets there every insert fails, and the fix, changing the column's
    /// type, rewrites the table and every table that references it under exclusive
    /// locks: hours of downtime at the worst moment. `bigint` costs 4 more bytes per
    /// value, often absorbed by alignment padding.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE orders (order_id serial PRIMARY KEY, ...);
    /// CREATE TABLE order_lines (order_id integer REFERENCES orders, ...);
    /// ```
    ///
    /// ## Fix
    /// Change the key and every column that references it, together:
    /// ```sql
    /// BEGIN;
    /// ALTER TABLE order_lines ALTER COLUMN order_id TYPE bigint;
    /// ALTER TABLE orders ALTER COLUMN order_id TYPE bigint;
    /// ALTER SEQUENCE orders_order_id_seq AS bigint;
    /// COMMIT;
    /// ```
    /// Each `ALTER COLUMN ... TYPE` rewrites its table under an ACCESS EXCLUSIVE lock;
    /// on large tables, migrate online instead (new column, backfill, swap).
    id: "prefer-bigint-key",
    category: Schema,
    severity: Warning,
    summary: "An integer or smallint key that will run out of values",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// A table that references at least this many other tables (itself or through
    /// its partitions) grows with activity: its `integer` key is a warning.
    pub min_referenced_tables_for_warning: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_referenced_tables_for_warning: 2 }
    }
}

/// The largest value of a narrow key type.
fn ceiling(normalized_type: &str) -> Option<f64> {
    match normalized_type {
        "integer" => Some(2_147_483_647.0),
        "smallint" => Some(32_767.0),
        _ => None,
    }
}

/// A column that must change with the key: the table it lives in (the partitioned
/// table for a partition's column), its name and the foreign key that ties it.
struct Referencing<'a> {
    table: &'a Table,
    column: String,
    foreign_key: String,
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    let thresholds = ctx.thresholds::<Thresholds>(&META);
    for table in schema.top_tables() {
        let Some(pk) = &table.primary_key else { continue };
        for name in &pk.columns {
            let Some(column) = table.column(name) else { continue };
            let generated = column.identity.is_some() || column.default_sequence.is_some();
            if pk.columns.len() > 1 && !generated {
                continue;
            }
            if ceiling(&column.normalized_type).is_some() {
                if !references_narrow_key(&schema, table, name) {
                    out.push(key_finding(&schema, table, column, &thresholds));
                }
            } else if column.normalized_type == "bigint" {
                if let Some(sequence) = narrow_sequence(&schema, column) {
                    out.push(sequence_finding(&schema, table, column, sequence));
                }
            }
        }
    }
    // Foreign keys narrower than the key they reference.
    let mut seen = BTreeSet::new();
    for table in schema.catalog.tables.values() {
        for fk in &table.foreign_keys {
            let Some(referenced) = schema.catalog.tables.get(&fk.referenced_table) else { continue };
            for (column, referenced_column) in fk.columns.iter().zip(&fk.referenced_columns) {
                let root = schema.root(table);
                let (Some(c), Some(r)) = (root.column(column), referenced.column(referenced_column)) else { continue };
                if ceiling(&c.normalized_type).is_some() && r.normalized_type == "bigint" && seen.insert((root.qualified_name(), column.clone())) {
                    out.push(narrow_reference_finding(&schema, root, c, referenced, r, &fk.name));
                }
            }
        }
    }
}

/// Is `column` of `table` a foreign key to an integer key of the schema? A narrow
/// key is reported with its referencing columns, a bigint one as a narrow reference.
fn references_narrow_key(schema: &SchemaInput<'_>, table: &Table, column: &str) -> bool {
    let mut owners = vec![table];
    owners.extend(schema.ancestors(table));
    owners.iter().flat_map(|t| &t.foreign_keys).any(|fk| {
        fk.columns.iter().position(|c| c == column).is_some_and(|i| {
            let referenced = schema.catalog.tables.get(&fk.referenced_table);
            let referenced_column = fk.referenced_columns.get(i).and_then(|rc| referenced?.column(rc));
            referenced_column.is_some_and(|rc| ceiling(&rc.normalized_type).is_some() || rc.normalized_type == "bigint")
        })
    })
}

/// The sequence behind a serial column when it is declared `AS integer` or
/// `AS smallint` (an identity sequence follows its column's type and is left out).
fn narrow_sequence<'a>(schema: &SchemaInput<'a>, column: &Column) -> Option<&'a Sequence> {
    let identity = column.identity.as_ref();
    if identity.is_some_and(|i| i.kind != IdentityKind::Serial) {
        return None;
    }
    let name = identity.and_then(|i| i.sequence.clone()).or_else(|| column.default_sequence.clone())?;
    let sequence = schema.catalog.sequences.get(&name)?;
    sequence.data_type.as_deref().and_then(ceiling).map(|_| sequence)
}

/// Columns referencing `table.column` through foreign keys, and the columns that
/// reference those, in the tables the rules judge (a partition's columns belong to
/// its partitioned table).
fn referencing<'a>(schema: &SchemaInput<'a>, table: &QualifiedName, column: &str, seen: &mut BTreeSet<(QualifiedName, String)>, out: &mut Vec<Referencing<'a>>) {
    for t in schema.catalog.tables.values() {
        for fk in t.foreign_keys.iter().filter(|fk| &fk.referenced_table == table) {
            let Some(i) = fk.referenced_columns.iter().position(|c| c == column) else { continue };
            let Some(own) = fk.columns.get(i) else { continue };
            let root = schema.root(t);
            if seen.insert((root.qualified_name(), own.clone())) {
                out.push(Referencing { table: root, column: own.clone(), foreign_key: fk.name.clone() });
                referencing(schema, &root.qualified_name(), own, seen, out);
            }
        }
    }
}

/// The other tables `table` and its partitions reference.
fn referenced_tables(schema: &SchemaInput<'_>, table: &Table) -> BTreeSet<QualifiedName> {
    let own = table.qualified_name();
    let mut tables: Vec<&Table> = vec![table];
    let mut i = 0;
    while i < tables.len() {
        let partitions = schema.partitions(tables[i]);
        tables.extend(partitions);
        i += 1;
    }
    tables.iter().flat_map(|t| &t.foreign_keys).map(|fk| fk.referenced_table.clone()).filter(|r| *r != own).collect()
}

fn key_finding(schema: &SchemaInput<'_>, table: &Table, column: &Column, thresholds: &Thresholds) -> Finding {
    let table_sql = schema.table_sql(table);
    let name = quote_ident(&column.name);
    let limit = ceiling(&column.normalized_type).unwrap_or(0.0);
    let written = schema.column(column);
    let mut seen = BTreeSet::from([(table.qualified_name(), column.name.clone())]);
    let mut refs = Vec::new();
    referencing(schema, &table.qualified_name(), &column.name, &mut seen, &mut refs);
    let narrow_refs: Vec<&Referencing<'_>> = refs.iter().filter(|r| r.table.column(&r.column).is_some_and(|c| ceiling(&c.normalized_type).is_some())).collect();
    let sequence = narrow_sequence(schema, column);
    let source = match (&column.identity, sequence) {
        (_, Some(s)) => format!(", drawn from sequence {} AS {}", schema.name_sql(&QualifiedName::new(Some(&s.schema), &s.name), table), s.data_type.as_deref().unwrap_or("")),
        (Some(i), None) if i.kind != IdentityKind::Serial => ", an identity column".to_owned(),
        (_, None) if column.default_sequence.is_some() => ", drawn from a sequence".to_owned(),
        _ => String::new(),
    };
    let referenced = referenced_tables(schema, table);
    let grows = column.normalized_type == "smallint" || table.is_partitioned() || referenced.len() >= thresholds.min_referenced_tables_for_warning;
    let growth_text = if grows {
        String::new()
    } else {
        format!(
            " {table_sql} references {} other table{}: it looks like a lookup or entity table, which rarely reaches that \
             many rows; widening it is still cheapest while it is small.",
            referenced.len(),
            if referenced.len() == 1 { "" } else { "s" }
        )
    };
    let refs_text = match narrow_refs.len() {
        0 => String::new(),
        1 => " One foreign-key column references it and must change with it.".to_owned(),
        n => format!(" {n} foreign-key columns reference it and must change with it."),
    };
    let mut f = Finding::new(
        &META,
        format!("{table_sql}.{name} is {} {} key: ids run out at {}", article(&column.normalized_type), column.normalized_type, count(limit)),
        format!(
            "{table_sql}.{name} is {}, the primary key of {table_sql}{source}. Its values stop at {}: past that every insert \
             fails (nextval reaches the sequence's maximum, or the value is out of range for {}), and changing the type \
             then rewrites {table_sql} and the tables that reference it under exclusive locks, when the table is at its \
             largest.{refs_text}{growth_text}",
            column.data_type,
            count(limit),
            column.normalized_type
        ),
    )
    .location(written.location)
    .evidence("Column", if written.text.is_empty() { format!("{name} {}", column.data_type) } else { written.text });
    if !grows {
        f = f.severity(crate::report::Severity::Info);
    }
    if let Some(s) = sequence {
        f = f.evidence("Sequence", format!("{} AS {}", schema.name_sql(&QualifiedName::new(Some(&s.schema), &s.name), table), s.data_type.as_deref().unwrap_or("")));
    }
    if !narrow_refs.is_empty() {
        let list: Vec<String> = narrow_refs.iter().map(|r| format!("{}.{} ({})", schema.table_sql(r.table), quote_ident(&r.column), r.foreign_key)).collect();
        f = f.evidence("Referencing columns", list.join(", "));
    }
    let mut fix = vec![LOCK_TIMEOUT.to_owned(), "BEGIN;".to_owned()];
    let mut rollback = vec![LOCK_TIMEOUT.to_owned(), "BEGIN;".to_owned()];
    for r in &narrow_refs {
        fix.push(format!("ALTER TABLE {} ALTER COLUMN {} TYPE bigint;", schema.table_sql(r.table), quote_ident(&r.column)));
    }
    fix.push(format!("ALTER TABLE {table_sql} ALTER COLUMN {name} TYPE bigint;"));
    if let Some(s) = sequence {
        let seq = schema.name_sql(&QualifiedName::new(Some(&s.schema), &s.name), table);
        fix.push(format!("ALTER SEQUENCE {seq} AS bigint;"));
        rollback.push(format!("ALTER SEQUENCE {seq} AS {};", s.data_type.as_deref().unwrap_or("integer")));
    }
    fix.push("COMMIT;".to_owned());
    rollback.push(format!("ALTER TABLE {table_sql} ALTER COLUMN {name} TYPE {};", column.normalized_type));
    for r in narrow_refs.iter().rev() {
        let original = r.table.column(&r.column).map_or("integer", |c| c.normalized_type.as_str());
        rollback.push(format!("ALTER TABLE {} ALTER COLUMN {} TYPE {original};", schema.table_sql(r.table), quote_ident(&r.column)));
    }
    rollback.push("COMMIT;".to_owned());
    let tables = 1 + narrow_refs.iter().map(|r| r.table.qualified_name()).collect::<BTreeSet<_>>().len();
    f.impact(Impact {
        text: format!(
            "The key can grow to 9,223,372,036,854,775,807. Each value takes 8 bytes instead of {} in {table_sql}, its \
             indexes{}, often absorbed by alignment padding.",
            if column.normalized_type == "smallint" { 2 } else { 4 },
            if narrow_refs.is_empty() { String::new() } else { " and the referencing columns".to_owned() }
        ),
        ..Impact::default()
    })
    .fix(
        Some(fix.join("\n")),
        format!(
            "Change the key{} to bigint in one transaction{}. An identity column's sequence follows the column's type.",
            if narrow_refs.is_empty() { String::new() } else { " and the columns that reference it".to_owned() },
            if sequence.is_some() { ", and widen the sequence behind it" } else { "" }
        ),
    )
    .risk(format!(
        "ALTER COLUMN ... TYPE takes an ACCESS EXCLUSIVE lock and rewrites the table and every index on it; here that is \
         {tables} table{}, each locked until COMMIT, while the foreign keys are checked again: reads and writes wait for \
         the whole transaction, which needs free disk for a second copy of each table and its indexes. It fails if a view \
         or rule uses one of the columns (drop and recreate them around it). On large tables migrate online instead: add \
         a bigint column, keep it in step with a trigger, backfill it in batches, build its unique index concurrently, \
         then swap the columns and constraints in one short transaction.",
        if tables == 1 { "" } else { "s" }
    ))
    .rollback(
        Some(rollback.join("\n")),
        format!(
            "Narrows the columns back, with the same locks and rewrites; it works only while every value still fits in \
             {} (irreversible without a backup once larger ids exist).",
            column.normalized_type
        ),
    )
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn sequence_finding(schema: &SchemaInput<'_>, table: &Table, column: &Column, sequence: &Sequence) -> Finding {
    let table_sql = schema.table_sql(table);
    let name = quote_ident(&column.name);
    let seq = schema.name_sql(&QualifiedName::new(Some(&sequence.schema), &sequence.name), table);
    let seq_type = sequence.data_type.clone().unwrap_or_default();
    let limit = ceiling(&seq_type).unwrap_or(0.0);
    let written = schema.column(column);
    Finding::new(
        &META,
        format!("Sequence {seq} behind {table_sql}.{name} stops at {}", count(limit)),
        format!(
            "{table_sql}.{name} is bigint, but the sequence that numbers it, {seq}, is declared AS {seq_type}: it stops at \
             {}, and every insert fails from then on although the column could hold far larger values.",
            count(limit)
        ),
    )
    .location(written.location)
    .evidence("Column", if written.text.is_empty() { format!("{name} {}", column.data_type) } else { written.text })
    .evidence("Sequence", format!("{seq} AS {seq_type}"))
    .impact(Impact { text: "The sequence can count as far as the column: 9,223,372,036,854,775,807.".to_owned(), ..Impact::default() })
    .fix(
        Some(format!("ALTER SEQUENCE {seq} AS bigint;")),
        format!("Widen the sequence. Its maximum follows the new type when it was {seq_type}'s maximum; check it if it was set explicitly."),
    )
    .risk(format!(
        "Only the sequence changes: no table rewrite. ALTER SEQUENCE makes concurrent nextval() calls on {seq} wait for a \
         moment."
    ))
    .rollback(Some(format!("ALTER SEQUENCE {seq} AS {seq_type};")), format!("Fails once the sequence has passed {}.", count(limit)))
}

fn narrow_reference_finding(schema: &SchemaInput<'_>, table: &Table, column: &Column, referenced: &Table, referenced_column: &Column, fk: &str) -> Finding {
    let table_sql = schema.table_sql(table);
    let name = quote_ident(&column.name);
    let referenced_sql = schema.table_sql(referenced);
    let limit = ceiling(&column.normalized_type).unwrap_or(0.0);
    let written = schema.column(column);
    Finding::new(
        &META,
        format!("{table_sql}.{name} is {} but references bigint {referenced_sql}.{}", column.normalized_type, quote_ident(&referenced_column.name)),
        format!(
            "{table_sql}.{name} references {referenced_sql}.{} through {fk}, but is {} while the key is bigint. Once keys of \
             {referenced_sql} pass {}, rows that reference them cannot be stored: inserts fail with \"{} out of range\".",
            quote_ident(&referenced_column.name),
            column.normalized_type,
            count(limit),
            column.normalized_type
        ),
    )
    .location(written.location)
    .evidence("Column", if written.text.is_empty() { format!("{name} {}", column.data_type) } else { written.text })
    .evidence("Referenced column", format!("{referenced_sql}.{} {}", quote_ident(&referenced_column.name), referenced_column.data_type))
    .impact(Impact {
        text: format!("{table_sql} can reference every row of {referenced_sql}; each value takes 8 bytes instead of 4."),
        ..Impact::default()
    })
    .fix(Some(format!("{LOCK_TIMEOUT}\nALTER TABLE {table_sql} ALTER COLUMN {name} TYPE bigint;")), "Widen the column to the key's type.")
    .risk(alter_type_rewrite_risk(&table_sql))
    .rollback(
        Some(format!("{LOCK_TIMEOUT}\nALTER TABLE {table_sql} ALTER COLUMN {name} TYPE {};", column.normalized_type)),
        "Narrows the column back; works only while every value fits.",
    )
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
    fn fires_on_integer_key_with_its_references() {
        let findings = fixture("fires.sql");
        let titles: Vec<&str> = findings.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(titles.len(), 4, "{titles:#?}");
        let key = findings.iter().find(|f| f.title.starts_with("public.orders.order_id")).expect("orders key");
        assert_eq!(key.severity, Severity::Warning);
        insta::assert_snapshot!(render(key));
        let lookup = findings.iter().find(|f| f.title.starts_with("public.currencies")).expect("lookup key");
        assert_eq!(lookup.severity, Severity::Info);
        let small = findings.iter().find(|f| f.title.starts_with("public.countries")).expect("smallint key");
        assert_eq!(small.severity, Severity::Warning);
    }

    #[test]
    fn fires_on_integer_sequence_behind_bigint_key() {
        let findings = fixture("fires-sequence.sql");
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn quiet_on_bigint_keys_and_composite_parts() {
        assert!(fixture("quiet.sql").is_empty());
    }
}
