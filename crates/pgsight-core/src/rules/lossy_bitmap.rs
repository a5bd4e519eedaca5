use super::advice::{kb_text, work_mem_above, work_mem_kb, work_mem_risk, worker_entries, worker_number};
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds a Bitmap Heap Scan whose bitmap went lossy: `Lossy Heap Blocks` above 0
    /// (in the node or in a parallel worker).
    ///
    /// ## Why it matters
    /// The bitmap of matching rows must fit in `work_mem`. When it does not,
    /// PostgreSQL forgets which rows matched and keeps only which pages did: on every
    /// lossy page it reads all the rows and tests the condition again (`Recheck
    /// Cond`). `Rows Removed by Index Recheck` counts the rows read for nothing.
    ///
    /// ## Example
    /// ```text
    /// Bitmap Heap Scan on orders  (actual time=12.1..480.3 rows=100000 loops=1)
    ///   Recheck Cond: (created_at >= '2024-01-01')
    ///   Rows Removed by Index Recheck: 2400000
    ///   Heap Blocks: exact=1200 lossy=30000
    /// ```
    ///
    /// ## Fix
    /// Give the query enough `work_mem` for an exact bitmap. PostgreSQL budgets one
    /// page-table entry per heap page of the bitmap: 48 bytes plus two 8-byte
    /// pointers, 64 bytes on a 64-bit server (`tbm_calculate_entries`). The pages are
    /// `Exact Heap Blocks + Lossy Heap Blocks`; with a quarter of headroom:
    /// ```sql
    /// SET work_mem = '4MB';
    /// ```
    id: "lossy-bitmap",
    category: Plan,
    severity: Warning,
    summary: "A bitmap heap scan whose bitmap went lossy for lack of work_mem",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Lossy heap blocks over all loops.
    pub min_lossy_blocks: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_lossy_blocks: 1.0 }
    }
}

/// Bytes of work_mem per heap page in an exact bitmap: sizeof(PagetableEntry) (48 on
/// 64-bit with 8 kB pages) plus two pointers (tidbitmap.c, `tbm_calculate_entries`).
const BYTES_PER_PAGE: f64 = 64.0;

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, _) in plan.nodes() {
            if node.node_type() != "Bitmap Heap Scan" {
                continue;
            }
            // Exact and lossy pages are counted over all loops (not averaged per loop).
            // A parallel scan's workers share one bitmap built by the leader; older
            // versions report only the leader's pages, newer ones each worker's too.
            let mut exact = node.fields.exact_heap_blocks.unwrap_or(0.0);
            let mut lossy = node.fields.lossy_heap_blocks.unwrap_or(0.0);
            for w in worker_entries(node) {
                exact += worker_number(w, "Exact Heap Blocks").unwrap_or(0.0);
                lossy += worker_number(w, "Lossy Heap Blocks").unwrap_or(0.0);
            }
            if lossy < t.min_lossy_blocks {
                continue;
            }
            out.push(finding(plan, id, node, exact, lossy));
        }
    }
}

