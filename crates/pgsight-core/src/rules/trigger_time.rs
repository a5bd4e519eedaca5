use serde_json::Value;

use super::advice::{create_index_risk, index_on_columns, IndexKey};
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::report::{Finding, Impact, Location};

declare_rule! {
    /// ## What it does
    /// Adds up the time of the triggers EXPLAIN ANALYZE reports (`Trigger ...: time=
    /// calls=`) and fires when they take at least 10% of the execution time. For a
    /// foreign-key trigger that searches the referencing table, it names the
    /// referencing column and proposes an index on it.
    ///
    /// ## Why it matters
    /// Trigger time is not part of any plan node: the plan can look fast while the
    /// statement is slow. The usual culprit is a foreign key without an index on its
    /// referencing column: every row deleted (or whose key is updated) in the
    /// referenced table makes the `RI_ConstraintTrigger_a_...` trigger scan the
    /// referencing table for rows that still point at it.
    ///
    /// ## Example
    /// ```text
    /// Delete on customers  (actual time=2.1..2.1 rows=0 loops=1)
    ///   ...
    /// Trigger for constraint orders_customer_id_fkey on customers: time=4210.5 calls=500
    /// Execution Time: 4215.8 ms
    /// ```
    ///
    /// ## Fix
    /// Index the referencing column. A plan names the constraint but not its columns:
    /// the column is inferred from PostgreSQL's default constraint name
    /// `<table>_<column>_fkey` (when the split is ambiguous, the column that ends in
    /// `_id`, preferably `<referenced table>_id`), so check it with `\d` first:
    /// ```sql
    /// CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);
    /// ```
    id: "trigger-time",
    category: Plan,
    severity: Warning,
    summary: "Triggers, often foreign-key checks, take a large share of the statement's time",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Trigger time as a share of execution time.
    pub min_share: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_share: 0.1 }
    }
}

#[derive(Debug)]
struct Trigger {
    name: String,
    constraint: Option<String>,
    relation: Option<String>,
    time_ms: f64,
    calls: Option<f64>,
}

impl Trigger {
    /// How PostgreSQL prints it in text: `Trigger for constraint c on t`.
    fn label(&self) -> String {
        let mut s = String::from("Trigger");
        if !self.name.is_empty() && self.constraint.is_none() {
            s.push(' ');
            s.push_str(&self.name);
        }
        if let Some(c) = &self.constraint {
            s.push_str(&format!(" for constraint {c}"));
        }
        if let Some(r) = &self.relation {
            s.push_str(&format!(" on {r}"));
        }
        s
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        let triggers = triggers(plan);
        let total: f64 = triggers.iter().map(|t| t.time_ms).sum();
        let Some(execution) = plan.doc.execution_time().filter(|t| *t > 0.0) else { continue };
        if triggers.is_empty() || total < t.min_share * execution {
            continue;
        }
        out.push(finding(plan, &triggers, total, execution));
    }
}

fn triggers(plan: &AnalyzedPlan) -> Vec<Trigger> {
    let Some(Value::Array(items)) = &plan.doc.fields.triggers else { return Vec::new() };
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    let mut list: Vec<Trigger> = items
        .iter()
        .filter_map(|t| {
            Some(Trigger {
                name: text(t, "Trigger Name").unwrap_or_default(),
                constraint: text(t, "Constraint Name"),
                relation: text(t, "Relation"),
                time_ms: t.get("Time")?.as_f64()?,
                calls: t.get("Calls").and_then(Value::as_f64),
            })
        })
        .collect();
    list.sort_by(|a, b| b.time_ms.total_cmp(&a.time_ms));
    list
}

/// The referencing table and column of a foreign-key trigger, inferred from the
/// constraint's default name `<table>_<column>_fkey`.
#[derive(Debug, PartialEq, Eq)]
struct Referencing {
    table: String,
    column: String,
}

/// Splits `<table>_<column>_fkey`. Every underscore is a candidate split; the best
/// has a column ending in `_id`, preferably `<referenced table, singular>_id`, then a
/// table the plan reads, then the longest table name.
fn infer_referencing(constraint: &str, referenced: Option<&str>, known: &[String]) -> Option<Referencing> {
    let stem = constraint.strip_suffix("_fkey")?;
    let referenced = referenced.map(|r| r.rsplit('.').next().unwrap_or(r));
    let matches_referenced = |column: &str| {
        let Some(r) = referenced else { return false };
        let singular = r.strip_suffix('s').unwrap_or(r);
        column == format!("{singular}_id") || column == format!("{r}_id")
    };
    stem.match_indices('_')
        .map(|(i, _)| (&stem[..i], &stem[i + 1..]))
        .filter(|(table, column)| !table.is_empty() && !column.is_empty())
        .max_by_key(|(table, column)| {
            (matches_referenced(column), column.ends_with("_id"), known.iter().any(|k| k == table), table.len())
        })
        .map(|(table, column)| Referencing { table: table.to_owned(), column: column.to_owned() })
}

