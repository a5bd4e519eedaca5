use super::advice::query_rewrite_rollback;
use super::fixsql::quote_qualified;
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::predicate::strip_qualifier;
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds a Sort whose `Sort Key` contains `random()`: `ORDER BY random()`, usually
    /// with a LIMIT to pick a few random rows.
    ///
    /// ## Why it matters
    /// To return 10 random rows, the database reads every row that qualifies, draws a
    /// random number for each and sorts them all; the cost grows with the table, not
    /// with the 10 rows. No index can help: the order is new on every run.
    ///
    /// ## Example
    /// ```text
    /// Limit  (actual rows=10 loops=1)
    ///   ->  Sort  (actual rows=10 loops=1)
    ///         Sort Key: (random())
    ///         Sort Method: top-N heapsort  Memory: 26kB
    ///         ->  Seq Scan on customers  (actual rows=100000 loops=1)
    /// ```
    ///
    /// ## Fix
    /// Sample a small share of the table first, then shuffle only the sample:
    /// ```sql
    /// SELECT id, email FROM customers TABLESAMPLE SYSTEM (0.5) ORDER BY random() LIMIT 10;
    /// ```
    /// `SYSTEM` picks whole pages (fast, less even); `BERNOULLI` picks rows (even, but
    /// it still reads the whole table). With a dense integer key, a random starting key
    /// (`WHERE id >= <random value> ORDER BY id LIMIT 10`) reads only the rows returned.
    id: "order-by-random",
    category: Plan,
    severity: Warning,
    summary: "ORDER BY random() sorts every qualifying row to pick a few",
}

/// Defaults.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// The sample is sized for this many times the rows wanted.
    pub sample_headroom: f64,
    /// Pages a SYSTEM sample should cover at least, so it is not empty by bad luck.
    pub min_sample_pages: f64,
    /// Above this percentage, sampling saves little and is not proposed as SQL.
    pub max_useful_percent: f64,
}

pub const THRESHOLDS: Thresholds = Thresholds { sample_headroom: 3.0, min_sample_pages: 10.0, max_useful_percent: 50.0 };

impl Default for Thresholds {
    fn default() -> Self {
        THRESHOLDS
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, _) in plan.nodes() {
            if !matches!(node.node_type(), "Sort" | "Incremental Sort") {
                continue;
            }
            let Some(key) = node.fields.sort_key.as_ref().and_then(|keys| keys.iter().find(|k| k.contains("random()"))) else {
                continue;
            };
            out.push(finding(plan, id, node, key, &t));
        }
    }
}

/// A percentage with two significant digits, rounded up: 0.0123 → 0.013, 4.2 → 4.2.
fn round_up_percent(p: f64) -> f64 {
    if p <= 0.0 {
        return 0.01;
    }
    let magnitude = 10f64.powf(p.log10().floor() - 1.0);
    let rounded = (p / magnitude).ceil() * magnitude;
    // Trim floating-point noise: keep at most 4 decimals.
    ((rounded * 10_000.0).round() / 10_000.0).clamp(0.0001, 100.0)
}

