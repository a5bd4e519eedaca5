//! Advice shared by several rules: the index a filter needs, and the risk and
//! rollback wording of the common fixes. One wording, one place.

use super::fixsql::{index_name, quote_ident, quote_qualified, schema_of};
use crate::plan::predicate::{conjuncts, Conjunct, ConjunctKind};
use crate::plan::PlanNode;
use crate::report::Finding;

pub struct IndexAdvice {
    pub create_sql: String,
    /// Schema-qualified and quoted, for DROP INDEX.
    pub qualified_name: String,
    pub explanation: String,
    /// What the index is, for checking it against a schema
    /// ([`super::catalog_check::check_index`]).
    pub proposed: ProposedIndex,
}

/// The shape of a proposed index: its table, keys and predicate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProposedIndex {
    /// The table as the fix names it, unquoted: `public.orders`.
    pub table: String,
    /// Key columns in order, or the one expression (as written in the fix, without
    /// its parentheses) when `expression` is set.
    pub keys: Vec<String>,
    pub expression: bool,
    /// `btree`, or `gin` for a trigram index.
    pub method: String,
    /// `gin_trgm_ops` for a trigram index.
    pub opclass: Option<String>,
    /// The `WHERE` of a partial index.
    pub predicate: Option<String>,
}

/// Builds `CREATE INDEX CONCURRENTLY` from the sargable conjuncts of `filter`:
/// equality columns first, range columns last, constant boolean/status tests as the
/// partial-index predicate.
pub fn index_for_filter(node: &PlanNode, table: &str, filter: &str) -> Option<IndexAdvice> {
    let own = |c: &Conjunct| {
        c.column.as_ref().is_some_and(|col| match col.qualifier.as_deref() {
            None => true,
            Some(q) => Some(q) == node.fields.alias.as_deref() || Some(q) == node.fields.relation_name.as_deref(),
        })
    };
    let parts: Vec<Conjunct> = conjuncts(filter).into_iter().filter(own).collect();
    let name_of = |c: &Conjunct| c.column.as_ref().map(|c| c.name.clone()).unwrap_or_default();
    let mut equality: Vec<String> = Vec::new();
    let mut range: Vec<String> = Vec::new();
    let mut predicate: Vec<String> = Vec::new();
    for c in &parts {
        let name = name_of(c);
        match &c.kind {
            ConjunctKind::Boolean { .. } | ConjunctKind::NullTest { .. } => predicate.push(bare_condition(c)),
            ConjunctKind::Equality if is_status_like(&name) && is_literal(c) => predicate.push(bare_condition(c)),
            ConjunctKind::Equality => push_unique(&mut equality, name),
            ConjunctKind::Range => push_unique(&mut range, name),
            ConjunctKind::LeadingWildcard | ConjunctKind::Other => {}
        }
    }
    let mut columns = equality;
    for r in range {
        push_unique(&mut columns, r);
    }
    if columns.is_empty() {
        // Only constant tests: index their columns, keeping the partial predicate.
        for c in parts.iter().filter(|c| !matches!(c.kind, ConjunctKind::LeadingWildcard | ConjunctKind::Other)) {
            push_unique(&mut columns, name_of(c));
        }
        if columns.is_empty() {
            return None;
        }
    }
    let name = index_name(table, &columns, "idx");
    let qualified_name = match schema_of(table) {
        Some(schema) => format!("{}.{}", quote_ident(&schema), quote_ident(&name)),
        None => quote_ident(&name),
    };
    let column_list = columns.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ");
    let mut sql = format!("CREATE INDEX CONCURRENTLY {} ON {} ({column_list})", quote_ident(&name), quote_qualified(table));
    let mut explanation = if columns.len() > 1 {
        format!("Index {table} on ({column_list}): equality columns first, range columns last")
    } else {
        format!("Index {table} on ({column_list})")
    };
    if !predicate.is_empty() {
        let where_clause = predicate.join(" AND ");
        sql.push_str(&format!(" WHERE {where_clause}"));
        explanation.push_str(&format!(", as a partial index on the rows where {where_clause}"));
    }
    sql.push(';');
    explanation.push('.');
    let proposed = ProposedIndex {
        table: table.to_owned(),
        keys: columns,
        method: "btree".to_owned(),
        predicate: (!predicate.is_empty()).then(|| predicate.join(" AND ")),
        ..ProposedIndex::default()
    };
    Some(IndexAdvice { create_sql: sql, qualified_name, explanation, proposed })
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn is_status_like(column: &str) -> bool {
    let c = column.to_ascii_lowercase();
    matches!(c.as_str(), "status" | "state" | "type" | "kind") || c.ends_with("_status") || c.ends_with("_state") || c.ends_with("_type")
}

fn is_literal(c: &Conjunct) -> bool {
    c.constant.as_deref().is_some_and(|k| k.starts_with('\'') || k.parse::<f64>().is_ok())
}

/// The condition without the plan's table qualifier, fit for an index predicate.
fn bare_condition(c: &Conjunct) -> String {
    let column = c.column.as_ref().map(|col| quote_ident(&col.name)).unwrap_or_default();
    match (&c.kind, c.operator.as_deref(), c.constant.as_deref()) {
        (ConjunctKind::Boolean { value: true }, _, _) => column,
        (ConjunctKind::Boolean { value: false }, _, _) => format!("NOT {column}"),
        (ConjunctKind::NullTest { negated: false }, _, _) => format!("{column} IS NULL"),
        (ConjunctKind::NullTest { negated: true }, _, _) => format!("{column} IS NOT NULL"),
        (_, Some(op), Some(constant)) => format!("{column} {op} {}", strip_text_cast(constant)),
        _ => c.text.clone(),
    }
}

/// `'open'::text` → `'open'`: the cast PostgreSQL prints is implied by the column.
fn strip_text_cast(constant: &str) -> &str {
    constant
        .strip_suffix("::text")
        .or_else(|| constant.strip_suffix("::character varying"))
        .or_else(|| constant.strip_suffix("::bpchar"))
        .unwrap_or(constant)
}


impl IndexAdvice {
    /// Fills a finding's fix, risk and rollback with this index.
    pub fn apply(self, finding: Finding, table: &str) -> Finding {
        finding
            .fix(Some(self.create_sql), self.explanation)
            .risk(create_index_risk(table))
            .rollback(Some(format!("DROP INDEX CONCURRENTLY IF EXISTS {};", self.qualified_name)), "Drops the index without blocking writes.")
    }
}

pub fn create_index_risk(table: &str) -> String {
    format!(
        "CREATE INDEX CONCURRENTLY takes a SHARE UPDATE EXCLUSIVE lock: reads and writes go on, but it scans {table} \
         twice, cannot run inside a transaction block, and leaves an INVALID index behind if it fails (drop it and \
         retry). The index takes disk space and adds a little work to every write on the table."
    )
}

/// Risk of raising `work_mem` for one session or query.
pub fn work_mem_risk() -> &'static str {
    "work_mem is allowed per sort or hash node, per process: a query with several such nodes and parallel workers \
     can use a multiple of it. Raise it for this session or transaction (SET LOCAL), or for the role that runs this \
     query, not server-wide, and watch the server's memory."
}

