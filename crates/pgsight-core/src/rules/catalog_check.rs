//! Plan, schema and query read together: where a plan's relations and indexes are
//! in the schema, and whether an index a rule would propose is already there.
//!
//! Every rule that proposes an index passes its [`IndexAdvice`] through
//! [`check_index`] (or [`apply_checked`]): without a schema the advice is kept as it
//! is; with one, an index that already serves the condition is never proposed again,
//! the proposed name is one the schema does not use, and the table is named the way
//! the schema names it.

use super::advice::{IndexAdvice, ProposedIndex};
use super::fixsql::{quote_ident, quote_qualified};
use super::format::{count, ms, percent};
use super::schema_support::{index_entries, schema, IndexEntry, SchemaInput};
use super::{AnalyzedPlan, Context};
use crate::plan::predicate::{conjuncts, join_keys, ColumnRef, ConjunctKind};
use crate::plan::{NodeId, PlanNode};
use crate::report::Finding;
use crate::sql::catalog::{ForeignKey, Table};
use crate::sql::names::{QualifiedName, DEFAULT_SCHEMA};

/// The report indexes of the schema inputs: what a finding used when it read the
/// catalog.
#[cfg(feature = "sql")]
pub fn schema_inputs(ctx: &Context) -> Vec<usize> {
    ctx.scripts(crate::report::InputKind::Schema).map(|s| s.input).collect()
}

/// Without the `sql` feature no schema input is read.
#[cfg(not(feature = "sql"))]
pub fn schema_inputs(_ctx: &Context) -> Vec<usize> {
    Vec::new()
}

// ---------------------------------------------------------------------------------
// Resolution: plan names to catalog objects.

/// The catalog table `name` designates, as a plan or a fix writes it: `public.orders`
/// or `orders` (unquoted, case kept). An unqualified name is looked up along the
/// schema's search path, then in `public`, then in the one schema that has it.
pub fn table<'a>(ctx: &'a Context, name: &str) -> Option<&'a Table> {
    let (schema, relation) = super::fixsql::schema_and_name(name);
    find_table(ctx, schema.as_deref(), &relation)
}

fn find_table<'a>(ctx: &'a Context, schema: Option<&str>, name: &str) -> Option<&'a Table> {
    let catalog = ctx.catalog.as_ref()?;
    if let Some(schema) = schema {
        return catalog.tables.get(&QualifiedName::new(Some(schema), name));
    }
    if let Some(t) = catalog.table(&QualifiedName::new(None, name)) {
        return Some(t);
    }
    if let Some(t) = catalog.tables.get(&QualifiedName::new(Some(DEFAULT_SCHEMA), name)) {
        return Some(t);
    }
    let mut found = catalog.tables.values().filter(|t| t.name == name);
    match (found.next(), found.next()) {
        (Some(t), None) => Some(t),
        _ => None,
    }
}

/// The catalog table a plan node reads (`Schema` and `Relation Name`). A partition is
/// its own table; [`entries`] adds the indexes it inherits from its parents.
pub fn plan_table<'a>(ctx: &'a Context, node: &PlanNode) -> Option<&'a Table> {
    find_table(ctx, node.fields.schema.as_deref(), node.fields.relation_name.as_deref()?)
}

/// `schema.name` of a catalog table, as [`crate::report::Subject`]s name tables.
pub fn table_key(table: &Table) -> String {
    format!("{}.{}", table.schema, table.name)
}

/// Every index that serves lookups on `table`: its own indexes, primary key and
/// unique constraints, then those of the tables it is a partition of.
pub fn entries<'a>(schema: &SchemaInput<'a>, table: &'a Table) -> Vec<IndexEntry<'a>> {
    let mut out = index_entries(table);
    for parent in schema.ancestors(table) {
        out.extend(index_entries(parent));
    }
    out
}

