use super::advice::{
    blocks_text, hash_mem_multiplier, kb_text, work_mem_above, work_mem_kb, work_mem_risk, worker_entries, worker_label,
    worker_number,
};
use super::fixsql::quote_qualified;
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds hash tables that did not fit in memory: a Hash (the build side of a Hash
    /// Join) split into batches (`Hash Batches` or `Original Hash Batches` above 1),
    /// or a HashAggregate that spilled (`HashAgg Batches` above 1 or `Disk Usage`
    /// above 0), in the leader or any parallel worker.
    ///
    /// ## Why it matters
    /// A hash table may use `work_mem × hash_mem_multiplier`. Past that, a Hash Join
    /// splits both of its inputs into batches written to temporary files and joins
    /// them batch by batch; a HashAggregate writes groups out and aggregates them
    /// again later. Every spilled row is written and read back.
    ///
    /// ## Example
    /// ```text
    /// Hash  (actual time=122.2..122.2 rows=1000000 loops=1)
    ///   Buckets: 262144 (originally 262144)  Batches: 16 (originally 8)  Memory Usage: 7937kB
    /// ```
    ///
    /// ## Fix
    /// Memory needed is about `Peak Memory Usage × batches` for a Hash (each batch
    /// held about the peak) or, when smaller, the size of one table for all its rows
    /// (`rows × (32 + width)` bytes plus 8 bytes per bucket, PostgreSQL's own sizing):
    /// batches that kept doubling over duplicate join keys make the first figure
    /// overshoot. For a HashAggregate it is `Peak Memory Usage + Disk Usage`. A
    /// quarter of headroom is added. Either raise only the hash allowance, which leaves
    /// sorts alone, or raise `work_mem` for the query:
    /// ```sql
    /// SET hash_mem_multiplier = 20;  -- or: SET work_mem = '64MB';
    /// ```
    /// When that would take more than 1 GB per process, memory is the wrong lever:
    /// a large gap between `Original Hash Batches` and `Hash Batches` means the
    /// planner expected a much smaller input, so fix the estimate (ANALYZE) or filter
    /// the input earlier.
    id: "hash-spill",
    category: Plan,
    severity: Warning,
    summary: "A hash join or hash aggregate that spilled to disk in batches",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Batches at which a Hash or HashAggregate counts as spilled.
    pub min_batches: f64,
    /// Above this memory per process (kB), a session setting is not proposed.
    pub max_memory_fix_kb: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_batches: 2.0, max_memory_fix_kb: 1024.0 * 1024.0 }
    }
}

/// Headroom over the measured need, as in `work_mem_for`.
const HEADROOM: f64 = 1.25;

/// The largest hash_mem_multiplier proposed; past it the fix raises work_mem.
const MAX_MULTIPLIER: f64 = 8.0;

/// Peak × batches this many times larger than the rows need points at skew.
const SKEW_FACTOR: f64 = 4.0;

/// Memory for a hash table of `rows` rows of `width` bytes, in kB, as PostgreSQL
/// sizes it: each tuple carries a 16-byte HashJoinTuple header and a 16-byte minimal
/// tuple header, data MAXALIGNed to 8 bytes; the bucket array holds one 8-byte
/// pointer per bucket, a power of two at least the row count.
fn hash_table_kb(rows: f64, width: f64) -> f64 {
    let tuple = 32.0 + (width / 8.0).ceil() * 8.0;
    let buckets = rows.max(1.0).log2().ceil().exp2();
    (rows * tuple + buckets * 8.0) / 1024.0
}

struct Spill {
    kind: Kind,
    /// Memory one process needs to keep it all in memory (kB).
    needed_kb: f64,
    /// What the need was computed from, for the text.
    basis: String,
    /// Time in the node (and, for a Hash, its join).
    time_ms: Option<f64>,
    time_share: Option<f64>,
    temp_written: f64,
}

#[derive(PartialEq)]
enum Kind {
    Hash,
    HashAgg,
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, _) in plan.nodes() {
            let finding = match node.node_type() {
                "Hash" => hash(plan, id, node, &t),
                "Aggregate" if matches!(node.fields.strategy.as_deref(), Some("Hashed" | "Mixed")) => hash_agg(plan, id, node, &t),
                _ => None,
            };
            out.extend(finding);
        }
    }
}

