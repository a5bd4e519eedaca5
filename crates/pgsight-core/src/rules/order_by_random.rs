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
    /// In SQL queries (query inputs) it finds `ORDER BY random()`; for one table with a
    /// literal LIMIT it proposes the query with `TABLESAMPLE SYSTEM_ROWS` (extension
    /// tsm_system_rows), sized at 100 rows per row wanted.
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
    thresholds: Thresholds,
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
    /// For a query (no row counts): rows of `TABLESAMPLE SYSTEM_ROWS` per row wanted.
    pub query_sample_rows_per_row: f64,
}

pub const THRESHOLDS: Thresholds =
    Thresholds { sample_headroom: 3.0, min_sample_pages: 10.0, max_useful_percent: 50.0, query_sample_rows_per_row: 100.0 };

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
    #[cfg(feature = "sql")]
    check_queries(ctx, out, &t);
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

// ---------------------------------------------------------------------------
// The same rule on SQL queries (query inputs), read from sqlparser's AST.

#[cfg(feature = "sql")]
/// `ORDER BY random()` in any query of a statement.
fn check_queries(ctx: &Context, out: &mut Vec<Finding>, t: &Thresholds) {
    use crate::query::{self, walk, Findings};
    use sqlparser::ast::OrderByKind;

    let mut findings = Findings::new(out);
    for q in query::statements(ctx) {
        let top = walk::top_query(&q.statement).map(|x| x as *const sqlparser::ast::Query);
        let mut found = Vec::new();
        walk::for_each_query(&q.statement, |query, ctes| {
            let Some(order_by) = &query.order_by else { return };
            let OrderByKind::Expressions(keys) = &order_by.kind else { return };
            let Some(key) = keys.iter().find(|k| calls_random(&k.expr)) else { return };
            let is_top = top == Some(query as *const _);
            found.push(query_finding(&q, query, key, ctes, ctx.catalog.as_ref(), is_top, t));
        });
        for f in found {
            findings.push(&q, f);
        }
    }
    findings.finish();
}

#[cfg(feature = "sql")]
/// Risk of sampling before shuffling.
const SAMPLE_RISK: &str = "No lock and no schema change: only the query text changes. The rows are less evenly random than with a full shuffle: SYSTEM sampling picks whole pages, so rows stored together tend to come out together. Check that the callers can live with that.";

#[cfg(feature = "sql")]
fn calls_random(e: &sqlparser::ast::Expr) -> bool {
    let mut found = false;
    crate::query::expr::each_expr(e, |x| {
        if let sqlparser::ast::Expr::Function(f) = x {
            found |= crate::query::expr::function_name(f) == "random" && crate::query::expr::function_args(f).is_some_and(|a| a.is_empty());
        }
    });
    found
}

#[cfg(feature = "sql")]
/// The LIMIT (or FETCH FIRST) of a query, as written and as a number when literal.
fn query_limit(query: &sqlparser::ast::Query) -> Option<(String, Option<f64>)> {
    use sqlparser::ast::LimitClause;
    let expr = match &query.limit_clause {
        Some(LimitClause::LimitOffset { limit: Some(limit), .. }) | Some(LimitClause::OffsetCommaLimit { limit, .. }) => Some(limit),
        _ => query.fetch.as_ref().and_then(|f| f.quantity.as_ref()),
    }?;
    Some((expr.to_string(), crate::query::expr::number_literal(expr)))
}

