use super::advice::{blocks_text, index_for_filter, vacuum_risk};
use super::fixsql::{quote_ident, quote_qualified, schema_of};
use super::format::{count, ms, percent};
use super::{heap_fetches, seq_scan_selective_filter, AnalyzedPlan, Context};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds a scan that touches many shared blocks for the rows it returns: at least
    /// 10,000 blocks (hit + read, the node's own, over all loops and workers) and at
    /// least 100 blocks per returned row.
    ///
    /// ## Why it matters
    /// A heap page holds dozens of ordinary rows. Reading hundreds of pages per row
    /// means the pages are mostly empty or dead (bloat left by updates and deletes
    /// that VACUUM has not reclaimed, or never gave back to the operating system), or
    /// that the scan reads rows it throws away. Either way the I/O and buffer cache
    /// traffic are spent on nothing.
    ///
    /// How it differs from `seq-scan-selective-filter`: that rule counts *rows* a
    /// Seq Scan's filter discards and proposes an index; this one counts *blocks* per
    /// row returned, on any scan. A Seq Scan that rule already explains is left to
    /// it, and so is an Index Only Scan that `heap-fetches` explains. A scan that
    /// reads a few blocks per loop over many loops (the inner side of a nested loop)
    /// is left to the join rules: its blocks come from the loops, not from bloat.
    ///
    /// ## Example
    /// ```text
    /// Seq Scan on sessions  (actual ... rows=40 loops=1)
    ///   Buffers: shared hit=120 read=48210
    /// ```
    ///
    /// ## Fix
    /// Measure the bloat, then VACUUM:
    /// ```sql
    /// CREATE EXTENSION IF NOT EXISTS pgstattuple;
    /// SELECT pg_size_pretty(table_len) AS size, tuple_percent, dead_tuple_percent, free_percent FROM pgstattuple('public.sessions');
    /// VACUUM (ANALYZE) public.sessions;
    /// ```
    /// A high `dead_tuple_percent` is what VACUUM clears. A high `free_percent`
    /// means the space is already free but the file never shrank: only a rewrite
    /// (`pg_repack` online, or `VACUUM FULL` under an ACCESS EXCLUSIVE lock) gives it
    /// back. When the scan's filter discards most rows read, an index that matches
    /// the filter is the better fix (see `seq-scan-selective-filter` and
    /// `index-scan-filter`).
    id: "read-inefficiency",
    category: Plan,
    severity: Warning,
    summary: "A scan that reads far more blocks than the rows it returns justify",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Shared blocks (hit + read) the scan itself touched.
    pub min_blocks: f64,
    /// Blocks per returned row.
    pub min_blocks_per_row: f64,
    /// A scan looped more than once that reads at most this many blocks per loop is
    /// loop-driven (index descents), not bloated.
    pub loop_driven_blocks_per_loop: f64,
    /// Share of rows read that a filter must discard for the index advice.
    pub filter_share: f64,
    /// Rows read per block under which a sequential scan's table looks bloated.
    pub bloat_rows_per_block_seq: f64,
    /// The same for index and bitmap scans, which read a heap page per row or so.
    pub bloat_rows_per_block_index: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            min_blocks: 10_000.0,
            min_blocks_per_row: 100.0,
            loop_driven_blocks_per_loop: 10.0,
            filter_share: 0.5,
            bloat_rows_per_block_seq: 1.0,
            bloat_rows_per_block_index: 0.1,
        }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    let heap_fetches_t: heap_fetches::Thresholds = ctx.thresholds(&heap_fetches::META);
    // A scan seq-scan-selective-filter reports (with its own, possibly overridden, thresholds).
    let seq_scan_t: seq_scan_selective_filter::Thresholds = ctx.thresholds(&seq_scan_selective_filter::META);
    for plan in &ctx.plans {
        for (id, node, m) in plan.nodes() {
            if node.fields.relation_name.is_none() || !node.executed() {
                continue;
            }
            let blocks = m.exclusive_buffers.shared_total();
            let returned = m.actual_rows_total.unwrap_or(0.0);
            if blocks < t.min_blocks || blocks / returned.max(1.0) < t.min_blocks_per_row {
                continue;
            }
            if node.loops() > m.processes && blocks / node.loops() <= t.loop_driven_blocks_per_loop {
                continue;
            }
            if seq_scan_t.fires_on(node) || heap_fetches::fires_on(plan, id, &heap_fetches_t) {
                continue;
            }
            out.push(finding(plan, id, node, blocks, returned, &t));
        }
    }
}

