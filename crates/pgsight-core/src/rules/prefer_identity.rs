use super::fixsql::quote_ident;
use super::schema_support::{schema, SchemaInput, LOCK_TIMEOUT};
use super::Context;
use crate::report::{Finding, Impact};
use crate::sql::catalog::{Column, IdentityKind, Table};
use crate::sql::names::QualifiedName;

declare_rule! {
    /// ## What it does
    /// Finds `serial` and `bigserial` columns, including pg_dump's spelling of them: a
    /// sequence `OWNED BY` the column and a `DEFAULT nextval(...)`.
    ///
    /// ## Why it matters
    /// `serial` is a shorthand that leaves the sequence a separate object with its
    /// own permissions: every role that inserts needs `USAGE` on it, `CREATE TABLE
    /// ... LIKE` copies the default and silently shares the sequence, and rows
    /// inserted with explicit ids do not move it, so later inserts collide. An
    /// identity column (`GENERATED ALWAYS AS IDENTITY`, SQL standard) owns its
    /// sequence, needs no grant, and with `ALWAYS` refuses hand-written ids unless
    /// the insert says `OVERRIDING SYSTEM VALUE`.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE orders (order_id bigserial PRIMARY KEY);
    /// ```
    ///
    /// ## Fix
    /// Swap the default for an identity, carrying the sequence's position over:
    /// ```sql
    /// BEGIN;
    /// ALTER TABLE orders ALTER COLUMN order_id DROP DEFAULT;
    /// ALTER TABLE orders ALTER COLUMN order_id ADD GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME orders_order_id_seq_identity);
    /// SELECT setval('orders_order_id_seq_identity', nextval('orders_order_id_seq'), false);
    /// DROP SEQUENCE orders_order_id_seq;
    /// ALTER SEQUENCE orders_order_id_seq_identity RENAME TO orders_order_id_seq;
    /// COMMIT;
    /// ```
    id: "prefer-identity",
    category: Schema,
    severity: Info,
    summary: "A serial column where an identity column would do",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    for (table, column) in schema.columns() {
        let sequence = match &column.identity {
            Some(identity) if identity.kind == IdentityKind::Serial => identity.sequence.clone().or_else(|| column.default_sequence.clone()),
            Some(_) => None,
            None => column.default_sequence.clone().filter(|s| made_for(&schema, table, column, s)),
        };
        if let Some(sequence) = sequence {
            out.push(finding(&schema, table, column, &sequence));
        }
    }
}

/// A sequence no column owns but named the way `serial` names its own
/// (`table_column_seq`): serial written out by hand, or by a dump that lost the
/// `OWNED BY`.
fn made_for(schema: &SchemaInput<'_>, table: &Table, column: &Column, sequence: &QualifiedName) -> bool {
    let unowned = schema.catalog.sequences.get(sequence).is_some_and(|s| s.owned_by.is_none());
    unowned && sequence.name == format!("{}_{}_seq", table.name, column.name)
}