/// The index entry a plan names (`Index Name`), on the table the node reads.
pub fn plan_index<'a>(ctx: &'a Context, node: &PlanNode, name: &str) -> Option<IndexEntry<'a>> {
    let schema = schema(ctx)?;
    let table = plan_table(ctx, node)?;
    entries(&schema, table).into_iter().find(|e| e.name == name)
}

/// `customers_email_idx ON public.customers USING btree (email)`: an index as the
/// schema defines it, for evidence.
pub fn definition(schema: &SchemaInput<'_>, entry: &IndexEntry<'_>) -> String {
    let written = schema.index_written(entry).text;
    if written.is_empty() {
        format!("{} {}", entry.label(), entry.shape())
    } else {
        written
    }
}

// ---------------------------------------------------------------------------------
// Is the proposed index already there?

/// An index of the schema that already serves what a rule would propose.
#[derive(Debug, Clone)]
pub struct Existing {
    /// `index orders_created_at_idx`, `primary key orders_pkey`.
    pub label: String,
    pub name: String,
    /// `(created_at)`, `USING gin (email gin_trgm_ops)`.
    pub shape: String,
    /// The table as the schema names it.
    pub table_sql: String,
    /// How the schema defines it.
    pub definition: String,
}

/// What the schema says about a proposed index.
pub enum Checked {
    /// Nothing like it exists (or there is no schema): the advice, with a free name
    /// and the table as the schema names it.
    New(IndexAdvice),
    /// An index that serves the same condition exists.
    Exists(Existing),
}

/// Checks `advice` against the schema, when one was given.
pub fn check_index(ctx: &Context, advice: IndexAdvice) -> Checked {
    check_index_except(ctx, advice, &[])
}

/// [`check_index`], not counting the indexes named in `used`: the plan used them and
/// the advice is meant to improve on them (a partial index beside a full one).
pub fn check_index_except(ctx: &Context, mut advice: IndexAdvice, used: &[String]) -> Checked {
    let Some(schema) = schema(ctx) else { return Checked::New(advice) };
    let Some(table) = table(ctx, &advice.proposed.table) else {
        // A table the schema does not describe: only the name can be checked.
        let schema_name = super::fixsql::schema_and_name(&advice.proposed.table).0.unwrap_or_else(|| DEFAULT_SCHEMA.to_owned());
        let free = schema.free_name(&schema_name, &advice.name(), &[]);
        rename(&mut advice, &free, None);
        return Checked::New(advice);
    };
    if let Some(entry) = entries(&schema, table).into_iter().find(|e| !used.contains(&e.name) && serves(e, &advice.proposed)) {
        return Checked::Exists(Existing {
            label: entry.label(),
            name: entry.name.clone(),
            shape: entry.shape(),
            table_sql: schema.table_sql(entry.table),
            definition: definition(&schema, &entry),
        });
    }
    let table_sql = schema.table_sql(table);
    let old_table = quote_qualified(&advice.proposed.table);
    if old_table != table_sql {
        advice.create_sql = advice.create_sql.replacen(&format!(" ON {old_table} "), &format!(" ON {table_sql} "), 1);
    }
    advice.proposed.table = table_key(table);
    let free = schema.free_name(&table.schema, &advice.name(), &[]);
    rename(&mut advice, &free, Some((&schema, table)));
    Checked::New(advice)
}

