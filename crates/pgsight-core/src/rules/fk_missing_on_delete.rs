use std::collections::BTreeMap;

use super::fixsql::quote_ident;
use super::schema_support::{column_list, column_names, schema, SchemaInput, LOCK_TIMEOUT};
use super::Context;

/// Foreign keys of partitions of one table that are the same key: the topmost
/// partitioned table, the columns and the referenced table.
type ForeignKeyGroup = (QualifiedName, Vec<String>, QualifiedName);
use crate::report::{Finding, Impact};
use crate::sql::catalog::{ForeignKey, ReferentialAction, Table};
use crate::sql::names::QualifiedName;

declare_rule! {
    /// ## What it does
    /// Finds foreign keys declared without an `ON DELETE` clause.
    ///
    /// ## Why it matters
    /// Without the clause a foreign key takes the default, `NO ACTION`: deleting a
    /// referenced row fails while referencing rows exist. That is often right, but
    /// the DDL does not say whether it was chosen: children that should go with their
    /// parent (`CASCADE`), or outlive it (`SET NULL`), end up handled by application
    /// code that deletes in the right order, or not at all. Writing the action down
    /// makes the intent reviewable. (pg_dump omits `ON DELETE NO ACTION`, so in a dump
    /// every such key shows up.)
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE order_lines (order_id bigint REFERENCES orders, ...);
    /// ```
    ///
    /// ## Fix
    /// Replace the constraint with one that states the behaviour, without a scan
    /// under the exclusive lock:
    /// ```sql
    /// ALTER TABLE order_lines
    ///     DROP CONSTRAINT order_lines_order_id_fkey,
    ///     ADD CONSTRAINT order_lines_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (order_id) ON DELETE CASCADE NOT VALID;
    /// ALTER TABLE order_lines VALIDATE CONSTRAINT order_lines_order_id_fkey;
    /// ```
    id: "fk-missing-on-delete",
    category: Schema,
    severity: Info,
    summary: "A foreign key that does not say what happens when the referenced row is deleted",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    let mut groups: BTreeMap<ForeignKeyGroup, Vec<(&Table, &ForeignKey)>> = BTreeMap::new();
    let mut singles = Vec::new();
    for table in schema.catalog.tables.values() {
        for fk in &table.foreign_keys {
            let written = schema.foreign_key(fk);
            let explicit = if written.text.is_empty() { fk.on_delete != ReferentialAction::NoAction } else { written.text.to_ascii_uppercase().contains("ON DELETE") };
            if explicit {
                continue;
            }
            match schema.parent(table) {
                Some(_) => groups.entry((schema.root(table).qualified_name(), fk.columns.clone(), fk.referenced_table.clone())).or_default().push((table, fk)),
                None => singles.push(vec![(table, fk)]),
            }
        }
    }
    for members in singles.into_iter().chain(groups.into_values()) {
        out.push(finding(&schema, &members));
    }
}