/// An action trigger (on the referenced table) searches the referencing table; a
/// check trigger (`_c_`, on the referencing table) looks up the referenced key,
/// which its primary key or unique index already serves.
fn is_action_trigger(t: &Trigger, referencing: &Referencing) -> bool {
    if t.name.contains("RI_ConstraintTrigger_a_") {
        return true;
    }
    if t.name.contains("RI_ConstraintTrigger_c_") {
        return false;
    }
    t.relation.as_deref().map(|r| r.rsplit('.').next().unwrap_or(r)) != Some(referencing.table.as_str())
}

fn finding(plan: &AnalyzedPlan, triggers: &[Trigger], total: f64, execution: f64) -> Finding {
    let share = (total / execution).min(1.0);
    let nodes = &plan.doc.plan.nodes;
    let known: Vec<String> = nodes.iter().filter_map(|n| n.fields.relation_name.clone()).collect();
    // With a single target table PostgreSQL omits `on <table>` from the trigger line:
    // the table is the one the statement modifies.
    let modified = nodes.iter().find(|n| n.node_type() == "ModifyTable").and_then(|n| n.fields.relation_name.clone());
    let schema_of_table = |table: &str| {
        nodes.iter().find(|n| n.fields.relation_name.as_deref() == Some(table)).and_then(|n| n.fields.schema.clone())
    };
    // Foreign keys whose action trigger needs an index on the referencing column.
    let mut indexes: Vec<(&Trigger, Referencing, String, String)> = Vec::new();
    for t in triggers.iter().filter(|t| t.name.starts_with("RI_ConstraintTrigger") || t.constraint.is_some()) {
        let Some(constraint) = &t.constraint else { continue };
        let referenced = t.relation.as_deref().or(modified.as_deref());
        let Some(r) = infer_referencing(constraint, referenced, &known) else { continue };
        if !is_action_trigger(t, &r) || indexes.iter().any(|(_, x, ..)| *x == r) {
            continue;
        }
        // Same schema as the table the plan reads under that name, else as the
        // referenced table.
        let schema = schema_of_table(&r.table).or_else(|| referenced.and_then(schema_of_table));
        let table = super::fixsql::qualify(schema.as_deref(), &r.table);
        indexes.push((t, r, table, referenced.unwrap_or("referenced").to_owned()));
    }
    let top = &triggers[0];
    let title = match &top.constraint {
        Some(c) => format!("Triggers take {} of execution time (foreign key {c})", percent(share)),
        None => format!("Triggers take {} of execution time ({})", percent(share), top.name),
    };
    let mut f = Finding::new(
        &META,
        title,
        format!(
            "The statement's triggers ran for {} of its {}: time that no plan node shows. The slowest is {}, {}.",
            ms(total),
            ms(execution),
            top.label(),
            per_call(top)
        ),
    )
    .location(Location { input: plan.input, plan: Some(plan.index), ..Location::default() });
    for t in triggers {
        let calls = t.calls.map(|c| format!(", calls={}", count(c))).unwrap_or_default();
        f = f.evidence(t.label(), format!("time={}{calls}", ms(t.time_ms)));
    }
    f = f.evidence("Execution Time", ms(execution));
    let saved: f64 = indexes.iter().map(|(t, ..)| t.time_ms).sum();
    f = f.impact(Impact {
        text: if indexes.is_empty() {
            format!("Triggers account for {} ({} of execution time).", ms(total), percent(share))
        } else {
            format!(
                "The foreign-key triggers that search the referencing table take {} ({} of execution time); with an index each call is an index lookup instead of a scan.",
                ms(saved),
                percent(saved / execution)
            )
        },
        time_share: Some(share),
        time_ms: Some(if indexes.is_empty() { total } else { saved }),
        rows: None,
    });

    if indexes.is_empty() {
        let fk_checks = triggers.iter().any(|t| t.name.contains("RI_ConstraintTrigger_c_"));
        let text = if fk_checks {
            "These are foreign-key checks on the rows written: each looks up the referenced key, which its primary key already indexes. \
             Their cost is per row: write in larger batches, or check that the referenced table's key lookups are not slowed by bloat or locks."
                .to_owned()
        } else {
            let names: Vec<&str> = triggers.iter().map(|t| t.name.as_str()).filter(|n| !n.is_empty()).collect();
            format!(
                "Look at the function behind {}: its cost is paid per row, {}. A row-level trigger that writes one row elsewhere per row changed \
                 (an audit or history table) can do the same work in one statement-level trigger with a transition table \
                 (REFERENCING NEW TABLE AS ... FOR EACH STATEMENT) and a single INSERT ... SELECT; a function that queries other tables needs indexes for those queries.",
                names.join(", "),
                per_call(top)
            )
        };
        return f.fix(None, text).risk("None until a change is made.").rollback(None, "Nothing to undo.");
    }
    let mut sql = Vec::new();
    let mut drops = Vec::new();
    let mut notes = Vec::new();
    for (t, r, table, referenced) in &indexes {
        let advice = index_on_columns(table, &[IndexKey { column: r.column.clone(), ordering: String::new() }]);
        sql.push(advice.create_sql);
        drops.push(format!("DROP INDEX CONCURRENTLY IF EXISTS {};", advice.qualified_name));
        notes.push(format!(
            "{}.{} is the referencing column of {} (inferred from PostgreSQL's default constraint name <table>_<column>_fkey): \
             each of its {} searched {} for rows still pointing at the {} row",
            r.table,
            r.column,
            t.constraint.as_deref().unwrap_or("the foreign key"),
            t.calls.map_or_else(|| "calls".to_owned(), |c| format!("{} calls", count(c))),
            table,
            referenced,
        ));
    }
    let tables: Vec<&str> = indexes.iter().map(|(_, _, t, _)| t.as_str()).collect();
    if let [(_, r, table, _)] = indexes.as_slice() {
        // What fk-missing-index, given the schema, says about the same column.
        f = f.subject(table.clone(), [r.column.clone()]);
    }
    f.fix(
        Some(sql.join("\n")),
        format!(
            "Index the referencing column. {}. Check the columns with \\d first: if an index already starts with that column, the time goes elsewhere.",
            notes.join("; ")
        ),
    )
    .risk(create_index_risk(&tables.join(", ")))
    .rollback(Some(drops.join("\n")), "Drops the index without blocking writes.")
}

