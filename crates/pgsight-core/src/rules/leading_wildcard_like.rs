use super::advice::{trigram_index, trigram_index_risk};
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::predicate::{conjuncts, split_top_level, strip_outer_parens, Conjunct, ConjunctKind};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact, Severity};

declare_rule! {
    /// ## What it does
    /// Finds a scan `Filter` with `LIKE` or `ILIKE` (`~~`, `~~*` in plans) whose
    /// pattern starts with a wildcard: `name LIKE '%son'`. A warning when the filter
    /// throws away at least 90% of at least 1,000 rows, advice otherwise.
    ///
    /// ## Why it matters
    /// A B-tree index is sorted by the start of the value: it can find `'son%'` but not
    /// `'%son'`, which may match anywhere. The database reads every row and tests the
    /// pattern on each, however few match.
    ///
    /// ## Example
    /// ```text
    /// Seq Scan on customers  (actual time=0.03..52.8 rows=11 loops=1)
    ///   Filter: (email ~~ '%4242%'::text)
    ///   Rows Removed by Filter: 99989
    /// ```
    ///
    /// ## Fix
    /// A trigram index (extension pg_trgm) serves LIKE and ILIKE with the wildcard
    /// anywhere:
    /// ```sql
    /// CREATE EXTENSION IF NOT EXISTS pg_trgm;
    /// CREATE INDEX CONCURRENTLY customers_email_trgm_idx ON customers USING gin (email gin_trgm_ops);
    /// ```
    id: "leading-wildcard-like",
    category: Plan,
    severity: Info,
    summary: "LIKE or ILIKE with a pattern that starts with a wildcard",
}

/// Defaults from the brief.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    /// Share of read rows the filter removes for the finding to be a warning.
    pub warning_removed_share: f64,
    /// Rows removed over all loops for the finding to be a warning.
    pub warning_removed_rows: f64,
    /// Trigrams need this many characters in a row between wildcards.
    pub min_trigram_chars: usize,
}

pub const THRESHOLDS: Thresholds = Thresholds { warning_removed_share: 0.9, warning_removed_rows: 1_000.0, min_trigram_chars: 3 };

impl Default for Thresholds {
    fn default() -> Self {
        THRESHOLDS
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, _) in plan.nodes() {
            if node.fields.relation_name.is_none() {
                continue;
            }
            let Some(filter) = node.fields.filter.as_deref() else { continue };
            let own = |c: &Conjunct| {
                c.kind == ConjunctKind::LeadingWildcard
                    && c.column.as_ref().is_some_and(|col| match col.qualifier.as_deref() {
                        None => true,
                        Some(q) => Some(q) == node.fields.alias.as_deref() || Some(q) == node.fields.relation_name.as_deref(),
                    })
            };
            let Some(like) = conjuncts(filter).into_iter().find(own) else { continue };
            out.push(finding(plan, id, node, filter, &like, &t));
        }
    }
}

/// The pattern between its quotes: `'%son'::text` → `%son`.
fn pattern_of(constant: &str) -> String {
    let parts = split_top_level(strip_outer_parens(constant), "::");
    let base = strip_outer_parens(parts[0]);
    base.strip_prefix('\'').and_then(|b| b.strip_suffix('\'')).unwrap_or(base).replace("''", "'")
}

/// The longest run of plain characters in a LIKE pattern.
fn longest_literal(pattern: &str) -> usize {
    pattern.split(['%', '_']).map(|s| s.chars().count()).max().unwrap_or(0)
}

