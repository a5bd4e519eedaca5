use super::advice::index_for_conditions;
use super::catalog_check;
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::predicate::conjuncts;
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds an Index Scan, Index Only Scan or Bitmap Heap Scan whose `Filter` throws
    /// away most of the rows the index handed it: at least 50% of them, and at least
    /// 1,000 rows over all loops and workers.
    ///
    /// ## Why it matters
    /// The index narrows the search only by the columns of its `Index Cond`. Every
    /// row it finds is then fetched from the table and tested against the `Filter`,
    /// one by one: a random heap read per row that is thrown away. When the filter
    /// removes most of them, the index is on the wrong columns for this query.
    ///
    /// ## Example
    /// ```text
    /// Index Scan using orders_created_at_idx on orders  (actual time=0.03..95.1 rows=52 loops=1)
    ///   Index Cond: (created_at >= '2023-06-01 00:00:00+00'::timestamp with time zone)
    ///   Filter: (status = 'open'::text)
    ///   Rows Removed by Filter: 51948
    /// ```
    ///
    /// ## Fix
    /// An index that holds the filtered columns too, equality columns first and range
    /// columns last; a constant status or boolean test becomes the predicate of a
    /// partial index:
    /// ```sql
    /// CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at) WHERE status = 'open';
    /// ```
    /// Once the new index is used, check whether the old one still serves other
    /// queries (`pg_stat_user_indexes.idx_scan`) before dropping it.
    id: "index-scan-filter",
    category: Plan,
    severity: Warning,
    summary: "An index scan whose filter discards most of the rows the index found",
    thresholds: Thresholds,
}

/// Defaults from RULES.md.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Share of fetched rows the filter removes.
    pub min_removed_share: f64,
    /// Rows removed over all loops.
    pub min_removed_rows: f64,
}

pub const THRESHOLDS: Thresholds = Thresholds { min_removed_share: 0.5, min_removed_rows: 1_000.0 };

impl Default for Thresholds {
    fn default() -> Self {
        THRESHOLDS
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, m) in plan.nodes() {
            if !matches!(node.node_type(), "Index Scan" | "Index Only Scan" | "Bitmap Heap Scan") {
                continue;
            }
            let (Some(filter), Some(returned)) = (node.fields.filter.as_deref(), m.actual_rows_total) else {
                continue;
            };
            let removed = node.fields.rows_removed_by_filter.unwrap_or(0.0) * node.loops();
            let fetched = removed + returned;
            if removed < t.min_removed_rows || fetched <= 0.0 || removed / fetched < t.min_removed_share {
                continue;
            }
            out.push(finding(ctx, plan, id, node, filter, removed, returned));
        }
    }
}

/// The index (or indexes, for a bitmap) a scan used, and the condition it searched on.
struct IndexUse {
    names: Vec<String>,
    cond_label: &'static str,
    cond: Option<String>,
}

fn index_use(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode) -> IndexUse {
    if node.node_type() != "Bitmap Heap Scan" {
        return IndexUse { names: node.fields.index_name.iter().cloned().collect(), cond_label: "Index Cond", cond: node.fields.index_cond.clone() };
    }
    let below: Vec<&PlanNode> = plan.doc.plan.subtree(id).skip(1).map(|c| &plan.doc.plan.nodes[c]).collect();
    let names = below.iter().filter(|n| n.node_type() == "Bitmap Index Scan").filter_map(|n| n.fields.index_name.clone()).collect();
    let cond = node.fields.recheck_cond.clone().or_else(|| {
        let conds: Vec<&str> = below.iter().filter_map(|n| n.fields.index_cond.as_deref()).collect();
        (conds.len() == 1).then(|| conds[0].to_owned())
    });
    IndexUse { names, cond_label: "Recheck Cond", cond }
}

