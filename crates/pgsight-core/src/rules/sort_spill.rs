use serde_json::{Map, Value};

use super::advice::{
    create_index_risk, index_on_columns, kb_text, plain_column, work_mem_above, work_mem_kb, work_mem_risk, worker_entries,
    worker_label, worker_number, IndexKey,
};
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::predicate::{conjuncts, ConjunctKind};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds a Sort or Incremental Sort that ran out of memory and sorted on disk:
    /// `Sort Space Type: Disk`, or an `external sort` / `external merge` method, in the
    /// node itself or in any of its parallel workers.
    ///
    /// ## Why it matters
    /// A sort that does not fit in `work_mem` writes its rows to temporary files,
    /// sorts them in runs and merges the runs back: every row is written and read
    /// again at least once. An in-memory quicksort of the same rows is several times
    /// faster and does no I/O.
    ///
    /// ## Example
    /// ```text
    /// Sort  (actual time=490.8..561.2 rows=173693 loops=1)
    ///   Sort Key: orders.created_at
    ///   Sort Method: external merge  Disk: 11312kB
    /// ```
    ///
    /// ## Fix
    /// Give the query enough memory to sort in memory, for this session or
    /// transaction rather than server-wide. The figure is sized from `Sort Space
    /// Used`: rows take more room in memory than on disk (each also needs a 24-byte
    /// sort slot and its allocation header), plus a quarter of headroom, rounded up:
    /// ```sql
    /// SET work_mem = '32MB';
    /// ```
    /// When a Limit sits right above the sort and the sort keys are plain columns of
    /// the one table scanned below it, an index in the sort order removes the sort:
    /// PostgreSQL reads rows already in order and stops as soon as the Limit has
    /// enough.
    /// ```sql
    /// CREATE INDEX CONCURRENTLY orders_created_at_idx ON public.orders (created_at DESC);
    /// ```
    id: "sort-spill",
    category: Plan,
    severity: Warning,
    summary: "A sort that spilled to disk because it did not fit in work_mem",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Disk space a process must have used for its sort (kB); any spill counts.
    pub min_disk_kb: f64,
    /// With a Limit above, the index is the fix when the index scan would read at most
    /// this share of the rows the current scan reads (its reads are random).
    pub index_max_read_share: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_disk_kb: 0.0, index_max_read_share: 0.1 }
    }
}

/// Memory a sorted row needs on top of its on-disk bytes: the 24-byte SortTuple slot
/// and the allocation header of the tuple, rounded up.
const SORT_SLOT_BYTES: f64 = 48.0;

/// One process's spill: the leader's (the node's own figures) or a worker's.
#[derive(Debug, Clone)]
struct Spill {
    /// `None` for the node's own figures, `Worker N` for a worker.
    who: Option<String>,
    method: String,
    disk_kb: f64,
    /// Rows this process sorted, when known (to size the memory).
    rows: Option<f64>,
    /// Incremental Sort: the disk figure is the peak of one group.
    group_peak: bool,
}

impl Spill {
    /// Memory the same rows take sorted in memory, in kB.
    fn memory_kb(&self) -> f64 {
        match (self.group_peak, self.rows) {
            (false, Some(rows)) => self.disk_kb + rows * SORT_SLOT_BYTES / 1024.0,
            _ => self.disk_kb * 2.0,
        }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, _) in plan.nodes() {
            if !matches!(node.node_type(), "Sort" | "Incremental Sort") {
                continue;
            }
            let spills = spills(node, &t);
            if spills.is_empty() {
                continue;
            }
            out.push(finding(plan, id, node, &spills, &t));
        }
    }
}

fn spills(node: &PlanNode, t: &Thresholds) -> Vec<Spill> {
    let mut found = Vec::new();
    let f = &node.fields;
    let workers = worker_entries(node);
    // The node's own figures are the leader's; its rows are what the workers did not
    // sort (Actual Rows is an average over all processes).
    let leader_rows = if workers.is_empty() {
        f.actual_rows
    } else {
        let worker_rows: f64 = workers.iter().filter_map(|w| worker_number(w, "Actual Rows")).sum();
        f.actual_rows.map(|r| (r * node.loops() - worker_rows).max(0.0))
    };
    if let Some(spill) = sort_spill(f.sort_method.as_deref(), f.sort_space_type.as_deref(), f.sort_space_used, leader_rows, None) {
        found.push(spill);
    }
    found.extend(group_spills(&node.extra, None));
    for worker in workers {
        let who = Some(worker_label(worker));
        let method = worker.fields.sort_method.as_deref();
        let space_type = worker.fields.sort_space_type.as_deref();
        let rows = worker_number(worker, "Actual Rows");
        if let Some(spill) = sort_spill(method, space_type, worker_number(worker, "Sort Space Used"), rows, who.clone()) {
            found.push(spill);
        }
        found.extend(group_spills(&worker.extra, who));
    }
    found.retain(|s| s.disk_kb >= t.min_disk_kb);
    found
}