fn percent_literal(p: f64) -> String {
    let s = format!("{p:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_owned()
}

fn finding(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, key: &str, t: &Thresholds) -> Finding {
    let nodes = &plan.doc.plan.nodes;
    let m = plan.metrics.node(id);
    // The Limit directly above the Sort, through a Gather Merge at most.
    let mut up = node.parent;
    while let Some(p) = up.filter(|&p| matches!(nodes[p].node_type(), "Gather Merge" | "Gather")) {
        up = nodes[p].parent;
    }
    let limit = up.filter(|&p| nodes[p].node_type() == "Limit");
    let wanted = limit.map(|l| nodes[l].fields.actual_rows.unwrap_or(0.0).max(nodes[l].fields.plan_rows.unwrap_or(0.0)));
    let sorted_rows = node.children.first().and_then(|&c| plan.metrics.nodes[c].actual_rows_total).or(node.fields.plan_rows).unwrap_or(0.0);
    let scans: Vec<NodeId> = plan.doc.plan.subtree(id).filter(|&n| nodes[n].fields.relation_name.is_some()).collect();
    let scan = scans.iter().copied().max_by(|&a, &b| read_rows(plan, a).total_cmp(&read_rows(plan, b)));
    let table = scan.and_then(|s| nodes[s].qualified_relation());
    let table_text = table.clone().unwrap_or_else(|| "the rows below it".to_owned());

    let mut f = Finding::new(
        &META,
        match wanted {
            Some(w) => format!("ORDER BY random() sorts {} rows to return {}", count(sorted_rows), count(w)),
            None => format!("ORDER BY random() shuffles all {} rows", count(sorted_rows)),
        },
        format!(
            "The sort orders {} rows from {table_text} by random(){}. Every qualifying row is read and sorted on each run, however few are kept, and no index can help.",
            count(sorted_rows),
            match wanted {
                Some(w) => format!(" and the Limit above keeps {}", count(w)),
                None => String::new(),
            }
        ),
    )
    .location(plan.location(id))
    .evidence("Sort Key", key);
    if let Some(method) = &node.fields.sort_method {
        f = f.evidence("Sort Method", method.clone());
    }
    f = f.evidence("Rows sorted", count(sorted_rows));
    if let Some(w) = wanted {
        f = f.evidence("Rows kept by Limit", count(w));
    }
    if let Some(time) = m.inclusive_ms {
        f = f.evidence("Time in sort and its input", ms(time));
    }
    f = f.impact(Impact {
        text: match (m.inclusive_ms, m.inclusive_share, wanted) {
            (Some(time), Some(share), Some(w)) => format!(
                "The sort and the scans below it take {} ({} of execution time). A sample reads a small share of {table_text} and sorts about {} rows instead of {}.",
                ms(time),
                percent(share),
                count((w * t.sample_headroom).ceil()),
                count(sorted_rows)
            ),
            (Some(time), Some(share), None) => {
                format!("The sort and the scans below it take {} ({} of execution time).", ms(time), percent(share))
            }
            _ => "A sample sorts a few rows instead of every qualifying row.".to_owned(),
        },
        time_share: m.inclusive_share,
        time_ms: m.inclusive_ms,
        rows: wanted.map(|w| (sorted_rows - w * t.sample_headroom).max(0.0)),
    });

    let risk = "TABLESAMPLE SYSTEM picks whole pages: rows stored together come out together, so the pick is less even than ORDER BY random() (fine for showing random items, not for statistics). A sample can hold fewer rows than the LIMIT when the table or the filter's share is small: check the count and retry with a larger percentage. No lock beyond a normal read.";
    let (Some(w), Some(s), Some(table)) = (wanted, scan, table) else {
        let text = match wanted {
            None => format!("The query shuffles every row of {table_text}. If the caller uses only the first few, add a LIMIT and sample the table first with TABLESAMPLE SYSTEM; if it needs all of them in random order, shuffle them in the application, which avoids the sort in the database."),
            Some(w) => format!("Pick the {} rows from a sample instead of sorting every row: add TABLESAMPLE SYSTEM (p) to the largest table, with p sized for about {} rows, or start at a random value of a dense integer key.", count(w), count(w * t.sample_headroom)),
        };
        return f.fix(None, text).risk(risk).rollback(None, query_rewrite_rollback());
    };

    let sn = &nodes[s];
    let read = read_rows(plan, s);
    let share_kept = if read > 0.0 { (sorted_rows / read).min(1.0) } else { 1.0 };
    let mut p = w * t.sample_headroom / (read * share_kept).max(1.0) * 100.0;
    let pages = sn.fields.shared_hit_blocks.unwrap_or(0.0) + sn.fields.shared_read_blocks.unwrap_or(0.0);
    if pages > 0.0 {
        p = p.max(t.min_sample_pages / pages * 100.0);
    }
    let p = round_up_percent(p);
    let single_table = scans.len() == 1;
    if p > t.max_useful_percent || !single_table {
        let text = if single_table {
            format!("The query keeps {} of {} rows: a sample would have to cover most of {table}, so it saves little. Fetch fewer rows, or pick by a random value of a dense integer key instead of sorting.", count(w), count(sorted_rows))
        } else {
            format!("Sample the largest table first, with TABLESAMPLE SYSTEM ({}) on {table} in the FROM clause (sized for about {} rows with {}x headroom), then join and sort only the sample.", percent_literal(p), count(w), t.sample_headroom)
        };
        return f.fix(None, text).risk(risk).rollback(None, query_rewrite_rollback());
    }

    let qualifiers: Vec<&str> = [sn.fields.alias.as_deref(), sn.fields.relation_name.as_deref()].into_iter().flatten().collect();
    let bare = |text: &str| qualifiers.iter().fold(text.to_owned(), |t, q| strip_qualifier(&t, q));
    let columns: Vec<String> = sn
        .fields
        .output
        .as_ref()
        .or(node.fields.output.as_ref())
        .map(|out| out.iter().filter(|c| !c.contains("random()")).map(|c| bare(c)).collect())
        .unwrap_or_default();
    let select = if columns.is_empty() { "*".to_owned() } else { columns.join(", ") };
    let conditions: Vec<String> = [sn.fields.index_cond.as_deref(), sn.fields.recheck_cond.as_deref(), sn.fields.filter.as_deref()]
        .into_iter()
        .flatten()
        .map(bare)
        .collect();
    let mut sql = format!("SELECT {select}\nFROM {} TABLESAMPLE SYSTEM ({})", quote_qualified(&table), percent_literal(p));
    if !conditions.is_empty() {
        sql.push_str(&format!("\nWHERE {}", conditions.join(" AND ")));
    }
    sql.push_str(&format!("\nORDER BY random()\nLIMIT {};", count(w).replace(',', "")));
    let key_hint = if columns.iter().any(|c| c == "id") {
        format!(" If {table}.id is a dense integer key, a random starting key reads only the rows returned: WHERE id >= (SELECT floor(random() * max(id))::bigint FROM {}) ORDER BY id LIMIT {}.", quote_qualified(&table), count(w).replace(',', ""))
    } else {
        String::new()
    };
    let sampled = (read * p / 100.0).round();
    let matching = (sampled * share_kept).round();
    let after_filter = if share_kept < 1.0 { format!(", of which about {} pass the filter", count(matching)) } else { String::new() };
    let impact = match (m.inclusive_ms, m.inclusive_share) {
        (Some(time), Some(share)) => format!(
            "The sort and the scan below it take {} ({} of execution time). A {}% sample reads about {} rows of {table} and sorts about {} instead of {}.",
            ms(time),
            percent(share),
            percent_literal(p),
            count(sampled),
            count(matching),
            count(sorted_rows)
        ),
        _ => format!("A {}% sample reads about {} rows of {table} and sorts about {} instead of {}.", percent_literal(p), count(sampled), count(matching), count(sorted_rows)),
    };
    f.impact(Impact { text: impact, time_share: m.inclusive_share, time_ms: m.inclusive_ms, rows: Some((read - sampled).max(0.0)) })
    .fix(
        Some(sql),
        format!(
            "Sample {}% of the pages of {table} first (about {} of its {} rows{after_filter}, for the {} the LIMIT keeps), then shuffle only the sample. TABLESAMPLE BERNOULLI ({}) picks rows instead of pages: more even, but it reads the whole table and only saves the sort.{key_hint}",
            percent_literal(p),
            count(sampled),
            count(read),
            count(w),
            percent_literal(p)
        ),
    )
    .risk(risk)
    .rollback(None, query_rewrite_rollback())
}

/// Rows a scan read: returned plus removed by its filter, over all loops.
fn read_rows(plan: &AnalyzedPlan, scan: NodeId) -> f64 {
    let m = plan.metrics.node(scan);
    m.actual_rows_total.unwrap_or_else(|| plan.doc.plan.nodes[scan].fields.plan_rows.unwrap_or(0.0)) + m.rows_removed_total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{findings_for_fixture, render};
    use crate::rules::index_scan_filter::tests::clean_scenarios;

    const SCENARIO: &str = "tests/scenarios/order-by-random";

    #[test]
    fn fires_on_random_sort_with_limit() {
        let findings = findings_for_fixture(&format!("{SCENARIO}.json"), super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn without_limit_proposes_no_sample() {
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/order-by-random/no-limit.json", super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(findings[0].fix.sql.is_none());
        assert!(findings[0].title.contains("shuffles all 100,000 rows"), "{}", findings[0].title);
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

    #[test]
    fn rounds_sample_percentages_up() {
        assert_eq!(round_up_percent(0.0123), 0.013);
        assert_eq!(round_up_percent(4.2), 4.2);
        assert_eq!(round_up_percent(0.1431), 0.15);
        assert_eq!(percent_literal(0.15), "0.15");
        assert_eq!(percent_literal(3.0), "3");
    }
}
