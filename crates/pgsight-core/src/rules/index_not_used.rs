use super::advice::{expression_index, index_on_columns, query_rewrite_risk, query_rewrite_rollback, IndexKey};
use super::catalog_check::{self, check_index, definition, entries, plan_table, table_key, Checked};
use super::fixsql::quote_ident;
use super::format::{count, ms, percent};
use super::no_partition_pruning::partition_siblings;
use super::non_sargable_predicate::wrapped_columns;
use super::schema_support::{schema, IndexEntry, SchemaInput};
use super::{AnalyzedPlan, Context};
use crate::plan::predicate::{conjuncts, is_constant, range_rewrite, split_top_level, strip_outer_parens, strip_qualifier, Conjunct, ConjunctKind, WrappedColumn, Wrapper};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact, Severity};
use crate::sql::catalog::Table;

declare_rule! {
    /// ## What it does
    /// With a schema beside the plan, finds a scan whose `Filter` tests a column that
    /// an index of the table covers, while the planner read the table sequentially or
    /// through another index. It names the index and the most likely reason, read from
    /// the plan and the schema:
    ///
    /// - a function or a cast on the column: `lower(email) = ...` cannot use an index
    ///   on `email`;
    /// - a type mismatch: `(code)::numeric = '123'::numeric` compares a varchar column
    ///   with a number, so the column is cast and its index is out of reach;
    /// - a partial index whose predicate the filter does not imply;
    /// - a multicolumn index whose leading column the filter does not test;
    /// - stale statistics: the scan's row estimate is off by 10x or more, so the
    ///   planner expected too many rows for an index to pay;
    /// - low selectivity: the filter keeps 2% or more of the rows, where reading the
    ///   whole table in order is cheaper than that many index lookups (advice only).
    ///
    /// Partitions scanned with the same filter make one finding. The plan findings that
    /// proposed an index for the same scan (`seq-scan-selective-filter`,
    /// `non-sargable-predicate`, `index-scan-filter`) are merged into this one.
    ///
    /// ## Why it matters
    /// An index that the queries cannot use costs disk and slows every write for
    /// nothing, and proposing the same index again does not help: what keeps the
    /// planner from using it has to change.
    ///
    /// ## Example
    /// ```text
    /// -- schema: CREATE INDEX customers_email_idx ON public.customers USING btree (email);
    /// Seq Scan on public.customers  (actual time=1.09..21.2 rows=1 loops=1)
    ///   Filter: (lower(customers.email) = 'user4242@example.com'::text)
    ///   Rows Removed by Filter: 99999
    /// ```
    ///
    /// ## Fix
    /// Depends on the reason: an expression index for a function on the column,
    /// ```sql
    /// CREATE INDEX CONCURRENTLY customers_lower_email_idx ON public.customers ((lower(email)));
    /// ```
    /// a value of the column's own type for a cast, the partial index's predicate in
    /// the query, an index that leads with the filtered column, `ANALYZE` for stale
    /// statistics; nothing for low selectivity (the planner was right).
    id: "index-not-used",
    category: Plan,
    severity: Warning,
    summary: "A filter on an indexed column that the planner did not use the index for",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Rows the filter removes over all loops.
    pub min_removed_rows: f64,
    /// Share of the rows read that the filter removes.
    pub min_removed_share: f64,
    /// Planned rows at least this many times the actual rows: stale statistics.
    pub misestimate_factor: f64,
    /// Share of the rows read that the filter keeps (by the planner's estimate or the
    /// actual count) from which a sequential scan is the cheaper plan.
    pub low_selectivity_share: f64,
}

pub const THRESHOLDS: Thresholds = Thresholds { min_removed_rows: 1_000.0, min_removed_share: 0.5, misestimate_factor: 10.0, low_selectivity_share: 0.02 };