fn sort_spill(method: Option<&str>, space_type: Option<&str>, used: Option<f64>, rows: Option<f64>, who: Option<String>) -> Option<Spill> {
    let external = method.is_some_and(|m| m.contains("external"));
    let disk = space_type == Some("Disk");
    (external || disk).then(|| Spill {
        who,
        method: method.unwrap_or("external").to_owned(),
        disk_kb: if disk { used.unwrap_or(0.0) } else { 0.0 },
        rows,
        group_peak: false,
    })
}

/// Incremental Sort reports per group kind: `Full-sort Groups` / `Pre-sorted Groups`
/// with `Sort Methods Used` and a `Sort Space Disk` peak.
fn group_spills(fields: &Map<String, Value>, who: Option<String>) -> Vec<Spill> {
    let mut found = Vec::new();
    for key in ["Full-sort Groups", "Pre-sorted Groups"] {
        let Some(group) = fields.get(key).and_then(Value::as_object) else { continue };
        let methods: Vec<&str> =
            group.get("Sort Methods Used").and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
        let peak = group.get("Sort Space Disk").and_then(|d| d.get("Peak Sort Space Used")).and_then(Value::as_f64);
        let external = methods.iter().find(|m| m.contains("external"));
        if external.is_none() && peak.is_none_or(|p| p <= 0.0) {
            continue;
        }
        found.push(Spill {
            who: who.clone(),
            method: external.map_or_else(|| methods.join(", "), |m| (*m).to_owned()),
            disk_kb: peak.unwrap_or(0.0),
            rows: None,
            group_peak: true,
        });
    }
    found
}

fn finding(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, spills: &[Spill], t: &Thresholds) -> Finding {
    let m = plan.metrics.node(id);
    let largest = spills.iter().max_by(|a, b| a.disk_kb.total_cmp(&b.disk_kb)).expect("at least one spill");
    let total_disk: f64 = spills.iter().map(|s| s.disk_kb).sum();
    let needed_kb = spills.iter().map(Spill::memory_kb).fold(0.0, f64::max);
    let keys = node.fields.sort_key.clone().unwrap_or_default();
    let label = node.label();
    let processes = if spills.len() > 1 { format!(" in {} processes", spills.len()) } else { String::new() };
    let mut f = Finding::new(
        &META,
        format!(
            "{label}{} spills {} to disk ({})",
            if keys.is_empty() { String::new() } else { format!(" by {}", keys.join(", ")) },
            kb_text(total_disk),
            largest.method
        ),
        format!(
            "The {} did not fit in work_mem and sorted on disk{processes}: {} of rows written to temporary files and read back{}.",
            if node.node_type() == "Sort" { "sort" } else { "incremental sort" },
            kb_text(total_disk),
            if keys.is_empty() { String::new() } else { format!(" to order them by {}", keys.join(", ")) },
        ),
    )
    .location(plan.location(id));
    if !keys.is_empty() {
        f = f.evidence("Sort Key", keys.join(", "));
    }
    for spill in spills {
        let space = if spill.group_peak { "Peak Disk" } else { "Sort Space Used" };
        match &spill.who {
            None => {
                f = f.evidence("Sort Method", spill.method.clone());
                if spill.disk_kb > 0.0 {
                    f = f.evidence(space, format!("{} kB", count(spill.disk_kb))).evidence("Sort Space Type", "Disk");
                }
            }
            Some(who) => {
                f = f.evidence(who.clone(), format!("Sort Method: {}, {space}: {} kB (Disk)", spill.method, count(spill.disk_kb)));
            }
        }
    }
    let temp = m.exclusive_buffers.temp_written;
    if temp > 0.0 {
        f = f.evidence("Temp Written Blocks", count(temp));
    }
    if let Some(rows) = m.actual_rows_total {
        f = f.evidence("Actual Rows", count(rows));
    }
    if let Some(t) = m.exclusive_ms {
        f = f.evidence("Time in node", ms(t));
    }

    let io = if temp > 0.0 {
        format!("writes {} of temporary files", super::advice::blocks_text(temp))
    } else {
        format!("writes {} to temporary files", kb_text(total_disk))
    };
    let text = match (m.exclusive_ms, m.exclusive_share) {
        (Some(t), Some(share)) => format!(
            "The sort takes {} ({} of execution time) and {io}. Sorted in memory, that I/O goes away and the sort itself usually runs several times faster.",
            ms(t),
            percent(share)
        ),
        _ => format!("The sort {io}; sorted in memory, that I/O goes away."),
    };
    f = f.impact(Impact { text, time_share: m.exclusive_share, time_ms: m.exclusive_ms, rows: None });

    let (current_kb, from_settings) = work_mem_kb(&plan.doc);
    let work_mem = work_mem_above(needed_kb, current_kb);
    let current = format!("{}{}", kb_text(current_kb), if from_settings { "" } else { ", the default" });
    let mut memory_text = format!(
        "The largest spill was {} on disk; in memory a process's rows take up to about {} (each row also needs a sort slot and an allocation header). \
         work_mem = '{work_mem}' (now {current}) holds that with headroom. Set it only where this query runs: SET LOCAL inside its transaction, \
         or ALTER ROLE ... SET work_mem for the role that runs it.",
        kb_text(largest.disk_kb),
        kb_text(needed_kb),
    );
    if let Some(index) = limit_index(plan, id, node) {
        let limit = &plan.doc.plan.nodes[index.1];
        let rows = limit.fields.actual_rows.map(|r| format!(" after {} rows", count(r))).unwrap_or_default();
        let advice = index.0;
        let (note, read_share) = filter_note(plan, index.3, limit.fields.actual_rows);
        if read_share > t.index_max_read_share {
            memory_text.push_str(&format!(
                " An index in the sort order ({}) would let the Limit above stop early, but{note} Its reads are random, so it is not clearly cheaper than sorting in memory.",
                advice.create_sql.trim_end_matches(';')
            ));
        } else {
            let explanation = format!(
                "{} A Limit sits right above this sort: with an index in the sort order PostgreSQL reads rows already sorted and stops{rows}, with no sort at all.{} \
                 If you would rather not add an index, SET work_mem = '{work_mem}' keeps the sort in memory instead.",
                advice.explanation,
                capitalized(&note),
            );
            return f
                .fix(Some(advice.create_sql), explanation)
                .risk(create_index_risk(&index.2))
                .rollback(Some(format!("DROP INDEX CONCURRENTLY IF EXISTS {};", advice.qualified_name)), "Drops the index without blocking writes.");
        }
    }
    f.fix(Some(format!("SET work_mem = '{work_mem}';")), memory_text)
        .risk(format!(
            "{} With parallel workers each process sorts its share with its own work_mem.",
            work_mem_risk()
        ))
        .rollback(Some("RESET work_mem;".to_owned()), "Returns work_mem to the server or role default for this session.")
}

