use super::advice::{query_rewrite_risk, query_rewrite_rollback};
use super::format::{count, ms, percent};
use super::non_sargable_predicate::wrapped_columns;
use super::{AnalyzedPlan, Context};
use crate::plan::predicate::{conjuncts, range_rewrite, strip_qualifier, ConjunctKind};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds an Append or Merge Append over at least 4 partitions of one table, with
    /// no `Subplans Removed`, where at least 75% of the partitions returned no row:
    /// the query reads partitions it did not need, because none was pruned.
    ///
    /// ## Why it matters
    /// Partitioning pays off when a query touches only the partitions that hold its
    /// rows. The planner prunes only on conditions that compare the partition key
    /// itself with a value: `created_at >= '2023-03-01'`, not
    /// `date_trunc('month', created_at) = '2023-03-01'`. With a function on the key,
    /// every partition is opened, planned and scanned.
    ///
    /// ## Example
    /// ```text
    /// Append  (actual rows=31 loops=1)
    ///   ->  Seq Scan on events_2023_01 events_1  (actual rows=0 loops=1)
    ///         Filter: (date_trunc('month'::text, created_at) = '2023-03-01 00:00:00+00'::timestamp with time zone)
    ///   ->  Seq Scan on events_2023_02 events_2  (actual rows=0 loops=1)
    ///   ...
    /// ```
    ///
    /// ## Fix
    /// Write the condition as a range on the bare partition key:
    /// ```sql
    /// WHERE created_at >= '2023-03-01 00:00:00+00' AND created_at < '2023-04-01 00:00:00+00'
    /// ```
    id: "no-partition-pruning",
    category: Plan,
    severity: Warning,
    summary: "A partitioned table read in full: no partition was pruned and most returned nothing",
    thresholds: Thresholds,
}

/// Defaults from RULES.md.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Partitions of one parent under the Append.
    pub min_partitions: usize,
    /// Share of those partitions that returned no row.
    pub min_empty_share: f64,
}

pub const THRESHOLDS: Thresholds = Thresholds { min_partitions: 4, min_empty_share: 0.75 };

impl Default for Thresholds {
    fn default() -> Self {
        THRESHOLDS
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, _) in plan.nodes() {
            if !matches!(node.node_type(), "Append" | "Merge Append") || node.fields.subplans_removed.is_some_and(|n| n > 0.0) || !node.executed() {
                continue;
            }
            for (parent, scans) in partitions(plan, node, t.min_partitions) {
                if scans.len() < t.min_partitions {
                    continue;
                }
                let empty: Vec<NodeId> = scans
                    .iter()
                    .copied()
                    .filter(|&s| plan.doc.plan.nodes[s].executed() && plan.metrics.nodes[s].actual_rows_total == Some(0.0))
                    .collect();
                if (empty.len() as f64) < t.min_empty_share * scans.len() as f64 {
                    continue;
                }
                out.push(finding(plan, id, node, &parent, &scans, &empty));
            }
        }
    }
}

/// The scan at the top of an Append child, through single-input nodes (partial
/// aggregates of partitionwise plans, Materialize, ...).
fn partition_scan(plan: &AnalyzedPlan, mut id: NodeId) -> Option<NodeId> {
    let nodes = &plan.doc.plan.nodes;
    loop {
        let n = &nodes[id];
        if n.fields.relation_name.is_some() {
            return Some(id);
        }
        let inputs: Vec<NodeId> = n
            .children
            .iter()
            .copied()
            .filter(|&c| !matches!(nodes[c].fields.parent_relationship.as_deref(), Some("InitPlan" | "SubPlan")))
            .collect();
        match inputs.as_slice() {
            [only] => id = *only,
            _ => return None,
        }
    }
}

/// `events_3` → `events`: PostgreSQL 12+ names each partition `<parent alias>_<N>`.
fn alias_base(alias: &str) -> Option<&str> {
    let (base, n) = alias.rsplit_once('_')?;
    (!base.is_empty() && !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())).then_some(base)
}

/// The parent's name from its partitions' names: their common prefix, cut at an
/// underscore, without trailing all-digit parts (`events_2023_01`, `events_2023_02`
/// → `events`).
fn common_parent(names: &[&str]) -> Option<String> {
    let first = *names.first()?;
    let mut len = first.len();
    for n in &names[1..] {
        len = len.min(first.bytes().zip(n.bytes()).take_while(|(a, b)| a == b).count());
    }
    let prefix = &first[..len];
    let mut parts: Vec<&str> = prefix.split('_').collect();
    // The last part may be cut in the middle (`y2006m0`): drop it unless a name ends there.
    if !names.iter().all(|n| n.len() > len && n.as_bytes()[len] == b'_') {
        parts.pop();
    }
    while parts.last().is_some_and(|p| p.is_empty() || p.chars().all(|c| c.is_ascii_digit())) {
        parts.pop();
    }
    let parent = parts.join("_");
    (!parent.is_empty()).then_some(parent)
}