impl Default for Thresholds {
    fn default() -> Self {
        THRESHOLDS
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(schema) = schema(ctx) else { return };
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, m) in plan.nodes() {
            let sequential = matches!(node.node_type(), "Seq Scan" | "Parallel Seq Scan");
            if !sequential && !matches!(node.node_type(), "Index Scan" | "Index Only Scan" | "Bitmap Heap Scan") {
                continue;
            }
            let (Some(filter), Some(returned)) = (node.fields.filter.as_deref(), m.actual_rows_total) else { continue };
            let removed = node.fields.rows_removed_by_filter.unwrap_or(0.0) * node.loops();
            let read = removed + returned;
            if !node.executed() || removed < t.min_removed_rows || read <= 0.0 || removed / read < t.min_removed_share {
                continue;
            }
            let partitions = match partition_siblings(plan, id) {
                Some((_, scans)) if scans[0] != id => continue,
                Some((_, scans)) => scans.len(),
                None => 1,
            };
            let Some(table) = plan_table(ctx, node) else { continue };
            let used = used_indexes(plan, id, node);
            let Some(reason) = reason(&schema, table, node, filter, &used, sequential, &disabled_scans(plan), returned, read, &t) else { continue };
            let scan = Scan { plan, id, node, filter, returned, removed, partitions, used };
            out.push(finding(ctx, &schema, table, &scan, reason));
        }
    }
}

/// `enable_indexscan` and `enable_bitmapscan` when the plan's Settings turn them off.
fn disabled_scans(plan: &AnalyzedPlan) -> Vec<String> {
    plan.doc
        .settings()
        .into_iter()
        .filter(|(k, v)| matches!(*k, "enable_indexscan" | "enable_bitmapscan") && v.trim_matches('\'').eq_ignore_ascii_case("off"))
        .map(|(k, _)| k.to_owned())
        .collect()
}

/// The indexes the scan used (its own, or the Bitmap Index Scans below it).
fn used_indexes(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode) -> Vec<String> {
    if node.node_type() != "Bitmap Heap Scan" {
        return node.fields.index_name.iter().cloned().collect();
    }
    plan.doc.plan.subtree(id).skip(1).filter_map(|c| plan.doc.plan.nodes[c].fields.index_name.clone()).collect()
}

