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
        Some(schema) => format!("{}.{}", quote_ident(schema), quote_ident(&name)),
        None => quote_ident(&name),
    };
    let column_list = columns.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ");
    let mut sql = format!("CREATE INDEX CONCURRENTLY {} ON {} ({column_list})", quote_ident(&name), quote_qualified(table));
    let mut explanation = format!("Index {table} on ({column_list}), equality columns first and range columns last");
    if !predicate.is_empty() {
        let where_clause = predicate.join(" AND ");
        sql.push_str(&format!(" WHERE {where_clause}"));
        explanation.push_str(&format!(", as a partial index on the rows where {where_clause}"));
    }
    sql.push(';');
    explanation.push('.');
    Some(IndexAdvice { create_sql: sql, qualified_name, explanation })
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