fn finding(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, blocks: f64, returned: f64, t: &Thresholds) -> Finding {
    let m = plan.metrics.node(id);
    let table = node.qualified_relation().unwrap_or_else(|| "?".to_owned());
    let label = node.label();
    let removed = m.rows_removed_total;
    let read = returned + removed;
    let rows_per_block = read / blocks;
    let filtered = read > 0.0 && removed / read >= t.filter_share;
    let sequential = matches!(node.node_type(), "Seq Scan" | "Parallel Seq Scan");
    let bloat_limit = if sequential { t.bloat_rows_per_block_seq } else { t.bloat_rows_per_block_index };
    let bloated = rows_per_block < bloat_limit;
    let b = &m.exclusive_buffers;
    let density = if rows_per_block < 0.01 { "under 0.01".to_owned() } else { count((rows_per_block * 100.0).round() / 100.0) };
    let mut cause = if bloated || !filtered {
        format!(
            "It reads {} rows from them, {density} rows per block where a healthy {} holds dozens: the pages are mostly dead rows or empty space (bloat), or the rows are very wide.",
            count(read),
            if sequential { "table" } else { "table and index" },
        )
    } else {
        format!(
            "It reads {} rows to keep {}: the blocks go to rows its conditions throw away, and an index that matches them would read far fewer.",
            count(read),
            count(returned)
        )
    };
    if bloated && filtered {
        cause.push_str(&format!(" Its conditions also discard {} of the {} rows it reads.", count(removed), count(read)));
    }
    let mut f = Finding::new(
        &META,
        format!("{label} reads {} blocks for {} rows", count(blocks), count(returned)),
        format!(
            "The scan touches {} to return {} rows, {} blocks per row. {cause}",
            blocks_text(blocks),
            count(returned),
            count((blocks / returned.max(1.0)).round())
        ),
    )
    .location(plan.location(id))
    .evidence("Shared Hit Blocks", count(b.shared_hit))
    .evidence("Shared Read Blocks", count(b.shared_read))
    .evidence("Actual Rows", count(returned));
    if removed > 0.0 {
        f = f.evidence("Rows removed (filter and recheck)", count(removed));
    }
    if node.loops() > 1.0 {
        f = f.evidence("Actual Loops", count(node.loops()));
    }
    if let Some(t) = m.exclusive_ms {
        f = f.evidence("Time in node", ms(t));
    }
    let text = match (m.exclusive_ms, m.exclusive_share) {
        (Some(t), Some(share)) => format!(
            "The scan takes {} ({} of execution time) and moves {} through shared buffers, {} blocks of it read from disk or the OS cache; a compact table or a matching index cuts both.",
            ms(t),
            percent(share),
            super::advice::kb_text(blocks * super::advice::BLOCK_KB),
            count(b.shared_read)
        ),
        _ => format!("A compact table or a matching index reads far fewer than these {}.", blocks_text(blocks)),
    };
    f = f.impact(Impact { text, time_share: m.exclusive_share, time_ms: m.exclusive_ms, rows: None });

    let t = quote_qualified(&table);
    let literal = |name: &str| format!("'{}'", name.replace('\'', "''"));
    let mut sql = format!(
        "CREATE EXTENSION IF NOT EXISTS pgstattuple;\nSELECT pg_size_pretty(table_len) AS size, tuple_percent, dead_tuple_percent, free_percent FROM pgstattuple({});",
        literal(&t)
    );
    let index = node.fields.index_name.as_deref().filter(|_| matches!(node.node_type(), "Index Scan" | "Index Only Scan"));
    if let Some(index) = index {
        let qualified = match schema_of(&table) {
            Some(schema) => format!("{}.{}", quote_ident(&schema), quote_ident(index)),
            None => quote_ident(index),
        };
        sql.push_str(&format!(
            "\nSELECT avg_leaf_density, leaf_fragmentation FROM pgstatindex({});",
            literal(&qualified)
        ));
    }
    sql.push_str(&format!("\nVACUUM (ANALYZE) {t};"));
    let index_text = match index {
        Some(index) => format!(
            " For the index, an avg_leaf_density well under 90% (the default fillfactor) means it is bloated too: REINDEX INDEX CONCURRENTLY {index} rebuilds it without blocking writes."
        ),
        None => String::new(),
    };
    let index_advice = node.fields.filter.as_deref().filter(|_| filtered).and_then(|filter| index_for_filter(node, &table, filter));
    let filter_text = match (&index_advice, filtered) {
        (Some(advice), _) => format!(
            " Since the scan's filter discards most of the rows it reads, an index on the filtered columns avoids reading the table at all: {}",
            advice.create_sql
        ),
        (None, true) => " Since the scan discards most of the rows it reads, an index that matches its conditions is the bigger win (see index-scan-filter).".to_owned(),
        (None, false) => String::new(),
    };
    f.fix(
        Some(sql),
        format!(
            "Measure how much of {table} is dead rows and free space, then VACUUM it. A high dead_tuple_percent is what VACUUM clears; \
             a high free_percent means the space is already free but the file never shrank: only a rewrite gives it back, pg_repack online \
             or VACUUM FULL under an ACCESS EXCLUSIVE lock that blocks reads and writes for the whole rewrite.{index_text}{filter_text}"
        ),
    )
    .risk(format!(
        "pgstattuple reads the whole table (pgstattuple_approx is cheaper on a large one) and needs a superuser or pg_stat_scan_tables. {}",
        vacuum_risk(&table)
    ))
    .rollback(
        Some("DROP EXTENSION IF EXISTS pgstattuple;".to_owned()),
        "Removes the extension if it was installed only for this check. VACUUM needs no undo.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn fires_on_read_inefficiency_bloated_sessions() {
        let findings = findings_for_fixture("tests/scenarios/read-inefficiency-bloated-sessions.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn text_and_json_agree_on_read_inefficiency_bloated_sessions() {
        let json = findings_for_fixture("tests/scenarios/read-inefficiency-bloated-sessions.json", META.id);
        let text = findings_for_fixture("tests/scenarios/read-inefficiency-bloated-sessions.txt", META.id);
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
    fn quiet_on_loop_driven_index_probes() {
        // 400,000 blocks over 100,000 loops of an inner index scan: 4 per loop, the
        // cost of the loops (nested-loop rules), not of bloat.
        let path = "crates/pgsight-core/tests/fixtures/read-inefficiency/nested-loop-inner-probes.json";
        assert!(findings_for_fixture(path, META.id).is_empty());
    }
}