fn hash(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, t: &Thresholds) -> Option<Finding> {
    let f = &node.fields;
    let batches = f.hash_batches.unwrap_or(1.0).max(f.original_hash_batches.unwrap_or(1.0));
    if batches < t.min_batches {
        return None;
    }
    let m = plan.metrics.node(id);
    let label = node.label();
    let mut finding = Finding::new(
        &META,
        format!("{label} spills to disk in {} batches", count(batches)),
        format!(
            "The hash table of this join did not fit in memory: PostgreSQL split both join inputs into {} batches written to temporary files and joined them one batch at a time.",
            count(batches)
        ),
    )
    .location(plan.location(id));
    if let Some(b) = f.hash_buckets {
        finding = finding.evidence("Hash Buckets", count(b));
    }
    if let Some(b) = f.hash_batches {
        finding = finding.evidence("Hash Batches", count(b));
    }
    if let Some(b) = f.original_hash_batches.filter(|o| Some(*o) != f.hash_batches) {
        finding = finding.evidence("Original Hash Batches", count(b));
    }
    if let Some(p) = f.peak_memory_usage {
        finding = finding.evidence("Peak Memory Usage", format!("{} kB", count(p)));
    }
    if let Some(rows) = f.actual_rows {
        finding = finding.evidence("Actual Rows", count(rows));
    }
    if node.loops() > 1.0 {
        finding = finding.evidence("Actual Loops", count(node.loops()));
    }
    // The batch files are written by the Hash (inner side) and by its join (outer side).
    let join = node.parent.filter(|&p| plan.doc.plan.nodes[p].node_type() == "Hash Join");
    let join_m = join.map(|j| plan.metrics.node(j));
    let temp_written = m.exclusive_buffers.temp_written + join_m.map_or(0.0, |j| j.exclusive_buffers.temp_written);
    let time_ms = m.exclusive_ms.map(|t| t + join_m.and_then(|j| j.exclusive_ms).unwrap_or(0.0));
    let time_share = plan.metrics.total_ms.and_then(|total| time_ms.map(|t| (t / total).min(1.0)));
    let peak = f.peak_memory_usage?;
    // A Parallel Hash shares one table whose budget is work_mem × multiplier per
    // participant; a plain Hash under Gather is built by every process on its own.
    let processes = m.processes.max(1.0);
    let shared = f.parallel_aware == Some(true) && processes > 1.0;
    let per_process = if shared { processes } else { 1.0 };
    // Two estimates of the memory for one batch: the peak of one batch times the
    // number of batches, and the table PostgreSQL would build for all the rows it
    // hashed (ExecChooseHashTableSize's tuple size, plus the bucket array). The peak
    // times the batches overshoots when batches kept doubling because many rows share
    // a hash value: take the smaller.
    let by_batches = peak * batches;
    let table_rows = if shared { m.actual_rows_total } else { f.actual_rows };
    let by_rows = table_rows.zip(f.plan_width).map(|(rows, width)| hash_table_kb(rows, width));
    let (needed_kb, mut basis) = match by_rows {
        Some(kb) if kb < by_batches => (
            kb,
            format!(
                "{} rows of {} bytes with PostgreSQL's per-row and per-bucket overhead",
                count(table_rows.unwrap_or(0.0)),
                count(f.plan_width.unwrap_or(0.0))
            ),
        ),
        _ => (by_batches, format!("{} kB peak × {} batches", count(peak), count(batches))),
    };
    let needed_kb = needed_kb / per_process;
    if shared {
        basis.push_str(&format!(", shared by {} processes", count(processes)));
    }
    let grew = f.original_hash_batches.zip(f.hash_batches).is_some_and(|(o, b)| b > o);
    if grew && by_rows.is_some_and(|kb| by_batches > SKEW_FACTOR * kb) {
        finding.message.push_str(&format!(
            " Batches grew to {} while the rows hashed take only about {} in all: many rows share the same join key (skew), and splitting into more batches could not separate them.",
            count(batches),
            kb_text(by_rows.unwrap_or(0.0))
        ));
    }
    let spill = Spill { kind: Kind::Hash, needed_kb, basis, time_ms, time_share, temp_written };
    Some(finish(plan, id, node, finding, spill, t))
}