/// Gives the advice's index the name `new`, qualified as `table` is.
fn rename(advice: &mut IndexAdvice, new: &str, table: Option<(&SchemaInput<'_>, &Table)>) {
    let old = advice.name();
    if old != new {
        advice.create_sql = advice.create_sql.replacen(&format!("CONCURRENTLY {} ", quote_ident(&old)), &format!("CONCURRENTLY {} ", quote_ident(new)), 1);
        advice.explanation.push_str(&format!(" The schema already has a relation named {old}, so the index is named {new}."));
    }
    advice.qualified_name = match table {
        Some((schema, table)) => schema.sibling_sql(table, new),
        None => advice.qualified_name.replacen(&quote_ident(&old), &quote_ident(new), 1),
    };
}

/// Whether `entry` serves every lookup the proposed index would: the same method,
/// the proposed keys first (in any order), and the same predicate, or none (a full
/// index holds the rows of any partial one).
pub fn serves(entry: &IndexEntry<'_>, proposed: &ProposedIndex) -> bool {
    let n = proposed.keys.len();
    if n == 0 || entry.keys.len() < n {
        return false;
    }
    let keys_match = if proposed.method == "gin" {
        // A trigram index: GIN or GiST with a pg_trgm operator class on the column.
        matches!(entry.method.as_str(), "gin" | "gist")
            && entry.keys[0].opclass.as_deref().is_some_and(|o| o.ends_with("trgm_ops"))
            && !entry.keys[0].expression
            && entry.keys[0].target == proposed.keys[0]
    } else if proposed.expression {
        entry.method == "btree" && entry.keys[0].expression && same_expression(&entry.keys[0].target, &proposed.keys[0])
    } else {
        entry.method == "btree"
            && entry.keys[..n].iter().all(|k| !k.expression && proposed.keys.contains(&k.target))
            && proposed.keys.iter().all(|c| entry.keys[..n].iter().any(|k| &k.target == c))
    };
    let same_predicate = match (entry.predicate.as_deref(), proposed.predicate.as_deref()) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(p), Some(q)) => predicate_implied(Some(p), Some(q)) && predicate_implied(Some(q), Some(p)),
    };
    keys_match && same_predicate
}

/// An index predicate holds for every row the proposed one (or a query's
/// conditions, AND-ed) selects: each of its conjuncts is one of theirs.
pub fn predicate_implied(index_predicate: Option<&str>, conditions: Option<&str>) -> bool {
    let Some(p) = index_predicate else { return true };
    let Some(q) = conditions else { return false };
    let theirs: Vec<String> = conjuncts(q).iter().map(|c| loose(&c.text)).collect();
    conjuncts(p).iter().all(|c| theirs.contains(&loose(&c.text)))
}

/// Two expressions compared the way PostgreSQL prints them in plans and pg_dump:
/// `lower((email)::text)` is `lower(email::text)`.
pub fn same_expression(a: &str, b: &str) -> bool {
    loose(a) == loose(b)
}

/// Text without the casts PostgreSQL adds for text columns, parentheses, quotes
/// around identifiers and spaces.
fn loose(text: &str) -> String {
    let mut t = text.to_owned();
    for cast in ["::character varying", "::text", "::bpchar"] {
        t = t.replace(cast, "");
    }
    t.chars().filter(|c| !matches!(c, '(' | ')' | '"' | ' ')).collect()
}

/// Fills the fix of a finding whose index exists: nothing to create, and where to
/// look instead.
pub fn existing_fix(f: Finding, existing: &Existing) -> Finding {
    f.evidence("Existing index", existing.definition.clone())
        .fix(
            None,
            format!(
                "Create nothing: {} already has {} {}, which serves this condition. The planner chose not to use it here; \
                 index-not-used gives the likely reason (a function or cast on the column, low selectivity, stale statistics).",
                existing.table_sql, existing.label, existing.shape
            ),
        )
        .risk("None: nothing changes in the schema.")
        .rollback(None, "Nothing to undo.")
}

/// Fills a finding's fix, risk and rollback with `advice` checked against the
/// schema, and records what it is about and which inputs it used.
pub fn apply_checked(ctx: &Context, f: Finding, advice: IndexAdvice, table: &str) -> Finding {
    apply_checked_except(ctx, f, advice, table, &[])
}

/// [`apply_checked`] with [`check_index_except`].
pub fn apply_checked_except(ctx: &Context, f: Finding, advice: IndexAdvice, table: &str, used: &[String]) -> Finding {
    let f = with_schema(ctx, f);
    match check_index_except(ctx, advice, used) {
        Checked::New(advice) => {
            let subject = (advice.proposed.table.clone(), advice.proposed.keys.clone());
            advice.apply(f, table).subject(subject.0, subject.1)
        }
        Checked::Exists(existing) => existing_fix(f, &existing),
    }
}