/// Groups the Append's children by the table they are partitions of.
fn partitions(plan: &AnalyzedPlan, node: &PlanNode, min_unaliased: usize) -> Vec<(String, Vec<NodeId>)> {
    let nodes = &plan.doc.plan.nodes;
    let scans: Vec<NodeId> = node
        .children
        .iter()
        .copied()
        .filter(|&c| !matches!(nodes[c].fields.parent_relationship.as_deref(), Some("InitPlan" | "SubPlan")))
        .filter_map(|c| partition_scan(plan, c))
        .collect();
    let mut groups: Vec<(String, Vec<NodeId>)> = Vec::new();
    let mut by_alias = |key: String, s: NodeId| match groups.iter_mut().find(|(k, _)| *k == key) {
        Some((_, list)) => list.push(s),
        None => groups.push((key, vec![s])),
    };
    let mut unaliased = Vec::new();
    for &s in &scans {
        match nodes[s].fields.alias.as_deref().and_then(alias_base) {
            Some(base) => by_alias(base.to_owned(), s),
            None => unaliased.push(s),
        }
    }
    // Name each alias group after the parent table when the relation names say it.
    let mut named: Vec<(String, Vec<NodeId>)> = groups
        .into_iter()
        .map(|(alias, list)| {
            let rels: Vec<&str> = list.iter().filter_map(|&s| nodes[s].fields.relation_name.as_deref()).collect();
            let parent = if rels.iter().all(|r| r.starts_with(&alias)) { Some(alias.clone()) } else { common_parent(&rels) };
            (parent.unwrap_or(alias), list)
        })
        .collect();
    if unaliased.len() >= min_unaliased.max(2) {
        let rels: Vec<&str> = unaliased.iter().filter_map(|&s| nodes[s].fields.relation_name.as_deref()).collect();
        if let Some(parent) = common_parent(&rels) {
            named.push((parent, unaliased));
        }
    }
    named
}

fn finding(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, parent: &str, scans: &[NodeId], empty: &[NodeId]) -> Finding {
    let nodes = &plan.doc.plan.nodes;
    let m = plan.metrics.node(id);
    let schema = scans.iter().find_map(|&s| nodes[s].fields.schema.clone());
    let parent_name = match &schema {
        Some(schema) => format!("{schema}.{parent}"),
        None => parent.to_owned(),
    };
    let with_rows: Vec<NodeId> = scans.iter().copied().filter(|s| !empty.contains(s)).collect();
    // Partitions of a Parallel Append run side by side in different processes: their
    // times add up to more than the Append's wall-clock time. The empty partitions'
    // part of the Append's time is their share of the summed time.
    let summed = |list: &[NodeId]| list.iter().filter_map(|&s| plan.metrics.nodes[s].inclusive_ms).sum::<f64>();
    let all_ms = summed(scans);
    let empty_ms = match m.inclusive_ms {
        Some(append_ms) if all_ms > 0.0 => append_ms * summed(empty) / all_ms,
        _ => summed(empty),
    };
    let empty_read: f64 = empty.iter().map(|&s| plan.metrics.nodes[s].rows_removed_total).sum();
    let share = plan.metrics.total_ms.map(|total| (empty_ms / total).min(1.0));
    let kind = node.label();
    let mut f = Finding::new(
        &META,
        format!("{kind} reads all {} partitions of {parent_name}; {} returned nothing", scans.len(), empty.len()),
        format!(
            "The {kind} scans {} partitions of {parent_name} and {} of them returned no row. No partition was pruned (the plan shows no Subplans Removed): the planner could not tell from the query's conditions which partitions hold the rows, so it opened and scanned every one.",
            scans.len(),
            empty.len()
        ),
    )
    .location(plan.location(id))
    .evidence("Partitions scanned", count(scans.len() as f64))
    .evidence("Partitions with no rows", count(empty.len() as f64));
    let listed: Vec<String> = with_rows
        .iter()
        .take(5)
        .map(|&s| format!("{} ({} rows)", nodes[s].fields.relation_name.as_deref().unwrap_or("?"), count(plan.metrics.nodes[s].actual_rows_total.unwrap_or(0.0))))
        .collect();
    if !listed.is_empty() {
        let more = if with_rows.len() > listed.len() { format!(", and {} more", with_rows.len() - listed.len()) } else { String::new() };
        f = f.evidence("Rows came from", format!("{}{more}", listed.join(", ")));
    }
    // The condition as the partitions print it, without their own alias.
    let sample = &nodes[empty[0]];
    let cond = sample.fields.filter.as_deref().or(sample.fields.index_cond.as_deref()).or(sample.fields.recheck_cond.as_deref());
    let bare_cond = cond.map(|c| {
        let mut c = c.to_owned();
        for q in [sample.fields.alias.as_deref(), sample.fields.relation_name.as_deref()].into_iter().flatten() {
            c = strip_qualifier(&c, q);
        }
        c
    });
    if let Some(c) = &bare_cond {
        f = f.evidence("Condition on each partition", c.clone());
    }
    if let Some(time) = m.inclusive_ms {
        f = f.evidence(format!("Time in {kind}"), ms(time));
    }
    f = f.evidence("Time in empty partitions", format!("about {}", ms(empty_ms)));
    if empty_read > 0.0 {
        f = f.evidence("Rows read and discarded there", count(empty_read));
    }
    f = f.impact(Impact {
        text: format!(
            "The {} partitions that returned nothing took about {}{} and read {} rows for nothing; with pruning the query scans {} partition{} instead of {}.",
            empty.len(),
            ms(empty_ms),
            share.map_or_else(String::new, |s| format!(" ({} of execution time)", percent(s))),
            count(empty_read),
            count(with_rows.len() as f64),
            if with_rows.len() == 1 { "" } else { "s" },
            count(scans.len() as f64)
        ),
        time_share: share,
        time_ms: Some(empty_ms),
        rows: Some(empty_read),
    });

    // A function or cast on a column, rewritten as a range on the bare column.
    let filter = sample.fields.filter.as_deref().unwrap_or("");
    let rewrite = wrapped_columns(sample, filter).into_iter().find_map(|w| {
        let r = range_rewrite(&w)?;
        let original = match &w.column.qualifier {
            Some(q) => strip_qualifier(&w.text, q),
            None => w.text.clone(),
        };
        Some((w.column.name.clone(), original, r))
    });
    let fix = match (rewrite, &bare_cond) {
        (Some((key, original, r)), _) => format!(
            "Compare the partition key itself with a range: replace `{original}` with `{r}` in the query. The planner prunes only on conditions of the form `key op value`; the function on {key} hides the key from it. (This assumes {key} is the partition key of {parent_name}; the plan does not name the key.)"
        ),
        (None, Some(c)) if conjuncts(c).iter().any(|k| matches!(k.kind, ConjunctKind::Equality | ConjunctKind::Range)) => format!(
            "The partitions are filtered on `{c}`, which compares columns directly: had one of them been the partition key of {parent_name} with a constant value, the planner would have pruned. The filter is on other columns, or its value is only known while the query runs. Add a condition on the partition key itself (the range that holds the rows), or partition by the column these queries filter on."
        ),
        (None, Some(c)) => format!(
            "The partitions are filtered on `{c}`, which the planner cannot match against partition bounds. Add a condition that compares the partition key of {parent_name} itself with a value (`key >= ... AND key < ...`)."
        ),
        (None, None) => format!(
            "The query has no condition on the partition key of {parent_name}. Add one that compares the key itself with a value (`key >= ... AND key < ...`), so the planner can skip the partitions that cannot hold the rows."
        ),
    };
    f.fix(None, fix).risk(query_rewrite_risk()).rollback(None, query_rewrite_rollback())
}