/// When a Limit sits right above the sort (directly or through a Gather Merge) and
/// every sort key is a plain column of the one table scanned below it: the index that
/// returns rows in that order, the Limit's id and the table.
fn limit_index(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode) -> Option<(super::advice::IndexAdvice, NodeId, String, NodeId)> {
    let nodes = &plan.doc.plan.nodes;
    let mut above = node.parent?;
    if nodes[above].node_type() == "Gather Merge" {
        above = nodes[above].parent?;
    }
    if nodes[above].node_type() != "Limit" {
        return None;
    }
    let scans: Vec<NodeId> = plan.doc.plan.subtree(id).filter(|&n| nodes[n].fields.relation_name.is_some()).collect();
    let [scan] = scans.as_slice() else { return None };
    let scan_node = &nodes[*scan];
    let table = scan_node.qualified_relation()?;
    let own = |q: &Option<String>| match q.as_deref() {
        None => true,
        Some(q) => Some(q) == scan_node.fields.alias.as_deref() || Some(q) == scan_node.fields.relation_name.as_deref(),
    };
    let sort_keys = node.fields.sort_key.as_deref().unwrap_or_default();
    if sort_keys.is_empty() {
        return None;
    }
    let mut keys: Vec<IndexKey> = Vec::new();
    // Equality filters on the scan go first: the index then holds each filtered
    // value's rows in sort order.
    for c in scan_node.fields.filter.as_deref().map(conjuncts).unwrap_or_default() {
        let Some(col) = c.column else { continue };
        let literal = c.constant.as_deref().is_some_and(|k| k.starts_with('\'') || k.parse::<f64>().is_ok());
        if c.kind == ConjunctKind::Equality && literal && own(&col.qualifier) && !keys.iter().any(|k| k.column == col.name) {
            keys.push(IndexKey { column: col.name, ordering: String::new() });
        }
    }
    let equality = keys.len();
    for item in sort_keys {
        let (expr, ordering) = split_ordering(item)?;
        let (qualifier, column) = plain_column(expr)?;
        if !own(&qualifier) {
            return None;
        }
        // A column the filter pins to one value is already in order.
        if keys.iter().any(|k| k.column == column) {
            continue;
        }
        keys.push(IndexKey { column, ordering: ordering.to_owned() });
    }
    if keys.len() == equality {
        return None;
    }
    Some((index_on_columns(&table, &keys), above, table, *scan))
}