/// Why the planner did not use an index of the table for the filter.
enum Reason<'a> {
    /// `f(col)` or `(col)::type` compared with a value; the index is on `col`.
    Wrapped { entry: IndexEntry<'a>, w: WrappedColumn },
    /// The index's predicate is not in the filter.
    Partial { entry: IndexEntry<'a>, column: String },
    /// The filter tests a later key of the index, not its first.
    LeadingColumn { entry: IndexEntry<'a>, column: String },
    /// The index serves the filter; the plan says why it was not used, or does not.
    Usable { entry: IndexEntry<'a>, column: String, why: Why },
}

enum Why {
    /// The plan was made with index scans (and bitmap scans) disabled.
    Disabled { settings: Vec<String> },
    /// Planned rows (over all loops) far above the actual rows.
    StaleStatistics { planned: f64 },
    /// The share of the rows the filter keeps, by the larger of estimate and count.
    LowSelectivity { share: f64 },
    /// Nothing in the plan explains it.
    Unexplained,
}

#[allow(clippy::too_many_arguments)]
fn reason<'a>(
    schema: &SchemaInput<'a>,
    table: &'a Table,
    node: &PlanNode,
    filter: &str,
    used: &[String],
    sequential: bool,
    disabled: &[String],
    returned: f64,
    read: f64,
    t: &Thresholds,
) -> Option<Reason<'a>> {
    let candidates: Vec<IndexEntry<'a>> =
        entries(schema, table).into_iter().filter(|e| !used.contains(&e.name) && matches!(e.method.as_str(), "btree" | "hash")).collect();
    let leads_with = |e: &IndexEntry<'_>, column: &str| e.keys.first().is_some_and(|k| !k.expression && k.target == column);
    // 1. A function or cast hides an indexed column.
    for w in wrapped_columns(node, filter) {
        let bare = bare_expression(&w);
        let expression_indexed = candidates.iter().any(|e| e.keys.first().is_some_and(|k| k.expression && catalog_check::same_expression(&k.target, &bare)));
        if expression_indexed || table.column(&w.column.name).is_none() {
            continue;
        }
        if let Some(entry) = candidates.iter().find(|e| leads_with(e, &w.column.name) && e.predicate.is_none()) {
            return Some(Reason::Wrapped { entry: entry.clone(), w });
        }
    }
    let own: Vec<Conjunct> = conjuncts(filter)
        .into_iter()
        .filter(|c| matches!(c.kind, ConjunctKind::Equality | ConjunctKind::Range))
        .filter(|c| c.constant.as_deref().is_some_and(is_constant))
        .filter(|c| c.column.as_ref().is_some_and(|col| is_own(node, col.qualifier.as_deref()) && table.column(&col.name).is_some()))
        .collect();
    let columns: Vec<String> = own.iter().filter_map(|c| c.column.as_ref().map(|c| c.name.clone())).collect();
    // 2. An index leads with a filtered column and its predicate holds.
    for column in &columns {
        let Some(entry) = candidates.iter().find(|e| leads_with(e, column) && catalog_check::predicate_implied(e.predicate.as_deref(), Some(filter))) else {
            continue;
        };
        let planned = node.fields.plan_rows.unwrap_or(0.0) * node.loops();
        let why = if !disabled.is_empty() {
            Why::Disabled { settings: disabled.to_vec() }
        } else if planned >= t.misestimate_factor * returned.max(1.0) && planned >= 100.0 {
            Why::StaleStatistics { planned }
        } else if !sequential {
            // The planner preferred the index it used: index-scan-filter says what to change.
            continue;
        } else if planned.max(returned) / read >= t.low_selectivity_share {
            Why::LowSelectivity { share: planned.max(returned) / read }
        } else {
            Why::Unexplained
        };
        return Some(Reason::Usable { entry: entry.clone(), column: column.clone(), why });
    }
    // 3. A partial index on a filtered column whose predicate the filter does not imply.
    for column in &columns {
        if let Some(entry) = candidates.iter().find(|e| leads_with(e, column) && e.predicate.is_some()) {
            return Some(Reason::Partial { entry: entry.clone(), column: column.clone() });
        }
    }
    // 4. A filtered column further back in an index whose leading column is not tested.
    for column in &columns {
        let later = candidates.iter().find(|e| {
            e.keys.iter().skip(1).any(|k| !k.expression && &k.target == column)
                && e.keys.first().is_some_and(|k| k.expression || !columns.contains(&k.target))
                && e.predicate.is_none()
        });
        if let Some(entry) = later {
            return Some(Reason::LeadingColumn { entry: entry.clone(), column: column.clone() });
        }
    }
    None
}

fn is_own(node: &PlanNode, qualifier: Option<&str>) -> bool {
    match qualifier {
        None => true,
        Some(q) => Some(q) == node.fields.alias.as_deref() || Some(q) == node.fields.relation_name.as_deref(),
    }
}

/// The wrapped expression without the scan's qualifier: `lower(email)`.
fn bare_expression(w: &WrappedColumn) -> String {
    match &w.column.qualifier {
        Some(q) => strip_qualifier(&w.expression, q),
        None => w.expression.clone(),
    }
}

fn bare_text(w: &WrappedColumn) -> String {
    match &w.column.qualifier {
        Some(q) => strip_qualifier(&w.text, q),
        None => w.text.clone(),
    }
}

/// The scan a finding is about, with its figures.
struct Scan<'p> {
    plan: &'p AnalyzedPlan,
    id: NodeId,
    node: &'p PlanNode,
    filter: &'p str,
    returned: f64,
    removed: f64,
    partitions: usize,
    used: Vec<String>,
}

