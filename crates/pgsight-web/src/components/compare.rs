//! The Compare view: a plan before a fix and a plan after it, and the core's comparison
//! of them (`pgsight_core::diff::PlanDiff`), computed in the worker. Every figure, word
//! and headline comes from the core; this only lays them out.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use pgsight_core::diff::{
    describe_count, describe_factor, describe_ms, factor, Change, Delta, DiffSideName,
    FindingChange, NodeDiff, NodeSide, PlanDiff,
};
use pgsight_core::rules::format as core_format;
use pgsight_core::share::{encode, link_size, LinkSize};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::editor::Editor;
use super::menus::Menu;
use super::{CopyButton, SeverityBadge};
use crate::compare::{finding_groups, visible_nodes, Compare, CompareAction, Side};
use crate::dom;
use crate::format::{bytes, grouped, ms, plural, position};
use crate::route::{share_link, Route};
use crate::state::DEBOUNCE_MS;
use crate::worker_client::{Outgoing, WorkerClient};

/// Posts the request the reducer put in flight, and arms the debounce timer on every
/// edit. Called once, by the app, so that both go on while another page is shown.
#[hook]
pub fn use_compare_worker(state: &UseReducerHandle<Compare>, client: &WorkerClient) {
    {
        let client = client.clone();
        let request = state.in_flight.clone();
        use_effect_with(state.in_flight.as_ref().map(|r| r.id), move |_| {
            if let Some(request) = request {
                client.post(Outgoing::Compare((*request).clone()));
            }
        });
    }
    let dispatcher = state.dispatcher();
    use_effect_with(state.edit, move |&edit| {
        let timer = Timeout::new(DEBOUNCE_MS, move || {
            dispatcher.dispatch(CompareAction::Debounced(edit))
        });
        move || drop(timer)
    });
}

/// A diff compared by identity, so that props holding one do not walk its nodes.
#[derive(Clone)]
struct DiffRef(Rc<PlanDiff>);

impl PartialEq for DiffRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub state: UseReducerHandle<Compare>,
    /// The analyzer's plan, offered as either side.
    pub analyzer_plan: AttrValue,
}