fn hash_agg(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, t: &Thresholds) -> Option<Finding> {
    let f = &node.fields;
    struct Process {
        who: Option<String>,
        batches: f64,
        peak: f64,
        disk: f64,
    }
    let mut processes = vec![Process {
        who: None,
        batches: f.hashagg_batches.unwrap_or(0.0),
        peak: f.peak_memory_usage.unwrap_or(0.0),
        disk: f.disk_usage.unwrap_or(0.0),
    }];
    for w in worker_entries(node) {
        processes.push(Process {
            who: Some(worker_label(w)),
            batches: worker_number(w, "HashAgg Batches").unwrap_or(0.0),
            peak: worker_number(w, "Peak Memory Usage").unwrap_or(0.0),
            disk: worker_number(w, "Disk Usage").unwrap_or(0.0),
        });
    }
    processes.retain(|p| p.batches >= t.min_batches || p.disk > 0.0);
    if processes.is_empty() {
        return None;
    }
    let m = plan.metrics.node(id);
    let disk: f64 = processes.iter().map(|p| p.disk).sum();
    let batches = processes.iter().map(|p| p.batches).fold(0.0, f64::max);
    let label = node.label();
    let spread = if processes.len() > 1 { format!(" in {} processes", processes.len()) } else { String::new() };
    let mut finding = Finding::new(
        &META,
        format!("{label} spills {} to disk in {} batches", kb_text(disk), count(batches)),
        format!(
            "The aggregate's hash table did not fit in memory{spread}: PostgreSQL wrote {} of groups and input rows to temporary files and aggregated them again in {} batches.",
            kb_text(disk),
            count(batches)
        ),
    )
    .location(plan.location(id));
    if let Some(keys) = &f.group_key {
        finding = finding.evidence("Group Key", keys.join(", "));
    }
    if let Some(p) = node.fields.planned_partitions.filter(|p| *p > 0.0) {
        finding = finding.evidence("Planned Partitions", count(p));
    }
    for p in &processes {
        match &p.who {
            None => {
                finding = finding
                    .evidence("HashAgg Batches", count(p.batches))
                    .evidence("Peak Memory Usage", format!("{} kB", count(p.peak)))
                    .evidence("Disk Usage", format!("{} kB", count(p.disk)));
            }
            Some(who) => {
                finding = finding.evidence(
                    who.clone(),
                    format!("HashAgg Batches: {}, Peak Memory Usage: {} kB, Disk Usage: {} kB", count(p.batches), count(p.peak), count(p.disk)),
                );
            }
        }
    }
    let worst = processes.iter().max_by(|a, b| (a.peak + a.disk).total_cmp(&(b.peak + b.disk))).expect("one process");
    let spill = Spill {
        kind: Kind::HashAgg,
        needed_kb: worst.peak + worst.disk,
        basis: format!("{} kB peak + {} kB on disk", count(worst.peak), count(worst.disk)),
        time_ms: m.exclusive_ms,
        time_share: m.exclusive_share,
        temp_written: m.exclusive_buffers.temp_written,
    };
    Some(finish(plan, id, node, finding, spill, t))
}

