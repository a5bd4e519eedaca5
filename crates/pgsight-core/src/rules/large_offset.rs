use super::advice::plain_column;
use super::fixsql::{quote_ident, quote_qualified};
use super::format::{count, ms, percent};
use super::{AnalyzedPlan, Context};
use crate::plan::{NodeId, PlanNode};
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Finds a Limit whose input produced at least 10,000 rows more than the Limit
    /// returned: the rows an `OFFSET` skipped (input rows × loops − Limit rows ×
    /// loops).
    ///
    /// In SQL queries (query inputs) it finds a literal `OFFSET` of at least 1,000 and
    /// rewrites the query for keyset pagination on its ORDER BY columns (with a schema,
    /// the primary key is added as a tie-breaker, or used as the key when there is no
    /// ORDER BY).
    ///
    /// ## Why it matters
    /// `OFFSET n` does not jump anywhere: PostgreSQL produces the first n rows in
    /// order, then throws them away. Page 1,000 of a listing costs a thousand pages of
    /// work, and gets slower as users page further.
    ///
    /// ## Example
    /// ```text
    /// Limit  (actual ... rows=20 loops=1)
    ///   ->  Index Scan using orders_created_at_idx on orders  (actual ... rows=100020 loops=1)
    /// ```
    ///
    /// ## Fix
    /// Keyset pagination: remember the sort key of the last row of the page and ask
    /// for the rows after it. With an index on the key, every page costs the same:
    /// ```sql
    /// SELECT ... FROM public.orders WHERE created_at > $1 ORDER BY created_at LIMIT 20;
    /// ```
    /// `$1` is the `created_at` of the last row the client received. Add a unique
    /// column (the primary key) as the last sort key when the key has duplicates, and
    /// compare the pair: `WHERE (created_at, id) > ($1, $2)`.
    id: "large-offset",
    category: Plan,
    severity: Warning,
    summary: "OFFSET pagination that produces and discards many rows",
    thresholds: Thresholds,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Rows the Limit's input produced that the Limit did not return.
    pub min_discarded_rows: f64,
    /// In a query (no plan): a literal OFFSET at least this large.
    pub min_literal_offset: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_discarded_rows: 10_000.0, min_literal_offset: 1_000.0 }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for plan in &ctx.plans {
        for (id, node, m) in plan.nodes() {
            if node.node_type() != "Limit" {
                continue;
            }
            let Some(child) = input(plan, node) else { continue };
            let (Some(produced), Some(returned)) = (plan.metrics.node(child).actual_rows_total, m.actual_rows_total) else {
                continue;
            };
            let discarded = produced - returned;
            if discarded < t.min_discarded_rows {
                continue;
            }
            out.push(finding(plan, id, node, child, produced, discarded));
        }
    }
    #[cfg(feature = "sql")]
    check_queries(ctx, out, &t);
}

/// The Limit's input: its child that is not an InitPlan or SubPlan.
fn input(plan: &AnalyzedPlan, node: &PlanNode) -> Option<NodeId> {
    node.children.iter().copied().find(|&c| plan.doc.plan.nodes[c].fields.subplan_name.is_none())
}

/// One key of the order the Limit reads in.
struct Key {
    /// As printed in the plan: `orders.created_at`.
    expr: String,
    column: Option<String>,
    descending: bool,
}

/// The order of the rows reaching the Limit, from the Sort below it (through a
/// Gather Merge), and whether it came from a Sort (`true`) or an index.
fn order(plan: &AnalyzedPlan, child: NodeId) -> Option<(Vec<Key>, bool)> {
    let nodes = &plan.doc.plan.nodes;
    let mut cur = child;
    loop {
        let n = &nodes[cur];
        match n.node_type() {
            "Sort" | "Incremental Sort" => {
                let keys = n.fields.sort_key.as_ref()?.iter().map(String::as_str).map(key).collect();
                return Some((keys, true));
            }
            "Gather Merge" | "Result" | "Unique" | "Subquery Scan" | "WindowAgg" => {
                cur = *n.children.iter().find(|&&c| nodes[c].fields.subplan_name.is_none())?;
            }
            "Index Scan" | "Index Only Scan" => {
                let descending = n.fields.scan_direction.as_deref() == Some("Backward");
                let table = n.fields.relation_name.as_deref()?;
                let qualifier = n.fields.alias.clone().unwrap_or_else(|| table.to_owned());
                let columns = index_columns(n)?;
                let keys = columns
                    .into_iter()
                    .map(|c| Key { expr: format!("{}.{}", quote_ident(&qualifier), quote_ident(&c)), column: Some(c), descending })
                    .collect();
                return Some((keys, false));
            }
            _ => return None,
        }
    }
}