/// `SET work_mem` rounded up to a whole MB with headroom, from the kB a node needed.
pub fn work_mem_for(needed_kb: f64) -> String {
    let mb = ((needed_kb * 1.25) / 1024.0).ceil().max(1.0) as u64;
    let mb = mb.next_power_of_two().max(4);
    format!("{mb}MB")
}

// ---------------------------------------------------------------------------------
// Shared by the memory, maintenance and trigger rules.
// ---------------------------------------------------------------------------------

/// The entries of a node's `Workers` list (one per parallel worker).
pub fn worker_entries(node: &PlanNode) -> &[crate::plan::model::Worker] {
    node.fields.workers.as_deref().unwrap_or_default()
}

/// A number inside a worker entry.
pub fn worker_number(worker: &crate::plan::model::Worker, key: &str) -> Option<f64> {
    worker.number(key)
}

/// A worker's label as PostgreSQL prints it: `Worker 0`.
pub fn worker_label(worker: &crate::plan::model::Worker) -> String {
    match worker.fields.worker_number.filter(|n| *n >= 0.0 && n.fract() == 0.0) {
        Some(n) => format!("Worker {n}"),
        None => "Worker".to_owned(),
    }
}

/// PostgreSQL's defaults for the memory settings the spill rules size: `work_mem`
/// is 4MB, `hash_mem_multiplier` is 2.0 since PostgreSQL 15 (1.0 in 13 and 14).
pub const DEFAULT_WORK_MEM_KB: f64 = 4_096.0;
pub const DEFAULT_HASH_MEM_MULTIPLIER: f64 = 2.0;