/// Impact, fix, risk and rollback, shared by both kinds.
fn finish(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, mut finding: Finding, spill: Spill, t: &Thresholds) -> Finding {
    if spill.temp_written > 0.0 {
        finding = finding.evidence("Temp Written Blocks", count(spill.temp_written));
    }
    if let Some(t) = spill.time_ms {
        finding = finding.evidence(if spill.kind == Kind::Hash { "Time in hash and join" } else { "Time in node" }, ms(t));
    }
    let (what, write) = if spill.kind == Kind::Hash { ("The join and its hash take", "write") } else { ("The aggregate takes", "writes") };
    let io = if spill.temp_written > 0.0 {
        format!(" and {write} {} of temporary files", blocks_text(spill.temp_written))
    } else {
        String::new()
    };
    let text = match (spill.time_ms, spill.time_share) {
        (Some(t), Some(share)) => format!(
            "{what} {} ({} of execution time){io}. With the hash table in memory every row is read once and nothing goes to disk.",
            ms(t),
            percent(share)
        ),
        _ => format!("With the hash table in memory every row is read once and nothing goes to disk{io}."),
    };
    finding = finding.impact(Impact { text, time_share: spill.time_share, time_ms: spill.time_ms, rows: None });

    let (work_mem, work_mem_set) = work_mem_kb(&plan.doc);
    let (multiplier, multiplier_set) = hash_mem_multiplier(&plan.doc);
    let limit_kb = work_mem * multiplier;
    let now = format!(
        "now work_mem {}{} × hash_mem_multiplier {}{} = {}",
        kb_text(work_mem),
        if work_mem_set { "" } else { " (default)" },
        number(multiplier),
        if multiplier_set { "" } else { " (default since PostgreSQL 15)" },
        kb_text(limit_kb)
    );
    if spill.needed_kb > t.max_memory_fix_kb {
        return too_big(plan, id, node, finding, &spill, &now);
    }
    let new_multiplier = (spill.needed_kb * HEADROOM / work_mem).ceil().max(multiplier.floor() + 1.0);
    let new_work_mem = work_mem_above(spill.needed_kb / multiplier, work_mem);
    let new_work_mem_kb = super::advice::memory_setting_kb(&new_work_mem).unwrap_or(work_mem);
    let multiplier_option = format!(
        "hash_mem_multiplier = {} gives hash tables work_mem × {} = {} and leaves sorts as they are",
        number(new_multiplier),
        number(new_multiplier),
        kb_text(work_mem * new_multiplier)
    );
    let work_mem_option = format!(
        "work_mem = '{new_work_mem}' gives hash tables {} × {} = {}, and every sort of the query {} as well",
        kb_text(new_work_mem_kb),
        number(multiplier),
        kb_text(new_work_mem_kb * multiplier),
        kb_text(new_work_mem_kb),
    );
    // Raising only the hash allowance is the narrower change; past a few times
    // work_mem, work_mem itself is what is too small.
    let by_multiplier = new_multiplier <= MAX_MULTIPLIER;
    let (sql, first, second) = if by_multiplier {
        (format!("SET hash_mem_multiplier = {};", number(new_multiplier)), multiplier_option, work_mem_option)
    } else {
        (format!("SET work_mem = '{new_work_mem}';"), work_mem_option, multiplier_option)
    };
    let text = format!(
        "Keeping it in memory takes about {} per process ({}); {now}. {} {first}; or {second}{}. \
         Set it only where this query runs: SET LOCAL inside its transaction, or ALTER ROLE ... SET for the role that runs it.",
        kb_text(spill.needed_kb),
        spill.basis,
        if by_multiplier { "Raise the hash allowance:" } else { "work_mem is what is too small:" },
        if by_multiplier { "" } else { " (a multiplier that large is a sign work_mem itself is too low)" },
    );
    finding
        .fix(Some(sql), text)
        .risk(format!(
            "{} hash_mem_multiplier raises the allowance of every hash join and hash aggregate in the session in the same way.",
            work_mem_risk()
        ))
        .rollback(
            Some("RESET hash_mem_multiplier;\nRESET work_mem;".to_owned()),
            "Returns both settings to the server or role default for this session.",
        )
}

/// The need is too large for a session setting: fix the input instead.
fn too_big(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, finding: Finding, spill: &Spill, now: &str) -> Finding {
    let f = &node.fields;
    let grew = match (f.original_hash_batches, f.hash_batches) {
        (Some(original), Some(actual)) if actual > original => format!(
            " The planner expected {} batches and PostgreSQL needed {}: the input was far larger than estimated, so refresh the statistics of the tables below it.",
            count(original),
            count(actual)
        ),
        _ => String::new(),
    };
    let text = format!(
        "Keeping it in memory would take about {} per process ({}; {now}): too much to give a query. \
         Make the hashed input smaller instead: filter it before the join, join the smaller input on the hash side, or aggregate fewer columns.{grew}",
        kb_text(spill.needed_kb),
        spill.basis,
    );
    let tables: Vec<String> = {
        let mut t: Vec<String> = plan.doc.plan.subtree(id).filter_map(|n| plan.doc.plan.nodes[n].qualified_relation()).collect();
        t.sort();
        t.dedup();
        t
    };
    match tables.as_slice() {
        [table] if !grew.is_empty() => finding
            .fix(Some(format!("ANALYZE {};", quote_qualified(table))), text)
            .risk(format!(
                "ANALYZE reads a sample of {table} under a SHARE UPDATE EXCLUSIVE lock: reads and writes go on. New statistics can change other plans on this table."
            ))
            .rollback(None, "Nothing to undo: ANALYZE only refreshes statistics."),
        _ => finding.fix(None, text).risk("None until the query is changed.").rollback(None, "Nothing to undo."),
    }
}