/// The plan does not list an index's columns: they are inferred from PostgreSQL's
/// default index names, `<table>_<col>[_<col>...]_idx` / `_key`, and `<table>_pkey`
/// for the conventional `id`, and kept only when they are among the columns the scan
/// outputs (when the plan is VERBOSE).
fn index_columns(n: &PlanNode) -> Option<Vec<String>> {
    let index = n.fields.index_name.as_deref()?;
    let table = n.fields.relation_name.as_deref()?;
    let output: Vec<String> = n.fields.output.as_deref().unwrap_or_default().iter().filter_map(|o| plain_column(o).map(|(_, c)| c)).collect();
    let rest = index.strip_prefix(table)?.strip_prefix('_')?;
    if rest == "pkey" {
        return (output.is_empty() || output.iter().any(|c| c == "id")).then(|| vec!["id".to_owned()]);
    }
    let rest = rest.strip_suffix("_idx").or_else(|| rest.strip_suffix("_key"))?;
    if output.is_empty() {
        return Some(vec![rest.to_owned()]);
    }
    split_columns(rest, &output)
}

/// Splits `customer_id_created_at` into known column names, `["customer_id", "created_at"]`.
fn split_columns(rest: &str, columns: &[String]) -> Option<Vec<String>> {
    if rest.is_empty() {
        return Some(Vec::new());
    }
    let mut by_length: Vec<&String> = columns.iter().collect();
    by_length.sort_by_key(|c| std::cmp::Reverse(c.len()));
    by_length.into_iter().find_map(|c| {
        let tail = rest.strip_prefix(c.as_str())?;
        let tail = if tail.is_empty() { tail } else { tail.strip_prefix('_')? };
        let mut more = split_columns(tail, columns)?;
        more.insert(0, c.clone());
        Some(more)
    })
}

fn key(item: &str) -> Key {
    let mut expr = item.trim();
    for suffix in [" NULLS FIRST", " NULLS LAST"] {
        expr = expr.strip_suffix(suffix).unwrap_or(expr);
    }
    let descending = expr.ends_with(" DESC");
    expr = expr.strip_suffix(" DESC").or_else(|| expr.strip_suffix(" ASC")).unwrap_or(expr);
    Key { expr: expr.to_owned(), column: plain_column(expr).map(|(_, c)| c), descending }
}

/// The index the rows come from, when the order is an index's.
fn plan_index_name(plan: &AnalyzedPlan, child: NodeId) -> Option<String> {
    plan.doc.plan.subtree(child).find_map(|n| plan.doc.plan.nodes[n].fields.index_name.clone())
}

/// The one table scanned below the Limit, when there is exactly one.
fn single_table(plan: &AnalyzedPlan, child: NodeId) -> Option<NodeId> {
    let nodes = &plan.doc.plan.nodes;
    let scans: Vec<NodeId> = plan.doc.plan.subtree(child).filter(|&n| nodes[n].fields.relation_name.is_some()).collect();
    match scans.as_slice() {
        [scan] => Some(*scan),
        _ => None,
    }
}