/// A setting from the plan's `Settings` (EXPLAIN's SETTINGS option lists the ones
/// changed from the built-in default).
pub fn setting<'a>(doc: &'a crate::plan::PlanDocument, name: &str) -> Option<&'a str> {
    doc.fields.settings.as_ref()?.get(name)?.as_str()
}

/// A memory setting (`'64MB'`, `4096`, `1GB`) in kB; a bare number is in kB, as for
/// `work_mem`.
pub fn memory_setting_kb(text: &str) -> Option<f64> {
    let t = text.trim().trim_matches('\'').trim();
    let end = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let number: f64 = t[..end].parse().ok()?;
    let factor = match t[end..].trim() {
        "" | "kB" => 1.0,
        "B" => 1.0 / 1024.0,
        "MB" => 1024.0,
        "GB" => 1024.0 * 1024.0,
        "TB" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    Some(number * factor)
}

/// `work_mem` in effect for the plan: from `Settings`, else PostgreSQL's default.
pub fn work_mem_kb(doc: &crate::plan::PlanDocument) -> (f64, bool) {
    match setting(doc, "work_mem").and_then(memory_setting_kb) {
        Some(kb) => (kb, true),
        None => (DEFAULT_WORK_MEM_KB, false),
    }
}

/// `hash_mem_multiplier` in effect for the plan: from `Settings`, else the default.
pub fn hash_mem_multiplier(doc: &crate::plan::PlanDocument) -> (f64, bool) {
    match setting(doc, "hash_mem_multiplier").and_then(|s| s.trim().trim_matches('\'').parse().ok()) {
        Some(m) => (m, true),
        None => (DEFAULT_HASH_MEM_MULTIPLIER, false),
    }
}

/// kB as people read memory: `812 kB`, `11.1 MB`, `2.3 GB`.
pub fn kb_text(kb: f64) -> String {
    use super::format::count;
    if kb >= 1024.0 * 1024.0 {
        format!("{} GB", count((kb / (1024.0 * 1024.0) * 10.0).round() / 10.0))
    } else if kb >= 1024.0 {
        format!("{} MB", count((kb / 1024.0 * 10.0).round() / 10.0))
    } else {
        format!("{} kB", count(kb.round()))
    }
}

/// Size of one PostgreSQL block (the default BLCKSZ), for block counts in kB.
pub const BLOCK_KB: f64 = 8.0;

/// `12,345 blocks (96.4 MB)`.
pub fn blocks_text(blocks: f64) -> String {
    format!("{} blocks ({})", super::format::count(blocks), kb_text(blocks * BLOCK_KB))
}

/// One key column of an index to propose, with its ordering as the plan printed it
/// (` DESC`, ` NULLS FIRST`), or empty for the default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexKey {
    pub column: String,
    pub ordering: String,
}

/// `CREATE INDEX CONCURRENTLY` on plain columns of `table`, in the given order.
pub fn index_on_columns(table: &str, keys: &[IndexKey]) -> IndexAdvice {
    let columns: Vec<String> = keys.iter().map(|k| k.column.clone()).collect();
    let name = index_name(table, &columns, "idx");
    let qualified_name = match schema_of(table) {
        Some(schema) => format!("{}.{}", quote_ident(&schema), quote_ident(&name)),
        None => quote_ident(&name),
    };
    let list = keys.iter().map(|k| format!("{}{}", quote_ident(&k.column), k.ordering)).collect::<Vec<_>>().join(", ");
    IndexAdvice {
        create_sql: format!("CREATE INDEX CONCURRENTLY {} ON {} ({list});", quote_ident(&name), quote_qualified(table)),
        qualified_name,
        explanation: format!("Index {table} on ({list})."),
        proposed: ProposedIndex { table: table.to_owned(), keys: columns, method: "btree".to_owned(), ..ProposedIndex::default() },
    }
}