/// When the scan under the sort also filters on other columns (a range, say), the
/// index returns rows in order but each must still pass the filter: PostgreSQL reads
/// about `limit / selectivity` rows to find the Limit's. Says so, with the numbers,
/// and returns the share of today's rows read that the index scan would read.
fn filter_note(plan: &AnalyzedPlan, scan: NodeId, limit_rows: Option<f64>) -> (String, f64) {
    let node = &plan.doc.plan.nodes[scan];
    let m = plan.metrics.node(scan);
    let (Some(returned), Some(limit)) = (m.actual_rows_total, limit_rows) else {
        return (String::new(), 0.0);
    };
    let removed = node.fields.rows_removed_by_filter.unwrap_or(0.0) * node.loops();
    let read = returned + removed;
    let Some(filter) = node.fields.filter.as_deref().filter(|_| removed > 0.0 && returned > 0.0) else {
        return (String::new(), if read > 0.0 { (limit / read).min(1.0) } else { 0.0 });
    };
    let selectivity = returned / read;
    let index_reads = (limit / selectivity).ceil().min(read);
    let note = format!(
        " the filter {filter} keeps {} of the rows, so the index scan would read about {} rows to find {} (the current plan reads {}).",
        percent(selectivity),
        count(index_reads),
        count(limit),
        count(read)
    );
    (note, index_reads / read)
}

/// ` the filter ...` → ` The filter ...`.
fn capitalized(text: &str) -> String {
    let trimmed = text.trim_start();
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) => format!("{}{}{}", &text[..text.len() - trimmed.len()], first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// `orders.created_at DESC NULLS LAST` → (`orders.created_at`, ` DESC NULLS LAST`).
/// `None` for a key with COLLATE or USING, which a plain index cannot promise.
fn split_ordering(item: &str) -> Option<(&str, &str)> {
    let item = item.trim();
    if item.contains(" COLLATE ") || item.contains(" USING ") {
        return None;
    }
    let mut expr = item;
    for suffix in [" NULLS FIRST", " NULLS LAST"] {
        if let Some(rest) = expr.strip_suffix(suffix) {
            expr = rest;
        }
    }
    for suffix in [" DESC", " ASC"] {
        if let Some(rest) = expr.strip_suffix(suffix) {
            expr = rest;
        }
    }
    Some((expr, &item[expr.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn orderings_are_kept() {
        assert_eq!(split_ordering("orders.created_at DESC NULLS LAST"), Some(("orders.created_at", " DESC NULLS LAST")));
        assert_eq!(split_ordering("id"), Some(("id", "")));
        assert_eq!(split_ordering("name COLLATE \"C\""), None);
    }

    #[test]
    fn fires_on_external_sort_from_pev2_corpus() {
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/pev2-from-text/19-plan", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert!(f.evidence.iter().any(|e| e.label == "Sort Space Used" && e.value == "11,312 kB"), "{f:#?}");
        assert_eq!(f.fix.sql.as_deref(), Some("SET work_mem = '32MB';"));
    }

    #[test]
    fn fires_on_sort_spill_low_work_mem() {
        let findings = findings_for_fixture("tests/scenarios/sort-spill-low-work-mem.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn text_and_json_agree_on_sort_spill_low_work_mem() {
        let json = findings_for_fixture("tests/scenarios/sort-spill-low-work-mem.json", META.id);
        let text = findings_for_fixture("tests/scenarios/sort-spill-low-work-mem.txt", META.id);
        assert_eq!(json.len(), text.len(), "{text:#?}");
        assert_eq!(json[0].location.node_label, text[0].location.node_label);
        assert_eq!(json[0].fix.sql, text[0].fix.sql);
    }

    #[test]
    fn fires_on_sort_spill_limit() {
        let findings = findings_for_fixture("tests/scenarios/sort-spill-limit.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn text_and_json_agree_on_sort_spill_limit() {
        let json = findings_for_fixture("tests/scenarios/sort-spill-limit.json", META.id);
        let text = findings_for_fixture("tests/scenarios/sort-spill-limit.txt", META.id);
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
    fn incremental_sort_disk_groups() {
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/sort-spill/incremental-sort-disk-groups.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert!(f.evidence.iter().any(|e| e.label == "Peak Disk" && e.value == "3,072 kB"), "{f:#?}");
        // No row count per group: the memory is taken as twice the disk peak, 6 MB,
        // × 1.25 = 7.5 MB → 8MB (work_mem was 1MB).
        assert_eq!(f.fix.sql.as_deref(), Some("SET work_mem = '8MB';"));
    }
}