fn finding(ctx: &Context, schema: &SchemaInput<'_>, table: &Table, scan: &Scan<'_>, reason: Reason<'_>) -> Finding {
    let node = scan.node;
    let m = scan.plan.metrics.node(scan.id);
    let table_sql = schema.table_sql(table);
    let read = scan.returned + scan.removed;
    let how = match scan.used.as_slice() {
        [] => format!("The {} on {table_sql}", node.node_type().to_ascii_lowercase()),
        names => format!("The {} on {table_sql} (through {})", node.node_type().to_ascii_lowercase(), names.join(" and ")),
    };
    let read_text = format!("reads {} rows and its filter discards {} of them to return {}", count(read), count(scan.removed), count(scan.returned));
    let (entry, column) = match &reason {
        Reason::Wrapped { entry, w } => (entry, w.column.name.clone()),
        Reason::Partial { entry, column } | Reason::LeadingColumn { entry, column } | Reason::Usable { entry, column, .. } => (entry, column.clone()),
    };
    let index = entry.name.clone();
    let column_type = table.column(&column).map(|c| c.normalized_type.clone()).unwrap_or_default();
    let (title, diagnosis) = match &reason {
        Reason::Wrapped { w, .. } => match &w.wrapper {
            Wrapper::Function { name, .. } => (
                format!("Index {index} on {table_sql} ({column}) is not used: the filter applies {name}() to {column}"),
                format!(
                    "{how} {read_text}. {table_sql} has {} on {column}, but the filter tests `{}`: the index stores {column}, not {name}({column}), so the planner cannot search it.",
                    entry.label(),
                    bare_text(w)
                ),
            ),
            Wrapper::Cast { type_name } if range_rewrite(w).is_some() => (
                format!("Index {index} on {table_sql} ({column}) is not used: the filter casts {column} to {type_name}"),
                format!(
                    "{how} {read_text}. {table_sql} has {} on {column} ({column_type}), but the filter tests `{}`: every row's {column} is cast to {type_name} before comparing, so the index on the column itself cannot be searched.",
                    entry.label(),
                    bare_text(w)
                ),
            ),
            Wrapper::Cast { type_name } => (
                format!("Index {index} on {table_sql} ({column}) is not used: {column} is cast to {type_name} to match the value"),
                format!(
                    "{how} {read_text}. {table_sql} has {} on {column} ({column_type}), but the filter tests `{}`: the value is {type_name}, not {column_type}, so {column} is compared as {type_name}. That type mismatch casts every row's value, and the index on the column itself cannot be searched.",
                    entry.label(),
                    bare_text(w)
                ),
            ),
        },
        Reason::Partial { .. } => (
            format!("Partial index {index} on {table_sql} ({column}) is not used: the filter does not imply its predicate"),
            format!(
                "{how} {read_text}. {table_sql} has {} on {column}, but only for the rows where {}; the filter does not say so, so the planner cannot prove the index holds every row the query wants.",
                entry.label(),
                entry.predicate.clone().unwrap_or_default()
            ),
        ),
        Reason::LeadingColumn { .. } => (
            format!(
                "Index {index} on {table_sql} is not used: the filter does not test its leading column {}",
                entry.keys.first().map(|k| k.target.clone()).unwrap_or_default()
            ),
            format!(
                "{how} {read_text}. {table_sql} has {} {}, which holds {column}, but a B-tree is ordered by its first column: without a condition on {} the index cannot be searched by {column}.",
                entry.label(),
                entry.shape(),
                entry.keys.first().map(|k| k.target.clone()).unwrap_or_default()
            ),
        ),
        Reason::Usable { why, .. } => match why {
            Why::Disabled { settings } => (
                format!("Index {index} on {table_sql} ({column}) is not used: the plan was made with {}", settings.iter().map(|s| format!("{s} = off")).collect::<Vec<_>>().join(" and ")),
                format!(
                    "{how} {read_text}. {table_sql} has {} on {column}, which serves this filter, but the session that made the plan turned off {}: the planner could not choose it.",
                    entry.label(),
                    settings.join(" and ")
                ),
            ),
            Why::StaleStatistics { planned } => (
                format!("Index {index} on {table_sql} ({column}) is not used: the planner expected {} rows and got {}", count(*planned), count(scan.returned)),
                format!(
                    "{how} {read_text}. {table_sql} has {} on {column}, which serves this filter, but the planner estimated {} matching rows ({}x the {} that came): with that many rows a sequential scan looked cheaper. The estimate comes from stale statistics.",
                    entry.label(),
                    count(*planned),
                    count((planned / scan.returned.max(1.0)).round()),
                    count(scan.returned)
                ),
            ),
            Why::LowSelectivity { share } => (
                format!("Index {index} on {table_sql} ({column}) is not used: the filter keeps {} of the rows", percent(*share)),
                format!(
                    "{how} {read_text}. {table_sql} has {} on {column}, which serves this filter, but the planner expected {} rows ({} of the table): fetching that share through the index, one random page read per row, costs more than reading the table in order. The planner was probably right.",
                    entry.label(),
                    count(node.fields.plan_rows.unwrap_or(0.0) * node.loops()),
                    percent(*share)
                ),
            ),
            Why::Unexplained => (
                format!("Index {index} on {table_sql} ({column}) is not used by the scan"),
                format!(
                    "{how} {read_text}. {table_sql} has {} on {column}, which serves this filter, and the plan shows no reason not to use it: its estimate ({} rows) is close and the filter is selective. The index may be invalid (a failed CREATE INDEX CONCURRENTLY leaves it so), or newer than the plan, or the plan was made with index scans disabled.",
                    entry.label(),
                    count(node.fields.plan_rows.unwrap_or(0.0) * node.loops())
                ),
            ),
        },
    };
    let mut f = Finding::new(&META, title, diagnosis)
        .location(scan.plan.location(scan.id))
        .evidence("Filter", scan.filter)
        .evidence("Index", definition(schema, entry));
    if !column_type.is_empty() {
        f = f.evidence(format!("Type of {column}"), column_type.clone());
    }
    if !scan.used.is_empty() {
        f = f.evidence("Index used instead", scan.used.join(", "));
    }
    f = f
        .evidence("Rows Removed by Filter", count(scan.removed))
        .evidence("Actual Rows", count(scan.returned))
        .evidence("Plan Rows", count(node.fields.plan_rows.unwrap_or(0.0) * node.loops()));
    if scan.partitions > 1 {
        f = f.evidence("Partitions with this filter", count(scan.partitions as f64));
    }
    if let Some(time) = m.inclusive_ms {
        f = f.evidence("Time in scan", ms(time));
    }
    let timing = match (m.inclusive_ms, m.inclusive_share) {
        (Some(time), Some(share)) => format!("This scan takes {} ({} of execution time). ", ms(time), percent(share)),
        _ => String::new(),
    };
    let impact = |text: String| Impact { text: format!("{timing}{text}"), time_share: m.inclusive_share, time_ms: m.inclusive_ms, rows: Some(scan.removed) };
    let table_text = table_key(table);
    f = catalog_check::with_schema(ctx, f).subject(table_text.clone(), [column.clone()]);

    match reason {
        Reason::Wrapped { w, entry } => {
            if let Some(rewrite) = range_rewrite(&w) {
                return f
                    .impact(impact(format!("With the condition on the bare column, {} serves it and the scan reads about {} instead of {}.", entry.name, rows(scan.returned), count(read))))
                    .fix(None, format!("Compare the bare column with a range: replace `{}` with `{rewrite}` in the query; {} then serves it.", bare_text(&w), entry.name))
                    .risk(query_rewrite_risk())
                    .rollback(None, query_rewrite_rollback());
            }
            if let Wrapper::Cast { type_name } = &w.wrapper {
                let value = own_type_value(&w.value, &column_type);
                return f
                    .impact(impact(format!("Compared with a value of its own type, {column} is searched through {} and the scan reads about {} instead of {}.", entry.name, rows(scan.returned), count(read))))
                    .fix(
                        None,
                        format!(
                            "Compare {column} with a value of its own type ({column_type}) instead of {type_name}: replace `{}` with `{} {} {value}` in the query (or bind the parameter as {column_type}); {} then serves it. If {column} really holds numbers, change its type instead.",
                            bare_text(&w),
                            quote_ident(&column),
                            w.operator,
                            entry.name
                        ),
                    )
                    .risk(query_rewrite_risk())
                    .rollback(None, query_rewrite_rollback());
            }
            let Wrapper::Function { name, .. } = &w.wrapper else { unreachable!() };
            let parts = vec![name.clone(), column.clone()];
            let advice = expression_index(&table_text, &bare_expression(&w), &parts);
            let f = f.impact(impact(format!("With an index on {}, the scan becomes an index lookup of about {} instead of reading {}.", bare_expression(&w), rows(scan.returned), count(read))));
            match check_index(ctx, advice) {
                Checked::New(mut advice) => {
                    advice.explanation.push_str(&format!(
                        " {} stays useful for conditions on {column} itself; if every query compares {name}({column}), the new index can replace it.",
                        entry.name
                    ));
                    advice.apply(f, &table_sql)
                }
                Checked::Exists(existing) => catalog_check::existing_fix(f, &existing),
            }
        }
        Reason::Partial { entry, column } => {
            let predicate = entry.predicate.clone().unwrap_or_default();
            let advice = index_on_columns(&table_text, &[IndexKey { column: column.clone(), ordering: String::new() }]);
            let f = f.impact(impact(format!("With an index the filter can use, the scan reads about {} instead of {}.", rows(scan.returned), count(read))));
            match check_index(ctx, advice) {
                Checked::New(mut advice) => {
                    advice.explanation = format!(
                        "If this query only wants rows where {predicate}, add `AND {predicate}` to its WHERE: {} then serves it and nothing has to be created. Otherwise index {column} for all rows: {}",
                        entry.name, advice.explanation
                    );
                    advice.apply(f, &table_sql)
                }
                Checked::Exists(existing) => catalog_check::existing_fix(f, &existing),
            }
        }
        Reason::LeadingColumn { entry, column } => {
            let advice = index_on_columns(&table_text, &[IndexKey { column: column.clone(), ordering: String::new() }]);
            let f = f.impact(impact(format!("With an index that starts with {column}, the scan reads about {} instead of {}.", rows(scan.returned), count(read))));
            match check_index(ctx, advice) {
                Checked::New(mut advice) => {
                    advice.explanation = format!(
                        "{} Or, if the query can name a value of {} too, add it: {} then serves the filter.",
                        advice.explanation,
                        entry.keys.first().map(|k| k.target.clone()).unwrap_or_default(),
                        entry.name
                    );
                    advice.apply(f, &table_sql)
                }
                Checked::Exists(existing) => catalog_check::existing_fix(f, &existing),
            }
        }
        Reason::Usable { entry, why, column } => match why {
            Why::Disabled { settings } => f
                .impact(impact(format!("With index scans allowed, the planner can search {} and read about {} instead of {}.", entry.name, rows(scan.returned), count(read))))
                .fix(
                    Some(settings.iter().map(|s| format!("RESET {s};")).collect::<Vec<_>>().join("\n")),
                    format!(
                        "Reset the setting{} and capture the plan again. If production sets it too (postgresql.conf, ALTER ROLE or ALTER DATABASE ... SET), remove it there: with it, no query of that session can use {} or any other index this way.",
                        if settings.len() == 1 { "" } else { "s" },
                        entry.name
                    ),
                )
                .risk("RESET only changes the current session. Where the setting comes from a role or database default, removing it there changes the plans of every query of that role or database: compare their plans first.")
                .rollback(Some(settings.iter().map(|s| format!("SET {s} = off;")).collect::<Vec<_>>().join("\n")), "Restores the session's settings as they were for this plan."),
            Why::StaleStatistics { .. } => f
                .impact(impact(format!("With statistics that match the table, the planner can search {} and read about {} instead of {}.", entry.name, rows(scan.returned), count(read))))
                .fix(
                    Some(format!("ANALYZE {table_sql};")),
                    format!(
                        "Refresh the statistics of {table_sql}, then capture the plan again. If the estimate drifts again, autovacuum is not analyzing {table_sql} often enough: lower its autovacuum_analyze_scale_factor (ALTER TABLE {table_sql} SET (autovacuum_analyze_scale_factor = 0.02)), or check that autovacuum is on for it."
                    ),
                )
                .risk(format!(
                    "ANALYZE takes a SHARE UPDATE EXCLUSIVE lock: reads and writes go on, but DDL and VACUUM on {table_sql} wait for it. \
                     It reads a sample of the table, not all of it, and only changes statistics; plans of other queries on {table_sql} may change with them."
                ))
                .rollback(None, "Nothing to undo: ANALYZE only replaces the statistics (the old ones cannot be restored, and are what was wrong)."),
            Why::LowSelectivity { .. } => f
                .severity(Severity::Info)
                .impact(impact(format!(
                    "Little to gain from an index here: the filter returns {} of {} rows. A sequential scan of the table is the cheaper plan at this selectivity.",
                    count(scan.returned),
                    count(read)
                )))
                .fix(
                    None,
                    format!(
                        "Create nothing: {} already indexes {column}, and at this selectivity the planner prefers reading the table in order. To make this query cheaper, narrow its condition, or serve it from the index alone: an index on ({column}) INCLUDE the columns it selects allows an Index Only Scan once the table is vacuumed.",
                        entry.name
                    ),
                )
                .risk("None: nothing changes in the schema.")
                .rollback(None, "Nothing to undo."),
            Why::Unexplained => {
                let index_sql = schema.sibling_sql(entry.table, &entry.name);
                f.impact(impact(format!("Through the index the scan would read about {} instead of {}.", rows(scan.returned), count(read))))
                    .fix(
                        Some(format!(
                            "SELECT indexrelid::regclass AS index, indisvalid, indisready FROM pg_index WHERE indexrelid = '{}'::regclass;",
                            index_sql.replace('\'', "''")
                        )),
                        format!(
                            "Check that {} is valid where the plan ran (an invalid one is rebuilt with REINDEX INDEX CONCURRENTLY), then capture the plan again.",
                            entry.name
                        ),
                    )
                    .risk(
                        "None: the query only reads the catalog. If the index is invalid, REINDEX INDEX CONCURRENTLY rebuilds it without \
                         blocking writes; it needs the disk space of a second copy of the index while it runs.",
                    )
                    .rollback(None, "Nothing to undo: the check changes nothing.")
            }
        },
    }
}