/// Risk of `VACUUM (ANALYZE)` on a live table.
pub fn vacuum_risk(table: &str) -> String {
    format!(
        "VACUUM takes a SHARE UPDATE EXCLUSIVE lock: reads and writes go on, but DDL and another VACUUM on {table} \
         wait for it. It reads the pages changed since the last vacuum and adds I/O while it runs; run it off-peak \
         on a large table. It cannot clear rows that an open transaction may still see: if it leaves many dead rows \
         behind, look for old transactions in pg_stat_activity (backend_xmin) and replication slots."
    )
}

/// A bare column name from a plan expression: `orders.created_at`, `created_at`,
/// `"Order"."Id"`, or `None` when it is anything else (a function, a cast, an
/// expression). Returns the qualifier too.
pub fn plain_column(expr: &str) -> Option<(Option<String>, String)> {
    let parts = split_identifiers(expr.trim())?;
    match parts.as_slice() {
        [column] => Some((None, column.clone())),
        [qualifier, column] => Some((Some(qualifier.clone()), column.clone())),
        [_, qualifier, column] => Some((Some(qualifier.clone()), column.clone())),
        _ => None,
    }
}

/// `a.b."C"` → `["a", "b", "C"]`; `None` when the text is not only identifiers.
fn split_identifiers(text: &str) -> Option<Vec<String>> {
    let mut parts = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        let mut part = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next()? {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        part.push('"');
                    }
                    '"' => break,
                    c => part.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_ascii_alphanumeric() || c == '_' || c == '$' {
                    part.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            if part.is_empty() || part.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
        }
        parts.push(part);
        match chars.next() {
            None => return Some(parts),
            Some('.') => continue,
            Some(_) => return None,
        }
    }
}

// ---------------------------------------------------------------------------
// Index advice over several conditions (join keys included), expression and
// trigram indexes, and the wording of query rewrites.

/// [`index_for_filter`] over several conditions of one scan (its Index Cond and its
/// Filter, or the Join Filter above it). A join key `own.col = other.col` counts as
/// an equality on `own.col`: on the inner side of a nested loop it is compared with a
/// value known at each loop, which an index serves like a constant.
pub fn index_for_conditions(node: &PlanNode, table: &str, conditions: &[&str]) -> Option<IndexAdvice> {
    let own = |c: &crate::plan::predicate::ColumnRef| match c.qualifier.as_deref() {
        None => true,
        Some(q) => Some(q) == node.fields.alias.as_deref() || Some(q) == node.fields.relation_name.as_deref(),
    };
    let combined: Vec<String> = conditions
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| crate::plan::predicate::parameterize_join_keys(c, own))
        .collect();
    if combined.is_empty() {
        return None;
    }
    index_for_filter(node, table, &format!("({})", combined.join(" AND ")))
}

/// An index name qualified with the table's schema, quoted, for DROP INDEX.
fn qualified_index_name(table: &str, name: &str) -> String {
    match schema_of(table) {
        Some(schema) => format!("{}.{}", quote_ident(&schema), quote_ident(name)),
        None => quote_ident(name),
    }
}

/// An index on an expression exactly as the query writes it, e.g.
/// `CREATE INDEX CONCURRENTLY customers_lower_email_idx ON public.customers ((lower(email)));`.
/// `name_parts` name it (`["lower", "email"]`); `expression` has no table qualifier.
pub fn expression_index(table: &str, expression: &str, name_parts: &[String]) -> IndexAdvice {
    let name = index_name(table, name_parts, "idx");
    IndexAdvice {
        create_sql: format!("CREATE INDEX CONCURRENTLY {} ON {} (({expression}));", quote_ident(&name), quote_qualified(table)),
        qualified_name: qualified_index_name(table, &name),
        explanation: format!(
            "Index the expression itself. The planner uses an expression index only when the query writes the expression \
             the same way, here `{expression}`."
        ),
        proposed: ProposedIndex {
            table: table.to_owned(),
            keys: vec![expression.to_owned()],
            expression: true,
            method: "btree".to_owned(),
            ..ProposedIndex::default()
        },
    }
}

