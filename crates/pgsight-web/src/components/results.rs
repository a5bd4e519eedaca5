//! The results side: status and filters, problems with the inputs, the plan tree and
//! the findings.

use pgsight_core::report::NoteLevel;
use pgsight_core::Severity;
use yew::prelude::*;

use super::findings::FindingsList;
use super::migration::MigrationView;
use super::schema::SchemaView;
use super::tree::PlanTree;
use super::{severity_class, ReportRef};
use crate::examples::{Example, EXAMPLES};
use crate::format::{ms, plural, position};
use crate::state::{category_counts, severity_counts, Action, Slot, State, Target};
use crate::views::{self, View};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub state: UseReducerHandle<State>,
    pub on_example: Callback<&'static Example>,
}

#[component]
pub fn ResultsPanel(props: &ResultsProps) -> Html {
    let state = &props.state;
    let dispatcher = state.dispatcher();
    let report = state.report.clone().map(ReportRef);
    // The view above the findings (plan, schema, migration) the user chose.
    let chosen = use_state(|| None::<View>);
    let view = report.as_ref().and_then(|r| views::current(r, *chosen));
    // Selecting a finding that the view shown does not show switches to one that does.
    {
        let (chosen, report) = (chosen.clone(), report.clone());
        use_effect_with((state.selection.seq, state.selection.finding), move |(_, finding)| {
            if let (Some(r), Some(i)) = (&report, finding) {
                if let Some(v) = views::view_for_selection(r, views::current(r, *chosen), *i) {
                    chosen.set(Some(v));
                }
            }
        });
    }

    let status = if state.pending() {
        html! { <span class="status busy" data-testid="status" data-busy="true"><span class="spinner" aria-hidden="true" />{ "Analyzing…" }</span> }
    } else if let Some(failure) = &state.failure {
        html! { <span class="status failed" data-testid="status">{ format!("Analysis failed: {failure}") }</span> }
    } else if let Some(r) = &report {
        let read = r.inputs.iter().filter(|i| i.ok).count();
        let mut text = format!(
            "{} · {} read",
            plural(state.findings_total.max(r.findings.len()), "finding"),
            plural(read, "input")
        );
        if let Some(e) = state.elapsed_ms {
            text.push_str(&format!(" in {}", ms(e)));
        }
        if state.views_pending.is_some() {
            // The findings of a big report came first; its plan or schema view follows.
            html! { <span class="status busy" data-testid="status" data-busy="true"><span class="spinner" aria-hidden="true" />{ format!("{text} · loading the view…") }</span> }
        } else {
            html! { <span class="status" data-testid="status">{ text }</span> }
        }
    } else {
        html! { <span class="status" data-testid="status">{ "Nothing to analyze yet" }</span> }
    };

    let Some(report) = report else {
        return html! {
            <section class="panel results-panel" aria-label="Results">
                <div class="results-bar" aria-live="polite">{ status }</div>
                <Welcome on_example={props.on_example.clone()} />
            </section>
        };
    };

    let severities = severity_counts(&report);
    let categories = category_counts(&report);
    let selected_node = match &state.selection.target {
        Some(Target::Node { plan, node }) => Some((*plan, *node)),
        _ => None,
    };
    let select_finding = {
        let d = dispatcher.clone();
        Callback::from(move |i: usize| d.dispatch(Action::SelectFinding(i)))
    };
    let select_node = {
        let d = dispatcher.clone();
        Callback::from(move |(plan, node): (usize, usize)| {
            d.dispatch(Action::SelectNode { plan, node })
        })
    };
    let notes: Vec<_> = report.notes.iter().collect();

    html! {
        <section class="panel results-panel" aria-label="Results" aria-busy={state.busy().to_string()}>
            <div class="results-bar">
                <div aria-live="polite" class="status-wrap">{ status }</div>
                <span class="spacer" />
                // The counts wait for every finding of a report that came findings first.
                if !report.findings.is_empty() && state.views_pending.is_none() {
                    <div class="filters" role="group" aria-label="Show findings by severity">
                        for (severity, count) in severities {
                            if count > 0 {
                                <button type="button"
                                    class={classes!("chip", severity_class(severity), (!state.filters.hidden_severities.contains(&severity)).then_some("on"))}
                                    aria-pressed={(!state.filters.hidden_severities.contains(&severity)).to_string()}
                                    data-testid={format!("filter-{}", severity.as_str())}
                                    onclick={{ let d = dispatcher.clone(); Callback::from(move |_: MouseEvent| d.dispatch(Action::ToggleSeverity(severity))) }}>
                                    <span class="dot" aria-hidden="true" />
                                    { format!("{count} {}", severity_word(severity, count)) }
                                </button>
                            }
                        }
                    </div>
                    if categories.len() > 1 {
                        <div class="filters" role="group" aria-label="Show findings by category">
                            for (category, count) in categories {
                                <button type="button"
                                    class={classes!("chip", (!state.filters.hidden_categories.contains(&category)).then_some("on"))}
                                    aria-pressed={(!state.filters.hidden_categories.contains(&category)).to_string()}
                                    data-testid={format!("filter-{}", category.as_str())}
                                    onclick={{ let d = dispatcher.clone(); Callback::from(move |_: MouseEvent| d.dispatch(Action::ToggleCategory(category))) }}>
                                    { format!("{} {count}", category.as_str()) }
                                </button>
                            }
                        </div>
                    }
                }
            </div>
            if !notes.is_empty() {
                <ul class="notes" aria-label="Problems with the inputs">
                    for note in notes {
                        <li class={classes!("note", note_class(note.level))} data-testid="note" data-level={note_class(note.level)}>
                            <span class="note-level">{ note_class(note.level) }</span>
                            <span class="note-message">{ note.message.clone() }</span>
                            if let (Some(at), Some(input)) = (position(note.line, note.column), report.inputs.get(note.input)) {
                                <button type="button" class="linklike" data-testid="note-position"
                                    onclick={{
                                        let d = dispatcher.clone();
                                        let slot = Slot::of_kind(input.kind);
                                        let (line, column) = (note.line.unwrap_or(1), note.column);
                                        Callback::from(move |_: MouseEvent| d.dispatch(Action::SelectLine { slot, line, column }))
                                    }}>
                                    { at }
                                </button>
                            }
                        </li>
                    }
                </ul>
            }
            <div class={classes!("results-body", view.is_some().then_some("with-tree"))}>
                <ViewTabs report={report.clone()} current={view} on_choose={{ let chosen = chosen.clone(); Callback::from(move |v: View| chosen.set(Some(v))) }} />
                { match view {
                    Some(View::Plan) => html! {
                        <PlanTree report={report.clone()} selected={selected_node} seq={state.selection.seq}
                            on_select_node={select_node} on_select_finding={select_finding.clone()} />
                    },
                    Some(View::Schema) => html! {
                        <SchemaView report={report.clone()} selected={state.selection.finding} seq={state.selection.seq}
                            on_select_finding={select_finding.clone()} />
                    },
                    Some(View::Migration) => html! {
                        <MigrationView report={report.clone()} on_select_line={{
                            let d = dispatcher.clone();
                            Callback::from(move |(slot, line): (Slot, u32)| d.dispatch(Action::SelectLine { slot, line, column: None }))
                        }} />
                    },
                    None => html! {},
                } }
                <div class="findings-scroll" data-testid="findings-scroll">
                    if !report.inputs.iter().any(|i| i.ok) {
                        <div class="all-clear unreadable" data-testid="nothing-read">
                            <p>{ "Nothing could be read from the inputs yet: the problems above say where." }</p>
                        </div>
                    } else if report.findings.is_empty() {
                        <div class="all-clear" data-testid="no-findings">
                            <h2>{ "No finding" }</h2>
                            <p>{ "No rule matched these inputs." }</p>
                        </div>
                    }
                    <FindingsList report={report.clone()} filters={state.filters.clone()} shown={state.shown}
                        complete={state.views_pending.is_none()}
                        selected={state.selection.finding} seq={state.selection.seq}
                        on_select={select_finding}
                        on_show_more={{ let d = dispatcher.clone(); Callback::from(move |()| d.dispatch(Action::ShowMore)) }}
                        on_clear_filters={{ let d = dispatcher.clone(); Callback::from(move |()| d.dispatch(Action::ClearFilters)) }} />
                </div>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ViewTabsProps {
    report: ReportRef,
    current: Option<View>,
    on_choose: Callback<View>,
}

/// Tabs for the views above the findings, when the report has more than one. Arrow
/// keys move between them (the WAI-ARIA tabs pattern).
#[component]
fn ViewTabs(props: &ViewTabsProps) -> Html {
    let available = views::available(&props.report);
    if available.len() < 2 {
        return html! {};
    }
    let onkeydown = {
        let (available, current, on_choose) = (available.clone(), props.current, props.on_choose.clone());
        Callback::from(move |e: KeyboardEvent| {
            let step: isize = match e.key().as_str() {
                "ArrowRight" => 1,
                "ArrowLeft" => -1,
                _ => return,
            };
            e.prevent_default();
            let at = available.iter().position(|v| Some(*v) == current).unwrap_or(0) as isize;
            let next = available[(at + step).rem_euclid(available.len() as isize) as usize];
            on_choose.emit(next);
            crate::dom::focus(&format!("view-tab-{}", next.id()));
        })
    };
    html! {
        <div class="tabs view-tabs" role="tablist" aria-label="Views" {onkeydown}>
            for v in available {
                <button type="button" role="tab" key={v.id()} id={format!("view-tab-{}", v.id())}
                    data-testid={format!("view-{}", v.id())}
                    class={classes!("tab", (Some(v) == props.current).then_some("active"))}
                    aria-selected={(Some(v) == props.current).to_string()}
                    tabindex={if Some(v) == props.current { "0" } else { "-1" }}
                    onclick={props.on_choose.reform(move |_: MouseEvent| v)}>
                    { v.label() }
                </button>
            }
        </div>
    }
}

fn severity_word(s: Severity, n: usize) -> &'static str {
    match (s, n == 1) {
        (Severity::Error, true) => "error",
        (Severity::Error, false) => "errors",
        (Severity::Warning, true) => "warning",
        (Severity::Warning, false) => "warnings",
        (Severity::Info, _) => "info",
    }
}

fn note_class(level: NoteLevel) -> &'static str {
    match level {
        NoteLevel::Info => "info",
        NoteLevel::Warning => "warning",
        NoteLevel::Error => "error",
    }
}