fn finding(plan: &AnalyzedPlan, id: NodeId, node: &PlanNode, child: NodeId, produced: f64, discarded: f64) -> Finding {
    let cm = plan.metrics.node(child);
    let child_node = &plan.doc.plan.nodes[child];
    let page = node.fields.actual_rows.unwrap_or(0.0);
    let mut f = Finding::new(
        &META,
        format!("OFFSET skips {} rows to return {}", count(discarded), count(page)),
        format!(
            "The Limit's input produced {} rows and the Limit returned {}: {} rows were computed in order and thrown away, which is what OFFSET does. \
             Each later page costs more than the one before.",
            count(produced),
            count(page * node.loops()),
            count(discarded)
        ),
    )
    .location(plan.location(id))
    .evidence("Limit Actual Rows", count(page))
    .evidence(format!("{} Actual Rows", child_node.label()), count(produced))
    .evidence("Rows discarded", count(discarded));
    if node.loops() > 1.0 {
        f = f.evidence("Actual Loops", count(node.loops()));
    }
    if let Some(t) = cm.inclusive_ms {
        f = f.evidence("Time below the Limit", ms(t));
    }
    let wasted = produced.max(1.0);
    let saved = cm.inclusive_ms.map(|t| t * discarded / wasted);
    let text = match (cm.inclusive_ms, cm.inclusive_share, saved) {
        (Some(t), Some(share), Some(saved)) => format!(
            "Producing the Limit's input takes {} ({} of execution time), {} of it for rows that are thrown away: keyset pagination saves up to about {} on this page, more on later ones.",
            ms(t),
            percent(share),
            percent(discarded / wasted),
            ms(saved)
        ),
        _ => format!("Keyset pagination reads about {} rows for this page instead of {}.", count(page), count(produced)),
    };
    f = f.impact(Impact { text, time_share: cm.inclusive_share, time_ms: saved, rows: Some(discarded) });

    let sorted_below = plan.doc.plan.subtree(child).any(|n| matches!(plan.doc.plan.nodes[n].node_type(), "Sort" | "Incremental Sort"));
    let risk = format!(
        "A query and client change, no lock: clients pass the key of the last row they received instead of a page number, \
         and can no longer jump straight to page n.{}",
        if sorted_below { " The rows are sorted today, not read from an index: without an index on the sort key, each page still sorts all the rows after the key." } else { "" }
    );
    let risk = risk.as_str();
    let rollback = "Nothing to undo in the database: deploy the previous query.";
    let Some((keys, sorted)) = order(plan, child) else {
        return f
            .fix(
                None,
                format!(
                    "Use keyset pagination: ORDER BY a unique key (or the sort key plus the primary key) and ask for the rows after the last one the client received, \
                     WHERE key > $1 ORDER BY key LIMIT {}, instead of OFFSET. The plan does not show the sort key, so write it with the query's ORDER BY.",
                    count(page)
                ),
            )
            .risk(risk)
            .rollback(None, rollback);
    };
    let same_direction = keys.iter().all(|k| k.descending == keys[0].descending);
    let op = if keys[0].descending { "<" } else { ">" };
    let params: Vec<String> = (1..=keys.len()).map(|i| format!("${i}")).collect();
    let predicate = if keys.len() == 1 {
        format!("{} {op} $1", keys[0].expr)
    } else {
        format!("({}) {op} ({})", keys.iter().map(|k| k.expr.as_str()).collect::<Vec<_>>().join(", "), params.join(", "))
    };
    let order_by =
        keys.iter().map(|k| format!("{}{}", k.expr, if k.descending { " DESC" } else { "" })).collect::<Vec<_>>().join(", ");
    let names = keys.iter().map(|k| k.column.clone().unwrap_or_else(|| k.expr.clone())).collect::<Vec<_>>().join(", ");
    let inferred = if sorted {
        String::new()
    } else {
        let index = plan_index_name(plan, child).unwrap_or_default();
        format!(" The plan reads {index} in order; its key ({names}) is inferred from the index name, so check it against the query's ORDER BY.")
    };
    let tie = if keys.len() == 1 && keys[0].column.as_deref() != Some("id") {
        format!(" If {names} has duplicates, add the primary key as a last sort key and compare the pair, or rows on a page boundary are skipped or repeated.")
    } else {
        String::new()
    };
    if !same_direction {
        return f
            .fix(
                None,
                format!(
                    "Use keyset pagination on ({names}): ask for the rows after the last one the client received instead of OFFSET. \
                     The keys sort in mixed directions, so a single row comparison does not work: spell it out, e.g. for two keys \
                     (a < $1) OR (a = $1 AND b > $2), matching the ORDER BY.{tie}"
                ),
            )
            .risk(risk)
            .rollback(None, rollback);
    }
    let limit = count(page).replace(',', "");
    let values = if keys.len() > 1 { format!("{} are the values", params.join(", ")) } else { "$1 is the value".to_owned() };
    let explanation = format!(
        "Keyset pagination on ({names}): {values} of the last row the client received; the first page runs without that condition.{inferred}{tie}"
    );
    let Some(scan) = single_table(plan, child) else {
        return f
            .fix(
                None,
                format!("Add {predicate} to the query's WHERE clause and keep ORDER BY {order_by} LIMIT {limit}, without OFFSET. {explanation}"),
            )
            .risk(risk)
            .rollback(None, rollback);
    };
    let s = &plan.doc.plan.nodes[scan];
    let table = s.qualified_relation().unwrap_or_default();
    let alias = s.fields.alias.clone().unwrap_or_default();
    let from = if alias.is_empty() || Some(&alias) == s.fields.relation_name.as_ref() {
        quote_qualified(&table)
    } else {
        format!("{} {}", quote_qualified(&table), quote_ident(&alias))
    };
    let columns = node.fields.output.as_ref().filter(|o| !o.is_empty()).map_or_else(|| "*".to_owned(), |o| o.join(", "));
    // The query's own conditions stay, as the plan applies them to the scan.
    let mut conditions: Vec<String> = [&s.fields.index_cond, &s.fields.filter].into_iter().flatten().cloned().collect();
    conditions.push(predicate);
    let sql = format!("SELECT {columns} FROM {from} WHERE {} ORDER BY {order_by} LIMIT {limit};", conditions.join(" AND "));
    f.fix(Some(sql), explanation).risk(risk).rollback(None, rollback)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn index_names_give_their_columns() {
        let cols = |v: &[&str]| v.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(split_columns("customer_id_created_at", &cols(&["id", "customer_id", "created_at"])), Some(cols(&["customer_id", "created_at"])));
        assert_eq!(split_columns("status", &cols(&["id"])), None);
    }

    #[test]
    fn keys_keep_direction() {
        let k = key("orders.created_at DESC NULLS LAST");
        assert_eq!((k.expr.as_str(), k.column.as_deref(), k.descending), ("orders.created_at", Some("created_at"), true));
        let k = key("(lower(email))");
        assert_eq!((k.column, k.descending), (None, false));
    }

    #[test]
    fn fires_on_large_offset_paging() {
        let findings = findings_for_fixture("tests/scenarios/large-offset-paging.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn text_and_json_agree_on_large_offset_paging() {
        let json = findings_for_fixture("tests/scenarios/large-offset-paging.json", META.id);
        let text = findings_for_fixture("tests/scenarios/large-offset-paging.txt", META.id);
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
    fn keyset_on_two_descending_sort_keys() {
        let findings = findings_for_fixture("crates/pgsight-core/tests/fixtures/large-offset/sort-two-keys-desc.json", META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(
            f.fix.sql.as_deref(),
            Some("SELECT id, amount, created_at FROM public.orders WHERE (orders.status = 'shipped'::text) AND (orders.created_at, orders.id) < ($1, $2) ORDER BY orders.created_at DESC, orders.id DESC LIMIT 50;")
        );
        assert!(f.risk.contains("without an index on the sort key"), "{}", f.risk);
    }
}

// ---------------------------------------------------------------------------
// The same rule on SQL queries (query inputs): a literal OFFSET, read from
// sqlparser's AST.

#[cfg(feature = "sql")]
fn check_queries(ctx: &Context, out: &mut Vec<Finding>, t: &Thresholds) {
    use crate::query::{self, walk, Findings};

    let mut findings = Findings::new(out);
    for q in query::statements(ctx) {
        let top = walk::top_query(&q.statement).map(|x| x as *const sqlparser::ast::Query);
        let mut found = Vec::new();
        walk::for_each_query(&q.statement, |query, ctes| {
            let Some((offset, n)) = literal_offset(query) else { return };
            if n < t.min_literal_offset {
                return;
            }
            let is_top = top == Some(query as *const _);
            found.push(query_finding(&q, query, offset, n, ctes, ctx.catalog.as_ref(), is_top));
        });
        for f in found {
            findings.push(&q, f);
        }
    }
    findings.finish();
}

#[cfg(feature = "sql")]
fn literal_offset(query: &sqlparser::ast::Query) -> Option<(&sqlparser::ast::Expr, f64)> {
    use sqlparser::ast::LimitClause;
    let offset = match query.limit_clause.as_ref()? {
        LimitClause::LimitOffset { offset: Some(offset), .. } => &offset.value,
        LimitClause::OffsetCommaLimit { offset, .. } => offset,
        _ => return None,
    };
    Some((offset, crate::query::expr::number_literal(offset)?))
}

#[cfg(feature = "sql")]
/// The page size: LIMIT or FETCH FIRST, as written and as a number when literal.
fn page_of(query: &sqlparser::ast::Query) -> Option<(String, Option<f64>)> {
    use sqlparser::ast::LimitClause;
    let expr = match &query.limit_clause {
        Some(LimitClause::LimitOffset { limit: Some(limit), .. }) | Some(LimitClause::OffsetCommaLimit { limit, .. }) => Some(limit),
        _ => query.fetch.as_ref().and_then(|f| f.quantity.as_ref()),
    }?;
    Some((expr.to_string(), crate::query::expr::number_literal(expr)))
}

#[cfg(feature = "sql")]
/// One key of the query's ORDER BY, when it is a plain column.
struct QueryKey {
    column: crate::query::expr::ColumnName,
    descending: bool,
}

#[cfg(feature = "sql")]
fn query_keys(query: &sqlparser::ast::Query) -> Option<Vec<QueryKey>> {
    use sqlparser::ast::{OrderByKind, OrderBySort};
    let OrderByKind::Expressions(exprs) = &query.order_by.as_ref()?.kind else { return None };
    exprs
        .iter()
        .map(|o| {
            let descending = match &o.options.sort {
                None | Some(OrderBySort::Asc) => false,
                Some(OrderBySort::Desc) => true,
                Some(OrderBySort::Using(_)) => return None,
            };
            Some(QueryKey { column: crate::query::expr::column_name(&o.expr)?, descending })
        })
        .collect()
}

#[cfg(feature = "sql")]
fn query_finding(
    q: &crate::query::QueryStatement,
    query: &sqlparser::ast::Query,
    offset: &sqlparser::ast::Expr,
    n: f64,
    ctes: &[String],
    catalog: Option<&crate::sql::Catalog>,
    is_top: bool,
) -> Finding {
    use crate::query::scope::{indexes_leading_with, Scope};
    use crate::query::walk;
    use sqlparser::ast::Spanned;

    let page = page_of(query);
    let page_rows = page.as_ref().and_then(|(_, p)| *p);
    let page_text = page.as_ref().map(|(text, p)| p.map_or_else(|| text.clone(), count));
    let select = walk::single_select(query);
    let scope = select.map(|s| Scope::new(&s.from.iter().collect::<Vec<_>>(), ctes, catalog)).unwrap_or_default();
    let single = match scope.relations.as_slice() {
        [r] if r.is_table() => Some(r),
        _ => None,
    };
    let work = match page_rows {
        Some(p) => format!("This page costs {} rows of work to return {}", count(n + p), count(p)),
        None => format!("This page costs {} rows of work more than the rows it returns", count(n)),
    };
    let mut f = Finding::new(
        &META,
        format!("OFFSET {} computes and discards {} rows for one page", count(n), count(n)),
        format!(
            "The query skips {} rows with OFFSET {}: PostgreSQL produces them in order, then throws them away before returning {}. {work}, and each later page costs more.",
            count(n),
            offset,
            page_text.as_ref().map_or_else(|| "the rest".to_owned(), |p| format!("the {p} it keeps"))
        ),
    )
    .location(q.location_at(offset.span()))
    .evidence("OFFSET", count(n));
    if let Some(p) = &page_text {
        f = f.evidence("LIMIT", p.clone());
    }
    if let Some(order_by) = &query.order_by {
        f = f.evidence("ORDER BY", order_by.to_string().trim_start_matches("ORDER BY ").to_owned());
    }
    f = f.evidence("Statement", q.excerpt()).impact(Impact {
        text: format!(
            "Keyset pagination reads about {} rows per page (with an index on the key) instead of {}: {} rows fewer on this page, more on later ones.",
            page_text.clone().unwrap_or_else(|| "a page of".to_owned()),
            page_rows.map_or_else(|| format!("{} plus the page", count(n)), |p| count(n + p)),
            count(n)
        ),
        rows: Some(n),
        ..Impact::default()
    });
    let risk = "A query and client change, no lock: clients pass the key of the last row they received instead of a page number, and can no longer jump straight to page n.";
    let rollback = "Nothing to undo in the database: deploy the previous query.";

    // The keys to page by: the ORDER BY's columns, or the primary key without one.
    let pk = single.and_then(|r| r.table?.primary_key.as_ref()).filter(|k| k.columns.len() == 1).map(|k| k.columns[0].clone());
    let (keys, order_added) = match (query.order_by.is_some(), query_keys(query), &pk) {
        (true, Some(keys), _) if !keys.is_empty() => (keys, false),
        (false, _, Some(pk)) => (vec![QueryKey { column: crate::query::expr::ColumnName { qualifier: Vec::new(), name: pk.clone() }, descending: false }], true),
        (false, _, None) => {
            return f
                .fix(
                    None,
                    "OFFSET without ORDER BY returns pages in no defined order: rows can repeat or go missing from one page to the next. ORDER BY a unique key (the primary key) and page by it instead of OFFSET: WHERE key > $1 ORDER BY key LIMIT n, with $1 the last key the client received.",
                )
                .risk(risk)
                .rollback(None, rollback);
        }
        _ => {
            return f
                .fix(
                    None,
                    "Use keyset pagination: ORDER BY plain columns ending with a unique one, and ask for the rows after the last one the client received (WHERE (a, b) > ($1, $2)) instead of OFFSET.",
                )
                .risk(risk)
                .rollback(None, rollback);
        }
    };
    let names: Vec<String> = keys.iter().map(|k| k.column.sql()).collect();
    if keys.iter().any(|k| k.descending != keys[0].descending) {
        return f
            .fix(
                None,
                format!(
                    "Use keyset pagination on ({}): ask for the rows after the last one the client received instead of OFFSET. The keys sort in mixed directions, so one row comparison does not work: spell it out, e.g. for two keys (a < $1) OR (a = $1 AND b > $2), matching the ORDER BY.",
                    names.join(", ")
                ),
            )
            .risk(risk)
            .rollback(None, rollback);
    }
    // A unique last key keeps pages from skipping or repeating rows that tie.
    let unique = single.and_then(|r| r.table).map(|t| {
        let set: Vec<&str> = keys.iter().map(|k| k.column.name.as_str()).collect();
        let same = |cols: &[String]| cols.len() == set.len() && cols.iter().all(|c| set.contains(&c.as_str()));
        t.primary_key.iter().chain(&t.unique_constraints).any(|k| same(&k.columns))
            || t.indexes.iter().any(|i| i.unique && i.predicate.is_none() && same(&i.leading_columns()) && i.keys.len() == set.len())
    });
    let mut keys = keys;
    let mut tie_added = None;
    if unique == Some(false) {
        if let Some(pk) = &pk {
            if !keys.iter().any(|k| &k.column.name == pk) {
                let qualifier = keys[0].column.qualifier.clone();
                keys.push(QueryKey { column: crate::query::expr::ColumnName { qualifier, name: pk.clone() }, descending: keys[0].descending });
                tie_added = Some(pk.clone());
            }
        }
    }
    let names: Vec<String> = keys.iter().map(|k| k.column.sql()).collect();
    let first_param = crate::query::expr::highest_parameter(&q.statement) + 1;
    let params: Vec<String> = (0..keys.len()).map(|i| format!("${}", first_param + i)).collect();
    let op = if keys[0].descending { "<" } else { ">" };
    let predicate = if keys.len() == 1 { format!("{} {op} {}", names[0], params[0]) } else { format!("({}) {op} ({})", names.join(", "), params.join(", ")) };
    let tie_note = match (&tie_added, unique) {
        (Some(pk), _) => format!(" {pk}, the primary key, is added as a last sort key: {} alone has duplicates, and rows that tie on a page boundary would be skipped or repeated.", names[0]),
        (None, None) if keys.len() == 1 => format!(" If {} has duplicates, add the primary key as a last sort key and compare the pair, or rows on a page boundary are skipped or repeated.", names[0]),
        _ => String::new(),
    };
    let index_note = single
        .and_then(|r| r.table.map(|t| (r, t)))
        .filter(|(_, t)| indexes_leading_with(t, &keys[0].column.name).is_empty())
        .map(|(r, _)| {
            let columns: Vec<String> = keys.iter().map(|k| format!("{}{}", quote_ident(&k.column.name), if k.descending { " DESC" } else { "" })).collect();
            let name = crate::query::scope::free_index_name(
                &catalog.map(|c| crate::query::scope::index_names_in(c, &r.table.map(|t| t.schema.clone()).unwrap_or_default())).unwrap_or_default(),
                &super::fixsql::index_name(&r.display(), &keys.iter().map(|k| k.column.name.clone()).collect::<Vec<_>>(), "idx"),
            );
            format!(
                " No index of {} starts with {}: without one each page still sorts every row after the key; create it with CREATE INDEX CONCURRENTLY {} ON {} ({});",
                r.display(),
                keys[0].column.name,
                quote_ident(&name),
                quote_qualified(&r.display()),
                columns.join(", ")
            )
        })
        .unwrap_or_default();
    let order_note = if order_added { " The query had no ORDER BY, so its pages came in no defined order: it now orders by the primary key." } else { "" };
    let values = if keys.len() > 1 { format!("{} are the values", params.join(", ")) } else { format!("{} is the value", params[0]) };
    let explanation = format!(
        "Keyset pagination on ({}): {values} of the last row the client received; the first page runs without that condition.{order_note}{tie_note}{index_note}",
        names.join(", ")
    );
    let sql = is_top.then(|| keyset_sql(q, &keys, tie_added.is_some() || order_added, &predicate)).flatten();
    match sql {
        Some(sql) => f.fix(Some(sql), explanation),
        None => f.fix(None, format!("Add {predicate} to the query's WHERE clause and drop the OFFSET. {explanation}")),
    }
    .risk(risk)
    .rollback(None, rollback)
}

#[cfg(feature = "sql")]
/// The statement without OFFSET, with the keyset condition, and with the added
/// sort keys.
fn keyset_sql(q: &crate::query::QueryStatement, keys: &[QueryKey], extend_order: bool, predicate: &str) -> Option<String> {
    use crate::query::walk;
    use sqlparser::ast::{LimitClause, OrderBy, OrderByExpr, OrderByKind, OrderByOptions, OrderBySort};

    let mut splice = crate::query::expr::Splice::new(&q.statement);
    let condition = splice.marker_expr(predicate.to_owned());
    let markers: Vec<sqlparser::ast::Expr> = keys.iter().map(|k| splice.marker_expr(k.column.sql())).collect();
    let query = walk::top_query_mut(splice.statement_mut())?;
    if !query.locks.is_empty() {
        return None;
    }
    match query.limit_clause.as_mut()? {
        LimitClause::LimitOffset { offset, .. } => *offset = None,
        LimitClause::OffsetCommaLimit { .. } => return None,
    }
    if extend_order {
        let existing = match query.order_by.as_ref().map(|o| &o.kind) {
            Some(OrderByKind::Expressions(e)) => e.len(),
            None => 0,
            _ => return None,
        };
        let added: Vec<OrderByExpr> = keys
            .iter()
            .zip(markers)
            .skip(existing)
            .map(|(k, expr)| OrderByExpr {
                expr,
                options: OrderByOptions { sort: k.descending.then_some(OrderBySort::Desc), nulls_first: None },
                with_fill: None,
            })
            .collect();
        match query.order_by.as_mut() {
            Some(OrderBy { kind: OrderByKind::Expressions(e), .. }) => e.extend(added),
            _ => query.order_by = Some(OrderBy { kind: OrderByKind::Expressions(added), interpolate: None }),
        }
    }
    let select = walk::single_select_mut(query)?;
    crate::query::expr::add_condition(&mut select.selection, condition);
    Some(splice.sql())
}

#[cfg(all(test, feature = "sql"))]
mod query_tests {
    use crate::query::test_support::{findings, findings_in};
    use crate::rules::test_support::render;

    #[test]
    fn fires_on_literal_offset() {
        let f = findings("large-offset/fires.sql", Some("schema.sql"), super::META.id);
        assert_eq!(f.len(), 2, "{f:#?}");
        insta::assert_snapshot!(render(&f[0]));
        assert_eq!(
            f[1].fix.sql.as_deref(),
            Some("SELECT id, total FROM orders WHERE customer_id = $1 AND id > $2 ORDER BY id LIMIT 50;"),
            "{:#?}",
            f[1]
        );
    }

    #[test]
    fn quiet_on_small_or_parameter_offsets() {
        let f = findings("large-offset/quiet.sql", Some("schema.sql"), super::META.id);
        assert!(f.is_empty(), "{f:#?}");
        assert!(findings_in("SELECT 'OFFSET 5000' AS t FROM orders LIMIT 1;", None, super::META.id).is_empty());
    }
}