fn finding(ctx: &Context, plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, filter: &str, removed: f64, returned: f64) -> Finding {
    let m = plan.metrics.node(id);
    let table = node.qualified_relation().unwrap_or_else(|| "?".to_owned());
    let fetched = removed + returned;
    let used = index_use(plan, id, node);
    let index_text = match used.names.as_slice() {
        [] => "its index".to_owned(),
        [one] => format!("index {one}"),
        many => format!("indexes {}", many.join(" and ")),
    };
    let mut searched: Vec<String> = Vec::new();
    for c in used.cond.as_deref().map(conjuncts).unwrap_or_default() {
        if let Some(col) = c.column {
            if !searched.contains(&col.name) {
                searched.push(col.name);
            }
        }
    }
    let by = if searched.is_empty() { String::new() } else { format!(" by {} only", searched.join(", ")) };
    let scan = node.node_type();
    let mut f = Finding::new(
        &META,
        format!("{scan} on {table} discards {} of the rows its index found", percent(removed / fetched)),
        format!(
            "The {} on {table} finds {} rows through {index_text}{by}, fetches each from the table, and its filter \
             throws {} of them away to return {}. The index does not contain the filtered columns.",
            scan.to_ascii_lowercase(),
            count(fetched),
            count(removed),
            count(returned)
        ),
    )
    .location(plan.location(id));
    if !used.names.is_empty() {
        f = f.evidence("Index Name", used.names.join(", "));
    }
    // With a schema: the index as it is defined.
    if let Some(schema) = super::schema_support::schema(ctx) {
        for name in &used.names {
            if let Some(entry) = catalog_check::plan_index(ctx, node, name) {
                f = f.evidence(format!("Definition of {name}"), catalog_check::definition(&schema, &entry));
            }
        }
    }
    if let Some(cond) = &used.cond {
        f = f.evidence(used.cond_label, cond.clone());
    }
    f = f
        .evidence("Filter", filter)
        .evidence("Rows Removed by Filter", count(removed))
        .evidence("Actual Rows", count(returned));
    if node.loops() > 1.0 {
        f = f.evidence("Actual Loops", count(node.loops()));
    }
    if let Some(time) = m.inclusive_ms {
        f = f.evidence("Time in scan", ms(time));
    }
    let impact_text = match (m.inclusive_ms, m.inclusive_share) {
        (Some(time), Some(share)) => format!(
            "This scan takes {} ({} of execution time). With the filtered columns in the index it fetches about {} row{} instead of {}: {} fewer heap visits.",
            ms(time),
            percent(share),
            count(returned),
            if returned == 1.0 { "" } else { "s" },
            count(fetched),
            count(removed)
        ),
        _ => format!("With the filtered columns in the index the scan fetches about {} rows instead of {}.", count(returned), count(fetched)),
    };
    f = f.impact(Impact { text: impact_text, time_share: m.inclusive_share, time_ms: m.inclusive_ms, rows: Some(removed) });

    let conditions: Vec<&str> = used.cond.as_deref().into_iter().chain([filter]).collect();
    match index_for_conditions(node, &table, &conditions) {
        Some(advice) => {
            // The old index is a prefix of a new, non-partial one: it may become redundant.
            let covers_old = !advice.create_sql.contains(" WHERE ")
                && !searched.is_empty()
                && advice.create_sql.contains(&format!("({}", searched.join(", ")));
            let replaces = match used.names.as_slice() {
                names if covers_old && !names.is_empty() => format!(
                    " Once it is in use, {} may be redundant: check pg_stat_user_indexes.idx_scan before dropping anything.",
                    names.join(" and ")
                ),
                _ => String::new(),
            };
            let mut advice = advice.avoiding_names(&used.names);
            advice.explanation.push_str(&replaces);
            catalog_check::apply_checked_except(ctx, f, advice, &table, &used.names)
        }
        None => f
            .fix(None, "The filter has no column-versus-value test an index can serve as written; rewrite it on the bare columns, or index the expression it uses.")
            .risk("None until a change is made.")
            .rollback(None, "Nothing to undo."),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::rules::test_support::{findings_for_fixture, render};

    const SCENARIO: &str = "tests/scenarios/index-scan-filter-bitmap-status";

    #[test]
    fn fires_on_bitmap_heap_scan_filtering_status() {
        let findings = findings_for_fixture(&format!("{SCENARIO}.json"), super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    /// Per-loop Rows Removed by Filter times 5,000 loops; the join key in the Index
    /// Cond leads the proposed index.
    #[test]
    fn inner_index_scan_counts_every_loop() {
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/index-scan-filter/inner-index-scan-loops.json", super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert!(f.evidence.iter().any(|e| e.label == "Rows Removed by Filter" && e.value == "10,000"), "{f:#?}");
        assert_eq!(
            f.fix.sql.as_deref(),
            Some("CREATE INDEX CONCURRENTLY order_items_order_id_sku_idx ON public.order_items (order_id, sku);")
        );
    }

    #[test]
    fn text_and_json_agree() {
        let json = findings_for_fixture(&format!("{SCENARIO}.json"), super::META.id);
        let text = findings_for_fixture(&format!("{SCENARIO}.txt"), super::META.id);
        assert_eq!(json.len(), text.len());
        for (j, t) in json.iter().zip(&text) {
            assert_eq!((&j.title, &j.severity, &j.fix), (&t.title, &t.severity, &t.fix));
        }
    }

    #[test]
    fn quiet_on_clean_scenarios() {
        for path in clean_scenarios() {
            let findings = findings_for_fixture(&path, super::META.id);
            assert!(findings.is_empty(), "{path}: {findings:#?}");
        }
    }

    /// Every `tests/scenarios/clean-*.json`: plans no rule should complain about.
    pub(crate) fn clean_scenarios() -> Vec<String> {
        let dir = format!("{}/../../tests/scenarios", env!("CARGO_MANIFEST_DIR"));
        let mut paths: Vec<String> = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .filter(|n| n.starts_with("clean-") && n.ends_with(".json"))
                    .map(|n| format!("tests/scenarios/{n}"))
                    .collect()
            })
            .unwrap_or_default();
        paths.sort();
        assert!(!paths.is_empty(), "no clean scenarios in {dir}");
        paths
    }
}