#[cfg(feature = "sql")]
#[allow(clippy::too_many_arguments)]
fn query_finding(
    q: &crate::query::QueryStatement,
    query: &sqlparser::ast::Query,
    key: &sqlparser::ast::OrderByExpr,
    ctes: &[String],
    catalog: Option<&crate::sql::Catalog>,
    is_top: bool,
    t: &Thresholds,
) -> Finding {
    use crate::query::scope::Scope;
    use crate::query::walk;
    use sqlparser::ast::Spanned;

    let select = walk::single_select(query);
    let scope = select.map(|s| Scope::new(&s.from.iter().collect::<Vec<_>>(), ctes, catalog)).unwrap_or_default();
    let tables: Vec<String> = scope.tables().map(|(_, r)| r.display()).collect();
    let table_text = if tables.is_empty() { "its input".to_owned() } else { tables.join(", ") };
    let filtered = select.is_some_and(|s| s.selection.is_some());
    let rows = if filtered { format!("every row of {table_text} that passes the WHERE") } else { format!("every row of {table_text}") };
    let limit = query_limit(query);
    let wanted = limit.as_ref().map(|(text, n)| n.map_or_else(|| text.clone(), count));
    let mut f = Finding::new(
        &META,
        match &wanted {
            Some(w) => format!("ORDER BY random() sorts every row of {table_text} to return {w}"),
            None => format!("ORDER BY random() shuffles every row of {table_text}"),
        },
        format!(
            "{} the database reads {rows}, draws a random number for each and sorts them all: the cost grows with the table, not with the rows kept. No index can help, since the order is new on every run.",
            match &wanted {
                Some(w) => format!("To return {w} random rows,"),
                None => "With no LIMIT,".to_owned(),
            }
        ),
    )
    .location(q.location_at(key.expr.span()))
    .evidence("ORDER BY", key.to_string());
    if let Some((text, _)) = &limit {
        f = f.evidence("LIMIT", text.clone());
    }
    f = f.evidence("Statement", q.excerpt());

    // One table, read whole, in the statement's own query: sample it in place.
    let single = match scope.relations.as_slice() {
        [r] if r.is_table() => Some(r),
        _ => None,
    };
    let sample = limit.as_ref().and_then(|(_, n)| *n).filter(|_| is_top && query.locks.is_empty()).zip(single);
    let Some((n, relation)) = sample else {
        let text = match wanted {
            None => "ORDER BY random() without a LIMIT returns every row in random order: if every row is needed, shuffle in the application; if only a few are, add a LIMIT and sample the table first, `FROM t TABLESAMPLE SYSTEM_ROWS (1000)` (extension tsm_system_rows), so that only the sample is sorted.".to_owned(),
            Some(w) => format!(
                "Sample the largest table first, in the FROM clause: `TABLESAMPLE SYSTEM_ROWS (k)` (extension tsm_system_rows) with k about {} times the {w} rows wanted, then join and sort only the sample.",
                t.query_sample_rows_per_row
            ),
        };
        return f
            .impact(Impact { text: format!("Sampling first makes the query read and sort a fixed number of rows instead of {rows}."), ..Impact::default() })
            .fix(None, text)
            .risk(SAMPLE_RISK)
            .rollback(None, query_rewrite_rollback());
    };
    let sample_rows = (n * t.query_sample_rows_per_row).ceil().max(n);
    let sample_text = count(sample_rows).replace(',', "");
    let mut splice = crate::query::expr::Splice::new(&q.statement);
    if !splice.table_factor(relation.factor, format!("{} TABLESAMPLE SYSTEM_ROWS ({sample_text})", relation.from_text())) {
        return f.fix(None, "Sample the table first with TABLESAMPLE SYSTEM_ROWS, then sort only the sample.").risk(SAMPLE_RISK).rollback(None, query_rewrite_rollback());
    }
    let table = relation.display();
    let where_note = if filtered {
        format!(" The WHERE applies to the sampled rows: if it keeps a small share of them, raise the sample size, or the query returns fewer than {} rows.", count(n))
    } else {
        String::new()
    };
    let key_hint = relation
        .table
        .and_then(|tbl| {
            let pk = tbl.primary_key.as_ref()?;
            let [column] = pk.columns.as_slice() else { return None };
            let integer = tbl.column(column).is_some_and(|c| matches!(c.normalized_type.as_str(), "bigint" | "integer" | "smallint"));
            integer.then(|| {
                format!(
                    " If {table}.{column} is dense (few gaps), a random starting key reads only the rows returned: WHERE {column} >= (SELECT floor(random() * max({column}))::bigint FROM {}) ORDER BY {column} LIMIT {}.",
                    quote_qualified(&table),
                    count(n).replace(',', "")
                )
            })
        })
        .unwrap_or_default();
    f.impact(Impact {
        text: format!(
            "The query reads and sorts a sample of about {} rows instead of {rows}: its cost stops growing with the table.",
            count(sample_rows)
        ),
        ..Impact::default()
    })
    .fix(
        Some(format!("CREATE EXTENSION IF NOT EXISTS tsm_system_rows;\n{}", splice.sql())),
        format!(
            "Sample first, then shuffle only the sample: TABLESAMPLE SYSTEM_ROWS ({sample_text}) reads about {} rows' worth of pages of {table}, {} times the {} rows wanted, whatever the table's size. It picks whole pages, so rows stored together tend to come out together; TABLESAMPLE BERNOULLI picks single rows evenly but reads the whole table.{where_note}{key_hint}",
            count(sample_rows),
            t.query_sample_rows_per_row,
            count(n)
        ),
    )
    .risk(format!(
        "CREATE EXTENSION needs the CREATE privilege on the database (tsm_system_rows ships with PostgreSQL and is a trusted extension since PostgreSQL 13); it takes no lock on {table}. {SAMPLE_RISK}"
    ))
    .rollback(None, format!("{} The tsm_system_rows extension may stay (DROP EXTENSION tsm_system_rows once no query uses it).", query_rewrite_rollback()))
}

#[cfg(all(test, feature = "sql"))]
mod query_tests {
    use crate::query::test_support::findings;
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_order_by_random_in_queries() {
        let f = findings("order-by-random/fires.sql", Some("schema.sql"), super::META.id);
        assert_eq!(f.len(), 2, "{f:#?}");
        insta::assert_snapshot!(render(&f[0]));
        assert!(f[1].fix.sql.is_none() && f[1].title.contains("shuffles every row"), "{:#?}", f[1]);
    }

    #[test]
    fn quiet_on_other_orders_and_strings() {
        let f = findings("order-by-random/quiet.sql", Some("schema.sql"), super::META.id);
        assert!(f.is_empty(), "{f:#?}");
    }
}