/// `CREATE EXTENSION IF NOT EXISTS pg_trgm;` and a GIN trigram index on `column`.
pub fn trigram_index(table: &str, column: &str) -> IndexAdvice {
    let name = index_name(table, &[column.to_owned()], "trgm_idx");
    IndexAdvice {
        create_sql: format!(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE INDEX CONCURRENTLY {} ON {} USING gin ({} gin_trgm_ops);",
            quote_ident(&name),
            quote_qualified(table),
            quote_ident(column)
        ),
        qualified_name: qualified_index_name(table, &name),
        explanation: format!(
            "A B-tree index cannot serve a pattern that starts with a wildcard. A trigram index (pg_trgm) splits {column} \
             into three-letter pieces and serves LIKE and ILIKE with the wildcard anywhere."
        ),
        proposed: ProposedIndex {
            table: table.to_owned(),
            keys: vec![column.to_owned()],
            method: "gin".to_owned(),
            opclass: Some("gin_trgm_ops".to_owned()),
            ..ProposedIndex::default()
        },
    }
}

/// Risk of a GIN trigram index, on top of building it concurrently.
pub fn trigram_index_risk(table: &str) -> String {
    format!(
        "{} A trigram GIN index is often larger than the column it indexes, and writes to the column get slower \
         (GIN defers part of the work to its pending list, flushed by VACUUM). CREATE EXTENSION needs the CREATE privilege \
         on the database (pg_trgm is a trusted extension since PostgreSQL 13). Patterns with fewer than three characters \
         between wildcards extract no trigram and still read the whole index.",
        create_index_risk(table)
    )
}

/// Risk of a fix that only changes the query text.
pub fn query_rewrite_risk() -> &'static str {
    "No lock and no schema change: only the query text changes. Check that the rewritten query returns the same rows \
     (compare both on a copy or inside a transaction) before deploying it."
}

/// Rollback of a fix that only changes the query text.
pub fn query_rewrite_rollback() -> &'static str {
    "Nothing to undo in the database: deploy the previous query text to go back."
}

impl IndexAdvice {
    /// The index's own name, unquoted and without schema.
    pub fn name(&self) -> String {
        super::fixsql::schema_and_name(&self.qualified_name).1
    }

    /// Renames the proposed index when its name is one the plan shows in use (an
    /// index on the same leading columns, usually): `orders_created_at_idx` becomes
    /// `orders_created_at_partial_idx` (or `..._v2_idx`), so CREATE does not fail.
    pub fn avoiding_names(mut self, taken: &[String]) -> IndexAdvice {
        let old = self.name();
        if !taken.contains(&old) {
            return self;
        }
        let base = old.strip_suffix("_idx").unwrap_or(&old);
        let suffix = if self.create_sql.contains(" WHERE ") { "partial_idx" } else { "v2_idx" };
        let mut new = format!("{base}_{suffix}");
        if new.len() > 63 {
            new = format!("{}_{suffix}", &base[..63 - suffix.len() - 1]);
        }
        self.create_sql = self.create_sql.replacen(&quote_ident(&old), &quote_ident(&new), 1);
        self.qualified_name = self.qualified_name.replacen(&quote_ident(&old), &quote_ident(&new), 1);
        self
    }
}

/// `work_mem_for(needed_kb)`, but always above `current_kb`: the node spilled at the
/// current value, so a proposal at or below it cannot help (figures that understate
/// the need, such as a parallel leader's own, would otherwise suggest one).
pub fn work_mem_above(needed_kb: f64, current_kb: f64) -> String {
    let proposal = work_mem_for(needed_kb);
    match memory_setting_kb(&proposal) {
        Some(kb) if kb <= current_kb => work_mem_for(current_kb * 1.6),
        _ => proposal,
    }
}

/// The clean scenarios (`tests/scenarios/clean-*.json`), paths from the repository
/// root: plans on which no warning rule should fire.
#[cfg(test)]
pub fn clean_scenarios() -> Vec<String> {
    let dir = format!("{}/../../tests/scenarios", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with("clean-") && name.ends_with(".json"))
        .map(|name| format!("tests/scenarios/{name}"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no clean scenarios in {dir}");
    paths
}
