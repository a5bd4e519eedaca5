//! The page. It renders the core's [`Report`] as it is: every word of a finding comes
//! from the core; this module only adds section labels.
//!
//! User input only ever reaches the DOM as text nodes and attribute values.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use pgsight_core::plan::PlanFormat;
use pgsight_core::report::{Action as FixAction, InputSummary, Note, NoteLevel};
use pgsight_core::{Finding, Report, Severity};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::state::{Action, State, DEBOUNCE_MS};

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);

    // Debounce: a new edit replaces (and so cancels) the previous timer.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.edit, move |&edit| {
            let timer = Timeout::new(DEBOUNCE_MS, move || {
                dispatcher.dispatch(Action::Analyze(edit))
            });
            move || drop(timer)
        });
    }

    let oninput = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            dispatcher.dispatch(Action::Edit(area.value()));
        })
    };
    let onexample = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::LoadExample))
    };
    let onclear = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Clear))
    };

    html! {
        <div class="app">
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{ "◆" }</span>
                    <span class="name">{ "pgsight" }</span>
                </div>
                <p class="tagline">{ "PostgreSQL EXPLAIN diagnosis that runs entirely in your browser" }</p>
                <span class="privacy" title="The plan is analyzed by WebAssembly in this tab; nothing is uploaded.">
                    { "Local only" }
                </span>
            </header>
            <main class="layout">
                <section class="panel input-panel">
                    <div class="panel-head">
                        <label for="plan-input" class="panel-title">{ "Plan" }</label>
                        <div class="actions">
                            <button type="button" class="button" data-testid="load-example" onclick={onexample}>
                                { "Load example" }
                            </button>
                            <button type="button" class="button ghost" data-testid="clear"
                                onclick={onclear} disabled={state.text.is_empty()}>
                                { "Clear" }
                            </button>
                        </div>
                    </div>
                    <textarea
                        id="plan-input"
                        data-testid="plan-input"
                        class="plan-input"
                        spellcheck="false"
                        autocomplete="off"
                        placeholder="Paste the output of EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) or plain EXPLAIN ANALYZE text here."
                        value={state.text.clone()}
                        {oninput}
                    />
                    <StatusLine state={state.clone()} />
                </section>
                <section class="panel results-panel" aria-live="polite" aria-busy={state.pending().to_string()}>
                    <ReportView state={state.clone()} />
                </section>
            </main>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct StateProps {
    state: UseReducerHandle<State>,
}

#[component]
fn StatusLine(props: &StateProps) -> Html {
    let state = &props.state;
    let text = if state.text.trim().is_empty() {
        "Nothing to analyze yet.".to_owned()
    } else if state.pending() {
        "Analyzing…".to_owned()
    } else {
        match state.report.as_ref().map(|r| summary(&r.inputs)) {
            Some(text) if !text.is_empty() => text,
            _ => "Could not read the plan.".to_owned(),
        }
    };
    html! { <p class="status" data-testid="status">{ text }</p> }
}

/// `Read JSON: 1 plan, 3 nodes.` from the input summaries.
fn summary(inputs: &[InputSummary]) -> String {
    inputs
        .iter()
        .filter(|i| i.ok)
        .map(|i| {
            let format = match i.format {
                Some(PlanFormat::Json) => "JSON",
                Some(PlanFormat::Text) => "text",
                None => "input",
            };
            format!(
                "Read {format}: {}, {}.",
                plural(i.plans, "plan"),
                plural(i.nodes, "node")
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[component]
fn ReportView(props: &StateProps) -> Html {
    let Some(report) = props.state.report.clone() else {
        return html! {
            <div class="empty">
                <h2>{ "Findings" }</h2>
                <p>{ "Paste a plan on the left, or load the example, to see what slows it down and how to fix it." }</p>
            </div>
        };
    };
    let count = report.findings.len();
    html! {
        <>
            <div class="panel-head">
                <h2 class="panel-title">{ "Findings" }</h2>
                <span class="count" data-testid="finding-count">{ count }</span>
            </div>
            if !report.notes.is_empty() {
                <ul class="notes">
                    for note in report.notes.iter() {
                        <NoteView note={note.clone()} />
                    }
                </ul>
            }
            if count == 0 && report_read_something(&report) {
                <p class="empty-findings">{ "No rule matched this plan." }</p>
            }
            for (index, finding) in report.findings.iter().enumerate() {
                <FindingView key={index} finding={Rc::new(finding.clone())} />
            }
        </>
    }
}

fn report_read_something(report: &Report) -> bool {
    report.inputs.iter().any(|i| i.ok)
}

#[derive(Properties, PartialEq)]
struct NoteProps {
    note: Note,
}

#[component]
fn NoteView(props: &NoteProps) -> Html {
    let note = &props.note;
    let level = note_level(note.level);
    html! {
        <li class={classes!("note", format!("level-{level}"))} data-testid="note" data-level={level}>
            <span class="badge">{ level }</span>
            <span class="note-message">{ note.message.clone() }</span>
            if let Some(at) = position(note.line, note.column) {
                <span class="note-position" data-testid="note-position">{ at }</span>
            }
        </li>
    }
}

fn note_level(level: NoteLevel) -> &'static str {
    match level {
        NoteLevel::Info => "info",
        NoteLevel::Warning => "warning",
        NoteLevel::Error => "error",
    }
}

/// `line 3, column 7`, `line 3`, or nothing.
fn position(line: Option<u32>, column: Option<u32>) -> Option<String> {
    match (line, column) {
        (Some(l), Some(c)) => Some(format!("line {l}, column {c}")),
        (Some(l), None) => Some(format!("line {l}")),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
struct FindingProps {
    finding: Rc<Finding>,
}

#[component]
fn FindingView(props: &FindingProps) -> Html {
    let f = &props.finding;
    let severity = f.severity.as_str();
    let location = f
        .location
        .node_label
        .clone()
        .map(|label| match f.location.line {
            Some(line) => format!("{label} · line {line}"),
            None => label,
        });
    html! {
        <article class={classes!("finding", severity_class(f.severity))}
            data-testid="finding" data-rule={f.rule} data-severity={severity}>
            <header class="finding-head">
                <span class="badge severity">{ severity }</span>
                <code class="rule-id">{ f.rule }</code>
                <span class="category">{ f.category.as_str() }</span>
            </header>
            <h3 class="finding-title">{ f.title.clone() }</h3>
            if let Some(location) = location {
                <p class="location">{ location }</p>
            }
            <p class="message">{ f.message.clone() }</p>
            if !f.evidence.is_empty() {
                <dl class="evidence">
                    for e in f.evidence.iter() {
                        <div class="evidence-row">
                            <dt>{ e.label.clone() }</dt>
                            <dd>{ e.value.clone() }</dd>
                        </div>
                    }
                </dl>
            }
            <div class="parts">
                <ActionPart label="Fix" class="fix" action={f.fix.clone()} />
                <TextPart label="Impact" class="impact" text={f.impact.text.clone()} />
                <TextPart label="Risk" class="risk" text={f.risk.clone()} />
                <ActionPart label="Rollback" class="rollback" action={f.rollback.clone()} />
            </div>
        </article>
    }
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "sev-info",
        Severity::Warning => "sev-warning",
        Severity::Error => "sev-error",
    }
}

#[derive(Properties, PartialEq)]
struct TextPartProps {
    label: AttrValue,
    class: AttrValue,
    text: AttrValue,
}

#[component]
fn TextPart(props: &TextPartProps) -> Html {
    if props.text.is_empty() {
        return html! {};
    }
    html! {
        <section class={classes!("part", props.class.clone())} data-part={props.class.clone()}>
            <h4>{ props.label.clone() }</h4>
            <p>{ props.text.clone() }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ActionPartProps {
    label: AttrValue,
    class: AttrValue,
    action: FixAction,
}

#[component]
fn ActionPart(props: &ActionPartProps) -> Html {
    let action = &props.action;
    if action.text.is_empty() && action.sql.is_none() {
        return html! {};
    }
    html! {
        <section class={classes!("part", props.class.clone())} data-part={props.class.clone()}>
            <h4>{ props.label.clone() }</h4>
            if !action.text.is_empty() {
                <p>{ action.text.clone() }</p>
            }
            if let Some(sql) = action.sql.clone() {
                <SqlBlock sql={sql} />
            }
        </section>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum CopyStatus {
    Idle,
    Copied,
    Failed,
}

#[derive(Properties, PartialEq)]
struct SqlBlockProps {
    sql: AttrValue,
}

#[component]
fn SqlBlock(props: &SqlBlockProps) -> Html {
    let status = use_state(|| CopyStatus::Idle);

    // Back to "Copy" a little after a copy.
    {
        let status = status.clone();
        use_effect_with(*status, move |current| {
            let timer = (*current != CopyStatus::Idle)
                .then(|| Timeout::new(1_500, move || status.set(CopyStatus::Idle)));
            move || drop(timer)
        });
    }

    let onclick = {
        let status = status.clone();
        let sql = props.sql.clone();
        Callback::from(move |_: MouseEvent| copy_to_clipboard(sql.to_string(), status.setter()))
    };
    let label = match *status {
        CopyStatus::Idle => "Copy",
        CopyStatus::Copied => "Copied",
        CopyStatus::Failed => "Copy failed",
    };
    html! {
        <div class="sql">
            <div class="sql-bar">
                <span class="sql-lang">{ "SQL" }</span>
                <button type="button" class="button copy" data-testid="copy-sql" {onclick}>{ label }</button>
            </div>
            <pre><code class="language-sql">{ props.sql.clone() }</code></pre>
        </div>
    }
}

/// Writes `text` to the clipboard; reports the outcome through `status`.
fn copy_to_clipboard(text: String, status: UseStateSetter<CopyStatus>) {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        status.set(CopyStatus::Failed);
        return;
    };
    // Absent outside secure contexts.
    if clipboard.is_undefined() {
        status.set(CopyStatus::Failed);
        return;
    }
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => CopyStatus::Copied,
            Err(_) => CopyStatus::Failed,
        };
        status.set(outcome);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        assert_eq!(
            position(Some(3), Some(7)).as_deref(),
            Some("line 3, column 7")
        );
        assert_eq!(position(Some(3), None).as_deref(), Some("line 3"));
        assert_eq!(position(None, Some(7)), None);
        assert_eq!(position(None, None), None);
    }

    #[test]
    fn summary_of_the_example() {
        let report = crate::state::analyze_plan(crate::state::EXAMPLE_PLAN);
        assert_eq!(summary(&report.inputs), "Read JSON: 1 plan, 3 nodes.");
    }

    #[test]
    fn summary_skips_unreadable_inputs() {
        let report = crate::state::analyze_plan("not a plan");
        assert_eq!(summary(&report.inputs), "");
    }
}