/// For a scan under an Append that reads several partitions of one table: the
/// parent's name and the scans of its partitions whose condition, without their own
/// alias, is the same as this one's. `None` outside such a group.
pub(crate) fn partition_siblings(plan: &AnalyzedPlan, id: NodeId) -> Option<(String, Vec<NodeId>)> {
    let nodes = &plan.doc.plan.nodes;
    let append = plan.doc.plan.ancestor(id, |n| matches!(n.node_type(), "Append" | "Merge Append"))?;
    let bare_filter = |s: NodeId| {
        let n = &nodes[s];
        let mut c = n.fields.filter.clone().unwrap_or_default();
        for q in [n.fields.alias.as_deref(), n.fields.relation_name.as_deref()].into_iter().flatten() {
            c = strip_qualifier(&c, q);
        }
        c
    };
    let own = bare_filter(id);
    let (parent, scans) = partitions(plan, &nodes[append], 2).into_iter().find(|(_, scans)| scans.contains(&id))?;
    let same: Vec<NodeId> = scans.into_iter().filter(|&s| bare_filter(s) == own).collect();
    (same.len() >= 2).then_some((parent, same))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{findings_for_fixture, render};
    use crate::rules::index_scan_filter::tests::clean_scenarios;

    const SCENARIO: &str = "tests/scenarios/no-partition-pruning-date-trunc";

    #[test]
    fn fires_on_date_trunc_over_partitions() {
        let findings = findings_for_fixture(&format!("{SCENARIO}.json"), super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    const FIXTURES: &str = "crates/pgsight-core/tests/fixtures/no-partition-pruning";

    #[test]
    fn quiet_when_subplans_were_removed() {
        assert!(findings_for_fixture(&format!("{FIXTURES}/subplans-removed.json"), super::META.id).is_empty());
    }

    #[test]
    fn names_the_parent_of_unaliased_partitions() {
        let findings = findings_for_fixture(&format!("{FIXTURES}/unaliased-to-char.json"), super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(findings[0].title.contains("4 partitions of public.measurement;"), "{}", findings[0].title);
        assert!(findings[0].fix.text.contains("to_char((logdate)::timestamp with time zone"), "{}", findings[0].fix.text);
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
    fn names_the_parent() {
        assert_eq!(alias_base("events_12"), Some("events"));
        assert_eq!(alias_base("events"), None);
        assert_eq!(common_parent(&["events_2023_01", "events_2023_02", "events_2023_03"]).as_deref(), Some("events"));
        assert_eq!(common_parent(&["measurement_y2006m02", "measurement_y2006m03"]).as_deref(), Some("measurement"));
        assert_eq!(common_parent(&["orders", "customers"]), None);
    }
}