/// `1 row`, `20 rows`.
fn rows(n: f64) -> String {
    format!("{} row{}", count(n), if n == 1.0 { "" } else { "s" })
}

/// The value of a cast comparison as a value of the column's type: `'123'::numeric`
/// → `'123'` for a text column.
fn own_type_value(value: &str, column_type: &str) -> String {
    let parts = split_top_level(strip_outer_parens(value), "::");
    let base = strip_outer_parens(parts[0].trim()).to_owned();
    let texty = column_type.starts_with("character") || column_type == "text";
    if texty && !base.starts_with('\'') {
        format!("'{}'", base.replace('\'', "''"))
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::catalog_check::testing::{scenario_findings, scenario_report};
    use crate::rules::test_support::render;

    #[test]
    fn lower_email_against_an_index_on_email() {
        let findings = scenario_findings("non-sargable-predicate-lower-email", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(
            f.fix.sql.as_deref(),
            Some("CREATE INDEX CONCURRENTLY customers_lower_email_idx ON public.customers ((lower(email)));")
        );
        insta::assert_snapshot!(render(f));
    }

    #[test]
    fn existing_index_on_an_unselective_range_is_not_proposed_again() {
        let report = scenario_report("sort-spill-limit");
        let f = report.findings.iter().find(|f| f.rule == META.id).expect("index-not-used");
        assert!(f.title.contains("orders_created_at_idx"), "{}", f.title);
        assert!(f.also.iter().any(|r| r == "seq-scan-selective-filter"), "{:?}", f.also);
        // No finding proposes an index on created_at: it exists.
        for f in &report.findings {
            let sql = f.fix.sql.as_deref().unwrap_or("");
            assert!(!(sql.contains("CREATE INDEX") && sql.contains("(created_at)")), "{f:#?}");
        }
    }

    #[test]
    fn own_type_values() {
        assert_eq!(own_type_value("'123'::numeric", "character varying(10)"), "'123'");
        assert_eq!(own_type_value("123", "text"), "'123'");
        assert_eq!(own_type_value("'5'::bigint", "integer"), "'5'");
    }

    #[test]
    fn quiet_without_a_schema() {
        let findings = crate::rules::test_support::findings_for_fixture("tests/scenarios/non-sargable-predicate-lower-email.json", META.id);
        assert!(findings.is_empty());
    }
}