#[derive(Properties, PartialEq)]
struct WelcomeProps {
    on_example: Callback<&'static Example>,
}

/// The empty state: what the tool does, and examples to try at once.
#[component]
fn Welcome(props: &WelcomeProps) -> Html {
    html! {
        <div class="welcome" data-testid="welcome">
            <h2>{ "See why a query is slow, and how to fix it" }</h2>
            <p>
                { "Paste the output of " }
                <code>{ "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)" }</code>
                { " — or plain " }<code>{ "EXPLAIN ANALYZE" }</code>
                { " text — on the left. pgsight ranks what slows the plan down, with the evidence, the SQL that fixes it, what it should change, what it risks and how to undo it." }
            </p>
            <p class="muted">{ "Everything runs in this tab, in WebAssembly: nothing is uploaded, and it works offline." }</p>
            <h3>{ "Try a real plan" }</h3>
            <ul class="example-grid">
                for example in EXAMPLES.iter() {
                    <li key={example.id}>
                        <button type="button" class="example-card" data-example={example.id}
                            onclick={props.on_example.reform(move |_: MouseEvent| example)}>
                            <span class="example-title">{ example.title }</span>
                            <span class="tag">{ example.format }</span>
                        </button>
                    </li>
                }
            </ul>
        </div>
    }
}
