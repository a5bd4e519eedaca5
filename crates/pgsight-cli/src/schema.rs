//! `pgsight schema`: the catalog a DDL script builds, as a readable summary or JSON,
//! or (`--stats`) how much of the script was read and how.

use std::fmt::Write;

use pgsight_core::sql::catalog::{Column, ForeignKey, IdentityKind, Index, ReferentialAction, Table, TypeKind};
use pgsight_core::sql::names::QualifiedName;
use pgsight_core::sql::{parse_script, Catalog, Script, StatementClass};
use serde_json::{json, Value};

/// Reads `text` and renders its catalog (or its statistics).
pub fn render(text: &str, stats: bool, as_json: bool) -> String {
    let script = parse_script(text);
    let catalog = Catalog::from_script(&script);
    match (stats, as_json) {
        (false, false) => summary(&catalog, &script),
        (false, true) => catalog_json(&catalog, &script) + "\n",
        (true, false) => stats_text(&catalog, &script),
        (true, true) => stats_json(&catalog, &script) + "\n",
    }
}

fn catalog_json(catalog: &Catalog, script: &Script) -> String {
    let mut value = serde_json::to_value(catalog).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("script_notes".into(), serde_json::to_value(&script.notes).unwrap_or(Value::Null));
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn stats_json(catalog: &Catalog, script: &Script) -> String {
    let value = json!({
        "statements": script.counts,
        "understood_percent": (script.counts.understood_percent() * 100.0).round() / 100.0,
        "catalog": catalog.counts(),
        "unknown": unknown_heads(script).into_iter().map(|(head, n)| json!({"statement": head, "count": n})).collect::<Vec<_>>(),
        "script_notes": script.notes,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn stats_text(catalog: &Catalog, script: &Script) -> String {
    let c = script.counts;
    let k = catalog.counts();
    let mut out = String::new();
    let _ = writeln!(out, "statements: {} total, {} parsed by sqlparser, {} recognized, {} classified irrelevant, {} unknown", c.total, c.parsed, c.recognized, c.irrelevant, c.unknown);
    let _ = writeln!(out, "understood: {:.1}% parsed or classified", c.understood_percent());
    let _ = writeln!(
        out,
        "catalog: {} tables ({} partitioned, {} partitions), {} indexes, {} foreign keys, {} views, {} sequences",
        k.tables, k.partitioned_tables, k.partitions, k.indexes, k.foreign_keys, k.views, k.sequences
    );
    for (head, count) in unknown_heads(script) {
        let _ = writeln!(out, "unknown: {head} ×{count}");
    }
    out
}

/// Unknown statements grouped by their first two words.
fn unknown_heads(script: &Script) -> Vec<(String, usize)> {
    let mut heads: Vec<(String, usize)> = Vec::new();
    for statement in script.statements.iter().filter(|s| matches!(s.class, StatementClass::Unknown { .. })) {
        let head = statement.head(2);
        match heads.iter_mut().find(|(h, _)| *h == head) {
            Some((_, count)) => *count += 1,
            None => heads.push((head, 1)),
        }
    }
    heads
}

fn summary(catalog: &Catalog, script: &Script) -> String {
    let mut out = String::new();
    for table in catalog.tables.values() {
        table_summary(&mut out, catalog, table);
    }
    for view in catalog.views.values() {
        let kind = if view.materialized { "materialized view" } else { "view" };
        let unpopulated = if view.populated { "" } else { " (with no data)" };
        let _ = writeln!(out, "{kind} {}{unpopulated}  line {}", qualified(&view.schema, &view.name), view.defined_at.line);
        for index in &view.indexes {
            let _ = writeln!(out, "  {}", index_line(index));
        }
    }
    for type_def in catalog.types.values() {
        let detail = match &type_def.kind {
            TypeKind::Enum { values } => format!("enum ({})", values.join(", ")),
            TypeKind::Composite { attributes } => format!("composite ({})", attributes.iter().map(|a| format!("{} {}", a.name, a.data_type)).collect::<Vec<_>>().join(", ")),
            TypeKind::Range => "range".to_owned(),
            TypeKind::Other => "type".to_owned(),
        };
        let _ = writeln!(out, "type {}: {detail}", qualified(&type_def.schema, &type_def.name));
    }
    for domain in catalog.domains.values() {
        let not_null = if domain.not_null { " not null" } else { "" };
        let _ = writeln!(out, "domain {}: {}{not_null}", qualified(&domain.schema, &domain.name), domain.normalized_type);
    }
    for sequence in catalog.sequences.values() {
        let owner = sequence.owned_by.as_ref().map(|o| format!(", owned by {}.{}", o.table, o.column)).unwrap_or_default();
        let _ = writeln!(out, "sequence {}{owner}", qualified(&sequence.schema, &sequence.name));
    }
    if !catalog.extensions.is_empty() {
        let names: Vec<&str> = catalog.extensions.iter().map(|e| e.name.as_str()).collect();
        let _ = writeln!(out, "extensions: {}", names.join(", "));
    }
    for note in &script.notes {
        let _ = writeln!(out, "note: {} (line {}, column {})", note.message, note.line, note.column);
    }
    for note in &catalog.notes {
        let _ = writeln!(out, "note: {} (line {}, column {})", note.message, note.location.line, note.location.column);
    }
    out.push_str(&stats_text(catalog, script));
    out
}

fn table_summary(out: &mut String, catalog: &Catalog, table: &Table) {
    let mut header = format!("table {}", table.qualified_name());
    if let Some(partition_by) = &table.partition_by {
        let _ = write!(header, "  partition by {partition_by}");
    }
    if let Some(parent) = &table.partition_of {
        let _ = write!(header, "  partition of {} {}", parent.parent, parent.bound);
    }
    let _ = writeln!(out, "{header}  line {}", table.defined_at.line);
    let parent = table.partition_of.as_ref().and_then(|p| catalog.tables.get(&p.parent));
    let names = |t: &Table| t.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    if let Some(parent) = parent.filter(|parent| names(parent) == names(table)) {
        // A partition's columns are its parent's: say so instead of repeating them.
        let _ = writeln!(out, "  columns as {}", parent.qualified_name());
    } else {
        let width = table.columns.iter().map(|c| c.name.chars().count()).max().unwrap_or(0);
        for column in &table.columns {
            let _ = writeln!(out, "  {:width$}  {}", column.name, column_detail(column));
        }
    }
    if let Some(key) = &table.primary_key {
        let _ = writeln!(out, "  primary key {} ({})", key.name, key.columns.join(", "));
    }
    for key in &table.unique_constraints {
        let _ = writeln!(out, "  unique {} ({})", key.name, key.columns.join(", "));
    }
    for fk in &table.foreign_keys {
        let _ = writeln!(out, "  {}", foreign_key_line(fk));
    }
    for check in &table.check_constraints {
        let _ = writeln!(out, "  check {} {}", check.name, check.expression);
    }
    for exclusion in &table.exclusion_constraints {
        let _ = writeln!(out, "  exclude {} using {} ({})", exclusion.name, exclusion.method, exclusion.elements.join(", "));
    }
    for index in &table.indexes {
        let _ = writeln!(out, "  {}", index_line(index));
    }
    let partitions = catalog.partitions_of(&table.qualified_name()).count();
    if partitions > 0 {
        let _ = writeln!(out, "  {partitions} partitions");
    }
}

fn qualified(schema: &str, name: &str) -> QualifiedName {
    QualifiedName::new(Some(schema), name)
}

fn column_detail(column: &Column) -> String {
    let mut detail = column.normalized_type.clone();
    if !column.nullable {
        detail.push_str(" not null");
    }
    if let Some(identity) = &column.identity {
        detail.push_str(match identity.kind {
            IdentityKind::Always => " generated always as identity",
            IdentityKind::ByDefault => " generated by default as identity",
            IdentityKind::Serial => " serial",
        });
    } else if let Some(default) = &column.default {
        let _ = write!(detail, " default {default}");
    }
    if let Some(expression) = &column.generated {
        let _ = write!(detail, " generated as {expression}");
    }
    detail
}

fn foreign_key_line(fk: &ForeignKey) -> String {
    let mut line = format!("foreign key {} ({}) -> {} ({})", fk.name, fk.columns.join(", "), fk.referenced_table, fk.referenced_columns.join(", "));
    for (event, action) in [("delete", fk.on_delete), ("update", fk.on_update)] {
        let action = match action {
            ReferentialAction::NoAction => continue,
            ReferentialAction::Restrict => "restrict",
            ReferentialAction::Cascade => "cascade",
            ReferentialAction::SetNull => "set null",
            ReferentialAction::SetDefault => "set default",
        };
        let _ = write!(line, " on {event} {action}");
    }
    if fk.not_valid {
        line.push_str(" not valid");
    }
    line
}

fn index_line(index: &Index) -> String {
    let keys: Vec<String> = index
        .keys
        .iter()
        .map(|k| {
            let mut key = k.column.clone().or_else(|| k.expression.clone()).unwrap_or_default();
            for option in k.opclass.iter().map(String::as_str).chain(k.descending.then_some("desc")) {
                let _ = write!(key, " {option}");
            }
            key
        })
        .collect();
    let unique = if index.unique { "unique " } else { "" };
    let mut line = format!("{unique}index {} {} ({})", index.name, index.method, keys.join(", "));
    if !index.include.is_empty() {
        let _ = write!(line, " include ({})", index.include.join(", "));
    }
    if let Some(predicate) = &index.predicate {
        let _ = write!(line, " where {predicate}");
    }
    line
}