fn finding(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, filter: &str, like: &Conjunct, t: &Thresholds) -> Finding {
    let m = plan.metrics.node(id);
    let table = node.qualified_relation().unwrap_or_else(|| "?".to_owned());
    let column = like.column.as_ref().map(|c| c.name.clone()).unwrap_or_default();
    let operator = match like.operator.as_deref() {
        Some("~~*") => "ILIKE",
        _ => "LIKE",
    };
    let pattern = pattern_of(like.constant.as_deref().unwrap_or(""));
    let returned = m.actual_rows_total.unwrap_or(0.0);
    let removed = node.fields.rows_removed_by_filter.unwrap_or(0.0) * node.loops();
    let read = returned + removed;
    let selective = node.executed()
        && removed >= t.warning_removed_rows
        && read > 0.0
        && removed / read >= t.warning_removed_share;
    let read_text = if node.executed() {
        format!(" It read {} rows to return {}.", count(read), count(returned))
    } else {
        String::new()
    };
    let mut f = Finding::new(
        &META,
        format!("{operator} '{pattern}' on {table}.{column} cannot use a B-tree index"),
        format!(
            "The {} on {table} tests {column} {operator} '{pattern}'. The pattern starts with a wildcard, so no B-tree index on {column} can narrow the search: every row is read and matched.{read_text}",
            node.node_type().to_ascii_lowercase()
        ),
    )
    .severity(if selective { Severity::Warning } else { Severity::Info })
    .location(plan.location(id))
    .evidence("Filter", filter)
    .evidence("Pattern", format!("{operator} '{pattern}'"));
    if node.executed() {
        f = f.evidence("Rows Removed by Filter", count(removed)).evidence("Actual Rows", count(returned));
        if node.loops() > 1.0 {
            f = f.evidence("Actual Loops", count(node.loops()));
        }
    }
    if let Some(time) = m.inclusive_ms {
        f = f.evidence("Time in scan", ms(time));
    }
    let impact_text = match (m.inclusive_ms, m.inclusive_share) {
        (Some(time), Some(share)) => format!(
            "This scan takes {} ({} of execution time). A trigram index reads the candidate rows for '{pattern}' (about {}, plus rechecked false positives) instead of all {}.",
            ms(time),
            percent(share),
            count(returned),
            count(read)
        ),
        _ => format!("A trigram index reads only the candidate rows for '{pattern}' instead of every row."),
    };
    f = f.impact(Impact { text: impact_text, time_share: m.inclusive_share, time_ms: m.inclusive_ms, rows: node.executed().then_some(removed) });

    let mut advice = trigram_index(&table, &column);
    if longest_literal(&pattern) < t.min_trigram_chars {
        advice.explanation.push_str(&format!(
            " Note that '{pattern}' has fewer than {} characters between wildcards: it extracts no trigram, and the index will not help this particular pattern.",
            t.min_trigram_chars
        ));
    }
    let drop = format!("DROP INDEX CONCURRENTLY IF EXISTS {};", advice.qualified_name);
    f.fix(Some(advice.create_sql), advice.explanation).risk(trigram_index_risk(&table)).rollback(
        Some(drop),
        "Drops the index without blocking writes. The pg_trgm extension may stay: other indexes or queries may use it (DROP EXTENSION pg_trgm only once nothing does).",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{findings_for_fixture, render};
    use crate::rules::index_scan_filter::tests::clean_scenarios;

    const SCENARIO: &str = "tests/scenarios/leading-wildcard-like";

    #[test]
    fn fires_on_leading_wildcard() {
        let findings = findings_for_fixture(&format!("{SCENARIO}.json"), super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn short_ilike_pattern_is_flagged_in_the_fix() {
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/leading-wildcard-like/short-ilike.json", super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.severity, crate::Severity::Warning);
        assert!(f.title.starts_with("ILIKE '%ab%' on public.customers.city"), "{}", f.title);
        assert!(f.fix.sql.as_deref().is_some_and(|s| s.contains("USING gin (city gin_trgm_ops)")));
        assert!(f.fix.text.contains("fewer than 3 characters"));
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
    fn reads_patterns() {
        assert_eq!(pattern_of("'%son'::text"), "%son");
        assert_eq!(longest_literal("%ab%"), 2);
        assert_eq!(longest_literal("%gift wrap%"), 9);
    }
}