#[component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let state = &props.state;
    let status = if state.pending() {
        html! { <span class="status busy" data-testid="compare-status" data-busy="true"><span class="spinner" aria-hidden="true" />{ "Comparing…" }</span> }
    } else if let Some(failure) = state.general_failure() {
        html! { <span class="status failed" data-testid="compare-status">{ format!("Comparison failed: {}", failure.message) }</span> }
    } else if let Some(side) = state.failure.as_ref().and_then(|f| f.side) {
        let which = match side {
            DiffSideName::Before => "before",
            DiffSideName::After => "after",
        };
        html! { <span class="status failed" data-testid="compare-status">{ format!("The {which} plan could not be read") }</span> }
    } else if let Some(side) = state.missing() {
        html! { <span class="status" data-testid="compare-status">{ format!("Now paste the {} plan", side.id()) }</span> }
    } else if let Some(diff) = &state.diff {
        let mut text = format!("{} matched", plural(diff.matched().count(), "node pair"));
        if let Some(e) = state.elapsed_ms {
            text.push_str(&format!(" · compared in {}", ms(e)));
        }
        html! { <span class="status" data-testid="compare-status">{ text }</span> }
    } else {
        html! { <span class="status" data-testid="compare-status">{ "Paste two plans of one query to compare them" }</span> }
    };
    // Rendered once per comparison, not on every keystroke.
    let markdown = use_memo(state.diff.clone().map(DiffRef), |d| {
        d.as_ref()
            .map(|d| AttrValue::from(pgsight_core::diff::markdown::render(&d.0)))
    });
    let swap = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(CompareAction::Swap))
    };

    html! {
        <main class="compare-main" id="main">
            <div class="compare-head">
                <h1 id="page-title" tabindex="-1">{ "Compare plans" }</h1>
                <p class="muted">
                    { "The plan of a query before a fix and after it, JSON or text: pgsight matches their nodes and says what changed and which findings the fix resolved." }
                </p>
            </div>
            <section class="compare-inputs" aria-label="Plans">
                for side in Side::BOTH {
                    <PlanInput key={side.id()} state={state.clone()} side={side} analyzer_plan={props.analyzer_plan.clone()} />
                }
            </section>
            <section class="panel compare-results" aria-label="Comparison" aria-busy={state.pending().to_string()}>
                <div class="results-bar">
                    <div aria-live="polite" class="status-wrap">{ status }</div>
                    <span class="spacer" />
                    <button type="button" class="button small ghost" data-testid="compare-swap"
                        disabled={state.is_empty()} onclick={swap}
                        title="Compare the other way round">{ "Swap plans" }</button>
                    if let Some(markdown) = (*markdown).clone() {
                        <CopyButton text={markdown}
                            label="Copy Markdown" aria_label="Copy the comparison as Markdown" testid="compare-copy-md" />
                    }
                </div>
                if let Some(diff) = &state.diff {
                    <DiffBody diff={DiffRef(diff.clone())} shown={state.nodes_shown}
                        on_show_all={{ let d = state.dispatcher(); Callback::from(move |_: MouseEvent| d.dispatch(CompareAction::ShowAllNodes)) }} />
                }
            </section>
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct PlanInputProps {
    state: UseReducerHandle<Compare>,
    side: Side,
    analyzer_plan: AttrValue,
}

/// One plan: its editor, a file opener, and its read error with the position.
#[component]
fn PlanInput(props: &PlanInputProps) -> Html {
    let side = props.side;
    let state = &props.state;
    let marks = use_memo((state.failure.clone(), side), |(_, side)| {
        state.marks(*side)
    });
    let on_edit = {
        let d = state.dispatcher();
        Callback::from(move |text: String| d.dispatch(CompareAction::Edit(side, text)))
    };
    let on_open_file = {
        let on_edit = on_edit.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                let on_edit = on_edit.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(text) = dom::read_file(file).await {
                        on_edit.emit(text);
                    }
                });
            }
            input.set_value("");
        })
    };
    let text = state.text(side).clone();
    let offer_analyzer = !props.analyzer_plan.trim().is_empty() && props.analyzer_plan != text;
    let use_analyzer = {
        let on_edit = on_edit.clone();
        let plan = props.analyzer_plan.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(plan.to_string()))
    };
    let clear = {
        let on_edit = on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(String::new()))
    };
    let detected = state.diff.as_ref().map(|d| {
        let s = match side {
            Side::Before => &d.before,
            Side::After => &d.after,
        };
        let format = match s.format {
            pgsight_core::plan::PlanFormat::Json => "JSON",
            pgsight_core::plan::PlanFormat::Text => "text",
        };
        format!("{format} · {}", plural(s.plan.nodes.len(), "node"))
    });
    let errors_id = format!("{}-errors", side.id());
    let failure = state.failure_of(side);
    html! {
        <div class="panel compare-input" data-testid={format!("compare-{}", side.id())}>
            <div class="input-toolbar">
                <h2 class="compare-side" id={format!("{}-title", side.id())}>{ side.label() }</h2>
                if let Some(detected) = detected {
                    <span class="detected">{ detected }</span>
                }
                <span class="spacer" />
                if offer_analyzer {
                    <button type="button" class="button small ghost" data-testid={format!("{}-use-analyzer", side.id())}
                        onclick={use_analyzer}>{ "Use the analyzer's plan" }</button>
                }
                <label class="button small ghost file-button">
                    <input type="file" class="visually-hidden" data-testid={format!("{}-file", side.id())}
                        accept=".json,.txt,.plan,text/plain,application/json" onchange={on_open_file} />
                    { "Open file…" }
                </label>
                <button type="button" class="button small ghost" data-testid={format!("{}-clear", side.id())}
                    disabled={text.is_empty()} onclick={clear}>{ "Clear" }</button>
            </div>
            <Editor
                id={format!("{}-input", side.id())}
                text={text}
                label={format!("{} plan", side.label())}
                placeholder={match side {
                    Side::Before => "Paste the plan before the fix: EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) output or the text of EXPLAIN ANALYZE. Or drop a file here.",
                    Side::After => "Paste the plan after the fix, JSON or text. Or drop a file here.",
                }}
                marks={marks.clone()}
                on_edit={on_edit}
                describedby={failure.is_some().then(|| AttrValue::from(errors_id.clone()))}
            />
            if let Some(failure) = failure {
                <ul class="input-errors" id={errors_id} data-testid="compare-input-error">
                    <li class="input-error error">
                        if let Some(at) = position(failure.line, failure.column) {
                            <span class="position">{ at }</span>
                        }
                        <span class="message">{ failure.message.clone() }</span>
                    </li>
                </ul>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DiffBodyProps {
    diff: DiffRef,
    shown: usize,
    on_show_all: Callback<MouseEvent>,
}

/// Headline, whole-plan figures, findings, then the node pairs.
#[component]
fn DiffBody(props: &DiffBodyProps) -> Html {
    let diff = &*props.diff.0;
    let (rows, more) = visible_nodes(diff, props.shown);
    let temp = diff.totals.temp_blocks.before > 0.0 || diff.totals.temp_blocks.after > 0.0;
    html! {
        <div class="compare-body">
            <p class="compare-headline" data-testid="compare-headline">{ diff.headline.clone() }</p>
            if !diff.notes.is_empty() {
                <ul class="notes">
                    for note in diff.notes.iter() {
                        <li class="note" data-testid="compare-note"><span class="note-message">{ note.clone() }</span></li>
                    }
                </ul>
            }
            <div class="compare-grid">
                <table class="compare-table compare-summary" data-testid="compare-summary">
                    <caption>{ "Whole plan" }</caption>
                    <thead>
                        <tr><th scope="col"><span class="visually-hidden">{ "Figure" }</span></th>
                            <th scope="col" class="num">{ "Before" }</th><th scope="col" class="num">{ "After" }</th>
                            <th scope="col" class="num">{ "Change" }</th></tr>
                    </thead>
                    <tbody>
                        for row in diff.summary_rows() {
                            <tr key={row.label}>
                                <th scope="row">{ row.label }</th>
                                <td class="num">{ row.before }</td>
                                <td class="num">{ row.after }</td>
                                <td class="num change">{ row.change }</td>
                            </tr>
                        }
                    </tbody>
                </table>
                <section class="compare-findings" aria-labelledby="compare-findings-title" data-testid="compare-findings">
                    <h2 id="compare-findings-title" class="compare-caption">{ "Findings" }</h2>
                    for (id, label, list) in finding_groups(diff) {
                        <div key={id} class={classes!("finding-group", id, list.is_empty().then_some("empty"))} data-testid={format!("findings-{id}")}>
                            <h3>{ label }<span class="count">{ list.len() }</span></h3>
                            if list.is_empty() {
                                <p class="muted small">{ "None" }</p>
                            } else {
                                <ul>
                                    for f in list.iter() {
                                        { finding_item(f, id) }
                                    }
                                </ul>
                            }
                        </div>
                    }
                </section>
            </div>
            <div class="compare-nodes-wrap" tabindex="0" role="region" aria-labelledby="compare-nodes-title">
                <table class="compare-table compare-nodes" data-testid="compare-nodes">
                    <caption id="compare-nodes-title">{ "Nodes, matched before and after" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Change" }</th>
                            <th scope="col">{ "Before" }</th>
                            <th scope="col">{ "After" }</th>
                            <th scope="col" class="num">{ "Self time" }</th>
                            <th scope="col" class="num">{ "Rows" }</th>
                            <th scope="col" class="num">{ "Loops" }</th>
                            <th scope="col" class="num">{ "Shared blocks" }</th>
                            if temp {
                                <th scope="col" class="num">{ "Temp blocks" }</th>
                            }
                            <th scope="col" class="num">{ "Misestimate" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for (i, n) in rows.iter().enumerate() {
                            { node_row(i, n, temp) }
                        }
                    </tbody>
                </table>
            </div>
            if more > 0 {
                <p class="show-more">
                    <button type="button" class="button small" data-testid="compare-show-all" onclick={props.on_show_all.clone()}>
                        { format!("Show all {} rows ({} more)", grouped(diff.nodes.len() as f64), grouped(more as f64)) }
                    </button>
                </p>
            }
        </div>
    }
}

fn finding_item(f: &FindingChange, status: &'static str) -> Html {
    let at = f
        .after
        .as_ref()
        .or(f.before.as_ref())
        .and_then(|s| s.node_label.clone());
    html! {
        <li class="compare-finding" data-testid="compare-finding" data-status={status} data-rule={f.rule.clone()}>
            <SeverityBadge severity={f.severity} />
            <a class="rule-link" href={Route::Rule(f.rule.clone()).href()}>{ f.rule.clone() }</a>
            <span class="compare-finding-title">{ f.title.clone() }</span>
            <span class="muted small at">{ match at { Some(label) => format!("at {label}"), None => "on the whole plan".to_owned() } }</span>
        </li>
    }
}

fn change_class(change: Change) -> String {
    format!("change-{}", change.as_str().replace(' ', "-"))
}

/// A node's label, indented to its depth in the merged tree; a subplan's name first.
fn node_cell(side: Option<&NodeSide>, depth: usize) -> Html {
    let indent = format!("padding-left: {}px", 8 + depth.min(40) * 14);
    match side {
        Some(s) => html! {
            <td class="node-label" style={indent}>
                if let Some(sub) = &s.subplan {
                    <span class="tag">{ sub.clone() }</span>{ " " }
                }
                { s.label.clone() }
            </td>
        },
        None => {
            html! { <td class="node-label absent" style={indent} aria-label="none">{ "—" }</td> }
        }
    }
}

/// `before → after` with its change under it for a pair, the one side's figure otherwise.
fn figure_cell(
    delta: Option<Delta>,
    one: Option<f64>,
    show: impl Fn(f64) -> String,
    describe: impl Fn(&Delta) -> String,
) -> Html {
    match (delta, one) {
        (Some(d), _) if d.change == 0.0 => html! { <td class="num">{ show(d.after) }</td> },
        (Some(d), _) => html! {
            <td class="num">
                { format!("{} → {}", show(d.before), show(d.after)) }
                <span class="delta">{ describe(&d) }</span>
            </td>
        },
        (None, Some(x)) => html! { <td class="num">{ show(x) }</td> },
        (None, None) => html! { <td class="num muted">{ "-" }</td> },
    }
}

fn node_row(i: usize, n: &NodeDiff, temp: bool) -> Html {
    let one = n
        .after
        .as_ref()
        .or(n.before.as_ref())
        .map(|s| s.figures)
        .unwrap_or_default();
    html! {
        <tr key={i} class={classes!(change_class(n.change), n.change.is_reshaped().then_some("reshaped"))}
            data-testid="compare-node" data-change={n.change.as_str()}>
            <td><span class={classes!("change-badge", change_class(n.change))}>{ n.change.as_str() }</span></td>
            { node_cell(n.before.as_ref(), n.depth) }
            { node_cell(n.after.as_ref(), n.depth) }
            { figure_cell(n.time_ms, one.time_ms, core_format::ms, describe_ms) }
            { figure_cell(n.rows, one.rows, core_format::count, describe_count) }
            { figure_cell(n.loops, one.loops, core_format::count, describe_count) }
            { figure_cell(n.shared_blocks, Some(one.shared_blocks), core_format::count, describe_count) }
            if temp {
                { figure_cell(n.temp_blocks, Some(one.temp_blocks), core_format::count, describe_count) }
            }
            { figure_cell(n.misestimate, one.misestimate, factor, describe_factor) }
        </tr>
    }
}

#[derive(Clone, PartialEq)]
struct Link {
    url: String,
    copied: Option<bool>,
}

#[derive(Properties, PartialEq)]
pub struct CompareShareProps {
    pub state: UseReducerHandle<Compare>,
}

/// "Copy link" for the Compare view: both plans packed into the URL fragment (never
/// sent to a server); the link opens the Compare view on them.
#[component]
pub fn CompareShareMenu(props: &CompareShareProps) -> Html {
    let link = use_state(|| None::<Link>);
    let on_open = {
        let link = link.clone();
        let shared = props.state.to_shared();
        Callback::from(move |()| {
            let url = share_link(&dom::href(), &encode(&shared));
            link.set(Some(Link {
                url: url.clone(),
                copied: None,
            }));
            let link = link.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = dom::copy_text(&url).await;
                link.set(Some(Link {
                    url,
                    copied: Some(ok),
                }));
            });
        })
    };
    let body = match &*link {
        None => html! {},
        Some(Link { url, copied }) => {
            let chars = url.chars().count();
            let (class, warning) = match link_size(chars) {
                LinkSize::Fine => ("fine", None),
                LinkSize::TooLongForChat => ("warn", Some("Long for chat tools and e-mail, which may cut it. Copy the comparison as Markdown instead.")),
                LinkSize::TooLongForBrowsers => ("error", Some("Too long: some browsers and servers refuse links this size. Copy the comparison as Markdown instead.")),
            };
            let status = match copied {
                None => "Copying…",
                Some(true) => "Link copied",
                Some(false) => "Select the link and copy it",
            };
            html! {
                <div class="share" data-testid="share-panel">
                    <p class="share-status" role="status">{ status }</p>
                    <input class="share-url" type="text" readonly=true value={url.clone()}
                        aria-label="Share link" data-testid="share-url"
                        onfocus={Callback::from(|e: FocusEvent| {
                            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() { input.select(); }
                        })} />
                    <p class={classes!("share-size", class)} data-testid="share-size" data-size={class}>
                        { format!("{} · {} characters", bytes(chars as f64), grouped(chars as f64)) }
                    </p>
                    if let Some(warning) = warning {
                        <p class={classes!("share-warning", class)}>{ warning }</p>
                    }
                    <p class="muted small">
                        { "Both plans travel inside the link, after the #: browsers never send that part to a server." }
                    </p>
                </div>
            }
        }
    };
    html! {
        <Menu label="Copy link" id="share-button" primary=true disabled={props.state.is_empty()}
            on_open={on_open} align_right=true>
            { body }
        </Menu>
    }
}