/// `2`, `2.5`: a setting value without needless decimals.
fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{}", (x * 100.0).round() / 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn skewed_hash_is_sized_from_its_rows() {
        // Batches: 2048 (originally 8), Memory Usage: 35157kB: 35 MB × 2,048 would be
        // 69 GB, but 1,001,000 rows of 4 bytes need (1,001,000 × 40 + 1,048,576 × 8)
        // bytes = 46.4 MB: the batches kept doubling over duplicate keys.
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/pev2-from-text/46-buckets-plan", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert!(f.message.contains("(skew)"), "{}", f.message);
        assert!(f.evidence.iter().any(|e| e.label == "Original Hash Batches" && e.value == "8"));
        // 46.4 MB × 1.25 / 4 MB = 14.5 → a multiplier of 15, past 8: work_mem instead,
        // 46.4 MB / 2 × 1.25 = 29 MB → 32MB.
        assert_eq!(f.fix.sql.as_deref(), Some("SET work_mem = '32MB';"));
    }

    #[test]
    fn hash_table_size_follows_postgres() {
        assert!((hash_table_kb(1_001_000.0, 4.0) - (1_001_000.0 * 40.0 + 1_048_576.0 * 8.0) / 1024.0).abs() < 1e-6);
    }

    #[test]
    fn hash_agg_spill_is_sized_from_peak_and_disk() {
        // Planned Partitions: 32  Batches: 193  Memory Usage: 4153kB  Disk Usage: 31752kB
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/pev2-from-text/47-planned-partitions-plan", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert!(f.fix.text.contains("4,153 kB peak + 31,752 kB on disk"), "{}", f.fix.text);
        // (4153 + 31752) × 1.25 / 4096 kB = 10.96 → a multiplier of 11, past 8: raise
        // work_mem instead, 35,905 / 2 × 1.25 = 21.9 MB → 32MB.
        assert_eq!(f.fix.sql.as_deref(), Some("SET work_mem = '32MB';"));
        assert!(f.fix.text.contains("hash_mem_multiplier = 11"), "{}", f.fix.text);
    }

    #[test]
    fn fires_on_hash_spill_join_low_work_mem() {
        let findings = findings_for_fixture("tests/scenarios/hash-spill-join-low-work-mem.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn text_and_json_agree_on_hash_spill_join_low_work_mem() {
        let json = findings_for_fixture("tests/scenarios/hash-spill-join-low-work-mem.json", META.id);
        let text = findings_for_fixture("tests/scenarios/hash-spill-join-low-work-mem.txt", META.id);
        assert_eq!(json.len(), text.len(), "{text:#?}");
        assert_eq!(json[0].location.node_label, text[0].location.node_label);
        assert_eq!(json[0].fix.sql, text[0].fix.sql);
    }

    #[test]
    fn fires_on_hash_spill_hashagg_unanalyzed() {
        let findings = findings_for_fixture("tests/scenarios/hash-spill-hashagg-unanalyzed.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn text_and_json_agree_on_hash_spill_hashagg_unanalyzed() {
        let json = findings_for_fixture("tests/scenarios/hash-spill-hashagg-unanalyzed.json", META.id);
        let text = findings_for_fixture("tests/scenarios/hash-spill-hashagg-unanalyzed.txt", META.id);
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
    fn parallel_hash_budget_is_shared() {
        // Parallel Hash of 500,000 rows of 12 bytes (48 bytes each with headers, plus
        // 524,288 buckets × 8): 27.5 MB over 4 processes = 6.7 MB each.
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/hash-spill/parallel-hash-shared.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(findings[0].fix.text.contains("shared by 4 processes"), "{}", findings[0].fix.text);
        assert_eq!(findings[0].fix.sql.as_deref(), Some("SET work_mem = '8MB';"));
    }
}