/// A SQL string literal.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn finding(schema: &SchemaInput<'_>, table: &Table, column: &Column, sequence: &QualifiedName) -> Finding {
    let table_sql = schema.table_sql(table);
    let name = quote_ident(&column.name);
    let seq_sql = schema.name_sql(sequence, table);
    let written = schema.column(column);
    let owned = column.identity.as_ref().is_some_and(|i| i.kind == IdentityKind::Serial);
    let spelled = match column.data_type.as_str() {
        t @ ("serial" | "serial4" | "bigserial" | "serial8" | "smallserial" | "serial2") => format!("is {t}"),
        t if owned => format!("is {t} with DEFAULT nextval() from {seq_sql}, a sequence it owns (pg_dump's spelling of serial)"),
        t => format!(
            "is {t} with DEFAULT nextval() from {seq_sql}, a sequence named for it as serial would name it but owned by no \
             column, so dropping the table or the column leaves it behind"
        ),
    };
    // Columns of other tables that draw from the same sequence (a partition's copy of
    // the default goes with its partitioned table).
    let tree: Vec<QualifiedName> = std::iter::once(table.qualified_name()).chain(descendants(schema, table)).collect();
    let others: Vec<String> = schema
        .catalog
        .tables
        .values()
        .filter(|t| !tree.contains(&t.qualified_name()))
        .flat_map(|t| t.columns.iter().filter(|c| c.default_sequence.as_ref() == Some(sequence)).map(move |c| format!("{}.{}", schema.table_sql(t), quote_ident(&c.name))))
        .collect();
    let mut f = Finding::new(
        &META,
        format!("{table_sql}.{name} numbers itself with a serial-style sequence: use an identity column"),
        format!(
            "{table_sql}.{name} {spelled}. The sequence stays a separate object: every role that inserts needs USAGE on it, \
             CREATE TABLE ... LIKE copies the default and shares the sequence, and rows inserted with explicit ids do not \
             move it forward, so later inserts collide with them. An identity column owns its sequence, needs no grant, \
             and GENERATED ALWAYS refuses hand-written ids unless the insert says OVERRIDING SYSTEM VALUE."
        ),
    )
    .location(written.location)
    .evidence("Column", if written.text.is_empty() { format!("{name} {}", column.data_type) } else { written.text })
    .evidence("Sequence", seq_sql.clone())
    .impact(Impact {
        text: "No change in speed. The column numbers itself without a separate sequence to grant, copy or drop by \
               mistake, and explicit ids can no longer slip past the sequence."
            .to_owned(),
        ..Impact::default()
    });
    if !others.is_empty() {
        return f
            .evidence("Also drawing from it", others.join(", "))
            .fix(
                None,
                format!(
                    "{seq_sql} also numbers {}: an identity sequence belongs to one column, so first give those columns their \
                     own sequence (or identity), then convert {table_sql}.{name}.",
                    others.join(", ")
                ),
            )
            .risk("None until a change is made.")
            .rollback(None, "Nothing to undo.");
    }
    let temporary = schema.free_name(sequence.schema_or_default(), &format!("{}_identity", sequence.name), &[]);
    let temporary_sql = schema.name_sql(&QualifiedName::new(Some(sequence.schema_or_default()), &temporary), table);
    let restored = schema.free_name(sequence.schema_or_default(), &format!("{}_serial", sequence.name), &[]);
    let restored_sql = schema.name_sql(&QualifiedName::new(Some(sequence.schema_or_default()), &restored), table);
    let mut fix = vec![LOCK_TIMEOUT.to_owned(), "BEGIN;".to_owned()];
    if column.nullable {
        fix.push(format!("ALTER TABLE {table_sql} ALTER COLUMN {name} SET NOT NULL;"));
    }
    fix.push(format!("ALTER TABLE {table_sql} ALTER COLUMN {name} DROP DEFAULT;"));
    fix.push(format!("ALTER TABLE {table_sql} ALTER COLUMN {name} ADD GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME {temporary_sql});"));
    fix.push(format!("SELECT setval({}, nextval({}), false);", literal(&temporary_sql), literal(&seq_sql)));
    fix.push(format!("DROP SEQUENCE {seq_sql};"));
    fix.push(format!("ALTER SEQUENCE {temporary_sql} RENAME TO {};", quote_ident(&sequence.name)));
    fix.push("COMMIT;".to_owned());
    let sequence_type = schema.catalog.sequences.get(sequence).and_then(|s| s.data_type.clone());
    let as_type = sequence_type.map(|t| format!(" AS {t}")).unwrap_or_default();
    let rollback = [
        LOCK_TIMEOUT.to_owned(),
        "BEGIN;".to_owned(),
        format!("CREATE SEQUENCE {restored_sql}{as_type};"),
        format!("SELECT setval({}, nextval({}), false);", literal(&restored_sql), literal(&seq_sql)),
        format!("ALTER TABLE {table_sql} ALTER COLUMN {name} DROP IDENTITY;"),
        format!("ALTER SEQUENCE {restored_sql} RENAME TO {};", quote_ident(&sequence.name)),
        format!("ALTER SEQUENCE {seq_sql} OWNED BY {table_sql}.{name};"),
        format!("ALTER TABLE {table_sql} ALTER COLUMN {name} SET DEFAULT nextval({}::regclass);", literal(&seq_sql)),
        "COMMIT;".to_owned(),
    ];
    let partitioned = if table.is_partitioned() {
        " The statements on the partitioned table apply to its partitions too. Before PostgreSQL 17 the identity \
         numbers only rows inserted through the partitioned table; rows inserted straight into a partition get no value."
    } else {
        ""
    };
    f = f.fix(
        Some(fix.join("\n")),
        format!(
            "In one transaction: drop the default, make the column an identity with a sequence of its own, start that \
             sequence where {seq_sql} would have continued, drop the old sequence and give the new one its name. If the \
             application or a data loader writes ids itself, use GENERATED BY DEFAULT instead of ALWAYS.{partitioned}"
        ),
    );
    let not_null = if column.nullable { " SET NOT NULL reads the whole table under that lock." } else { " Nothing is rewritten or scanned: the column is already NOT NULL." };
    f.risk(format!(
        "Each ALTER TABLE takes an ACCESS EXCLUSIVE lock on {table_sql}, held until COMMIT: inserts and reads wait for \
         the few milliseconds the transaction takes (set a lock_timeout).{not_null} nextval() on {seq_sql} consumes one \
         value, a gap at most. Grants on the old sequence go with it; an identity column needs none. Code that calls \
         nextval() or currval() on {seq_sql} by name keeps working, since the new sequence takes the name."
    ))
    .rollback(Some(rollback.join("\n")), "Puts a serial-style sequence back at the identity's position and restores the default.")
}

/// Partitions of `table`, and theirs.
fn descendants(schema: &SchemaInput<'_>, table: &Table) -> Vec<QualifiedName> {
    let mut out = Vec::new();
    for partition in schema.partitions(table) {
        out.push(partition.qualified_name());
        out.extend(descendants(schema, partition));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::schema_support::testing::{findings_for_schema_fixture, rule_fixture};
    use crate::rules::test_support::render;

    fn fixture(file: &str) -> Vec<crate::Finding> {
        findings_for_schema_fixture(&rule_fixture(super::META.id, file), super::META.id)
    }

    #[test]
    fn fires_on_pg_dump_serial() {
        let findings = fixture("fires.sql");
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn fires_on_written_bigserial() {
        let findings = fixture("fires-bigserial.sql");
        assert_eq!(findings.len(), 1);
        let sql = findings[0].fix.sql.as_deref().unwrap_or("");
        assert!(sql.contains("DROP SEQUENCE shop.orders_order_id_seq;"), "{sql}");
    }

    #[test]
    fn fires_on_unowned_sequence_named_for_the_column() {
        let findings = fixture("fires-unowned.sql");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let sql = findings[0].fix.sql.as_deref().unwrap_or("");
        assert!(sql.contains("ALTER TABLE payment ALTER COLUMN payment_id DROP DEFAULT;"), "{sql}");
    }

    #[test]
    fn quiet_on_identity_and_plain_defaults() {
        assert!(fixture("quiet.sql").is_empty());
    }
}