/// With a schema, what a rewrite on the bare column can use: ` The index x on
/// (col) then serves it.`, or the index to create (free name). `None` without one.
pub fn bare_column_index(ctx: &Context, table: &str, column: &str) -> Option<String> {
    ctx.catalog.as_ref()?;
    let advice = super::advice::index_on_columns(table, &[super::advice::IndexKey { column: column.to_owned(), ordering: String::new() }]);
    Some(match check_index(ctx, advice) {
        Checked::Exists(e) => format!(" {} {} on {} then serves it.", capitalized(&e.label), e.shape, e.table_sql),
        Checked::New(advice) => format!(" {table} has no index whose first column is {column}: create one with {}", advice.create_sql),
    })
}

fn capitalized(s: &str) -> String {
    super::schema_support::capitalized(s)
}

/// Marks the schema inputs as used by `f` when there is a schema.
pub fn with_schema(ctx: &Context, f: Finding) -> Finding {
    f.used(schema_inputs(ctx))
}

// ---------------------------------------------------------------------------------
// Foreign keys the plan uses.

/// Where a plan spends time because a foreign key's referencing columns have no
/// index: a scan or join on them, or the foreign key's triggers.
#[derive(Debug, Clone)]
pub struct ForeignKeyUse {
    pub input: usize,
    /// What the plan does, for evidence.
    pub text: String,
    pub time_ms: Option<f64>,
    pub share: Option<f64>,
}

/// The costliest place any plan reads `table` by the foreign key's first column, or
/// runs its action trigger (a DELETE or key UPDATE on the referenced table).
pub fn foreign_key_use(ctx: &Context, table: &Table, fk: &ForeignKey) -> Option<ForeignKeyUse> {
    let column = fk.columns.first()?;
    let schema = schema(ctx)?;
    let mut found: Vec<ForeignKeyUse> = Vec::new();
    for plan in &ctx.plans {
        found.extend(trigger_use(plan, fk));
        for (id, node, _) in plan.nodes() {
            let Some(read) = plan_table(ctx, node) else { continue };
            let same = (read.schema == table.schema && read.name == table.name)
                || schema.ancestors(read).iter().any(|t| t.schema == table.schema && t.name == table.name);
            if same {
                found.extend(scan_use(plan, id, node, column));
            }
        }
    }
    found.into_iter().max_by(|a, b| a.time_ms.unwrap_or(0.0).total_cmp(&b.time_ms.unwrap_or(0.0)))
}

fn trigger_use(plan: &AnalyzedPlan, fk: &ForeignKey) -> Option<ForeignKeyUse> {
    let serde_json::Value::Array(items) = plan.doc.fields.triggers.as_ref()? else { return None };
    let execution = plan.doc.execution_time();
    items.iter().find_map(|t| {
        let text = |k: &str| t.get(k).and_then(serde_json::Value::as_str);
        let name = text("Trigger Name").unwrap_or("");
        if text("Constraint Name") != Some(fk.name.as_str()) || name.contains("RI_ConstraintTrigger_c_") {
            return None;
        }
        let time = t.get("Time").and_then(serde_json::Value::as_f64)?;
        let calls = t.get("Calls").and_then(serde_json::Value::as_f64).map(|c| format!(", calls={}", count(c))).unwrap_or_default();
        let share = execution.filter(|e| *e > 0.0).map(|e| (time / e).min(1.0));
        Some(ForeignKeyUse {
            input: plan.input,
            text: format!(
                "Trigger for constraint {}: time={}{calls}{}",
                fk.name,
                ms(time),
                share.map(|s| format!(" ({} of execution time)", percent(s))).unwrap_or_default()
            ),
            time_ms: Some(time),
            share,
        })
    })
}