fn finding(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, exact: f64, lossy: f64) -> Finding {
    let m = plan.metrics.node(id);
    let label = node.label();
    let pages = exact + lossy;
    let lossy_share = lossy / pages;
    // Rows Removed by Index Recheck is a per-loop average.
    let rechecked = node.fields.rows_removed_by_index_recheck.unwrap_or(0.0) * node.loops();
    let returned = m.actual_rows_total.unwrap_or(0.0);
    let loops = node.loops();
    // A parallel scan's loops are its processes sharing one bitmap; only the loops
    // beyond them are rescans that rebuild it.
    let rescans = (loops / m.processes.max(1.0)).max(1.0);
    let recheck_text = if rechecked > 0.0 {
        format!(" The recheck threw away {} rows to keep {}.", count(rechecked), count(returned))
    } else {
        String::new()
    };
    let mut f = Finding::new(
        &META,
        format!("{label}: {} of the bitmap's pages went lossy", percent(lossy_share)),
        format!(
            "The bitmap of matching rows did not fit in work_mem, so PostgreSQL kept only which pages match for {} of the {} heap pages{}: \
             it reads every row on those pages and tests the condition again.{recheck_text}",
            count(lossy),
            count(pages),
            if rescans > 1.0 { format!(" (over {} rescans)", count(rescans)) } else { String::new() },
        ),
    )
    .location(plan.location(id));
    if let Some(cond) = &node.fields.recheck_cond {
        f = f.evidence("Recheck Cond", cond.clone());
    }
    f = f.evidence("Exact Heap Blocks", count(exact)).evidence("Lossy Heap Blocks", count(lossy));
    if rechecked > 0.0 {
        f = f.evidence("Rows Removed by Index Recheck", count(rechecked));
    }
    f = f.evidence("Actual Rows", count(returned));
    if loops > 1.0 {
        f = f.evidence("Actual Loops", count(loops));
    }
    if let Some(t) = m.exclusive_ms {
        f = f.evidence("Time in node", ms(t));
    }

    let text = match (m.exclusive_ms, m.exclusive_share) {
        (Some(t), Some(share)) => format!(
            "The scan takes {} ({} of execution time). With an exact bitmap it visits only the matching rows{}.",
            ms(t),
            percent(share),
            if rechecked > 0.0 { format!(" and skips the {} rows the recheck discarded", count(rechecked)) } else { String::new() }
        ),
        _ => "With an exact bitmap the scan visits only the matching rows.".to_owned(),
    };
    f = f.impact(Impact { text, time_share: m.exclusive_share, time_ms: m.exclusive_ms, rows: Some(rechecked) });

    // A rescanned bitmap is rebuilt per rescan: one rescan's pages must fit.
    let pages_per_bitmap = pages / rescans;
    let needed_kb = pages_per_bitmap * BYTES_PER_PAGE / 1024.0;
    let (current_kb, from_settings) = work_mem_kb(&plan.doc);
    let work_mem = work_mem_above(needed_kb, current_kb);
    f.fix(
        Some(format!("SET work_mem = '{work_mem}';")),
        format!(
            "An exact bitmap needs one 64-byte page-table entry per heap page: {} pages{} × 64 bytes = {}. \
             work_mem = '{work_mem}' (now {}{}) holds that with headroom. Set it only where this query runs: SET LOCAL inside its transaction, \
             or ALTER ROLE ... SET work_mem for the role that runs it.",
            count(pages_per_bitmap.round()),
            if rescans > 1.0 { " per rescan" } else { "" },
            kb_text(needed_kb),
            kb_text(current_kb),
            if from_settings { "" } else { ", the default" },
        ) + if node.fields.parallel_aware == Some(true) && worker_entries(node).iter().all(|w| w.get("Lossy Heap Blocks").is_none()) {
            " This is a parallel scan and the plan shows no per-worker Heap Blocks: PostgreSQL then counts only the leader's pages, so the shared bitmap is larger than these figures and the headroom matters."
        } else {
            ""
        },
    )
    .risk(work_mem_risk())
    .rollback(Some("RESET work_mem;".to_owned()), "Returns work_mem to the server or role default for this session.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::advice::work_mem_for;
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn exact_bitmap_is_sized_per_page() {
        // 31,200 pages × 64 bytes = 1,950 kB → with headroom 2.4 MB → 4MB.
        assert_eq!(work_mem_for(31_200.0 * BYTES_PER_PAGE / 1024.0), "4MB");
    }

    #[test]
    fn fires_on_lossy_bitmap_low_work_mem() {
        let findings = findings_for_fixture("tests/scenarios/lossy-bitmap-low-work-mem.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn text_and_json_agree_on_lossy_bitmap_low_work_mem() {
        let json = findings_for_fixture("tests/scenarios/lossy-bitmap-low-work-mem.json", META.id);
        let text = findings_for_fixture("tests/scenarios/lossy-bitmap-low-work-mem.txt", META.id);
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
    fn rescanned_bitmap_is_sized_per_rescan() {
        // 480,000 pages over 4 rescans: 120,000 × 64 bytes = 7.3 MB → × 1.25 → 16MB.
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/lossy-bitmap/rescanned-bitmap.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(findings[0].fix.text.contains("120,000 pages per rescan"), "{}", findings[0].fix.text);
        assert_eq!(findings[0].fix.sql.as_deref(), Some("SET work_mem = '16MB';"));
    }
}
