//! The schema view: the tables the schema input describes, each a closed row that
//! opens to its columns, keys, indexes and foreign keys with the findings about it.
//! Only one page of rows is rendered, and only open tables render their parts, so a
//! 2,000-table schema stays quick. Also the health-snapshot script's menu.

use std::collections::HashSet;
use std::rc::Rc;

use pgsight_core::report::TableView;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::menus::Menu;
use super::{severity_class, CopyButton, ReportRef, SeverityBadge};
use crate::dom;
use crate::format::{bytes, compact, grouped, plural};
use crate::views::{matching_tables, open_at_first, table_of_finding, table_summary, TABLES_PAGE};

#[derive(Properties, PartialEq)]
pub struct SchemaViewProps {
    pub report: ReportRef,
    /// The selected finding and the selection's sequence number: a new number opens
    /// and shows its table.
    pub selected: Option<usize>,
    pub seq: u64,
    pub on_select_finding: Callback<usize>,
}

fn table_dom_id(index: usize) -> String {
    format!("schema-table-{index}")
}

#[component]
pub fn SchemaView(props: &SchemaViewProps) -> Html {
    let report = &props.report;
    let query = use_state(String::new);
    let only_findings = use_state(|| false);
    let shown = use_state(|| TABLES_PAGE);
    let open = {
        let report = report.clone();
        use_state(move || open_at_first(&report))
    };
    // A new report starts over.
    {
        let (open, shown) = (open.clone(), shown.clone());
        use_effect_with(report.clone(), move |report| {
            open.set(open_at_first(report));
            shown.set(TABLES_PAGE);
        });
    }
    // Selecting a finding about a table opens the table and brings it into view.
    {
        let (open, shown, query, only_findings) = (open.clone(), shown.clone(), query.clone(), only_findings.clone());
        let report = report.clone();
        use_effect_with((props.seq, props.selected), move |(_, selected)| {
            if let Some(table) = selected.and_then(|i| table_of_finding(&report, i)) {
                let mut now = (*open).clone();
                now.insert(table);
                open.set(now);
                let position = matching_tables(&report, &query, *only_findings).iter().position(|&t| t == table);
                match position {
                    Some(p) => shown.set((*shown).max(p + 1)),
                    None => {
                        // Hidden by the filter: clear it so that the table shows.
                        query.set(String::new());
                        only_findings.set(false);
                        shown.set((*shown).max(table + 1));
                    }
                }
                dom::scroll_into_view(&table_dom_id(table));
            }
        });
    }

    let matching = {
        let (q, only) = ((*query).clone(), *only_findings);
        use_memo((report.clone(), q, only), |(r, q, only)| matching_tables(r, q, *only))
    };
    let with_findings = report.schema.iter().filter(|t| !t.findings.is_empty()).count();
    let on_query = {
        let (query, shown) = (query.clone(), shown.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
            shown.set(TABLES_PAGE);
        })
    };
    let toggle_only = {
        let only_findings = only_findings.clone();
        Callback::from(move |_: MouseEvent| only_findings.set(!*only_findings))
    };
    let toggle_table = {
        let open = open.clone();
        Callback::from(move |index: usize| {
            let mut now: HashSet<usize> = (*open).clone();
            if !now.remove(&index) {
                now.insert(index);
            }
            open.set(now);
        })
    };
    let more = matching.len().saturating_sub(*shown);

    html! {
        <section class="tree-pane schema-pane" aria-labelledby="schema-title" data-testid="schema-view">
            <div class="pane-head">
                <h2 class="pane-title" id="schema-title">{ "Schema" }</h2>
                <span class="muted small" data-testid="schema-counts">
                    { format!("{} · {} with findings", plural(report.schema.len(), "table"), with_findings) }
                </span>
                <span class="spacer" />
                <label class="schema-filter">
                    <span class="visually-hidden">{ "Filter tables by name" }</span>
                    <input type="search" placeholder="Filter tables" value={(*query).clone()}
                        data-testid="schema-filter" oninput={on_query} />
                </label>
                <button type="button" class={classes!("chip", only_findings.then_some("on"))}
                    aria-pressed={only_findings.to_string()} data-testid="schema-only-findings"
                    onclick={toggle_only}>
                    { "With findings" }
                </button>
            </div>
            <div class="schema-scroll">
                if matching.is_empty() {
                    <p class="muted small schema-empty">{ "No table matches." }</p>
                }
                <ul class="schema-tables" aria-label="Tables">
                    for &index in matching.iter().take(*shown) {
                        <TableRow key={index} index={index} table={Rc::new(report.schema[index].clone())}
                            report={report.clone()} open={open.contains(&index)}
                            selected={props.selected}
                            on_toggle={toggle_table.clone()}
                            on_select_finding={props.on_select_finding.clone()} />
                    }
                </ul>
                if more > 0 {
                    <button type="button" class="button small show-more" data-testid="schema-show-more"
                        onclick={{ let shown = shown.clone(); Callback::from(move |_: MouseEvent| shown.set(*shown + TABLES_PAGE)) }}>
                        { format!("Show {} more tables", more.min(TABLES_PAGE)) }
                        <span class="muted">{ format!(" ({more} not shown)") }</span>
                    </button>
                }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TableRowProps {
    index: usize,
    table: Rc<TableView>,
    report: ReportRef,
    open: bool,
    selected: Option<usize>,
    on_toggle: Callback<usize>,
    on_select_finding: Callback<usize>,
}

#[component]
fn TableRow(props: &TableRowProps) -> Html {
    let t = &props.table;
    let index = props.index;
    let body_id = format!("{}-body", table_dom_id(index));
    let worst = t.findings.iter().filter_map(|&i| props.report.findings.get(i)).map(|f| f.severity).max();
    let name = format!("{}.{}", t.schema, t.name);
    html! {
        <li id={table_dom_id(index)} class={classes!("schema-table", props.open.then_some("open"))}
            data-testid="schema-table" data-table={name.clone()}>
            <button type="button" class="schema-table-head" aria-expanded={props.open.to_string()}
                aria-controls={body_id.clone()} data-testid="schema-table-toggle"
                onclick={props.on_toggle.reform(move |_: MouseEvent| index)}>
                <span class={classes!("twisty", props.open.then_some("open"))} aria-hidden="true">{ "▸" }</span>
                <span class="schema-table-name">{ name }</span>
                if let Some(parent) = &t.partition_of {
                    <span class="tag" title="A partition of this table">{ format!("partition of {parent}") }</span>
                } else if t.partition_by.is_some() {
                    <span class="tag">{ "partitioned" }</span>
                }
                <span class="muted small schema-table-summary">{ table_summary(t) }</span>
                if let Some(severity) = worst {
                    <span class={classes!("finding-count", severity_class(severity))} data-testid="schema-table-findings">
                        { plural(t.findings.len(), "finding") }
                    </span>
                }
            </button>
            if props.open {
                <div class="schema-table-body" id={body_id}>
                    if !t.findings.is_empty() {
                        <ul class="schema-findings" aria-label="Findings about this table">
                            for &i in t.findings.iter() {
                                if let Some(f) = props.report.findings.get(i) {
                                    <li key={i}>
                                        <button type="button"
                                            class={classes!("schema-finding", (props.selected == Some(i)).then_some("selected"))}
                                            data-testid="schema-finding" data-rule={f.rule}
                                            aria-current={(props.selected == Some(i)).then_some("true")}
                                            onclick={props.on_select_finding.reform(move |_: MouseEvent| i)}>
                                            <SeverityBadge severity={f.severity} />
                                            <span class="schema-finding-title">{ f.title.clone() }</span>
                                        </button>
                                    </li>
                                }
                            }
                        </ul>
                    }
                    <table class="schema-columns" data-testid="schema-columns">
                        <caption class="visually-hidden">{ format!("Columns of {}", t.name) }</caption>
                        <thead>
                            <tr><th scope="col">{ "Column" }</th><th scope="col">{ "Type" }</th><th scope="col">{ "Null" }</th><th scope="col">{ "Default" }</th></tr>
                        </thead>
                        <tbody>
                            for c in t.columns.iter() {
                                <tr>
                                    <td><code>{ c.name.clone() }</code>
                                        if t.primary_key.as_ref().is_some_and(|k| k.columns.contains(&c.name)) {
                                            <span class="tag key-tag" title="In the primary key">{ "PK" }</span>
                                        }
                                        if t.foreign_keys.iter().any(|fk| fk.columns.contains(&c.name)) {
                                            <span class="tag key-tag" title="In a foreign key">{ "FK" }</span>
                                        }
                                    </td>
                                    <td><code>{ c.data_type.clone() }</code></td>
                                    <td>{ if c.nullable { "null" } else { "not null" } }</td>
                                    <td class="schema-default">
                                        if let Some(d) = &c.default { <code>{ d.clone() }</code> }
                                        if let Some(g) = &c.generated { <span class="muted small">{ format!(" {g}") }</span> }
                                    </td>
                                </tr>
                            }
                        </tbody>
                    </table>
                    <dl class="schema-parts">
                        if let Some(pk) = &t.primary_key {
                            <dt>{ "Primary key" }</dt>
                            <dd><code>{ format!("{} ({})", pk.name, pk.columns.join(", ")) }</code></dd>
                        }
                        if !t.unique.is_empty() {
                            <dt>{ "Unique" }</dt>
                            for k in t.unique.iter() {
                                <dd><code>{ format!("{} ({})", k.name, k.columns.join(", ")) }</code></dd>
                            }
                        }
                        if !t.foreign_keys.is_empty() {
                            <dt>{ "Foreign keys" }</dt>
                            for fk in t.foreign_keys.iter() {
                                <dd data-testid="schema-foreign-key">
                                    <code>{ format!("{} ({}) → {} ({})", fk.name, fk.columns.join(", "), fk.references, fk.referenced_columns.join(", ")) }</code>
                                    if let Some(action) = &fk.on_delete { <span class="muted small">{ format!(" {action}") }</span> }
                                    if fk.not_valid { <span class="tag">{ "not valid" }</span> }
                                </dd>
                            }
                        }
                        if !t.indexes.is_empty() {
                            <dt>{ "Indexes" }</dt>
                            for index in t.indexes.iter() {
                                <dd data-testid="schema-index" data-index={index.name.clone()}>
                                    <code class="index-definition">{ index.definition.clone() }</code>
                                    if index.invalid { <span class="tag invalid">{ "invalid" }</span> }
                                    if index.bytes.is_some() || index.scans.is_some() {
                                        <span class="muted small">
                                            { [index.bytes.map(|b| bytes(b as f64)), index.scans.map(|s| format!("{} scans", grouped(s as f64)))]
                                                .into_iter().flatten().collect::<Vec<_>>().join(" · ") }
                                        </span>
                                    }
                                </dd>
                            }
                        }
                        if let Some(by) = &t.partition_by {
                            <dt>{ "Partitioned by" }</dt>
                            <dd><code>{ by.clone() }</code></dd>
                        }
                        if let Some(rows) = t.rows {
                            <dt>{ "Rows" }</dt>
                            <dd>{ compact(rows) }</dd>
                        }
                    </dl>
                </div>
            }
        </li>
    }
}

/// The health snapshot's script: what it is, a copy button and a download, and the
/// text itself. The script is a constant of the core; no engine code comes with it.
#[component]
pub fn SnapshotMenu() -> Html {
    let download = Callback::from(|_: MouseEvent| {
        dom::download("pgsight-snapshot.sql", "application/sql;charset=utf-8", pgsight_core::snapshot::SQL);
    });
    html! {
        <Menu label="Snapshot SQL" id="snapshot-menu">
            <div class="snapshot-menu" data-testid="snapshot-help">
                <p class="menu-title">{ "Health snapshot of your database" }</p>
                <p class="small">
                    { "One read-only query: it writes nothing and needs no superuser. Run it with psql on your server, then paste its output here, in Schema: you get the tables with their sizes, index use and health findings." }
                </p>
                <pre class="snapshot-usage"><code>{ pgsight_core::snapshot::USAGE }</code></pre>
                <div class="snapshot-actions">
                    <CopyButton text={pgsight_core::snapshot::SQL} label="Copy the SQL" keep_open=true
                        testid="copy-snapshot-sql" aria_label="Copy the snapshot SQL" />
                    <button type="button" class="button small" data-keep-open="" data-testid="download-snapshot-sql"
                        onclick={download}>{ "Download .sql" }</button>
                </div>
                <details class="snapshot-script">
                    <summary>{ "Show the script" }</summary>
                    <pre><code class="language-sql">{ pgsight_core::snapshot::SQL }</code></pre>
                </details>
            </div>
        </Menu>
    }
}