/// A scan of the referencing table that filters on the key, or a join above it on
/// the key.
fn scan_use(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, column: &str) -> Option<ForeignKeyUse> {
    let own = |c: &ColumnRef| {
        c.name == column
            && match c.qualifier.as_deref() {
                None => true,
                Some(q) => Some(q) == node.fields.alias.as_deref() || Some(q) == node.fields.relation_name.as_deref(),
            }
    };
    let filters = node.fields.filter.as_deref().is_some_and(|f| {
        conjuncts(f).iter().any(|c| c.kind == ConjunctKind::Equality && c.column.as_ref().is_some_and(own))
            || join_keys(f).iter().any(|(a, b)| own(a) || own(b))
    });
    let at = if filters {
        Some((id, "filters on"))
    } else {
        // A join above the scan on the key (Hash Cond, Merge Cond, Join Filter).
        let mut current = node.parent;
        let mut join = None;
        while let Some(p) = current {
            let n = &plan.doc.plan.nodes[p];
            let conds = [n.fields.hash_cond.as_deref(), n.fields.merge_cond.as_deref(), n.fields.join_filter.as_deref()];
            let on_key = conds.into_iter().flatten().any(|c| join_keys(c).iter().any(|(a, b)| (own(a) && a.qualifier.is_some()) || (own(b) && b.qualifier.is_some())));
            if on_key {
                join = Some((p, "joins on"));
                break;
            }
            current = n.parent;
        }
        join
    };
    let (at, verb) = at?;
    let m = plan.metrics.node(at);
    let label = plan.doc.plan.nodes[at].label();
    let scan = node.label();
    let timing = match (m.inclusive_ms, m.inclusive_share) {
        (Some(t), Some(s)) => format!(": {} ({} of execution time)", ms(t), percent(s)),
        (Some(t), None) => format!(": {}", ms(t)),
        _ => String::new(),
    };
    let text = if at == id { format!("{scan} {verb} {column}{timing}") } else { format!("{label} {verb} {column} of {scan}{timing}") };
    Some(ForeignKeyUse { input: plan.input, text, time_ms: m.inclusive_ms, share: m.inclusive_share })
}

/// Scenario plans read with the schema they were captured on.
#[cfg(all(test, feature = "sql"))]
pub(crate) mod testing {
    use crate::rules::test_support::fixture;
    use crate::{analyze, Config, Finding, Input, InputKind, Report};

    /// The report on `tests/scenarios/NAME.json` with `tests/scenarios/schema.sql`.
    pub fn scenario_report(name: &str) -> Report {
        scenario_report_of(&format!("{name}.json"))
    }

    /// The same, for a capture file of the scenario (`NAME.txt`).
    pub fn scenario_report_of(file: &str) -> Report {
        let plan = format!("tests/scenarios/{file}");
        let inputs = [
            Input::new(InputKind::Plan, file, fixture(&plan)),
            Input::new(InputKind::Schema, "schema.sql", fixture("tests/scenarios/schema.sql")),
        ];
        let report = analyze(&inputs, &Config::default());
        assert!(report.inputs.iter().all(|i| i.ok), "{plan}: {:?}", report.notes);
        report
    }

    /// Findings of rule `id` in [`scenario_report`].
    pub fn scenario_findings(name: &str, id: &str) -> Vec<Finding> {
        scenario_report(name).findings.into_iter().filter(|f| f.rule == id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_compare_as_postgres_prints_them() {
        assert!(same_expression("lower((email)::text)", "lower(email::text)"));
        assert!(same_expression("lower(email)", "lower((email)::text)"));
        assert!(!same_expression("lower(email)", "upper(email)"));
    }

    #[test]
    fn predicates_are_implied_conjunct_by_conjunct() {
        assert!(predicate_implied(None, None));
        assert!(predicate_implied(Some("(status = 'open'::text)"), Some("status = 'open' AND customer_id = 1")));
        assert!(!predicate_implied(Some("status = 'open'"), Some("customer_id = 1")));
        assert!(!predicate_implied(Some("status = 'open'"), None));
    }
}