fn finding(schema: &SchemaInput<'_>, members: &[(&Table, &ForeignKey)]) -> Finding {
    let (table, fk) = members[0];
    let table_sql = schema.table_sql(table);
    let referenced = schema.referenced_sql(&fk.referenced_table, table);
    let written = schema.foreign_key(fk);
    let columns = column_names(&fk.columns);
    let nullable = fk.columns.iter().all(|c| table.column(c).is_none_or(|c| c.nullable));
    let in_key = table.primary_key.as_ref().is_some_and(|pk| fk.columns.iter().any(|c| pk.columns.contains(c)));
    let set_null = match (in_key, nullable) {
        (true, _) => String::new(),
        (false, true) => format!("SET NULL to keep them with an empty {columns}, "),
        (false, false) => format!("SET NULL to keep them unattached (after DROP NOT NULL on {columns}), "),
    };
    let (title, subject) = match members {
        [_] => (format!("Foreign key {} on {table_sql} ({columns}) does not say what happens on delete", fk.name), format!("Foreign key {} on {table_sql}", fk.name)),
        _ => {
            let root = schema.table_sql(schema.root(table));
            (
                format!("Foreign keys on {columns} of {} partitions of {root} do not say what happens on delete", members.len()),
                format!("The foreign keys on {columns} of {} partitions of {root}", members.len()),
            )
        }
    };
    let mut f = Finding::new(
        &META,
        title,
        format!(
            "{subject} {} no ON DELETE clause, so deleting a row of {referenced} that is still referenced fails \
             (the default, NO ACTION). That may be the intent, but the DDL does not say so. Decide and write it down: \
             CASCADE to delete the referencing rows with their {referenced} row, {set_null}or RESTRICT to forbid the \
             delete, as today.",
            if members.len() == 1 { "has" } else { "have" }
        ),
    )
    .location(written.location)
    .evidence("Foreign key", if written.text.is_empty() { fk.name.clone() } else { written.text.clone() })
    .evidence("Columns nullable", if nullable { "yes" } else { "no" });
    if members.len() > 1 {
        f = f.evidence("Foreign keys", members.iter().map(|(_, fk)| fk.name.as_str()).collect::<Vec<_>>().join(", "));
    }
    let mut fix = vec![LOCK_TIMEOUT.to_owned()];
    let mut rollback = vec![LOCK_TIMEOUT.to_owned()];
    for (table, fk) in members {
        let action = if fk.deferrable { "NO ACTION" } else { "RESTRICT" };
        let (add, validate) = replace_sql(schema, table, fk, Some(action));
        fix.push(add);
        fix.push(validate);
        let (add, validate) = replace_sql(schema, table, fk, None);
        rollback.push(add);
        rollback.push(validate);
    }
    f.impact(Impact {
        text: "No change in speed. The delete behaviour becomes explicit and reviewable; with CASCADE or SET NULL, \
               PostgreSQL does in one statement what application code otherwise does row by row, in the right order."
            .to_owned(),
        ..Impact::default()
    })
    .fix(
        Some(fix.join("\n")),
        format!(
            "Re-create the constraint with its ON DELETE action. The SQL states today's behaviour ({}); write CASCADE or \
             SET NULL instead if that is what the data means. NOT VALID keeps the exclusive lock short; VALIDATE then \
             checks the rows without blocking writes.",
            if fk.deferrable { "NO ACTION, which keeps the constraint deferrable" } else { "RESTRICT" }
        ),
    )
    .risk(format!(
        "DROP CONSTRAINT and ADD CONSTRAINT in one ALTER TABLE take an ACCESS EXCLUSIVE lock on {table_sql} (and SHARE ROW \
         EXCLUSIVE on {referenced}) for a moment; the table is never without the constraint. VALIDATE CONSTRAINT then \
         reads all of {table_sql} under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on. Switching to CASCADE \
         means a delete in {referenced} can remove many rows in {table_sql}: check that is intended."
    ))
    .rollback(Some(rollback.join("\n")), "Re-creates the constraint as it was, without an ON DELETE clause.")
}

/// `ALTER TABLE ... DROP CONSTRAINT, ADD CONSTRAINT ... NOT VALID;` and the
/// `VALIDATE CONSTRAINT` after it, with `on_delete` (or none).
fn replace_sql(schema: &SchemaInput<'_>, table: &Table, fk: &ForeignKey, on_delete: Option<&str>) -> (String, String) {
    let table_sql = schema.table_sql(table);
    let name = quote_ident(&fk.name);
    let mut definition = format!(
        "FOREIGN KEY {} REFERENCES {} {}",
        column_list(&fk.columns),
        schema.referenced_sql(&fk.referenced_table, table),
        column_list(&fk.referenced_columns)
    );
    if let Some(action) = action_sql(fk.on_update) {
        definition.push_str(&format!(" ON UPDATE {action}"));
    }
    if let Some(action) = on_delete {
        definition.push_str(&format!(" ON DELETE {action}"));
    }
    if fk.deferrable {
        let written = schema.foreign_key(fk).text.to_ascii_uppercase();
        definition.push_str(if written.contains("INITIALLY DEFERRED") { " DEFERRABLE INITIALLY DEFERRED" } else { " DEFERRABLE" });
    }
    (
        format!("ALTER TABLE {table_sql}\n    DROP CONSTRAINT {name},\n    ADD CONSTRAINT {name} {definition} NOT VALID;"),
        format!("ALTER TABLE {table_sql} VALIDATE CONSTRAINT {name};"),
    )
}

fn action_sql(action: ReferentialAction) -> Option<&'static str> {
    match action {
        ReferentialAction::NoAction => None,
        ReferentialAction::Restrict => Some("RESTRICT"),
        ReferentialAction::Cascade => Some("CASCADE"),
        ReferentialAction::SetNull => Some("SET NULL"),
        ReferentialAction::SetDefault => Some("SET DEFAULT"),
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
    fn fires_on_foreign_key_without_on_delete() {
        let findings = fixture("fires.sql");
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn quiet_when_on_delete_is_written() {
        // Explicit NO ACTION counts as a decision.
        assert!(fixture("quiet.sql").is_empty());
    }
}