fn per_call(t: &Trigger) -> String {
    match t.calls.filter(|c| *c > 0.0) {
        Some(c) => format!("{} over {} calls, {} per call", ms(t.time_ms), count(c), ms(t.time_ms / c)),
        None => ms(t.time_ms),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{findings_for_fixture, render};

    fn r(table: &str, column: &str) -> Option<Referencing> {
        Some(Referencing { table: table.into(), column: column.into() })
    }

    #[test]
    fn infers_the_referencing_column() {
        assert_eq!(infer_referencing("orders_customer_id_fkey", Some("customers"), &[]), r("orders", "customer_id"));
        // Both splits end in _id; the one naming the referenced table wins.
        assert_eq!(infer_referencing("order_items_order_id_fkey", Some("orders"), &[]), r("order_items", "order_id"));
        // No referenced-table hint: the column ending in _id, then the longer table.
        assert_eq!(infer_referencing("order_items_parent_id_fkey", None, &[]), r("order_items", "parent_id"));
        assert_eq!(infer_referencing("line_items_sku_fkey", None, &["line_items".into()]), r("line_items", "sku"));
        assert_eq!(infer_referencing("custom_name", None, &[]), None);
    }

    #[test]
    fn fires_on_trigger_time_fk_delete() {
        let findings = findings_for_fixture("tests/scenarios/trigger-time-fk-delete.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn text_and_json_agree_on_trigger_time_fk_delete() {
        let json = findings_for_fixture("tests/scenarios/trigger-time-fk-delete.json", META.id);
        let text = findings_for_fixture("tests/scenarios/trigger-time-fk-delete.txt", META.id);
        assert_eq!(json.len(), text.len(), "{text:#?}");
        assert_eq!(json[0].location.node_label, text[0].location.node_label);
        assert_eq!(json[0].fix.sql, text[0].fix.sql);
    }

    #[test]
    fn fires_on_trigger_time_audit_trigger() {
        let findings = findings_for_fixture("tests/scenarios/trigger-time-audit-trigger.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn text_and_json_agree_on_trigger_time_audit_trigger() {
        let json = findings_for_fixture("tests/scenarios/trigger-time-audit-trigger.json", META.id);
        let text = findings_for_fixture("tests/scenarios/trigger-time-audit-trigger.txt", META.id);
        assert_eq!(json.len(), text.len(), "{text:#?}");
        assert_eq!(json[0].location.node_label, text[0].location.node_label);
        assert_eq!(json[0].fix.sql, text[0].fix.sql);
    }

    #[test]
    fn quiet_on_clean_plans() {
        for path in crate::rules::advice::clean_scenarios() {
            let findings = findings_for_fixture(&path, META.id);
            assert!(findings.is_empty(), "{path}: {findings:#?}");
        }
    }

    #[test]
    fn indexes_every_referencing_column() {
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/trigger-time/two-foreign-keys.txt", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(
            findings[0].fix.sql.as_deref(),
            Some("CREATE INDEX CONCURRENTLY order_items_customer_id_idx ON public.order_items (customer_id);\nCREATE INDEX CONCURRENTLY invoices_customer_id_idx ON public.invoices (customer_id);")
        );
    }
}
